// The run's workload: tokens (6·N·D, plus attention) or samples (3 × forward FLOPs per sample), and the sentence
// that describes it.

import { DEFAULT_PEFT_FRACTION, fmtPct, planFlops, RECOMPUTE_SHARE, validFraction } from './compute';
import { forwardFlopsAt, lookupArchitecture } from './data/vision-audio';
import { fmtNum, fmtSci, Level, OVERRIDE_HINTS, WorkPlan } from './estimate-model';
import { ArchitectureInfo, Assumption, RunInputs } from './types';

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
    return inputs.samples !== undefined ? inputs.samples * (inputs.epochs ?? 1) : undefined;
  return inputs.tokens;
}

export function planWork(inputs: RunInputs, warnings: string[]): WorkPlan | undefined {
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
  if (fwd !== undefined && fwd > 0 && perSampleWorkload(inputs, true)) {
    const frac = inputs.peft ? (validFraction(inputs.peft.trainableFraction) ?? DEFAULT_PEFT_FRACTION) : undefined;
    return {
      kind: 'samples',
      units: inputs.samples !== undefined ? inputs.samples * (inputs.epochs ?? 1) : undefined,
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

export function workAssumption(inputs: RunInputs, work: WorkPlan): Assumption {
  if (work.kind === 'tokens') {
    const flops = work.flops!;
    const n = inputs.activeParams ?? inputs.params!;
    const peftText = inputs.peft ? ` (${flops.notes[0]})` : '';
    const teacherNote = flops.notes.find((n) => n.startsWith('distillation'));
    const perN = inputs.peft ? '4·N + 6·N_trainable' : '6·N';
    const formula = teacherNote ? `(${perN} + 2·N_teacher)·D` : inputs.peft ? `(${perN})·D` : '6·N·D';
    return {
      key: 'flops',
      text:
        `Training compute ${fmtSci(flops.perToken * work.units!)} FLOPs = ${formula} with ` +
        `N = ${fmtNum(n)}${inputs.activeParams !== undefined ? ' active' : ''} parameters and D = ${fmtNum(work.units!)} tokens${peftText}` +
        (teacherNote ? `; ${teacherNote}` : '') +
        (flops.attentionPerToken > 0 ? `; ${flops.notes[flops.notes.length - 1]}` : ''),
      source:
        'Kaplan et al. 2020 (6ND); Chowdhery et al. 2022 App. B (attention FLOPs)' +
        (teacherNote ? '; Sanh et al. 2019, DistilBERT (teacher forward pass on every token)' : ''),
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
