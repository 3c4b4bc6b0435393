// Location-based annual average grid carbon intensity (g CO2e per kWh), per cloud region and per country.
//
// Cloud regions: Electricity Maps annual *consumption-based* average for calendar year 2023, as published in
// Green-Software-Foundation/real-time-cloud `Cloud_Region_Metadata.csv` (column
// grid-carbon-intensity-average-consumption-annual, 2023 rows). 2023 is the latest year that file holds for all
// three providers (Azure has no later rows), so every cloud row uses the same year and basis. Where the file has
// no row for a region, the value of the same Electricity Maps zone from the same file is used and the row says so
// ("zone value, mapped by us"). These are grid averages, not the clouds' market-based or CFE-netted figures.
//
// Countries: Our World in Data / Ember "carbon intensity of electricity" (life-cycle basis), as shipped in
// saintslab/carbontracker `carbontracker/data/carbon-intensities.csv` (same values as CodeCarbon
// `global_energy_mix.json`). The row's year is the data year in that file (2023 for most, 2022 where newer data
// was missing). Two countries absent from that file come from other sources and say so.
//
// The two bases differ (consumption-based zone average vs. national life-cycle average), so a cloud region and
// its country can disagree by 10-30 %. Never mix them within one comparison; each row carries its own source.

import type { GridIntensity, Provider } from '../types';

const BASIS = 'location-based annual average' as const;
const GSF_2023 =
  'GSF real-time-cloud Cloud_Region_Metadata.csv, 2023 row (Electricity Maps annual consumption-based average';
const OWID =
  'Our World in Data / Ember carbon intensity of electricity, via saintslab/carbontracker carbon-intensities.csv';

/** A cloud region whose own 2023 row is in the GSF file. */
function gsf(
  provider: Provider,
  region: string,
  name: string,
  gPerKWh: number,
  country: string,
  zone: string,
): GridIntensity {
  return {
    id: `${provider}:${region}`,
    provider,
    name,
    gPerKWh,
    basis: BASIS,
    year: 2023,
    source: `${GSF_2023}, zone ${zone})`,
    country,
    zone,
  };
}

/** A cloud region with no row of its own in the GSF file: the 2023 value of its Electricity Maps zone, mapped by us. */
function zone(
  provider: Provider,
  region: string,
  name: string,
  gPerKWh: number,
  country: string,
  zoneId: string,
  note = '',
): GridIntensity {
  return {
    id: `${provider}:${region}`,
    provider,
    name,
    gPerKWh,
    basis: BASIS,
    year: 2023,
    source: `${GSF_2023}) for zone ${zoneId}; the file has no row for this region, zone value mapped by us${note ? `. ${note}` : ''}`,
    country,
    zone: zoneId,
  };
}

function nation(id: string, name: string, gPerKWh: number, year: number, source = OWID): GridIntensity {
  return { id, provider: 'country', name, gPerKWh, basis: BASIS, year, source };
}

