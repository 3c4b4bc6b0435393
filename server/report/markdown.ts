// `greenml report` as Markdown, ready to paste into a pull request or a wiki page.
import * as fmt from '../../engine/format';
import type { ReportData, ReportFinding, ReportRun, WhatIfTable } from './data';

/** Table cells and text: a `|` would end the cell, `<` could open HTML that GitHub renders. */
const md = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\n/g, ' ');

export function summaryLine(d: ReportData): string {
  const t = d.totals;
  return [
    `${d.runs.length} run${d.runs.length === 1 ? '' : 's'} ≈ ${fmt.energy(t.kWh)} · ${fmt.carbon(t.kg)} (pre-flight estimates, mid values)`,
    `${t.findings} finding${t.findings === 1 ? '' : 's'} in ${d.filesWithFindings} of ${d.files} files`,
    t.savingKWh > 0 ? `the fixes could save ≈ ${fmt.energy(t.savingKWh)} (${fmt.carbon(t.savingKg)})` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

function findingLine(f: ReportFinding): string {
  const fix = f.fixes[0] ? ` — fix (${f.fixes[0].applicability}): ${md(f.fixes[0].title)}` : '';
  const saves = f.savingKWh ? ` (saving ${fmt.energy(f.savingKWh.low)}–${fmt.energy(f.savingKWh.high)})` : '';
  return `- **${f.code}** ${f.name} (${f.severity}, \`${md(f.path)}:${f.line}\`): ${md(f.message)}${fix}${saves}`;
}

export function whatIfMarkdown(w: WhatIfTable): string[] {
  const head = `| Hardware \\ Region | ${w.regions.map((r) => `${md(r.id)} (${Math.round(r.gPerKWh)} g)${r.current ? ' — now' : ''}`).join(' | ')} |`;
  const rows = w.hardware.map(
    (h, i) =>
      `| ${md(h.name)}${h.current ? ' — now' : ''} | ${w.cells[i]
        .map((c) => `${fmt.energy(c.kWh)} · ${fmt.carbon(c.kg)}${c.fits === false ? ' (does not fit)' : ''}`)
        .join(' | ')} |`,
  );
  return [head, `|---|${w.regions.map(() => '---|').join('')}`, ...rows];
}

function runMarkdown(r: ReportRun): string[] {
  const out = [`### \`${md(r.path)}:${r.line}\` ${md(r.label)} (${r.framework})`, ''];
  const e = r.estimate;
  if (!e) out.push(`Footprint unknown: ${md(r.unknown ?? '')}`, '');
  else
    out.push(
      '| | Low | Estimate | High |',
      '|---|---|---|---|',
      `| Energy | ${fmt.energy(e.energyKWh.low)} | **${fmt.energy(e.energyKWh.mid)}** | ${fmt.energy(e.energyKWh.high)} |`,
      `| Carbon | ${fmt.carbon(e.co2eKg.low)} | **${fmt.carbon(e.co2eKg.mid)}** | ${fmt.carbon(e.co2eKg.high)} |`,
      `| GPU-hours | ${fmt.num(e.gpuHours.low)} | ${fmt.num(e.gpuHours.mid)} | ${fmt.num(e.gpuHours.high)} |`,
      `| Wall-clock | ${fmt.hours(e.wallHours.low)} | ${fmt.hours(e.wallHours.mid)} | ${fmt.hours(e.wallHours.high)} |`,
      '',
      `${e.devices} × ${md(e.accelerator)} · ${md(e.grid)} · PUE ${e.pue}`,
      '',
    );
  if (r.findings.length) out.push('**Findings**', '', ...r.findings.map(findingLine), '');
  if (r.whatIf) {
    out.push('**What if** — the same run and device count on other hardware or grids (mid values):', '');
    out.push(...whatIfMarkdown(r.whatIf), '');
  }
  if (r.assumptions.length)
    out.push(
      '<details><summary>Assumptions</summary>',
      '',
      ...r.assumptions.map((a) => `- ${md(a)}`),
      '',
      '</details>',
      '',
    );
  return out;
}

export function reportMarkdown(d: ReportData): string {
  const out = ['# Green ML Review — footprint report', '', summaryLine(d) + '.', ''];
  const rules = d.savingsByRule;
  if (rules.length) {
    out.push('## Findings by rule', '', '| Rule | Findings | Saving if fixed |', '|---|---|---|');
    for (const r of rules)
      out.push(
        `| ${r.code} ${r.name} | ${r.count} | ${r.kWh > 0 ? `${fmt.energy(r.kWh)} · ${fmt.carbon(r.kg)}` : '–'} |`,
      );
    out.push('');
  }
  if (d.co2ByRegion.length) {
    out.push('## CO2e of all runs by region', '', '| Region | g CO2e/kWh | kg CO2e |', '|---|---|---|');
    for (const r of d.co2ByRegion)
      out.push(
        `| ${md(r.id)} ${md(r.name)}${r.current ? ' — now' : ''} | ${Math.round(r.gPerKWh)} | ${fmt.num(r.kg)} |`,
      );
    out.push('');
  }
  out.push('## Runs', '');
  if (d.runs.length === 0) out.push('No training runs found.', '');
  for (const r of d.runs) out.push(...runMarkdown(r));
  if (d.otherFindings.length) out.push('## Other findings', '', ...d.otherFindings.map(findingLine), '');
  out.push(
    'Pre-flight estimates from the code, before anything runs: ranges with their assumptions. Savings of several fixes on one run are combined, not added.',
  );
  return out.join('\n');
}
