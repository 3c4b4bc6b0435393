// The estimator's model types: the factor levels each uncertain input can take, one evaluated point, the work
// plan and the prepared run that estimate() and what-if savings evaluate. See core/estimate.ts for the method.

import { Band, FlopsPlan, PrecisionPlan, WorkFamily } from './compute';
import { GridPlan, PuePlan, round } from './energy';
import type { FittedConstants } from './fit';
import type { RunRegime } from './fit-spread';
import type { SampleTokens } from './data/sample-tokens';
import { Accelerator, ArchitectureInfo, Assumption, Estimate, Precision, RunInputs } from './types';

/** How a user changes each input; shown next to the assumption it controls. Kept in one place on purpose. */
export const OVERRIDE_HINTS = {
  hardware: 'set greenml.hardware, `hardware` in greenml.toml, or --hardware',
  devices: 'set greenml.devices, `devices` in greenml.toml, or --devices',
  precision: 'enable bf16/fp16 in the training code, its config or launcher; or --precision',
  mfu: '--mfu (model FLOPs utilisation, 0–1)',
  power: '--power (measured average watts per device), or a CodeCarbon emissions.csv next to the script',
  pue: 'set greenml.pue, `pue` in greenml.toml, or --pue',
  region: 'set greenml.region, `region` in greenml.toml, or --region (or --intensity in g/kWh)',
  tokens: 'state max_steps or epochs in the training code (and `dataset-size` in greenml.toml), or --tokens',
  params: 'name the model in the script, set greenml.model / `model` in greenml.toml, or --params',
  gpuHours: '--gpu-hours',
  architecture: 'set --architecture (e.g. resnet50, vit-b-16, whisper-small) or --flops-per-sample',
  samples: 'set --samples (training samples per epoch) and --epochs',
  sampleTokens:
    '--tokens (the tokens the run trains on), --tokens-per-sample (mean tokens a sample holds, after truncation), or --sample-kind text|instruction|classification|molecule|multimodal',
  measurement: "put CodeCarbon's emissions.csv next to the script, or pass --measurements",
  idle: '--include-idle (RunInputs.includeIdle)',
  embodied: '--embodied (RunInputs.embodied)',
  devRuns: '--dev-runs <total ÷ final> (RunInputs.devRunsMultiplier)',
} as const;

export type FactorKey =
  'work' | 'mfu' | 'precision' | 'recompute' | 'hardware' | 'busy' | 'host' | 'pue' | 'measurement' | 'embodied';
export type Level = 'low' | 'mid' | 'high';
export type Levels = Partial<Record<FactorKey, Level>>;

/** One evaluation of the model at one set of factor levels. */
export interface Point {
  gpuHours: number;
  acceleratorKWh: number;
  hostKWh: number;
  facilityKWh: number;
  /** Idle/infrastructure energy (includeIdle), inside kWh. */
  idleKWh: number;
  /** Development runs' energy (devRunsMultiplier), inside kWh. */
  developmentKWh: number;
  kWh: number;
  kg: number;
  /** Embodied emissions (embodied), NOT inside kg. */
  embodiedKg: number;
}

export type Method = 'stated-gpu-hours' | 'flops' | 'measured-throughput' | 'insufficient-inputs';

/** What the run computes: tokens (6·N·D) or samples (3 × forward FLOPs per sample). */
export interface WorkPlan {
  kind: 'tokens' | 'samples';
  /** Tokens, or samples × epochs; undefined when unknown. */
  units?: number;
  /** Model FLOPs per unit (the utilisation numerator). */
  perUnit: number;
  /** Forward FLOPs per unit (what recomputation repeats). */
  forwardPerUnit: number;
  family: WorkFamily;
  /** Token workloads: the transformer FLOPs plan. */
  flops?: FlopsPlan;
  arch?: ArchitectureInfo;
  /** Parameters for the size factor, when known. */
  params?: number;
  /** Uncertainty of the work itself, as multipliers of `units` (factor 'work'): text-sample fill, generic image FLOPs. */
  spread?: Band;
  /** Text samples: the mid share of the sequence length they fill (units = samples × epochs × length × fill). */
  fill?: number;
  /** Samples × epochs without a sequence length: the tokens per sample taken, and the table row when not stated. */
  perSample?: { tokens: number; row?: SampleTokens };
  /** Images of a network the table does not know: how its FLOPs per sample were taken (a sentence). */
  generic?: string;
}

/** The model of one run, ready to evaluate at any factor levels (used by estimate() and by whatif.ts). */
export interface PreparedRun {
  inputs: RunInputs;
  method: Method;
  accel: Accelerator;
  accelKnown: boolean;
  devices: number;
  precision: Precision;
  precisionPlan: PrecisionPlan;
  flops?: FlopsPlan;
  work?: WorkPlan;
  grid: GridPlan;
  pue: PuePlan;
  label: Estimate['label'];
  /** Factors whose level changes the result. */
  factors: FactorKey[];
  /** The regime whose residuals set the utilisation band (core/fit-spread.ts); undefined for a given utilisation. */
  regime?: RunRegime;
  assumptions: Assumption[];
  warnings: string[];
  /** Modelled device-seconds per work unit (token or sample) at the given levels (NaN when the work is unknown). */
  secondsPerUnit(levels: Levels): number;
  evaluate(levels: Levels): Point;
}

export interface PrepareOptions {
  /** Device-hours to use instead of the model or the stated hours, per factor level (what-if on stated hours). */
  hoursAt?: (levels: Levels) => number;
  /** Fitted constants to use instead of those fitted on all development cases (leave-one-out validation). */
  constants?: FittedConstants;
  /**
   * 'step': model training steps only — step utilisation (no evaluation, restarts or stalls) and step power (no idle
   * share). Used by estimateStep() for per-step comparisons with measurements. Default 'run'.
   */
  scope?: 'run' | 'step';
}

export const LEVEL_FACTORS: readonly FactorKey[] = [
  'work',
  'mfu',
  'precision',
  'recompute',
  'hardware',
  'measurement',
  'busy',
  'host',
  'pue',
  'embodied',
];

/** [I] Uncertainty of a measured throughput extrapolated to a whole run (evaluation, checkpoints, restarts): ±10 %. */
export const MEASUREMENT_SPREAD: Band = { low: 0.9, mid: 1, high: 1.1 };

// ------------------------------------------------------------------------------------------------ formatting (texts only)

export function fmtNum(x: number): string {
  const a = Math.abs(x);
  if (a >= 1e12) return `${round(x / 1e12, 2)} T`;
  if (a >= 1e9) return `${round(x / 1e9, 2)} B`;
  if (a >= 1e6) return `${round(x / 1e6, 2)} M`;
  if (a >= 1e4) return Math.round(x).toLocaleString('en-US');
  return `${round(x, 2)}`;
}

export function fmtSci(x: number): string {
  if (!(x > 0)) return '0';
  const e = Math.floor(Math.log10(x));
  return `${round(x / 10 ** e, 2)}e${e}`;
}
