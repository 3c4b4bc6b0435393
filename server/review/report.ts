// Words and tables for an estimate, shared by the CodeLens, the hover and the CLI.
import * as fmt from '../../engine/format';
import type { AnalyzedRun, Fact, FactKey } from '../../engine/types';

const ORIGIN_LABEL: Record<Fact['origin'], string> = {
  explicit: 'written in the code',
  'script-default': 'script default',
  setting: 'setting',
  inferred: 'inferred',
  'framework-default': 'framework default',
  assumed: 'assumed',
};

function deviceLabel(run: AnalyzedRun): string {
  const e = run.estimate;
  const name = e.accelerator
    ? e.accelerator.name.replace(/^(NVIDIA|AMD|Google)\s+/i, '')
    : run.plan.facts.get('hardware')?.value === 'cpu'
      ? 'CPU'
      : 'GPU?';
  return `${e.devices}×${name}`;
}

/** The CodeLens line: "≈ 4.1 kWh · 1.6 kg CO2e · 1×A100 SXM4 80GB · 9.5 h". */
export function lensTitle(run: AnalyzedRun): string {
  const e = run.estimate;
  if (e.method === 'insufficient-inputs') {
    return `Green ML: footprint unknown — ${e.warnings[0] ?? 'model or run length not found'}`;
  }
  return `≈ ${fmt.energy(e.energyKWh.mid)} · ${fmt.carbon(e.co2eKg.mid)} · ${deviceLabel(run)} · ${fmt.hours(e.wallHours.mid)} (pre-flight estimate)`;
}

/** Markdown for hovers: the estimate's ranges, the facts that shaped it, and the assumptions. */
export function estimateMarkdown(run: AnalyzedRun, focus?: FactKey): string {
  const e = run.estimate;
  const lines: string[] = [];
  if (focus) {
    const f = run.plan.facts.get(focus);
    if (f)
      lines.push(
        `**${focus}** = \`${String(f.value)}\` — ${
          f.origin === 'inferred' && f.note?.startsWith('inferred')
            ? f.note
            : `${ORIGIN_LABEL[f.origin]}${f.note ? `: ${f.note}` : ''}`
        }`,
        '',
      );
  }
  if (e.method === 'insufficient-inputs') {
    lines.push('**Green ML Review — footprint unknown**', '', ...e.warnings.map((w) => `- ${w}`));
    return lines.join('\n');
  }
  lines.push(
    `**Green ML Review — pre-flight estimate** (${e.method === 'stated-gpu-hours' ? 'from stated GPU-hours' : '6·N·D FLOPs over achievable throughput'})`,
    '',
    '| | low | mid | high |',
    '|---|---:|---:|---:|',
    `| Energy (kWh) | ${fmt.num(e.energyKWh.low)} | ${fmt.num(e.energyKWh.mid)} | ${fmt.num(e.energyKWh.high)} |`,
    `| Carbon (kg CO2e) | ${fmt.num(e.co2eKg.low)} | ${fmt.num(e.co2eKg.mid)} | ${fmt.num(e.co2eKg.high)} |`,
    `| GPU-hours | ${fmt.num(e.gpuHours.low)} | ${fmt.num(e.gpuHours.mid)} | ${fmt.num(e.gpuHours.high)} |`,
    `| Wall-clock (h) | ${fmt.num(e.wallHours.low)} | ${fmt.num(e.wallHours.mid)} | ${fmt.num(e.wallHours.high)} |`,
    '',
    `${deviceLabel(run)} · PUE ${e.pue}${e.grid ? ` · ${fmt.num(e.grid.gPerKWh)} g CO2e/kWh (${e.grid.label}${e.grid.year ? `, ${e.grid.year}` : ''})` : ''}`,
  );
  const m = e.memoryGBPerDevice;
  if (m) {
    lines.push(
      '',
      `Memory per device ≈ ${fmt.num(m.totalGB.mid)} GB (${fmt.num(m.totalGB.low)}–${fmt.num(m.totalGB.high)})${m.deviceGB ? ` of ${fmt.num(m.deviceGB)} GB` : ''}: ` +
        `weights ${fmt.num(m.weightsGB)}, gradients ${fmt.num(m.gradientsGB)}, optimizer ${fmt.num(m.optimizerGB)}, activations ${fmt.num(m.activationsGB)}, overhead ${fmt.num(m.overheadGB)}`,
    );
  }
  lines.push(
    '',
    '**Assumptions**',
    '',
    ...e.assumptions.map((a) => `- ${a.text}${a.override ? ` — *${a.override}*` : ''}`),
  );
  if (e.warnings.length) lines.push('', ...e.warnings.map((w) => `⚠ ${w}`));
  return lines.join('\n');
}
