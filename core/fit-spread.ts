// The utilisation band (low–high around the mid value) from leave-one-out residuals, by regime.
//
// A band fitted on residuals of cases that also fitted the mid constants is too narrow for runs the core has not seen
// (round 3 of the held-out sets: 8 of 19 unseen published runs inside low–high while 92 % of development cases were).
// So every residual here is out-of-family: core/fit.ts refits the mid constants without the case's family (nested inside
// scripts/validate-footprint.ts's own leave-one-family-out), runs the whole estimator on the case and takes estimated ÷
// published device-hours (= implied ÷ predicted utilisation). The residuals are grouped by the kind of run they describe
// (RunRegime), because the spread differs between well-documented large pre-training runs, small models on many devices
// (slower than predicted) and runs on one node (faster, when their code is optimised); a regime with fewer than MIN_REGIME_RESIDUALS residuals uses the
// pooled ones. Hardware with no development case gets the leave-one-ARCHITECTURE-out residuals too: each architecture's
// cases predicted with the median base of the other architectures, which is how far the priors of an unseen
// architecture can be off.

/** Kinds of run whose residuals are grouped (core/fit.ts tags each development case; utilisation.ts each estimate). */
/**
 * 'vision': per-sample workloads of a network the table knows (its FLOPs and family); 'unnamed': per-sample workloads
 * given only as forward FLOPs, whose family the estimator assumes (a dense convolutional network).
 */
export type RunRegime = 'large' | 'small' | 'single' | 'moe' | 'vision' | 'unnamed';

/** A band of multipliers of the mid utilisation, with how many residuals set it. */
export interface SpreadBand {
  low: number;
  high: number;
  n: number;
}

export interface Spreads {
  /** All out-of-family residuals. */
  pooled: SpreadBand;
  /** Per regime, where it has at least MIN_REGIME_RESIDUALS residuals. */
  byRegime: Partial<Record<RunRegime, SpreadBand>>;
  /** Leave-one-architecture-out residuals: for accelerators (or classes of them) no development case ran on. */
  unseenHardware?: SpreadBand;
}

/**
 * [I] Nominal coverage of the band: 90 % (bandOf: a prediction interval, floored at these percentiles). Development residuals
 * understate the spread of runs collected by someone else (a run unlike every development case has no family to leave
 * out), so the nominal level sits above the 80 % the band is meant to hold on unseen runs.
 */
export const SPREAD_QUANTILES = { low: 0.05, high: 0.95 } as const;

/** Fewest residuals from which a regime's band is set; below it the pooled band stands. */
export const MIN_REGIME_RESIDUALS = 8;

/*
 * No centre per regime: round 13 moved each regime's mid value to the median of its out-of-family residuals (small
 * multi-node 0.79, large 0.89, …). Judged by leave-one-set-out over footprint-1 … 10 (scripts/validation/cv-choices.ts,
 * docs/evaluation/dev-footprint-14.md) it gained nothing out of fold (median error 44.4 % with, 43.8 % without; 90 %
 * bootstrap of the difference −7.7 … +5.9 points) while it gained in sample (44.3 → 39.5 %): a fit to the sets it was
 * fitted on. Reverted in round 14; the mid value is the prediction.
 */

/**
 * [I] Dense token runs on at most SMALL_RUN_DEVICES devices (one node: no network between them) are 'single' runs; on
 * more devices, or on an unstated count, runs at or below SMALL_RUN_PARAMS are 'small' runs. One node is its own regime
 * because what sets its utilisation differs: no communication and no restarts, so code quality shows in full (a
 * hand-written CUDA trainer reaches 55 % of the A100's peak where a plain PyTorch loop reaches 25 %), whereas small
 * models on many devices lose time to synchronisation (core/validation/cases-dev7.ts has both).
 */
export const SMALL_RUN_PARAMS = 2e9;
export const SMALL_RUN_DEVICES = 8;

/** The regime of a run, from what the estimator knows of it. */
export function regimeOf(run: { vision: boolean; moe: boolean; params?: number; devices?: number }): RunRegime {
  if (run.vision) return 'vision';
  if (run.moe) return 'moe';
  if (run.devices !== undefined && run.devices <= SMALL_RUN_DEVICES) return 'single';
  if (run.params !== undefined && run.params <= SMALL_RUN_PARAMS) return 'small';
  return 'large';
}

export function quantile(xs: number[], q: number): number {
  const s = xs.filter((x) => Number.isFinite(x) && x > 0).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

/** Upper 95th percentile of Student's t with ν degrees of freedom (Cornish–Fisher expansion, within 1 % for ν ≥ 3). */
export function t95(nu: number): number {
  const z = 1.6449;
  if (!(nu > 0)) return Infinity;
  return z + (z ** 3 + z) / (4 * nu) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * nu * nu);
}

/**
 * A band from ratios (implied ÷ predicted utilisation): the 90 % prediction interval of a new run's log-ratio, taken as
 * normal with the residuals' mean and standard deviation, mean ± t₀.₉₅(n−1) · sd · √(1 + 1/n) (a few residuals give a
 * wider band, not a narrower one, as plain quantiles of few points would), and never narrower than the residuals'
 * own 5th–95th percentiles (heavy tails) nor than ±5 %.
 */
export function bandOf(ratios: number[]): SpreadBand {
  const xs = ratios.filter((x) => Number.isFinite(x) && x > 0);
  const n = xs.length;
  if (n < 3) return { low: 0.5, high: 2, n };
  const logs = xs.map(Math.log);
  const mean = logs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const w = t95(n - 1) * sd * Math.sqrt(1 + 1 / n);
  return {
    low: Math.min(0.95, Math.max(0.2, Math.min(Math.exp(mean - w), quantile(xs, SPREAD_QUANTILES.low)))),
    high: Math.max(1.05, Math.min(4, Math.max(Math.exp(mean + w), quantile(xs, SPREAD_QUANTILES.high)))),
    n,
  };
}

/** Spreads from tagged residuals (ratios) and leave-one-architecture-out ratios. */
export function spreadsOf(residuals: Array<{ regime: RunRegime; ratio: number }>, archOut: number[]): Spreads {
  const byRegime: Partial<Record<RunRegime, SpreadBand>> = {};
  for (const r of ['large', 'small', 'single', 'moe', 'vision', 'unnamed'] as const) {
    const xs = residuals.filter((x) => x.regime === r).map((x) => x.ratio);
    if (xs.length >= MIN_REGIME_RESIDUALS) byRegime[r] = bandOf(xs);
  }
  const pooled = bandOf(residuals.map((x) => x.ratio));
  return { pooled, byRegime, unseenHardware: archOut.length >= MIN_REGIME_RESIDUALS ? bandOf(archOut) : undefined };
}

/** The band for a run: its regime's (else the pooled one), widened side by side to the unseen-hardware band. */
export function spreadFor(
  s: Spreads,
  regime: RunRegime,
  unseenHardware: boolean,
): { low: number; high: number; label: string } {
  const own = s.byRegime[regime];
  const base = own ?? s.pooled;
  let label = own
    ? `the ${regime} runs' out-of-family residuals (${own.n})`
    : `all out-of-family residuals (${s.pooled.n}; too few ${regime} runs)`;
  if (!unseenHardware || !s.unseenHardware) return { low: base.low, high: base.high, label };
  label += ` and, for hardware no development case ran on, the leave-one-architecture-out residuals (${s.unseenHardware.n})`;
  return { low: Math.min(base.low, s.unseenHardware.low), high: Math.max(base.high, s.unseenHardware.high), label };
}
