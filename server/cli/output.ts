// Output formats for `greenml check`: text, json (ARCHITECTURE.md "Contracts"), sarif 2.1.0, github annotations, markdown.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, docsUrl, findRule } from '../../rules/index';
import * as fmt from '../../engine/format';
import { frameworkName, type AnalyzedRun, type Finding, type OffsetEdit, type Span } from '../../engine/types';
import type { Estimate } from '../../core/index';

export interface FileResult {
  path: string;
  text: string;
  findings: Finding[];
  runs: AnalyzedRun[];
  /** Runs this file belongs to whose entry is another file (a config's script, a launcher's script). */
  linked?: AnalyzedRun[];
  /** Texts of the linked files the runs read (a launcher, a config), for ranges of facts that live there. */
  sources?: Map<string, string>;
}

/** 1-based line and column of an offset. */
export function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const range = (text: string, s: Span) => ({ start: position(text, s.start), end: position(text, s.end) });

/** An estimate as the JSON contract shows it (ARCHITECTURE.md, "Contracts"). */
export function estimateJson(e: Estimate) {
  return {
    gpuHours: e.gpuHours,
    energyKWh: e.energyKWh,
    co2eKg: e.co2eKg,
    wallHours: e.wallHours,
    memoryGBPerDevice: e.memoryGBPerDevice,
    method: e.method,
    accelerator: e.accelerator?.id,
    devices: e.devices,
    pue: e.pue,
    grid: e.grid,
    assumptions: e.assumptions,
    warnings: e.warnings,
  };
}

export function runJson(run: AnalyzedRun) {
  const e = run.estimate;
  return {
    entry: { path: run.plan.entry.file, label: run.plan.entry.label },
    framework: frameworkName(run.plan),
    files: run.plan.files,
    estimate: estimateJson(e),
  };
}

export function checkJson(results: FileResult[], errors: { path: string; message: string }[], version: string) {
  const texts = new Map(results.map((r) => [r.path, r.text]));
  const rng = (file: string, s: Span) => range(texts.get(file) ?? '', s);
  return {
    version,
    files: results.map((r) => ({
      path: r.path,
      findings: r.findings.map((f) => ({
        code: f.code,
        name: f.name,
        severity: f.severity,
        message: f.message,
        range: rng(f.file, f.span),
        fixes: f.fixes.map((x) => ({
          title: x.title,
          applicability: x.applicability,
          edits: x.edits.map((e: OffsetEdit) => ({ range: rng(e.file, e), newText: e.newText })),
        })),
        savings: f.savings ? { kWh: f.savings.kWh, kgCO2e: f.savings.kgCO2e } : undefined,
      })),
    })),
    runs: results.flatMap((r) => r.runs.map(runJson)),
    errors,
  };
}

export function checkText(results: FileResult[], color: boolean): string {
  const c = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const out: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      const p = position(r.text, f.span.start);
      const sev =
        f.severity === 'error' ? c('31', 'error') : f.severity === 'warning' ? c('33', 'warning') : c('36', f.severity);
      out.push(`${c('1', `${r.path}:${p.line}:${p.column}`)}: ${sev} ${c('1', f.code)} ${f.message} [${f.name}]`);
      for (const x of f.fixes) out.push(`  ${c('32', 'fix')} (${x.applicability}): ${x.title}`);
    }
    for (const run of r.runs) {
      const e = run.estimate;
      const p = position(r.text, run.plan.entry.span.start);
      if (e.method === 'insufficient-inputs') {
        out.push(`${c('2', `${r.path}:${p.line}`)}: footprint unknown — ${e.warnings.join('; ')}`);
        continue;
      }
      out.push(
        `${c('2', `${r.path}:${p.line}`)}: ${run.plan.entry.label} ≈ ${fmt.range(e.energyKWh, fmt.energy)} · ${fmt.range(e.co2eKg, fmt.carbon)} · ${e.devices}×${e.accelerator?.name ?? 'unknown GPU'} · ${fmt.range(e.wallHours, fmt.hours)} wall-clock (pre-flight estimate)`,
      );
    }
  }
  return out.join('\n');
}

