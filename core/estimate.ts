// estimate(): device-hours, energy and CO2e of a training run, each a Range, with the assumptions that produced it.
//
// Method (research/footprint-method.md Part 5):
//   device-hours = stated GPU-hours                                   (method "stated-gpu-hours")
//                | FLOPs / (dense 16-bit peak × utilisation / precision slow-down) (method "flops")
//                | work × measured device-seconds per unit             (method "measured-throughput", from a calibration)
//     FLOPs      = 6·N·D (+ attention) for token workloads, or 3 × forward FLOPs per sample × samples × epochs for
//                  per-sample workloads (vision, audio, diffusion; core/data/vision-audio.ts)
//   energy       = device-hours × (accelerator power × busy fraction + host share) × PUE
//                | device-hours × given power × PUE                    (when powerW is given: no factor, no host)
//                | device-hours × measured power (+ measured host) × PUE (calibrated; label "calibrated")
//                | device-hours × measured system power per chip × PUE (TPUs: Accelerator.systemPowerW)
//                + idle/infrastructure 59 % of accelerator energy      (includeIdle; Luccioni et al. 2022)
//                × development-runs multiplier                         (devRunsMultiplier)
//   CO2e         = energy × location-based grid intensity. Embodied emissions (embodied), a marginal-intensity
//                  sensitivity (marginal) and a market-based figure (marketIntensity) are reported beside it, never in it.
// When neither GPU-hours nor a workload (parameters and tokens, or forward FLOPs and samples) are known the method is
// "insufficient-inputs": every range is {0, 0, 0} and a warning names what is missing (0 is a placeholder, not an
// estimate; callers check `method`).
//
// Ranges. Each uncertain factor (utilisation, precision slow-down, recomputation, assumed hardware, busy fraction,
// host share, PUE, measurement extrapolation, embodied figure) has a low/mid/high value. The mid estimate uses every
// mid value. The range combines the factors as independent uncertainties: each factor is moved to its low and to its
// high value alone, and the resulting deviations of the output are added in quadrature (root-sum-square) in log space,
// separately upwards and downwards. This is narrower than multiplying every worst case, and wide enough to cover the
// development cases (scripts/validate-footprint.ts). If the result would still span more than 3× (high/low), it is
// narrowed symmetrically in log space to exactly 3× — except the embodied range, whose two published methods differ
// by more than that and are shown as they are.

import type {
  Accelerator,
  ArchitectureInfo,
  Assumption,
  Calibration,
  Estimate,
  Precision,
  Range,
  RunInputs,
} from './types';
import {
  BASE_MFU,
  type Band,
  batchFactor,
  CONV_TF32_SLOWDOWN,
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
  VISION_RUN_EFFICIENCY,
  visionStepUtilisation,
  DEFAULT_PEFT_FRACTION,
  type FlopsPlan,
  type PrecisionPlan,
  type WorkFamily,
} from './compute';
import { ALPHA3_TO_ALPHA2 } from './calibrate';
import { embodiedPerDeviceHour } from './data/embodied';
import { marginalFor } from './data/marginal';
import { forwardFlopsAt, lookupArchitecture } from './data/vision-audio';
import {
  BUSY_FRACTION,
  devicePowerW,
  HOST_SHARE,
  IDLE_SHARE,
  planGrid,
  planPue,
  round,
  withSuggestions,
  type GridPlan,
  type PuePlan,
} from './energy';
import { estimateMemoryDetailed } from './memory';
import { resolveAccelerator, resolveRegion } from './resolve';

/** How a user changes each input; shown next to the assumption it controls. Kept in one place on purpose. */
export const OVERRIDE_HINTS = {
  hardware: 'set greenml.hardware, `hardware` in greenml.toml, or --hardware',
  devices: 'set greenml.devices, `devices` in greenml.toml, or --devices',
  precision: 'enable bf16/fp16 in the training code, its config or launcher; or --precision',
  mfu: '--mfu (model FLOPs utilisation, 0–1)',
  power: '--power (measured average watts per device), or a CodeCarbon emissions.csv next to the script',
  pue: 'set greenml.pue, `pue` in greenml.toml, or --pue',
  region: 'set greenml.region, `region` in greenml.toml, or --region (or --intensity in g/kWh)',
  tokens: 'state max_steps or epochs in the training code (and `dataset-size` in greenml.toml), or --tokens',
  params: 'name the model in the script, set greenml.model / `model` in greenml.toml, or --params',
  gpuHours: '--gpu-hours',
  architecture: 'set --architecture (e.g. resnet50, vit-b-16, whisper-small) or --flops-per-sample',
  samples: 'set --samples (training samples per epoch) and --epochs',
  measurement: "put CodeCarbon's emissions.csv next to the script, or pass --measurements",
  idle: '--include-idle (RunInputs.includeIdle)',
  embodied: '--embodied (RunInputs.embodied)',
  devRuns: '--dev-runs <total ÷ final> (RunInputs.devRunsMultiplier)',
} as const;

export type FactorKey =
  'mfu' | 'precision' | 'recompute' | 'hardware' | 'busy' | 'host' | 'pue' | 'measurement' | 'embodied';
export type Level = 'low' | 'mid' | 'high';
export type Levels = Partial<Record<FactorKey, Level>>;

/** One evaluation of the model at one set of factor levels. */
export interface Point {
  gpuHours: number;
  acceleratorKWh: number;
  hostKWh: number;
  facilityKWh: number;
  /** Idle/infrastructure energy (includeIdle), inside kWh. */
  idleKWh: number;
  /** Development runs' energy (devRunsMultiplier), inside kWh. */
  developmentKWh: number;
  kWh: number;
  kg: number;
  /** Embodied emissions (embodied), NOT inside kg. */
  embodiedKg: number;
}

