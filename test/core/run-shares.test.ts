// What the footprint core changes with the precision and the context length of a run (issue 13, "Footprint v3"):
// the precision speeds up or slows down the training steps only, not the rest of a run; causal attention beyond 2k
// tokens of context costs half of the full score matrix.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { estimate, estimateStep } from '../../core/index';
import type { RunInputs } from '../../core/index';

describe('precision over a whole run', () => {
  const resnet: RunInputs = { architecture: 'resnet50', samples: 1_281_167, epochs: 90, hardware: 'v100', devices: 8 };

  it('slows a whole fp32 run by less than its steps: start-up, loading and checkpoints take as long at any precision', () => {
    const run =
      estimate({ ...resnet, precision: 'fp32' }).gpuHours.mid / estimate({ ...resnet, precision: 'fp16' }).gpuHours.mid;
    const step =
      estimateStep({ ...resnet, samples: 256, precision: 'fp32' }).seconds.mid /
      estimateStep({ ...resnet, samples: 256, precision: 'fp16' }).seconds.mid;
    assert.ok(step > 2, `step ratio ${step}`);
    assert.ok(run < step && run > 1 + 0.6 * (step - 1), `run ratio ${run} vs step ratio ${step}`);
    const a = estimate({ ...resnet, precision: 'fp32' }).assumptions.find((x) => x.key === 'precision-speed');
    assert.ok(a && /applied to the training steps/.test(a.text), a?.text);
  });
});

describe('attention at long context', () => {
  const phi: RunInputs = {
    params: 14.7e9,
    tokens: 1e9,
    hardware: 'h100',
    devices: 32,
    precision: 'bf16',
    shape: { layers: 40, hidden: 5120, heads: 40, vocab: 100_352 },
  };

  it('adds the causal half of the attention FLOPs beyond 2k tokens (6·L·h·Δs per token), not the full 12·L·h·Δs', () => {
    const short = estimate({ ...phi, seqLen: 2048 }).gpuHours.mid;
    const long = estimate({ ...phi, seqLen: 32_768 }).gpuHours.mid;
    const causal = 1 + (6 * 40 * 5120 * (32_768 - 2048)) / (6 * 14.7e9);
    assert.ok(Math.abs(long / short / causal - 1) < 0.02, `${long / short} vs ${causal}`);
    const work = estimate({ ...phi, seqLen: 32_768 }).assumptions.find((x) => /causal attention/.test(x.text));
    assert.ok(work, 'the workload assumption names causal attention');
  });
});