export const GRID: readonly GridIntensity[] = [
  // ------------------------------------------------------------------ AWS
  gsf('aws', 'us-east-1', 'US East (N. Virginia)', 396.3, 'US', 'US-MIDA-PJM'),
  gsf('aws', 'us-east-2', 'US East (Ohio)', 396.3, 'US', 'US-MIDA-PJM'),
  gsf('aws', 'us-west-1', 'US West (N. California)', 261.3, 'US', 'US-CAL-CISO'),
  gsf('aws', 'us-west-2', 'US West (Oregon)', 119.8, 'US', 'US-NW-BPAT'),
  gsf('aws', 'us-gov-east-1', 'AWS GovCloud (US-East)', 396.3, 'US', 'US-MIDA-PJM'),
  gsf('aws', 'us-gov-west-1', 'AWS GovCloud (US-West)', 119.8, 'US', 'US-NW-BPAT'),
  gsf('aws', 'ca-central-1', 'Canada (Central)', 30.5, 'CA', 'CA-QC'),
  gsf('aws', 'sa-east-1', 'South America (São Paulo)', 89.6, 'BR', 'BR-CS'),
  gsf('aws', 'eu-west-1', 'Europe (Ireland)', 403.4, 'IE', 'IE'),
  gsf('aws', 'eu-west-2', 'Europe (London)', 187.9, 'GB', 'GB'),
  gsf('aws', 'eu-west-3', 'Europe (Paris)', 52.9, 'FR', 'FR'),
  gsf('aws', 'eu-central-1', 'Europe (Frankfurt)', 370.9, 'DE', 'DE'),
  gsf('aws', 'eu-central-2', 'Europe (Zurich)', 83.8, 'CH', 'CH'),
  gsf('aws', 'eu-north-1', 'Europe (Stockholm)', 24.7, 'SE', 'SE'),
  gsf('aws', 'eu-south-1', 'Europe (Milan)', 298.6, 'IT', 'IT-NO'),
  gsf('aws', 'eu-south-2', 'Europe (Spain)', 153.9, 'ES', 'ES'),
  gsf('aws', 'il-central-1', 'Israel (Tel Aviv)', 533.0, 'IL', 'IL'),
  gsf('aws', 'me-south-1', 'Middle East (Bahrain)', 700, 'BH', 'BH'),
  gsf('aws', 'me-central-1', 'Middle East (UAE)', 381.5, 'AE', 'AE'),
  gsf('aws', 'af-south-1', 'Africa (Cape Town)', 702.0, 'ZA', 'ZA'),
  gsf('aws', 'ap-east-1', 'Asia Pacific (Hong Kong)', 435.4, 'HK', 'HK'),
  gsf('aws', 'ap-south-1', 'Asia Pacific (Mumbai)', 747.0, 'IN', 'IN-WE'),
  gsf('aws', 'ap-south-2', 'Asia Pacific (Hyderabad)', 551.3, 'IN', 'IN-SO'),
  gsf('aws', 'ap-northeast-1', 'Asia Pacific (Tokyo)', 536.1, 'JP', 'JP-TK'),
  gsf('aws', 'ap-northeast-2', 'Asia Pacific (Seoul)', 443.1, 'KR', 'KR'),
  gsf('aws', 'ap-northeast-3', 'Asia Pacific (Osaka)', 370.3, 'JP', 'JP-KN'),
  gsf('aws', 'ap-southeast-1', 'Asia Pacific (Singapore)', 487.5, 'SG', 'SG'),
  gsf('aws', 'ap-southeast-2', 'Asia Pacific (Sydney)', 545.0, 'AU', 'AU-NSW'),
  gsf('aws', 'ap-southeast-3', 'Asia Pacific (Jakarta)', 652.4, 'ID', 'ID'),
  gsf('aws', 'ap-southeast-4', 'Asia Pacific (Melbourne)', 498.2, 'AU', 'AU-VIC'),
  {
    id: 'aws:cn-north-1',
    provider: 'aws',
    name: 'China (Beijing)',
    gPerKWh: 582.3,
    basis: BASIS,
    year: 2023,
    source: `${OWID} (China national average; the GSF file has no average for this region)`,
    country: 'CN',
  },
  {
    id: 'aws:cn-northwest-1',
    provider: 'aws',
    name: 'China (Ningxia)',
    gPerKWh: 582.3,
    basis: BASIS,
    year: 2023,
    source: `${OWID} (China national average; the GSF file has no average for this region)`,
    country: 'CN',
  },

  // ------------------------------------------------------------------ Google Cloud
  gsf('gcp', 'us-central1', 'Iowa', 501.4, 'US', 'US-MIDW-MISO'),
  gsf('gcp', 'us-east1', 'South Carolina', 649.1, 'US', 'US-CAR-SC'),
  gsf('gcp', 'us-east4', 'Northern Virginia', 396.3, 'US', 'US-MIDA-PJM'),
  gsf('gcp', 'us-east5', 'Columbus', 396.3, 'US', 'US-MIDA-PJM'),
  gsf('gcp', 'us-south1', 'Dallas', 388.8, 'US', 'US-TEX-ERCO'),
  gsf('gcp', 'us-west1', 'Oregon', 119.8, 'US', 'US-NW-BPAT'),
  gsf('gcp', 'us-west2', 'Los Angeles', 261.3, 'US', 'US-CAL-CISO'),
  gsf('gcp', 'us-west3', 'Salt Lake City', 647.8, 'US', 'US-NW-PACE'),
  gsf('gcp', 'us-west4', 'Las Vegas', 459.1, 'US', 'US-NW-NEVP'),
  gsf('gcp', 'northamerica-northeast1', 'Montréal', 30.5, 'CA', 'CA-QC'),
  gsf('gcp', 'northamerica-northeast2', 'Toronto', 76.4, 'CA', 'CA-ON'),
  gsf('gcp', 'southamerica-east1', 'São Paulo', 89.6, 'BR', 'BR-CS'),
  gsf('gcp', 'southamerica-west1', 'Santiago', 272.3, 'CL', 'CL-SEN'),
  gsf('gcp', 'europe-west1', 'Belgium', 177.6, 'BE', 'BE'),
  gsf('gcp', 'europe-west2', 'London', 187.9, 'GB', 'GB'),
  gsf('gcp', 'europe-west3', 'Frankfurt', 370.9, 'DE', 'DE'),
  gsf('gcp', 'europe-west4', 'Netherlands (Eemshaven)', 283.2, 'NL', 'NL'),
  gsf('gcp', 'europe-west6', 'Zurich', 83.8, 'CH', 'CH'),
  gsf('gcp', 'europe-west8', 'Milan', 298.6, 'IT', 'IT-NO'),
  gsf('gcp', 'europe-west9', 'Paris', 52.9, 'FR', 'FR'),
  gsf('gcp', 'europe-west12', 'Turin', 298.6, 'IT', 'IT-NO'),
  gsf('gcp', 'europe-north1', 'Finland', 82.3, 'FI', 'FI'),
  gsf('gcp', 'europe-central2', 'Warsaw', 749.3, 'PL', 'PL'),
  gsf('gcp', 'europe-southwest1', 'Madrid', 153.9, 'ES', 'ES'),
  gsf('gcp', 'me-west1', 'Tel Aviv', 533.0, 'IL', 'IL'),
  gsf('gcp', 'africa-south1', 'Johannesburg', 702.0, 'ZA', 'ZA'),
  gsf('gcp', 'asia-east1', 'Taiwan', 537.6, 'TW', 'TW'),
  gsf('gcp', 'asia-east2', 'Hong Kong', 435.4, 'HK', 'HK'),
  gsf('gcp', 'asia-northeast1', 'Tokyo', 536.1, 'JP', 'JP-TK'),
  gsf('gcp', 'asia-northeast2', 'Osaka', 370.3, 'JP', 'JP-KN'),
  gsf('gcp', 'asia-northeast3', 'Seoul', 443.1, 'KR', 'KR'),
  gsf('gcp', 'asia-south1', 'Mumbai', 747.0, 'IN', 'IN-WE'),
  gsf('gcp', 'asia-south2', 'Delhi', 563.1, 'IN', 'IN-NO'),
  gsf('gcp', 'asia-southeast1', 'Singapore', 487.5, 'SG', 'SG'),
  gsf('gcp', 'asia-southeast2', 'Jakarta', 652.4, 'ID', 'ID'),
  gsf('gcp', 'australia-southeast1', 'Sydney', 545.0, 'AU', 'AU-NSW'),
  gsf('gcp', 'australia-southeast2', 'Melbourne', 498.2, 'AU', 'AU-VIC'),

  // ------------------------------------------------------------------ Microsoft Azure
  gsf('azure', 'eastus', 'East US (Virginia)', 396.3, 'US', 'US-MIDA-PJM'),
  gsf('azure', 'eastus2', 'East US 2 (Virginia)', 396.3, 'US', 'US-MIDA-PJM'),
  gsf('azure', 'eastus3', 'East US 3 (Georgia)', 435.8, 'US', 'US-SE-SOCO'),
  gsf('azure', 'centralus', 'Central US (Iowa)', 501.4, 'US', 'US-MIDW-MISO'),
  gsf('azure', 'northcentralus', 'North Central US (Illinois)', 501.4, 'US', 'US-MIDW-MISO'),
  gsf('azure', 'southcentralus', 'South Central US (Texas)', 388.8, 'US', 'US-TEX-ERCO'),
  zone(
    'azure',
    'westus',
    'West US (California)',
    261.3,
    'US',
    'US-CAL-CISO',
    'The GSF file labels its "westus" row Washington/BPA; Azure West US is in California, so the CAISO value is used',
  ),
  zone(
    'azure',
    'westus2',
    'West US 2 (Washington)',
    119.8,
    'US',
    'US-NW-BPAT',
    "This is the value of the GSF file's Washington/BPA row",
  ),
  zone('azure', 'canadacentral', 'Canada Central (Toronto)', 76.4, 'CA', 'CA-ON'),
  zone('azure', 'canadaeast', 'Canada East (Quebec City)', 30.5, 'CA', 'CA-QC'),
  gsf('azure', 'brazilsouth', 'Brazil South (São Paulo State)', 89.6, 'BR', 'BR-CS'),
  gsf('azure', 'northeurope', 'North Europe (Ireland)', 403.4, 'IE', 'IE'),
  gsf('azure', 'westeurope', 'West Europe (Netherlands)', 283.2, 'NL', 'NL'),
  zone('azure', 'uksouth', 'UK South (London)', 187.9, 'GB', 'GB'),
  zone('azure', 'francecentral', 'France Central (Paris)', 52.9, 'FR', 'FR'),
  zone('azure', 'germanywestcentral', 'Germany West Central (Frankfurt)', 370.9, 'DE', 'DE'),
  zone('azure', 'switzerlandnorth', 'Switzerland North (Zurich)', 83.8, 'CH', 'CH'),
  gsf('azure', 'swedencentral', 'Sweden Central (Gävle)', 24.7, 'SE', 'SE'),
  {
    id: 'azure:norwayeast',
    provider: 'azure',
    name: 'Norway East (Oslo)',
    gPerKWh: 30.1,
    basis: BASIS,
    year: 2023,
    source: `${OWID} (Norway national average; the GSF file has no row for this region or zone)`,
    country: 'NO',
  },
  gsf('azure', 'denmarkeast', 'Denmark East (Copenhagen)', 136.8, 'DK', 'DK-DK2'),
  gsf('azure', 'polandcentral', 'Poland Central (Warsaw)', 749.3, 'PL', 'PL'),
  gsf('azure', 'italynorth', 'Italy North (Milan)', 298.6, 'IT', 'IT-NO'),
  gsf('azure', 'spaincentral', 'Spain Central (Madrid)', 153.9, 'ES', 'ES'),
  gsf('azure', 'austriaeast', 'Austria East (Vienna)', 160.4, 'AT', 'AT'),
  gsf('azure', 'greececentral', 'Greece Central (Athens)', 368.8, 'GR', 'GR'),
  zone('azure', 'uaenorth', 'UAE North (Dubai)', 381.5, 'AE', 'AE'),
  zone('azure', 'southafricanorth', 'South Africa North (Johannesburg)', 702.0, 'ZA', 'ZA'),
  zone('azure', 'centralindia', 'Central India (Pune)', 747.0, 'IN', 'IN-WE'),
  gsf('azure', 'indiasouthcentral', 'India South Central (Hyderabad)', 551.3, 'IN', 'IN-SO'),
  zone('azure', 'japaneast', 'Japan East (Tokyo)', 536.1, 'JP', 'JP-TK'),
  zone('azure', 'japanwest', 'Japan West (Osaka)', 370.3, 'JP', 'JP-KN'),
  zone('azure', 'koreacentral', 'Korea Central (Seoul)', 443.1, 'KR', 'KR'),
  zone('azure', 'eastasia', 'East Asia (Hong Kong)', 435.4, 'HK', 'HK'),
  gsf('azure', 'southeastasia', 'Southeast Asia (Singapore)', 487.5, 'SG', 'SG'),
  gsf('azure', 'taiwannorth', 'Taiwan North', 537.6, 'TW', 'TW'),
  gsf('azure', 'australiaeast', 'Australia East (New South Wales)', 545.0, 'AU', 'AU-NSW'),
  gsf('azure', 'australiasoutheast', 'Australia Southeast (Victoria)', 498.2, 'AU', 'AU-VIC'),
  gsf('azure', 'newzealandnorth', 'New Zealand North (Auckland)', 96.8, 'NZ', 'NZ'),

  // ------------------------------------------------------------------ Countries (ISO 3166 alpha-2)
  // North America
  nation('US', 'United States', 369.5, 2023),
  nation('CA', 'Canada', 170.0, 2023),
  nation('MX', 'Mexico', 507.2, 2023),
  // South and Central America
  nation('BR', 'Brazil', 98.3, 2023),
  nation('AR', 'Argentina', 354.1, 2023),
  nation('CL', 'Chile', 291.1, 2023),
  nation('CO', 'Colombia', 259.5, 2023),
  nation('UY', 'Uruguay', 128.8, 2023),
  nation('CR', 'Costa Rica', 53.4, 2023),
  // Europe
  nation('GB', 'United Kingdom', 237.6, 2023),
  nation('IE', 'Ireland', 290.8, 2023),
  nation('FR', 'France', 56.0, 2023),
  nation('DE', 'Germany', 381.0, 2023),
  nation('NL', 'Netherlands', 267.6, 2023),
  nation('BE', 'Belgium', 138.1, 2023),
  nation('LU', 'Luxembourg', 105.3, 2023),
  nation('CH', 'Switzerland', 34.8, 2023),
  nation('AT', 'Austria', 110.8, 2023),
  nation('IT', 'Italy', 330.7, 2023),
  nation('ES', 'Spain', 174.1, 2023),
  nation('PT', 'Portugal', 165.6, 2023),
  nation('SE', 'Sweden', 40.7, 2023),
  nation('NO', 'Norway', 30.1, 2023),
  nation('FI', 'Finland', 79.2, 2023),
  nation('DK', 'Denmark', 151.7, 2023),
  nation('IS', 'Iceland', 27.7, 2022),
  nation('PL', 'Poland', 661.9, 2023),
  nation('CZ', 'Czechia', 449.7, 2023),
  nation('SK', 'Slovakia', 116.8, 2023),
  nation('HU', 'Hungary', 204.2, 2023),
  nation('RO', 'Romania', 240.6, 2023),
  nation('BG', 'Bulgaria', 335.3, 2023),
  nation('GR', 'Greece', 336.6, 2023),
  nation('EE', 'Estonia', 416.7, 2023),
  nation('LV', 'Latvia', 123.2, 2023),
  nation('LT', 'Lithuania', 160.1, 2023),
  nation('SI', 'Slovenia', 231.3, 2023),
  nation('HR', 'Croatia', 205.0, 2023),
  // Middle East and Africa
  nation('IL', 'Israel', 582.9, 2022),
  nation('AE', 'United Arab Emirates', 561.1, 2022),
  nation('SA', 'Saudi Arabia', 706.8, 2022),
  nation('BH', 'Bahrain', 904.6, 2022),
  nation('QA', 'Qatar', 602.5, 2023),
  nation('EG', 'Egypt', 570.3, 2023),
  nation('MA', 'Morocco', 630.0, 2023),
  nation('NG', 'Nigeria', 523.2, 2023),
  nation('KE', 'Kenya', 70.5, 2023),
  nation('ZA', 'South Africa', 707.7, 2023),
  // Asia and Oceania
  nation('IN', 'India', 713.4, 2023),
  nation('PK', 'Pakistan', 440.6, 2023),
  nation('BD', 'Bangladesh', 691.4, 2023),
  nation('CN', 'China', 582.3, 2023),
  nation('HK', 'Hong Kong', 699.5, 2022),
  nation('TW', 'Taiwan', 537.6, 2023, `${GSF_2023}, zone TW); not in the OWID file we use`),
  nation('JP', 'Japan', 485.4, 2023),
  nation(
    'KR',
    'South Korea',
    430.6,
    2023,
    'Our World in Data / Ember 2023 electricity data, via mlco2/codecarbon global_energy_mix.json',
  ),
  nation('SG', 'Singapore', 470.8, 2023),
  nation('MY', 'Malaysia', 605.8, 2022),
  nation('ID', 'Indonesia', 675.9, 2022),
  nation('TH', 'Thailand', 549.6, 2023),
  nation('PH', 'Philippines', 610.7, 2023),
  nation('AU', 'Australia', 548.7, 2023),
  nation('NZ', 'New Zealand', 112.8, 2023),
];

/**
 * Fallback when nothing about the location is known: the world average that CodeCarbon and Green Algorithms
 * use. Not part of GRID (its id is not an ISO code); resolveRegion accepts "world" / "global" for it.
 */
export const WORLD_AVERAGE: GridIntensity = {
  id: 'world',
  provider: 'custom',
  name: 'World average',
  gPerKWh: 475,
  basis: BASIS,
  year: 2019,
  source:
    'IEA 2019 world average, as used by CodeCarbon (mlco2/codecarbon) and Green Algorithms (Lannelongue et al. 2021)',
};
