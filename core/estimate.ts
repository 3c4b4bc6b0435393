// estimate(): device-hours, energy and CO2e of a training run, each a Range, with the assumptions that produced it.
//
// Method (research/footprint-method.md Part 5):
//   device-hours = stated GPU-hours                                   (method "stated-gpu-hours")
//                | FLOPs / (dense 16-bit peak × utilisation / precision slow-down) (method "flops")
//   energy       = device-hours × (accelerator power × busy fraction + host share) × PUE
//                | device-hours × given power × PUE                    (when powerW is given: no factor, no host)
//   CO2e         = energy × grid intensity
// When neither GPU-hours nor (parameters and tokens) are known the method is "insufficient-inputs": every range is
// {0, 0, 0} and a warning names what is missing (0 is a placeholder, not an estimate; callers check `method`).
//
// Ranges. Each uncertain factor (utilisation, precision slow-down, recomputation, assumed hardware, busy fraction,
// host share, PUE) has a low/mid/high value. The mid estimate uses every mid value. The range combines the factors as
// independent uncertainties: each factor is moved to its low and to its high value alone, and the resulting
// deviations of the output are added in quadrature (root-sum-square) in log space, separately upwards and
// downwards. This is narrower than multiplying every worst case, and wide enough to cover the development cases
// (scripts/validate-footprint.ts). If the result would still span more than 3× (high/low), it is narrowed
// symmetrically in log space to exactly 3×.

import type { Accelerator, Assumption, Estimate, Precision, Range, RunInputs } from './types';
import {
  BASE_MFU,
  type Band,
  batchFactor,
  fmtPct,
  fmtPctRange,
  FP32_CEILING,
  GENERIC_ACCELERATOR,
  GENERIC_HARDWARE_SPEED,
  MFU_SPREAD,
  PEFT_UTILISATION,
  peak16,
  planFlops,
  planPrecision,
  RECOMPUTE_SHARE,
  scaleFactor,
  sizeFactor,
  validFraction,
  type FlopsPlan,
  type PrecisionPlan,
} from './compute';
import { BUSY_FRACTION, devicePowerW, HOST_SHARE, planGrid, planPue, round, withSuggestions, type GridPlan, type PuePlan } from './energy';
import { estimateMemoryDetailed } from './memory';
import { resolveAccelerator } from './resolve';

/** How a user changes each input; shown next to the assumption it controls. Kept in one place on purpose. */
export const OVERRIDE_HINTS = {
  hardware: 'set greenml.hardware, `hardware` in greenml.toml, or --hardware',
  devices: 'set greenml.devices, `devices` in greenml.toml, or --devices',
  precision: 'enable bf16/fp16 in the training code, or set `precision` in greenml.toml / --precision',
  mfu: 'set greenml.mfu, `mfu` in greenml.toml, or --mfu',
  power: 'set `power_w` in greenml.toml (measured average watts per device)',
  pue: 'set greenml.pue, `pue` in greenml.toml, or --pue',
  region: 'set greenml.region, `region` in greenml.toml, or --region (or --intensity in g/kWh)',
  tokens: 'set `tokens` in greenml.toml or --tokens (or state epochs / max_steps in the training code)',
  params: 'set `model` or `params` in greenml.toml, or --params',
  gpuHours: 'set `gpu_hours` in greenml.toml or --gpu-hours',
} as const;

export type FactorKey = 'mfu' | 'precision' | 'recompute' | 'hardware' | 'busy' | 'host' | 'pue';
export type Level = 'low' | 'mid' | 'high';
export type Levels = Partial<Record<FactorKey, Level>>;

/** One evaluation of the model at one set of factor levels. */
export interface Point {
  gpuHours: number;
  acceleratorKWh: number;
  hostKWh: number;
  facilityKWh: number;
  kWh: number;
  kg: number;
}

export type Method = 'stated-gpu-hours' | 'flops' | 'insufficient-inputs';

