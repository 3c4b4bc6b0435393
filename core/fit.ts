// The fitted constants of the utilisation model, computed from development cases by a function — never typed in —
// so that scripts/validate-footprint.ts can refit them without the cases it judges (leave-one-family-out).
//
//   base MFU per architecture  median over quality-A dense token cases (≥ 1B parameters, 16-bit or fp8) of the implied
//                              utilisation ÷ device-count factor × precision factor; architectures without a case keep
//                              the prior in compute.ts BASE_MFU (those derived from another architecture follow it);
//   size slope                 median over quality-A dense token cases below 1B parameters of the slope that explains
//                              their shortfall against the base (sizeFactor = 1 + slope·log10(N / 1e9)); the prior when
//                              fewer than MIN_SLOPE_CASES such cases are left;
//   MoE efficiency             median over quality-A mixture-of-experts cases of implied ÷ dense prediction at the active
//                              parameter count, taken back to 1B active parameters along a prior slope (moeEfficiencyAt);
//   vision run efficiency      median over quality-A 16-bit convolutional cases of implied ÷ published step utilisation;
//   spread                     2.5th and 97.5th percentiles of implied ÷ predicted utilisation over all device-hours
//                              cases, quality A and B (SPREAD_QUANTILES): the band covers runs as published.
// The estimator uses fitConstants(CASES) (all development cases); validation calls fitConstants(training cases).

import {
  BASE_MFU,
  FP8_SLOWDOWN,
  LLM_RUN_EFFICIENCY,
  planFlops,
  scaleFactor,
  sizeFactorAt,
  VISION_STEP_UTILISATION,
  peak16,
} from './compute';
import { forwardFlopsAt, lookupArchitecture } from './data/vision-audio';
import { resolveAccelerator } from './resolve';
import type { Accelerator } from './types';
import { CASES, type ValidationCase } from './validation/cases';

export interface FittedConstants {
  /** 16-bit whole-run MFU per architecture (fitted where cases exist, else the prior). */
  baseMfu: Record<string, { mfu: number; source: string }>;
  /** sizeFactor slope per decade below 1B parameters. */
  sizeSlope: number;
  /**
   * Utilisation of a mixture-of-experts run relative to a dense model of its active size, at 1B active parameters;
   * it rises by PRIORS.moeSlope per decade of active parameters (moeEfficiencyAt).
   */
  moeEfficiency: number;
  /** Whole-run ÷ step utilisation of per-sample (vision) convolutional workloads. */
  visionRunEfficiency: number;
  /** Multipliers of the mid utilisation that bound 80 % of the training cases. */
  mfuSpread: { low: number; high: number };
  /** How many cases informed each value (for the validation report). */
  counts: { base: Record<string, number>; size: number; moe: number; vision: number; spread: number };
}

/** Priors where no training case informs a value. */
export const PRIORS = {
  /** [I] size slope of the earlier Pythia fit (0.25 per decade). */
  sizeSlope: 0.25,
  /** [I] small-expert MoE runs reach about half the utilisation of a dense model of their active size. */
  moeEfficiency: 0.55,
  /**
   * [I] Rise of the MoE efficiency per decade of active parameters: the dense size prior (0.25 per decade), applied
   * over the whole range because expert matmuls stay small and routing/all-to-all costs shrink relative to larger
   * experts. Not fitted: with one or two MoE families per fold a slope cannot be fitted without the case it judges.
   */
  moeSlope: 0.25,
  /** [I] step-to-run ratio of LLM runs (Llama 3 405B 0.85, PaLM 0.66), used for vision when no case is left. */
  visionRunEfficiency: 0.78,
  /** [I] 0.72–1.45× of the mid utilisation (used when fewer than 8 cases are left to fit the band). */
  mfuSpread: { low: 0.72, high: 1.45 },
} as const;

/** Fewest small-model cases from which the size slope is fitted; below it the prior stands. */
export const MIN_SLOPE_CASES = 3;

/** Architectures whose prior is derived from another one: they follow the fitted value by the same ratio. */
const DERIVED: Record<string, string> = { blackwell: 'hopper', cdna3: 'ampere', cdna2: 'ampere' };

function median(xs: number[]): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const k = Math.floor(s.length / 2);
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

function quantile(xs: number[], q: number): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

