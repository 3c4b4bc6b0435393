/**
 * `torch.cuda.empty_cache()` on every training step (the `empty_cache` fact GML204 judges). PyTorch's own note: the
 * call "releases all unoccupied cached memory currently held by the caching allocator" and the memory is allocated
 * again on the next step, so it frees nothing a run keeps and slows each step
 * (https://pytorch.org/docs/stable/notes/cuda.html#memory-management).
 *
 * Every per-step call of a loop that runs the backward pass is kept (the first is the fact, the others `Fact.also`),
 * so a call in the evaluation loop beside the training loop no longer hides the training step's call. A call whose
 * innermost loop runs no backward pass (a validation or tokenisation loop, even nested in the epoch loop) is not a
 * training step. A call at the gradient-accumulation boundary (`if (step + 1) % accum == 0:`) runs once per
 * optimizer step, i.e. on every step of the run, as `host-sync-guard.ts` reads the same boundary for host reads. A
 * call under an `if` whose test names an interval (`if steps_since_save > save_every:`) runs at that interval.
 */
import type { SyntaxNode } from '../parse/python';
import { spanOf, type CallSite } from '../parse/python-syntax';
import type { Fact } from '../types';
import { accumulationBoundary, RANK, someSteps } from './host-sync-guard';
import { loopsAround, moduloGuard } from './python-scan';
import type { ValueResolver } from './python-values';

const BACKWARD = /\.backward\(|\.step\(\)|accelerator\.backward/;

/** The condition a `%` guard sits in (the `if`'s condition, or that of an `if … : continue` before the call). */
function conditionOf(mod: SyntaxNode): SyntaxNode {
  let c = mod;
  while (c.parent && c.parent.type !== 'if_statement') c = c.parent;
  return c;
}

/** A call that runs on every step of the training loop around it. */
function everyTrainingStep(node: SyntaxNode, values: ValueResolver): boolean {
  const inner = loopsAround(node)[0];
  if (!inner || !BACKWARD.test(inner.text)) return false;
  const guard = moduloGuard(node, inner, values);
  if (guard && !accumulationBoundary(conditionOf(guard.node))) return false;
  // An `if` whose test reads as an interval without a modulo (`if since_last_save > save_every_n_steps:` around a
  // checkpoint save): the call runs at that interval, not on every step — as host-sync-steps guardedIn reads it.
  for (let p = node.parent; p && p.id !== inner.id; p = p.parent) {
    const cond = p.type === 'if_statement' || p.type === 'elif_clause' ? p.childForFieldName('condition') : null;
    if (cond && !accumulationBoundary(cond) && someSteps(cond.text.replace(RANK, ''))) return false;
  }
  return true;
}

export function emptyCacheFact(file: string, calls: CallSite[], values: ValueResolver): Fact | undefined {
  const sites = calls
    .filter((c) => c.name === 'empty_cache' && c.callee === 'torch.cuda.empty_cache')
    .filter((c) => everyTrainingStep(c.node, values))
    .sort((a, b) => a.node.startIndex - b.node.startIndex);
  const [first, ...rest] = sites;
  if (!first) return undefined;
  const note = 'torch.cuda.empty_cache() on every training step';
  return {
    key: 'empty_cache',
    value: 'every-step',
    origin: 'explicit',
    file,
    span: spanOf(first.node),
    note,
    ...(rest.length ? { also: rest.map((c) => ({ span: spanOf(c.node), value: 'every-step', note })) } : {}),
  };
}
