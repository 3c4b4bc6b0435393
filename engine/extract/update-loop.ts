// The run length and the checkpoints of a training loop written in any library (a TF2 `tape.gradient` step, a JAX
// `value_and_grad` step, a TF1 `sess.run(train_op)`), read by the same loop reader as a PyTorch loop
// (./python-loop `loopFacts`): the epoch loop's bound, a step budget, and whether the loop saves. They replace what
// the shared vocabulary only guessed from a key's name (`--max_steps` declared but never used by the loop).
import type { Tree } from '../parse/python';
import { callSite, findCalls } from '../parse/python-syntax';
import type { Fact, FactKey } from '../types';
import { loopAround, loopFacts } from './python-loop';
import type { TrainingEvidence } from './python-trains';
import { savesAnything } from './python-trains-run';
import { ValueResolver } from './python-values';

const KEYS: FactKey[] = ['epochs', 'max_steps', 'periodic_save', 'save_steps'];
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
  const loop = loopAround(root, text, site);
  if (!loop.visible || loop.loops.length === 0) return;
  const values = new ValueResolver(root, findCalls(root, text, ['add_argument', 'DEFINE_integer', 'DEFINE_string']));
  const read = loopFacts(file, root, text, loop, values).filter((f) => KEYS.includes(f.key));
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
