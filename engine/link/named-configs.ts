// A script a reader claims (a hand-written PyTorch loop, a Keras `fit`) whose settings live in the config file its
// launcher names (`train.py --config conf/x.yaml --mixed_precision 1`): what the reader only assumed or took from its
// framework's defaults is filled from that config and the command's own flags, read through the vocabulary
// (../vocabulary), with origin `inferred` and a note that names the config. What the script itself states stays.
import * as path from 'node:path';
import type { Entry, EntrySet } from '../extract/generic';
import type { LaunchCommand } from '../extract/launcher';
import type { RunDraft } from '../extract/run-draft';
import { readSets } from '../extract/vocab-run';
import { configFrameworkPrecision } from '../extract/precision-flags';
import type { Fact, FactKey, Origin } from '../types';
import type { Linker } from './linker';
import { entrySets } from './vocab';
import { boundReads } from './open-length';

/** Origins a config the launcher names may replace: nothing the script or the launcher wrote. */
const WEAK: Origin[] = ['assumed', 'framework-default'];
/**
 * Facts a config does not decide for the run: what only code shows. The model the script builds stays (it is not
 * weak), but where the script names none (`model = get_model(**config['model'])`), the config's `model.name` is the
 * run's: the config given alone reports it, and the launcher that names the config runs that model.
 */
const KEEP: FactKey[] = ['params', 'modality', 'framework', 'host_sync' as FactKey];
/** Facts a script may leave open (written, value unknown) that the named config's key of the same name fills. */
const OPEN_KEYS: FactKey[] = ['epochs', 'max_steps', 'micro_batch'];

/** The command's own flags as an entry set (not the whole launcher's: other stages' flags are other runs'). */
function flagSet(file: string, cmd: LaunchCommand): EntrySet {
  const entries: Entry[] = [...cmd.fields.values()].map((f) => ({
    path: f.name.split('.'),
    value: f.value,
    span: f.span,
    text: f.text,
    kind: 'value',
  }));
  return { file, syntax: 'shell', entries, bases: [] };
}

/**
 * A save call in the loop whose cadence the script does not state (torchtitan's `checkpoint.save(step)`, which
 * saves only where its `CheckpointManager` is enabled, every `checkpoint.interval` steps) under a config that turns
 * checkpointing off (`enable_checkpoint = false`): the config decides, nothing is saved.
 */
const managedSaveOff = (k: FactKey, f: Fact, draft: RunDraft) =>
  k === 'periodic_save' &&
  f.value === 'no' &&
  draft.plan.facts.get(k)?.value === 'steps' &&
  !draft.plan.facts.has('save_steps');

export function withNamedConfigs(linker: Linker, launcher: string, cmd: LaunchCommand, draft: RunDraft): RunDraft {
  if (draft.kind === 'hf' || draft.kind === 'vocab') return draft;
  const sets: EntrySet[] = [];
  for (const ref of cmd.refs.filter((r) => r.role === 'config' || r.role === 'hf-args').slice(0, 2)) {
    const target = linker.resolve(ref.file, ref.path, ref.base);
    const text = target ? linker.read(target) : undefined;
    if (target && text !== undefined) sets.push(...entrySets(linker, target, text).sets);
  }
  if (sets.length === 0) return draft;
  const named = sets[sets.length - 1].file;
  const { read } = readSets([...sets, flagSet(linker.id(launcher), cmd)]);
  // A new plan: the draft given may be shared (runs are not changed in place).
  const facts = new Map(draft.plan.facts);
  const relevantSpans = [...draft.plan.relevantSpans];
  let added = false;
  for (const [k, f] of read.facts) {
    const cur = facts.get(k);
    // A loop bound the script leaves open (`range(args.epochs)`) that reads this key of the config: ./open-length.
    // Likewise the loader's batch (`DataLoader(batch_size=batchsize)` after `batchsize = config['train']['batchsize']`).
    const open = cur?.value === null && cur.origin === 'explicit' && boundReads(linker, cur, f, OPEN_KEYS);
    if (KEEP.includes(k) || (cur && !WEAK.includes(cur.origin) && !managedSaveOff(k, f, draft) && !open)) continue;
    const where =
      f.file === linker.id(launcher)
        ? `a flag of ${path.basename(launcher)}`
        : `in ${path.basename(f.file ?? named)}, named by ${path.basename(launcher)}`;
    facts.set(k, { ...f, origin: 'inferred', note: `${f.note} (${where})` });
    if (f.file && f.span) relevantSpans.push({ file: f.file, span: f.span, key: k });
    added = true;
  }
  // A precision the config's framework sets in library code (torchtitan), over the fp32 of a script showing none.
  const fwp = read.facts.has('precision') ? undefined : configFrameworkPrecision(facts.get('precision'), sets);
  if (fwp)
    facts.set('precision', {
      ...fwp,
      note: `${fwp.note} (${path.basename(named)}, named by ${path.basename(launcher)})`,
    });
  // A run length the config states replaces a framework's default length in the other unit (Keras `fit`'s 1 epoch).
  for (const [k, other] of [
    ['max_steps', 'epochs'],
    ['epochs', 'max_steps'],
  ] as const)
    if (read.facts.has(k) && !read.facts.has(other) && facts.get(other)?.origin === 'framework-default')
      facts.delete(other);
  const files = added ? [...new Set([...draft.plan.files, ...sets.map((s) => s.file)])] : draft.plan.files;
  return { ...draft, plan: { ...draft.plan, facts, relevantSpans, files } };
}
