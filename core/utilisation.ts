// Utilisation (model FLOPs utilisation against the dense 16-bit peak): token workloads from architecture, size,
// devices, batch, PEFT and mixture-of-experts; per-sample workloads (vision, audio) from the family's step utilisation.
// The fitted constants come from core/fit.ts (all development cases unless the caller passes others).

import {
  Band,
  LLM_RUN_EFFICIENCY,
  batchFactor,
  fmtPct,
  fmtPctRange,
  geforceConvUtilisation,
  halfRateAccumulate,
  peftStepRatio,
  scaleFactor,
  sizeFactorOn,
  ridgeRatio,
  sizeKnee,
  validFraction,
  visionStepUtilisation,
  DEFAULT_PEFT_FRACTION,
} from './compute';
import { round } from './energy';
import { WorkPlan, fmtNum } from './estimate-model';
import { defaultConstants, FittedConstants, hardwareKey, moeEfficiencyAt } from './fit';
import { regimeOf, spreadFor, type RunRegime } from './fit-spread';
import type { PrecisionPlan } from './precision';
import { Accelerator, RunInputs } from './types';
import { dataParallelComm } from './comm-bound';

export interface UtilisationPlan {
  band: Band;
  source: string;
  /** Utilisation of the 16-bit steps alone (no evaluation, restarts, stalls): sets precision ratios. */
  stepMid: number;
  /**
   * Share of the run's time spent in training steps at 16-bit (1 at step scope or for a given utilisation): only this
   * part runs slower or faster with the precision (core/prepare.ts); start-up, data-loading stalls, checkpoint writes and
   * downtime take the same time at any precision.
   */
  stepShare: number;
  /**
   * How hard the device works in a step relative to a large dense batch (0..1): small models, small batches and
   * LoRA draw less power (core/energy.ts stepPowerFraction).
   */
  load: number;
  /** What lowers the load, for the power assumption. */
  loadNotes: string[];
  /** The kind of run whose out-of-family residuals set the band (core/fit-spread.ts); undefined for a given utilisation. */
  regime?: RunRegime;
  text(p: PrecisionPlan): string;
}

export interface UtilisationOptions {
  constants?: FittedConstants;
  /** 'step': utilisation of training steps only (per-step estimates); default 'run' (whole-run averages). */
  scope?: 'run' | 'step';
}

function givenUtilisation(given: number): UtilisationPlan {
  return {
    band: { low: given * 0.85, mid: given, high: Math.min(1, given * 1.15) },
    source: 'given by the user',
    stepMid: given,
    stepShare: 1,
    load: 1,
    loadNotes: [],
    text: () => `Utilisation ${fmtPct(given)} of the dense 16-bit peak as given (±15 %)`,
  };
}

function peftLabel(inputs: RunInputs): string {
  return inputs.peft!.method === 'qlora' ? 'QLoRA' : 'LoRA';
}

export function planWorkUtilisation(
  inputs: RunInputs,
  accel: Accelerator,
  devices: number,
  work: WorkPlan,
  opts: UtilisationOptions = {},
): UtilisationPlan {
  if (work.kind === 'tokens') return planUtilisation(inputs, accel, devices, work.params, opts, work);
  const row = work.arch?.runFactor;
  const plan =
    work.family === 'transformer'
      ? planUtilisation({ ...inputs, microBatch: undefined, seqLen: undefined }, accel, devices, work.params, opts)
      : planConvUtilisation(inputs, accel, devices, work, opts);
  // A row's run factor (video clips: decoding and 3D kernels, core/data/video.ts) slows the run outside the FLOPs
  // its steps count: a given utilisation and a per-step estimate stay as they are.
  if (!row || validFraction(inputs.mfu) !== undefined || opts.scope === 'step') return plan;
  const f = row.factor;
  return {
    ...plan,
    band: { low: plan.band.low * f, mid: plan.band.mid * f, high: plan.band.high * f },
    source: `${plan.source}; × ${f} for ${row.why} (${row.source})`,
    stepShare: plan.stepShare * f,
    text: (p: PrecisionPlan) => `${plan.text(p)}; × ${f} for ${row.why}`,
  };
}

