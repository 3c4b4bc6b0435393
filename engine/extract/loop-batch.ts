// The batch of a hand-written training loop that draws its batches without a DataLoader: a helper given the batch
// size in the loop (`images = get_batch(train_set, batch_size=args.batch_size)`), a loop over the dataset in steps
// of it (`for i in range(len(train_set) // args.batch_size)`, `for i in range(0, n, batch_size)`, `x[i:i + batch_size]`),
// a loop over an iterator built with it (`for batch in gen_batch(train, batch_size)`), or a replay buffer or sampler
// built with it and sampled in the loop (`buffer = ReplayBuffer(capacity, batch_size)` … `buffer.sample()`, the
// shape of DQN-style reinforcement learning code). Each step then trains on that many samples: the micro-batch. Read
// only where the file builds no DataLoader, and only when every such size in the loop resolves to one number.
import type { SyntaxNode } from '../parse/python';
import { nodesOfType } from '../parse/nodes-of-type';
import { spanOf } from '../parse/python-syntax';
import type { Fact } from '../types';
import type { TrainingLoop } from './python-loop';
import type { ValueResolver } from './python-values';

/** A name for the training batch size (`batch_size`, `args.batch_size`, `cfg.train_batch_size`, `batchsize`). */
const BATCH_NAME = /^(train_?)?batch_?size$/i;
/** A parameter for the size of the batches a helper yields (`batch_size`, `batchsize`, `bs`). */
const BATCH_PARAM = /^(batch_?size|bs|mini_?batch_?size)$/i;

const lastName = (n: SyntaxNode): string | undefined =>
  n.type === 'identifier' ? n.text : n.type === 'attribute' ? n.childForFieldName('attribute')?.text : undefined;

const isBatchName = (n: SyntaxNode | null | undefined): n is SyntaxNode =>
  !!n && (n.type === 'identifier' || n.type === 'attribute') && BATCH_NAME.test(lastName(n) ?? '');

/** The batch-size arguments of a call: a `batch_size=` keyword, or an argument that is a batch-size name. */
function batchArgs(call: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const a of call.childForFieldName('arguments')?.namedChildren ?? []) {
    const value = a?.type === 'keyword_argument' ? a.childForFieldName('value') : undefined;
    if (a?.type === 'keyword_argument') {
      if (value && BATCH_NAME.test(a.childForFieldName('name')?.text ?? '')) out.push(value);
    } else if (isBatchName(a)) out.push(a);
  }
  return out;
}

/**
 * The batch-size parameter of the file's own function a loop calls without naming it (`dataset.get_batches(128)` over
 * `def get_batches(self, batch_size=128)`, Lasagne's `iterate_minibatches(X, y, 500)` over `def
 * iterate_minibatches(inputs, targets, batchsize, shuffle=False)`): the parameter, which the value resolver reads
 * through every call of the function in the file (its default where a call leaves it out). Only where the file defines
 * one function of that name.
 */
function calleeBatchParams(call: SyntaxNode): SyntaxNode[] {
  const fn = call.childForFieldName('function');
  const name = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn?.text;
  if (!name || !/^[A-Za-z_]\w*$/.test(name)) return [];
  const defs = nodesOfType(call.tree.rootNode, 'function_definition').filter(
    (d) => d?.childForFieldName('name')?.text === name,
  );
  if (defs.length !== 1) return [];
  const params = (defs[0]?.childForFieldName('parameters')?.namedChildren ?? []).flatMap((p) => {
    const id = p?.type === 'identifier' ? p : p?.childForFieldName('name');
    const named = id?.type === 'identifier' ? id : p?.namedChildren.find((x) => x?.type === 'identifier');
    return named ? [named] : [];
  });
  // A call that gives a batch of another name (`get_batch(data, n=args.eval_batch_size)`), or a keyword the
  // definition does not take: not read through the definition.
  for (const a of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (!a || /batch/i.test(a.text)) return [];
    const kw = a.type === 'keyword_argument' ? a.childForFieldName('name')?.text : undefined;
    if (kw && !params.some((p) => p.text === kw)) return [];
  }
  return params.filter((p) => BATCH_PARAM.test(p.text));
}

/** The one call a name is bound to (in its function, else at the module's top level), if any. */
function boundCall(id: SyntaxNode, values: ValueResolver): SyntaxNode | undefined {
  const local = values.localAssignments(id);
  const rhs = local.length === 1 ? local[0] : local.length === 0 ? values.moduleBinding(id.text) : undefined;
  return rhs?.type === 'call' ? rhs : undefined;
}

/** The batch-size expressions a training loop draws its batches with. */
function drawnWith(loop: SyntaxNode, values: ValueResolver): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  // Sizes written in the loop: in its header (`range(len(ds) // batch_size)`), slices, and calls' batch arguments.
  for (const n of [...loop.descendantsOfType('identifier'), ...loop.descendantsOfType('attribute')]) {
    if (!n || !isBatchName(n) || n.parent?.type === 'attribute') continue;
    if (n.parent?.type === 'keyword_argument' && n.parent.childForFieldName('name')?.id === n.id) continue;
    if (n.parent?.type === 'assignment' && n.parent.childForFieldName('left')?.id === n.id) continue;
    found.push(n);
  }
  for (const c of loop.descendantsOfType('call')) {
    const own = c ? batchArgs(c) : [];
    found.push(...(own.length || !c ? own : calleeBatchParams(c)));
  }
  // An iterator the loop runs over, or an object it samples (`buffer.sample()`), built elsewhere with the size.
  const iter = loop.type === 'for_statement' ? loop.childForFieldName('right') : undefined;
  const objects: SyntaxNode[] = iter?.type === 'identifier' ? [iter] : [];
  for (const c of loop.descendantsOfType('call')) {
    const fn = c?.childForFieldName('function');
    const obj = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
    if (obj?.type === 'identifier') objects.push(obj);
  }
  const seen = new Set<string>();
  for (const o of objects) {
    if (seen.has(o.text)) continue;
    seen.add(o.text);
    const call = boundCall(o, values);
    if (call) found.push(...batchArgs(call));
  }
  return found;
}

/** The micro-batch of a training loop with no DataLoader, when its batch sizes resolve to one number. */
export function loopDrawnBatch(file: string, loop: TrainingLoop, values: ValueResolver): Fact | undefined {
  const step = loop.loops.find((l) => l !== loop.accum);
  if (!step) return undefined;
  const sizes = drawnWith(step, values);
  if (sizes.length === 0) return undefined;
  const resolved = sizes.map((n) => ({ n, r: values.resolve(n) }));
  const nums = new Set(resolved.map(({ r }) => r.value));
  const [value] = [...nums];
  if (nums.size !== 1 || typeof value !== 'number' || !Number.isInteger(value) || value < 1) return undefined;
  const { n, r } = resolved[0];
  return {
    key: 'micro_batch',
    value,
    origin: resolved.some(({ r: x }) => x.scriptDefault) ? 'script-default' : 'explicit',
    file,
    span: spanOf(n),
    note: `no DataLoader: the training loop draws batches of ${n.text}${r.via ? ` (${r.via})` : ''}`,
  };
}
