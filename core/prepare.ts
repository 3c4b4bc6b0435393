// prepareRun(): turns a run's inputs into a model that can be evaluated at any factor level — hardware, devices,
// precision, grid and PUE, workload, method (stated hours, FLOPs, measured throughput), utilisation and power.
// The assumptions it records are written by core/run-assumptions.ts; the ranges by core/ranges.ts.

import { ALPHA3_TO_ALPHA2 } from './calibrate';
import {
  GENERIC_ACCELERATOR,
  GENERIC_HARDWARE_SPEED,
  RECOMPUTE_SHARE,
  peak16,
  planPrecision,
  type Band,
} from './compute';
import { embodiedPerDeviceHour } from './data/embodied';
import { lookupArchitecture } from './data/vision-audio';
import {
  HOST_SHARE,
  IDLE_POWER_FRACTION,
  RUN_STEP_SHARE,
  powerFraction,
  IDLE_SHARE,
  devicePowerW,
  planGrid,
  planPue,
  round,
  withSuggestions,
} from './energy';
import { sanitise } from './sanitise';
import {
  FactorKey,
  LEVEL_FACTORS,
  Point,
  Levels,
  MEASUREMENT_SPREAD,
  Method,
  OVERRIDE_HINTS,
  PrepareOptions,
  PreparedRun,
} from './estimate-model';
import { resolveAccelerator, resolveRegion } from './resolve';
import { describeRun } from './run-assumptions';
import { Accelerator, Assumption, Calibration, Estimate, Precision, RunInputs } from './types';
import { planUtilisation, planWorkUtilisation, UtilisationPlan } from './utilisation';
import { inputBoundPlan, InputBoundPlan } from './input-bound';
import { launchBoundPlan } from './launch-bound';
import { memoryBound } from './memory-bound';
import { planWork } from './workload';
import { defaultConstants } from './fit';

export interface PowerPlan {
  kind: 'given' | 'measured' | 'system' | 'chip' | 'model';
  at(lv: Levels): { accelW: number; hostW: number };
  /** Modelled power as a fraction of the rating (kind 'model'). */
  fraction?(lv: Levels): number;
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
  const reference = inputs.architecture ? lookupArchitecture(inputs.architecture) : undefined;
  const trainedIn = inputs.precision === undefined ? reference?.trainedIn : undefined;
  const precision: Precision =
    inputs.precision ?? trainedIn?.precision ?? (accel.bf16 ? 'bf16' : accel.tensorCores ? 'fp16' : 'fp32');
  if (inputs.precision === undefined) {
    assumptions.push({
      key: 'precision',
      text: trainedIn
        ? `Precision not stated; assumed ${precision}, as ${reference?.name}'s reference code trains (${trainedIn.source})`
        : `Precision not stated; assumed ${precision}${precision === 'fp32' ? '' : ' mixed precision'}`,
      override: OVERRIDE_HINTS.precision,
    });
  }

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
  const work = planWork(inputs, warnings, (options.constants ?? defaultConstants()).textFill);

