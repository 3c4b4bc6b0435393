// Power usage effectiveness (facility energy / IT energy) defaults.
//
// Provider defaults are used when the run's cloud is known but its region's PUE is not; `unknown` covers
// on-premises clusters, colocation, and runs where only a country is known. Each entry is a range: `mid` is the
// provider's published fleet-wide figure, `low`/`high` span its published per-region values.
// Per-region values (REGION_PUE) come from the same GSF file and year as the cloud grid intensities in ./grid.ts.

import type { Provider } from '../types';

export interface PueEntry {
  mid: number;
  low: number;
  high: number;
  source: string;
  year: number;
}

export type PueKey = 'aws' | 'gcp' | 'azure' | 'unknown';

export const PUE_TABLE: Readonly<Record<PueKey, PueEntry>> = {
  aws: {
    mid: 1.15,
    low: 1.08,
    high: 1.5,
    source:
      'AWS global PUE 1.15 for 2023 (Amazon 2023 Sustainability Report); range = lowest/highest per-region 2023 values in ' +
      'GSF real-time-cloud Cloud_Region_Metadata.csv (ap-southeast-4 1.08, ap-south-2 1.50)',
    year: 2023,
  },
  gcp: {
    mid: 1.1,
    low: 1.07,
    high: 1.16,
    source:
      'Google fleet-wide trailing-twelve-month PUE 1.10 for 2023 (Google 2024 Environmental Report); range = per-region 2023 values in ' +
      'GSF real-time-cloud Cloud_Region_Metadata.csv (europe-west4/us-west1 1.07, asia-southeast1 1.16)',
    year: 2023,
  },
  azure: {
    mid: 1.17,
    low: 1.12,
    high: 1.35,
    source:
      'Microsoft global PUE 1.17 for FY2025 (per GSF real-time-cloud metrics/2025/azure-2025-metrics.md; macro-regions 1.16-1.28); ' +
      'low = lowest per-region value Microsoft published (1.12, 2022), high = northcentralus 1.35 (GSF 2023 row)',
    year: 2025,
  },
  unknown: {
    mid: 1.56,
    low: 1.2,
    high: 2.0,
    source:
      'Uptime Institute Global Data Center Survey 2024 industry average 1.56 (1.58 in 2023, the Carbontracker default); ' +
      'low/high are our assumption: efficient modern HPC centres reach about 1.2, small server rooms about 2.0',
    year: 2024,
  },
};

/**
 * PUE default for a provider. `country`, `custom` and unknown providers fall back to the industry average,
 * since knowing the grid says nothing about the building.
 */
export function defaultPue(provider?: Provider | 'unknown'): PueEntry {
  switch (provider) {
    case 'aws':
    case 'gcp':
    case 'azure':
      return { ...PUE_TABLE[provider] };
    default:
      return { ...PUE_TABLE.unknown };
  }
}

const GSF_PUE_2023 = 'GSF real-time-cloud Cloud_Region_Metadata.csv, power-usage-effectiveness, 2023 row';

/** Published annual PUE per cloud region (2023), keyed like GridIntensity.id. Regions absent here use defaultPue. */
export const REGION_PUE: Readonly<Record<string, number>> = {
  'aws:us-east-1': 1.15,
  'aws:us-east-2': 1.12,
  'aws:us-west-1': 1.17,
  'aws:us-west-2': 1.13,
  'aws:ca-central-1': 1.22,
  'aws:sa-east-1': 1.18,
  'aws:eu-west-1': 1.1,
  'aws:eu-central-1': 1.33,
  'aws:eu-north-1': 1.12,
  'aws:eu-south-2': 1.11,
  'aws:me-south-1': 1.32,
  'aws:me-central-1': 1.36,
  'aws:af-south-1': 1.24,
  'aws:ap-south-1': 1.44,
  'aws:ap-south-2': 1.5,
  'aws:ap-northeast-1': 1.3,
  'aws:ap-southeast-1': 1.3,
  'aws:ap-southeast-2': 1.15,
  'aws:ap-southeast-3': 1.35,
  'aws:ap-southeast-4': 1.08,
  'aws:cn-northwest-1': 1.26,
  'gcp:us-central1': 1.1,
  'gcp:us-east1': 1.1,
  'gcp:us-east4': 1.09,
  'gcp:us-east5': 1.09,
  'gcp:us-south1': 1.12,
  'gcp:us-west1': 1.07,
  'gcp:us-west4': 1.08,
  'gcp:southamerica-west1': 1.12,
  'gcp:europe-west1': 1.09,
  'gcp:europe-west4': 1.07,
  'gcp:europe-north1': 1.09,
  'gcp:asia-east1': 1.12,
  'gcp:asia-southeast1': 1.16,
  'azure:eastus': 1.14,
  'azure:eastus2': 1.14,
  'azure:centralus': 1.16,
  'azure:northcentralus': 1.35,
  'azure:southcentralus': 1.28,
  'azure:northeurope': 1.19,
  'azure:westeurope': 1.14,
  'azure:swedencentral': 1.16,
  'azure:southeastasia': 1.34,
};

/**
 * PUE for a cloud region id such as "aws:us-east-1", or undefined when none is published.
 * The range is ±0.05 around the published annual value (our assumption: spread between buildings of one region).
 */
export function regionPue(regionId: string): PueEntry | undefined {
  const mid = REGION_PUE[regionId.trim().toLowerCase()];
  if (mid === undefined) return undefined;
  return {
    mid,
    low: Math.max(1, Math.round((mid - 0.05) * 100) / 100),
    high: Math.round((mid + 0.05) * 100) / 100,
    source: `${GSF_PUE_2023} for ${regionId.trim().toLowerCase()}`,
    year: 2023,
  };
}
