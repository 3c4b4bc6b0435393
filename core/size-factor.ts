// The size factor of the utilisation model: small models lose utilisation to memory-bound work and fixed per-step
// overheads, and how small "small" is depends on the accelerator's roofline ridge (peak FLOPs per byte of memory
// bandwidth, core/data/bandwidth.ts).

import { MEMORY_BANDWIDTH } from './data/bandwidth';

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * [F] Small models run at lower utilisation (small matrices, launch overhead). Factor = 1 + slope·log10(N / knee),
 * capped at 1 above the knee and floored at 0.15; the knee is 1B parameters on the reference accelerator and moves with
 * its roofline ridge (ridgeRatio). The slope is fitted by core/fit.ts on the development cases below the knee (Pythia
 * 70M–410M, GPT-2 124M in llm.c); 0.25 is the prior.
 */
export function sizeFactorAt(params: number, slope: number, ridge = 1): number {
  if (!(params > 0)) return 1;
  return clamp(1 + slope * Math.log10(params / sizeKnee(ridge)), 0.15, 1);
}

/**
 * [D] Parameter count below which a model loses utilisation to memory-bound work, on an accelerator whose roofline ridge
 * (peak FLOPs per byte of memory bandwidth) is `ridge` × the reference's. Per token and layer a transformer does ≈72·h²
 * matmul FLOPs (h the hidden size) and moves a number of bytes proportional to h in its memory-bound operations
 * (normalisation, activations, residual adds, softmax, dropout; Korthikanti et al. 2022, "Reducing Activation
 * Recomputation in Large Transformer Models", §4: 34·h bytes of activations per token and layer). The memory-bound share
 * of a step therefore goes as ridge ÷ h: a device with twice the ridge loses at hidden size 2h what the reference loses
 * at h, and since N ∝ h³ at standard shapes (N ≈ 12·L·h², L ∝ h), at 2³ = 8× the parameters. Knee = 1B × ridge³,
 * bounded to 0.1–30B.
 */
export function sizeKnee(ridge: number): number {
  return 1e9 * clamp(ridge, 0.46, 3.1) ** 3;
}

/**
 * [S] Roofline ridge of the reference accelerator, A100 SXM4 80 GB: 312 dense bf16 TFLOPS ÷ 2,039 GB/s = 153 FLOPs per
 * byte (core/data/bandwidth.ts). The size slope was first fitted on A100 runs (Pythia, llm.c).
 */
export const REFERENCE_RIDGE = 312e12 / 2039e9;

/**
 * [D] An accelerator's roofline ridge (dense 16-bit peak ÷ memory bandwidth) relative to the reference A100's: H100 SXM
 * 989 TFLOPS ÷ 3.35 TB/s = 1.93×, H200 1.35×, A100 40 GB 1.31×, V100 0.91×, TPU v3 0.89×, RTX 3090 0.50×, L40S 2.74×.
 * 1 where the bandwidth is not in core/data/bandwidth.ts.
 */
export function ridgeRatio(a: { id: string; tflops: Partial<Record<string, number>> }): number {
  const bw = MEMORY_BANDWIDTH[a.id]?.gbs ?? 0;
  const peak = a.tflops.bf16 ?? a.tflops.fp16 ?? a.tflops.fp32 ?? 0;
  if (!(bw > 0) || !(peak > 0)) return 1;
  return (peak * 1e12) / (bw * 1e9) / REFERENCE_RIDGE;
}

/**
 * The size factor of a run on a number of devices: none on one device. [I] What a small model loses against a large
 * one is fixed per-step work (gradient all-reduce, optimizer and launch overheads spread over fewer FLOPs) that grows
 * with the devices it synchronises: on one device there is no all-reduce, and published one-device runs of 22 M–1 B
 * models (core/validation: gpt2-4090-speedrun, gpuburnout-1b, nanochat, tinystories, forgelm) ran at or above the
 * large-model utilisation, where the slope fitted on many-device runs (Pythia) predicted 40–80 % of it. The launch
 * floor of small micro-steps (core/launch-bound.ts) still applies.
 */
export function sizeFactorOn(params: number, slope: number, devices: number | undefined, ridge = 1): number {
  return devices === 1 ? 1 : sizeFactorAt(params, slope, ridge);
}

/** sizeFactorAt with the prior slope (0.25); the estimator uses the fitted slope (core/fit.ts). */
export function sizeFactor(params: number): number {
  return sizeFactorAt(params, 0.25);
}