function planConvUtilisation(
  inputs: RunInputs,
  accel: Accelerator,
  devices: number,
  work: WorkPlan,
  opts: UtilisationOptions,
): UtilisationPlan {
  const given = validFraction(inputs.mfu);
  if (given !== undefined) return givenUtilisation(given);
  const k = opts.constants ?? defaultConstants();
  const family = work.family === 'depthwise' ? 'depthwise' : 'convnet';
  const step = visionStepUtilisation(family, accel.arch, k.baseMfu);
  // A half-rate GeForce card slows only the tensor-bound share of a convolutional step (compute.ts).
  const geforce = halfRateAccumulate(accel);
  const stepU = geforce ? geforceConvUtilisation(step.u) : step.u;
  const fScale = scaleFactor(devices);
  const fPeft = inputs.peft ? 1 / peftStepRatio(inputs.peft.method, work.params ?? 0) : 1;
  const runEff = opts.scope === 'step' ? 1 : k.visionRunEfficiency;
  const regime: RunRegime = work.arch ? 'vision' : 'unnamed';
  const spread = bandFor(k, regime, accel);
  const mid = stepU * runEff * fScale * fPeft;
  const band = { low: mid * spread.low, mid, high: Math.min(0.75, mid * spread.high) };
  const what = family === 'depthwise' ? 'depthwise-separable convolutional network' : 'convolutional network';
  const parts = [`${fmtPct(step.u)} step utilisation of a ${what} on ${accel.arch} at 16-bit`];
  if (geforce)
    parts.push(
      `→ ${fmtPct(stepU)} of this GeForce card's halved FP32-accumulate peak (only the tensor-bound share of a convolutional step slows down)`,
    );
  if (runEff !== 1) parts.push(`× ${round(runEff, 2)} for evaluation, data loading and restarts`);
  if (fScale < 1) parts.push(`× ${round(fScale, 2)} for ${devices} devices`);
  if (fPeft !== 1) parts.push(`× ${round(fPeft, 2)} for ${peftLabel(inputs)}`);
  return {
    band,
    source: `${step.source}; run efficiency fitted on the vision development cases (core/fit.ts); band ${spread.text}`,
    stepMid: stepU * fScale,
    stepShare: runEff,
    load: 1,
    loadNotes: [],
    regime,
    text: (p: PrecisionPlan) => {
      const eff = (p.peakTflops * mid) / (p.slowdown?.mid ?? 1);
      return (
        `Utilisation ${fmtPctRange(band.low, band.high)} (mid ${fmtPct(mid)}) of the ${round(p.peakTflops, 1)} TFLOPS dense 16-bit peak: ` +
        `${parts.join(' ')}${work.arch ? '' : ' (no architecture given: a dense convolutional network assumed)'}; ≈${round(eff, 1)} effective TFLOPS per device at ${p.effective}; ${spread.short}`
      );
    },
  };
}

/**
 * Utilisation (MFU against the dense 16-bit peak) from what is known: architecture, size, devices, batch, PEFT,
 * mixture-of-experts.
 */