  // Method.
  let method: Method;
  if (options.hoursAt || inputs.gpuHours !== undefined) method = 'stated-gpu-hours';
  else if (work?.units !== undefined && work.perUnit > 0) method = 'flops';
  else {
    method = 'insufficient-inputs';
    const missing: string[] = [];
    if (work?.kind === 'samples') {
      missing.push(
        inputs.samples !== undefined
          ? `the number of epochs over the ${inputs.samples.toLocaleString('en-US')} samples (${OVERRIDE_HINTS.samples})`
          : `the number of training samples (${OVERRIDE_HINTS.samples})`,
      );
    } else if (work?.perSample !== undefined) {
      // Samples and their tokens are known; the passes over them are not (a fine-tune runs 1–10 epochs).
      missing.push(
        `the number of epochs over the ${(inputs.samples ?? 0).toLocaleString('en-US')} samples (--epochs, or --tokens)`,
      );
    } else if (inputs.samples !== undefined && inputs.resolution !== undefined && inputs.tokens === undefined) {
      // Images of a network the table does not know and whose family is not named (core/workload.ts).
      missing.push(
        `the architecture: a network the table knows, or words naming its family (ViT, ResNet, EfficientNet …) (${OVERRIDE_HINTS.architecture})`,
      );
    } else {
      const n = inputs.activeParams ?? inputs.params;
      const named = inputs.model?.trim();
      if (n === undefined && named)
        missing.push(
          `the parameter count: the model "${named}" is in neither the models table (core/data/models.ts) nor the vision/audio architectures (core/data/vision-audio.ts), so its size is unknown (--params, or for a vision/audio model ${OVERRIDE_HINTS.architecture})`,
        );
      else if (n === undefined) missing.push(`the parameter count (${OVERRIDE_HINTS.params})`);
      if (inputs.tokens === undefined && inputs.samples !== undefined && inputs.seqLen !== undefined && n !== undefined)
        // Samples of a stated length: the passes over them are what is missing.
        missing.push(
          `the number of epochs over the ${inputs.samples.toLocaleString('en-US')} samples (--epochs, or --tokens)`,
        );
      else if (inputs.tokens === undefined && inputs.samples !== undefined && n !== undefined)
        // Text or image–text samples without a sequence length: their tokens follow from what they are.
        missing.push(
          `the tokens per sample of the ${inputs.samples.toLocaleString('en-US')} samples (${OVERRIDE_HINTS.sampleTokens})` +
            (inputs.epochs === undefined ? ' and the number of epochs (--epochs)' : ''),
        );
      else if (inputs.tokens === undefined) missing.push(`the number of training tokens (${OVERRIDE_HINTS.tokens})`);
      if (n === undefined && inputs.tokens === undefined && !named)
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
  const uOpts = { constants: options.constants, scope: options.scope };
  const mfuPlan: UtilisationPlan = work
    ? planWorkUtilisation(inputs, accel, devices, work, uOpts)
    : planUtilisation(inputs, accel, devices, undefined, uOpts);
  // Precision as the framework runs it, for this kind of work and this step utilisation.
  const kind = work?.family === 'convnet' ? 'conv' : work?.family === 'depthwise' ? 'depthwise' : 'matmul';
  const precisionPlan = planPrecision(accel, precision, {
    kind,
    fp32Matmul: inputs.fp32Matmul,
    stepUtilisation: mfuPlan.stepMid,
  });
  if (precisionPlan.note) warnings.push(precisionPlan.note);
  // Checkpointing as stated, or inferred where the model states cannot fit the devices the run names (core/memory-bound.ts).
  const bound = method === 'flops' ? memoryBound(inputs, accelKnown ? accel : undefined) : undefined;
  const recompute = inputs.gradCheckpointing === true || bound !== undefined;
  const factors = new Set<FactorKey>();

  // A row whose throughput per counted device is uncertain (variants under one name; MI250X packages vs GCDs).
  const band = accelKnown ? accel.speedBand : undefined;
  const rowSpeed = (lv: Levels): number =>
    band ? { low: band.low, mid: 1, high: band.high }[lv.hardware ?? 'mid'] : 1;
  if (band) {
    assumptions.push({
      key: 'hardware-count',
      text: `${accel.name}: ${band.note} (throughput per device ${round(band.low, 2)}–${round(band.high, 2)}× of the row's)`,
      override: OVERRIDE_HINTS.hardware,
      source: accel.source,
    });
  }
  // Device-seconds of computation per work unit, and per work unit including a stalled input pipeline.
  const rawCompute = (lv: Levels): number => {
    if (!work || work.perUnit <= 0) return NaN;
    const mfu = mfuPlan.band[lv.mfu ?? 'mid'];
    // The precision changes the time of the training steps only (Amdahl): the rest of the run does not scale with it.
    const stepSlow = precisionPlan.slowdown ? precisionPlan.slowdown[lv.precision ?? 'mid'] : 1;
    const slow = mfuPlan.stepShare * stepSlow + (1 - mfuPlan.stepShare);
    const hw = accelKnown ? rowSpeed(lv) : GENERIC_HARDWARE_SPEED[lv.hardware ?? 'mid'];
    const share = recompute ? RECOMPUTE_SHARE[lv.recompute ?? 'mid'] : 0;
    return ((work.perUnit + share * work.forwardPerUnit) * slow) / (precisionPlan.peakTflops * 1e12 * mfu * hw);
  };
  // Input pipeline: a data loader without workers caps image throughput. Small micro-steps: the host's kernel launches
  // set a floor on step time (core/launch-bound.ts), listed only where it binds at the mid values.
  const launch = launchBoundPlan(inputs, work);
  const input: InputBoundPlan | undefined =
    inputBoundPlan(inputs, work) ?? (launch && launch.secondsPerUnit.mid > rawCompute({}) ? launch : undefined);
  const secondsPerUnit = (lv: Levels): number => {
    const compute = rawCompute(lv);
    return input ? Math.max(compute, input.secondsPerUnit[lv.mfu ?? 'mid']) : compute;
  };
  // Share of step time the device computes (1 unless the input pipeline is the bottleneck): lowers the power.
  const computeShare = (lv: Levels): number => {
    if (!input) return 1;
    const r = rawCompute(lv) / secondsPerUnit(lv);
    return Number.isFinite(r) ? Math.min(1, Math.max(0.02, r)) : 1;
  };

  if (method === 'flops') {
    if (work?.spread) factors.add('work');
    factors.add('mfu');
    if (precisionPlan.slowdown) factors.add('precision');
    if (recompute) factors.add('recompute');
    if (!accelKnown || band) factors.add('hardware');
  } else if (method === 'measured-throughput') {
    factors.add('measurement');
  } else if (options.hoursAt) {
    // What-if on stated hours: the ratio of modelled times carries the compute factors.
    for (const f of ['mfu', 'precision', 'recompute', 'hardware'] as const) factors.add(f);
  }

  // Power.
  const family = work?.family ?? 'transformer';
  const power = planPower(inputs, accel, accelKnown, cal, warnings, (lv) => ({
    family,
    load: mfuPlan.load,
    duty: computeShare(lv),
    wait: input?.waitPowerFraction,
    scope: options.scope ?? 'run',
  }));
  if (method !== 'insufficient-inputs') {
    if (power.kind === 'model' || power.kind === 'system' || power.kind === 'chip') factors.add('busy');
    if (power.kind === 'model' || power.kind === 'chip' || (power.kind === 'measured' && cal?.hostPowerW === undefined))
      factors.add('host');
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
    else hours = (work!.units! * (work?.spread?.[lv.work ?? 'mid'] ?? 1) * secondsPerUnit(lv)) / 3600;
    // A count that may be of halves (MI250X GCDs): twice the device-hours at half the power each, the same energy.
    const perCount = band?.perCount ? rowSpeed(lv) : 1;
    const at = power.at(lv);
    const accelW = at.accelW * perCount;
    const hostW = at.hostW * perCount;
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

  describeRun({
    inputs,
    options,
    method,
    cal,
    power,
    measuredSecondsPerUnit,
    work,
    mfuPlan,
    input,
    precisionPlan,
    accel,
    recompute,
    recomputeWhy: bound?.why,
    pue,
    grid,
    devMultiplier,
    embodiedPlan,
    assumptions,
    warnings,
  });

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
    regime: mfuPlan.regime,
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

interface LoadAt {
  family: 'transformer' | 'convnet' | 'depthwise';
  /** How hard a computing step works the device (0..1). */
  load: number;
  /** Share of step time the device computes (1 unless an input pipeline or kernel launches hold it up). */
  duty: number;
  /** Power fraction while the device waits (per level); undefined = idle. */
  wait?: Band;
  scope: 'run' | 'step';
}

/**
 * Power fraction averaged over a duty cycle: the device draws the power of its load while it computes and, while it
 * waits, idles (for the loader) or keeps its clocks up (for kernel launches: core/launch-bound.ts); over a whole run the
 * stepping share mixes in idle as powerFraction does.
 */
function dutyPowerFraction(l: LoadAt, level: 'low' | 'mid' | 'high'): number {
  const f = powerFraction(l.family, l.load, level, 'step');
  const wait = Math.min(f, l.wait ? l.wait[level] : IDLE_POWER_FRACTION);
  const step = wait + (f - wait) * Math.min(1, Math.max(0, l.duty));
  if (l.scope === 'step') return step;
  const share = RUN_STEP_SHARE[level];
  return share * step + (1 - share) * IDLE_POWER_FRACTION;
}

function planPower(
  inputs: RunInputs,
  accel: Accelerator,
  accelKnown: boolean,
  cal: Calibration | undefined,
  warnings: string[],
  loadAt: (lv: Levels) => LoadAt,
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
  const chip = accel.chipPowerW;
  if (chip) {
    return {
      kind: 'chip',
      at: (lv) => devicePowerW(chip[lv.busy ?? 'mid'], undefined, 1, HOST_SHARE[lv.host ?? 'mid']),
    };
  }
  return {
    kind: 'model',
    at: (lv) => {
      const f = dutyPowerFraction(loadAt(lv), lv.busy ?? 'mid');
      return devicePowerW(accel.powerW, undefined, f, HOST_SHARE[lv.host ?? 'mid']);
    },
    fraction: (lv) => dutyPowerFraction(loadAt(lv), lv.busy ?? 'mid'),
  };
}
