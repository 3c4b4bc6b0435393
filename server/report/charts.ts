// The report's charts as SVG, rendered offline: Vega-Lite specs compiled to Vega and rendered headless
// (`View.toSVG()`, no canvas, no browser, no network — every spec carries its data inline).
// https://vega.github.io/vega/usage/#node
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ReportData } from './data';

export interface Charts {
  /** Energy per run, mid value as a bar with the low–high range as an error bar. */
  energy?: string;
  /** Saving per rule (mid kWh of the findings' fixes). */
  savings?: string;
  /** CO2e of all runs by region, with today's region marked. */
  regions?: string;
}

/** Colours and fonts: fixed for the HTML file; `currentColor` lets the editor's theme colour axes and labels. */
export interface ChartTheme {
  text: string;
  bar: string;
  accent: string;
  font: string;
}

export const LIGHT_THEME: ChartTheme = { text: '#1f2328', bar: '#0b5d3b', accent: '#d4a72c', font: 'sans-serif' };

const config = (t: ChartTheme) => ({
  background: 'transparent',
  font: t.font,
  axis: {
    labelColor: t.text,
    titleColor: t.text,
    domainColor: t.text,
    tickColor: t.text,
    gridOpacity: 0.25,
    labelLimit: 260,
  },
  legend: { labelColor: t.text, titleColor: t.text },
  title: { color: t.text },
  view: { stroke: null },
});

/** "hf-finetune-fp32/train.py:42": the file and its folder, enough to tell the runs apart. */
const short = (file: string, line: number) => `${file.split(/[\\/]/).slice(-2).join('/')}:${line}`;

export function chartSpecs(data: ReportData, t: ChartTheme = LIGHT_THEME): Partial<Record<keyof Charts, TopLevelSpec>> {
  const specs: Partial<Record<keyof Charts, TopLevelSpec>> = {};
  const runs = data.runs.filter((r) => r.estimate);
  if (runs.length) {
    const values = runs.map((r) => ({
      run: short(r.path, r.line),
      low: r.estimate?.energyKWh.low,
      mid: r.estimate?.energyKWh.mid,
      high: r.estimate?.energyKWh.high,
    }));
    specs.energy = {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: 'Energy per run (kWh; bar = estimate, line = low–high)',
      width: 360,
      height: { step: 26 },
      data: { values },
      config: config(t),
      encoding: { y: { field: 'run', type: 'nominal', title: null, sort: null } },
      layer: [
        {
          mark: { type: 'bar', color: t.bar },
          encoding: { x: { field: 'mid', type: 'quantitative', title: 'kWh' } },
        },
        {
          mark: { type: 'rule', color: t.accent, strokeWidth: 2 },
          encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
        },
      ],
    };
  }
  const rules = data.savingsByRule.filter((r) => r.kWh > 0);
  if (rules.length)
    specs.savings = {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: 'Saving per rule if every fix is applied (kWh)',
      width: 360,
      height: { step: 26 },
      data: { values: rules.map((r) => ({ rule: `${r.code} ${r.name}`, kWh: r.kWh, findings: r.count })) },
      config: config(t),
      mark: { type: 'bar', color: t.bar },
      encoding: {
        y: { field: 'rule', type: 'nominal', title: null, sort: '-x' },
        x: { field: 'kWh', type: 'quantitative', title: 'kWh saved' },
      },
    };
  if (data.co2ByRegion.length)
    specs.regions = {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: 'CO2e of all runs by region (kg, same hardware)',
      width: 360,
      height: { step: 22 },
      data: {
        values: data.co2ByRegion.map((r) => ({
          region: `${r.id} (${Math.round(r.gPerKWh)} g/kWh)`,
          kg: r.kg,
          now: r.current ? 'current' : 'alternative',
        })),
      },
      config: config(t),
      mark: 'bar',
      encoding: {
        y: { field: 'region', type: 'nominal', title: null, sort: 'x' },
        x: { field: 'kg', type: 'quantitative', title: 'kg CO2e' },
        color: {
          field: 'now',
          type: 'nominal',
          title: null,
          scale: { domain: ['current', 'alternative'], range: [t.accent, t.bar] },
        },
      },
    };
  return specs;
}

async function toSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export async function renderCharts(data: ReportData, t: ChartTheme = LIGHT_THEME): Promise<Charts> {
  const specs = chartSpecs(data, t);
  const out: Charts = {};
  for (const k of Object.keys(specs) as (keyof Charts)[]) {
    const spec = specs[k];
    if (spec) out[k] = await toSvg(spec);
  }
  return out;
}
