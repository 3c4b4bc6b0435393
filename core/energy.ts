// Energy and carbon per device-hour: accelerator power at its expected load + host share, × PUE, × grid intensity.
// Constants carry [S] (published), [F] (fitted on development cases only) or [I] (our inference); see compute.ts.

import type { Band } from './compute';
import { WORLD_AVERAGE } from './data/grid';
import { defaultPue, regionPue } from './data/pue';
import { resolveRegion } from './resolve';
import type { GridIntensity, Provider } from './types';

/**
 * [S] Board power while a device steps through large dense batches, as a fraction of its power limit, per kind of work.
 * Transformers 0.86–0.97, mid 0.95: on H200 (700 W) a 185 M decoder at 16,384 tokens per step drew 668–681 W in fp32,
 * TF32 and bf16 and a 774 M model at 8,192 tokens 605 W (bench/gpu-energy/RESULTS.md (H200, 2026)); ML.ENERGY
 * (Chung et al. 2024, "Perseus"/Zeus) and Morrison et al. 2025 (H100 "above 85 % of TDP while training") agree.
 * Convolutional networks 0.86–0.93, mid 0.9: ResNet-50 at batch 256 drew 614 W (bf16) and 648 W (TF32) on H200.
 * Depthwise-separable networks are memory-bound: [I] 0.6–0.9, mid 0.75.
 */
export const STEP_POWER: Record<'transformer' | 'convnet' | 'depthwise', Band> = {
  transformer: { low: 0.86, mid: 0.95, high: 0.97 },
  convnet: { low: 0.86, mid: 0.9, high: 0.93 },
  depthwise: { low: 0.6, mid: 0.75, high: 0.9 },
};

/**
 * [S] Power of an accelerator that is on but not stepping (checkpoint writes, evaluation gaps, stalls), as a fraction of
 * its limit: 0.12 — Morrison et al. 2025 measured H100s at ≈100 W of 700 W while checkpointing (0.14); idle H100/A100
 * boards draw 50–90 W.
 */
export const IDLE_POWER_FRACTION = 0.12;

/**
 * [S] Share of a whole run's device time spent stepping: 0.8–0.97, mid 0.9 — Llama 3 paper §3.3.4 (>90 % effective
 * training time over 54 days), BLOOM's logbook and OPT-175B's restarts at the low end. Per-step estimates use 1.
 */
export const RUN_STEP_SHARE: Band = { low: 0.8, mid: 0.9, high: 0.97 };

/**
 * Average power of a device as a fraction of its limit, from the expected load of its steps (1 = a large dense batch;
 * lower for small models, small batches, LoRA and input-bound steps) and the share of the run spent stepping.
 * Power rises steeply at low load and saturates near the limit ([I] square-root curve between idle and full; ML.ENERGY
 * leaderboard and Zeus measure the same shape against batch size).
 */
export function powerFraction(
  family: 'transformer' | 'convnet' | 'depthwise',
  load: number,
  level: 'low' | 'mid' | 'high',
  scope: 'run' | 'step' = 'run',
): number {
  const full = STEP_POWER[family][level];
  const l = Math.min(1, Math.max(0, Number.isFinite(load) ? load : 1));
  const step = IDLE_POWER_FRACTION + (full - IDLE_POWER_FRACTION) * Math.sqrt(l);
  if (scope === 'step') return step;
  const share = RUN_STEP_SHARE[level];
  return share * step + (1 - share) * IDLE_POWER_FRACTION;
}

/**
 * [S] Host share: CPUs, memory, network and fans of the server, as a fraction of accelerator power: +20–40 %, mid 30 %.
 * Zeus docs (ml.energy/zeus, 2023): GPUs are ≈70 % of server power in DNN training (⇒ host ≈ 43 % of GPU power);
 * Patterson et al. 2021 Table 4 (TPU v3 system power per chip 245–310 W against ≈220 W of chip power: +11–41 %).
 */
export const HOST_SHARE: Band = { low: 0.2, mid: 0.3, high: 0.4 };

