// The assumptions of one prepared run, in reading order: what was stated, what was modelled and from which source,
// each with how the user changes it (OVERRIDE_HINTS).

import { CONV_TF32_SLOWDOWN, fmtPct, fmtPctRange, FP32_CEILING, PrecisionPlan, RECOMPUTE_SHARE } from './compute';
import { embodiedPerDeviceHour } from './data/embodied';
import { BUSY_FRACTION, GridPlan, HOST_SHARE, IDLE_SHARE, PuePlan, round } from './energy';
import { fmtNum, Method, OVERRIDE_HINTS, PrepareOptions, WorkPlan } from './estimate-model';
import { PowerPlan } from './prepare';
import { Accelerator, Assumption, Calibration, RunInputs } from './types';
import { UtilisationPlan } from './utilisation';
import { recomputeOverhead, workAssumption } from './workload';

export interface RunStory {
  inputs: RunInputs;
  options: PrepareOptions;
  method: Method;
  cal: Calibration | undefined;
  power: PowerPlan;
  measuredSecondsPerUnit: number | undefined;
  work: WorkPlan | undefined;
  mfuPlan: UtilisationPlan;
  precisionPlan: PrecisionPlan;
  accel: Accelerator;
  recompute: boolean;
  pue: PuePlan;
  grid: GridPlan;
  devMultiplier: number;
  embodiedPlan: ReturnType<typeof embodiedPerDeviceHour> | undefined;
  assumptions: Assumption[];
  warnings: string[];
}

/** Append the run's assumptions (and the measurement's warnings) in the order a reader wants them. */
export function describeRun(s: RunStory): void {
  const {
    inputs,
    options,
    method,
    cal,
    power,
    measuredSecondsPerUnit,
    work,
    mfuPlan,
    precisionPlan,
    accel,
    recompute,
    pue,
    grid,
    devMultiplier,
    embodiedPlan,
    assumptions,
    warnings,
  } = s;
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
}
