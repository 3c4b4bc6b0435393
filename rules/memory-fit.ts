// Shared by GML207 and GML205: does a configuration fit the device, and which smaller micro-batch does.
import type { MemoryBreakdown, RunInputs } from '../core/index';
import * as fmt from '../engine/format';
import type { RuleContext } from './types';

/** Usable share of device memory (allocator fragmentation, CUDA context headroom). */
export const USABLE_FRACTION = 0.95;

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
