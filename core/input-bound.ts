// Input-bound pipelines: a PyTorch DataLoader with num_workers=0 decodes and augments images in the training process,
// between steps, so the accelerator waits on one CPU core. Only per-sample image workloads are capped: tokenised text
// loads in microseconds per sample and is never the bottleneck at these rates.

import type { Band } from './compute';
import type { WorkPlan } from './estimate-model';
import type { RunInputs } from './types';

/**
 * [S]/[I] Images per second one Python process decodes and augments (JPEG decode + RandomResizedCrop + flip + to-tensor at
 * 224²): 80–300, mid 150. PyTorch Performance Tuning Guide (2023), "Enable async data loading and augmentation" (workers
 * overlap loading with compute); NVIDIA DALI documentation (2023): CPU JPEG decoding caps ResNet-50 training well
 * below GPU throughput; Pillow-SIMD benchmarks put a decode + resize at 3–10 ms per ImageNet image on one core [I].
 */
export const MAIN_PROCESS_IMAGES_PER_S: Band = { low: 80, mid: 150, high: 300 };

export interface InputBoundPlan {
  /** Minimum device-seconds per sample the loader allows, per level of the utilisation factor (high = fast loading). */
  secondsPerUnit: Band;
  text: string;
  source: string;
  /** Assumption key, override hint and the words of the power assumption (defaults: the input-bound loader). */
  key?: string;
  override?: string;
  powerNote?: string;
  /**
   * Power of the device while it waits, as a fraction of its limit, per power level; undefined = idle
   * (core/energy.ts IDLE_POWER_FRACTION): a device waiting for its loader has nothing queued and idles.
   */
  waitPowerFraction?: Band;
}

/** The loader's cap on throughput, when the run trains an image model with a loader that has no workers. */
export function inputBoundPlan(inputs: RunInputs, work: WorkPlan | undefined): InputBoundPlan | undefined {
  if (inputs.dataLoaderWorkers !== 0 || !work || work.kind !== 'samples') return undefined;
  if (work.arch && work.arch.modality !== 'vision') return undefined;
  const r = MAIN_PROCESS_IMAGES_PER_S;
  return {
    // low utilisation level ↔ slow loading (more seconds per sample)
    secondsPerUnit: { low: 1 / r.low, mid: 1 / r.mid, high: 1 / r.high },
    text:
      `Input-bound: the DataLoader has num_workers=0, so each device waits while its training process decodes and augments ` +
      `images: at most ${r.low}–${r.high} (mid ${r.mid}) images per second per device; the device idles (and draws less power) for the rest`,
    source:
      'PyTorch Performance Tuning Guide (2023), "Enable async data loading and augmentation"; NVIDIA DALI docs (2023) on CPU-bound JPEG decoding',
  };
}
