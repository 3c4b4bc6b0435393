// The batch of a training DataLoader that is given no `batch_size`: a dataset that batches itself
// (`DataLoader(ds, batch_size=None)`) or a batch sampler (`DataLoader(ds, batch_sampler=…)`), whose own batch size is
// then the loader's (torch.utils.data.DataLoader: "batch_sampler … returns a batch of indices at a time. Mutually
// exclusive with batch_size", https://pytorch.org/docs/stable/data.html#torch.utils.data.DataLoader).
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

/** The call an argument is, or the one call a local name is bound to. */
function callOf(node: SyntaxNode | undefined, values: ValueResolver): SyntaxNode | undefined {
  if (node?.type === 'call') return node;
  if (node?.type !== 'identifier') return undefined;
  const rhs = values.localAssignments(node);
  return rhs.length === 1 && rhs[0].type === 'call' ? rhs[0] : undefined;
}

function keyword(call: SyntaxNode, name: string): { node: SyntaxNode; value: SyntaxNode } | undefined {
  const kw = call
    .childForFieldName('arguments')
    ?.namedChildren.find((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === name);
  const value = kw?.childForFieldName('value');
  return kw && value ? { node: kw, value } : undefined;
}

/** `DataLoader(dataset, batch_size=None)`: the `batch_size=` of the one call that builds the dataset. */
export function datasetBatch(loader: CallSite, values: ValueResolver): LoaderBatch | undefined {
  const named = loader.positional[0] ?? loader.kwargs.get('dataset')?.value;
  const ds = named?.type === 'identifier' ? callOf(named, values) : undefined;
  const kw = ds && keyword(ds, 'batch_size');
  if (!ds || !kw) return undefined;
  const callee = ds.childForFieldName('function')?.text ?? 'dataset';
  return { ...kw, what: `DataLoader(batch_size=None) over a dataset that batches itself: ${callee}` };
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