/** The model of one run, ready to evaluate at any factor levels (used by estimate() and by whatif.ts). */
export interface PreparedRun {
  inputs: RunInputs;
  method: Method;
  accel: Accelerator;
  accelKnown: boolean;
  devices: number;
  precision: Precision;
  precisionPlan: PrecisionPlan;
  flops?: FlopsPlan;
  grid: GridPlan;
  pue: PuePlan;
  /** Factors whose level changes the result. */
  factors: FactorKey[];
  assumptions: Assumption[];
  warnings: string[];
  /** Modelled device-seconds per training token at the given levels (NaN when the parameter count is unknown). */
  secondsPerToken(levels: Levels): number;
  evaluate(levels: Levels): Point;
}

export interface PrepareOptions {
  /** Device-hours to use instead of the model or the stated hours, per factor level (what-if on stated hours). */
  hoursAt?: (levels: Levels) => number;
}

const LEVEL_FACTORS: readonly FactorKey[] = ['mfu', 'precision', 'recompute', 'hardware', 'busy', 'host', 'pue'];

// ------------------------------------------------------------------------------------------------ public API

/** Estimate a training run. Never throws. */
export function estimate(inputs: RunInputs): Estimate {
  try {
    const run = prepareRun(inputs);
    return toEstimate(run);
  } catch (err) {
    return emptyEstimate(inputs, `Estimate failed on these inputs (${err instanceof Error ? err.message : String(err)}); nothing was computed.`);
  }
}

// ------------------------------------------------------------------------------------------------ preparation