export type Method = 'stated-gpu-hours' | 'flops' | 'measured-throughput' | 'insufficient-inputs';

/** What the run computes: tokens (6·N·D) or samples (3 × forward FLOPs per sample). */
export interface WorkPlan {
  kind: 'tokens' | 'samples';
  /** Tokens, or samples × epochs; undefined when unknown. */
  units?: number;
  /** Model FLOPs per unit (the utilisation numerator). */
  perUnit: number;
  /** Forward FLOPs per unit (what recomputation repeats). */
  forwardPerUnit: number;
  family: WorkFamily;
  /** Token workloads: the transformer FLOPs plan. */
  flops?: FlopsPlan;
  arch?: ArchitectureInfo;
  /** Parameters for the size factor, when known. */
  params?: number;
}

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
  work?: WorkPlan;
  grid: GridPlan;
  pue: PuePlan;
  label: Estimate['label'];
  /** Factors whose level changes the result. */
  factors: FactorKey[];
  assumptions: Assumption[];
  warnings: string[];
  /** Modelled device-seconds per work unit (token or sample) at the given levels (NaN when the work is unknown). */
  secondsPerUnit(levels: Levels): number;
  evaluate(levels: Levels): Point;
}

export interface PrepareOptions {
  /** Device-hours to use instead of the model or the stated hours, per factor level (what-if on stated hours). */
  hoursAt?: (levels: Levels) => number;
}

const LEVEL_FACTORS: readonly FactorKey[] = [
  'mfu',
  'precision',
  'recompute',
  'hardware',
  'measurement',
  'busy',
  'host',
  'pue',
  'embodied',
];

/** [I] Uncertainty of a measured throughput extrapolated to a whole run (evaluation, checkpoints, restarts): ±10 %. */
export const MEASUREMENT_SPREAD: Band = { low: 0.9, mid: 1, high: 1.1 };

// ------------------------------------------------------------------------------------------------ public API

/** Estimate a training run. Never throws. */
export function estimate(inputs: RunInputs): Estimate {
  try {
    const run = prepareRun(inputs);
    return toEstimate(run);
  } catch (err) {
    return emptyEstimate(
      inputs,
      `Estimate failed on these inputs (${err instanceof Error ? err.message : String(err)}); nothing was computed.`,
    );
  }
}

/**
 * Whether the inputs describe a per-sample workload: forward FLOPs per sample are known (architecture or
 * flopsPerSample) and either samples are given or the token workload (parameters and tokens) is incomplete.
 */
function perSampleWorkload(inputs: RunInputs, haveForwardFlops: boolean): boolean {
  if (!haveForwardFlops) return false;
  const n = inputs.activeParams ?? inputs.params;
  return inputs.samples !== undefined || n === undefined || inputs.tokens === undefined;
}

/** Work units of a run's inputs: samples × epochs for per-sample workloads, else tokens. */
export function workUnits(inputs: RunInputs): number | undefined {
  const fwd =
    inputs.flopsPerSample !== undefined ||
    (inputs.architecture !== undefined && lookupArchitecture(inputs.architecture) !== undefined);
  if (perSampleWorkload(inputs, fwd))
    return inputs.samples !== undefined ? inputs.samples * (inputs.epochs ?? 1) : undefined;
  return inputs.tokens;
}

// ------------------------------------------------------------------------------------------------ preparation

interface PowerPlan {
  kind: 'given' | 'measured' | 'system' | 'model';
  at(lv: Levels): { accelW: number; hostW: number };
}

