// Name resolution for accelerators (core/resolve-accelerator.ts, re-exported here), grid regions and models
// (core/resolve-model.ts). Pure: no I/O, never throws.

import { GRID, WORLD_AVERAGE } from './data/grid';
import { compact, didYouMean, fail, levenshtein } from './resolve-text';
import type { GridIntensity, ResolveResult } from './types';

export { listAccelerators, resolveAccelerator, type AcceleratorListing } from './resolve-accelerator';

// ------------------------------------------------------------------------------------------------ regions

const PROVIDER_ALIASES: Readonly<Record<string, 'aws' | 'gcp' | 'azure' | 'country'>> = {
  aws: 'aws',
  amazon: 'aws',
  gcp: 'gcp',
  google: 'gcp',
  gce: 'gcp',
  azure: 'azure',
  az: 'azure',
  microsoft: 'azure',
  country: 'country',
  iso: 'country',
};

const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  usa: 'US',
  'united states of america': 'US',
  america: 'US',
  uk: 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'the netherlands': 'NL',
  holland: 'NL',
  'czech republic': 'CZ',
  korea: 'KR',
  'republic of korea': 'KR',
  uae: 'AE',
  emirates: 'AE',
  'hong kong sar': 'HK',
  prc: 'CN',
};

const REGION_HINT =
  'Use a cloud region such as "aws:us-east-1", "gcp:europe-west4" or "azure:westeurope", or an ISO country code such as "FR".';

function regionPart(g: GridIntensity): string {
  const i = g.id.indexOf(':');
  return i >= 0 ? g.id.slice(i + 1) : g.id.toLowerCase();
}

/** Strip an availability-zone suffix: AWS "us-east-1a" -> "us-east-1", GCP "europe-west4-b" -> "europe-west4". */
function stripZone(region: string): string {
  const aws = /^([a-z]{2}(?:-gov)?-[a-z]+-\d+)[a-z]$/.exec(region);
  if (aws) return aws[1];
  const gcp = /^([a-z]+-[a-z]+\d+)-[a-z]$/.exec(region);
  if (gcp) return gcp[1];
  return region;
}

function findBare(region: string, provider?: string): GridIntensity | undefined {
  const cloud = GRID.filter((g) => g.provider !== 'country' && (!provider || g.provider === provider));
  for (const r of [region, stripZone(region)]) {
    const hit = cloud.find((g) => regionPart(g) === r);
    if (hit) return hit;
  }
  // Azure display names: "West Europe" -> "westeurope".
  const squashed = compact(region);
  return cloud.find((g) => g.provider === 'azure' && regionPart(g) === squashed);
}

function suggestRegions(input: string, provider?: string): string[] {
  const key = input.toLowerCase();
  const ckey = compact(key);
  const pool = GRID.filter((g) => !provider || g.provider === provider);
  const scored = pool.map((g, index) => {
    // Two-letter country codes are only compared with short inputs ("fx" -> FR, not "mars" -> MA).
    const keys = [g.id.toLowerCase(), regionPart(g), g.name.toLowerCase()].filter(
      (k) => k.length > 2 || ckey.length <= 3,
    );
    const d = Math.min(...keys.map((k) => levenshtein(key, k)), ...keys.map((k) => levenshtein(ckey, compact(k))));
    const contained = ckey.length >= 4 && keys.some((k) => compact(k).includes(ckey));
    return { id: g.id, rank: contained ? Math.min(d, 1) : d, d, index };
  });
  const limit = Math.max(2, Math.floor(ckey.length / 3));
  return scored
    .filter((s) => s.rank <= limit)
    .sort((x, y) => x.rank - y.rank || x.d - y.d || x.index - y.index)
    .slice(0, 5)
    .map((s) => s.id);
}

/**
 * Resolve a grid region: "aws:us-east-1", bare "us-east-1" / "europe-west4" / "westeurope", an ISO alpha-2
 * country code ("FR"), a country name ("France"), or "world". Never throws.
 */
export function resolveRegion(id: string): ResolveResult<GridIntensity> {
  const raw = typeof id === 'string' ? id.trim() : '';
  if (raw.length === 0) return fail(`No region given. ${REGION_HINT}`, []);
  const lower = raw.toLowerCase();

  if (lower === 'world' || lower === 'global') return { ok: true, value: WORLD_AVERAGE };

  // provider:region
  const colon = lower.indexOf(':');
  if (colon > 0) {
    const provider = PROVIDER_ALIASES[lower.slice(0, colon).trim()];
    const rest = lower.slice(colon + 1).trim();
    if (!provider) {
      return fail(`Unknown cloud provider in "${raw}": use aws:, gcp: or azure:. ${REGION_HINT}`, suggestRegions(rest));
    }
    if (provider === 'country') return resolveRegion(rest);
    const hit = findBare(rest, provider);
    if (hit) return { ok: true, value: hit };
    const suggestions = suggestRegions(rest, provider);
    return fail(didYouMean('region', raw, suggestions, REGION_HINT), suggestions);
  }

  // ISO alpha-2 country code.
  if (/^[a-z]{2}$/.test(lower)) {
    const code = COUNTRY_ALIASES[lower] ?? lower.toUpperCase();
    const hit = GRID.find((g) => g.provider === 'country' && g.id === code);
    if (hit) return { ok: true, value: hit };
  }

  // Bare cloud region id (AWS ids have a dash before the digit, GCP ids do not, Azure ids have no dashes).
  const bare = findBare(lower);
  if (bare) return { ok: true, value: bare };

  // Country name or alias.
  const alias = COUNTRY_ALIASES[lower];
  const country = GRID.find(
    (g) => g.provider === 'country' && (g.name.toLowerCase() === lower || (alias !== undefined && g.id === alias)),
  );
  if (country) return { ok: true, value: country };

  // Cloud display name, e.g. "US East (N. Virginia)".
  const named = GRID.find((g) => g.name.toLowerCase() === lower);
  if (named) return { ok: true, value: named };

  const suggestions = suggestRegions(lower);
  return fail(didYouMean('region', raw, suggestions, REGION_HINT), suggestions);
}

/** One row of `greenml regions`: a grid region or country with its location-based intensity. */
export interface RegionListing {
  id: string;
  provider: GridIntensity['provider'];
  name: string;
  gPerKWh: number;
  country?: string;
  source: string;
  year: number;
}

/** Every known grid region and country (cloud regions first, then countries), optionally of one provider. */
export function listRegions(provider?: GridIntensity['provider']): RegionListing[] {
  return GRID.filter((g) => provider === undefined || g.provider === provider).map((g) => ({
    id: g.id,
    provider: g.provider,
    name: g.name,
    gPerKWh: g.gPerKWh,
    country: g.country,
    source: g.source,
    year: g.year,
  }));
}

export { lookupModel } from './resolve-model';
