// The development cases (core/validation/cases.ts) as a regression test: the same numbers
// scripts/validate-footprint.ts prints, held to the targets the issue set.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { estimate } from '../../core/index';
import type { Estimate, Range } from '../../core/index';
import { CASES, type CaseMetric, type ValidationCase } from '../../core/validation/cases';

function metricOf(e: Estimate, m: CaseMetric): Range {
  if (m === 'acceleratorKWh') return e.energyBreakdownKWh!.accelerators;
  return m === 'gpuHours' ? e.gpuHours : m === 'energyKWh' ? e.energyKWh : e.co2eKg;
}

function row(c: ValidationCase) {
  const r = metricOf(estimate(c.inputs), c.target.metric);
  const v = c.target.value;
  return { c, error: r.mid / v - 1, inside: v >= r.low - 0.005 * v && v <= r.high + 0.005 * v };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

describe('development cases', () => {
  const rows = CASES.map(row);

  it('every case names its source; ids are unique', () => {
    for (const c of CASES) assert.ok(c.source.length > 20, c.id);
    assert.equal(new Set(CASES.map((c) => c.id)).size, CASES.length);
  });

  it('reproduces every convention case exactly (±0.5 % for published rounding)', () => {
    for (const r of rows.filter((x) => x.c.tier === 'convention'))
      assert.ok(Math.abs(r.error) <= 0.005, `${r.c.id}: ${r.error}`);
  });

  it('keeps at least 80 % of the published values inside low–high', () => {
    const share = rows.filter((r) => r.inside).length / rows.length;
    assert.ok(share >= 0.8, `inside share ${share}`);
  });

  it('keeps the median error of quality-A cases at ≤ 15 % per predictive tier', () => {
    for (const tier of ['device-hours', 'measured-energy'] as const) {
      const m = median(rows.filter((r) => r.c.tier === tier && r.c.quality === 'A').map((r) => Math.abs(r.error)));
      assert.ok(m <= 0.15, `${tier}: median |error| ${m}`);
    }
  });

  it('covers per-sample (vision) workloads', () => {
    const vision = rows.filter((r) => r.c.inputs.architecture !== undefined);
    assert.ok(vision.length >= 8);
    assert.ok(vision.filter((r) => r.inside).length / vision.length >= 0.8);
  });
});
