// Footprint v3: precision as frameworks run it, load-dependent power, utilisation beyond large dense LLMs (small
// batches, MoE, long sequences, input-bound loaders, LoRA), new accelerators, and per-step estimates.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import {
  deviceFit,
  estimate,
  estimateStep,
  listAccelerators,
  listRegions,
  resolveAccelerator,
  saving,
} from '../../core/index';
import type { RunInputs } from '../../core/index';

const IMAGENET = 1_281_167;

describe('precision as frameworks run it', () => {
  const llm: RunInputs = { params: 7e9, tokens: 1e11, hardware: 'h100', devices: 8, microBatch: 4, seqLen: 2048 };

  it('PyTorch-default fp32 (true fp32 matmuls) on an H100 takes ≥ 5× the bf16 time for a transformer', () => {
    const r =
      estimate({ ...llm, precision: 'fp32' }).gpuHours.mid / estimate({ ...llm, precision: 'bf16' }).gpuHours.mid;
    assert.ok(r >= 5, `fp32/bf16 ${r}`);
  });

  it('TF32 (allow_tf32, set_float32_matmul_precision("high"), TensorFlow/JAX default) sits between: 1.8–3× bf16', () => {
    const bf16 = estimate({ ...llm, precision: 'bf16' }).gpuHours.mid;
    const tf32 = estimate({ ...llm, precision: 'tf32' }).gpuHours.mid;
    const tfDefault = estimate({ ...llm, precision: 'fp32', fp32Matmul: 'tf32' }).gpuHours.mid;
    assert.ok(tf32 / bf16 >= 1.8 && tf32 / bf16 <= 3, `tf32/bf16 ${tf32 / bf16}`);
    assert.equal(tfDefault, tf32, 'TensorFlow/JAX fp32 is TF32 on Hopper');
  });

  it('convolutional "fp32" on an A100 is TF32 (cuDNN default): at most 2× the bf16 time', () => {
    const rn: RunInputs = { architecture: 'resnet50', samples: IMAGENET, epochs: 90, hardware: 'a100', devices: 8 };
    const r = estimate({ ...rn, precision: 'fp32' }).gpuHours.mid / estimate({ ...rn, precision: 'bf16' }).gpuHours.mid;
    assert.ok(r > 1.1 && r <= 2, `conv fp32/bf16 ${r}`);
    // With cuDNN TF32 switched off too, convolutions run on the CUDA cores: much slower.
    const strict = estimate({ ...rn, precision: 'fp32', fp32Matmul: 'fp32' }).gpuHours.mid;
    assert.ok(strict > 2 * estimate({ ...rn, precision: 'fp32' }).gpuHours.mid);
  });

  it('the GML101 saving follows: ≈ −87 % for a true-fp32 transformer on Hopper, far less for a convnet', () => {
    const run: RunInputs = { params: 185e6, tokens: 1e10, hardware: 'h200', devices: 1, microBatch: 16, seqLen: 1024 };
    const s = saving({ ...run, precision: 'fp32' }, { precision: 'bf16' });
    assert.ok(s.fraction >= 0.77 && s.fraction <= 0.95, `transformer saving ${s.fraction} (measured 0.87)`);
    const conv = saving(
      { architecture: 'resnet50', samples: IMAGENET, epochs: 90, hardware: 'h200', devices: 8, precision: 'fp32' },
      { precision: 'bf16' },
    );
    assert.ok(conv.fraction >= 0.2 && conv.fraction <= 0.5, `convnet saving ${conv.fraction} (measured 0.38)`);
  });

  it('says in its assumptions which fp32 the run gets', () => {
    const e = estimate({ ...llm, precision: 'fp32' });
    const a = e.assumptions.find((x) => x.key === 'precision-speed');
    assert.ok(a && /true fp32/.test(a.text) && /allow_tf32 = False/.test(a.text), a?.text);
    assert.ok(a && /RESULTS\.md/.test(a.source ?? ''));
  });
});

describe('power that depends on load', () => {
  it('draws less power per device at small batches than at large ones', () => {
    const base: RunInputs = { params: 110e6, tokens: 1e9, hardware: 'a100', devices: 1, precision: 'bf16' };
    const perHour = (i: RunInputs) => {
      const e = estimate(i);
      return e.energyBreakdownKWh!.accelerators.mid / e.gpuHours.mid;
    };
    const small = perHour({ ...base, microBatch: 8, seqLen: 128 });
    const large = perHour({ ...base, microBatch: 32, seqLen: 512 });
    assert.ok(small < 0.9 * large, `${small} vs ${large} kWh per device-hour`);
  });

  it('puts large dense training steps near the power limit (86–97 % of 700 W on H200)', () => {
    const s = estimateStep({
      params: 185e6,
      tokens: 16_384,
      microBatch: 16,
      seqLen: 1024,
      hardware: 'h200',
      precision: 'bf16',
    });
    assert.ok(s.powerW >= 0.86 * 700 && s.powerW <= 0.97 * 700, `${s.powerW} W`);
  });

  it('averages a whole run below its steps (checkpoints, evaluation, stalls)', () => {
    const i: RunInputs = { params: 1e9, tokens: 1e10, hardware: 'h100', devices: 8, precision: 'bf16' };
    const run = estimate({ ...i, pue: 1 });
    const runW = (run.energyBreakdownKWh!.accelerators.mid * 1000) / run.gpuHours.mid;
    const step = estimateStep({ ...i, tokens: 8 * 4 * 2048 });
    assert.ok(runW < step.powerW, `${runW} vs ${step.powerW}`);
  });
});

