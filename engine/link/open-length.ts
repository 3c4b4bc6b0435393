// The run lengths a script's own loop bound leaves unknown (`range(cfg.epochs)`, `range(total_epoch)`): written in the
// script (origin explicit, with a span on the bound) but with no value. ./hydra-length and ./imported-constants fill
// them from the config the bound reads.
import type { Fact, FactKey } from '../types';
import type { RunDraft } from '../extract/run-draft';
import type { Linker } from './linker';

const LENGTH: FactKey[] = ['epochs', 'max_steps'];

/**
 * The mark ../extract/python-scan.ts leaves on a value read from an attribute no parser of the file declares
 * (`DataLoader(batch_size=config.batch_size)` where `config = TrainingConfig()`, `opt` a helper's parsed options):
 * `script-default` so that a launcher's flag of that name fills it, yet as unknown as an explicit bound.
 */
export const UNDECLARED_OPTION = /\s*\(no default of argparse --[\w-]+\)/;

/** Whether a fact is written in the script with no value the file gives it: explicit, or an undeclared option. */
export function openFact(f: Fact): boolean {
  return (
    f.value === null &&
    (f.origin === 'explicit' || (f.origin === 'script-default' && UNDECLARED_OPTION.test(f.note ?? '')))
  );
}

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
      return f && openFact(f) && f.file === id && f.span ? [{ d, k, f }] : [];
    }),
  );
}

const names = (s: string) => new Set([...s.matchAll(/[A-Za-z_]\w*/g)].map((m) => m[0].toLowerCase()));

/**
 * Whether a length a launcher states — its flag (`--num_epochs 6172`) or a line of the config it names (`n_epochs: 20`,
 * `epochs: 100`) — is what an open bound of the script reads: the key's own name is one the bound's expression reads
 * (`range(self.num_epochs + 1)`, `epochs=train_config['n_epochs']`, `range(args.epochs)`). A bound over anything else
 * (`range(len(loader))`) is not filled.
 */
export function boundReads(linker: Linker, bound: Fact, source: Fact, keys: FactKey[] = LENGTH): boolean {
  if (!keys.includes(bound.key)) return false;
  const at = (f: Fact) => (f.file && f.span ? (linker.read(f.file)?.slice(f.span.start, f.span.end) ?? '') : '');
  const key = /^[-\s"']*([A-Za-z_][\w.-]*)/.exec(at(source))?.[1];
  const leaf = key?.split('.').pop()?.replace(/-/g, '_').toLowerCase();
  return !!leaf && names(at(bound)).has(leaf);
}
