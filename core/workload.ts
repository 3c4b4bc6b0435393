// The run's workload: tokens (6·N·D, plus attention) or samples (3 × forward FLOPs per sample), and the sentence
// that describes it.

import {
  DEFAULT_PEFT_FRACTION,
  fmtPct,
  planFlops,
  PREFERENCE_SEQUENCES,
  RECOMPUTE_SHARE,
  validFraction,
} from './compute';
import { rolloutOf } from './rollout';
import { architectureFamilyIn, forwardFlopsAt, genericFlopsPerParam, lookupArchitecture } from './data/vision-audio';
import { fmtNum, fmtSci, Level, OVERRIDE_HINTS, WorkPlan } from './estimate-model';
import type { Band } from './compute';
import { SAMPLE_TOKENS, type SampleTokens } from './data/sample-tokens';
import { ArchitectureInfo, Assumption, RunInputs } from './types';

/**
 * [I] Share of the stated sequence length a text sample fills, when a run states samples × epochs × sequence length
 * instead of tokens: 1 when the data are packed into full sequences or padded to the maximum length (every position is
 * computed), down to 0.25 when short samples (chat turns of a few hundred tokens against a 2,048-token limit) are padded
 * only to the longest of their batch. The mid value is the prior, half the length (core/fit.ts PRIORS.textFill): fitted on
 * the development cases that state samples and length but not tokens it did no better on sets left out of the fit.
 */
export const TEXT_FILL_RANGE = { low: 0.25, high: 1 } as const;

/** Tokens from text samples, when tokens are not stated: samples × epochs × sequence length × fill. */
export function textSampleTokens(inputs: RunInputs): number | undefined {
  if (inputs.tokens !== undefined || inputs.samples === undefined || inputs.seqLen === undefined) return undefined;
  if (inputs.epochs === undefined || (inputs.activeParams ?? inputs.params) === undefined) return undefined;
  return inputs.samples * inputs.epochs * inputs.seqLen * pairSequences(inputs);
}

/** Sequences per sample: a rollout's generations per prompt; two for preference pairs (chosen and rejected, core/compute.ts
 * PREFERENCE_SEQUENCES); else one. */
export function pairSequences(inputs: RunInputs): number {
  const rollout = rolloutOf(inputs);
  if (rollout) return rollout.generations;
  return inputs.preference === 'reference' || inputs.preference === 'reference-free' ? PREFERENCE_SEQUENCES : 1;
}

/** What the sequences of one sample are, for the estimate's sentence ('' for one). */
function sequencesText(inputs: RunInputs): string {
  const k = pairSequences(inputs);
  if (k === 1 && !rolloutOf(inputs)) return '';
  return rolloutOf(inputs)
    ? ` × ${k} sequence${k === 1 ? '' : 's'} (the completions generated for each prompt)`
    : ` × ${k} sequences (a chosen and a rejected response)`;
}

/** The training FLOPs as a multiple of N·D, with what each term runs. */
function flopsFormula(inputs: RunInputs): string {
  const rollout = rolloutOf(inputs);
  if (rollout)
    return rollout.reference
      ? '(6 + 2 + 2)·N·D, the policy trained on its rollouts, generating them and the reference model,'
      : '(6 + 2)·N·D, the policy trained on its rollouts and generating them,';
  return inputs.preference === 'reference' ? '(6 + 2)·N·D, the policy and its reference model,' : '6·N·D';
}

/**
 * Tokens per sample of a run that states samples × epochs and no tokens: as stated (`tokensPerSample`), or, without a
 * sequence length, the row of its kind of sample (core/data/sample-tokens.ts) as a low–mid–high range. A model the
 * models table knows (its shape is given) has text samples. Undefined when neither is known, or when a sequence length
 * is given and no tokens per sample (the text-fill path, textSampleTokens).
 */
