import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { estimate, fitConstants } from '../../core/index';
import { bandOf, regimeOf, t95 } from '../../core/fit-spread';
import { CASES } from '../../core/validation/cases';

const span = (r: { low: number; high: number }) => r.high / r.low;

describe('ranges from out-of-family residuals, by regime', () => {
  it('gives a 124 M model on 8 GPUs a wider GPU-hours range than a 70 B model on 2,048', () => {
    const small = estimate({ params: 124e6, tokens: 10e9, hardware: 'a100', devices: 8, precision: 'bf16' });
    const large = estimate({ params: 70e9, tokens: 2e12, hardware: 'a100', devices: 2048, precision: 'bf16' });
    assert.ok(span(small.gpuHours) > span(large.gpuHours) * 1.2, `${span(small.gpuHours)} vs ${span(large.gpuHours)}`);
  });

  it('widens the range on hardware no development case ran on (a GeForce card) against an A100 of the same generation', () => {
    const run = { params: 7e9, tokens: 1e12, devices: 64, precision: 'bf16' } as const;
    const dc = estimate({ ...run, hardware: 'a100' });
    const desk = estimate({ ...run, hardware: 'rtx-3090' });
    assert.ok(span(desk.gpuHours) > span(dc.gpuHours), `${span(desk.gpuHours)} vs ${span(dc.gpuHours)}`);
    assert.match(desk.assumptions.map((a) => a.text + ' ' + (a.source ?? '')).join('\n'), /leave-one-architecture-out/);
  });

  it('sets a wider band from a few residuals than from many with the same spread (a prediction interval, not quantiles)', () => {
    const few = [0.8, 0.9, 1, 1.1, 1.25];
    const many = Array.from({ length: 40 }, (_, i) => few[i % few.length]);
    assert.ok(span(bandOf(few)) > span(bandOf(many)));
  });

  it('tags runs by regime: vision, mixture-of-experts, small (≤ 2 B or ≤ 8 devices), large', () => {
    assert.equal(regimeOf({ vision: true, moe: false }), 'vision');
    assert.equal(regimeOf({ vision: false, moe: true, params: 1e9 }), 'moe');
    assert.equal(regimeOf({ vision: false, moe: false, params: 1.5e9, devices: 512 }), 'small');
    assert.equal(regimeOf({ vision: false, moe: false, params: 13e9, devices: 8 }), 'small');
    assert.equal(regimeOf({ vision: false, moe: false, params: 13e9 }), 'large');
  });

  it('widens the band when a family runs faster than the others predict (residuals are out-of-family)', () => {
    const base = CASES.find((c) => c.id === 'pythia-1b')!;
    const fast = [1, 2, 3].map((j) => ({
      ...base,
      id: `fast-${j}`,
      family: 'fast-family',
      quality: 'B' as const,
      target: { ...base.target, value: base.target.value / (2 + j / 10) },
    }));
    const before = fitConstants(CASES).spreads.byRegime.small!;
    const after = fitConstants([...CASES, ...fast]).spreads.byRegime.small!;
    assert.ok(after.high > before.high * 1.1, `${before.high} → ${after.high}`);
    assert.ok(after.n === before.n + 3);
  });
  it('reads an MI250X count as packages, says so, and covers a count of GCDs (twice the device-hours, same energy)', () => {
    const run = { params: 7e9, tokens: 1e12, devices: 512, precision: 'bf16' } as const;
    const pkg = estimate({ ...run, hardware: 'MI250X' });
    const gcd = estimate({ ...run, hardware: 'MI250X GCD' });
    assert.ok(Math.abs(gcd.gpuHours.mid / pkg.gpuHours.mid - 2) < 0.01);
    assert.ok(pkg.gpuHours.high >= gcd.gpuHours.mid, 'the GCD reading lies inside the package range');
    assert.ok(Math.abs(gcd.energyKWh.mid / pkg.energyKWh.mid - 1) < 0.01, 'energy does not depend on the reading');
    assert.ok(pkg.assumptions.some((a) => a.key === 'hardware-count' && /GCD/.test(a.text)));
    assert.ok(!gcd.assumptions.some((a) => a.key === 'hardware-count'));
  });
  it("takes Student's t from its tables (95th percentile: 2.015 at 5 degrees of freedom, 1.812 at 10, 1.697 at 30)", () => {
    for (const [nu, t] of [
      [5, 2.015],
      [10, 1.812],
      [30, 1.697],
    ] as const)
      assert.ok(Math.abs(t95(nu) / t - 1) < 0.01, `t95(${nu}) = ${t95(nu)}`);
  });
});
