// Shared by GML207 and GML205: does a configuration fit the device, and which smaller micro-batch does.
import { estimateMemory, resolveAccelerator, type MemoryBreakdown, type RunInputs } from '../core/index';
import * as fmt from '../engine/format';
import type { RuleContext } from './types';

/** Usable share of device memory (allocator fragmentation, CUDA context headroom). */
export const USABLE_FRACTION = 0.95;

/**
 * A run that offloads the optimizer states or the weights to CPU or NVMe (DeepSpeed's ZeRO-Offload, FSDP's CPU offload:
 * engine/extract/fsdp-offload.ts) keeps less on the GPU than the memory model counts: whether it fits or is tight is
 * not judged.
 */
export const offloaded = (ctx: RuleContext): boolean => ['cpu', 'nvme'].includes(String(ctx.value('offload')));

export function fits(m: MemoryBreakdown | undefined, by: 'low' | 'mid' | 'high' = 'mid'): boolean | undefined {
  if (!m?.deviceGB) return undefined;
  return m.totalGB[by] <= m.deviceGB * USABLE_FRACTION;
}

/** The largest divisor of the micro-batch that fits, keeping the global batch through gradient accumulation. */
export function largestFittingMicroBatch(
  ctx: RuleContext,
  micro: number,
  extra: Partial<RunInputs> = {},
): number | undefined {
  for (let m = micro - 1; m >= 1; m--) {
    if (micro % m !== 0) continue;
    if (fits(ctx.memory({ ...extra, microBatch: m }))) return m;
  }
  return undefined;
}

export function breakdown(m: MemoryBreakdown): string {
  return `weights ${fmt.num(m.weightsGB)} GB, gradients ${fmt.num(m.gradientsGB)} GB, optimizer ${fmt.num(m.optimizerGB)} GB, activations ${fmt.num(m.activationsGB)} GB`;
}

/**
 * Reference devices for a run whose hardware is not stated (most public configs): a claim that something *fits* is
 * checked on a 24 GB card (L4/A10/RTX 4090 class, the smallest commonly used to train), a claim that something does
 * *not* fit on an 80 GB one (A100/H100, the largest common) — so either claim holds on the GPUs people train on.
 * Findings resting on them are information and name the reference.
 */
export const SMALL_REFERENCE = 'l4';
export const LARGE_REFERENCE = 'h100';

/** Memory of the run (with a change) on a named reference device; undefined when the memory model does not apply. */
export function memoryOn(
  ctx: RuleContext,
  hardware: string,
  change: Partial<RunInputs> = {},
): (MemoryBreakdown & { device: string }) | undefined {
  if (!ctx.memory(change)) return undefined; // per-sample (vision/audio) runs, unknown model size
  const r = resolveAccelerator(hardware);
  if (!r.ok) return undefined;
  const m = estimateMemory({ ...ctx.shape.inputs, ...change }, r.value);
  return m && { ...m, device: r.value.name };
}
