// A config read by several training scripts of its project alike (U-ViT's `train.py` and `train_ldm.py` both read
// `config.train.*`; KAIR's `main_train_*.py` all read `opt['train'][…]`): which script runs it is left open
// (./config-readers links none), but what the code fixes whichever of them runs — no gradient accumulation, the
// training DataLoader's workers, the optimizer they build — is known when every one of them says the same. Only
// those keys, only when each candidate states a value and all the values agree, as `inferred` with a note naming the
// scripts; nothing over what the config states, and the scripts are not added to the run's files.
import * as path from 'node:path';
import { readingFacts, type PathLookup } from '../extract/config-reading';
import { optimizerFact } from '../extract/python-optimizer';
import { ValueResolver } from '../extract/python-values';
import type { RunDraft } from '../extract/run-draft';
import { findCalls } from '../parse/python-syntax';
import type { Tree } from '../parse/python';
import type { Fact, FactKey, FactValue, Origin } from '../types';
import type { Linker } from './linker';
import { repoOptimizer } from './repo-optimizer';

/** Facts decided by the reading code, not by the config's values. */
const AGREED: FactKey[] = ['grad_accum', 'num_workers', 'optimizer'];
/** More candidates than this: the config is shared too widely to say anything of the code that runs it. */
const MAX_TIED = 6;
const WEAK: Origin[] = ['assumed', 'framework-default'];

interface Candidate {
  file: string;
  text: string;
  tree: Tree;
}

/** What one candidate script fixes of the agreed keys: its reading of the config, else its own run's code. */
function candidateFacts(linker: Linker, c: Candidate, lookup: PathLookup): Map<FactKey, Fact> {
  const script = linker.id(c.file);
  const out = new Map<FactKey, Fact>();
  for (const f of readingFacts(script, c.text, c.tree, lookup)) if (AGREED.includes(f.key)) out.set(f.key, f);
  for (const run of linker.pythonRuns(c.file, c.text).filter((r) => r.plan.entry.file === script))
    for (const k of AGREED) {
      const f = run.plan.facts.get(k);
      if (f && f.value !== null && f.origin !== 'assumed' && !out.has(k)) out.set(k, f);
    }
  if (!out.has('optimizer')) {
    const root = c.tree.rootNode;
    const values = new ValueResolver(root, findCalls(root, c.text, ['add_argument']));
    const o =
      optimizerFact(script, c.text, root, values) ??
      repoOptimizer(linker, { file: path.resolve(c.file), text: c.text, root });
    if (o && typeof o.value === 'string') out.set('optimizer', o);
  }
  return out;
}

/** The config's run with the agreed keys filled from every tied candidate reader, or the drafts unchanged. */
export function withTiedReaders(
  linker: Linker,
  drafts: RunDraft[],
  tied: Candidate[] | undefined,
  lookup: PathLookup,
): RunDraft[] {
  const d = drafts[0];
  if (!d || drafts.length !== 1 || !tied || tied.length < 2 || tied.length > MAX_TIED) return drafts;
  const each = tied.map((c) => candidateFacts(linker, c, lookup));
  const names = tied.map((c) => path.basename(c.file)).join(', ');
  for (const k of AGREED) {
    const cur = d.plan.facts.get(k);
    if (cur && !WEAK.includes(cur.origin) && cur.value !== null) continue;
    const got = each.map((m) => m.get(k));
    const values = new Set<FactValue | undefined>(got.map((f) => f?.value));
    const first = got[0];
    if (!first || values.size !== 1 || first.value === null || first.value === undefined) continue;
    d.plan.facts.set(k, {
      ...first,
      origin: 'inferred',
      note: `${first.note ?? k} — the same in every training script of the project that reads this config (${names})`,
    });
  }
  return drafts;
}
