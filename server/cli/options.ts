// Option parsing and shared text of the CLI commands: numeric options, footprint options for estimates, the extras
// printed under an estimate, measurement problems, and a run as `greenml plan` JSON.

import { Estimate } from '../../core/index';
import { AnalyzedRun, frameworkName } from '../../engine/types';
import { EstimateOptions, Measurements } from '../review/measurements';
import * as fmt from '../../engine/format';
import { position } from './output';

/** A mistake in how the command was called: exit code 2, message on stderr. */
export class UsageError extends Error {}

/**
 * Physical bounds of the numeric options: outside them a value is a typo or a unit mix-up, and the arithmetic would
 * overflow (`--params 1e308` gave "NaNeInfinity FLOPs"). Each upper bound leaves a wide margin over the largest
 * published value: 1.6e12 parameters (Switch-C; Fedus et al., 2021), 3.6e13 tokens (Qwen3; Qwen team, 2025),
 * 3.08e7 GPU-hours (Llama 3.1 405B; Meta, 2024), 2,700 W per GB200 superchip (NVIDIA, 2024), ≈1,100 g CO2e/kWh for
 * the dirtiest grids (Ember, 2024), 5.85e9 samples (LAION-5B; Schuhmann et al., 2022). PUE is ≥ 1 by definition
 * (The Green Grid, 2007) and MFU is a fraction of peak.
 */
const OPTION_BOUNDS: Record<string, { min: number; max: number; aboveMin?: boolean; integer?: boolean }> = {
  '--params': { min: 1, max: 1e14 },
  '--tokens': { min: 1, max: 1e15 },
  '--active-params': { min: 1, max: 1e14 },
  '--teacher-params': { min: 1, max: 1e14 },
  '--micro-batch': { min: 1, max: 1e7, integer: true },
  '--seq-len': { min: 1, max: 1e8, integer: true },
  '--tokens-per-sample': { min: 0, max: 1e8, aboveMin: true },
  '--gpu-hours': { min: 0, max: 1e9, aboveMin: true },
  '--devices': { min: 1, max: 1e6, integer: true },
  '--mfu': { min: 0, max: 1, aboveMin: true },
  '--power': { min: 0, max: 5000, aboveMin: true },
  '--intensity': { min: 0, max: 5000, aboveMin: true },
  '--market-intensity': { min: 0, max: 5000 },
  '--pue': { min: 1, max: 5 },
  '--flops-per-sample': { min: 0, max: 1e16, aboveMin: true },
  '--samples': { min: 1, max: 1e13 },
  '--epochs': { min: 0, max: 1e6, aboveMin: true },
  '--resolution': { min: 1, max: 1e5 },
  '--dev-runs': { min: 1, max: 100 },
};

/** A numeric option, checked against its physical bounds (the message names them). */
export const num = (name: string) => (v: string) => {
  const n = Number(v.trim() === '' ? NaN : v);
  const b = OPTION_BOUNDS[name] ?? { min: 0, max: Number.MAX_VALUE, aboveMin: true };
  const f = (x: number) => (x >= 1e6 ? x.toExponential().replace('e+', 'e') : String(x));
  const range = `${b.aboveMin ? `above ${f(b.min)}` : `at least ${f(b.min)}`} and at most ${f(b.max)}`;
  if (!Number.isFinite(n)) throw new UsageError(`${name} must be a finite number ${range}, got "${v}"`);
  if ((b.aboveMin ? n <= b.min : n < b.min) || n > b.max)
    throw new UsageError(`${name} must be ${range}${b.integer ? ', a whole number' : ''}, got "${v}"`);
  if (b.integer && !Number.isInteger(n)) throw new UsageError(`${name} must be a whole number, got "${v}"`);
  return n;
};

// --- estimate extras (footprint options, measurements, reports) -------------------------------------------------
export const nonNegative = (name: string) => num(name);

/** The scope/carbon options of `greenml estimate`; each is off unless its flag is given. */
export function estimateOptions(o: Record<string, unknown>): EstimateOptions {
  const out: EstimateOptions = {};
  if (o.includeIdle) out.includeIdle = true;
  if (o.embodied) out.embodied = true;
  if (o.devRuns !== undefined) {
    if ((o.devRuns as number) < 1) throw new UsageError('--dev-runs is total ÷ final run, at least 1 (e.g. 1.5)');
    out.devRunsMultiplier = o.devRuns as number;
  }
  if (o.marginal) out.marginal = true;
  if (o.marketIntensity !== undefined) out.marketIntensity = o.marketIntensity as number;
  return out;
}

/** Extra lines of the text output: label and the optional components. */
export function estimateExtrasText(
  e: Estimate,
  out: (s: string) => void,
  indent: string,
  options: EstimateOptions,
): void {
  if (e.label === 'calibrated') out(`${indent}Label       calibrated (${e.calibration?.description ?? 'measurement'})`);
  if (e.idleKWh) out(`${indent}Idle/infra  ${fmt.range(e.idleKWh, fmt.energy)} (inside the energy above)`);
  if (e.developmentKWh)
    out(`${indent}Dev. runs   ${fmt.range(e.developmentKWh, fmt.energy)} (inside the energy above)`);
  if (e.embodiedKgCO2e)
    out(`${indent}Embodied    ${fmt.range(e.embodiedKgCO2e, fmt.carbon)} (not inside the carbon above)`);
  if (e.marginal)
    out(
      `${indent}Marginal    ${fmt.range(e.marginal.co2eKg, fmt.carbon)} at ${e.marginal.gPerKWh} g/kWh (sensitivity, ${e.marginal.label})`,
    );
  else if (options.marginal)
    out(`${indent}Marginal    no marginal intensity for this region in the table; sensitivity omitted`);
  if (e.marketBased)
    out(
      `${indent}Market      ${fmt.range(e.marketBased.co2eKg, fmt.carbon)} at ${e.marketBased.gPerKWh} g/kWh (market-based, as given)`,
    );
}

/** A --measurements file that cannot be read at all (missing, a FIFO, a device, too large) is a usage error. */
export function givenMeasurements(m: Measurements | undefined): Measurements | undefined {
  if (m && !m.calibration && m.problems.some((p) => /^cannot read|: not read$/.test(p)))
    throw new UsageError(`--measurements: ${m.problems.join('; ')}`);
  measurementProblems(m);
  return m;
}

export function measurementProblems(m: Measurements | undefined): void {
  for (const p of m?.problems ?? []) process.stderr.write(`greenml: ${p}\n`);
}

/** One run plan for `greenml plan`: each fact with value, origin, file and 1-based range. */
export function planJson(run: AnalyzedRun, linked: boolean, textOf: (file: string | undefined) => string | undefined) {
  const at = (file: string | undefined, span: { start: number; end: number } | undefined) => {
    const t = textOf(file);
    return span && t !== undefined ? { start: position(t, span.start), end: position(t, span.end) } : undefined;
  };
  return {
    entry: {
      path: run.plan.entry.file,
      label: run.plan.entry.label,
      line: at(run.plan.entry.file, run.plan.entry.span)?.start.line,
    },
    linked,
    framework: frameworkName(run.plan),
    files: run.plan.files,
    facts: Object.fromEntries(
      [...run.plan.facts.values()].map((f) => [
        f.key,
        { value: f.value, origin: f.origin, file: f.file, range: at(f.file, f.span), note: f.note },
      ]),
    ),
  };
}