describe('utilisation beyond big LLMs', () => {
  it('gives a mixture-of-experts model FLOPs of its active parameters, at a lower efficiency when experts are small', () => {
    const moe = estimate({ params: 7e9, activeParams: 1.3e9, tokens: 5e12, hardware: 'h100', devices: 256 });
    const dense = estimate({ params: 1.3e9, tokens: 5e12, hardware: 'h100', devices: 256 });
    assert.equal(moe.work!.flops, dense.work!.flops);
    // About half the dense utilisation at 1B active (core/fit.ts moeEfficiency: 1.9× the dense run's hours here). Round
    // 13's centre per regime moved the two runs' mids apart by their regimes' medians (bound loosened to 1.4×); reverted
    // in round 14 (docs/evaluation/dev-footprint-14.md), the bound is back at 1.5×.
    assert.ok(moe.gpuHours.mid > 1.5 * dense.gpuHours.mid, `${moe.gpuHours.mid} vs ${dense.gpuHours.mid}`);
    assert.ok(moe.assumptions.some((a) => a.key === 'mfu' && /mixture-of-experts/.test(a.text)));
  });

  it('adds attention FLOPs for long sequences', () => {
    const i: RunInputs = { params: 1e9, tokens: 1e10, hardware: 'h100', devices: 8, precision: 'bf16' };
    assert.ok(estimate({ ...i, seqLen: 32_768 }).work!.flops! > 1.5 * estimate({ ...i, seqLen: 2048 }).work!.flops!);
  });

  it('caps an image run whose DataLoader has num_workers=0, says so, and draws less power', () => {
    const rn: RunInputs = {
      architecture: 'resnet50',
      samples: IMAGENET,
      epochs: 90,
      hardware: 'a100',
      devices: 8,
      precision: 'bf16',
    };
    const fast = estimate({ ...rn, dataLoaderWorkers: 8 });
    const slow = estimate({ ...rn, dataLoaderWorkers: 0 });
    assert.ok(slow.gpuHours.mid > 3 * fast.gpuHours.mid, `${slow.gpuHours.mid} vs ${fast.gpuHours.mid}`);
    assert.ok(slow.assumptions.some((a) => a.key === 'input-bound' && /num_workers=0/.test(a.text)));
    const w = (e: typeof slow) => e.energyBreakdownKWh!.accelerators.mid / e.gpuHours.mid;
    assert.ok(w(slow) < w(fast));
    // Text workloads are not capped: tokenised text loads in microseconds.
    const text: RunInputs = { params: 110e6, tokens: 1e9, hardware: 'a100', devices: 1 };
    assert.equal(estimate({ ...text, dataLoaderWorkers: 0 }).gpuHours.mid, estimate(text).gpuHours.mid);
  });

  it('prices a LoRA step like a full fine-tune step at ~1B parameters (measured 231 vs 223 ms), cheaper only at 100B+', () => {
    const ft: RunInputs = { params: 774e6, tokens: 1e9, hardware: 'h200', devices: 1, microBatch: 8, seqLen: 1024 };
    const lora = { ...ft, peft: { method: 'lora' as const, trainableFraction: 11.8e6 / 774e6 } };
    const r = estimate(lora).gpuHours.mid / estimate(ft).gpuHours.mid;
    assert.ok(r >= 0.9 && r <= 1.1, `LoRA/full ${r}`);
    const big: RunInputs = { params: 175e9, tokens: 1e9, hardware: 'h100', devices: 64 };
    const rBig = estimate({ ...big, peft: { method: 'lora' } }).gpuHours.mid / estimate(big).gpuHours.mid;
    assert.ok(rBig >= 0.7 && rBig <= 0.8, `LoRA/full at 175B ${rBig} (Hu et al.: 25 % faster)`);
  });

  it("states LoRA's gain as memory: fewer or smaller devices", () => {
    const ft: RunInputs = { params: 7e9, hardware: 'a100-80gb', microBatch: 4, seqLen: 2048, precision: 'bf16' };
    const full = deviceFit(ft)!;
    const lora = deviceFit({ ...ft, peft: { method: 'lora' } })!;
    assert.ok(lora.singleDeviceGB < full.singleDeviceGB / 2, `${lora.singleDeviceGB} vs ${full.singleDeviceGB} GB`);
    assert.ok(lora.devicesNeeded! < full.devicesNeeded!, `${lora.devicesNeeded} vs ${full.devicesNeeded} devices`);
    assert.ok(full.smallestSingle === undefined || lora.smallestSingle!.memoryGB <= full.smallestSingle.memoryGB);
  });
});

