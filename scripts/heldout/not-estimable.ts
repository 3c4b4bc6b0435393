// Why the core cannot estimate a published run of a footprint set, in the set's own terms (the fields of
// docs/evaluation/heldout/footprint-*/cases.json), so that the next labeller sees what a case must state: the facts it
// lacks (scripts/validation/missing.ts, read from the core's warning and the inputs the case gives), the fields that
// would supply them, the fields it does state, and an accelerator name the core does not know. Used by
// score-footprint.ts for each case and for the set's summary (how many cases each field alone would make estimable).
import { resolveAccelerator, type Estimate, type RunInputs } from '../../core/index';
import { missingFacts, type MissingFact } from '../validation/missing';
import type { FootprintCase } from './footprint-inputs';

/** The field (or fields) of a case that supply each fact the core may lack. */
export const FIELDS_FOR: Readonly<Record<MissingFact, string>> = {
  'parameter count': 'paramsTotal',
  'FLOPs per sample (architecture)':
    'architecture naming a network the core knows, in parentheses, e.g. "CNN classifier (ResNet-50)"',
  'training tokens': 'tokens, or samples with epochs',
  'tokens per sample': 'seqLen',
  epochs: 'epochs',
  'training samples': 'samples',
};

/**
 * Modalities whose samples are images, video or audio (footprint sets write vision, diffusion, speech): their work is a
 * network's FLOPs per sample × samples × epochs, so a parameter count alone would not make them estimable.
 */
const PER_SAMPLE_MODALITIES = new Set(['vision', 'diffusion', 'speech', 'audio', 'video']);

/** The fields of a case the scorer turns into inputs (scripts/heldout/footprint-inputs.ts inputsOf), in that order. */
const INPUT_FIELDS = [
  'paramsTotal',
  'paramsActive',
  'tokens',
  'samples',
  'epochs',
  'seqLen',
  'resolution',
  'hardware',
  'devices',
  'precision',
] as const;

export interface NotEstimable {
  facts: MissingFact[];
  /** What the case would have to state: one entry per fact, FIELDS_FOR's text. */
  needs: string[];
  /** The input fields the case states (not null). */
  states: string[];
  /** The network the core read from the case's id, name or architecture text, if any. */
  network?: string;
  /** The case's accelerator name when the core does not know it (estimates then fall back to a generic device). */
  unknownHardware?: string;
  /** One line for the scorer. */
  line: string;
}

export function notEstimable(c: FootprintCase, inputs: RunInputs, e: Estimate): NotEstimable {
  const facts = missingFacts(e.warnings, inputs, PER_SAMPLE_MODALITIES.has(c.modality ?? ''));
  const needs = facts.map((f) => FIELDS_FOR[f]);
  const states = INPUT_FIELDS.filter((k) => c[k] !== null && c[k] !== undefined).map(String);
  const network = inputs.architecture;
  const hw = inputs.hardware;
  const unknownHardware = hw && !resolveAccelerator(hw).ok ? hw : undefined;
  const parts = [
    facts.length
      ? `lacks ${facts.join(' + ')} → state ${needs.join('; and ')}`
      : `another reason: ${e.warnings[0] ?? 'none given'}`,
    `states ${states.length ? states.join(', ') : 'no input field'}${network ? ` (network read: ${network})` : ''}`,
  ];
  if (unknownHardware) parts.push(`hardware "${unknownHardware}" is not an accelerator the core knows`);
  return { facts, needs, states, network, unknownHardware, line: parts.join('; ') };
}

/**
 * For the set's summary: each field that alone would make a case estimable (the case lacks exactly one fact), with the
 * cases it would open, most first; cases lacking two or more facts are counted apart.
 */
export function oneFieldAway(reasons: readonly { id: string; r: NotEstimable }[]): {
  byField: [string, string[]][];
  twoOrMore: number;
} {
  const by = new Map<string, string[]>();
  let twoOrMore = 0;
  for (const { id, r } of reasons) {
    if (r.needs.length !== 1) {
      if (r.needs.length > 1) twoOrMore++;
      continue;
    }
    by.set(r.needs[0], [...(by.get(r.needs[0]) ?? []), id]);
  }
  return { byField: [...by.entries()].sort((a, b) => b[1].length - a[1].length), twoOrMore };
}
