// Where a run fits: how many devices of its accelerator its memory needs (weights, gradients and optimizer states
// sharded ZeRO-3/FSDP-style over them; activations per device), and the smallest accelerator in the table that holds it
// on one device. LoRA's gain is here — frozen weights need no gradients or optimizer states — not in FLOPs: per step it
// costs about what a full fine-tune costs (core/compute.ts peftStepRatio), so its saving is fewer or smaller devices.

import { ACCELERATORS } from './data/accelerators';
import { estimateMemoryDetailed } from './memory';
import { resolveAccelerator } from './resolve';
import type { Accelerator, RunInputs } from './types';

export interface DeviceFit {
  /** Memory the run needs on one device when not sharded (mid), GB. */
  singleDeviceGB: number;
  /** The accelerator the run names (resolved), if any. */
  accelerator?: Accelerator;
  /** Fewest devices of that accelerator that hold the run with states sharded over them (undefined: none does). */
  devicesNeeded?: number;
  /** Smallest-memory data-centre or workstation accelerator in the table that holds the run on one device. */
  smallestSingle?: Accelerator;
}

/** Usable share of device memory (allocator fragmentation, CUDA context). [I] 0.9. */
const USABLE = 0.9;

/** Memory fit of a run (parameters needed). Pure; undefined when the memory cannot be modelled. */
export function deviceFit(inputs: RunInputs): DeviceFit | undefined {
  const one = estimateMemoryDetailed({ ...inputs, devices: 1, zeroStage: 0 });
  if (!one) return undefined;
  const single = one.breakdown.totalGB.mid;
  const r = inputs.hardware ? resolveAccelerator(inputs.hardware) : undefined;
  const accel = r && r.ok ? r.value : undefined;
  let devicesNeeded: number | undefined;
  if (accel) {
    for (let d = 1; d <= 1024; d *= 2) {
      const m = estimateMemoryDetailed({ ...inputs, devices: d, zeroStage: d > 1 ? 3 : 0 });
      if (m && m.breakdown.totalGB.mid <= accel.memoryGB * USABLE) {
        devicesNeeded = d;
        break;
      }
    }
  }
  const smallestSingle = ACCELERATORS.filter((a) => a.vendor !== 'apple' && single <= a.memoryGB * USABLE)
    .slice()
    .sort((a, b) => a.memoryGB - b.memoryGB || a.powerW - b.powerW)[0];
  return { singleDeviceGB: single, accelerator: accel, devicesNeeded, smallestSingle };
}
