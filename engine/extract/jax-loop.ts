// The training loop of a JAX script: the optimizer update (`state.apply_gradients(...)`, `optax.apply_updates(...)`,
// `optimizer.update(...)`), the function holding it (usually a `@jax.jit` train step), and the loops around the
// places that call it — also through `p_step = jax.pmap(train_step)` aliases. Shaped like ./python-loop's
// TrainingLoop so its loop facts (epochs, steps, saves inside the loop) apply unchanged.
import type { SyntaxNode } from '../parse/python';
import { callSite, findCalls, type CallSite } from '../parse/python-syntax';
import type { TrainingLoop } from './python-loop';
import { contains, loopsAround } from './python-scan';

const enclosingFunction = (node: SyntaxNode): SyntaxNode | undefined => {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'function_definition') return p;
  return undefined;
};

/** The optimizer update call: apply_gradients / apply_updates, else `<opt>.update(grads…)` on an optimizer-like name. */
export function updateCall(root: SyntaxNode, text: string): CallSite | undefined {
  const calls = findCalls(root, text, ['apply_gradients', 'apply_updates', 'update']);
  return (
    calls.find((c) => c.name === 'apply_gradients' || c.name === 'apply_updates') ??
    calls.find(
      (c) =>
        c.name === 'update' &&
        /(^|[._])(opt|optim|optimizer|tx|optax_opt)$/i.test(c.callee.slice(0, -'.update'.length)),
    )
  );
}

/**
 * Names a function goes by: its own, `x = jax.jit(f)` / `jax.pmap(f, …)` / `nnx.jit(f)` aliases, also of a partial
 * application (`jax.pmap(functools.partial(train_step, model, config), axis_name='batch')`, as in Google Research's
 * JAX trainers and Flax's ImageNet example) and kept on the object (`self.train_step = jax.jit(train_step)`, the
 * TrainerModule of the UvA deep-learning JAX tutorials); a method, called on `self`, by `self.<name>`.
 */
function aliases(root: SyntaxNode, text: string, fn: SyntaxNode, name: string): string[] {
  const out = [name];
  if (fn.parent?.type === 'block' && fn.parent.parent?.type === 'class_definition') out.push(`self.${name}`);
  for (const c of findCalls(root, text, ['jit', 'pmap', 'pjit', 'shard_map'])) {
    const first = c.positional[0];
    const partial = first?.type === 'call' ? callSite(first) : undefined;
    const wrapped = partial && /^(functools\.)?partial$/.test(partial.callee) ? partial.positional[0] : first;
    if (wrapped?.text !== name) continue;
    const a = c.node.parent?.type === 'assignment' ? c.node.parent.childForFieldName('left') : undefined;
    if (a?.type === 'identifier' || (a?.type === 'attribute' && /^self\.\w+$/.test(a.text))) out.push(a.text);
  }
  return out;
}

export function findJaxLoop(root: SyntaxNode, text: string): TrainingLoop | undefined {
  const update = updateCall(root, text);
  if (!update) return undefined;
  const loops = loopsAround(update.node);
  let visible = true;
  let fn = enclosingFunction(update.node);
  for (let depth = 0; fn && depth < 2; depth++) {
    const name = fn.childForFieldName('name')?.text;
    if (!name) break;
    const names = aliases(root, text, fn, name);
    const callers = findCalls(root, text, names).filter((c) => names.includes(c.callee) && !contains(fn!, c.node));
    if (callers.length === 0) {
      visible = loops.some((l) => contains(fn!, l));
      break;
    }
    loops.push(...loopsAround(callers[0].node));
    fn = enclosingFunction(callers[0].node);
  }
  return { backward: update, loops, visible };
}
