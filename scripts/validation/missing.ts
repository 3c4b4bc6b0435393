// What a run the core cannot estimate lacks, as a short name of the fact (for scripts/validate-footprint.ts): read from
// the core's own "Cannot estimate device-hours: missing …" warning (core/prepare.ts) and the inputs the case states, so
// that the next person sees which fact would make a published run estimable, and how many runs each fact would open.
import type { RunInputs } from '../../core/index';

/** The facts, in the order the validation prints them. */
export const MISSING_FACTS = [
  'parameter count',
  'FLOPs per sample (architecture)',
  'training tokens',
  'tokens per sample',
  'epochs',
  'training samples',
] as const;
export type MissingFact = (typeof MISSING_FACTS)[number];

/**
 * The facts a not-estimable run lacks, from the core's warning and the inputs given. Images or audio counted in samples
 * with neither a parameter count nor tokens lack their FLOPs per sample (an architecture the table knows, or
 * --flops-per-sample), not a parameter count: a parameter count alone would not give FLOPs per image. Empty when the
 * warning is not the core's "cannot estimate" one.
 */
export function missingFacts(
  warnings: readonly string[],
  inputs: RunInputs,
  /** The samples are images, video or audio (a held-out case's modality): their work is FLOPs per sample × samples × epochs. */
  perSampleData = false,
): MissingFact[] {
  const w = warnings.find((x) => x.startsWith('Cannot estimate device-hours: missing'));
  if (!w) return [];
  const end = w.indexOf('; or give GPU-hours directly');
  const what = end < 0 ? w : w.slice(0, end);
  const out = new Set<MissingFact>();
  // Samples or epochs of no text kind (images, audio, or of no kind stated) with no parameter count and no tokens: the
  // work is FLOPs per sample × samples × epochs.
  const perSample =
    (perSampleData || inputs.samples !== undefined || inputs.epochs !== undefined) &&
    inputs.params === undefined &&
    inputs.tokens === undefined &&
    inputs.seqLen === undefined &&
    inputs.sampleKind === undefined;
  // Text or image–text samples counted with their length or kind and no parameter count: the core derives the tokens
  // from samples × epochs × tokens per sample (core/workload.ts sampleTokensPlan) once the size is known, so the
  // tokens its warning names are not a second fact to state; only the parameter count (and epochs, if absent) is.
  const tokensFollow =
    inputs.samples !== undefined &&
    inputs.tokens === undefined &&
    (inputs.seqLen !== undefined || inputs.tokensPerSample !== undefined || inputs.sampleKind !== undefined);
  if (/the architecture: a network the table knows/.test(what)) out.add('FLOPs per sample (architecture)');
  if (tokensFollow && /the parameter count/.test(what)) {
    out.add('parameter count');
    if (inputs.epochs === undefined) out.add('epochs');
  } else if (perSample) {
    if (inputs.architecture === undefined) out.add('FLOPs per sample (architecture)');
    if (inputs.samples === undefined) out.add('training samples');
    if (inputs.epochs === undefined) out.add('epochs');
  } else {
    if (/the parameter count/.test(what)) out.add('parameter count');
    if (/the number of training tokens/.test(what)) out.add('training tokens');
  }
  if (/the tokens per sample/.test(what)) out.add('tokens per sample');
  if (/the number of epochs/.test(what)) out.add('epochs');
  if (/the number of training samples/.test(what)) out.add('training samples');
  return MISSING_FACTS.filter((f) => out.has(f));
}
