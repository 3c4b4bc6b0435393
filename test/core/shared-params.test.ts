// Cross-layer parameter sharing (ALBERT, Lan et al. 2020): the stored parameters are one layer's, the compute is every
// layer's. The model table gives the unique count as params and the compute-equivalent count as activeParams; compute
// follows activeParams, memory follows params, and such a model is not a mixture of experts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { estimate, planFlops } from '../../core/index';
import { sanitise } from '../../core/sanitise';
import { lookupModel } from '../../core/resolve';

describe('parameter-shared models (ALBERT)', () => {
  it('resolves the sizes cards name, with and without the version or the hub owner', () => {
    for (const [name, unique, compute] of [
      ['albert-base-v2', 11.7e6, 89.7e6],
      ['albert/albert-large-v2', 17.7e6, 307e6],
      ['albert-xlarge-v1', 58.7e6, 1.217e9],
      ['albert-xxlarge', 222.6e6, 2.438e9],
      ['./checkpoints/albert-xxlarge-v2', 222.6e6, 2.438e9],
    ] as const) {
      const m = lookupModel(name);
      assert.ok(m, name);
      assert.ok(Math.abs(m.params / unique - 1) < 0.01, `${name}: ${m.params}`);
      assert.ok(Math.abs(m.activeParams! / compute - 1) < 0.01, `${name}: ${m.activeParams}`);
    }
  });

  it('derives the compute-equivalent count from the shared layer counted once per layer', () => {
    const m = lookupModel('albert-base-v2')!;
    const { layers: L, hidden: H, ffn: F } = m.shape!;
    const layer = 4 * (H * H + H) + 2 * H + (H * F! + F!) + (F! * H + H) + 2 * H;
    assert.equal(m.activeParams, m.params + (L - 1) * layer);
  });

  it('runs 6·N·D on the compute-equivalent count, not the stored one', () => {
    const m = lookupModel('albert-xxlarge-v2')!;
    const f = planFlops({ params: m.params, activeParams: m.activeParams, shape: m.shape });
    assert.equal(f.perToken, 6 * m.activeParams!);
    const run = { params: m.params, activeParams: m.activeParams, tokens: 1e10, hardware: 'a100', devices: 8 };
    const e = estimate(run);
    const storedOnly = estimate({ ...run, activeParams: undefined });
    const ratio = e.gpuHours.mid / storedOnly.gpuHours.mid;
    assert.ok(ratio > 5, `compute-equivalent run should cost several times the stored-count run: ${ratio}`);
    assert.match(e.assumptions.find((a) => a.key === 'flops')!.text, /compute-equivalent/);
  });

  it('keeps activeParams above params (sharing) and raises no warning', () => {
    const warnings: string[] = [];
    const out = sanitise({ params: 12e6, activeParams: 89e6 }, warnings);
    assert.equal(out.activeParams, 89e6);
    assert.deepEqual(warnings, []);
  });

  it('must not read a shared model as a mixture of experts, nor call its N "active"', () => {
    const m = lookupModel('albert-large-v2')!;
    const e = estimate({ params: m.params, activeParams: m.activeParams, tokens: 1e10, hardware: 'v100', devices: 8 });
    const text = e.assumptions.find((a) => a.key === 'flops')!.text;
    assert.doesNotMatch(text, / active parameters/);
    assert.doesNotMatch(JSON.stringify(e.assumptions), /expert/i);
    // A mixture of experts is still one.
    const moe = estimate({ params: 47e9, activeParams: 13e9, tokens: 1e10, hardware: 'h100', devices: 64 });
    assert.match(moe.assumptions.find((a) => a.key === 'flops')!.text, / active parameters/);
  });

  it("projects masked-LM outputs from the factorised embedding's width, not the hidden width", () => {
    const m = lookupModel('albert-xxlarge-v2')!;
    const inputs = { params: m.params, activeParams: m.activeParams, shape: m.shape, encoder: true };
    const skipped = 30000 * 128 * (1 - 0.15625);
    assert.ok(Math.abs(planFlops(inputs).perToken - 6 * (m.activeParams! - skipped)) < 1);
  });

  it('must not change a dense model without activeParams', () => {
    const bert = lookupModel('bert-base-uncased')!;
    assert.equal(bert.activeParams, undefined);
    assert.equal(planFlops({ params: bert.params, shape: bert.shape }).perToken, 6 * bert.params);
  });
});
