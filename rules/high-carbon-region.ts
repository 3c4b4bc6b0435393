import { GRID, resolveRegion } from '../core/index';
import * as fmt from '../engine/format';
import type { Rule } from './types';
import { at, savingOf } from './helpers';

/** A region counts as high-carbon when a region of the same provider has at most this share of its intensity. */
export const CLEANER_SHARE = 0.5;

/**
 * GML001 high-carbon-region — a run placed in a high-intensity grid region of a cloud with much cleaner ones.
 */
export const highCarbonRegion: Rule = {
  code: 'GML001',
  name: 'high-carbon-region',
  defaultSeverity: 'information',
  summary:
    'The run is placed in a cloud region whose grid is far more carbon-intensive than others of the same provider',
  doc: {
    whatItDoes:
      "Flags runs whose region, written in the run's files (SkyPilot `resources.region`/`infra`), is a cloud region with " +
      'at least twice the grid carbon intensity of another region of the same provider, and names the cleanest ones ' +
      'with the CO2e the run would save there (core/data/grid.ts, annual averages with source and year).',
    whyIsThisBad:
      'The same job emits several times more CO2e on a coal-heavy grid: location is the largest operational lever ' +
      '(Patterson et al. 2021; Dodge et al. 2022, "Measuring the Carbon Intensity of AI in Cloud Instances"). Energy ' +
      'is unchanged; emissions scale with the grid intensity.',
    example: 'resources:\n  cloud: aws\n  region: ap-south-1   # ≈ 747 g CO2e/kWh',
    useInstead: 'resources:\n  cloud: aws\n  region: eu-north-1   # ≈ 25 g CO2e/kWh',
    fixSafety:
      'Display-only: data residency, latency, quotas and which accelerators a region offers decide where a job may ' +
      'run. Not flagged: the `region` setting (it describes where you work, not this code), country-level regions, ' +
      'on-premises, unknown regions.',
  },
  check(ctx) {
    const f = ctx.fact('region');
    // Only a region written in the run's own files (a launcher, a SkyPilot task): the `region` setting describes
    // where the user works, not a choice made in this code.
    if (typeof f?.value !== 'string' || !f.file || !f.span || (f.origin !== 'explicit' && f.origin !== 'inferred'))
      return [];
    const r = resolveRegion(f.value);
    if (!r.ok || !['aws', 'gcp', 'azure'].includes(r.value.provider)) return [];
    const here = r.value;
    const cleaner = GRID.filter((g) => g.provider === here.provider && g.gPerKWh <= here.gPerKWh * CLEANER_SHARE)
      .sort((a, b) => a.gPerKWh - b.gPerKWh)
      .slice(0, 3);
    if (cleaner.length === 0) return [];
    const best = savingOf(ctx, { region: cleaner[0].id });
    const co2 = best ? ` — ≈ ${fmt.carbon(best.savings.kgCO2e.mid)} less for this run` : '';
    const list = cleaner.map((g) => `${g.id} (${Math.round(g.gPerKWh)} g)`).join(', ');
    // The saving is carbon, not energy: minor when it is less than the carbon of min-saving-kwh in this region.
    const minor = !best || best.savings.kgCO2e.mid < ctx.settings.minSavingKWh * (here.gPerKWh / 1000);
    return [
      {
        ...at(f),
        minor: minor || undefined,
        message: `${here.id} runs on a grid of ≈ ${Math.round(here.gPerKWh)} g CO2e/kWh (${here.year}); cleaner ${here.provider.toUpperCase()} regions: ${list}${co2}, if they offer the accelerator.`,
        fixes: [{ title: `Run in ${cleaner[0].id}${co2}`, applicability: 'display-only', edits: [] }],
      },
    ];
  },
};
