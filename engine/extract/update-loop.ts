// The run length and the checkpoints of a training loop written in any library (a TF2 `tape.gradient` step, a JAX
// `value_and_grad` step, a TF1 `sess.run(train_op)`), read by the same loop reader as a PyTorch loop
// (./python-loop `loopFacts`): the epoch loop's bound, a step budget, and whether the loop saves. They replace what
// the shared vocabulary only guessed from a key's name (`--max_steps` declared but never used by the loop). A script
// whose update lives in code it calls (`engine.train(x, y)` per batch, `s.train_network(epoch, loader)` per epoch)
// still shows where it saves: in the loops around that call.
import type { SyntaxNode, Tree } from '../parse/python';
import { callSite, findCalls, type CallSite } from '../parse/python-syntax';
import type { Fact, FactKey } from '../types';
import { loopAround, loopFacts } from './python-loop';
import type { TrainingEvidence } from './python-trains';
import { savesAnything } from './python-trains-run';
import { ValueResolver } from './python-values';

const KEYS: FactKey[] = ['epochs', 'max_steps', 'periodic_save', 'save_steps'];
const SAVE_KEYS: FactKey[] = ['periodic_save', 'save_steps'];
const WEAK = new Set(['inferred', 'framework-default', 'assumed']);

export function updateLoopFacts(
  file: string,
  tree: Tree,
  text: string,
  ev: TrainingEvidence,
  facts: Map<FactKey, Fact>,
): void {
  if (!ev.stepLoop || !ev.entry || !ev.update) return;
  const site = callSite(ev.update);
  if (!site) return;
  const root = tree.rootNode;
  const around = loopAround(root, text, site);
  if (around.loops.length === 0) return;
  // The loops around the step hold its saves even where the chain of callers above them is not followed to the end
  // (`tf.app.run(main)` → `main` → `train`): the run length is then out of view, the cadence is not.
  const keys = around.visible ? KEYS : SAVE_KEYS;
  const loop = { ...around, visible: true };
  const values = new ValueResolver(root, findCalls(root, text, ['add_argument', 'DEFINE_integer', 'DEFINE_string']));
  const read = loopFacts(file, root, text, loop, values).filter((f) => keys.includes(f.key));
  const got = new Set(read.map((f) => f.key));
  const outermost = loop.loops[loop.loops.length - 1];
  for (const f of read) {
    // "Nothing saves" only where the loops hold no call that could write state by any name (`checkpoint(state)`,
    // `manager.save()`, `model.save_to_folder(…)`): a helper the loop reader does not follow may save.
    if (f.key === 'periodic_save' && f.value === 'no' && savesAnything(outermost.text)) continue;
    const cur = facts.get(f.key);
    if (cur && !WEAK.has(cur.origin)) continue;
    if (f.value === null && cur && cur.value !== null) continue;
    facts.set(f.key, f);
  }
  // A step count read from a key's name alone that the loop does not use: the loop's epochs decide.
  const steps = facts.get('max_steps');
  const name =
    steps?.name ??
    steps?.note
      ?.match(/key `([\w.]+)`/)?.[1]
      ?.split('.')
      .pop();
  if (
    got.has('epochs') &&
    !got.has('max_steps') &&
    steps?.origin === 'inferred' &&
    name &&
    !outermost.text.includes(name)
  )
    facts.delete('max_steps');
}

/** A call that runs a whole epoch: named for it (`train_one_epoch`), or handed a loader or the epoch number. */
const EPOCH_CALL = /epoch/i;
const LOADER_ARG = /(^|_)(loader|dataloader|epoch)s?$|loader$/i;
const runsEpoch = (c: CallSite) =>
  EPOCH_CALL.test(c.name) ||
  [...c.kwargs.keys()].some((k) => LOADER_ARG.test(k)) ||
  c.positional.some((p: SyntaxNode) => p.type === 'identifier' && LOADER_ARG.test(p.text));

/**
 * Saves in the loops around the training call of a script whose update is in code it calls (no update of its own in
 * this file): in the loop around a per-batch call, once per epoch around it; any save in the loop around a call
 * that runs an epoch (every N epochs under `if epoch % N == 0`) is an epoch save. Only a save found counts: the
 * called code may save where this file does not show it.
 */
export function callLoopSaves(
  file: string,
  tree: Tree,
  text: string,
  ev: TrainingEvidence,
  facts: Map<FactKey, Fact>,
): void {
  const site = ev.calls[0];
  const cur = facts.get('periodic_save');
  if ((ev.update && ev.stepLoop) || !ev.entry || !site || (cur && !WEAK.has(cur.origin))) return;
  const root = tree.rootNode;
  // The loops around the call hold its saves even where the chain of callers above them is not followed to the end
  // (`tf.app.run(main)` → `main` → `train`): the run length may be out of view, the cadence is not.
  const loop = { ...loopAround(root, text, site), visible: true };
  if (loop.loops.length === 0) return;
  const values = new ValueResolver(root, findCalls(root, text, ['add_argument', 'DEFINE_integer', 'DEFINE_string']));
  const read = loopFacts(file, root, text, loop, values);
  const save = read.find((f) => f.key === 'periodic_save');
  // Only a best-model save around the call: no cadence (./python-loop-saves).
  if (save?.form === 'best-only') facts.set('periodic_save', save);
  if (!save || (save.value !== 'steps' && save.value !== 'epoch')) return;
  const epochs = runsEpoch(site);
  const every = epochs ? undefined : read.find((f) => f.key === 'save_steps');
  const value = epochs ? 'epoch' : save.value;
  facts.set('periodic_save', {
    ...save,
    value,
    note: epochs
      ? `${(save.note ?? '').replace(/ inside the training loop$/, '')} in the loop around ${site.callee}(…), which runs an epoch`
      : save.note,
  });
  if (every) facts.set('save_steps', every);
  // A step interval read from a key's name alone (`--save_interval 1000`) is not the cadence the loop shows.
  else if (value === 'epoch' && facts.get('save_steps')?.origin === 'inferred') facts.delete('save_steps');
}
