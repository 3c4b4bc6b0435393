// A run whose model states cannot fit the devices it names: it trained with memory savings, and the one that costs
// compute is activation checkpointing (core/prepare.ts adds its recomputation, as for a run that states it).

import { estimateMemoryDetailed } from './memory';
import type { Accelerator, RunInputs } from './types';

/** [I] Usable share of device memory (allocator fragmentation, CUDA context): core/device-fit.ts's 0.9. */
const USABLE = 0.9;

/**
 * [I] Devices of one node (8 GPUs per HGX/DGX board): within a node a run's memory is the states sharded over its
 * devices ZeRO-3/FSDP-style (core/memory.ts). Larger runs split layers over devices (tensor and pipeline parallelism,
 * Shoeybi et al. 2019; Narayanan et al. 2021) in ways the inputs do not state, so no inference is drawn for them.
 */
const ONE_NODE = 8;

export interface MemoryBound {
  /** Model states (weights, gradients, optimizer) per device of a full-parameter run, fully sharded, GB. */
  statesGB: number;
  /** Usable memory of one device, GB. */
  usableGB: number;
  /** The sentence for the estimate's assumption. */
  why: string;
}

/**
 * [S] Activation checkpointing inferred from memory: when the model states of a full-parameter run (16 B per parameter
 * under mixed-precision Adam, Rajbhandari et al. 2020, ZeRO §3.1), sharded over every device the run names, exceed
 * their memory, the run could not hold them as a plain full fine-tune: it used a frozen or 4-bit base (LoRA, QLoRA),
 * offloading or 8-bit states, and the recipes for those turn activation checkpointing on — PEFT's
 * `prepare_model_for_kbit_training(use_gradient_checkpointing=True)` (huggingface/peft `src/peft/utils/other.py`), the
 * QLoRA script's `--gradient_checkpointing True` default (artidoro/qlora `qlora.py`, Dettmers et al. 2023), the HF
 * guide "Efficient training on a single GPU" for models that do not fit. Only where the run names its devices (one
 * node at most) and does not state checkpointing either way.
 */
export function memoryBound(inputs: RunInputs, accel: Accelerator | undefined): MemoryBound | undefined {
  const devices = inputs.devices;
  if (!accel || !(accel.memoryGB > 0) || inputs.gradCheckpointing !== undefined) return undefined;
  if (devices === undefined || !(devices >= 1) || devices > ONE_NODE) return undefined;
  const full = estimateMemoryDetailed({ ...inputs, peft: undefined, pureHalf: undefined, zeroStage: 3 });
  if (!full) return undefined;
  const b = full.breakdown;
  const statesGB = b.weightsGB + b.gradientsGB + b.optimizerGB;
  const usableGB = accel.memoryGB * USABLE;
  if (statesGB <= usableGB) return undefined;
  const d = Math.floor(devices);
  return {
    statesGB,
    usableGB,
    why:
      `the model states of a full-parameter run (${Math.round(statesGB)} GB per device with weights, gradients and Adam states sharded over ${d} device${d === 1 ? '' : 's'}) ` +
      `exceed the ${Math.round(usableGB)} GB usable on each ${accel.name}: a run that fits trains with memory savings (LoRA/QLoRA, offloading), whose recipes turn activation checkpointing on`,
  };
}
