// The training split cut to its first rows with 🤗 Datasets' `select`: `ds["train"].shuffle(seed=42).select(range(1000))`
// trains on 1,000 examples, whatever the size of the hub dataset `load_dataset(...)` names. `Dataset.select(indices)`
// "creates a new dataset with rows selected following the list/array of indices"
// (https://huggingface.co/docs/datasets/process#sort-shuffle-select-split-and-shard).
import type { SyntaxNode } from '../parse/python';
import { spanOf, type CallSite } from '../parse/python-syntax';
import type { Fact } from '../types';
import type { ValueResolver } from './python-values';
import { offByDefaultGuard } from './python-scan';

/** Names and subscripts of a held-out split: a subset of these says nothing of the training data. */
const HELD_OUT = /eval|valid|\bval\b|_val\b|val_|test|\bdev\b/i;

/** The number of rows `range(n)` / `range(a, b)` yields, when its bounds resolve to integers. */
function rangeLength(arg: SyntaxNode | undefined, values: ValueResolver): number | undefined {
  if (arg?.type !== 'call' || arg.childForFieldName('function')?.text !== 'range') return undefined;
  const args = (arg.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is SyntaxNode => !!a);
  if (args.length < 1 || args.length > 2 || args.some((a) => a.type === 'keyword_argument')) return undefined;
  const n = args.map((a) => values.resolve(a).value);
  if (!n.every((v) => typeof v === 'number' && Number.isInteger(v))) return undefined;
  const len = n.length === 1 ? (n[0] as number) : (n[1] as number) - (n[0] as number);
  return len > 0 ? len : undefined;
}

/** The name a call's value is assigned to (`small_train = ….select(…)`), if the call is the whole right side. */
function assignedTo(node: SyntaxNode): string | undefined {
  const p = node.parent;
  return p?.type === 'assignment' && p.childForFieldName('right')?.id === node.id
    ? p.childForFieldName('left')?.text
    : undefined;
}

/** A subset assigned to a name the code never reads again (`small_train = …` beside `train_dataset=ds["train"]`). */
function usedAfter(node: SyntaxNode, name: string): boolean {
  let root = node;
  while (root.parent) root = root.parent;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w.])${escaped}\\b`).test(root.text.slice(node.endIndex));
}

/** A condition that names a debug or smoke-test switch (`if args.debug:`, `if cfg.smoke_test:`). */
const DEBUG_SWITCH = /\b(debug|debugging|smoke_test|quick_test|dry_run|fast_dev_run)\b/i;

/**
 * A subset taken only in a debug branch, or under a switch that is off by default (`if args.small:` with
 * `store_true`): the default run trains on the whole split.
 */
function debugOnly(node: SyntaxNode, values: ValueResolver): boolean {
  if (offByDefaultGuard(node, undefined, values)) return true;
  for (let p = node.parent; p; p = p.parent)
    if (p.type === 'if_statement' && DEBUG_SWITCH.test(p.childForFieldName('condition')?.text ?? '')) return true;
  return false;
}

/**
 * `dataset_size` from the one `.select(range(n))` the file applies to its training split: the receiver or the name
 * it is assigned to says train (`["train"]`, `train_dataset`) and neither names a held-out split. Several training
 * subsets of different sizes, or a size that does not resolve, give nothing; a subset taken only in a debug branch or
 * under a switch off by default is not the default run's.
 */
export function trainingSubsetFact(file: string, calls: CallSite[], values: ValueResolver): Fact | undefined {
  const found: { n: number; call: CallSite }[] = [];
  for (const c of calls) {
    if (c.name !== 'select' || c.positional.length !== 1 || c.kwargs.size > 0) continue;
    const receiver = c.callee.slice(0, -'.select'.length);
    const target = assignedTo(c.node) ?? '';
    if (target && !usedAfter(c.node, target)) continue;
    const named = `${receiver} ${target}`;
    if (!/train/i.test(named) || HELD_OUT.test(named) || debugOnly(c.node, values)) continue;
    const n = rangeLength(c.positional[0], values);
    if (n === undefined) return undefined;
    found.push({ n, call: c });
  }
  const first = found[0];
  if (!first || found.some((f) => f.n !== first.n)) return undefined;
  const { n, call } = first;
  return {
    key: 'dataset_size',
    value: n,
    origin: 'explicit',
    file,
    span: spanOf(call.node),
    note: `${call.positional[0]?.text ?? ''} rows of the training split (.select): ${n.toLocaleString('en-US')} examples`,
  };
}
