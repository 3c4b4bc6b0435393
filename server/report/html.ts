// `greenml report --format html`: one self-contained file — inline CSS and inline SVG charts, no script, no external
// resource (its Content-Security-Policy allows none), light and dark from the reader's colour scheme.
import * as fmt from '../../engine/format';
import type { Charts } from './charts';
import type { ReportData, ReportFinding, ReportRun, WhatIfTable } from './data';
import { summaryLine } from './markdown';

export const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --card: #f6f8fa; --line: #d1d9e0;
  --accent: #0b5d3b; --warn: #9a6700; --err: #cf222e; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --card: #151b23;
  --line: #3d444d; --accent: #3fb950; --warn: #d29922; --err: #f85149; } }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg);
  max-width: 1100px; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; } h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); }
h3 { margin-bottom: .25rem; } code { font-size: .92em; }
.summary { color: var(--muted); } .run { background: var(--card); border: 1px solid var(--line); border-radius: 8px;
  padding: .25rem 1rem 1rem; margin: 1rem 0; }
table { border-collapse: collapse; margin: .5rem 0; } th, td { border: 1px solid var(--line); padding: .25rem .6rem;
  text-align: left; vertical-align: top; } th { background: var(--bg); } td.num { text-align: right; }
.now { font-weight: 600; color: var(--accent); } .nofit { color: var(--err); } .warning { color: var(--warn); }
.error { color: var(--err); } .charts { display: flex; flex-wrap: wrap; gap: 1.5rem; }
.chart { margin: 0; background: #ffffff; border-radius: 8px; padding: .5rem; border: 1px solid var(--line); }
details { margin-top: .5rem; } li { margin: .2rem 0; }`;

function finding(f: ReportFinding): string {
  const fix = f.fixes[0] ? ` <em>Fix (${esc(f.fixes[0].applicability)}):</em> ${esc(f.fixes[0].title)}.` : '';
  const saves = f.savingKWh ? ` <strong>Saving ${esc(fmt.range(f.savingKWh, fmt.energy))}</strong>.` : '';
  return `<li><strong class="${esc(f.severity)}">${esc(f.code)}</strong> ${esc(f.name)} <code>${esc(f.path)}:${f.line}</code> — ${esc(f.message)}${fix}${saves}</li>`;
}

function whatIf(w: WhatIfTable): string {
  const head = w.regions
    .map(
      (r) =>
        `<th${r.current ? ' class="now"' : ''}>${esc(r.id)}<br><small>${Math.round(r.gPerKWh)} g/kWh${r.current ? ' · now' : ''}</small></th>`,
    )
    .join('');
  const rows = w.hardware
    .map(
      (h, i) =>
        `<tr><th${h.current ? ' class="now"' : ''}>${esc(h.name)}${h.current ? ' · now' : ''}</th>${w.cells[i]
          .map(
            (c, j) =>
              `<td class="num${h.current && w.regions[j]?.current ? ' now' : ''}">${esc(fmt.energy(c.kWh))}<br>${esc(fmt.carbon(c.kg))}${c.fits === false ? '<br><span class="nofit">does not fit</span>' : ''}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('\n');
  return `<table class="whatif"><tr><th>Hardware \\ region</th>${head}</tr>\n${rows}</table>`;
}

function run(r: ReportRun): string {
  const e = r.estimate;
  const est = e
    ? `<table><tr><th></th><th>Low</th><th>Estimate</th><th>High</th></tr>
<tr><th>Energy</th><td class="num">${esc(fmt.energy(e.energyKWh.low))}</td><td class="num"><strong>${esc(fmt.energy(e.energyKWh.mid))}</strong></td><td class="num">${esc(fmt.energy(e.energyKWh.high))}</td></tr>
<tr><th>Carbon</th><td class="num">${esc(fmt.carbon(e.co2eKg.low))}</td><td class="num"><strong>${esc(fmt.carbon(e.co2eKg.mid))}</strong></td><td class="num">${esc(fmt.carbon(e.co2eKg.high))}</td></tr>
<tr><th>GPU-hours</th><td class="num">${esc(fmt.num(e.gpuHours.low))}</td><td class="num">${esc(fmt.num(e.gpuHours.mid))}</td><td class="num">${esc(fmt.num(e.gpuHours.high))}</td></tr>
<tr><th>Wall-clock</th><td class="num">${esc(fmt.hours(e.wallHours.low))}</td><td class="num">${esc(fmt.hours(e.wallHours.mid))}</td><td class="num">${esc(fmt.hours(e.wallHours.high))}</td></tr></table>
<p>${e.devices} × ${esc(e.accelerator)} · ${esc(e.grid)} · PUE ${e.pue}</p>`
    : `<p>Footprint unknown: ${esc(r.unknown ?? '')}</p>`;
  return `<section class="run"><h3><code>${esc(r.path)}:${r.line}</code> ${esc(r.label)} <small>(${esc(r.framework)})</small></h3>
${est}
${r.findings.length ? `<h4>Findings</h4><ul>${r.findings.map(finding).join('\n')}</ul>` : '<p>No findings.</p>'}
${r.whatIf ? `<h4>What if — the same run and device count elsewhere (mid values)</h4>${whatIf(r.whatIf)}` : ''}
${r.assumptions.length ? `<details><summary>Assumptions (${r.assumptions.length})</summary><ul>${r.assumptions.map((a) => `<li>${esc(a)}</li>`).join('')}</ul></details>` : ''}
</section>`;
}

/** The report's content (charts, runs, other findings), shared by the HTML file and the editor's view. */
export function reportBody(d: ReportData, charts: Charts, title: string): string {
  const chart = (svg: string | undefined, label: string) =>
    svg ? `<figure class="chart" role="img" aria-label="${esc(label)}">${svg}</figure>` : '';
  return `<h1>${esc(title)}</h1>
<p class="summary">${esc(summaryLine(d))}.</p>
<div class="charts">
${chart(charts.energy, 'Energy per run with its low–high range')}
${chart(charts.savings, 'Saving per rule')}
${chart(charts.regions, 'CO2e of all runs by region')}
</div>
<h2>Runs</h2>
${d.runs.length ? d.runs.map(run).join('\n') : '<p>No training runs found.</p>'}
${d.otherFindings.length ? `<h2>Other findings</h2><ul>${d.otherFindings.map(finding).join('\n')}</ul>` : ''}
<p class="summary">Pre-flight estimates from the code, before anything runs: ranges with their assumptions. Savings of several fixes on one run are combined, not added. Nothing was run or sent anywhere.</p>`;
}

/** The editor's view: the same classes, coloured by the editor's theme. */
export const VIEW_CSS = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground);
  background: var(--vscode-editor-background); padding: 0 1rem 1rem; line-height: 1.45; }
h1 { font-size: 1.4em; } h2 { border-bottom: 1px solid var(--vscode-panel-border); }
.summary { color: var(--vscode-descriptionForeground); }
.run { border: 1px solid var(--vscode-panel-border); border-radius: 6px; padding: 0 .8rem .6rem; margin: .8rem 0;
  background: var(--vscode-sideBar-background); }
table { border-collapse: collapse; margin: .4rem 0; } th, td { border: 1px solid var(--vscode-panel-border);
  padding: .2rem .5rem; text-align: left; vertical-align: top; } td.num { text-align: right; }
.now { font-weight: 600; color: var(--vscode-textLink-foreground); }
.nofit, .error { color: var(--vscode-errorForeground); } .warning { color: var(--vscode-editorWarning-foreground); }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; } .chart { margin: 0; color: var(--vscode-foreground); }
code { font-family: var(--vscode-editor-font-family); }`;

export function reportHtml(d: ReportData, charts: Charts, opts: { title?: string } = {}): string {
  const title = opts.title ?? 'Green ML Review — footprint report';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
${reportBody(d, charts, title)}
</body>
</html>
`;
}
