import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { estimate, estimateMemory, resolveAccelerator } from '../../core/index';
import type { Accelerator, MemoryBreakdown, RunInputs } from '../../core/index';

function accel(name: string): Accelerator {
  const r = resolveAccelerator(name);
  assert.ok(r.ok, name);
  return r.value;
}

function states(m: MemoryBreakdown): number {
  return m.weightsGB + m.gradientsGB + m.optimizerGB;
}

const A100 = accel('a100-80gb');
const FULL_7B: RunInputs = { params: 7e9, precision: 'bf16', optimizer: 'adamw', microBatch: 8, seqLen: 2048 };

describe('estimateMemory', () => {
  it('returns undefined without a parameter count', () => {
    assert.equal(estimateMemory({ precision: 'bf16', microBatch: 8 }), undefined);
  });

  it('matches the ZeRO paper: 7.5B params with mixed-precision Adam = 120 GB of states; ZeRO-3 on 64 devices ≈ 1.9 GB', () => {
    // Rajbhandari et al. 2020, §3.1 and Figure 1: (2 + 2 + 12) bytes × 7.5B = 120 GB; stage 3 over Nd = 64 → 1.9 GB.
    const dp = estimateMemory({ params: 7.5e9, precision: 'fp16', optimizer: 'adamw' })!;
    assert.ok(Math.abs(states(dp) - 120) < 0.01, `states ${states(dp)}`);
    const z3 = estimateMemory({ params: 7.5e9, precision: 'fp16', optimizer: 'adamw', devices: 64, zeroStage: 3 })!;
    assert.ok(Math.abs(states(z3) - 1.9) < 0.05, `ZeRO-3 states ${states(z3)}`);
  });

  it('puts a 7B AdamW mixed-precision full fine-tune at 16 B/param + activations: no fit on an 80 GB A100 without ZeRO', () => {
    const m = estimateMemory(FULL_7B, A100)!;
    assert.ok(Math.abs(states(m) - 112) < 0.01, `states ${states(m)}`);
    assert.equal(m.weightsGB, 14); // 16-bit working copy
    assert.equal(m.optimizerGB, 84); // fp32 master + two fp32 moments = 12 B/param
    assert.ok(m.activationsGB > 10, `activations ${m.activationsGB}`);
    assert.ok(m.totalGB.low > 80 && m.fraction! > 1, JSON.stringify(m.totalGB));
    assert.equal(m.deviceGB, 80);
    assert.ok(m.totalGB.low <= m.totalGB.mid && m.totalGB.mid <= m.totalGB.high);
    assert.ok(m.overheadGB >= 1 && m.overheadGB <= 2);
  });

  it('fits a 7B LoRA fine-tune on one 80 GB A100', () => {
    const m = estimateMemory({ ...FULL_7B, microBatch: 1, peft: { method: 'lora' } }, A100)!;
    assert.ok(m.totalGB.high < 80, JSON.stringify(m.totalGB));
    assert.ok(m.gradientsGB < 0.5 && m.optimizerGB < 1, 'only the adapters are trained');
    // With checkpointing the full micro-batch of 8 fits too.
    const ckpt = estimateMemory({ ...FULL_7B, peft: { method: 'lora' }, gradCheckpointing: true }, A100)!;
    assert.ok(ckpt.totalGB.high < 80, JSON.stringify(ckpt.totalGB));
  });

  it('keeps QLoRA base weights at about half a byte per parameter', () => {
    const q = estimateMemory({ params: 7e9, precision: 'bf16', peft: { method: 'qlora' } })!;
    const perParam = (q.weightsGB * 1e9) / 7e9;
    assert.ok(perParam > 0.5 && perParam < 0.6, `${perParam} B/param`);
  });

  it('shrinks per-device states about 8× with ZeRO-3 over 8 devices', () => {
    const one = estimateMemory({ ...FULL_7B, devices: 8 })!;
    const z3 = estimateMemory({ ...FULL_7B, devices: 8, zeroStage: 3 })!;
    const ratio = states(one) / states(z3);
    assert.ok(Math.abs(ratio - 8) < 1e-9, `ratio ${ratio}`);
    // Stage 1 shards only the optimizer states, stage 2 also the gradients.
    const z1 = estimateMemory({ ...FULL_7B, devices: 8, zeroStage: 1 })!;
    const z2 = estimateMemory({ ...FULL_7B, devices: 8, zeroStage: 2 })!;
    assert.equal(z1.weightsGB, one.weightsGB);
    assert.equal(z1.gradientsGB, one.gradientsGB);
    assert.ok(z1.optimizerGB < one.optimizerGB / 7);
    assert.ok(z2.gradientsGB < one.gradientsGB / 7 && z2.weightsGB === one.weightsGB);
    // Activations are not sharded by ZeRO.
    assert.equal(z3.activationsGB, one.activationsGB);
  });

  it('cuts activation memory by a large factor with gradient checkpointing', () => {
    const plain = estimateMemory(FULL_7B)!;
    const ckpt = estimateMemory({ ...FULL_7B, gradCheckpointing: true })!;
    assert.ok(plain.activationsGB / ckpt.activationsGB > 5, `${plain.activationsGB} vs ${ckpt.activationsGB}`);
  });

  it('follows Korthikanti et al. 2022 with a known shape (34·s·b·h per layer with fused attention, + 5·a·s/h eager)', () => {
    const shape = { layers: 32, hidden: 4096, heads: 32, vocab: 32000 };
    const m = estimateMemory({ params: 6.7e9, precision: 'bf16', microBatch: 1, seqLen: 2048, shape })!;
    const sbh = 2048 * 4096;
    const logits = 2048 * 32000 * 6;
    assert.ok(Math.abs(m.activationsGB * 1e9 - (32 * 34 * sbh + logits)) < 1);
    const eager = 32 * sbh * (34 + (5 * 32 * 2048) / 4096) + logits;
    assert.ok(Math.abs(m.totalGB.high - m.totalGB.low - (eager - (32 * 34 * sbh + logits)) / 1e9 - 1) < 1e-6);
  });

  it('counts bytes per parameter by optimizer', () => {
    const per = (i: RunInputs) => (states(estimateMemory({ params: 1e9, ...i })!) * 1e9) / 1e9;
    assert.equal(per({ precision: 'fp32', optimizer: 'adamw' }), 16);
    assert.equal(per({ precision: 'bf16', optimizer: 'adamw-8bit' }), 2 + 2 + 4 + 2);
    assert.equal(per({ precision: 'bf16', optimizer: 'sgd' }), 2 + 2 + 4 + 4);
    assert.equal(per({ precision: 'fp32', optimizer: 'sgd', momentum: false }), 8);
    const ada = per({ precision: 'fp32', optimizer: 'adafactor' });
    assert.ok(ada > 8 && ada < 8.1, `adafactor ${ada}`);
  });

  it('is attached to estimates when the parameter count is known', () => {
    const e = estimate({ ...FULL_7B, tokens: 1e9, hardware: 'a100-80gb' });
    assert.ok(e.memoryGBPerDevice && e.memoryGBPerDevice.deviceGB === 80);
    assert.ok(e.assumptions.some((a) => a.key === 'memory'));
  });
});

it('pure 16-bit training keeps no fp32 master copy: ≈ 8 B/param with AdamW instead of 16', () => {
  const base = { params: 8e9, precision: 'bf16' as const, microBatch: 1, seqLen: 512, gradCheckpointing: true };
  const mixed = estimateMemory(base)!;
  const pure = estimateMemory({ ...base, pureHalf: true })!;
  const states = (m: typeof mixed) => (m.weightsGB + m.gradientsGB + m.optimizerGB) / 8;
  assert.ok(Math.abs(states(mixed) - 16) < 0.01, String(states(mixed)));
  assert.ok(Math.abs(states(pure) - 8) < 0.01, String(states(pure)));
  // 8-bit optimizer states stay 8-bit.
  const pure8 = estimateMemory({ ...base, pureHalf: true, optimizer: 'adamw-8bit' })!;
  assert.ok(Math.abs(states(pure8) - 6) < 0.01, String(states(pure8)));
});