export function sampleTokensPlan(
  inputs: RunInputs,
): { low: number; mid: number; high: number; row?: SampleTokens } | undefined {
  if (inputs.tokens !== undefined || inputs.samples === undefined) return undefined;
  if ((inputs.activeParams ?? inputs.params) === undefined) return undefined;
  const t = inputs.tokensPerSample;
  const k = pairSequences(inputs);
  if (t !== undefined && Number.isFinite(t) && t > 0) return { low: k * t, mid: k * t, high: k * t };
  if (inputs.seqLen !== undefined) return undefined;
  const kind = inputs.sampleKind ?? (inputs.shape !== undefined ? 'text' : undefined);
  if (kind === undefined || !(kind in SAMPLE_TOKENS)) return undefined;
  const row = SAMPLE_TOKENS[kind];
  return { low: k * row.low, mid: k * row.mid, high: k * row.high, row };
}

/**
 * Whether the inputs describe a per-sample workload: forward FLOPs per sample are known (architecture or
 * flopsPerSample) and either samples are given or the token workload (parameters and tokens) is incomplete.
 */
export function perSampleWorkload(inputs: RunInputs, haveForwardFlops: boolean): boolean {
  if (!haveForwardFlops) return false;
  const n = inputs.activeParams ?? inputs.params;
  return inputs.samples !== undefined || n === undefined || inputs.tokens === undefined;
}

/** Work units of a run's inputs: samples × epochs for per-sample workloads, else tokens. */
export function workUnits(inputs: RunInputs): number | undefined {
  const fwd =
    inputs.flopsPerSample !== undefined ||
    (inputs.architecture !== undefined && lookupArchitecture(inputs.architecture) !== undefined);
  if (perSampleWorkload(inputs, fwd))
    return inputs.samples !== undefined && inputs.epochs !== undefined ? inputs.samples * inputs.epochs : undefined;
  const per = sampleTokensPlan(inputs);
  if (inputs.tokens === undefined && per && inputs.epochs !== undefined)
    return (inputs.samples ?? NaN) * inputs.epochs * per.mid;
  return inputs.tokens ?? textSampleTokens(inputs);
}

/**
 * The run's workload. `textFill`: the mid share of the sequence length text samples fill (fitted, core/fit.ts); used
 * only when a run states samples × epochs × sequence length and no tokens.
 */
