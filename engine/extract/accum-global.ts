// The global batch an accumulation count is computed from. Scripts that take a global batch and a micro-batch derive
// the accumulation from them and the process count: `accum = total_batch_size // (batch_size * world_size)` (GaLore),
// `batch_size = total_batch_size // world_size; accum = batch_size // per_device_batch_size` (OpenDiloco), `accum =
// batch_size // micro_batch_size` then `accum //= world_size` under DDP (alpaca-lora). Whatever the process count,
// micro-batch × accumulation × processes is then the dividend: the global batch, read here without running anything.
import type { SyntaxNode } from '../parse/python';
import { nodesOfType } from '../parse/nodes-of-type';
import type { Resolved, ValueResolver } from './python-values';
import type { Fact } from '../types';
import { spanOf } from '../parse/python-syntax';

/** A process count (`world_size`, `ddp_world_size`, `num_processes`, `dist.get_world_size()`, `n_gpus`). */
const WORLD = /world_size|num_processes|num_gpus|n_gpus|ngpus|nprocs|num_replicas|device_count/i;
/** A batch name (`batch_size`, `total_batch_size`, `per_device_train_batch_size`). */
const BATCH = /batch/i;
/** A name for one process's or one micro-step's batch: not the global one. */
const PART = /micro|per_device|per_gpu|local|device_batch/i;

export interface GlobalOfAccumulation {
  value: Resolved;
  /** The dividend as written (`args.total_batch_size`). */
  dividend: SyntaxNode;
  /** The assignment of the accumulation that divides it (`total // (batch * world)`). */
  rhs: SyntaxNode;
}

const lastName = (n: SyntaxNode) => (n.type === 'attribute' ? (n.childForFieldName('attribute')?.text ?? '') : n.text);
export const unparen = (n: SyntaxNode | null | undefined): SyntaxNode | null | undefined =>
  n?.type === 'parenthesized_expression' && n.namedChildren.length === 1 ? unparen(n.namedChildren[0]) : n;

/** `a // b` (or `int(a / b)`) → [a, b]. */
function quotient(n: SyntaxNode | null | undefined): [SyntaxNode, SyntaxNode] | undefined {
  n = unparen(n);
  if (!n) return undefined;
  if (n.type === 'call' && /^(int|math\.floor)$/.test(n.childForFieldName('function')?.text ?? '')) {
    const args = n.childForFieldName('arguments')?.namedChildren ?? [];
    const inner = unparen(args[0]);
    if (args.length !== 1 || inner?.type !== 'binary_operator') return undefined;
    if (inner.childForFieldName('operator')?.text !== '/') return undefined;
    const [l, r] = [inner.childForFieldName('left'), inner.childForFieldName('right')];
    return l && r ? [l, r] : undefined;
  }
  if (n.type !== 'binary_operator' || n.childForFieldName('operator')?.text !== '//') return undefined;
  const [l, r] = [n.childForFieldName('left'), n.childForFieldName('right')];
  return l && r ? [l, r] : undefined;
}

/** The right-hand sides assigned to a name or attribute path anywhere in the module, and whether one divides it by the process count in place. */
function assignmentsOf(root: SyntaxNode, target: string): { rhs: SyntaxNode[]; dividedInPlace: boolean } {
  const rhs: SyntaxNode[] = [];
  let dividedInPlace = false;
  for (const a of nodesOfType(root, 'assignment')) {
    const right = a.childForFieldName('right');
    if (a.childForFieldName('left')?.text === target && right) rhs.push(right);
  }
  for (const a of nodesOfType(root, 'augmented_assignment')) {
    if (a.childForFieldName('left')?.text !== target) continue;
    const op = a.children.find((c) => c?.type === '//=' || c?.type === '/=');
    if (op && WORLD.test(a.childForFieldName('right')?.text ?? '')) dividedInPlace = true;
    else rhs.push(a); // any other update: the value is not one expression
  }
  return { rhs, dividedInPlace };
}

