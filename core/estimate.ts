// estimate(): device-hours, energy and CO2e of a training run, each a Range, with the assumptions that produced it.
//
// Method:
//   device-hours = stated GPU-hours                                   (method "stated-gpu-hours")
//                | FLOPs / (dense 16-bit peak × utilisation / precision slow-down) (method "flops")
//                | work × measured device-seconds per unit             (method "measured-throughput", from a calibration)
//     FLOPs      = 6·N·D (+ attention) for token workloads, or 3 × forward FLOPs per sample × samples × epochs for
//                  per-sample workloads (vision, audio, diffusion; core/data/vision-audio.ts)
//   energy       = device-hours × (accelerator power at its expected load + host share) × PUE (core/energy.ts powerFraction)
//                | device-hours × given power × PUE                    (when powerW is given: no factor, no host)
//                | device-hours × measured power (+ measured host) × PUE (calibrated; label "calibrated")
//                | device-hours × measured system power per chip × PUE (TPU v4: Accelerator.systemPowerW)
//                | device-hours × (measured chip power + host share) × PUE (TPU v3: Accelerator.chipPowerW)
//                + idle/infrastructure 59 % of accelerator energy      (includeIdle; Luccioni et al. 2022)
//                × development-runs multiplier                         (devRunsMultiplier)
//   CO2e         = energy × location-based grid intensity. Embodied emissions (embodied), a marginal-intensity
//                  sensitivity (marginal) and a market-based figure (marketIntensity) are reported beside it, never in it.
// When neither GPU-hours nor a workload (parameters and tokens, or forward FLOPs and samples) are known the method is
// "insufficient-inputs": every range is {0, 0, 0} and a warning names what is missing (0 is a placeholder, not an
// estimate; callers check `method`).
//
// Ranges. Each uncertain factor (utilisation, precision slow-down, recomputation, assumed hardware, busy fraction,
// host share, PUE, measurement extrapolation, embodied figure) has a low/mid/high value. The mid estimate uses every
// mid value. The range combines the factors as independent uncertainties: each factor is moved to its low and to its
// high value alone, and the resulting deviations of the output are added in quadrature (root-sum-square) in log space,
// separately upwards and downwards. This is narrower than multiplying every worst case, and wide enough to cover the
// development cases (scripts/validate-footprint.ts). If the result would still span more than 3× (high/low), it is
// narrowed symmetrically in log space to exactly 3× — except the embodied range, whose two published methods differ
// by more than that and are shown as they are.
//
// Code map: core/prepare.ts (the model of one run), core/workload.ts, core/utilisation.ts, core/run-assumptions.ts,
// core/ranges.ts, core/estimate-model.ts (types and factor levels); this file assembles the Estimate.

import { marginalFor } from './data/marginal';
import { round } from './energy';
import { PreparedRun } from './estimate-model';
import type { FittedConstants } from './fit';
import { estimateMemoryDetailed } from './memory';
import { prepareRun } from './prepare';
import { resolveAccelerator } from './resolve';
import { RANGE_CAP, rangeCapOf, rangesOf, scaleRange } from './ranges';
import type { Estimate, Range, RunInputs } from './types';

export { fmtNum, fmtSci, MEASUREMENT_SPREAD, OVERRIDE_HINTS } from './estimate-model';
export type { FactorKey, Level, Levels, Method, Point, PreparedRun, PrepareOptions, WorkPlan } from './estimate-model';
export { prepareRun } from './prepare';
export { combineLog, rangesOf } from './ranges';
export { planUtilisation } from './utilisation';
export { workUnits } from './workload';

// ------------------------------------------------------------------------------------------------ public API

/** Options of estimate(): constants fitted on other cases (validation), or per-step scope (estimateStep). */
export interface EstimateOptions {
  constants?: FittedConstants;
  scope?: 'run' | 'step';
}

/**
 * A processor named as the hardware (`cpu`, a Xeon, EPYC, Ryzen or Core part): the core models accelerators only, so a
 * CPU run gets no estimate rather than an A100-class one. Names the accelerator table knows (Apple M-series) resolve
 * first and are not caught here.
 */
const CPU_NAME = /^\s*cpus?\s*$|\b(cpu|xeon|epyc|ryzen|threadripper|core\s+(i[3579]|ultra)|graviton)\b/i;

/** Estimate a training run. Never throws. */
export function estimate(inputs: RunInputs, options: EstimateOptions = {}): Estimate {
  const hw = inputs.hardware?.trim();
  if (hw && CPU_NAME.test(hw) && !resolveAccelerator(hw).ok)
    return emptyEstimate(
      inputs,
      `"${hw}" is a CPU: the footprint core estimates accelerator (GPU/TPU) training only, so this run is not estimated; state the accelerator (--hardware) if it uses one.`,
    );
  try {
    const run = prepareRun(inputs, { constants: options.constants, scope: options.scope });
    return toEstimate(run);
  } catch (err) {
    return emptyEstimate(
      inputs,
      `Estimate failed on these inputs (${err instanceof Error ? err.message : String(err)}); nothing was computed.`,
    );
  }
}

