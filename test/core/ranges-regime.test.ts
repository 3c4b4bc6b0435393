import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { defaultConstants, estimate, fitConstants, resolveAccelerator, type RunInputs } from '../../core/index';
import { RANGE_CAP } from '../../core/ranges';
import { planUtilisation } from '../../core/utilisation';
import { bandOf, regimeOf, t95 } from '../../core/fit-spread';
import { CASES } from '../../core/validation/cases';

const span = (r: { low: number; high: number }) => r.high / r.low;

describe('ranges from out-of-family residuals, by regime', () => {
  // The utilisation band, before the range's cap (core/ranges.ts RANGE_CAP).
  const bandSpan = (run: RunInputs) => {
    const a = resolveAccelerator(run.hardware!);
    assert.ok(a.ok);
    return span(planUtilisation(run, a.value, run.devices!, run.params).band);
  };

  // One run per regime, as a user would state it.
  const RUNS: Record<string, RunInputs> = {
    'one node, 124 M': { params: 124e6, tokens: 10e9, hardware: 'a100', devices: 8, precision: 'bf16' },
    'one node, 13 B': { params: 13e9, tokens: 100e9, hardware: 'h100', devices: 8, precision: 'bf16' },
    'small, 124 M on 64': { params: 124e6, tokens: 5e9, hardware: 'a100', devices: 64, precision: 'bf16' },
    'large, 70 B on 2,048': { params: 70e9, tokens: 2e12, hardware: 'a100', devices: 2048, precision: 'bf16' },
    'MoE, 13 B of 47 B on 256': {
      params: 47e9,
      activeParams: 13e9,
      tokens: 1e12,
      hardware: 'h100',
      devices: 256,
      precision: 'bf16',
    },
    'vision, ResNet-50 on 8': {
      architecture: 'resnet50',
      samples: 1281167,
      epochs: 90,
      hardware: 'v100',
      devices: 8,
      precision: 'fp16',
    },
  };
  const withBand = (band: { low: number; high: number }) => {
    const k = defaultConstants();
    const b = { ...band, n: 100 };
    return { ...k, spreads: { pooled: b, byRegime: {}, unseenHardware: b } };
  };

  it('reports the widest range (8×) in every regime: the published runs each band comes from miss by more than that', () => {
    // What a user sees is the GPU-hours range, capped at RANGE_CAP (core/ranges.ts). Since the spent published sets
    // joined (round 10) every regime's 90 % prediction interval of out-of-family residuals is wider than the cap
    // (footprint-18: large 0.21–2.61×, one node 0.20–2.71×, small 0.25–2.32×), so a small model on one node and a
    // 70 B model on 2,048 GPUs get the same 8× width; which regime's band is wider shows only in where the range sits
    // (next test), not in its width. Earlier rounds compared the bands' widths, a margin each import moved.
    const k = fitConstants(CASES).spreads.byRegime;
    for (const r of ['single', 'small', 'large', 'moe', 'vision'] as const)
      assert.ok(k[r] && k[r].high / k[r].low >= RANGE_CAP, `${r}: ${k[r]?.low}–${k[r]?.high}`);
    for (const [name, run] of Object.entries(RUNS))
      assert.ok(Math.abs(span(estimate(run).gpuHours) - RANGE_CAP) < 1e-6, `${name}: ${span(estimate(run).gpuHours)}`);
    // Must not: the width comes from the fitted bands, not from the cap alone: with no utilisation band a token run
    // reports (nearly) its mid value.
    const narrow = estimate(RUNS['large, 70 B on 2,048'], { constants: withBand({ low: 1, high: 1 }) });
    assert.ok(span(narrow.gpuHours) < 2, `${span(narrow.gpuHours)}`);
  });

  it('lets a token run take twice its mid value or more, reaching further above the mid value than below it', () => {
    // The published runs are more often far slower than predicted than far faster (spent sets, leave-one-set-out:
    // 78 runs 2× or more slower, 47 runs 1.5× or more faster; scripts/validation/residuals.ts), so each token regime's
    // band reaches lower in utilisation than higher, and no run is taken above 75 % of the peak (core/utilisation.ts):
    // a user reads "may take several times longer, at most about half as long".
    for (const [name, run] of Object.entries(RUNS)) {
      if (run.architecture) continue;
      const e = estimate(run).gpuHours;
      assert.ok(e.high / e.mid >= 2, `${name}: high ${e.high / e.mid}× the mid value`);
      // (by a fifth at least, a difference a user reads off the range: "× 3.2 … ÷ 2.5" for the MoE run, the least)
      assert.ok(e.high / e.mid > 1.2 * (e.mid / e.low), `${name}: ${e.high / e.mid} above vs ${e.mid / e.low} below`);
    }
    // Must not: a symmetric utilisation band below the 75 % ceiling gives a symmetric range (the asymmetry is the
    // published runs' and the ceiling's, not a rule of the range).
    const even = estimate(RUNS['large, 70 B on 2,048'], { constants: withBand({ low: 0.5, high: 2 }) }).gpuHours;
    assert.ok(Math.abs(even.high / even.mid / (even.mid / even.low) - 1) < 0.02, `${even.high / even.mid}`);
  });

  it('widens the range on hardware no development case ran on (a Blackwell card) against a Hopper card cases ran on', () => {
    const run = { params: 7e9, tokens: 1e12, devices: 64, precision: 'bf16' } as const;
    const seen = estimate({ ...run, hardware: 'h100' });
    const unseen = estimate({ ...run, hardware: 'b200' });
    const [u, s] = [bandSpan({ ...run, hardware: 'b200' }), bandSpan({ ...run, hardware: 'h100' })];
    assert.ok(u > s, `${u} vs ${s}`);
    assert.match(
      unseen.assumptions.map((a) => a.text + ' ' + (a.source ?? '')).join('\n'),
      /leave-one-architecture-out/,
    );
    assert.doesNotMatch(
      seen.assumptions.map((a) => a.text + ' ' + (a.source ?? '')).join('\n'),
      /leave-one-architecture-out/,
    );
  });

  it('keeps the mid value at the prediction: the band sets low and high only (no centre per regime)', () => {
    // Round 13 moved each regime's mid value to the median of its out-of-family residuals; judged by leave-one-set-out
    // over footprint-1 … 10 it gained nothing out of fold and was reverted (docs/evaluation/dev-footprint-14.md).
    const k = defaultConstants();
    const unit = { low: 1, high: 1, n: 0 };
    const bandless = { ...k, spreads: { pooled: unit, byRegime: {}, unseenHardware: unit } };
    const run: RunInputs = { params: 350e6, tokens: 30e9, hardware: 'a100', devices: 64, precision: 'bf16' };
    const e = estimate(run);
    assert.ok(Math.abs(e.gpuHours.mid / estimate(run, { constants: bandless }).gpuHours.mid - 1) < 1e-9);
    assert.ok(e.gpuHours.low < e.gpuHours.mid && e.gpuHours.mid < e.gpuHours.high);
    assert.doesNotMatch(e.assumptions.find((a) => a.key === 'mfu')!.text, /published runs sit/);
  });

  it('sets a wider band from a few residuals than from many with the same spread (a prediction interval, not quantiles)', () => {
    const few = [0.8, 0.9, 1, 1.1, 1.25];
    const many = Array.from({ length: 40 }, (_, i) => few[i % few.length]);
    assert.ok(span(bandOf(few)) > span(bandOf(many)));
  });

  it('tags runs by regime: vision, mixture-of-experts, one node (≤ 8 devices), small (≤ 2 B on more), large', () => {
    assert.equal(regimeOf({ vision: true, moe: false }), 'vision');
    assert.equal(regimeOf({ vision: false, moe: true, params: 1e9 }), 'moe');
    assert.equal(regimeOf({ vision: false, moe: false, params: 1.5e9, devices: 512 }), 'small');
    assert.equal(regimeOf({ vision: false, moe: false, params: 13e9, devices: 8 }), 'single');
    assert.equal(regimeOf({ vision: false, moe: false, params: 124e6, devices: 1 }), 'single');
    assert.equal(regimeOf({ vision: false, moe: false, params: 124e6 }), 'small');
    assert.equal(regimeOf({ vision: false, moe: false, params: 13e9 }), 'large');
  });

  it('judges per-sample runs given only as forward FLOPs by the whole estimator, apart from networks the table knows', () => {
    const withOut = CASES.filter((c) => c.inputs.flopsPerSample === undefined);
    const flopsOnly = CASES.length - withOut.length;
    assert.ok(flopsOnly >= 5);
    // Their residuals reach the pooled band (their family is assumed, so they do not set the named networks' band).
    // (A published figure that implies more than the dense peak sets no band: core/fit.ts.)
    const added = fitConstants(CASES).spreads.pooled.n - fitConstants(withOut).spreads.pooled.n;
    assert.ok(added > 0 && added <= flopsOnly, `${added} of ${flopsOnly}`);
    const named = estimate({
      architecture: 'resnet50',
      samples: 1281167,
      epochs: 90,
      hardware: 'v100',
      devices: 8,
      precision: 'fp16',
    });
    const unnamed = estimate({
      flopsPerSample: 8.2e9,
      samples: 1281167,
      epochs: 90,
      hardware: 'v100',
      devices: 8,
      precision: 'fp16',
    });
    // Since footprint-13 joined (round 17: EfficientNetV2-S trained with progressive resizing, 5–8× below the estimate at
    // its final resolution; self-supervised ResNet-50 runs with two views per image, 3–4× above) the named networks'
    // band (0.40–3.44×) also reaches the range's cap: a named network's range is no wider than an unnamed one's.
    assert.ok(span(unnamed.gpuHours) >= RANGE_CAP - 1e-9, `${span(unnamed.gpuHours)}`);
    // (both may sit at the cap: compared to rounding)
    assert.ok(
      span(unnamed.gpuHours) >= span(named.gpuHours) - 1e-9,
      `${span(unnamed.gpuHours)} vs ${span(named.gpuHours)}`,
    );
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
    // pythia-1b ran on 64 GPUs: a small multi-node run. Three runs among the ≈ 60 small ones move the end of the 90 %
    // interval by about a tenth (9 % since round 18's vision runs joined the regime); in-sample residuals would not.
    assert.ok(after.high > before.high * 1.05, `${before.high} → ${after.high}`);
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
