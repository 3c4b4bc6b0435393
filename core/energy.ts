// Energy and carbon per device-hour: accelerator power × busy fraction + host share, × PUE, × grid intensity.
// Constants carry [S] (published), [F] (fitted on development cases only) or [I] (our inference); see compute.ts.

import type { Band } from './compute';
import { WORLD_AVERAGE } from './data/grid';
import { defaultPue, regionPue } from './data/pue';
import { resolveRegion } from './resolve';
import type { GridIntensity, Provider } from './types';

/**
 * [S] Average accelerator power over a training run as a fraction of its rated power (TDP/TGP): 0.60–0.85, mid 0.72.
 * Morrison et al. 2025 measured H100s at >85 % of 700 W while actively training and ≈100 W while checkpointing;
 * footprint-method.md Part 5: 0.75–0.85 busy, 0.6–0.8 averaged over a run (checkpoints, evaluation, stalls);
 * ML.ENERGY (Chung et al.): average power stays below TDP for every model tried.
 */
export const BUSY_FRACTION: Band = { low: 0.6, mid: 0.72, high: 0.85 };

/**
 * [S] Host share: CPUs, memory, network and fans of the server, as a fraction of accelerator power: +20–40 %, mid 30 %.
 * Zeus docs: GPUs are ≈70 % of server power in DNN training (⇒ host ≈ 43 % of GPU power); footprint-method.md Part 5.
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

/** Power per device in watts at a level of the busy-fraction and host-share bands, or the user's measured power. */
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
