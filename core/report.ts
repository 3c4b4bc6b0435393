// Reports built from an Estimate: Hugging Face model-card `co2_eq_emissions` metadata and SCI-style intensities.
// Pure: numbers in, plain objects and text out.
//
// Model card: huggingface/hub-docs docs/hub/model-cards-co2.md — `emissions` in grams of CO2e, `source`,
// `training_type` ("pre-training" or "fine-tuning"), `geographical_location`, `hardware_used`. We write the mid
// value of the location-based CO2e (co2eKg.mid × 1000): embodied emissions, marginal and market-based figures stay out.
// SCI: Green-Software-Foundation/sci SPEC.md, SCI = (O + M) per R; sci-ai SPEC.md names training functional units per
// FLOP and per training token (its example: 0.45 g CO2e per 10¹² FLOPs, 0.18 g per 1,000 tokens). O is the
// location-based CO2e; M is the embodied estimate when it was requested, else not included (the boundary says which).

import type { Estimate, Range } from './types';

export interface ModelCardOptions {
  /** "pre-training" or "fine-tuning"; omitted from the metadata when not given. */
  trainingType?: 'pre-training' | 'fine-tuning';
  /** Where the run happens, e.g. "aws:us-east-1"; default: the estimate's grid region, when one was resolved. */
  location?: string;
  /** e.g. "8 x NVIDIA A100 SXM4 80 GB"; default: devices × the resolved accelerator. */
  hardware?: string;
}

export interface ModelCardCo2 {
  /** Grams of CO2e: co2eKg.mid × 1000. */
  emissions: number;
  source: string;
  training_type?: string;
  geographical_location?: string;
  hardware_used?: string;
}

export interface SciIntensities {
  /** g CO2e per 10¹² model FLOPs (no recomputation). */
  perTeraFlopG?: Range;
  /** g CO2e per 1,000 training tokens. */
  perThousandTokensG?: Range;
  /** g CO2e per training sample (samples × epochs). */
  perSampleG?: Range;
  /** What the numerator covers. */
  boundary: string;
}

/** The model card's `source` line. */
export function reportSource(e: Estimate): string {
  if (e.label !== 'calibrated') return 'Green ML Review pre-flight estimate';
  return `Green ML Review estimate calibrated from ${e.calibration?.source === 'zeus' ? 'Zeus' : 'CodeCarbon'}`;
}

function location(e: Estimate): string | undefined {
  const label = e.grid?.label;
  if (!label || label === 'as given' || /world average/.test(label)) return undefined;
  return label.replace(/, location-based annual average$/, '');
}

/** Hugging Face `co2_eq_emissions` metadata for an estimate. */
export function modelCardCo2(e: Estimate, opts: ModelCardOptions = {}): ModelCardCo2 {
  const out: ModelCardCo2 = { emissions: e.co2eKg.mid * 1000, source: reportSource(e) };
  if (opts.trainingType) out.training_type = opts.trainingType;
  const loc = opts.location ?? location(e);
  if (loc) out.geographical_location = loc;
  const hw = opts.hardware ?? (e.accelerator ? `${e.devices} x ${e.accelerator.name}` : undefined);
  if (hw) out.hardware_used = hw;
  return out;
}

/** The metadata as a YAML block for a model card's front matter. */
export function modelCardYaml(m: ModelCardCo2): string {
  const lines = [
    'co2_eq_emissions:',
    `  emissions: ${Math.round(m.emissions * 100) / 100}`,
    `  source: ${JSON.stringify(m.source)}`,
  ];
  if (m.training_type) lines.push(`  training_type: ${JSON.stringify(m.training_type)}`);
  if (m.geographical_location) lines.push(`  geographical_location: ${JSON.stringify(m.geographical_location)}`);
  if (m.hardware_used) lines.push(`  hardware_used: ${JSON.stringify(m.hardware_used)}`);
  return lines.join('\n');
}

function per(r: Range, d: number): Range | undefined {
  if (!(d > 0)) return undefined;
  return { low: r.low / d, mid: r.mid / d, high: r.high / d };
}

/** SCI-style intensities: (O + M) per 10¹² FLOPs, per 1,000 tokens, per sample — where the work is known. */
export function sciIntensities(e: Estimate): SciIntensities {
  const grams = (r: Range): Range => ({ low: r.low * 1000, mid: r.mid * 1000, high: r.high * 1000 });
  const total = grams(e.totalKgCO2e ?? e.co2eKg);
  const out: SciIntensities = {
    boundary:
      `location-based operational CO2e${e.idleKWh ? ' incl. idle/infrastructure' : ''}${e.developmentKWh ? ' incl. development runs' : ''}` +
      (e.totalKgCO2e ? ' + embodied' : ' (embodied not included)') +
      '; PUE included',
  };
  if (e.method === 'insufficient-inputs' || !e.work) return out;
  if (e.work.flops) out.perTeraFlopG = per(total, e.work.flops / 1e12);
  if (e.work.tokens) out.perThousandTokensG = per(total, e.work.tokens / 1000);
  if (e.work.samples) out.perSampleG = per(total, e.work.samples);
  return out;
}

/** The report fields the CLI's JSON adds to an estimate. */
export function reportJson(e: Estimate, opts: ModelCardOptions = {}) {
  return {
    label: e.label,
    energyBreakdownKWh: e.energyBreakdownKWh,
    components: {
      idleKWh: e.idleKWh,
      developmentKWh: e.developmentKWh,
      embodiedKgCO2e: e.embodiedKgCO2e,
      totalKgCO2e: e.totalKgCO2e,
      marginal: e.marginal,
      marketBased: e.marketBased,
    },
    work: e.work,
    calibration: e.calibration
      ? {
          source: e.calibration.source,
          description: e.calibration.description,
          gpuPowerW: e.calibration.gpuPowerW,
          hostPowerW: e.calibration.hostPowerW,
        }
      : undefined,
    sci: sciIntensities(e),
    modelCard: e.method === 'insufficient-inputs' ? undefined : modelCardCo2(e, opts),
  };
}
