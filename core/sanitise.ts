// Input hygiene: invalid numbers (NaN, negative, zero where meaningless) are dropped with a warning, so nothing
// downstream throws.

import { validFraction } from './compute';
import type { RunInputs } from './types';

const POSITIVE_KEYS = [
  'params',
  'activeParams',
  'teacherParams',
  'tokens',
  'gpuHours',
  'devices',
  'powerW',
  'microBatch',
  'seqLen',
  'flopsPerSample',
  'samples',
  'epochs',
  'tokensPerSample',
  'resolution',
  'audioSeconds',
] as const;

/** Drop invalid numbers (NaN, negative, zero where meaningless) with a warning, so nothing downstream throws. */
export function sanitise(raw: RunInputs, warnings: string[]): RunInputs {
  const out: RunInputs = { ...raw };
  for (const k of POSITIVE_KEYS) {
    const v = out[k];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
      warnings.push(`Ignored ${k} = ${String(v)}: not a positive number.`);
      delete out[k];
    }
  }
  if (out.devices !== undefined) out.devices = Math.max(1, Math.round(out.devices));
  if (out.pue !== undefined && (!Number.isFinite(out.pue) || out.pue < 1)) {
    warnings.push(`Ignored pue = ${String(out.pue)}: PUE is at least 1.`);
    delete out.pue;
  }
  for (const k of ['intensity', 'marginalGPerKWh', 'marketIntensity'] as const) {
    const v = out[k];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) {
      warnings.push(`Ignored ${k} = ${String(v)}: not a number of g CO2e/kWh.`);
      delete out[k];
    }
  }
  if (
    out.devRunsMultiplier !== undefined &&
    (typeof out.devRunsMultiplier !== 'number' || !Number.isFinite(out.devRunsMultiplier) || out.devRunsMultiplier < 1)
  ) {
    warnings.push(
      `Ignored devRunsMultiplier = ${String(out.devRunsMultiplier)}: it is total ÷ final run, at least 1 (OLMo: 1.5).`,
    );
    delete out.devRunsMultiplier;
  }
  if (out.mfu !== undefined && validFraction(out.mfu) === undefined) {
    warnings.push(`Ignored mfu = ${String(out.mfu)}: utilisation is a fraction between 0 and 1.`);
    delete out.mfu;
  }
  // activeParams above params is kept: a model that shares one layer's weights across its depth (ALBERT, Lan et al.
  // 2020) computes through more weights than it stores; MoE is only where active < params (core/utilisation.ts).
  if (
    out.calibration !== undefined &&
    !(out.calibration && out.calibration.gpuPowerW > 0 && out.calibration.durationS > 0)
  ) {
    warnings.push('Ignored calibration: it has no positive measured power and duration.');
    delete out.calibration;
  }
  return out;
}