/**
 * [S] Idle and infrastructure energy as a share of the accelerators' dynamic energy: BLOOM's 256,646 kWh of idle
 * consumption on 433,196 kWh of dynamic (GPU-hours × 400 W) consumption = 59 % (Luccioni et al. 2022, Tables 1–2).
 * Used only when RunInputs.includeIdle is on.
 */
export const IDLE_SHARE = 0.59;

/** World-average grid intensity used when neither an intensity nor a region is known (data/grid.ts WORLD_AVERAGE). */
export const WORLD_AVERAGE_INTENSITY = {
  gPerKWh: WORLD_AVERAGE.gPerKWh,
  label: 'world average (assumed; no region set)',
  year: WORLD_AVERAGE.year,
  source: WORLD_AVERAGE.source,
};

export interface PuePlan {
  band: Band;
  /** Whether the user gave it. */
  given: boolean;
  source?: string;
  year?: number;
  text: string;
}

/**
 * PUE: the user's value; else the region's published PUE; else the provider default for the region's provider;
 * else the unknown-site default (data/pue.ts).
 */
export function planPue(pue: number | undefined, provider: Provider | 'unknown', regionId?: string): PuePlan {
  if (pue !== undefined && Number.isFinite(pue) && pue >= 1) {
    return { band: { low: pue, mid: pue, high: pue }, given: true, text: `PUE ${round(pue, 3)} as given` };
  }
  const r = regionId !== undefined ? regionPue(regionId) : undefined;
  const d = r ?? defaultPue(provider);
  const where = r
    ? `the published value for ${regionId}`
    : provider === 'unknown' || provider === 'country' || provider === 'custom'
      ? 'the industry-average default for an unknown, on-premises or country-only site'
      : `the ${provider.toUpperCase()} fleet-wide default`;
  return {
    band: { low: d.low, mid: d.mid, high: d.high },
    given: false,
    source: `${d.source} (${d.year})`,
    year: d.year,
    text: `PUE ${round(d.mid, 2)} (range ${round(d.low, 2)}–${round(d.high, 2)}), ${where}`,
  };
}

export interface GridPlan {
  gPerKWh: number;
  label: string;
  year?: number;
  source?: string;
  provider: Provider | 'unknown';
  /** The resolved region, if any. */
  region?: GridIntensity;
  /** Problems (unknown region). */
  warning?: string;
  /** Whether the world average was assumed. */
  assumed: boolean;
}

/** Grid intensity: explicit g/kWh wins; then the region; then the world average, visibly assumed. */
export function planGrid(intensity: number | undefined, region: string | undefined): GridPlan {
  let resolved: GridIntensity | undefined;
  let warning: string | undefined;
  if (region !== undefined && region.trim() !== '') {
    const r = resolveRegion(region);
    if (r.ok) resolved = r.value;
    else warning = withSuggestions(r.message, r.suggestions);
  }
  const provider: Provider | 'unknown' = resolved ? resolved.provider : 'unknown';
  if (intensity !== undefined && Number.isFinite(intensity) && intensity >= 0) {
    return { gPerKWh: intensity, label: 'as given', provider, region: resolved, warning, assumed: false };
  }
  if (resolved) {
    return {
      gPerKWh: resolved.gPerKWh,
      label: `${resolved.name} (${resolved.id}), ${resolved.basis}`,
      year: resolved.year,
      source: resolved.source,
      provider,
      region: resolved,
      warning,
      assumed: false,
    };
  }
  return { ...WORLD_AVERAGE_INTENSITY, provider, warning, assumed: true };
}

/** Power per device in watts at a power fraction and a host share, or the user's measured power. */
export function devicePowerW(
  ratedW: number,
  givenW: number | undefined,
  busy: number,
  host: number,
): { accelW: number; hostW: number } {
  if (givenW !== undefined) return { accelW: givenW, hostW: 0 };
  const accelW = ratedW * busy;
  return { accelW, hostW: accelW * host };
}

export function withSuggestions(message: string, suggestions: readonly string[]): string {
  const missing = suggestions.filter((s) => !message.includes(s));
  if (missing.length === 0) return message;
  return `${message.replace(/[.\s]+$/, '')}. Did you mean: ${missing.slice(0, 5).join(', ')}?`;
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