export function planUtilisation(
  inputs: RunInputs,
  accel: Accelerator,
  devices: number,
  n: number | undefined,
  opts: UtilisationOptions = {},
  work?: WorkPlan,
): UtilisationPlan {
  const given = validFraction(inputs.mfu);
  if (given !== undefined) return givenUtilisation(given);
  const k = opts.constants ?? defaultConstants();
  const base = k.baseMfu[accel.arch] ?? k.baseMfu.other;
  // No size factor for a model of unknown size (the knee of a high-ridge device is above 1B: a default would penalise it).
  const fSize = n === undefined ? 1 : sizeFactorOn(n, k.sizeSlope, inputs.devices, ridgeRatio(accel));
  const fScale = scaleFactor(devices);
  const fBatch = batchFactor(inputs.microBatch, inputs.seqLen);
  const moe =
    inputs.activeParams !== undefined && inputs.params !== undefined && inputs.activeParams < inputs.params * 0.95;
  // Plain data parallelism: the gradient all-reduce of a small model on several nodes (core/comm-bound.ts); LoRA
  // exchanges only its adapters' gradients.
  const comm =
    work?.kind === 'tokens' && !moe && !inputs.peft
      ? dataParallelComm(n, work.units, inputs.devices, accel, inputs)
      : undefined;
  const fComm = comm?.factor ?? 1;
  const fMoe = moe ? moeEfficiencyAt(k.moeEfficiency, inputs.activeParams!) : 1;
  // PEFT: LoRA's FLOPs per token are lower (4N + 6N_trainable) but a step costs about as much as a full fine-tune's;
  // the utilisation carries the difference so that time = full fine-tune time × peftStepRatio.
  let fPeft = 1;
  if (inputs.peft) {
    const nn = n ?? 1e9;
    const frac = validFraction(inputs.peft.trainableFraction) ?? DEFAULT_PEFT_FRACTION;
    const att = work?.flops?.attentionPerToken ?? 0;
    const ratioFlops = ((4 + 6 * frac) * nn + att) / (6 * nn + att);
    fPeft = ratioFlops / peftStepRatio(inputs.peft.method, inputs.params ?? nn);
  }
  const runEff = opts.scope === 'step' ? LLM_RUN_EFFICIENCY : 1;
  const regime = regimeOf({ vision: false, moe, params: n, devices: inputs.devices });
  const spread = bandFor(k, regime, accel);
  const mid = (base.mfu * fSize * fScale * fBatch * fPeft * fMoe * fComm) / runEff;
  const band = { low: mid * spread.low, mid, high: Math.min(0.75, mid * spread.high) };
  const parts: string[] = [`${fmtPct(base.mfu)} for ${accel.arch} at 16-bit`];
  if (round(fSize, 2) < 1) {
    const r = ridgeRatio(accel);
    const knee =
      r === 1
        ? ''
        : ` (below ${fmtNum(sizeKnee(r))} on a device with ${round(r, 2)}× the A100's peak FLOPs per byte of memory bandwidth, memory-bound work takes a larger share of its steps)`;
    parts.push(`× ${round(fSize, 2)} for a ${fmtNum(n!)}-parameter model${knee}`);
  }
  if (fScale < 1) parts.push(`× ${round(fScale, 2)} for ${devices} devices`);
  if (comm)
    parts.push(
      `× ${round(fComm, 2)} for the gradient all-reduce between nodes (a global batch of ≈${fmtTokens(comm.batch)} tokens assumed, ${fmtTokens(comm.tokensPerDevice)} per device)`,
    );
  if (fBatch < 1) parts.push(`× ${round(fBatch, 2)} for ${inputs.microBatch}×${inputs.seqLen} tokens per micro-step`);
  if (fMoe !== 1)
    parts.push(`× ${round(fMoe, 2)} for a mixture-of-experts model (small expert matmuls, routing and all-to-all)`);
  if (fPeft !== 1)
    parts.push(
      `× ${round(fPeft, 2)} for ${peftLabel(inputs)} (its steps cost ${round(peftStepRatio(inputs.peft!.method, inputs.params ?? n ?? 1e9), 2)}× a full fine-tune's although it computes fewer FLOPs)`,
    );
  if (runEff !== 1) parts.push(`÷ ${runEff} (training steps only, no evaluation or restarts)`);
  const loadNotes: string[] = [];
  const batchLoad = powerBatchLoad(n, inputs.microBatch, inputs.seqLen);
  if (batchLoad < 1)
    loadNotes.push(`${inputs.microBatch}×${inputs.seqLen} tokens per micro-step of a ${fmtNum(n!)}-parameter model`);
  const peftLoad = inputs.peft ? LORA_POWER_LOAD : 1;
  if (inputs.peft) loadNotes.push(`${peftLabel(inputs)} (frozen weights)`);
  return {
    band,
    source:
      `${base.source}; size slope and MoE efficiency fitted on the development cases (core/fit.ts); band ${spread.text}; multi-node factor after Llama 3 paper Table 4` +
      (comm
        ? '; all-reduce factor from core/comm-bound.ts (batch law: DeepSeek-AI 2024; DGX A100 datasheet 2020; PyTorch DDP, Li et al. 2020)'
        : '') +
      (fPeft !== 1
        ? '; LoRA step time from bench/gpu-energy/RESULTS.md (H200, 2026: 231 vs 223 ms at 774 M) and Hu et al. 2021 §4.2 (25 % faster at 175B)'
        : ''),
    stepMid: (base.mfu * fSize * fScale * fBatch * fMoe * fComm) / LLM_RUN_EFFICIENCY,
    stepShare: opts.scope === 'step' ? 1 : LLM_RUN_EFFICIENCY,
    load: Math.min(1, batchLoad * peftLoad),
    loadNotes,
    regime,
    text: (p: PrecisionPlan) => {
      const eff = (p.peakTflops * mid) / (p.slowdown?.mid ?? 1);
      return (
        `Utilisation ${fmtPctRange(band.low, band.high)} (mid ${fmtPct(mid)}) of the ${round(p.peakTflops, 1)} TFLOPS dense 16-bit peak: ` +
        `${parts.join(' ')}; ≈${round(eff, 1)} effective TFLOPS per device at ${p.effective}; ${spread.short}`
      );
    },
  };
}

