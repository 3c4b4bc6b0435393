// Option parsing and shared text of the CLI commands: numeric options, footprint options for estimates, the extras
// printed under an estimate, measurement problems, and a run as `greenml plan` JSON.

import { Estimate } from '../../core/index';
import { AnalyzedRun } from '../../engine/types';
import { EstimateOptions, Measurements } from '../review/measurements';
import * as fmt from '../../engine/format';
import { position } from './output';

/** A mistake in how the command was called: exit code 2, message on stderr. */
export class UsageError extends Error {}

export const num = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} must be a positive number, got "${v}"`);
  return n;
};

// --- estimate extras (footprint options, measurements, reports) -------------------------------------------------
export const nonNegative = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`${name} must be a number ≥ 0, got "${v}"`);
  return n;
};

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
    framework: run.plan.framework,
    files: run.plan.files,
    facts: Object.fromEntries(
      [...run.plan.facts.values()].map((f) => [
        f.key,
        { value: f.value, origin: f.origin, file: f.file, range: at(f.file, f.span), note: f.note },
      ]),
    ),
  };
}