export function prepareRun(raw: RunInputs, options: PrepareOptions = {}): PreparedRun {
  const warnings: string[] = [];
  const assumptions: Assumption[] = [];
  const inputs = sanitise(raw, warnings);

  // Hardware.
  const genericNote =
    inputs.gpuHours !== undefined
      ? `(its ${GENERIC_ACCELERATOR.powerW} W rating sets the power)`
      : `(${GENERIC_ACCELERATOR.powerW} W, ${peak16(GENERIC_ACCELERATOR)} bf16 TFLOPS), speed uncertain ${GENERIC_HARDWARE_SPEED.low}–${GENERIC_HARDWARE_SPEED.high}×`;
  let accel = GENERIC_ACCELERATOR;
  let accelKnown = false;
  if (inputs.hardware !== undefined && inputs.hardware.trim() !== '') {
    const r = resolveAccelerator(inputs.hardware);
    if (r.ok && peak16(r.value) > 0 && r.value.powerW > 0) {
      accel = r.value;
      accelKnown = true;
    } else if (r.ok) {
      warnings.push(`${r.value.name} has no usable peak or power figure in the table; estimated as a ${GENERIC_ACCELERATOR.name}.`);
      assumptions.push({ key: 'hardware', text: `Estimated as a ${GENERIC_ACCELERATOR.name} ${genericNote}`, override: OVERRIDE_HINTS.hardware, source: GENERIC_ACCELERATOR.source });
    } else {
      warnings.push(withSuggestions(r.message, r.suggestions));
      assumptions.push({
        key: 'hardware',
        text: `Hardware "${inputs.hardware}" is not in the table; estimated as a ${GENERIC_ACCELERATOR.name} ${genericNote}`,
        override: OVERRIDE_HINTS.hardware,
        source: GENERIC_ACCELERATOR.source,
      });
    }
  } else {
    assumptions.push({
      key: 'hardware',
      text: `No hardware stated; assumed a ${GENERIC_ACCELERATOR.name} ${genericNote}`,
      override: OVERRIDE_HINTS.hardware,
      source: GENERIC_ACCELERATOR.source,
    });
  }

  // Devices.
  const devices = inputs.devices ?? 1;
  if (inputs.devices === undefined) {
    assumptions.push({ key: 'devices', text: 'Device count not stated; assumed 1 (wall-clock time = device-hours)', override: OVERRIDE_HINTS.devices });
  }

  // Precision.
  const precision: Precision = inputs.precision ?? (accel.bf16 ? 'bf16' : accel.tensorCores ? 'fp16' : 'fp32');
  if (inputs.precision === undefined) {
    assumptions.push({
      key: 'precision',
      text: `Precision not stated; assumed ${precision}${precision === 'fp32' ? '' : ' mixed precision'}`,
      override: OVERRIDE_HINTS.precision,
    });
  }
  const precisionPlan = planPrecision(accel, precision);
  if (precisionPlan.note) warnings.push(precisionPlan.note);

  // Grid and PUE.
  const grid = planGrid(inputs.intensity, inputs.region);
  if (grid.warning) warnings.push(grid.warning);
  const pue = planPue(inputs.pue, grid.provider, grid.region?.id);

  // Method.
  const n = inputs.activeParams ?? inputs.params;
  let method: Method;
  if (options.hoursAt || inputs.gpuHours !== undefined) method = 'stated-gpu-hours';
  else if (n !== undefined && inputs.tokens !== undefined) method = 'flops';
  else {
    method = 'insufficient-inputs';
    const missing: string[] = [];
    if (n === undefined) missing.push(`the parameter count (${OVERRIDE_HINTS.params})`);
    if (inputs.tokens === undefined) missing.push(`the number of training tokens (${OVERRIDE_HINTS.tokens})`);
    warnings.push(
      `Cannot estimate device-hours: missing ${missing.join(' and ')}; or give GPU-hours directly (${OVERRIDE_HINTS.gpuHours}). ` +
        'Energy and CO2e are shown as 0 until then.',
    );
  }

  // Compute model (also used in stated-hours mode, for what-if ratios).
  const flops = n !== undefined ? planFlops(inputs) : undefined;
  const mfuPlan = planUtilisation(inputs, accel, devices, n);
  const recompute = inputs.gradCheckpointing === true;
  const factors = new Set<FactorKey>();

  const secondsPerToken = (lv: Levels): number => {
    if (!flops || flops.perToken <= 0) return NaN;
    const mfu = mfuPlan.band[lv.mfu ?? 'mid'];
    const slow = precisionPlan.slowdown ? precisionPlan.slowdown[lv.precision ?? 'mid'] : 1;
    const hw = accelKnown ? 1 : GENERIC_HARDWARE_SPEED[lv.hardware ?? 'mid'];
    const share = recompute ? RECOMPUTE_SHARE[lv.recompute ?? 'mid'] : 0;
    const work = flops.perToken + share * flops.forwardPerToken;
    let flopsPerSecond = (precisionPlan.peakTflops * 1e12 * mfu * hw) / slow;
    if (precisionPlan.capTflops !== undefined) flopsPerSecond = Math.min(flopsPerSecond, precisionPlan.capTflops * 1e12 * hw);
    return work / flopsPerSecond;
  };

  if (method === 'flops') {
    factors.add('mfu');
    if (precisionPlan.slowdown) factors.add('precision');
    if (recompute) factors.add('recompute');
    if (!accelKnown) factors.add('hardware');
  } else if (options.hoursAt) {
    // What-if on stated hours: the ratio of modelled times carries the compute factors.
    for (const f of ['mfu', 'precision', 'recompute', 'hardware'] as const) factors.add(f);
  }
  const givenPower = inputs.powerW;
  if (method !== 'insufficient-inputs') {
    if (givenPower === undefined) {
      factors.add('busy');
      factors.add('host');
    }
    if (!pue.given) factors.add('pue');
  }

  const evaluate = (lv: Levels): Point => {
    let hours: number;
    if (method === 'insufficient-inputs') hours = 0;
    else if (options.hoursAt) hours = options.hoursAt(lv);
    else if (method === 'stated-gpu-hours') hours = inputs.gpuHours!;
    else hours = (inputs.tokens! * secondsPerToken(lv)) / 3600;
    const { accelW, hostW } = devicePowerW(accel.powerW, givenPower, BUSY_FRACTION[lv.busy ?? 'mid'], HOST_SHARE[lv.host ?? 'mid']);
    const p = pue.band[lv.pue ?? 'mid'];
    const acceleratorKWh = (hours * accelW) / 1000;
    const hostKWh = (hours * hostW) / 1000;
    const it = acceleratorKWh + hostKWh;
    const kWh = it * p;
    return { gpuHours: hours, acceleratorKWh, hostKWh, facilityKWh: kWh - it, kWh, kg: (kWh * grid.gPerKWh) / 1000 };
  };

  // ------------------------------------------------------------------ assumptions (in reading order)
  if (method === 'stated-gpu-hours' && !options.hoursAt) {
    assumptions.push({ key: 'gpu-hours', text: `${fmtNum(inputs.gpuHours!)} device-hours as stated; parameters and tokens not used for time` });
  }
  if (method === 'flops' && flops) {
    const peftText = inputs.peft ? ` (${flops.notes[0]})` : '';
    assumptions.push({
      key: 'flops',
      text:
        `Training compute ${fmtSci(flops.perToken * inputs.tokens!)} FLOPs = ${inputs.peft ? '(4·N + 6·N_trainable)' : '6·N'}·D with ` +
        `N = ${fmtNum(n!)}${inputs.activeParams !== undefined ? ' active' : ''} parameters and D = ${fmtNum(inputs.tokens!)} tokens${peftText}` +
        (flops.attentionPerToken > 0 ? `; ${flops.notes[flops.notes.length - 1]}` : ''),
      source: 'Kaplan et al. 2020 (6ND); Chowdhery et al. 2022 App. B (attention FLOPs)',
    });
    assumptions.push({
      key: 'mfu',
      text: mfuPlan.text(precisionPlan),
      override: OVERRIDE_HINTS.mfu,
      source: mfuPlan.source,
    });
  }
  if ((method === 'flops' || options.hoursAt) && precisionPlan.slowdown) {
    const s = precisionPlan.slowdown;
    assumptions.push({
      key: 'precision-speed',
      text:
        precisionPlan.effective === 'fp8'
          ? `fp8 steps ${round(1 / s.mid, 2)}× faster than bf16 (range ${round(1 / s.high, 2)}–${round(1 / s.low, 2)}×), well below the 2× peak ratio`
          : s.mid < 1
            ? `16-bit without tensor cores only ${round(1 / s.mid, 2)}× faster than fp32 (range 1.0–${round(1 / s.low, 2)}×)`
            : `${precisionPlan.effective} steps ${s.mid}× slower than 16-bit mixed precision (range ${s.low}–${s.high}×); modelled from ` +
              'published end-to-end AMP speed-ups, not the ratio of peak FLOPS' +
              (precisionPlan.capTflops !== undefined
                ? `, and never above ${round(precisionPlan.capTflops, 1)} TFLOPS (${fmtPct(FP32_CEILING)} of the fp32 peak: no TF32 on ${accel.arch})`
                : precisionPlan.effective === 'fp32' && accel.tflops.tf32 !== undefined
                  ? `; on ${accel.arch} this assumes TF32 math for convolutions (the cuDNN default) and matmuls — strict-fp32 matmuls are slower`
                  : ''),
      override: OVERRIDE_HINTS.precision,
      source:
        precisionPlan.effective === 'fp8'
          ? 'NVIDIA/Megatron-LM issue #396 (13B on H100: 1.4× with FP8); axolotl FP8 notes (~10 % on 3B)'
          : 'PyTorch Performance Tuning Guide ("up to 3x"); HF "Efficient training on a single GPU"; Keras mixed-precision guide (60 % on TPUs)',
    });
  }
  if (recompute && (method === 'flops' || options.hoursAt)) {
    assumptions.push({
      key: 'recompute',
      text: `Activation checkpointing recomputes ${fmtPctRange(RECOMPUTE_SHARE.low, RECOMPUTE_SHARE.high)} of the forward pass: +${fmtPctRange(recomputeOverhead(flops, 'low'), recomputeOverhead(flops, 'high'))} compute`,
      source: 'HF "Efficient training on a single GPU" (≈20 % slower); Chen et al. 2016; full recompute = +2N on 6N',
    });
  }
  if (method !== 'insufficient-inputs') {
    if (givenPower !== undefined) {
      assumptions.push({ key: 'power', text: `${fmtNum(givenPower)} W per device as given (no utilisation factor, no host share)`, override: OVERRIDE_HINTS.power });
    } else {
      assumptions.push({
        key: 'power',
        text:
          `Each ${accel.name} draws ${fmtPctRange(BUSY_FRACTION.low, BUSY_FRACTION.high)} (mid ${fmtPct(BUSY_FRACTION.mid)}) of its ${accel.powerW} W rating ` +
          'on average over the run (checkpoints, evaluation and stalls draw less)',
        override: OVERRIDE_HINTS.power,
        source: 'Morrison et al. 2025 (H100 >85 % of TDP while training, ≈100 W while checkpointing); footprint-method.md Part 5',
      });
      assumptions.push({
        key: 'host-overhead',
        text: `Host CPUs, memory and network add ${fmtPctRange(HOST_SHARE.low, HOST_SHARE.high)} (mid ${fmtPct(HOST_SHARE.mid)}) to the accelerator power`,
        override: OVERRIDE_HINTS.power,
        source: 'Zeus/ML.ENERGY docs (GPUs ≈70 % of server power in DNN training); footprint-method.md Part 5',
      });
    }
  }
  assumptions.push({ key: 'pue', text: pue.text, override: OVERRIDE_HINTS.pue, source: pue.source });
  assumptions.push({
    key: 'intensity',
    text: grid.assumed
      ? `Grid intensity ${grid.gPerKWh} g CO2e/kWh, the ${grid.year} world average, because no region is set`
      : `Grid intensity ${round(grid.gPerKWh, 1)} g CO2e/kWh, ${grid.label}${grid.year ? `, ${grid.year}` : ''}`,
    override: OVERRIDE_HINTS.region,
    source: grid.source,
  });

  return {
    inputs,
    method,
    accel,
    accelKnown,
    devices,
    precision,
    precisionPlan,
    flops,
    grid,
    pue,
    factors: LEVEL_FACTORS.filter((f) => factors.has(f)),
    assumptions,
    warnings,
    secondsPerToken,
    evaluate,
  };
}

