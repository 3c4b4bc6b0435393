// The run lengths a script's own loop bound leaves unknown (`range(cfg.epochs)`, `range(total_epoch)`): written in the
// script (origin explicit, with a span on the bound) but with no value. ./hydra-length and ./imported-constants fill
// them from the config the bound reads.
import type { Fact, FactKey } from '../types';
import type { RunDraft } from '../extract/run-draft';
import type { Linker } from './linker';

const LENGTH: FactKey[] = ['epochs', 'max_steps'];

export interface OpenLength {
  d: RunDraft;
  k: FactKey;
  f: Fact;
}

/** Each run length of the file's drafts whose bound is in the file but whose value is unknown. */
export function openLengths(linker: Linker, file: string, drafts: RunDraft[], keys = LENGTH): OpenLength[] {
  const id = linker.id(file);
  return drafts.flatMap((d) =>
    keys.flatMap((k) => {
      const f = d.plan.facts.get(k);
      return f && f.value === null && f.file === id && f.span && f.origin === 'explicit' ? [{ d, k, f }] : [];
    }),
  );
}