function toEstimate(run: PreparedRun): Estimate {
  const r = rangesOf(run);
  const perSample = run.work?.kind === 'samples';
  const mem = perSample
    ? undefined
    : estimateMemoryDetailed({ ...run.inputs, precision: run.precision }, run.accelKnown ? run.accel : undefined);
  const assumptions = [...run.assumptions];
  if (mem) {
    assumptions.push({
      key: 'memory',
      text: `Memory per device: ${mem.notes.join('; ')}`,
      source: 'Rajbhandari et al. 2020 (ZeRO) §3.1; Korthikanti et al. 2022 §4',
    });
  } else if (perSample) {
    assumptions.push({
      key: 'memory',
      text: 'Memory per device not modelled for per-sample (vision, audio, diffusion) workloads: activations depend on the architecture',
    });
  }
  if (run.method !== 'insufficient-inputs' && run.factors.length > 0 && r.kWh.high > r.kWh.low) {
    assumptions.push({
      key: 'ranges',
      text:
        'Ranges combine the factor ranges above as independent uncertainties (root-sum-square in log space), capped at ' +
        `${round(rangeCapOf(run), 1)}× from low to high${rangeCapOf(run) > RANGE_CAP ? " (the span of the run's work: state it to narrow the range)" : ''}; the utilisation band is the spread of the core's leave-one-out errors on published runs of this kind`,
    });
  }
  const wall = (x: Range): Range => ({
    low: x.low / run.devices,
    mid: x.mid / run.devices,
    high: x.high / run.devices,
  });
  const warnings = [...run.warnings];
  const est: Estimate = {
    label: run.label,
    gpuHours: r.gpuHours,
    energyKWh: r.kWh,
    co2eKg: r.kg,
    wallHours: wall(r.gpuHours),
    method: run.method,
    pue: run.pue.band.mid,
    devices: run.devices,
    grid: { gPerKWh: run.grid.gPerKWh, label: run.grid.label, year: run.grid.year, source: run.grid.source },
    assumptions,
    warnings,
  };
  if (mem) est.memoryGBPerDevice = mem.breakdown;
  if (run.accelKnown) est.accelerator = run.accel;
  est.energyBreakdownKWh = { accelerators: r.acceleratorKWh, host: r.hostKWh, facility: r.facilityKWh };
  const inputs = run.inputs;
  if (inputs.includeIdle) {
    est.idleKWh = r.idleKWh;
    est.energyBreakdownKWh.idle = r.idleKWh;
  }
  if ((inputs.devRunsMultiplier ?? 1) !== 1) {
    est.developmentKWh = r.developmentKWh;
    est.energyBreakdownKWh.development = r.developmentKWh;
  }
  if (inputs.embodied) {
    est.embodiedKgCO2e = r.embodiedKg;
    est.totalKgCO2e = {
      low: r.kg.low + r.embodiedKg.low,
      mid: r.kg.mid + r.embodiedKg.mid,
      high: r.kg.high + r.embodiedKg.high,
    };
  }
  if (inputs.marginal || inputs.marginalGPerKWh !== undefined) {
    const table = marginalFor(run.grid.region);
    if (inputs.marginalGPerKWh !== undefined) {
      const g = inputs.marginalGPerKWh;
      est.marginal = {
        gPerKWh: g,
        co2eKg: scaleRange(r.kWh, g / 1000),
        label: 'as given',
        source: 'given by the user',
      };
    } else if (table) {
      est.marginal = {
        gPerKWh: table.gPerKWh,
        co2eKg: scaleRange(r.kWh, table.gPerKWh / 1000),
        label: table.label,
        year: table.year,
        source: table.source,
      };
    } else {
      warnings.push(
        `No marginal intensity for ${run.grid.region ? run.grid.region.id : 'this run (no cloud region set)'} in the table (core/data/marginal.ts); the marginal sensitivity is omitted.`,
      );
    }
    if (est.marginal) {
      assumptions.push({
        key: 'marginal',
        text:
          `Marginal-intensity sensitivity: ${round(est.marginal.gPerKWh, 1)} g CO2e/kWh (${est.marginal.label}${est.marginal.year ? `, ${est.marginal.year}` : ''}) ` +
          'would give the figure in `marginal`; the main CO2e stays location-based',
        source: est.marginal.source,
      });
    }
  }
  if (inputs.marketIntensity !== undefined) {
    est.marketBased = { gPerKWh: inputs.marketIntensity, co2eKg: scaleRange(r.kWh, inputs.marketIntensity / 1000) };
    assumptions.push({
      key: 'market-based',
      text:
        `Market-based figure at ${round(inputs.marketIntensity, 1)} g CO2e/kWh as given (contracts and certificates), reported in \`marketBased\` apart from ` +
        'the location-based CO2e, never mixed into it',
      source:
        'GHG Protocol Scope 2 Guidance (2015, dual reporting); Llama 3.1 model card (2024): 11,390 t location-based against 0 market-based',
    });
  }
  if (run.work && run.work.units !== undefined) {
    est.work = { flops: run.work.perUnit * run.work.units };
    if (run.work.kind === 'tokens') est.work.tokens = run.work.units;
    else est.work.samples = run.work.units;
  }
  if (inputs.calibration && run.label === 'calibrated') est.calibration = inputs.calibration;
  return est;
}

function emptyEstimate(inputs: RunInputs, warning: string): Estimate {
  const z = (): Range => ({ low: 0, mid: 0, high: 0 });
  return {
    label: 'pre-flight estimate',
    gpuHours: z(),
    energyKWh: z(),
    co2eKg: z(),
    wallHours: z(),
    method: 'insufficient-inputs',
    pue: inputs.pue ?? 0,
    devices: inputs.devices ?? 1,
    assumptions: [],
    warnings: [warning],
  };
}