function recomputeOverhead(flops: FlopsPlan | undefined, level: Level): number {
  if (!flops || flops.perToken <= 0) return RECOMPUTE_SHARE[level] / 3;
  return (RECOMPUTE_SHARE[level] * flops.forwardPerToken) / flops.perToken;
}

// ------------------------------------------------------------------------------------------------ utilisation plan

interface UtilisationPlan {
  band: Band;
  source: string;
  text(p: PrecisionPlan): string;
}

/** Utilisation (MFU against the dense 16-bit peak) from what is known: architecture, size, devices, batch, PEFT. */
export function planUtilisation(inputs: RunInputs, accel: Accelerator, devices: number, n: number | undefined): UtilisationPlan {
  const given = validFraction(inputs.mfu);
  if (given !== undefined) {
    return {
      band: { low: given * 0.85, mid: given, high: Math.min(1, given * 1.15) },
      source: 'given by the user',
      text: () => `Utilisation ${fmtPct(given)} of the dense 16-bit peak as given (±15 %)`,
    };
  }
  const base = BASE_MFU[accel.arch] ?? BASE_MFU.other;
  const fSize = sizeFactor(n ?? 1e9);
  const fScale = scaleFactor(devices);
  const fBatch = batchFactor(inputs.microBatch, inputs.seqLen);
  const fPeft = inputs.peft ? PEFT_UTILISATION[inputs.peft.method] ?? 1 : 1;
  const mid = base.mfu * fSize * fScale * fBatch * fPeft;
  const band = { low: mid * MFU_SPREAD.low, mid, high: Math.min(0.75, mid * MFU_SPREAD.high) };
  const parts: string[] = [`${fmtPct(base.mfu)} for ${accel.arch} at 16-bit`];
  if (fSize < 1) parts.push(`× ${round(fSize, 2)} for a ${fmtNum(n!)}-parameter model`);
  if (fScale < 1) parts.push(`× ${round(fScale, 2)} for ${devices} devices`);
  if (fBatch < 1) parts.push(`× ${round(fBatch, 2)} for ${inputs.microBatch}×${inputs.seqLen} tokens per micro-step`);
  if (fPeft < 1) parts.push(`× ${round(fPeft, 2)} for ${inputs.peft!.method === 'qlora' ? 'QLoRA' : 'LoRA'}`);
  return {
    band,
    source:
      `${base.source}; size factor fitted on Pythia (core/validation/cases.ts); multi-node factor after Llama 3 paper Table 4` +
      (fPeft < 1 ? '; LoRA speed-up from Hu et al. 2021 §4.2' : ''),
    text: (p: PrecisionPlan) => {
      const eff = p.peakTflops * mid / (p.slowdown?.mid ?? 1);
      return (
        `Utilisation ${fmtPctRange(band.low, band.high)} (mid ${fmtPct(mid)}) of the ${round(p.peakTflops, 1)} TFLOPS dense 16-bit peak: ` +
        `${parts.join(' ')}; ≈${round(eff, 1)} effective TFLOPS per device at ${p.effective}`
      );
    },
  };
}

