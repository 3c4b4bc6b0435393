// The assumptions of one prepared run, in reading order: what was stated, what was modelled and from which source,
// each with how the user changes it (OVERRIDE_HINTS).

import { fmtPct, fmtPctRange, PrecisionPlan, RECOMPUTE_SHARE } from './compute';
import { embodiedPerDeviceHour } from './data/embodied';
import {
  GridPlan,
  HOST_SHARE,
  IDLE_SHARE,
  IDLE_POWER_FRACTION,
  PuePlan,
  round,
  RUN_STEP_SHARE,
  STEP_POWER,
} from './energy';
import type { InputBoundPlan } from './input-bound';
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
  input: InputBoundPlan | undefined;
  precisionPlan: PrecisionPlan;
  accel: Accelerator;
  recompute: boolean;
  /** Why checkpointing is assumed where the run does not state it (core/memory-bound.ts). */
  recomputeWhy?: string;
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
    input,
    precisionPlan,
    accel,
    recompute,
    recomputeWhy,
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
  if (input && (method === 'flops' || options.hoursAt)) {
    assumptions.push({
      key: input.key ?? 'input-bound',
      text: input.text,
      override: input.override ?? 'set num_workers > 0 on the DataLoader',
      source: input.source,
    });
  }
  if ((method === 'flops' || options.hoursAt) && precisionPlan.slowdown) {
    assumptions.push(precisionAssumption(precisionPlan, accel, work, mfuPlan.stepShare));
  }
  if (recompute && (method === 'flops' || options.hoursAt)) {
    assumptions.push({
      key: 'recompute',
      text:
        `Activation checkpointing recomputes ${fmtPctRange(RECOMPUTE_SHARE.low, RECOMPUTE_SHARE.high)} of the forward pass: +${fmtPctRange(recomputeOverhead(work, 'low'), recomputeOverhead(work, 'high'))} compute` +
        (recomputeWhy ? ` (assumed, not stated: ${recomputeWhy})` : ''),
      ...(recomputeWhy
        ? {
            override:
              'state it: `gradient_checkpointing` in the training script (`greenml plan` reads it), `gradCheckpointing` in the API',
          }
        : {}),
      source:
        'HF "Efficient training on a single GPU" (≈20 % slower); Chen et al. 2016; full recompute = +2N on 6N' +
        (recomputeWhy
          ? '; inferred from memory: ZeRO §3.1 (Rajbhandari et al. 2020), PEFT prepare_model_for_kbit_training, artidoro/qlora qlora.py (2023)'
          : ''),
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
    } else if (power.kind === 'chip') {
      const cp = accel.chipPowerW!;
      assumptions.push({
        key: 'power',
        text: `Each ${accel.name} draws ${cp.low}–${cp.high} W (mid ${cp.mid} W), its measured chip power in production training, not its ${accel.powerW} W rating`,
        override: OVERRIDE_HINTS.power,
        source: cp.source,
      });
    } else if (power.kind === 'model') {
      const fam = (work?.family ?? 'transformer') as keyof typeof STEP_POWER;
      const sp = STEP_POWER[fam];
      const f = power.fraction!({});
      const stepScope = options.scope === 'step';
      const lower = mfuPlan.loadNotes.length + (input ? 1 : 0) > 0;
      assumptions.push({
        key: 'power',
        text:
          `Each ${accel.name} draws ≈${fmtPct(f)} of its ${accel.powerW} W limit (${Math.round(f * accel.powerW)} W) on average: ` +
          `${fmtPctRange(sp.low, sp.high)} while stepping large dense batches of a ${fam === 'transformer' ? 'transformer' : fam === 'convnet' ? 'convolutional network' : 'depthwise-separable network'}` +
          (lower
            ? `, less for ${[...mfuPlan.loadNotes, ...(input ? [input.powerNote ?? 'an input-bound loader'] : [])].join(', ')}`
            : '') +
          (stepScope
            ? ''
            : `; ${fmtPctRange(RUN_STEP_SHARE.low, RUN_STEP_SHARE.high)} of the run in steps, the rest (checkpoints, evaluation, stalls) near idle (${fmtPct(IDLE_POWER_FRACTION)})`),
        override: OVERRIDE_HINTS.power,
        source:
          'bench/gpu-energy/RESULTS.md (H200, 2026: 605–681 W of 700 W in training steps); ML.ENERGY leaderboard and Zeus (Chung et al. 2024); ' +
          'Morrison et al. 2025 (H100 >85 % of TDP while training, ≈100 W while checkpointing); Llama 3 paper §3.3.4 (>90 % effective training time)',
      });
    }
    if (
      power.kind === 'model' ||
      power.kind === 'chip' ||
      (power.kind === 'measured' && cal?.hostPowerW === undefined)
    ) {
      assumptions.push({
        key: 'host-overhead',
        text: `Host CPUs, memory and network add ${fmtPctRange(HOST_SHARE.low, HOST_SHARE.high)} (mid ${fmtPct(HOST_SHARE.mid)}) to the accelerator power`,
        override: OVERRIDE_HINTS.power,
        source:
          'Zeus docs (ml.energy/zeus, 2023: GPUs ≈70 % of server power in DNN training); Patterson et al. 2021 Table 4 (TPU v3 system vs chip power)',
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
      source:
        'Groeneveld et al. 2024, "OLMo" (arXiv 2402.00838); Luccioni et al. 2022, "Estimating the carbon footprint of BLOOM" (arXiv 2211.02001)',
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

/** The precision assumption: how the run's fp32/TF32/fp8 compares with 16-bit mixed precision, and why. */
function precisionAssumption(
  p: PrecisionPlan,
  accel: Accelerator,
  work: WorkPlan | undefined,
  stepShare: number,
): Assumption {
  const s = p.slowdown!;
  const kind =
    work?.family === 'convnet'
      ? 'convolutional network'
      : work?.family === 'depthwise'
        ? 'depthwise-separable network'
        : 'transformer';
  const range = `(range ${round(s.low, 2)}–${round(s.high, 2)}×)`;
  let text: string;
  let source: string;
  if (p.effective === 'fp8') {
    text = `fp8 steps ${round(1 / s.mid, 2)}× faster than bf16 (range ${round(1 / s.high, 2)}–${round(1 / s.low, 2)}×), well below the 2× peak ratio`;
    source = 'NVIDIA/Megatron-LM issue #396 (2023: 13B on H100, 1.4× with FP8); axolotl FP8 notes (~10 % on 3B)';
  } else if (s.mid < 1) {
    text = `16-bit without tensor cores only ${round(1 / s.mid, 2)}× faster than fp32 (range 1.0–${round(1 / s.low, 2)}×)`;
    source = 'PyTorch Performance Tuning Guide (2023), "Use mixed precision and AMP"';
  } else if (p.basis && p.basis !== 'model') {
    text = `${p.effective} steps ${round(s.mid, 2)}× slower than 16-bit mixed precision ${range}: ${p.basis}`;
    source = accel.arch === 'tpu' ? 'Keras mixed-precision guide (2023)' : 'PyTorch Performance Tuning Guide (2023)';
  } else {
    const what =
      p.math === 'tf32'
        ? kind === 'transformer'
          ? 'TF32 matmuls (TF32 enabled in the script, or the framework default: TensorFlow ≥ 2.4, JAX)'
          : "TF32 convolutions (cuDNN's default in PyTorch, TensorFlow's on Ampere+)"
        : `true fp32 ${kind === 'transformer' ? 'matmuls (PyTorch default since 1.12: torch.backends.cuda.matmul.allow_tf32 = False)' : 'convolutions (TF32 switched off)'} on the ${accel.tflops.fp32} TFLOPS CUDA cores`;
    text =
      `fp32 as the framework runs it on ${accel.name}: ${what}; steps of this ${kind} ${round(s.mid, 2)}× slower than bf16/fp16 ${range}. ` +
      'Modelled from the matmul share of a 16-bit step and the TF32/fp32 peaks, not the ratio of peaks alone';
    source =
      'bench/gpu-energy/RESULTS.md (H200, 2026: fp32 423 ms, TF32 131 ms, bf16 55.9 ms per transformer step; ResNet-50 TF32 1.5× bf16); ' +
      'PyTorch docs "TensorFloat-32 (TF32) on Ampere devices" (2022); TensorFlow 2.4 release notes (2020); ml-engineering MAMF table (2024)';
  }
  if (stepShare < 1)
    text +=
      `; applied to the training steps (≈${fmtPct(stepShare)} of the run at 16-bit): start-up, data-loading stalls, ` +
      'checkpoint writes and downtime take as long at any precision';
  return { key: 'precision-speed', text, override: OVERRIDE_HINTS.precision, source };
}
