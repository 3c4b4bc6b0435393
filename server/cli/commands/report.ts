// `greenml report [PATH…]`: every run with its estimate, range and assumptions, its findings with their savings, and
// what-if tables (hardware × region), as Markdown (stdout, for a pull request) or as one self-contained HTML file
// with SVG charts rendered offline (Vega-Lite).
import * as fs from 'node:fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import type { Settings } from '../../../engine/settings';
import { buildReport, DEFAULT_COMPARE_HARDWARE, DEFAULT_COMPARE_REGIONS } from '../../report/data';
import { reportHtml } from '../../report/html';
import { renderChartsLazily } from '../../report/load-charts';
import { reportMarkdown } from '../../report/markdown';
import type { FileResult } from '../output';
import { UsageError } from '../options';
import { addRunOptions, applyRunOptions } from './run-options';

export interface ReportDeps {
  /** main.ts's: the files under the paths, each with its own folder's settings, `adjust` laid over them. */
  analyzePaths(
    paths: string[],
    o: { config?: string },
    adjust?: (s: Settings) => void,
  ): Promise<{ results: FileResult[]; errors: { path: string; message: string }[] }>;
}

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

export function registerReport(program: Command, out: (s: string) => void, deps: ReportDeps): void {
  const cmd = program
    .command('report')
    .description('a footprint report of every run: estimates, findings with savings, what-if tables and charts')
    .argument('[paths...]', 'files or folders', ['.'])
    .addOption(
      new Option(
        '--format <format>',
        'markdown (default), html (one self-contained file with SVG charts) or json (the report data)',
      ).choices(['markdown', 'html', 'json']),
    )
    .option('-o, --output <file>', 'write to this file (the format follows a .html/.md name) instead of stdout')
    .option('--compare-hardware <ids>', `what-if accelerators (default: ${DEFAULT_COMPARE_HARDWARE.join(',')})`, list)
    .option('--compare-regions <ids>', `what-if regions (default: ${DEFAULT_COMPARE_REGIONS.join(',')})`, list)
    .option('--config <file>', 'greenml.toml or pyproject.toml to use');
  addRunOptions(cmd).action(async (paths: string[], o) => {
    const format: 'markdown' | 'html' | 'json' = o.format ?? (/\.html?$/i.test(o.output ?? '') ? 'html' : 'markdown');
    const { results, errors } = await deps.analyzePaths(paths, o, (settings) => applyRunOptions(settings, o));
    for (const e of errors) process.stderr.write(`greenml: ${e.path}: ${e.message}\n`);
    if (results.length === 0 && errors.length) throw new UsageError('nothing to report');
    const data = buildReport(results, { compareHardware: o.compareHardware, compareRegions: o.compareRegions });
    const charts = format === 'html' ? await renderChartsLazily(data) : undefined;
    const text = charts
      ? reportHtml(data, charts)
      : format === 'json'
        ? JSON.stringify(data, null, 2)
        : reportMarkdown(data);
    if (o.output) {
      fs.writeFileSync(o.output, text);
      out(`Wrote ${o.output} (${data.runs.length} runs, ${data.totals.findings} findings).`);
    } else out(text.trimEnd());
  });
}