// ------------------------------------------------------------------------------------------------ ranges

/** Combine per-factor deviations into a Range (log-space root-sum-square, capped at high/low = 3). */
export function combineLog(mid: number, deviations: Array<[number, number]>, cap = 3): Range {
  if (!(mid > 0) || !Number.isFinite(mid)) return { low: mid > 0 ? mid : 0, mid: mid > 0 ? mid : 0, high: mid > 0 ? mid : 0 };
  let up = 0;
  let down = 0;
  for (const [a, b] of deviations) {
    const da = a > 0 && Number.isFinite(a) ? Math.log(a / mid) : 0;
    const db = b > 0 && Number.isFinite(b) ? Math.log(b / mid) : 0;
    const u = Math.max(0, da, db);
    const w = Math.max(0, -da, -db);
    up += u * u;
    down += w * w;
  }
  let lu = Math.sqrt(up);
  let ld = Math.sqrt(down);
  const lim = Math.log(cap);
  if (lu + ld > lim) {
    const k = lim / (lu + ld);
    lu *= k;
    ld *= k;
  }
  return { low: mid * Math.exp(-ld), mid, high: mid * Math.exp(lu) };
}

/** Evaluate a run at mid levels and at each factor's low/high, and combine into ranges. */
export function rangesOf(run: PreparedRun): Record<keyof Point, Range> {
  const mid = run.evaluate({});
  const keys = Object.keys(mid) as Array<keyof Point>;
  const devs: Record<string, Array<[number, number]>> = {};
  for (const k of keys) devs[k] = [];
  for (const f of run.factors) {
    const lo = run.evaluate({ [f]: 'low' });
    const hi = run.evaluate({ [f]: 'high' });
    for (const k of keys) devs[k].push([lo[k], hi[k]]);
  }
  const out = {} as Record<keyof Point, Range>;
  for (const k of keys) out[k] = combineLog(mid[k], devs[k]);
  return out;
}

