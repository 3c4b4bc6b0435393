// greenml/footprint and greenml/tables (custom requests): the whole workspace's footprint for the editor's view —
// the same report data, what-if tables and charts as `greenml report` — and the core's tables for the pickers.
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { ACCELERATORS, GRID } from '../../core/index';
import { boundedReader, diskReader, memoryReader, readRegularFile } from '../../engine/link/reader';
import { ruleMarkdown } from '../../rules/docs';
import { RULES } from '../../rules/index';
import { collectFiles } from '../cli/files';
import { analyzeText, MAX_FILE_BYTES } from '../review/analyze-file';
import { buildReport, type ReviewedFile } from '../report/data';
import { reportBody, reportHtml, VIEW_CSS } from '../report/html';
import { renderChartsLazily } from '../report/load-charts';
import { reportMarkdown } from '../report/markdown';
import type { FootprintParams, FootprintResult, TablesParams, TablesResult } from './custom-protocol';
import type { DocumentStore } from './documents';
import { uriToPath } from './documents';
import type { SettingsCache } from './settings';

/** A workspace larger than this is reported on its first files only (and says so). */
const MAX_FILES = 400;

export async function footprint(
  docs: DocumentStore,
  settings: SettingsCache,
  roots: string[],
  params: FootprintParams,
): Promise<FootprintResult> {
  const open = new Map(docs.all().map((d) => [d.path, d.doc.getText()]));
  const folders = roots.length ? roots : [...new Set([...open.keys()].map((p) => path.dirname(p)))];
  const { files } = collectFiles(folders, { roots: folders });
  for (const p of open.keys()) if (!files.includes(p) && folders.some((r) => p.startsWith(r + path.sep))) files.push(p);
  const reviewed: ReviewedFile[] = [];
  for (const file of files.slice(0, MAX_FILES)) {
    let text = open.get(file);
    if (text === undefined)
      try {
        text = readRegularFile(file, MAX_FILE_BYTES);
      } catch {
        continue;
      }
    const { settings: s } = await settings.get(URI.file(file).toString(), file);
    const reader = boundedReader(memoryReader(Object.fromEntries(open), diskReader()), [
      ...folders,
      ...(s.extraRoots ?? []),
    ]);
    const a = await analyzeText(file, text, s, reader);
    reviewed.push({ path: file, text, findings: a.findings, runs: a.runs });
  }
  const base = folders.length === 1 ? folders[0] : path.dirname(folders[0] ?? '.');
  const data = buildReport(reviewed, { displayPath: (f) => path.relative(base, f) || f });
  const dark = params.theme === 'dark';
  const charts = await renderChartsLazily(data, {
    text: 'currentColor',
    bar: dark ? '#3fb950' : '#0b5d3b',
    accent: dark ? '#d29922' : '#bf8700',
    font: 'sans-serif',
  });
  const title = `Footprint of ${folders.map((f) => path.basename(f)).join(', ') || 'the open files'}`;
  const printable = await renderChartsLazily(data);
  return {
    body:
      reportBody(data, charts, title) +
      (files.length > MAX_FILES ? `<p>Only the first ${MAX_FILES} of ${files.length} files are included.</p>` : ''),
    style: VIEW_CSS,
    markdown: reportMarkdown(data),
    html: reportHtml(data, printable, { title }),
    runs: data.runs.length,
    findings: data.totals.findings,
    files: data.files,
    kWh: data.totals.kWh,
    savingKWh: data.totals.savingKWh,
  };
}

export async function tables(settings: SettingsCache, params: TablesParams): Promise<TablesResult> {
  let sources: TablesResult['sources'];
  if (params.uri) {
    const file = uriToPath(params.uri);
    const { settings: s } = await settings.get(params.uri, file);
    sources = { hardware: s.sources.hardware, devices: s.sources.devices, region: s.sources.region };
  }
  return {
    hardware: ACCELERATORS.map((a) => ({
      id: a.id,
      label: a.name,
      detail: `${a.id} · ${a.memoryGB} GB · ${a.powerW} W${(a.tflops.bf16 ?? a.tflops.fp16) ? ` · ${a.tflops.bf16 ?? a.tflops.fp16} TFLOPS 16-bit` : ''} (${a.year})`,
    })),
    regions: GRID.map((g) => ({
      id: g.id,
      label: `${g.id} — ${g.name}`,
      detail: `${Math.round(g.gPerKWh)} g CO2e/kWh (${g.year})`,
    })),
    rules: RULES.map((r) => ({ code: r.code, name: r.name, summary: r.summary, markdown: ruleMarkdown(r) })),
    sources,
  };
}