export function planWork(inputs: RunInputs, warnings: string[], textFill = 0.5): WorkPlan | undefined {
  let arch: ArchitectureInfo | undefined;
  if (inputs.architecture !== undefined && inputs.architecture.trim() !== '') {
    arch = lookupArchitecture(inputs.architecture);
    if (!arch) {
      warnings.push(
        `Architecture "${inputs.architecture}" is not in the table (core/data/vision-audio.ts); give the forward FLOPs per sample instead (--flops-per-sample).`,
      );
    }
  }
  let fwd: number | undefined = inputs.flopsPerSample;
  if (fwd === undefined && arch)
    fwd = forwardFlopsAt(arch, { resolution: inputs.resolution, audioSeconds: inputs.audioSeconds }).flops;
  // Images of a network the table does not know, whose family the architecture text names: parameters × FLOPs per
  // parameter at 224² (the table's rows of that family) × (resolution / 224)².
  const generic =
    fwd === undefined && inputs.flopsPerSample === undefined && inputs.params !== undefined
      ? genericPerSample(inputs)
      : undefined;
  if (generic) {
    return {
      kind: 'samples',
      units: generic.units,
      perUnit: 3 * generic.fwd,
      forwardPerUnit: generic.fwd,
      family: generic.family ?? 'convnet',
      params: inputs.params,
      spread: generic.spread,
      generic: generic.text,
    };
  }
  if (fwd !== undefined && fwd > 0 && perSampleWorkload(inputs, true)) {
    const frac = inputs.peft ? (validFraction(inputs.peft.trainableFraction) ?? DEFAULT_PEFT_FRACTION) : undefined;
    // Samples per epoch without the number of epochs leave the run's length unknown (a fine-tune runs 1–10 epochs, an
    // image model 90–1,000): no estimate, rather than one epoch assumed.
    return {
      kind: 'samples',
      units: inputs.samples !== undefined && inputs.epochs !== undefined ? inputs.samples * inputs.epochs : undefined,
      perUnit: frac !== undefined ? fwd * (2 + 3 * frac) : 3 * fwd,
      forwardPerUnit: fwd,
      family: arch?.family ?? 'convnet',
      arch,
      params: arch?.params ?? inputs.params,
    };
  }
  const n = inputs.activeParams ?? inputs.params;
  if (n === undefined) return undefined;
  if (fwd !== undefined)
    warnings.push(
      'Forward FLOPs per sample are known but no sample count is; the token workload (6·N·D) is used. Give samples to use them.',
    );
  const flops = planFlops(inputs);
  // Samples × epochs × tokens per sample (stated, or the kind's row): samples without epochs leave the length unknown.
  const per = sampleTokensPlan(inputs);
  if (per) {
    return {
      kind: 'tokens',
      units: inputs.epochs !== undefined ? (inputs.samples ?? NaN) * inputs.epochs * per.mid : undefined,
      perUnit: flops.perToken,
      forwardPerUnit: flops.forwardPerToken,
      family: 'transformer',
      flops,
      params: n,
      spread: per.row ? { low: per.low / per.mid, mid: 1, high: per.high / per.mid } : undefined,
      perSample: { tokens: per.mid, row: per.row },
    };
  }
  const fromSamples = textSampleTokens(inputs);
  if (fromSamples !== undefined) {
    const mid = Math.min(TEXT_FILL_RANGE.high, Math.max(TEXT_FILL_RANGE.low, textFill));
    return {
      kind: 'tokens',
      units: fromSamples * mid,
      perUnit: flops.perToken,
      forwardPerUnit: flops.forwardPerToken,
      family: 'transformer',
      flops,
      params: n,
      spread: { low: TEXT_FILL_RANGE.low / mid, mid: 1, high: TEXT_FILL_RANGE.high / mid },
      fill: mid,
    };
  }
  return {
    kind: 'tokens',
    units: inputs.tokens,
    perUnit: flops.perToken,
    forwardPerUnit: flops.forwardPerToken,
    family: 'transformer',
    flops,
    params: n,
  };
}

/**
 * Forward FLOPs per image of a network the table does not know, from its parameters and the resolution (the run must
 * state samples, epochs, parameters, a resolution and an architecture text that names a family, and no tokens or
 * sequence length). The spread is the family's range of FLOPs per parameter (core/data/vision-audio.ts genericFlopsPerParam).
 */
function genericPerSample(
  inputs: RunInputs,
): { fwd: number; units: number; family?: ArchitectureInfo['family']; spread: Band; text: string } | undefined {
  const { samples, epochs, resolution, params } = inputs;
  if (samples === undefined || epochs === undefined || resolution === undefined || !(resolution > 0)) return undefined;
  if (inputs.tokens !== undefined || inputs.seqLen !== undefined || params === undefined) return undefined;
  // The family must be named: across all the table's families FLOPs per parameter span 30× (AlexNet's and VGG's dense
  // heads hold most of their parameters, a U-Net at full resolution or a masked encoder lies anywhere), and on the
  // development cases that name none the estimate missed by a median factor of two with the published value outside
  // its range half the time (docs/evaluation/dev-footprint-10.md): no estimate is better than that one.
  const family = inputs.architecture ? architectureFamilyIn(inputs.architecture) : undefined;
  if (family === undefined) return undefined;
  const g = genericFlopsPerParam(family);
  const scale = (resolution / 224) ** 2;
  return {
    fwd: g.mid * params * scale,
    units: samples * epochs,
    family,
    spread: { low: g.low / g.mid, mid: 1, high: g.high / g.mid },
    text:
      `${fmtNum(g.mid)} FLOPs per parameter per 224² image (${fmtNum(g.low)}–${fmtNum(g.high)}: ${g.basis}) × ${fmtNum(params)} parameters` +
      (resolution !== 224 ? ` × (${resolution} / 224)²` : ''),
  };
}