function accelOf(c: ValidationCase): Accelerator | undefined {
  if (!c.inputs.hardware) return undefined;
  const r = resolveAccelerator(c.inputs.hardware);
  return r.ok ? r.value : undefined;
}

const isMoe = (c: ValidationCase) =>
  c.inputs.activeParams !== undefined && c.inputs.params !== undefined && c.inputs.activeParams < c.inputs.params;

/** Precision factor that brings an implied utilisation to its 16-bit equivalent; undefined = not usable for fits. */
function toSixteenBit(c: ValidationCase, a: Accelerator): number | undefined {
  const p = c.inputs.precision ?? 'bf16';
  if (p === 'bf16' || p === 'fp16') return 1;
  // The fp8 speed-up applies to the training steps only (core/prepare.ts), as the estimator applies it.
  if (p === 'fp8' && a.tflops.fp8 !== undefined && a.tflops.fp8 > peak16(a))
    return LLM_RUN_EFFICIENCY * FP8_SLOWDOWN.mid + (1 - LLM_RUN_EFFICIENCY);
  return undefined;
}

interface TokenPoint {
  c: ValidationCase;
  arch: string;
  /** Implied 16-bit utilisation ÷ device-count factor. */
  base: number;
  n: number;
}

function tokenPoints(cases: readonly ValidationCase[], qualities: ReadonlyArray<'A' | 'B'> = ['A']): TokenPoint[] {
  const out: TokenPoint[] = [];
  for (const c of cases) {
    const i = c.inputs;
    if (c.tier !== 'device-hours' || !qualities.includes(c.quality) || i.architecture !== undefined) continue;
    if (i.params === undefined || i.tokens === undefined || i.peft) continue;
    const a = accelOf(c);
    if (!a) continue;
    const k = toSixteenBit(c, a);
    if (k === undefined) continue;
    const flops = planFlops(i).perToken * i.tokens;
    const implied = flops / (c.target.value * 3600 * peak16(a) * 1e12);
    out.push({ c, arch: a.arch, base: (implied * k) / scaleFactor(i.devices ?? 1), n: i.activeParams ?? i.params });
  }
  return out;
}

interface VisionPoint {
  c: ValidationCase;
  ratio: number;
}

function visionPoints(cases: readonly ValidationCase[], qualities: ReadonlyArray<'A' | 'B'> = ['A']): VisionPoint[] {
  const out: VisionPoint[] = [];
  for (const c of cases) {
    const i = c.inputs;
    if (c.tier !== 'device-hours' || !qualities.includes(c.quality) || i.architecture === undefined) continue;
    if (i.precision !== 'fp16' && i.precision !== 'bf16') continue;
    const arch = lookupArchitecture(i.architecture);
    const a = accelOf(c);
    if (!arch || !a || arch.family === 'transformer' || i.samples === undefined) continue;
    const step = VISION_STEP_UTILISATION[arch.family][a.arch];
    if (!step || step.source.startsWith('[I]')) continue;
    const fwd = forwardFlopsAt(arch, { resolution: i.resolution, audioSeconds: i.audioSeconds }).flops;
    const implied = (3 * fwd * i.samples * (i.epochs ?? 1)) / (c.target.value * 3600 * peak16(a) * 1e12);
    out.push({ c, ratio: implied / step.u / scaleFactor(i.devices ?? 1) });
  }
  return out;
}

