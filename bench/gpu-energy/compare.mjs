#!/usr/bin/env node
// Measured vs estimated, per training step: reads the JSON written by train_energy.py (or the H200 measurements of
// 2026 with --h200-2026) and asks the footprint core (core/step.ts estimateStep, step scope: no evaluation, restarts or
// idle time; accelerator energy only, PUE 1) for the same configuration: parameters and tokens per step for the
// transformers, architecture and images per step for the vision models, the GPU, one device, the precision.
// Prints step time, power and J/step measured against estimated, the errors and their medians, and the fp32 → bf16
// saving measured against the one the core gives (what GML101 states).
//
// The core is TypeScript; run this with tsx's loader from the repository root:
//   node --import tsx bench/gpu-energy/compare.mjs bench/gpu-energy/results.json [--hardware h100-sxm] [--markdown]
//   node --import tsx bench/gpu-energy/compare.mjs --h200-2026
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

import core from '../../core/index.ts';

// The core is CommonJS once tsx has compiled it: take its exports from the namespace.
const { estimateStep, resolveAccelerator } = core;

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const markdown = argv.includes('--markdown');

/** The measurements of bench/gpu-energy/RESULTS.md (H200, 2026), in train_energy.py's format. */
function h200_2026() {
  const gpt = {
    workload: 'gpt',
    kind: 'tokens',
    params: 185e6,
    tokens_per_step: 16_384,
    micro_batch: 16,
    seq_len: 1024,
  };
  const gpt2l = {
    workload: 'gpt2-large',
    kind: 'tokens',
    params: 774e6,
    tokens_per_step: 8192,
    micro_batch: 8,
    seq_len: 1024,
  };
  const rn = { workload: 'resnet50', kind: 'samples', architecture: 'resnet50', samples_per_step: 256 };
  const r = (w, precision, ms, watts, joules, extra = {}) => ({
    ...w,
    ...extra,
    precision,
    step_time_s: ms / 1000,
    avg_power_w: watts,
    joules_per_step: joules,
    energy_source: 'nvml-power-samples',
  });
  return {
    gpu: 'NVIDIA H200',
    driver: 'recorded in RESULTS.md',
    torch: '2.11',
    results: [
      r(gpt, 'fp32', 423, 668, 283),
      r(gpt, 'tf32', 131, 681, 89),
      r(gpt, 'bf16', 55.9, 675, 38),
      r(rn, 'fp32', 81.7, 648, 53),
      r(rn, 'bf16', 54.4, 614, 33),
      r(gpt2l, 'bf16', 223, 605, 135),
      r({ ...gpt2l, workload: 'gpt2-large-lora' }, 'bf16', 231, 566, 131, { trainable: 11.8e6 }),
    ],
  };
}

let measured;
if (argv.includes('--h200-2026')) measured = h200_2026();
else {
  const file =
    argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--hardware') ?? path.join(here, 'results.json');
  if (!fs.existsSync(file)) {
    console.error(`${file} not found: run bench/gpu-energy/train_energy.py on a GPU first (see README.md)`);
    process.exit(2);
  }
  measured = JSON.parse(fs.readFileSync(file, 'utf8'));
}
const hardware = opt('--hardware') ?? measured.gpu;
const hw = resolveAccelerator(hardware);
if (!hw.ok) {
  console.error(`${hw.message}\nPass the GPU as a table id with --hardware (e.g. --hardware h100-sxm).`);
  process.exit(2);
}

function inputsOf(r) {
  const base = { hardware: hw.value.id, devices: 1, precision: r.precision };
  // One device: the images of a step are its micro-batch (a convnet's launch floor depends on it).
  if (r.kind === 'samples')
    return { ...base, architecture: r.architecture, samples: r.samples_per_step, microBatch: r.samples_per_step };
  const peft =
    r.trainable !== undefined && r.trainable < r.params
      ? { peft: { method: 'lora', trainableFraction: r.trainable / r.params } }
      : {};
  // The model's shape when the run recorded it (layers set the launch floor of small micro-steps).
  const c = r.config;
  const shape =
    c && c.layers > 0 && c.d_model > 0
      ? {
          shape: {
            layers: c.layers,
            hidden: c.d_model,
            heads: c.heads ?? Math.max(1, c.d_model / 64),
            vocab: c.vocab ?? 32000,
          },
        }
      : {};
  return {
    ...base,
    params: r.params,
    tokens: r.tokens_per_step,
    microBatch: r.micro_batch,
    seqLen: r.seq_len,
    ...shape,
    ...peft,
  };
}

