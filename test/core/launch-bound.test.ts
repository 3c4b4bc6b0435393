// Launch-bound micro-steps (core/launch-bound.ts): a small model on few tokens per micro-step waits for the host to
// launch its kernels, so its steps do not shrink with the batch, and its power falls towards idle meanwhile.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { estimate, estimateStep } from '../../core/index';
import type { RunInputs } from '../../core/index';

const gpt185m: RunInputs = {
  params: 185e6,
  hardware: 'h200',
  precision: 'bf16',
  seqLen: 1024,
  shape: { layers: 12, hidden: 1024, heads: 16, vocab: 32000 },
};

describe('launch-bound micro-steps', () => {
  it('a 12-layer model at 2 × 1,024 tokens takes ≈ 25 ms a step however fast the GPU, and says why', () => {
    const s = estimateStep({ ...gpt185m, microBatch: 2, tokens: 2048 });
    assert.ok(s.seconds.mid > 0.02 && s.seconds.mid < 0.03, `${s.seconds.mid} s`);
    assert.ok(s.assumptions.some((a) => a.key === 'launch-bound' && /12 layers/.test(a.text)));
    const b200 = estimateStep({ ...gpt185m, hardware: 'b200', microBatch: 2, tokens: 2048 });
    assert.ok(Math.abs(b200.seconds.mid / s.seconds.mid - 1) < 0.05, 'a faster GPU does not shorten the step');
  });

  it('draws far less power while it waits than at a large batch (306 vs 682 W measured on H200)', () => {
    const small = estimateStep({ ...gpt185m, microBatch: 2, tokens: 2048 });
    const large = estimateStep({ ...gpt185m, microBatch: 16, tokens: 16_384 });
    assert.ok(small.powerW < 0.6 * large.powerW, `${small.powerW} vs ${large.powerW} W`);
  });

  it('keeps the GPU above idle while it waits for launches (243–310 W measured at batch 1), unlike a loader wait', () => {
    const s = estimateStep({ ...gpt185m, microBatch: 1, tokens: 1024 });
    assert.ok(s.powerW > 0.3 * 700 && s.powerW < 0.6 * 700, `${s.powerW} W`);
    assert.ok(s.assumptions.some((a) => a.key === 'power' && /clocks up/.test(a.text)));
    // A ResNet-50 whose DataLoader has no workers waits with nothing queued: it idles, far lower.
    const loader = estimateStep({
      architecture: 'resnet50',
      samples: 256,
      hardware: 'h200',
      precision: 'bf16',
      dataLoaderWorkers: 0,
    });
    assert.ok(loader.powerW < 0.25 * 700, `${loader.powerW} W`);
  });

  it('leaves large micro-steps and published runs without a micro-batch alone', () => {
    const large = estimateStep({ ...gpt185m, microBatch: 16, tokens: 16_384 });
    assert.ok(!large.assumptions.some((a) => a.key === 'launch-bound'));
    const run = estimate({ params: 185e6, tokens: 1e10, hardware: 'h200', precision: 'bf16' });
    assert.ok(!run.assumptions.some((a) => a.key === 'launch-bound'));
  });

  it('makes raising the micro-batch a real saving for a launch-bound fine-tune', () => {
    const base: RunInputs = { ...gpt185m, tokens: 1e9, devices: 1 };
    const small = estimate({ ...base, microBatch: 2 });
    const larger = estimate({ ...base, microBatch: 16 });
    assert.ok(larger.gpuHours.mid < 0.5 * small.gpuHours.mid, `${larger.gpuHours.mid} vs ${small.gpuHours.mid} h`);
  });
});

describe('launch floor of convolutional networks at small batches', () => {
  const rn50 = { architecture: 'resnet50', hardware: 'h200', precision: 'bf16', devices: 1 } as const;

  it('a ResNet-50 step at 64 images takes ≈ 33 ms on H200 (measured 33.0 ms; in-sample), not the 12 ms its FLOPs need', () => {
    const s = estimateStep({ ...rn50, samples: 64, microBatch: 64 });
    assert.ok(s.seconds.mid > 0.028 && s.seconds.mid < 0.04, `${s.seconds.mid} s`);
    assert.ok(s.assumptions.some((a) => a.key === 'launch-bound' && /16 blocks/.test(a.text)));
    assert.ok(s.powerW < 450, `waits at lower power: ${s.powerW} W`);
  });

  it('does not bind at 256 images a step (device work longer than the launches), nor without a micro-batch', () => {
    const big = estimateStep({ ...rn50, samples: 256, microBatch: 256 });
    assert.ok(!big.assumptions.some((a) => a.key === 'launch-bound'));
    const total = estimate({ ...rn50, samples: 1_281_167, epochs: 90 });
    assert.ok(!total.assumptions.some((a) => a.key === 'launch-bound'));
  });

  it('grows with depth: ResNet-152 (50 blocks) waits about three times as long as ResNet-50 (16) at one image', () => {
    const a = estimateStep({ ...rn50, samples: 1, microBatch: 1 });
    const b = estimateStep({ ...rn50, architecture: 'resnet152', samples: 1, microBatch: 1 });
    assert.ok(Math.abs(b.seconds.mid / a.seconds.mid - 50 / 16) < 0.2, `${b.seconds.mid / a.seconds.mid}`);
  });
});
