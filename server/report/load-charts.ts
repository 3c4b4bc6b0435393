// Vega and Vega-Lite (~2 MB) are their own bundle, dist/charts.js, loaded only when a chart is drawn (an HTML report,
// the editor's footprint view), so the CLI and the server start without parsing them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ChartTheme, Charts } from './charts';
import type { ReportData } from './data';

type ChartsModule = { renderCharts(data: ReportData, theme?: ChartTheme): Promise<Charts> };

let loaded: ChartsModule | undefined;

export async function renderChartsLazily(data: ReportData, theme?: ChartTheme): Promise<Charts> {
  if (!loaded) {
    // Computed paths: esbuild must not pull vega into the main bundles. From sources (tests), the .ts module.
    const bundle = path.join(__dirname, 'charts.js');
    const file = fs.existsSync(bundle) ? bundle : path.join(__dirname, 'charts');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a computed path, loaded lazily (see above)
    loaded = require(file) as ChartsModule;
  }
  return loaded.renderCharts(data, theme);
}