const rows = measured.results.map((r) => {
  const e = estimateStep(inputsOf(r));
  const estMs = e.seconds.mid * 1000;
  const estJ = e.joules.mid;
  return {
    r,
    e,
    estMs,
    estJ,
    stepErr: estMs / (r.step_time_s * 1000) - 1,
    energyErr: estJ / r.joules_per_step - 1,
    powerErr: e.powerW / r.avg_power_w - 1,
  };
});

const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const pct = (x) => (Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${(x * 100).toFixed(0)} %` : 'n/a');
const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const k = Math.floor(s.length / 2);
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
};

console.log(
  `GPU ${measured.gpu} (estimated as ${hw.value.id}), driver ${measured.driver}, torch ${measured.torch}; energy source ${measured.energy_source ?? 'per row'}\n`,
);
if (markdown) {
  console.log(
    '| run | precision | step ms measured | step ms estimated | W measured | W estimated | J/step measured | J/step estimated |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
}
for (const x of rows) {
  const { r, e } = x;
  if (markdown) {
    console.log(
      `| ${r.workload} | ${r.precision} | ${f(r.step_time_s * 1000)} | ${f(x.estMs)} (${f(e.seconds.low * 1000)}–${f(e.seconds.high * 1000)}) | ${f(r.avg_power_w, 0)} | ${f(e.powerW, 0)} | ${f(r.joules_per_step)} | ${f(x.estJ)} (${f(e.joules.low)}–${f(e.joules.high)}) |`,
    );
  } else {
    console.log(
      `${r.workload.padEnd(16)} ${r.precision.padEnd(5)} step ${f(r.step_time_s * 1000).padStart(7)} ms vs ${f(x.estMs).padStart(7)} ms (${pct(x.stepErr).padStart(6)})  ` +
        `power ${f(r.avg_power_w, 0).padStart(4)} W vs ${f(e.powerW, 0).padStart(4)} W (${pct(x.powerErr).padStart(6)})  ` +
        `energy ${f(r.joules_per_step).padStart(6)} J vs ${f(x.estJ).padStart(6)} J (${pct(x.energyErr).padStart(6)})`,
    );
  }
}
const medians = (xs) =>
  `step time ${pct(median(xs.map((x) => Math.abs(x.stepErr))))}, power ${pct(median(xs.map((x) => Math.abs(x.powerErr))))}, ` +
  `energy per step ${pct(median(xs.map((x) => Math.abs(x.energyErr))))}`;
// Runs the core's constants were fitted on: the 2026 table repeated on 2026-12-04 (in_sample_2026), and the batch-2 bf16
// decoder step that sets the launch floor (core/launch-bound.ts). Held-out figures leave them out.
// The power of a launch-bound step while it waits (core/launch-bound.ts LAUNCH_WAIT_POWER_FRACTION) was set from the
// launch-bound H200 rows measured up to 2026-12-04 17:14:28 UTC (the last of them): those rows are in-sample for power;
// rows measured after 17:30 UTC that day or later are not.
const WAIT_POWER_SET_FROM = Date.parse('2026-12-04T17:30:00Z');
const measuredAt = (r) => Date.parse(r.measured_at ?? measured.measured_at ?? '');
const fittedOn = (x) =>
  x.r.in_sample_2026 === true ||
  (x.r.workload === 'gpt-batch2' && x.r.precision === 'bf16') ||
  (x.e.assumptions.some((a) => a.key === 'launch-bound') && !(measuredAt(x.r) > WAIT_POWER_SET_FROM));
const heldOut = rows.filter((x) => !fittedOn(x));
console.log(`\nmedian |error|, all ${rows.length} runs: ${medians(rows)}`);
if (heldOut.length < rows.length)
  console.log(`median |error|, ${heldOut.length} held-out runs (not used to fit any constant): ${medians(heldOut)}`);

// fp32 → bf16 savings, per workload: measured vs the core's.
for (const w of [...new Set(rows.map((x) => x.r.workload))]) {
  const fp32 = rows.find((x) => x.r.workload === w && x.r.precision === 'fp32');
  const bf16 = rows.find((x) => x.r.workload === w && x.r.precision === 'bf16');
  if (!fp32 || !bf16) continue;
  const m = 1 - bf16.r.joules_per_step / fp32.r.joules_per_step;
  const est = 1 - bf16.estJ / fp32.estJ;
  console.log(
    `fp32 → bf16 energy saving, ${w}: measured −${f(m * 100, 0)} %, core −${f(est * 100, 0)} % (${f(Math.abs(est - m) * 100, 0)} points apart)`,
  );
}
