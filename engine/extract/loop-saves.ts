// Whether anything a script runs while it trains could write training state: a save call inside a loop, in a
// function the file calls from a loop (one call level after another), or in a callback hook (`on_epoch_end`,
// `on_batch_end`, which the training call runs during training). A save that runs only after training (FM's
// `self.saver.save(sess, file)` once its epoch loop is done, `model.save("final.h5")` at the end of the script) is
// no periodic checkpoint: an interruption loses the run all the same. Read on the tree, never evaluated.
import type { SyntaxNode } from '../parse/python';
import { nodesOfType } from '../parse/nodes-of-type';
import { loopsAround } from './python-scan';
import { mediaSave, NOT_STATE, writesMedia } from './save-names';

/** A call that could write training state, by its name (see ./python-trains-run `savesAnything` for the words). */
const STATE_WORD = /save|ckpt|checkpoint|dump|export|persist|serializ/i;

/** A call handed `callbacks=` (a training call: a checkpoint callback may be among them). */
const hasCallbacks = (call: SyntaxNode) =>
  (call.childForFieldName('arguments')?.namedChildren ?? []).some(
    (a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'callbacks',
  );

/**
 * A call that could save: by name, unless it writes media or results; a `callbacks=` list (a checkpoint callback may
 * be in it). TensorFlow's `tf.train.Saver()` builds a saver and writes nothing: its `saver.save(…)` is the save.
 */
function couldSave(call: SyntaxNode): boolean {
  const callee = call.childForFieldName('function')?.text ?? '';
  const name = callee.split('.').pop() ?? '';
  if (hasCallbacks(call)) return true;
  if (!STATE_WORD.test(name) || name === 'Saver') return false;
  if (NOT_STATE.test(name) || writesMedia(name) || mediaSave(callee)) return false;
  // `toimage(x).save(fn)`: a picture made just now.
  return !/\)\s*\.\s*save$/.test(callee);
}

const calleeName = (call: SyntaxNode) => call.childForFieldName('function')?.text.split('.').pop() ?? '';

/** The name of the function or method a node sits in, innermost first. */
function enclosingNames(node: SyntaxNode): string[] {
  const out: string[] = [];
  for (let p = node.parent; p; p = p.parent)
    if (p.type === 'function_definition') out.push(p.childForFieldName('name')?.text ?? '');
  return out;
}

/**
 * True when some call that could save runs while the file trains (in a loop, in a function called from a loop at any
 * depth of the file's own calls, or in a callback hook); false when every such call runs outside them.
 */
export function savesWhileTraining(root: SyntaxNode): boolean {
  const calls = nodesOfType(root, 'call');
  const saves = calls.filter(couldSave);
  // A training call's callbacks run while it trains, wherever the call is (a `ModelCheckpoint` in `fit(callbacks=…)`).
  if (saves.some((s) => loopsAround(s).length > 0 || hasCallbacks(s))) return true;
  if (saves.length === 0) return false;
  // Functions run from a loop: called in one, or called by one of those (names of the file's own definitions).
  const defs = new Map<string, SyntaxNode[]>();
  for (const d of nodesOfType(root, 'function_definition')) {
    const name = d.childForFieldName('name')?.text;
    if (name) defs.set(name, [...(defs.get(name) ?? []), d]);
  }
  const looped = new Set(calls.filter((c) => loopsAround(c).length > 0).map(calleeName));
  for (let grew = true; grew;) {
    grew = false;
    for (const [name, ds] of defs) {
      if (!looped.has(name)) continue;
      for (const d of ds)
        for (const c of d.descendantsOfType('call')) {
          const n = c ? calleeName(c) : '';
          if (n && !looped.has(n)) {
            looped.add(n);
            grew = true;
          }
        }
    }
  }
  return saves.some((s) => enclosingNames(s).some((n) => looped.has(n) || /^on_\w+/.test(n)));
}
