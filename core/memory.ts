// Training memory per device: weights, gradients, optimizer states, activations and framework overhead.
//
// Byte counts follow the ZeRO paper's accounting (Rajbhandari et al. 2020, §3.1): mixed-precision Adam keeps 16-bit
// weights (2 B) and gradients (2 B) plus an fp32 master copy and two fp32 moments (K = 12 B), 16 B per parameter
// (7.5B parameters → 120 GB). PyTorch AMP holds fp32 weights and gradients instead; the total is the same 16 B.
// Activations follow Korthikanti et al. 2022, "Reducing Activation Recomputation in Large Transformer Models", §4:
// s·b·h·(34 + 5·a·s/h) bytes per layer at 16 bits without tensor/sequence parallelism.
// GB here means 10^9 bytes.

import { approxShape, DEFAULT_PEFT_FRACTION, validFraction } from './compute';
import type { Accelerator, MemoryBreakdown, ModelShape, OptimizerKind, RunInputs } from './types';

const GB = 1e9;

/** [S] QLoRA base weights: NF4 4-bit + double-quantised constants (≈0.127 bit/param, Dettmers et al. 2023 §3) + unquantised embeddings and norms ≈ 0.55 B/param [I]. */
export const QLORA_BYTES_PER_PARAM = 0.55;

/** [S] CUDA context and allocator reserve: ≈1–2 GB per process (PyTorch CUDA semantics docs; HF model-memory anatomy guide). */
export const OVERHEAD_GB = { low: 1.0, mid: 1.5, high: 2.0 };

/** Defaults used when the run does not say (stated in the estimate's assumptions). */
export const MEMORY_DEFAULTS = { microBatch: 1, seqLen: 2048, optimizer: 'adamw' as OptimizerKind };

export interface MemoryDetail {
  breakdown: MemoryBreakdown;
  /** Sentences describing what was assumed. */
  notes: string[];
}

/** Bytes per trainable parameter held by the optimizer (incl. an fp32 master copy under mixed precision). */
export function optimizerBytesPerParam(opt: OptimizerKind, mixed: boolean, hidden: number, momentum = true): number {
  const master = mixed ? 4 : 0;
  switch (opt) {
    case 'adamw':
      return master + 8; // two fp32 moments
    case 'adamw-8bit':
      return master + 2; // two 8-bit moments (bitsandbytes; Dettmers et al. 2022)
    case 'sgd':
      return master + (momentum ? 4 : 0);
    case 'adafactor':
      // Factored second moment: row + column statistics ≈ 4·(r + c) bytes per r×c matrix ≈ 8/h bytes per parameter
      // (Shazeer & Stern 2018); no first moment (the HF default beta1 = None).
      return master + 8 / Math.max(1, hidden);
    default:
      return master + 8;
  }
}

const fmtBytes = (n: number) => String(Math.round(n * 100) / 100);

/** Memory per device; undefined when the parameter count is unknown. */
export function estimateMemory(inputs: RunInputs, accel?: Accelerator): MemoryBreakdown | undefined {
  return estimateMemoryDetailed(inputs, accel)?.breakdown;
}

