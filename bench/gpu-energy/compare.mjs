#!/usr/bin/env node
// Measured vs estimated: reads the JSON written by train_energy.py and, for each precision, asks `greenml estimate`
// (explicit mode, the same configuration: parameters, tokens, GPU, 1 device, precision) for a pre-flight estimate, and
// for one calibrated with the measured power (the measurement passed as a Zeus window). Prints measured and estimated
// GPU energy and step time, and whether the measurement falls inside the estimate's range.
//
// PUE is set to 1 (carbon is not compared): nvidia-smi's counter covers the GPU only, so the comparison is with the
// estimate's accelerator energy (energyBreakdownKWh.accelerators), before host share and PUE.
//
//   npm run build && node bench/gpu-energy/compare.mjs bench/gpu-energy/results.json [--hardware h100-sxm]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = path.join(root, 'bin', 'greenml.js');
const argv = process.argv.slice(2);
const hwAt = argv.indexOf('--hardware');
const hardwareArg = hwAt >= 0 ? argv[hwAt + 1] : undefined;
const file =
  argv.find((a, i) => !a.startsWith('--') && (hwAt < 0 || i !== hwAt + 1)) ??
  path.join(root, 'bench', 'gpu-energy', 'results.json');

if (!fs.existsSync(path.join(root, 'dist', 'cli.js'))) {
  console.error('dist/cli.js is missing: run `npm run build` first');
  process.exit(2);
}
if (!fs.existsSync(file)) {
  console.error(`${file} not found: run bench/gpu-energy/train_energy.py on a GPU first (see RESULTS.md)`);
  process.exit(2);
}
const measured = JSON.parse(fs.readFileSync(file, 'utf8'));
const hardware = hardwareArg ?? measured.gpu;

function greenml(args) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`greenml ${args.join(' ')} failed (exit ${r.status}):\n${r.stderr}`);
    if (/accelerator/i.test(r.stderr))
      console.error('Pass the GPU as a table id with --hardware (e.g. --hardware h100-sxm).');
    process.exit(2);
  }
  return JSON.parse(r.stdout);
}

const kJ = (kWh) => kWh * 3600;
const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const range = (r, k = 1, d = 1) => `${f(r.mid * k, d)} (${f(r.low * k, d)}–${f(r.high * k, d)})`;
const inside = (x, r, k = 1) => (x >= r.low * k && x <= r.high * k ? 'yes' : 'NO');

console.log(
  `GPU ${measured.gpu} (estimated as "${hardware}"), driver ${measured.driver}, torch ${measured.torch}; config ${JSON.stringify(measured.config)}\n`,
);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-gpu-energy-'));
const rows = [];
for (const r of measured.results) {
  const base = [
    'estimate',
    '--params',
    String(r.params),
    '--tokens',
    String(r.tokens),
    '--hardware',
    hardware,
    '--devices',
    '1',
    '--precision',
    r.precision,
    '--pue',
    '1',
    '--json',
  ];
  const pre = greenml(base);
  const zeus = path.join(tmp, `${r.precision}.json`);
  fs.writeFileSync(zeus, JSON.stringify([{ time: r.seconds, gpu_energy: { 0: r.energy_j }, gpu_model: measured.gpu }]));
  const cal = greenml([...base, '--measurements', zeus]);
  const stepPre = {
    low: (pre.gpuHours.low * 3600) / r.steps,
    mid: (pre.gpuHours.mid * 3600) / r.steps,
    high: (pre.gpuHours.high * 3600) / r.steps,
  };
  rows.push({
    precision: r.precision,
    measuredStepMs: r.step_time_s * 1000,
    estStepMs: range(stepPre, 1000),
    stepInside: inside(r.step_time_s, stepPre),
    measuredKJ: r.energy_j / 1000,
    estKJ: range(pre.energyBreakdownKWh.accelerators, 3600),
    energyInside: inside(r.energy_j / 1000, pre.energyBreakdownKWh.accelerators, 3600),
    measuredW: r.avg_power_w,
    calibratedKJ: range(cal.energyBreakdownKWh.accelerators, 3600),
    calibratedLabel: cal.label,
  });
}
console.log(
  'precision  step ms measured  step ms estimated (range)   in   GPU kJ measured  GPU kJ estimated (range)   in   W measured  GPU kJ calibrated (label)',
);
for (const x of rows) {
  console.log(
    `${x.precision.padEnd(9)}  ${f(x.measuredStepMs).padStart(16)}  ${x.estStepMs.padStart(26)}  ${x.stepInside.padEnd(3)}  ${f(x.measuredKJ).padStart(15)}  ` +
      `${x.estKJ.padStart(25)}  ${x.energyInside.padEnd(3)}  ${f(x.measuredW, 0).padStart(10)}  ${x.calibratedKJ} (${x.calibratedLabel})`,
  );
}
console.log(
  '\nThe calibrated column uses the measured power with the modelled step time: its error is the step-time error alone.',
);
