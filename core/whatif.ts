// What-if: the energy and CO2e a change to a run saves, as ranges computed consistently with estimate().
//
// A change is a RunInputs holding only what changes (e.g. { precision: 'bf16' }); it is laid over the base run.
// Both runs are evaluated at the *same* level of every uncertain factor (utilisation, precision slow-down, power,
// PUE, …), so a shared factor moves base and changed run together: the low saving is the one where the assumptions
// make the change matter least, for kWh and kg CO2e alike. Per-factor deviations of the saving are then combined
// like the estimate's ranges (root-sum-square; in log space when every evaluation has the same sign, which keeps a
// beneficial change's low end above zero), so low ≤ mid ≤ high always holds.
//
// Stated GPU-hours: when the base run states its device-hours and the change does not state new ones, the changed
// run's hours are the base hours × the ratio of modelled device-seconds per token (changed / base) at each factor
// level — e.g. fp32 → bf16 divides them by the precision slow-down. A stated power per device is scaled by the ratio
// of rated powers when the hardware changes.

import {
  combineLog,
  prepareRun,
  workUnits,
  type FactorKey,
  type Levels,
  type Point,
  type PreparedRun,
} from './estimate';
import type { Range, RunInputs, Saving } from './types';
import { ridgeRatio, sizeKnee } from './size-factor';

export interface CombinedSaving extends Saving {
  /**
   * The saving of each change given the ones before it; the steps add up (mid) to the total. Each step's `fraction`
   * is relative to the original base energy, so the fractions add up too.
   */
  steps: Saving[];
}

/** The saving of `changed` (laid over `base`) relative to `base`. Positive = less energy / CO2e. */
export function saving(base: RunInputs, changed: RunInputs): Saving {
  try {
    const baseRun = prepareRun(base);
    const next = prepareRelative(base, baseRun, { ...base, ...changed });
    return savingBetween(baseRun, next, baseRun);
  } catch {
    return zeroSaving();
  }
}

/** Apply changes in sequence (each laid over the result of the previous ones); total and per-step savings. */
export function combineSavings(base: RunInputs, changes: RunInputs[]): CombinedSaving {
  try {
    const baseRun = prepareRun(base);
    const states: PreparedRun[] = [baseRun];
    let current: RunInputs = { ...base };
    for (const change of changes) {
      current = { ...current, ...change };
      states.push(prepareRelative(base, baseRun, current));
    }
    const steps: Saving[] = [];
    for (let i = 1; i < states.length; i++) steps.push(savingBetween(states[i - 1], states[i], baseRun));
    const total = savingBetween(baseRun, states[states.length - 1], baseRun);
    return { ...total, steps };
  } catch {
    return { ...zeroSaving(), steps: changes.map(() => zeroSaving()) };
  }
}

// ------------------------------------------------------------------------------------------------ internals

/**
 * Prepare a changed run; on stated hours (or hours from a measured throughput), derive its hours from the base hours
 * and the modelled time ratio.
 */