export function estimateMemoryDetailed(inputs: RunInputs, accel?: Accelerator): MemoryDetail | undefined {
  const params = inputs.params;
  if (params === undefined || !Number.isFinite(params) || params <= 0) return undefined;
  const notes: string[] = [];
  const precision = inputs.precision ?? 'bf16';
  const mixed = precision !== 'fp32' && precision !== 'tf32';
  const compute = mixed ? 2 : 4;
  const opt = inputs.optimizer ?? MEMORY_DEFAULTS.optimizer;
  const devices = inputs.devices !== undefined && inputs.devices >= 1 ? Math.floor(inputs.devices) : 1;
  const stage = inputs.zeroStage ?? 0;
  const shape: ModelShape = inputs.shape ?? approxShape(params);
  const momentum = inputs.momentum ?? true;

  let weights: number;
  let grads: number;
  let optimizer: number;
  if (inputs.peft) {
    const frac = validFraction(inputs.peft.trainableFraction) ?? DEFAULT_PEFT_FRACTION;
    const trainable = params * frac;
    const baseBytes = inputs.peft.method === 'qlora' ? QLORA_BYTES_PER_PARAM : compute;
    // Adapters are kept in fp32 by PEFT under AMP: 4 B weights, 4 B gradients, optimizer states without a master copy.
    weights = params * baseBytes + trainable * 4;
    grads = trainable * 4;
    optimizer = trainable * optimizerBytesPerParam(opt, false, shape.hidden, momentum);
    notes.push(
      `${inputs.peft.method === 'qlora' ? 'QLoRA: 4-bit base weights (≈0.55 B/param)' : `LoRA: frozen ${compute * 8}-bit base weights`}, ` +
        `${fmtFrac(frac)} of parameters trained in fp32`,
    );
  } else if (inputs.pureHalf && mixed) {
    // Pure 16-bit training: optimizer states live in the parameters' dtype (torch.optim keeps them so), except
    // 8-bit optimizers, whose states are 8-bit anyway.
    weights = params * 2;
    grads = params * 2;
    const states = optimizerBytesPerParam(opt, false, shape.hidden, momentum);
    optimizer = params * (opt === 'adamw-8bit' ? states : states / 2);
    notes.push(
      `pure 16-bit training: weights, gradients and ${opt} states in 16-bit, no fp32 master copy (${fmtBytes(4 + optimizer / params)} B/param in all)`,
    );
  } else {
    weights = params * compute;
    grads = params * compute;
    optimizer = params * optimizerBytesPerParam(opt, mixed, shape.hidden, momentum);
    notes.push(
      mixed
        ? `mixed precision: 16-bit weights and gradients + fp32 master weights and ${opt} states (${2 + 2 + optimizerBytesPerParam(opt, true, shape.hidden, momentum)} B/param in all)`
        : `fp32: weights, gradients and ${opt} states (${4 + 4 + optimizerBytesPerParam(opt, false, shape.hidden, momentum)} B/param in all)`,
    );
  }

  // ZeRO / FSDP sharding over the data-parallel devices.
  if (devices > 1 && stage >= 1) {
    optimizer /= devices;
    if (stage >= 2) grads /= devices;
    if (stage >= 3) weights /= devices;
    notes.push(
      `ZeRO stage ${stage}: ${['', 'optimizer states', 'optimizer states and gradients', 'weights, gradients and optimizer states'][stage]} sharded over ${devices} devices`,
    );
  }

  const act = activationBytes(inputs, shape, mixed);
  notes.push(...act.notes);

  const fixed = weights + grads + optimizer;
  const totalLow = (fixed + act.low) / GB + OVERHEAD_GB.low;
  const totalMid = (fixed + act.mid) / GB + OVERHEAD_GB.mid;
  const totalHigh = (fixed + act.high) / GB + OVERHEAD_GB.high;
  const breakdown: MemoryBreakdown = {
    weightsGB: weights / GB,
    gradientsGB: grads / GB,
    optimizerGB: optimizer / GB,
    activationsGB: act.mid / GB,
    overheadGB: OVERHEAD_GB.mid,
    totalGB: { low: totalLow, mid: totalMid, high: totalHigh },
  };
  if (accel) {
    breakdown.deviceGB = accel.memoryGB;
    breakdown.fraction = totalMid / accel.memoryGB;
  }
  return { breakdown, notes };
}

/**
 * Activation bytes per device for one micro-batch (Korthikanti et al. 2022):
 *  - per layer, no recomputation: s·b·h·(34 + 5·a·s/h) at 16 bits. The 5·a·s/h term is the attention score matrices;
 *    fused attention kernels (PyTorch SDPA / FlashAttention, the default in current transformers) do not store them,
 *    so mid and low use 34·s·b·h and high keeps the full term (eager attention);
 *  - with activation checkpointing only each layer's input is kept (2·s·b·h per layer) plus one layer's full
 *    activations while it is recomputed;
 *  - plus the logits: s·b·V at 16 bits and again at fp32 for the loss (transformers upcasts them);
 *  - fp32 training stores everything at 4 bytes (×2).
 */
export function activationBytes(
  inputs: RunInputs,
  shape: ModelShape,
  mixed: boolean,
): { low: number; mid: number; high: number; notes: string[] } {
  const notes: string[] = [];
  const b = inputs.microBatch !== undefined && inputs.microBatch > 0 ? inputs.microBatch : MEMORY_DEFAULTS.microBatch;
  const s = inputs.seqLen !== undefined && inputs.seqLen > 0 ? inputs.seqLen : MEMORY_DEFAULTS.seqLen;
  if (inputs.microBatch === undefined || inputs.seqLen === undefined) {
    notes.push(
      `activations assume ${inputs.microBatch === undefined ? `micro-batch ${b}` : ''}${inputs.microBatch === undefined && inputs.seqLen === undefined ? ' and ' : ''}${inputs.seqLen === undefined ? `sequence length ${s}` : ''} (not stated)`,
    );
  }
  if (inputs.shape === undefined)
    notes.push(`shape approximated from the parameter count (${shape.layers} layers × ${shape.hidden} hidden)`);
  const { layers: L, hidden: h, heads: a } = shape;
  const vocab = shape.vocab ?? 32000;
  const width = mixed ? 1 : 2;
  const sbh = s * b * h;
  const layerFlash = sbh * 34;
  const layerEager = sbh * (34 + (5 * a * s) / h);
  const logits = s * b * vocab * (mixed ? 2 + 4 : 4 + 4);
  let low: number;
  let high: number;
  if (inputs.gradCheckpointing) {
    low = (L * 2 * sbh + layerFlash) * width + logits;
    high = (L * 2 * sbh + layerEager) * width + logits;
    notes.push('activation checkpointing: only layer inputs kept, one layer recomputed at a time');
  } else {
    low = L * layerFlash * width + logits;
    high = L * layerEager * width + logits;
  }
  return { low, mid: low, high, notes };
}

function fmtFrac(x: number): string {
  return `${Math.round(x * 1000) / 10} %`;
}