export function prepareRun(raw: RunInputs, options: PrepareOptions = {}): PreparedRun {
  const warnings: string[] = [];
  const assumptions: Assumption[] = [];
  const inputs = sanitise(raw, warnings);
  const cal = inputs.calibration;

  // Hardware (the measurement names it when the run does not).
  let hardwareIn = inputs.hardware;
  let hardwareFromMeasurement = false;
  if ((hardwareIn === undefined || hardwareIn.trim() === '') && cal?.gpuModel) {
    const r = resolveAccelerator(stripCount(cal.gpuModel));
    if (r.ok) {
      hardwareIn = r.value.id;
      hardwareFromMeasurement = true;
    }
  }
  const genericNote =
    inputs.gpuHours !== undefined
      ? `(its ${GENERIC_ACCELERATOR.powerW} W rating sets the power)`
      : `(${GENERIC_ACCELERATOR.powerW} W, ${peak16(GENERIC_ACCELERATOR)} bf16 TFLOPS), speed uncertain ${GENERIC_HARDWARE_SPEED.low}–${GENERIC_HARDWARE_SPEED.high}×`;
  let accel = GENERIC_ACCELERATOR;
  let accelKnown = false;
  if (hardwareIn !== undefined && hardwareIn.trim() !== '') {
    const r = resolveAccelerator(hardwareIn);
    if (r.ok && peak16(r.value) > 0 && r.value.powerW > 0) {
      accel = r.value;
      accelKnown = true;
      if (hardwareFromMeasurement) {
        assumptions.push({
          key: 'hardware',
          text: `Hardware not stated; ${accel.name}, as named in the measurement (${cal!.gpuModel})`,
          override: OVERRIDE_HINTS.hardware,
        });
      }
    } else if (r.ok) {
      warnings.push(
        `${r.value.name} has no usable peak or power figure in the table; estimated as a ${GENERIC_ACCELERATOR.name}.`,
      );
      assumptions.push({
        key: 'hardware',
        text: `Estimated as a ${GENERIC_ACCELERATOR.name} ${genericNote}`,
        override: OVERRIDE_HINTS.hardware,
        source: GENERIC_ACCELERATOR.source,
      });
    } else {
      warnings.push(withSuggestions(r.message, r.suggestions));
      assumptions.push({
        key: 'hardware',
        text: `Hardware "${hardwareIn}" is not in the table; estimated as a ${GENERIC_ACCELERATOR.name} ${genericNote}`,
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
    assumptions.push({
      key: 'devices',
      text: 'Device count not stated; assumed 1 (wall-clock time = device-hours)',
      override: OVERRIDE_HINTS.devices,
    });
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
  let precisionPlan = planPrecision(accel, precision);
  if (precisionPlan.note) warnings.push(precisionPlan.note);

  // Grid and PUE (the measurement names the region when the run does not).
  let regionIn = inputs.region;
  if (regionIn === undefined && inputs.intensity === undefined && cal) {
    const fromCal = measuredRegion(cal);
    if (fromCal) {
      regionIn = fromCal;
      assumptions.push({
        key: 'region',
        text: `Region not stated; ${fromCal}, as recorded in the measurement`,
        override: OVERRIDE_HINTS.region,
      });
    }
  }
  const grid = planGrid(inputs.intensity, regionIn);
  if (grid.warning) warnings.push(grid.warning);
  const pue = planPue(inputs.pue, grid.provider, grid.region?.id);

  // Workload.
  const work = planWork(inputs, warnings);
  if (work?.family !== 'transformer' && work?.kind === 'samples' && precisionPlan.effective === 'tf32') {
    precisionPlan = { ...precisionPlan, slowdown: CONV_TF32_SLOWDOWN };
  }

  // Method.
  let method: Method;
  if (options.hoursAt || inputs.gpuHours !== undefined) method = 'stated-gpu-hours';
  else if (work?.units !== undefined && work.perUnit > 0) method = 'flops';
  else {
    method = 'insufficient-inputs';
    const missing: string[] = [];
    if (work?.kind === 'samples') {
      missing.push(`the number of training samples (${OVERRIDE_HINTS.samples})`);
    } else {
      const n = inputs.activeParams ?? inputs.params;
      if (n === undefined) missing.push(`the parameter count (${OVERRIDE_HINTS.params})`);
      if (inputs.tokens === undefined) missing.push(`the number of training tokens (${OVERRIDE_HINTS.tokens})`);
      if (n === undefined && inputs.tokens === undefined)
        missing.push(`for vision or audio models the architecture and samples (${OVERRIDE_HINTS.architecture})`);
    }
    warnings.push(
      `Cannot estimate device-hours: missing ${missing.join(' and ')}; or give GPU-hours directly (${OVERRIDE_HINTS.gpuHours}). ` +
        'Energy and CO2e are shown as 0 until then.',
    );
  }

  // Measured throughput replaces the FLOPs model when the measurement covered known work on the same hardware.
  let measuredSecondsPerUnit: number | undefined;
  if (cal && method === 'flops' && work) {
    const spu = work.kind === 'tokens' ? cal.deviceSecondsPerToken : cal.deviceSecondsPerSample;
    if (spu !== undefined && spu > 0) {
      const m = cal.gpuModel ? resolveAccelerator(stripCount(cal.gpuModel)) : undefined;
      if (m && m.ok && accelKnown && m.value.id !== accel.id) {
        warnings.push(
          `The measured throughput is from ${m.value.name}, not ${accel.name}; device-hours come from the FLOPs model instead.`,
        );
      } else {
        measuredSecondsPerUnit = spu;
        method = 'measured-throughput';
      }
    }
  }

  // Compute model (also used in stated-hours mode, for what-if ratios).
  const mfuPlan = work
    ? planWorkUtilisation(inputs, accel, devices, work)
    : planUtilisation(inputs, accel, devices, undefined);
  const recompute = inputs.gradCheckpointing === true;
  const factors = new Set<FactorKey>();

  const secondsPerUnit = (lv: Levels): number => {
    if (!work || work.perUnit <= 0) return NaN;
    const mfu = mfuPlan.band[lv.mfu ?? 'mid'];
    const slow = precisionPlan.slowdown ? precisionPlan.slowdown[lv.precision ?? 'mid'] : 1;
    const hw = accelKnown ? 1 : GENERIC_HARDWARE_SPEED[lv.hardware ?? 'mid'];
    const share = recompute ? RECOMPUTE_SHARE[lv.recompute ?? 'mid'] : 0;
    const flopsPerUnit = work.perUnit + share * work.forwardPerUnit;
    let flopsPerSecond = (precisionPlan.peakTflops * 1e12 * mfu * hw) / slow;
    if (precisionPlan.capTflops !== undefined)
      flopsPerSecond = Math.min(flopsPerSecond, precisionPlan.capTflops * 1e12 * hw);
    return flopsPerUnit / flopsPerSecond;
  };

  if (method === 'flops') {
    factors.add('mfu');
    if (precisionPlan.slowdown) factors.add('precision');
    if (recompute) factors.add('recompute');
    if (!accelKnown) factors.add('hardware');
  } else if (method === 'measured-throughput') {
    factors.add('measurement');
  } else if (options.hoursAt) {
    // What-if on stated hours: the ratio of modelled times carries the compute factors.
    for (const f of ['mfu', 'precision', 'recompute', 'hardware'] as const) factors.add(f);
  }

  // Power.
  const power = planPower(inputs, accel, accelKnown, cal, warnings);
  if (method !== 'insufficient-inputs') {
    if (power.kind === 'model' || power.kind === 'system') factors.add('busy');
    if (power.kind === 'model' || (power.kind === 'measured' && cal?.hostPowerW === undefined)) factors.add('host');
    if (!pue.given) factors.add('pue');
  }
  const label: Estimate['label'] =
    power.kind === 'measured' || method === 'measured-throughput' ? 'calibrated' : 'pre-flight estimate';

  // Scope options.
  const devMultiplier = inputs.devRunsMultiplier ?? 1;
  const embodiedPlan = inputs.embodied ? embodiedPerDeviceHour(accel) : undefined;
  if (embodiedPlan && method !== 'insufficient-inputs') factors.add('embodied');

  const evaluate = (lv: Levels): Point => {
    let hours: number;
    if (method === 'insufficient-inputs') hours = 0;
    else if (options.hoursAt) hours = options.hoursAt(lv);
    else if (method === 'stated-gpu-hours') hours = inputs.gpuHours!;
    else if (method === 'measured-throughput')
      hours = (work!.units! * measuredSecondsPerUnit! * MEASUREMENT_SPREAD[lv.measurement ?? 'mid']) / 3600;
    else hours = (work!.units! * secondsPerUnit(lv)) / 3600;
    const { accelW, hostW } = power.at(lv);
    const p = pue.band[lv.pue ?? 'mid'];
    const acceleratorKWh = (hours * accelW) / 1000;
    const hostKWh = (hours * hostW) / 1000;
    const it = acceleratorKWh + hostKWh;
    const runKWh = it * p;
    const idleKWh = inputs.includeIdle ? IDLE_SHARE * acceleratorKWh : 0;
    const developmentKWh = (devMultiplier - 1) * (runKWh + idleKWh);
    const kWh = runKWh + idleKWh + developmentKWh;
    const embodiedKg = embodiedPlan ? (hours * devMultiplier * embodiedPlan[lv.embodied ?? 'mid']) / 1000 : 0;
    return {
      gpuHours: hours,
      acceleratorKWh,
      hostKWh,
      facilityKWh: runKWh - it,
      idleKWh,
      developmentKWh,
      kWh,
      kg: (kWh * grid.gPerKWh) / 1000,
      embodiedKg,
    };
  };

  // ------------------------------------------------------------------ assumptions (in reading order)
  if (method === 'stated-gpu-hours' && !options.hoursAt) {
    assumptions.push({
      key: 'gpu-hours',
      text: `${fmtNum(inputs.gpuHours!)} device-hours as stated; parameters and tokens not used for time`,
    });
  }
  if (cal) {
    const used: string[] = [];
    if (power.kind === 'measured') {
      used.push(
        `${fmtNum(power.at({}).accelW)} W per accelerator` +
          (cal.hostPowerW !== undefined ? ` and ${fmtNum(cal.hostPowerW)} W host (CPU + RAM) per accelerator` : '') +
          ' replace the power model',
      );
    }
    if (method === 'measured-throughput') {
      used.push(
        `${fmtNum(measuredSecondsPerUnit!)} device-seconds per ${work!.kind === 'tokens' ? 'token' : 'sample'} replace the utilisation model (±10 % for extrapolating to the whole run)`,
      );
    }
    assumptions.push({
      key: 'calibration',
      text:
        `Calibrated from ${cal.description}: ${used.length ? used.join('; ') : 'nothing used (power given explicitly, no measured work)'}` +
        (cal.warnings.length ? `. Problems in the log: ${cal.warnings.join('; ')}` : ''),
      override: OVERRIDE_HINTS.measurement,
      source:
        cal.source === 'codecarbon'
          ? 'CodeCarbon emissions.csv (mlco2/codecarbon)'
          : 'Zeus measurement windows (ml-energy/zeus)',
    });
    for (const w of cal.warnings) warnings.push(`Measurement: ${w}`);
  }
  if ((method === 'flops' || method === 'measured-throughput') && work?.units !== undefined) {
    assumptions.push(workAssumption(inputs, work));
  }
  if (method === 'flops') {
    assumptions.push({
      key: 'mfu',
      text: mfuPlan.text(precisionPlan),
      override: OVERRIDE_HINTS.mfu,
      source: mfuPlan.source,
    });
  }
  if ((method === 'flops' || options.hoursAt) && precisionPlan.slowdown) {
    const s = precisionPlan.slowdown;
    const conv = precisionPlan.slowdown === CONV_TF32_SLOWDOWN;
    assumptions.push({
      key: 'precision-speed',
      text:
        precisionPlan.effective === 'fp8'
          ? `fp8 steps ${round(1 / s.mid, 2)}× faster than bf16 (range ${round(1 / s.high, 2)}–${round(1 / s.low, 2)}×), well below the 2× peak ratio`
          : s.mid < 1
            ? `16-bit without tensor cores only ${round(1 / s.mid, 2)}× faster than fp32 (range 1.0–${round(1 / s.low, 2)}×)`
            : conv
              ? `tf32 steps of a convolutional network ${s.mid}× slower than 16-bit mixed precision (range ${s.low}–${s.high}×), more than for transformers`
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
          : conv
            ? 'NVIDIA DeepLearningExamples EfficientNet and ResNet-50 READMEs (A100 TF32 vs AMP: 1.7–2.6×)'
            : 'PyTorch Performance Tuning Guide ("up to 3x"); HF "Efficient training on a single GPU"; Keras mixed-precision guide (60 % on TPUs)',
    });
  }
  if (recompute && (method === 'flops' || options.hoursAt)) {
    assumptions.push({
      key: 'recompute',
      text: `Activation checkpointing recomputes ${fmtPctRange(RECOMPUTE_SHARE.low, RECOMPUTE_SHARE.high)} of the forward pass: +${fmtPctRange(recomputeOverhead(work, 'low'), recomputeOverhead(work, 'high'))} compute`,
      source: 'HF "Efficient training on a single GPU" (≈20 % slower); Chen et al. 2016; full recompute = +2N on 6N',
    });
  }
  if (method !== 'insufficient-inputs') {
    if (power.kind === 'given') {
      assumptions.push({
        key: 'power',
        text: `${fmtNum(inputs.powerW!)} W per device as given (no utilisation factor, no host share)`,
        override: OVERRIDE_HINTS.power,
      });
    } else if (power.kind === 'system') {
      const sp = accel.systemPowerW!;
      assumptions.push({
        key: 'power',
        text: `Each ${accel.name} draws ${sp.low}–${sp.high} W (mid ${sp.mid} W) of system power, host included, as measured in published runs; no separate host share`,
        override: OVERRIDE_HINTS.power,
        source: sp.source,
      });
    } else if (power.kind === 'model') {
      assumptions.push({
        key: 'power',
        text:
          `Each ${accel.name} draws ${fmtPctRange(BUSY_FRACTION.low, BUSY_FRACTION.high)} (mid ${fmtPct(BUSY_FRACTION.mid)}) of its ${accel.powerW} W rating ` +
          'on average over the run (checkpoints, evaluation and stalls draw less)',
        override: OVERRIDE_HINTS.power,
        source:
          'Morrison et al. 2025 (H100 >85 % of TDP while training, ≈100 W while checkpointing); footprint-method.md Part 5',
      });
    }
    if (power.kind === 'model' || (power.kind === 'measured' && cal?.hostPowerW === undefined)) {
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
  if (inputs.includeIdle) {
    assumptions.push({
      key: 'idle',
      text:
        `Idle and infrastructure energy included: +${fmtPct(IDLE_SHARE)} of the accelerators' dynamic energy, as for BLOOM (256,646 kWh idle on ` +
        '433,196 kWh dynamic). It overlaps with the host share and PUE above, which model part of the same consumption',
      override: OVERRIDE_HINTS.idle,
      source:
        'Luccioni, Viguier & Ligozat 2022, "Estimating the carbon footprint of BLOOM" (arXiv 2211.02001), Tables 1–2',
    });
  }
  if (devMultiplier !== 1) {
    assumptions.push({
      key: 'development-runs',
      text:
        `Development runs before the final one included: × ${round(devMultiplier, 2)} in total (+${fmtPct(devMultiplier - 1)} of the final run's energy, ` +
        "CO2e and embodied emissions). Published ratios: OLMo +50 % (1.5); BigScience's experiments 2.7× the final BLOOM run",
      override: OVERRIDE_HINTS.devRuns,
      source: 'Groeneveld et al. 2024 (OLMo); Luccioni et al. 2022 (BLOOM); footprint-method.md Part 5',
    });
  }
  if (embodiedPlan) {
    assumptions.push({
      key: 'embodied',
      text: embodiedPlan.text,
      override: OVERRIDE_HINTS.embodied,
      source: embodiedPlan.source,
    });
  }

  return {
    inputs,
    method,
    accel,
    accelKnown,
    devices,
    precision,
    precisionPlan,
    flops: work?.flops,
    work,
    grid,
    pue,
    label,
    factors: LEVEL_FACTORS.filter((f) => factors.has(f)),
    assumptions,
    warnings,
    secondsPerUnit,
    evaluate,
  };
}

function stripCount(model: string): string {
  return model.replace(/^\s*\d+\s*x\s*/i, '').trim();
}

function measuredRegion(cal: Calibration): string | undefined {
  if (cal.region && resolveRegion(cal.region).ok) return cal.region;
  const a2 = cal.country
    ? (ALPHA3_TO_ALPHA2[cal.country.toUpperCase()] ??
      (cal.country.length === 2 ? cal.country.toUpperCase() : undefined))
    : undefined;
  if (a2 && resolveRegion(a2).ok) return a2;
  return undefined;
}

function planPower(
  inputs: RunInputs,
  accel: Accelerator,
  accelKnown: boolean,
  cal: Calibration | undefined,
  warnings: string[],
): PowerPlan {
  if (inputs.powerW !== undefined) {
    if (cal) warnings.push('Power per device was given explicitly; the measured power is not used.');
    const w = inputs.powerW;
    return { kind: 'given', at: () => ({ accelW: w, hostW: 0 }) };
  }
  if (cal && cal.gpuPowerW > 0) {
    let scale = 1;
    const m = cal.gpuModel ? resolveAccelerator(stripCount(cal.gpuModel)) : undefined;
    if (m && m.ok && accelKnown && m.value.id !== accel.id) {
      scale = accel.powerW / m.value.powerW;
      warnings.push(
        `Power was measured on ${m.value.name}; scaled by the rated powers to ${accel.name} (× ${round(scale, 2)}).`,
      );
    }
    const g = cal.gpuPowerW * scale;
    const h = cal.hostPowerW !== undefined ? cal.hostPowerW * scale : undefined;
    return { kind: 'measured', at: (lv) => ({ accelW: g, hostW: h ?? g * HOST_SHARE[lv.host ?? 'mid'] }) };
  }
  const sys = accel.systemPowerW;
  if (sys) return { kind: 'system', at: (lv) => ({ accelW: sys[lv.busy ?? 'mid'], hostW: 0 }) };
  return {
    kind: 'model',
    at: (lv) => devicePowerW(accel.powerW, undefined, BUSY_FRACTION[lv.busy ?? 'mid'], HOST_SHARE[lv.host ?? 'mid']),
  };
}

/** The run's workload: per-sample (architecture or flopsPerSample given) or tokens (parameters known). */
function planWork(inputs: RunInputs, warnings: string[]): WorkPlan | undefined {
  let arch: ArchitectureInfo | undefined;
  if (inputs.architecture !== undefined && inputs.architecture.trim() !== '') {
    arch = lookupArchitecture(inputs.architecture);
    if (!arch) {
      warnings.push(
        `Architecture "${inputs.architecture}" is not in the table (core/data/vision-audio.ts); give the forward FLOPs per sample instead (--flops-per-sample).`,
      );
    }
  }
  let fwd: number | undefined = inputs.flopsPerSample;
  if (fwd === undefined && arch)
    fwd = forwardFlopsAt(arch, { resolution: inputs.resolution, audioSeconds: inputs.audioSeconds }).flops;
  if (fwd !== undefined && fwd > 0 && perSampleWorkload(inputs, true)) {
    const frac = inputs.peft ? (validFraction(inputs.peft.trainableFraction) ?? DEFAULT_PEFT_FRACTION) : undefined;
    return {
      kind: 'samples',
      units: inputs.samples !== undefined ? inputs.samples * (inputs.epochs ?? 1) : undefined,
      perUnit: frac !== undefined ? fwd * (2 + 3 * frac) : 3 * fwd,
      forwardPerUnit: fwd,
      family: arch?.family ?? 'convnet',
      arch,
      params: arch?.params ?? inputs.params,
    };
  }
  const n = inputs.activeParams ?? inputs.params;
  if (n === undefined) return undefined;
  if (fwd !== undefined)
    warnings.push(
      'Forward FLOPs per sample are known but no sample count is; the token workload (6·N·D) is used. Give samples to use them.',
    );
  const flops = planFlops(inputs);
  return {
    kind: 'tokens',
    units: inputs.tokens,
    perUnit: flops.perToken,
    forwardPerUnit: flops.forwardPerToken,
    family: 'transformer',
    flops,
    params: n,
  };
}

function workAssumption(inputs: RunInputs, work: WorkPlan): Assumption {
  if (work.kind === 'tokens') {
    const flops = work.flops!;
    const n = inputs.activeParams ?? inputs.params!;
    const peftText = inputs.peft ? ` (${flops.notes[0]})` : '';
    return {
      key: 'flops',
      text:
        `Training compute ${fmtSci(flops.perToken * work.units!)} FLOPs = ${inputs.peft ? '(4·N + 6·N_trainable)' : '6·N'}·D with ` +
        `N = ${fmtNum(n)}${inputs.activeParams !== undefined ? ' active' : ''} parameters and D = ${fmtNum(work.units!)} tokens${peftText}` +
        (flops.attentionPerToken > 0 ? `; ${flops.notes[flops.notes.length - 1]}` : ''),
      source: 'Kaplan et al. 2020 (6ND); Chowdhery et al. 2022 App. B (attention FLOPs)',
    };
  }
  const a = work.arch;
  const scaled = a
    ? forwardFlopsAt(a, { resolution: inputs.resolution, audioSeconds: inputs.audioSeconds }).note
    : undefined;
  const what =
    inputs.flopsPerSample !== undefined
      ? 'forward FLOPs per sample as given'
      : `forward FLOPs per sample of ${a!.name} at ${a!.reference.note}${scaled ? `, ${scaled}` : ''}`;
  const factor = inputs.peft
    ? `(2 + 3 × ${fmtPct(validFraction(inputs.peft.trainableFraction) ?? DEFAULT_PEFT_FRACTION)} trainable)`
    : '3';
  return {
    key: 'flops',
    text:
      `Training compute ${fmtSci(work.perUnit * work.units!)} FLOPs = ${factor} × ${fmtSci(work.forwardPerUnit)} ${what} × ${fmtNum(inputs.samples!)} samples × ` +
      `${inputs.epochs ?? 1} epoch${(inputs.epochs ?? 1) === 1 ? '' : 's'}${inputs.epochs === undefined ? ' (epochs not stated; assumed 1)' : ''}` +
      (inputs.peft ? '; frozen weights need no weight gradients' : ''),
    override: inputs.epochs === undefined ? OVERRIDE_HINTS.samples : undefined,
    source: `forward + backward ≈ 3 × forward (Kaplan et al. 2020 §2.1); ${inputs.flopsPerSample !== undefined ? 'forward FLOPs given by the user' : a!.source}`,
  };
}

function recomputeOverhead(work: WorkPlan | undefined, level: Level): number {
  if (!work || work.perUnit <= 0) return RECOMPUTE_SHARE[level] / 3;
  return (RECOMPUTE_SHARE[level] * work.forwardPerUnit) / work.perUnit;
}

// ------------------------------------------------------------------------------------------------ utilisation plan

interface UtilisationPlan {
  band: Band;
  source: string;
  text(p: PrecisionPlan): string;
}

function givenUtilisation(given: number): UtilisationPlan {
  return {
    band: { low: given * 0.85, mid: given, high: Math.min(1, given * 1.15) },
    source: 'given by the user',
    text: () => `Utilisation ${fmtPct(given)} of the dense 16-bit peak as given (±15 %)`,
  };
}

function planWorkUtilisation(inputs: RunInputs, accel: Accelerator, devices: number, work: WorkPlan): UtilisationPlan {
  if (work.kind === 'tokens') return planUtilisation(inputs, accel, devices, work.params);
  if (work.family === 'transformer') {
    return planUtilisation({ ...inputs, microBatch: undefined, seqLen: undefined }, accel, devices, work.params);
  }
  const given = validFraction(inputs.mfu);
  if (given !== undefined) return givenUtilisation(given);
  const family = work.family;
  const step = visionStepUtilisation(family, accel.arch);
  const fScale = scaleFactor(devices);
  const fPeft = inputs.peft ? (PEFT_UTILISATION[inputs.peft.method] ?? 1) : 1;
  const mid = step.u * VISION_RUN_EFFICIENCY * fScale * fPeft;
  const band = { low: mid * MFU_SPREAD.low, mid, high: Math.min(0.75, mid * MFU_SPREAD.high) };
  const what = family === 'depthwise' ? 'depthwise-separable convolutional network' : 'convolutional network';
  const parts = [
    `${fmtPct(step.u)} step utilisation of a ${what} on ${accel.arch} at 16-bit`,
    `× ${VISION_RUN_EFFICIENCY} for evaluation, data loading and restarts`,
  ];
  if (fScale < 1) parts.push(`× ${round(fScale, 2)} for ${devices} devices`);
  if (fPeft < 1) parts.push(`× ${round(fPeft, 2)} for ${inputs.peft!.method === 'qlora' ? 'QLoRA' : 'LoRA'}`);
  return {
    band,
    source: `${step.source}; run efficiency fitted on the vision development cases (core/validation/cases.ts)`,
    text: (p: PrecisionPlan) => {
      const eff = (p.peakTflops * mid) / (p.slowdown?.mid ?? 1);
      return (
        `Utilisation ${fmtPctRange(band.low, band.high)} (mid ${fmtPct(mid)}) of the ${round(p.peakTflops, 1)} TFLOPS dense 16-bit peak: ` +
        `${parts.join(' ')}${work.arch ? '' : ' (no architecture given: a dense convolutional network assumed)'}; ≈${round(eff, 1)} effective TFLOPS per device at ${p.effective}`
      );
    },
  };
}

/** Utilisation (MFU against the dense 16-bit peak) from what is known: architecture, size, devices, batch, PEFT. */
export function planUtilisation(
  inputs: RunInputs,
  accel: Accelerator,
  devices: number,
  n: number | undefined,
): UtilisationPlan {
  const given = validFraction(inputs.mfu);
  if (given !== undefined) return givenUtilisation(given);
  const base = BASE_MFU[accel.arch] ?? BASE_MFU.other;
  const fSize = sizeFactor(n ?? 1e9);
  const fScale = scaleFactor(devices);
  const fBatch = batchFactor(inputs.microBatch, inputs.seqLen);
  const fPeft = inputs.peft ? (PEFT_UTILISATION[inputs.peft.method] ?? 1) : 1;
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
      const eff = (p.peakTflops * mid) / (p.slowdown?.mid ?? 1);
      return (
        `Utilisation ${fmtPctRange(band.low, band.high)} (mid ${fmtPct(mid)}) of the ${round(p.peakTflops, 1)} TFLOPS dense 16-bit peak: ` +
        `${parts.join(' ')}; ≈${round(eff, 1)} effective TFLOPS per device at ${p.effective}`
      );
    },
  };
}

// ------------------------------------------------------------------------------------------------ ranges

/** Combine per-factor deviations into a Range (log-space root-sum-square, capped at high/low = cap, default 3). */
export function combineLog(mid: number, deviations: Array<[number, number]>, cap = 3): Range {
  if (!(mid > 0) || !Number.isFinite(mid))
    return { low: mid > 0 ? mid : 0, mid: mid > 0 ? mid : 0, high: mid > 0 ? mid : 0 };
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
  for (const k of keys) out[k] = combineLog(mid[k], devs[k], k === 'embodiedKg' ? Infinity : 3);
  return out;
}

// ------------------------------------------------------------------------------------------------ output

function scaleRange(r: Range, k: number): Range {
  return { low: r.low * k, mid: r.mid * k, high: r.high * k };
}

function toEstimate(run: PreparedRun): Estimate {
  const r = rangesOf(run);
  const perSample = run.work?.kind === 'samples';
  const mem = perSample
    ? undefined
    : estimateMemoryDetailed({ ...run.inputs, precision: run.precision }, run.accelKnown ? run.accel : undefined);
  const assumptions = [...run.assumptions];
  if (mem) {
    assumptions.push({
      key: 'memory',
      text: `Memory per device: ${mem.notes.join('; ')}`,
      source: 'Rajbhandari et al. 2020 (ZeRO) §3.1; Korthikanti et al. 2022 §4',
    });
  } else if (perSample) {
    assumptions.push({
      key: 'memory',
      text: 'Memory per device not modelled for per-sample (vision, audio, diffusion) workloads: activations depend on the architecture',
    });
  }
  if (run.method !== 'insufficient-inputs' && run.factors.length > 0 && r.kWh.high > r.kWh.low) {
    assumptions.push({
      key: 'ranges',
      text: 'Ranges combine the factor ranges above as independent uncertainties (root-sum-square in log space), capped at 3× from low to high',
    });
  }
  const wall = (x: Range): Range => ({
    low: x.low / run.devices,
    mid: x.mid / run.devices,
    high: x.high / run.devices,
  });
  const warnings = [...run.warnings];
  const est: Estimate = {
    label: run.label,
    gpuHours: r.gpuHours,
    energyKWh: r.kWh,
    co2eKg: r.kg,
    wallHours: wall(r.gpuHours),
    method: run.method,
    pue: run.pue.band.mid,
    devices: run.devices,
    grid: { gPerKWh: run.grid.gPerKWh, label: run.grid.label, year: run.grid.year, source: run.grid.source },
    assumptions,
    warnings,
  };
  if (mem) est.memoryGBPerDevice = mem.breakdown;
  if (run.accelKnown) est.accelerator = run.accel;
  est.energyBreakdownKWh = { accelerators: r.acceleratorKWh, host: r.hostKWh, facility: r.facilityKWh };
  const inputs = run.inputs;
  if (inputs.includeIdle) {
    est.idleKWh = r.idleKWh;
    est.energyBreakdownKWh.idle = r.idleKWh;
  }
  if ((inputs.devRunsMultiplier ?? 1) !== 1) {
    est.developmentKWh = r.developmentKWh;
    est.energyBreakdownKWh.development = r.developmentKWh;
  }
  if (inputs.embodied) {
    est.embodiedKgCO2e = r.embodiedKg;
    est.totalKgCO2e = {
      low: r.kg.low + r.embodiedKg.low,
      mid: r.kg.mid + r.embodiedKg.mid,
      high: r.kg.high + r.embodiedKg.high,
    };
  }
  if (inputs.marginal || inputs.marginalGPerKWh !== undefined) {
    const table = marginalFor(run.grid.region);
    if (inputs.marginalGPerKWh !== undefined) {
      const g = inputs.marginalGPerKWh;
      est.marginal = {
        gPerKWh: g,
        co2eKg: scaleRange(r.kWh, g / 1000),
        label: 'as given',
        source: 'given by the user',
      };
    } else if (table) {
      est.marginal = {
        gPerKWh: table.gPerKWh,
        co2eKg: scaleRange(r.kWh, table.gPerKWh / 1000),
        label: table.label,
        year: table.year,
        source: table.source,
      };
    } else {
      warnings.push(
        `No marginal intensity for ${run.grid.region ? run.grid.region.id : 'this run (no cloud region set)'} in the table (core/data/marginal.ts); the marginal sensitivity is omitted.`,
      );
    }
    if (est.marginal) {
      assumptions.push({
        key: 'marginal',
        text:
          `Marginal-intensity sensitivity: ${round(est.marginal.gPerKWh, 1)} g CO2e/kWh (${est.marginal.label}${est.marginal.year ? `, ${est.marginal.year}` : ''}) ` +
          'would give the figure in `marginal`; the main CO2e stays location-based',
        source: est.marginal.source,
      });
    }
  }
  if (inputs.marketIntensity !== undefined) {
    est.marketBased = { gPerKWh: inputs.marketIntensity, co2eKg: scaleRange(r.kWh, inputs.marketIntensity / 1000) };
    assumptions.push({
      key: 'market-based',
      text:
        `Market-based figure at ${round(inputs.marketIntensity, 1)} g CO2e/kWh as given (contracts and certificates), reported in \`marketBased\` apart from ` +
        'the location-based CO2e, never mixed into it',
      source:
        'GHG Protocol Scope 2 Guidance (dual reporting); Meta reports 11,390 t location-based against 0 market-based (footprint-method.md Part 5)',
    });
  }
  if (run.work && run.work.units !== undefined) {
    est.work = { flops: run.work.perUnit * run.work.units };
    if (run.work.kind === 'tokens') est.work.tokens = run.work.units;
    else est.work.samples = run.work.units;
  }
  if (inputs.calibration && run.label === 'calibrated') est.calibration = inputs.calibration;
  return est;
}

function emptyEstimate(inputs: RunInputs, warning: string): Estimate {
  const z = (): Range => ({ low: 0, mid: 0, high: 0 });
  return {
    label: 'pre-flight estimate',
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

const POSITIVE_KEYS = [
  'params',
  'activeParams',
  'tokens',
  'gpuHours',
  'devices',
  'powerW',
  'microBatch',
  'seqLen',
  'flopsPerSample',
  'samples',
  'epochs',
  'resolution',
  'audioSeconds',
] as const;

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
  for (const k of ['intensity', 'marginalGPerKWh', 'marketIntensity'] as const) {
    const v = out[k];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) {
      warnings.push(`Ignored ${k} = ${String(v)}: not a number of g CO2e/kWh.`);
      delete out[k];
    }
  }
  if (
    out.devRunsMultiplier !== undefined &&
    (typeof out.devRunsMultiplier !== 'number' || !Number.isFinite(out.devRunsMultiplier) || out.devRunsMultiplier < 1)
  ) {
    warnings.push(
      `Ignored devRunsMultiplier = ${String(out.devRunsMultiplier)}: it is total ÷ final run, at least 1 (OLMo: 1.5).`,
    );
    delete out.devRunsMultiplier;
  }
  if (out.mfu !== undefined && validFraction(out.mfu) === undefined) {
    warnings.push(`Ignored mfu = ${String(out.mfu)}: utilisation is a fraction between 0 and 1.`);
    delete out.mfu;
  }
  if (out.activeParams !== undefined && out.params !== undefined && out.activeParams > out.params) {
    warnings.push('activeParams is larger than params; using params.');
    delete out.activeParams;
  }
  if (
    out.calibration !== undefined &&
    !(out.calibration && out.calibration.gpuPowerW > 0 && out.calibration.durationS > 0)
  ) {
    warnings.push('Ignored calibration: it has no positive measured power and duration.');
    delete out.calibration;
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

export function fmtSci(x: number): string {
  if (!(x > 0)) return '0';
  const e = Math.floor(Math.log10(x));
  return `${round(x / 10 ** e, 2)}e${e}`;
}
