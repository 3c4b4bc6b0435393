// Helpers shared by the footprint validation scripts (scripts/validate-footprint.ts, scripts/validation/cv-choices.ts):
// which range of an estimate a case's published value is compared with, the median that both report, and the spent
// published set a case comes from.
import type { CaseMetric, ValidationCase } from '../../core/validation/cases';
import type { Estimate, Range } from '../../core/index';

/** The range of an estimate a case's published metric is compared with (accelerator energy: the accelerators' share). */
export function metricOf(e: Estimate, m: CaseMetric): Range {
  switch (m) {
    case 'gpuHours':
      return e.gpuHours;
    case 'energyKWh':
      return e.energyKWh;
    case 'co2eKg':
      return e.co2eKg;
    case 'acceleratorKWh':
      return e.energyBreakdownKWh?.accelerators ?? { low: NaN, mid: NaN, high: NaN };
  }
}

/** Median of the finite values (NaN when there are none; the mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const k = Math.floor(s.length / 2);
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

/** The spent published set a development case comes from ("footprint-N"), undefined for the project's own cases. */
export const spentSetOf = (c: ValidationCase): string | undefined =>
  c.notes?.startsWith('footprint-') ? c.notes.split(/\s/)[0] : undefined;

/** Whether a published value lies inside a range (±0.5 % for published rounding). */
export const inside = (v: number, r: Range): boolean => v >= r.low - 0.005 * v && v <= r.high + 0.005 * v;
