// Utilisation (model FLOPs utilisation against the dense 16-bit peak): token workloads from architecture, size,
// devices, batch and PEFT; per-sample workloads (vision, audio) from the family's step utilisation.

import {
  BASE_MFU,
  Band,
  MFU_SPREAD,
  PEFT_UTILISATION,
  PrecisionPlan,
  VISION_RUN_EFFICIENCY,
  batchFactor,
  fmtPct,
  fmtPctRange,
  scaleFactor,
  sizeFactor,
  validFraction,
  visionStepUtilisation,
} from './compute';
import { round } from './energy';
import { WorkPlan, fmtNum } from './estimate-model';
import { Accelerator, RunInputs } from './types';

export interface UtilisationPlan {
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

export function planWorkUtilisation(
  inputs: RunInputs,
  accel: Accelerator,
  devices: number,
  work: WorkPlan,
): UtilisationPlan {
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