/** Tokens for a sentence: 0.93 M, 3.6k, 512. */
function fmtTokens(x: number): string {
  if (x >= 1e6) return `${round(x / 1e6, 2)} M`;
  if (x >= 1e4) return `${Math.round(x / 1e3)}k`;
  if (x >= 1e3) return `${round(x / 1e3, 1)}k`;
  return String(Math.round(x));
}

const REGIME_NAMES: Record<RunRegime, string> = {
  large: 'large',
  small: 'small multi-node',
  single: 'one-node',
  moe: 'mixture-of-experts',
  vision: 'per-sample',
  unnamed: 'per-sample',
};

/**
 * The utilisation band of a run: the 90 % prediction interval of the out-of-family residuals of its regime, widened for
 * hardware no development case ran on (core/fit-spread.ts).
 */
function bandFor(k: FittedConstants, regime: RunRegime, accel: Accelerator) {
  const unseen = !k.seenHardware.includes(hardwareKey(accel));
  const s = spreadFor(k.spreads, regime, unseen);
  const kind = REGIME_NAMES[regime];
  return {
    low: s.low,
    high: s.high,
    text: `${round(s.low, 2)}–${round(s.high, 2)}× of the mid value: 90 % prediction interval of ${s.label} (core/fit-spread.ts)`,
    short:
      `the range is the core's leave-one-out error on ${kind} published runs` +
      (unseen
        ? `, widened: no published run in its development set used ${accel.arch} ${hardwareKey(accel).endsWith('desk') ? 'desktop cards' : 'hardware'}`
        : ''),
  };
}

/**
 * [S] Power load of a LoRA step relative to a full fine-tune: 566 vs 605 W on H200 at 774 M parameters
 * (bench/gpu-energy/RESULTS.md (H200, 2026)): 0.935 of the full fine-tune's power, as a load of 0.9 on the sqrt curve.
 */
export const LORA_POWER_LOAD = 0.9;

/**
 * [I] Power load of a micro-step from the work it gives the device, W = 6·N·T FLOPs (N parameters, T tokens per device
 * per micro-step): p(W)/p(10¹³) with p(x) = x/(x + 10¹²), capped at 1. Small matrices and short kernels leave the device
 * waiting between launches, so power falls with the work per step and saturates near the limit for large steps (ML.ENERGY
 * leaderboard and Zeus batch-size sweeps, Chung et al. 2023–2024). On H200 a 185 M model at 16,384 tokens (1.8·10¹³
 * FLOPs per step) drew 96 % of the limit (bench/gpu-energy/RESULTS.md (H200, 2026)): load 1 here. A BERT-base fine-tune at
 * 8 × 128 tokens (6.8·10¹¹) gets 0.45, i.e. ≈ 68 % of the limit.
 */
export function powerBatchLoad(params: number | undefined, microBatch?: number, seqLen?: number): number {
  if (!(microBatch! > 0) || !(seqLen! > 0) || !(params! > 0)) return 1;
  const p = (x: number) => x / (x + 1e12);
  return Math.min(1, p(6 * params! * microBatch! * seqLen!) / p(1e13));
}