describe('accelerators and regions users have', () => {
  it('resolves the new accelerators in the spellings people write', () => {
    const cases: Array<[string, string]> = [
      ['h800', 'h800-sxm'],
      ['NVIDIA H800', 'h800-sxm'],
      ['NVIDIA H800 PCIe', 'h800-pcie'],
      ['h20', 'h20'],
      ['B200', 'b200'],
      ['GB200', 'gb200'],
      // Grace Hopper superchips (footprint-20's DepthSplat runs name "GH200"); "H200" and "GB200" stay their own rows.
      ['GH200', 'gh200'],
      ['NVIDIA GH200 Grace Hopper Superchip', 'gh200'],
      ['Grace Hopper', 'gh200'],
      ['H200', 'h200-sxm'],
      ['mi300x', 'mi300x'],
      ['AMD Instinct MI325X', 'mi325x'],
      ['MI250X', 'mi250x'],
      ['gaudi2', 'gaudi2'],
      ['Intel Gaudi 3', 'gaudi3'],
      ['HL-225H', 'gaudi2'],
      ['v5e', 'tpu-v5e'],
      ['tpu v5p', 'tpu-v5p'],
      ['tpu v6e', 'tpu-v6e'],
      ['Trillium', 'tpu-v6e'],
      ['L40S', 'l40s'],
      ['NVIDIA L4', 'l4'],
      ['A10', 'a10'],
      ['A10G', 'a10g'],
      ['g5.xlarge', 'a10g'],
      ['RTX 4090', 'rtx-4090'],
      ['NVIDIA GeForce RTX 5090', 'rtx-5090'],
      ['Apple M2 Max', 'apple-m2-max'],
      ['m2 ultra', 'apple-m2-ultra'],
      ['M3 Max', 'apple-m3-max'],
      ['apple m4 max', 'apple-m4-max'],
      ['A800', 'a800-sxm4-80gb'],
      ['NVIDIA A800 80GB PCIe', 'a800-pcie-80gb'],
      ['A800 PCIe 40GB', 'a800-pcie-40gb'],
      ['NVIDIA L20', 'l20'],
      ['Apple M1 Max', 'apple-m1-max'],
      ['MacBook Air M2', 'apple-m2'],
      ['M1 Ultra', 'apple-m1-ultra'],
      ['M4 Pro', 'apple-m4-pro'],
      // older and consumer cards (nvidia-smi and marketing spellings)
      ['NVIDIA GeForce GTX 1080 Ti', 'gtx-1080ti'],
      ['GTX 1080', 'gtx-1080'],
      ['TITAN X (Pascal)', 'titan-x-pascal'],
      ['NVIDIA TITAN Xp', 'titan-xp'],
      ['TITAN V', 'titan-v'],
      ['Tesla K80', 'k80'],
      ['p2.xlarge', 'k80'],
    ];
    for (const [input, id] of cases) {
      const r = resolveAccelerator(input);
      assert.ok(r.ok && r.value.id === id, `${input} → ${r.ok ? r.value.id : r.message}`);
    }
    assert.ok(!resolveAccelerator('h2000').ok);
    // A GTX 1080 Ti is not a GTX 1080 (more cores, 250 W against 180 W), nor is a 1070 either of them (round 21: the
    // GTX 1070 and 1070 Ti have rows of their own).
    assert.ok(!resolveAccelerator('GTX 1080 Super').ok);
    const g1070 = resolveAccelerator('GTX 1070 8GB');
    assert.ok(g1070.ok && g1070.value.id === 'gtx-1070' && g1070.value.powerW === 150, JSON.stringify(g1070));
    const ti = resolveAccelerator('NVIDIA GeForce GTX 1070 Ti');
    assert.ok(ti.ok && ti.value.id === 'gtx-1070ti');
    // A bare "m4" is as often an AWS CPU instance (m4.xlarge) as an Apple M4: only "Apple"/"Mac" makes it one.
    assert.ok(!resolveAccelerator('m4.xlarge').ok);
  });

  it('lists accelerators with memory, power and dense peaks, and regions with intensities', () => {
    const hw = listAccelerators();
    const h800 = hw.find((a) => a.id === 'h800-sxm')!;
    assert.ok(h800.memoryGB === 80 && h800.powerW === 700 && h800.tflops.bf16 === 989);
    for (const a of hw) assert.ok(a.source.length > 10 && a.year >= 2014, a.id);
    const regions = listRegions();
    assert.ok(regions.some((r) => r.id === 'aws:us-east-1' && r.gPerKWh > 0));
    assert.ok(listRegions('gcp').every((r) => r.provider === 'gcp'));
  });

  it('estimates a run on every accelerator in the table without warnings about the hardware', () => {
    for (const a of listAccelerators()) {
      const e = estimate({ params: 1e9, tokens: 1e10, hardware: a.id, devices: 8, precision: 'bf16' });
      assert.equal(e.accelerator?.id, a.id);
      assert.ok(e.gpuHours.mid > 0 && Number.isFinite(e.energyKWh.mid), a.id);
    }
  });
});
