// The batch of a training DataLoader that is given no `batch_size`: a dataset that batches itself
// (`DataLoader(ds, batch_size=None)`) or a batch sampler (`DataLoader(ds, batch_sampler=…)`), whose own batch size is
// then the loader's (torch.utils.data.DataLoader: "batch_sampler … returns a batch of indices at a time. Mutually
// exclusive with batch_size", https://pytorch.org/docs/stable/data.html#torch.utils.data.DataLoader). A loader of one
// item per step over a dataset built with a batch size (`DataLoader(IRMDataset(…, batch_size=32), batch_size=1)`) is
// the same: each item is a whole batch the dataset packed (speech recipes that pack length-sorted utterances into
// minibatches in the dataset, e.g. kaituoxu/Conv-TasNet src/data.py: "we always set AudioDataLoader's batchsize as 1.
// The real minibatch size we care about is set in AudioDataset's __init__").
import type { SyntaxNode } from '../parse/python';
import type { CallSite } from '../parse/python-syntax';
import type { ValueResolver } from './python-values';

export interface LoaderBatch {
  /** The argument that states the batch, and its value expression. */
  node: SyntaxNode;
  value: SyntaxNode;
  /** What the loader's batch is, for the fact's note. */
  what: string;
}

/**
 * The position of the batch size in batch samplers' constructors: PyTorch's `BatchSampler(sampler, batch_size,
 * drop_last)`, and the mean-teacher `TwoStreamBatchSampler(primary_indices, secondary_indices, batch_size,
 * secondary_batch_size)` (CuriousAI/mean-teacher, pytorch/mean_teacher/data.py; copied by the semi-supervised
 * segmentation projects that grew from it), whose batches hold `batch_size` indices, the secondary ones included.
 */
const SAMPLER_BATCH_AT: Record<string, number> = { BatchSampler: 1, TwoStreamBatchSampler: 2 };

function inFunction(node: SyntaxNode): boolean {
  for (let at = node.parent; at; at = at.parent) if (at.type === 'function_definition') return true;
  return false;
}

/** The call an argument is, or the one call a local name is bound to. */
function callOf(node: SyntaxNode | undefined, values: ValueResolver): SyntaxNode | undefined {
  if (node?.type === 'call') return node;
  if (node?.type !== 'identifier') return undefined;
  const rhs = values.localAssignments(node);
  // A name bound once at module level (a script under `if __name__ == "__main__":`), used there.
  const atModule = !inFunction(node);
  const bound = atModule ? values.moduleBinding(node.text) : rhs.length === 1 ? rhs[0] : undefined;
  return bound?.type === 'call' ? bound : undefined;
}

function keyword(call: SyntaxNode, name: string): { node: SyntaxNode; value: SyntaxNode } | undefined {
  const kw = call
    .childForFieldName('arguments')
    ?.namedChildren.find((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === name);
  const value = kw?.childForFieldName('value');
  return kw && value ? { node: kw, value } : undefined;
}

/**
 * `DataLoader(dataset, batch_size=None)` or `batch_size=1`: the `batch_size=` of the one call that builds the dataset
 * (a name bound to one call, or the call itself).
 */
export function datasetBatch(loader: CallSite, values: ValueResolver): LoaderBatch | undefined {
  const named = loader.positional[0] ?? loader.kwargs.get('dataset')?.value;
  const ds = named?.type === 'identifier' || named?.type === 'call' ? callOf(named, values) : undefined;
  const kw = ds && keyword(ds, 'batch_size');
  if (!ds || !kw) return undefined;
  const callee = ds.childForFieldName('function')?.text ?? 'dataset';
  const given = loader.kwargs.get('batch_size')?.value.text ?? loader.positional[1]?.text ?? 'None';
  return { ...kw, what: `DataLoader(batch_size=${given}) over a dataset that batches itself: ${callee}` };
}

/** `DataLoader(ds, batch_sampler=s)`: the batch size the sampler is built with (keyword, or its known position). */
export function samplerBatch(loader: CallSite, values: ValueResolver): LoaderBatch | undefined {
  const s = callOf(loader.kwargs.get('batch_sampler')?.value, values);
  if (!s) return undefined;
  const callee = s.childForFieldName('function')?.text ?? 'sampler';
  const what = `DataLoader(batch_sampler=…) with the batches of ${callee}`;
  const kw = keyword(s, 'batch_size');
  if (kw) return { ...kw, what };
  const at = SAMPLER_BATCH_AT[callee.split('.').pop() ?? ''];
  const args = s.childForFieldName('arguments')?.namedChildren.filter((a) => a && a.type !== 'keyword_argument');
  const value = at === undefined ? undefined : args?.[at];
  return value ? { node: value, value, what } : undefined;
}

/** A branch condition that selects an evaluation split (`if split == 'val':`, `if is_test:`, `if mode in ('eval',)`). */
const EVAL_SPLIT =
  /(==|\bin\b)\s*[([]?\s*['"](val|valid|validation|test|eval|dev)['"]|['"](val|valid|validation|test|eval|dev)['"]\s*==/i;
const EVAL_FLAG = /^(?:\w+\.)*(?:is_|do_)?(val|valid|validation|test|testing|eval|evaluate|evaluation)$/i;

/** Whether a call sits in the body of an `if` (not its `else`) whose condition picks an evaluation split. */
function inEvalBranch(node: SyntaxNode): boolean {
  for (let at: SyntaxNode | null = node; at?.parent; at = at.parent) {
    const p = at.parent;
    if (at.type !== 'block' || (p.type !== 'if_statement' && p.type !== 'elif_clause')) continue;
    if (p.childForFieldName('consequence')?.id !== at.id) continue;
    const cond = p.childForFieldName('condition')?.text ?? '';
    if (EVAL_SPLIT.test(cond) || EVAL_FLAG.test(cond.trim())) return true;
  }
  return false;
}

/**
 * The training loader among several that neither a name nor shuffling tells apart: the only one not built for an
 * evaluation split — by its name (`val_loader`) or the branch it is built in (`if split == 'val': loader =
 * DataLoader(…) else: loader = DataLoader(…)`, a common shape of `get_dataloader(split)` helpers).
 */
export function outsideEvalBranches(loaders: CallSite[], named: (c: CallSite) => string): CallSite | undefined {
  const rest = loaders.filter((c) => !/val|test|eval|dev\b/i.test(named(c)) && !inEvalBranch(c.node));
  return rest.length === 1 ? rest[0] : undefined;
}
