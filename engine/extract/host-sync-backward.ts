// The update of a training step, as host reads (GML404) and the step scopes around them need it: the backward pass
// (also through a function of the file that runs it), the optimizer step, and the functions of a file that are one
// training step each.
import type { SyntaxNode } from '../parse/python';
import { enclosingDef } from './python-params';
import { contains, isBackwardCall, loopsAround } from './python-scan';
import { calleeOf, defNameOf, nodesOfType } from '../parse/nodes-of-type';

/**
 * The update of a step: PyTorch's backward pass (./python-scan isBackwardCall: `loss.backward()`, `manual_backward`, a
 * loss scaler run on the loss and the optimizer, LOMO's `fused_backward`), and the gradient update of Flax
 * (`state.apply_gradients`) and optax.
 */
/** The callee names `isBackward` can accept: a cheap test first, on a file that may hold thousands of calls. */
const BACKWARD_NAME = /(backward|scaler|apply_gradients|apply_updates)$/i;
export const isBackward = (c: SyntaxNode | null): c is SyntaxNode => {
  if (!c) return false;
  return (
    isBackwardCall(c) || /(^|\.)(apply_gradients|apply_updates)$/.test(c.childForFieldName('function')?.text ?? '')
  );
};

export type IsBackward = (c: SyntaxNode | null) => c is SyntaxNode;

/**
 * The backward pass of this file: `isBackward`, or a call of a function of the file whose own body runs it (a GAN
 * trainer's `backwards(loss, optimizer)` wrapping apex's scaled loss, a `def backward_G(self): … loss.backward()`).
 */
export function backwardOf(
  root: SyntaxNode,
  calls: readonly SyntaxNode[],
  callee: (c: SyntaxNode) => string,
): IsBackward {
  const helpers = new Set<string>();
  for (const c of calls) {
    if (!BACKWARD_NAME.test(callee(c)) || !isBackward(c)) continue;
    // A function that runs the backward pass in a loop of its own (`def train(…): for x, y in loader: …
    // loss.backward()`) is a whole epoch of steps, not one backward pass: a loop calling it is an epoch loop.
    const fn = enclosingDef(c);
    const name = fn?.childForFieldName('name')?.text;
    if (fn && name && !loopsAround(c).some((l) => contains(fn, l))) helpers.add(name);
  }
  // Aliases (`bwd = partial(loss_backwards, fp16)`, `bwd = loss_backwards`) where a helper is named but not called.
  if ([...helpers].some((h) => new RegExp(`\\b${h}\\b(?![ \\t]*\\()`).test(root.text)))
    for (const a of nodesOfType(root, 'assignment')) {
      const left = a?.childForFieldName('left');
      const right = a?.childForFieldName('right');
      if (left?.type !== 'identifier' || !right) continue;
      const target =
        right.type === 'identifier'
          ? right.text
          : right.type === 'call' && /^(functools\.)?partial$/.test(right.childForFieldName('function')?.text ?? '')
            ? right.childForFieldName('arguments')?.namedChildren[0]?.text
            : undefined;
      if (target && helpers.has(target)) helpers.add(left.text);
    }
  return (c): c is SyntaxNode => {
    if (!c) return false;
    const f = callee(c);
    if (BACKWARD_NAME.test(f) && isBackward(c)) return true;
    const name = OWN_CALLEE.exec(f)?.[1];
    return !!name && helpers.has(name);
  };
}

/**
 * Functions of this file that are one training step each: their own body runs the backward pass outside any loop of
 * theirs (`def train_step(engine, batch): … loss.backward()`), or they are a framework's per-step hook, which runs
 * the backward pass itself (Lightning `training_step`, a Trainer subclass's `compute_loss`).
 */
export function stepFunctions(
  root: SyntaxNode,
  isBwd: IsBackward,
  calls: readonly SyntaxNode[],
  callee: (c: SyntaxNode) => string,
): SyntaxNode[] {
  // The backward passes and optimizer steps, each under the function whose own body holds it: one pass over the
  // file's calls, not one per function (a file may hold thousands of calls).
  const own = new Map<number, SyntaxNode[]>();
  for (const c of calls) {
    if (!isBwd(c) && !optimizerStepName(callee(c))) continue;
    const fn = enclosingDef(c);
    if (!fn) continue;
    const list = own.get(fn.id);
    if (list) list.push(c);
    else own.set(fn.id, [c]);
  }
  const out: SyntaxNode[] = [];
  for (const fn of nodesOfType(root, 'function_definition')) {
    const name = fn && defNameOf(fn);
    if (!fn || !name) continue;
    const hook = HOOK.test(name) && fn.parent?.parent?.type === 'class_definition';
    // Its own body runs the backward pass, or the optimizer step (a step whose backward passes sit in loops over
    // discriminator steps or micro-batches: `for _ in range(n_accum): loss.backward()` then `G.optim.step()`).
    const steps = (own.get(fn.id) ?? []).some((c) => !loopsAround(c).some((l) => contains(fn, l)));
    if (hook || steps) out.push(fn);
  }
  return out;
}

export const HOOK = /^(training_step|compute_loss)$/;

/** The name a call of a function of this file goes by: `name(…)`, `self.name(…)`, `cls.name(…)`; else undefined. */
export const OWN_CALLEE = /^(?:(?:self|cls)\.)?(\w+)$/;

/** `optimizer.step()`, `opt_g.step()`, `scaler.step(optimizer)`: the update of a training step (not a scheduler's). */
export const optimizerStepName = (f: string): boolean =>
  /(^|[._])(optim\w*|opt\w*|scaler)\.step$/i.test(f) && !/sched/i.test(f);
export const isOptimizerStep = (c: SyntaxNode | null): boolean => !!c && optimizerStepName(calleeOf(c));
