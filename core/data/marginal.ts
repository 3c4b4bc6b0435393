// Marginal grid intensity (g CO2e/kWh) for a few cloud regions: a sensitivity, never the main figure
// (RunInputs.marginal; Estimate.marginal). Marginal intensity is the emission rate of the generator that responds to
// one more kWh of demand; it can exceed the average many times over in hydro and nuclear grids (SE: 25 average, 791
// marginal).
//
// Source: WattTime annual marginal intensity, as published in Green-Software-Foundation/real-time-cloud
// Cloud_Region_Metadata.csv, 2024 rows (column grid-carbon-intensity-marginal), per region. Values are per Electricity Maps zone: regions whose own row was quoted say so;
// other regions of the same zone carry the zone's value and say "mapped by us". Regions in other zones have no value
// (the sensitivity is then omitted). The average intensities in ./grid.ts are 2023 rows: the years differ, and the
// sensitivity says so.

import type { GridIntensity } from '../types';

export const MARGINAL_SOURCE =
  'WattTime annual marginal intensity via GSF real-time-cloud Cloud_Region_Metadata.csv, 2024 row';
export const MARGINAL_YEAR = 2024;

/** Zone → g CO2e/kWh. */
export const MARGINAL_BY_ZONE: Readonly<Record<string, number>> = {
  'US-MIDA-PJM': 557,
  'US-NW-BPAT': 477,
  'US-MIDW-MISO': 586,
  IE: 488,
  SE: 791,
  DE: 731,
  'JP-TK': 536,
  NL: 501,
  BE: 416,
};

/** Regions whose own 2024 row was quoted (the rest of a zone is mapped by us). */
export const MARGINAL_QUOTED: ReadonlySet<string> = new Set([
  'aws:us-east-1',
  'aws:us-west-2',
  'aws:eu-west-1',
  'aws:eu-north-1',
  'aws:eu-central-1',
  'aws:ap-northeast-1',
  'gcp:us-central1',
  'gcp:us-east4',
  'gcp:us-west1',
  'gcp:europe-west4',
  'gcp:europe-west1',
  'gcp:asia-northeast1',
  'azure:eastus',
  'azure:westeurope',
  'azure:northeurope',
  'azure:swedencentral',
]);

/** The marginal intensity of a resolved region, or undefined when the table has none. */
export function marginalFor(
  region: GridIntensity | undefined,
): { gPerKWh: number; label: string; source: string; year: number } | undefined {
  if (!region || region.provider === 'country' || !region.zone) return undefined;
  const g = MARGINAL_BY_ZONE[region.zone];
  if (g === undefined) return undefined;
  const quoted = MARGINAL_QUOTED.has(region.id);
  return {
    gPerKWh: g,
    label: `${region.id}, zone ${region.zone}${quoted ? '' : ' (zone value mapped by us)'}`,
    source: MARGINAL_SOURCE,
    year: MARGINAL_YEAR,
  };
}
