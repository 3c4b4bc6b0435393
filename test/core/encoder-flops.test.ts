// A BERT-style encoder whose code gathers the masked positions before its vocabulary projection (RunInputs.encoder):
// the projection runs on 15.6 % of the tokens, so its FLOPs per token are below 6·N by the projection's unmasked share.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { BERT_VOCAB, encoderHidden, estimate, MLM_OUTPUT_FRACTION, planFlops } from '../../core/index';

const BERT_BASE = { params: 109_482_240, shape: { layers: 12, hidden: 768, heads: 12, vocab: 30522 } };

describe('encoder FLOPs (masked-LM vocabulary projection)', () => {
  it('takes the projection off the unmasked positions: BERT-base costs 82 % of 6·N per token', () => {
    const f = planFlops({ ...BERT_BASE, encoder: true });
    const head = 30522 * 768;
    assert.equal(f.perToken, 6 * (BERT_BASE.params - head * (1 - MLM_OUTPUT_FRACTION)));
    assert.ok(Math.abs(f.perToken / (6 * BERT_BASE.params) - 0.82) < 0.01);
    // Not an encoder, or not stated: 6·N.
    assert.equal(planFlops(BERT_BASE).perToken, 6 * BERT_BASE.params);
  });

  it("recovers an encoder's width from its parameter count when the shape is not given", () => {
    assert.ok(Math.abs(encoderHidden(BERT_BASE.params, BERT_VOCAB) - 768) < 20);
    const approx = planFlops({ params: BERT_BASE.params, encoder: true }).perToken;
    const exact = planFlops({ ...BERT_BASE, encoder: true }).perToken;
    assert.ok(Math.abs(approx / exact - 1) < 0.01, `${approx} vs ${exact}`);
  });

  it('lowers the estimate of a BERT pre-training run and says why', () => {
    const run = { params: 111e6, tokens: 1.3e11, seqLen: 512, hardware: 'tpu v3', devices: 4 };
    const plain = estimate(run);
    const enc = estimate({ ...run, encoder: true });
    const ratio = enc.gpuHours.mid / plain.gpuHours.mid;
    assert.ok(ratio > 0.78 && ratio < 0.86, String(ratio));
    const flops = enc.assumptions.find((a) => a.key === 'flops')!;
    assert.match(flops.text, /vocabulary projection .* only at the masked positions/);
    assert.doesNotMatch(plain.assumptions.find((a) => a.key === 'flops')!.text, /masked/);
  });
});
