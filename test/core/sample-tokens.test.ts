import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { estimate } from '../../core/index';

// A fine-tune is often described by its dataset: so many samples, so many epochs, at a maximum sequence length.
describe('estimate: a token workload given as samples × epochs at a sequence length', () => {
  const base = { params: 7e9, hardware: 'a100-80gb', devices: 8, precision: 'bf16' as const };

  it('is estimated as samples × epochs × seq_len tokens, and says so', () => {
    const bySamples = estimate({ ...base, samples: 100_000, epochs: 3, seqLen: 2048 });
    const byTokens = estimate({ ...base, tokens: 100_000 * 3 * 2048 });
    assert.equal(bySamples.method, 'flops');
    assert.equal(bySamples.gpuHours.mid, byTokens.gpuHours.mid);
    const a = bySamples.assumptions.find((x) => x.key === 'tokens');
    assert.ok(a && /3 epochs × 100,000 samples × 2,?048 tokens/.test(a.text), a?.text);
    assert.match(a!.text, /full length/);
  });

  it('assumes one epoch when none is stated, and says so', () => {
    const e = estimate({ ...base, samples: 100_000, seqLen: 2048 });
    assert.equal(e.gpuHours.mid, estimate({ ...base, tokens: 100_000 * 2048 }).gpuHours.mid);
    assert.match(e.assumptions.find((x) => x.key === 'tokens')!.text, /not stated; assumed 1/);
  });

  it('leaves stated tokens and per-sample workloads alone', () => {
    const stated = estimate({ ...base, tokens: 1e9, samples: 100_000, seqLen: 2048 });
    assert.equal(stated.gpuHours.mid, estimate({ ...base, tokens: 1e9 }).gpuHours.mid);
    const vision = estimate({
      hardware: 'a100-80gb',
      architecture: 'resnet50',
      samples: 1_281_167,
      epochs: 90,
      seqLen: 2048,
    });
    assert.ok(!vision.assumptions.some((x) => x.key === 'tokens' && /samples ×/.test(x.text)));
  });

  it('still asks for tokens when no sequence length is given', () => {
    const e = estimate({ ...base, samples: 100_000, epochs: 3 });
    assert.equal(e.method, 'insufficient-inputs');
  });
});