// ------------------------------------------------------------------------------------------------ output

function toEstimate(run: PreparedRun): Estimate {
  const r = rangesOf(run);
  const mem = estimateMemoryDetailed({ ...run.inputs, precision: run.precision }, run.accelKnown ? run.accel : undefined);
  const assumptions = [...run.assumptions];
  if (mem) {
    assumptions.push({ key: 'memory', text: `Memory per device: ${mem.notes.join('; ')}`, source: 'Rajbhandari et al. 2020 (ZeRO) §3.1; Korthikanti et al. 2022 §4' });
  }
  if (run.method !== 'insufficient-inputs' && run.factors.length > 0 && r.kWh.high > r.kWh.low) {
    assumptions.push({
      key: 'ranges',
      text: 'Ranges combine the factor ranges above as independent uncertainties (root-sum-square in log space), capped at 3× from low to high',
    });
  }
  const wall = (x: Range): Range => ({ low: x.low / run.devices, mid: x.mid / run.devices, high: x.high / run.devices });
  const est: Estimate = {
    gpuHours: r.gpuHours,
    energyKWh: r.kWh,
    co2eKg: r.kg,
    wallHours: wall(r.gpuHours),
    method: run.method,
    pue: run.pue.band.mid,
    devices: run.devices,
    grid: { gPerKWh: run.grid.gPerKWh, label: run.grid.label, year: run.grid.year, source: run.grid.source },
    assumptions,
    warnings: run.warnings,
  };
  if (mem) est.memoryGBPerDevice = mem.breakdown;
  if (run.accelKnown) est.accelerator = run.accel;
  est.energyBreakdownKWh = { accelerators: r.acceleratorKWh, host: r.hostKWh, facility: r.facilityKWh };
  return est;
}