/** Fit the utilisation constants on a set of development cases (see the header). Pure; never throws. */
export function fitConstants(cases: readonly ValidationCase[]): FittedConstants {
  const tokens = tokenPoints(cases);
  const dense = tokens.filter((t) => !isMoe(t.c));
  const baseMfu: Record<string, { mfu: number; source: string }> = { ...BASE_MFU };
  const baseCounts: Record<string, number> = {};
  const byArch = new Map<string, number[]>();
  for (const t of dense.filter((x) => x.n >= 1e9)) byArch.set(t.arch, [...(byArch.get(t.arch) ?? []), t.base]);
  for (const [arch, xs] of byArch) {
    baseMfu[arch] = {
      mfu: median(xs),
      source: `[F] median implied 16-bit MFU (÷ device-count factor) of ${xs.length} quality-A development case${xs.length === 1 ? '' : 's'} on ${arch} (core/validation/cases.ts, fitted by core/fit.ts)`,
    };
    baseCounts[arch] = xs.length;
  }
  for (const [arch, from] of Object.entries(DERIVED)) {
    if (byArch.has(arch) || !byArch.has(from)) continue;
    const ratio = BASE_MFU[arch].mfu / BASE_MFU[from].mfu;
    baseMfu[arch] = {
      mfu: baseMfu[from].mfu * ratio,
      source: `${BASE_MFU[arch].source}; scaled with the fitted ${from} value (× ${ratio.toFixed(2)})`,
    };
  }

  const slopes = dense
    .filter((t) => t.n < 1e9 && baseMfu[t.arch])
    .map((t) => (t.base / baseMfu[t.arch].mfu - 1) / Math.log10(t.n / 1e9));
  // Fewer than MIN_SLOPE_CASES cases (e.g. Pythia left out, only the hand-written llm.c run left): keep the prior, so that
  // one unusual run cannot set the slope for every small model.
  const sizeSlope = slopes.length >= MIN_SLOPE_CASES ? Math.min(0.5, Math.max(0.05, median(slopes))) : PRIORS.sizeSlope;

  // MoE: each case gives an intercept at 1B active parameters under the prior slope; the median is the fit.
  const moeRatios = tokens
    .filter((t) => isMoe(t.c) && baseMfu[t.arch])
    .map(
      (t) => t.base / (baseMfu[t.arch].mfu * sizeFactorAt(t.n, sizeSlope)) - PRIORS.moeSlope * Math.log10(t.n / 1e9),
    );
  const moeEfficiency = moeRatios.length ? median(moeRatios) : PRIORS.moeEfficiency;

  const vis = visionPoints(cases);
  const visionRunEfficiency = vis.length ? median(vis.map((v) => v.ratio)) : PRIORS.visionRunEfficiency;

  // Spread: implied ÷ predicted utilisation over every device-hours case, quality A and B. The mid values above come from
  // quality-A cases only; the band must cover runs as they are published, rounded figures and partly known inputs
  // included, which is what an unseen run looks like.
  const residuals: number[] = [];
  for (const t of tokenPoints(cases, ['A', 'B'])) {
    const b = baseMfu[t.arch];
    if (!b) continue;
    const predicted = b.mfu * sizeFactorAt(t.n, sizeSlope) * (isMoe(t.c) ? moeEfficiencyAt(moeEfficiency, t.n) : 1);
    residuals.push(t.base / predicted);
  }
  for (const v of visionPoints(cases, ['A', 'B'])) residuals.push(v.ratio / visionRunEfficiency);
  const enough = residuals.length >= 8;
  const mfuSpread = enough
    ? {
        low: Math.min(0.95, Math.max(0.4, quantile(residuals, SPREAD_QUANTILES.low))),
        high: Math.max(1.05, Math.min(2.5, quantile(residuals, SPREAD_QUANTILES.high))),
      }
    : { ...PRIORS.mfuSpread };

  return {
    baseMfu,
    sizeSlope,
    moeEfficiency,
    visionRunEfficiency,
    mfuSpread,
    counts: {
      base: baseCounts,
      size: slopes.length,
      moe: moeRatios.length,
      vision: vis.length,
      spread: residuals.length,
    },
  };
}

/**
 * Quantiles of implied ÷ predicted utilisation that bound the utilisation band: a 95 % interval (2.5th–97.5th). The band
 * has to cover the spread between families, not only within the cases it was fitted on (the estimate's other factors
 * add little for device-hours, and ranges are capped at 3×).
 */
export const SPREAD_QUANTILES = { low: 0.025, high: 0.975 } as const;

/** MoE efficiency at a number of active parameters, from the fitted value at 1B (clamped to 0.2–1.2). */
export function moeEfficiencyAt(atOneB: number, active: number): number {
  const x = active > 0 ? Math.log10(active / 1e9) : 0;
  return Math.min(1.2, Math.max(0.2, atOneB + PRIORS.moeSlope * x));
}

let fitted: FittedConstants | undefined;

/** The constants fitted on all development cases (computed once, on first use). */
export function defaultConstants(): FittedConstants {
  if (!fitted) fitted = fitConstants(CASES);
  return fitted;
}