/**
 * GitHub workflow commands (`::error file=…,line=…::message`): data escapes %, CR and LF; each property value also
 * escapes ':' and ',' — the rules of @actions/core's command.ts — so a file name cannot end the command or add
 * properties of its own (https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts).
 */
export const githubData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const githubProperty = (s: string) => githubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function checkGithub(results: FileResult[]): string {
  const esc = githubData;
  const prop = githubProperty;
  return results
    .flatMap((r) =>
      r.findings.map((f) => {
        const s = position(r.text, f.span.start);
        const e = position(r.text, f.span.end);
        const level = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
        return `::${level} file=${prop(r.path)},line=${s.line},col=${s.column},endLine=${e.line},endColumn=${e.column},title=${prop(`${f.code} ${f.name}`)}::${esc(f.message)}`;
      }),
    )
    .join('\n');
}

/**
 * Text inside a GitHub-flavoured Markdown table cell: line breaks would end the row, so they become spaces; HTML
 * special characters become entities; what could open a code span or a link, or end the cell (\ ` [ ] |), is
 * backslash-escaped (CommonMark §2.4: any ASCII punctuation may be escaped).
 */
export function markdownText(s: string): string {
  return s
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`[\]|]/g, '\\$&');
}

/** A path in a table cell: a code span when nothing in it can break one, escaped text otherwise. */
export function markdownPath(p: string): string {
  return /^[\w./@+:=, -]+$/.test(p) ? `\`${p}\`` : markdownText(p);
}

export function checkMarkdown(results: FileResult[]): string {
  const rows = results.flatMap((r) =>
    r.findings.map(
      (f) =>
        `| ${markdownPath(`${r.path}:${position(r.text, f.span.start).line}`)} | ${f.code} ${f.name} | ${f.severity} | ${markdownText(f.message)} |`,
    ),
  );
  const runs = results.flatMap((r) =>
    r.runs
      .filter((x) => x.estimate.method !== 'insufficient-inputs')
      .map(
        (x) =>
          `| ${markdownPath(r.path)} | ${fmt.range(x.estimate.energyKWh, fmt.energy)} | ${fmt.range(x.estimate.co2eKg, fmt.carbon)} | ${fmt.num(x.estimate.gpuHours.mid)} |`,
      ),
  );
  return [
    '## Green ML Review',
    '',
    rows.length ? '| Location | Rule | Severity | Message |\n|---|---|---|---|\n' + rows.join('\n') : 'No findings.',
    '',
    runs.length ? '| Run | Energy | Carbon | GPU-hours |\n|---|---|---|---|\n' + runs.join('\n') : '',
  ].join('\n');
}

/**
 * A SARIF artifact URI (SARIF 2.1.0 §3.10: a URI reference): absolute paths as file: URLs (node:url), relative ones
 * with each segment percent-encoded (so '#', '?', '%', spaces and line breaks cannot change what the URI names).
 */
export function sarifUri(p: string): string {
  if (path.isAbsolute(p)) return pathToFileURL(p).href;
  return p.split(path.sep).map(encodeURIComponent).join('/');
}

export function checkSarif(results: FileResult[], version: string) {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'greenml',
            version,
            informationUri: 'https://github.com/green-ml-review/green-ml-review',
            rules: RULES.map((r) => ({
              id: r.code,
              name: r.name,
              shortDescription: { text: r.summary },
              helpUri: docsUrl(r),
            })),
          },
        },
        results: results.flatMap((r) =>
          r.findings.map((f) => {
            const s = position(r.text, f.span.start);
            const e = position(r.text, f.span.end);
            return {
              ruleId: f.code,
              ruleIndex: RULES.indexOf(findRule(f.code)!),
              level: f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'note',
              message: { text: f.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: sarifUri(r.path) },
                    region: { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column },
                  },
                },
              ],
            };
          }),
        ),
      },
    ],
  };
}
