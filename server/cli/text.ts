// The text output of `greenml check`: a findings section grouped by file, an estimates section, and a summary line
// with correct counts and the total possible saving. Wrapped to the terminal (wrap-ansi), coloured only on a
// terminal (picocolors), honouring NO_COLOR and FORCE_COLOR (https://no-color.org, https://force-color.org).
import { createColors } from 'picocolors';
import wrapAnsi from 'wrap-ansi';
import * as fmt from '../../engine/format';
import { frameworkName, type AnalyzedRun, type Finding } from '../../engine/types';
import { combineShares } from '../report/data';
import { position, type FileResult } from './output';

/** Colour on a terminal only; NO_COLOR (any value) turns it off, FORCE_COLOR (not "0") turns it on. */
export function colorEnabled(env: NodeJS.ProcessEnv = process.env, tty = !!process.stdout.isTTY): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return tty && env.TERM !== 'dumb';
}

/** Lines are wrapped to the terminal, between 60 and 120 columns; pipes get 100. */
export const textWidth = (columns: number | undefined) => Math.max(60, Math.min(120, columns || 100));

export interface TotalSaving {
  kWh: number;
  kgCO2e: number;
}

/**
 * The saving of all findings together, mid values. Findings on the same run are not added up: each one's saving is
 * a share of that run's energy, and shares combine as 1 − Π(1 − share) (two fixes that each save half leave a
 * quarter, not nothing). Different runs add up.
 */
export function totalSaving(results: FileResult[]): TotalSaving {
  const runs = results.flatMap((r) => r.runs);
  const byRun = new Map<AnalyzedRun | string, Finding[]>();
  for (const f of results.flatMap((r) => r.findings)) {
    if (!f.savings || !(f.savings.kWh.mid > 0)) continue;
    const run = runs.find((x) => x.plan.files.includes(f.file) || x.plan.entry.file === f.file);
    const key = run ?? `${f.file}:${f.code}:${f.span.start}`;
    byRun.set(key, [...(byRun.get(key) ?? []), f]);
  }
  let kWh = 0;
  let kgCO2e = 0;
  for (const [run, findings] of byRun) {
    const baseKWh = typeof run === 'string' ? 0 : run.estimate.energyKWh.mid;
    const baseKg = typeof run === 'string' ? 0 : run.estimate.co2eKg.mid;
    kWh += combineShares(
      baseKWh,
      findings.map((f) => f.savings?.kWh.mid ?? 0),
    );
    kgCO2e += combineShares(
      baseKg,
      findings.map((f) => f.savings?.kgCO2e.mid ?? 0),
    );
  }
  return { kWh, kgCO2e };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function checkSummary(results: FileResult[]): string {
  const findings = results.flatMap((r) => r.findings);
  const withFindings = results.filter((r) => r.findings.length > 0).length;
  const bySeverity = ['error', 'warning', 'information', 'hint']
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => (s === 'information' ? `${n} information` : plural(n, s)));
  const runs = results.flatMap((r) => r.runs).filter((x) => x.estimate.method !== 'insufficient-inputs');
  const kWh = runs.reduce((s, x) => s + x.estimate.energyKWh.mid, 0);
  const kg = runs.reduce((s, x) => s + x.estimate.co2eKg.mid, 0);
  const saving = totalSaving(results);
  const parts = [
    findings.length
      ? `${plural(findings.length, 'finding')} (${bySeverity.join(', ')}) in ${plural(withFindings, 'file')} of ${results.length} reviewed`
      : `No findings in ${plural(results.length, 'file')} reviewed`,
    runs.length ? `${plural(runs.length, 'run')} ≈ ${fmt.energy(kWh)}, ${fmt.carbon(kg)}` : '',
    saving.kWh > 0 ? `the fixes could save ≈ ${fmt.energy(saving.kWh)} (${fmt.carbon(saving.kgCO2e)})` : '',
  ].filter(Boolean);
  return `${parts.join(' · ')}.`;
}

/** The whole text report of `greenml check`. */
export function checkReport(results: FileResult[], opts: { color: boolean; width?: number }): string {
  const c = createColors(opts.color);
  const width = textWidth(opts.width);
  const wrap = (s: string, indent: number) =>
    wrapAnsi(s, width - indent, { hard: true, trim: true })
      .split('\n')
      .map((l) => ' '.repeat(indent) + l)
      .join('\n');
  const out: string[] = [];
  const withFindings = results.filter((r) => r.findings.length > 0);
  if (withFindings.length) {
    out.push(c.bold(c.underline('Findings')), '');
    for (const r of withFindings) {
      out.push(c.bold(r.path));
      for (const f of r.findings) {
        const p = position(r.text, f.span.start);
        const sev =
          f.severity === 'error'
            ? c.red('error')
            : f.severity === 'warning'
              ? c.yellow('warning')
              : c.cyan(f.severity === 'information' ? 'info' : f.severity);
        out.push(`  ${c.dim(`${p.line}:${p.column}`)}  ${sev}  ${c.bold(f.code)} ${c.dim(f.name)}`);
        out.push(wrap(f.message, 4));
        for (const x of f.fixes) out.push(wrap(`${c.green('fix')} (${x.applicability}): ${x.title}`, 4));
      }
      out.push('');
    }
  }
  const runs = results.filter((r) => r.runs.length > 0);
  if (runs.length) {
    out.push(c.bold(c.underline('Estimates')) + c.dim(' (pre-flight; `greenml estimate` lists the assumptions)'), '');
    for (const r of runs)
      for (const run of r.runs) {
        const e = run.estimate;
        const p = position(r.text, run.plan.entry.span.start);
        out.push(`${c.bold(`${r.path}:${p.line}`)}  ${run.plan.entry.label} ${c.dim(`(${frameworkName(run.plan)})`)}`);
        if (e.method === 'insufficient-inputs') out.push(wrap(`footprint unknown — ${e.warnings.join('; ')}`, 4));
        else
          out.push(
            wrap(
              `≈ ${c.bold(fmt.range(e.energyKWh, fmt.energy))} · ${fmt.range(e.co2eKg, fmt.carbon)} · ${e.devices}×${e.accelerator?.name ?? 'unknown GPU'} · ${fmt.range(e.wallHours, fmt.hours)} wall-clock`,
              4,
            ),
          );
      }
    out.push('');
  }
  out.push(wrap(checkSummary(results), 0));
  return out.join('\n');
}

/** "- item" lines wrapped to the terminal with a hanging indent, for the assumptions under an estimate. */
export function bullets(items: string[], indent: number, columns = process.stdout.columns): string {
  const width = textWidth(columns) - indent - 2;
  return items
    .map((s) =>
      wrapAnsi(s, width, { hard: true, trim: true })
        .split('\n')
        .map((l, i) => ' '.repeat(indent) + (i === 0 ? '- ' : '  ') + l)
        .join('\n'),
    )
    .join('\n');
}

/** One paragraph wrapped to the terminal, every line indented. */
export function wrapped(s: string, indent: number, columns = process.stdout.columns): string {
  return wrapAnsi(s, textWidth(columns) - indent, { hard: true, trim: true })
    .split('\n')
    .map((l) => ' '.repeat(indent) + l)
    .join('\n');
}