function prepareRelative(base: RunInputs, baseRun: PreparedRun, changedFull: RunInputs): PreparedRun {
  const statedBase = baseRun.method === 'stated-gpu-hours' && base.gpuHours !== undefined;
  const measuredBase = baseRun.method === 'measured-throughput';
  if (!(statedBase || measuredBase) || changedFull.gpuHours !== base.gpuHours) return prepareRun(changedFull);

  // Nominal copies, with the same placeholder size and one work unit, only to take the ratio of modelled time. The
  // placeholder sits at or above both accelerators' size knee (core/size-factor.ts), so that an unknown size brings no
  // size factor to either side.
  const knee = Math.max(
    1e9,
    ...[baseRun.accel, prepareRun({ ...changedFull, gpuHours: undefined }).accel].map((a) => sizeKnee(ridgeRatio(a))),
  );
  const size = base.params ?? base.activeParams ?? changedFull.params ?? changedFull.activeParams ?? knee;
  const nominal = (x: RunInputs): RunInputs => ({
    ...x,
    gpuHours: undefined,
    params: x.params ?? size,
    tokens: 1,
    samples: x.samples !== undefined ? 1 : undefined,
    epochs: x.samples !== undefined ? 1 : undefined,
    calibration: x.calibration
      ? { ...x.calibration, deviceSecondsPerToken: undefined, deviceSecondsPerSample: undefined }
      : undefined,
  });
  const baseNominal = prepareRun(nominal(base));
  const changedNominal = prepareRun(nominal(changedFull));
  const bu = workUnits(base);
  const cu = workUnits(changedFull);
  const unitRatio = bu !== undefined && cu !== undefined ? cu / bu : 1;
  const baseHours = (lv: Levels): number => (statedBase ? base.gpuHours! : baseRun.evaluate(lv).gpuHours);

  const adjusted: RunInputs = { ...changedFull };
  if (adjusted.calibration) {
    adjusted.calibration = {
      ...adjusted.calibration,
      deviceSecondsPerToken: undefined,
      deviceSecondsPerSample: undefined,
    };
  }
  if (
    base.powerW !== undefined &&
    changedFull.powerW === base.powerW &&
    changedNominal.accel.id !== baseNominal.accel.id
  ) {
    adjusted.powerW = (base.powerW * changedNominal.accel.powerW) / baseNominal.accel.powerW;
  }
  return prepareRun(adjusted, {
    hoursAt: (lv: Levels) => {
      const a = baseNominal.secondsPerUnit(lv);
      const b = changedNominal.secondsPerUnit(lv);
      return a > 0 && b > 0 ? baseHours(lv) * (b / a) * unitRatio : baseHours(lv) * unitRatio;
    },
  });
}

function savingBetween(from: PreparedRun, to: PreparedRun, reference: PreparedRun): Saving {
  if (from.method === 'insufficient-inputs' || to.method === 'insufficient-inputs') return zeroSaving();
  const factors = Array.from(new Set<FactorKey>([...from.factors, ...to.factors]));
  const diff = (lv: Levels) => {
    const a: Point = from.evaluate(lv);
    const b: Point = to.evaluate(lv);
    return { kWh: a.kWh - b.kWh, kg: a.kg - b.kg };
  };
  const mid = diff({});
  const devKWh: Array<[number, number]> = [];
  const devKg: Array<[number, number]> = [];
  for (const f of factors) {
    const lo = diff({ [f]: 'low' });
    const hi = diff({ [f]: 'high' });
    devKWh.push([lo.kWh, hi.kWh]);
    devKg.push([lo.kg, hi.kg]);
  }
  const baseMid = reference.evaluate({}).kWh;
  return {
    kWh: combineSigned(mid.kWh, devKWh),
    kgCO2e: combineSigned(mid.kg, devKg),
    fraction: baseMid > 0 ? mid.kWh / baseMid : 0,
  };
}

/** Log-space combination when every evaluation has one sign; additive root-sum-square otherwise. */
function combineSigned(mid: number, deviations: Array<[number, number]>): Range {
  const all = [mid, ...deviations.flat()];
  const eps = 1e-12 * Math.max(1, ...all.map(Math.abs));
  if (all.every((v) => Math.abs(v) <= eps)) return { low: 0, mid: 0, high: 0 };
  if (all.every((v) => v > 0)) return combineLog(mid, deviations);
  if (all.every((v) => v < 0)) {
    const r = combineLog(
      -mid,
      deviations.map(([a, b]) => [-a, -b] as [number, number]),
    );
    return { low: -r.high, mid: -r.mid, high: -r.low };
  }
  let up = 0;
  let down = 0;
  for (const [a, b] of deviations) {
    const u = Math.max(0, a - mid, b - mid);
    const d = Math.max(0, mid - a, mid - b);
    up += u * u;
    down += d * d;
  }
  return { low: mid - Math.sqrt(down), mid, high: mid + Math.sqrt(up) };
}

function zeroSaving(): Saving {
  return { kWh: { low: 0, mid: 0, high: 0 }, kgCO2e: { low: 0, mid: 0, high: 0 }, fraction: 0 };
}
