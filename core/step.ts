// Per-step estimates: time, accelerator energy and power of one optimizer step, for comparison with a measurement of
// training steps (bench/gpu-energy/compare.mjs). Same model as estimate(), at step scope: step utilisation (no
// evaluation, restarts or stalls) and step power (no idle share), PUE 1, accelerators only.

import { estimate } from './estimate';
import type { FittedConstants } from './fit';
import type { Assumption, Range, RunInputs } from './types';

export interface StepEstimate {
  /** Wall-clock seconds per step. */
  seconds: Range;
  /** Accelerator energy per step, joules, summed over devices. */
  joules: Range;
  /** Average accelerator power per device, W (mid joules ÷ mid seconds ÷ devices). */
  powerW: number;
  /** "flops" when the step could be modelled, else "insufficient-inputs". */
  method: string;
  assumptions: Assumption[];
  warnings: string[];
}

/**
 * Estimate one training step. `inputs.tokens` (token workloads) or `inputs.samples` (per-sample workloads, epochs 1)
 * is the work of ONE step across all devices; everything else as for estimate(). Never throws.
 */
export function estimateStep(inputs: RunInputs, options: { constants?: FittedConstants } = {}): StepEstimate {
  const e = estimate(
    { ...inputs, epochs: inputs.samples !== undefined ? 1 : inputs.epochs, pue: 1, intensity: 0, gpuHours: undefined },
    { constants: options.constants, scope: 'step' },
  );
  const devices = e.devices > 0 ? e.devices : 1;
  const scale = (r: Range, k: number): Range => ({ low: r.low * k, mid: r.mid * k, high: r.high * k });
  const seconds = scale(e.gpuHours, 3600 / devices);
  const accel = e.energyBreakdownKWh?.accelerators ?? { low: 0, mid: 0, high: 0 };
  const joules = scale(accel, 3.6e6);
  return {
    seconds,
    joules,
    powerW: seconds.mid > 0 ? joules.mid / seconds.mid / devices : 0,
    method: e.method,
    assumptions: e.assumptions,
    warnings: e.warnings,
  };
}