/** How N is named: " active" (MoE), " compute-equivalent" (layers that share weights counted once per use), or plain. */
function activeLabel(inputs: RunInputs): string {
  if (inputs.activeParams === undefined) return '';
  return inputs.params !== undefined && inputs.activeParams > inputs.params
    ? ' compute-equivalent (shared layers counted per use)'
    : ' active';
}

export function workAssumption(inputs: RunInputs, work: WorkPlan): Assumption {
  const units = work.units ?? NaN;
  const samples = inputs.samples ?? NaN;
  if (work.kind === 'tokens' && work.fill !== undefined) {
    const n = inputs.activeParams ?? inputs.params ?? NaN;
    return {
      key: 'tokens',
      text:
        `Tokens not stated: ${fmtNum(samples)} samples × ${inputs.epochs} epoch${inputs.epochs === 1 ? '' : 's'} × ${inputs.seqLen} tokens ` +
        (sequencesText(inputs) ? `${sequencesText(inputs).slice(1)} ` : '') +
        `= ${fmtSci(textSampleTokens(inputs) ?? NaN)} at full length is the most the run computes; mid ${fmtPct(work.fill)} of it ` +
        `(${fmtPct(TEXT_FILL_RANGE.low)}–${fmtPct(TEXT_FILL_RANGE.high)}: short samples padded per batch … packed or padded to the maximum length), ` +
        `D = ${fmtNum(units)} tokens; training compute ${fmtSci(work.perUnit * units)} FLOPs = ${flopsFormula(inputs)} with N = ${fmtNum(n)} parameters`,
      override: '--tokens (the tokens the run trains on), or pack the data into full sequences',
      source:
        'Kaplan et al. 2020 (6ND); fill: the share of the length a sample fills, [I] half of it (core/fit.ts PRIORS.textFill)',
    };
  }
  if (work.kind === 'tokens' && work.perSample !== undefined) {
    const n = inputs.activeParams ?? inputs.params ?? NaN;
    const row = work.perSample.row;
    const k = pairSequences(inputs);
    const pair = sequencesText(inputs);
    const per = fmtNum(work.perSample.tokens / k);
    const each = row
      ? `${per} tokens per ${pair ? 'sequence' : 'sample'} (${row.low.toLocaleString('en-US')}–${row.high.toLocaleString('en-US')}: ${row.name}; no sequence length stated)${pair}`
      : `${per} tokens per sample as stated${pair}`;
    return {
      key: 'tokens',
      text:
        `Tokens not stated: ${fmtNum(samples)} samples × ${inputs.epochs} epoch${inputs.epochs === 1 ? '' : 's'} × ${each} ` +
        `= D = ${fmtNum(units)} tokens; training compute ${fmtSci(work.perUnit * units)} FLOPs = ${flopsFormula(inputs)} with N = ${fmtNum(n)}` +
        `${activeLabel(inputs)} parameters`,
      override: row ? OVERRIDE_HINTS.sampleTokens : undefined,
      source: `Kaplan et al. 2020 (6ND)${row ? `; tokens per sample: ${row.source}` : ''}`,
    };
  }
  if (work.generic !== undefined) {
    return {
      key: 'flops',
      text:
        `Training compute ${fmtSci(work.perUnit * units)} FLOPs = 3 × forward FLOPs per sample × ${fmtNum(samples)} samples × ` +
        `${inputs.epochs} epoch${inputs.epochs === 1 ? '' : 's'}; the network is not in the table, so forward FLOPs ≈ ${work.generic}`,
      override: OVERRIDE_HINTS.architecture,
      source:
        'forward + backward ≈ 3 × forward (Kaplan et al. 2020 §2.1); FLOPs per parameter of the table rows (core/data/vision-audio.ts)',
    };
  }
  if (work.kind === 'tokens') {
    const flops = work.flops!;
    const n = inputs.activeParams ?? inputs.params!;
    const peftText = inputs.peft ? ` (${flops.notes[0]})` : '';
    const teacherNote = flops.notes.find((n) => n.startsWith('distillation'));
    const encoderNote = flops.notes.find((n) => n.startsWith('encoder'));
    const perN = inputs.peft ? '4·N + 6·N_trainable' : '6·N';
    const base = encoderNote ? '6·(N − 0.84·V·H)' : perN;
    const formula = teacherNote
      ? `(${base} + 2·N_teacher)·D`
      : inputs.peft
        ? `(${base})·D`
        : encoderNote
          ? `${base}·D`
          : flopsFormula(inputs).replace(/,$/, '');
    const rolloutNote = flops.notes.find((n) => n.startsWith('rollouts'));
    return {
      key: 'flops',
      text:
        `Training compute ${fmtSci(flops.perToken * work.units!)} FLOPs = ${formula} with ` +
        `N = ${fmtNum(n)}${activeLabel(inputs)} parameters and D = ${fmtNum(work.units!)} tokens${peftText}` +
        (teacherNote ? `; ${teacherNote}` : '') +
        (encoderNote ? `; ${encoderNote}` : '') +
        (rolloutNote ? `; ${rolloutNote}` : '') +
        (flops.attentionPerToken > 0 ? `; ${flops.notes[flops.notes.length - 1]}` : ''),
      source:
        'Kaplan et al. 2020 (6ND); Chowdhery et al. 2022 App. B (attention FLOPs)' +
        (teacherNote ? '; Sanh et al. 2019, DistilBERT (teacher forward pass on every token)' : '') +
        (encoderNote
          ? '; Devlin et al. 2019 §3.1 (15 % of positions masked); google-research/electra flops_computation.py'
          : ''),
    };
  }
  const a = work.arch;
  const scaled = a
    ? forwardFlopsAt(a, { resolution: inputs.resolution, audioSeconds: inputs.audioSeconds }).note
    : undefined;
  const what =
    inputs.flopsPerSample !== undefined
      ? 'forward FLOPs per sample as given'
      : `forward FLOPs per sample of ${a!.name} at ${a!.reference.note}${scaled ? `, ${scaled}` : ''}`;
  const factor = inputs.peft
    ? `(2 + 3 × ${fmtPct(validFraction(inputs.peft.trainableFraction) ?? DEFAULT_PEFT_FRACTION)} trainable)`
    : '3';
  return {
    key: 'flops',
    text:
      `Training compute ${fmtSci(work.perUnit * work.units!)} FLOPs = ${factor} × ${fmtSci(work.forwardPerUnit)} ${what} × ${fmtNum(inputs.samples!)} samples × ` +
      `${inputs.epochs ?? 1} epoch${(inputs.epochs ?? 1) === 1 ? '' : 's'}${inputs.epochs === undefined ? ' (epochs not stated; assumed 1)' : ''}` +
      (inputs.peft ? '; frozen weights need no weight gradients' : ''),
    override: inputs.epochs === undefined ? OVERRIDE_HINTS.samples : undefined,
    source: `forward + backward ≈ 3 × forward (Kaplan et al. 2020 §2.1); ${inputs.flopsPerSample !== undefined ? 'forward FLOPs given by the user' : a!.source}`,
  };
}

export function recomputeOverhead(work: WorkPlan | undefined, level: Level): number {
  if (!work || work.perUnit <= 0) return RECOMPUTE_SHARE[level] / 3;
  return (RECOMPUTE_SHARE[level] * work.forwardPerUnit) / work.perUnit;
}