function emptyEstimate(inputs: RunInputs, warning: string): Estimate {
  const z = (): Range => ({ low: 0, mid: 0, high: 0 });
  return {
    gpuHours: z(),
    energyKWh: z(),
    co2eKg: z(),
    wallHours: z(),
    method: 'insufficient-inputs',
    pue: inputs.pue ?? 0,
    devices: inputs.devices ?? 1,
    assumptions: [],
    warnings: [warning],
  };
}

// ------------------------------------------------------------------------------------------------ input hygiene

const POSITIVE_KEYS = ['params', 'activeParams', 'tokens', 'gpuHours', 'devices', 'powerW', 'microBatch', 'seqLen'] as const;

/** Drop invalid numbers (NaN, negative, zero where meaningless) with a warning, so nothing downstream throws. */
function sanitise(raw: RunInputs, warnings: string[]): RunInputs {
  const out: RunInputs = { ...raw };
  for (const k of POSITIVE_KEYS) {
    const v = out[k];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
      warnings.push(`Ignored ${k} = ${String(v)}: not a positive number.`);
      delete out[k];
    }
  }
  if (out.devices !== undefined) out.devices = Math.max(1, Math.round(out.devices));
  if (out.pue !== undefined && (!Number.isFinite(out.pue) || out.pue < 1)) {
    warnings.push(`Ignored pue = ${String(out.pue)}: PUE is at least 1.`);
    delete out.pue;
  }
  if (out.intensity !== undefined && (!Number.isFinite(out.intensity) || out.intensity < 0)) {
    warnings.push(`Ignored intensity = ${String(out.intensity)}: not a number of g CO2e/kWh.`);
    delete out.intensity;
  }
  if (out.mfu !== undefined && validFraction(out.mfu) === undefined) {
    warnings.push(`Ignored mfu = ${String(out.mfu)}: utilisation is a fraction between 0 and 1.`);
    delete out.mfu;
  }
  if (out.activeParams !== undefined && out.params !== undefined && out.activeParams > out.params) {
    warnings.push('activeParams is larger than params; using params.');
    delete out.activeParams;
  }
  return out;
}

// ------------------------------------------------------------------------------------------------ formatting (texts only)

export function fmtNum(x: number): string {
  const a = Math.abs(x);
  if (a >= 1e12) return `${round(x / 1e12, 2)} T`;
  if (a >= 1e9) return `${round(x / 1e9, 2)} B`;
  if (a >= 1e6) return `${round(x / 1e6, 2)} M`;
  if (a >= 1e4) return Math.round(x).toLocaleString('en-US');
  return `${round(x, 2)}`;
}

function fmtSci(x: number): string {
  if (!(x > 0)) return '0';
  const e = Math.floor(Math.log10(x));
  return `${round(x / 10 ** e, 2)}e${e}`;
}