/**
 * The global batch behind an accumulation count written as `name` or `obj.attr`: only when every assignment of it is
 * the quotient of a batch by a micro-batch (× processes) or that quotient divided by the process count, and the
 * process count enters the arithmetic (so the dividend is the batch over all processes). Undefined otherwise.
 */
export function globalOfAccumulation(
  accum: SyntaxNode,
  root: SyntaxNode,
  values: ValueResolver,
): GlobalOfAccumulation | undefined {
  if (accum.type !== 'identifier' && accum.type !== 'attribute') return undefined;
  const { rhs, dividedInPlace } = assignmentsOf(root, accum.text);
  let found: { dividend: SyntaxNode; rhs: SyntaxNode; world: boolean } | undefined;
  let laterWorld = dividedInPlace;
  for (const r of rhs) {
    const q = quotient(r);
    if (!q) return undefined;
    const [a, b] = q.map((x) => unparen(x)!);
    // `accum = accum // world_size` (alpaca-lora under DDP).
    if (a.text === accum.text && WORLD.test(b.text)) {
      laterWorld = true;
      continue;
    }
    if (found) return undefined;
    // The divisor is the micro-batch, or micro-batch × processes.
    const parts = b.type === 'binary_operator' && b.childForFieldName('operator')?.text === '*' ? b.namedChildren : [b];
    const micro = parts.find((p) => p && BATCH.test(p.text) && !WORLD.test(p.text));
    if (!micro || !(a.type === 'identifier' || a.type === 'attribute') || !BATCH.test(lastName(a))) return undefined;
    const world = parts.some((p) => p && WORLD.test(p.text));
    found = { dividend: a, rhs: r, world };
  }
  if (!found) return undefined;
  let { dividend } = found;
  let world = found.world || laterWorld;
  // `batch_size = total_batch_size // world_size` before it: the dividend of that is the global batch.
  if (!world && dividend.type === 'identifier') {
    const own = assignmentsOf(root, dividend.text).rhs;
    const q = own.length === 1 ? quotient(own[0]) : undefined;
    const [a, b] = q ? q.map((x) => unparen(x)!) : [];
    if (
      a &&
      b &&
      WORLD.test(b.text) &&
      (a.type === 'identifier' || a.type === 'attribute') &&
      BATCH.test(lastName(a))
    ) {
      dividend = a;
      world = true;
    }
  }
  if (!world || PART.test(lastName(dividend))) return undefined;
  const value = values.resolve(dividend);
  if (value.value !== null && (typeof value.value !== 'number' || !Number.isInteger(value.value) || value.value < 1))
    return undefined;
  if (value.value === null && !value.dest) return undefined;
  return { value, dividend, rhs: found.rhs };
}

/** The global batch fact: its note names the option it reads first, so that a launcher's flag for it replaces it. */
export function globalFact(file: string, g: GlobalOfAccumulation): Fact {
  const v = g.value.value;
  return {
    key: 'global_batch',
    value: typeof v === 'number' ? v : null,
    origin: g.value.scriptDefault ? 'script-default' : 'explicit',
    file,
    span: spanOf(g.value.node ?? g.dividend),
    note: `${g.dividend.text}${g.value.via ? ` (${g.value.via})` : ''}: the accumulation is ${g.rhs.text} over the processes, so it is the batch over all of them`,
  };
}

/** The global batch behind an accumulation guard (`step % accum`, or the count itself), as a fact list of 0 or 1. */
export function accumulationGlobal(
  file: string,
  guard: SyntaxNode | undefined,
  root: SyntaxNode,
  values: ValueResolver,
): Fact[] {
  const counted = guard?.type === 'binary_operator' ? guard.childForFieldName('right') : guard;
  const g = counted ? globalOfAccumulation(counted, root, values) : undefined;
  return g ? [globalFact(file, g)] : [];
}
