import type { SyntaxNode } from '../parse/python';
import { findCalls, type CallSite } from '../parse/python-syntax';

/** A pipeline named for evaluation data (`dataset_validation`, `test_ds`, `val_batches`). */
const EVAL_PIPELINE =
  /(^|_|\b)(val|valid|validation|test|testing|eval|evaluation|dev|holdout)(_|\b|$)|^(val|valid|test|eval)(set|ds|data)\b/i;

/**
 * The `.batch(n)` call of the tf.data pipeline a script trains on, among the batched pipelines of a file: the one
 * whose dataset `model.fit(x, …)` takes (the last such before the call), else the first pipeline that is not named for
 * evaluation data (scripts build the training pipeline first: TensorFlow's "Load and preprocess images" and
 * "tf.data: Build TensorFlow input pipelines" guides, https://www.tensorflow.org/guide/data). Undefined when every
 * batched pipeline feeds evaluation only.
 */
export function trainingBatchCall(root: SyntaxNode, text: string, batches: CallSite[]): CallSite | undefined {
  const named = batches.map((c) => ({ c, name: pipelineName(c.node) }));
  for (const fit of findCalls(root, text, ['fit', 'fit_generator']).filter((c) => c.callee.includes('.'))) {
    const x = fit.positional[0] ?? fit.kwargs.get('x')?.value;
    if (!x) continue;
    // `model.fit(ds.batch(32), …)`: the batch call is in the argument itself.
    const inside = batches.find((b) => b.node.startIndex >= x.startIndex && b.node.endIndex <= x.endIndex);
    if (inside) return inside;
    if (x.type !== 'identifier') continue;
    const feeding = named.filter((b) => b.name === x.text && b.c.node.startIndex < fit.node.startIndex).pop();
    if (feeding) return feeding.c;
  }
  return named.find((b) => !EVAL_PIPELINE.test(b.name))?.c;
}

/**
 * What a pipeline is called: the name its chain is assigned to (`ds = tf.data.Dataset…batch(32).repeat()` → "ds"),
 * else the dataset the chain starts from (`train_ds.batch(32)` → "train_ds"); '' when neither.
 */
function pipelineName(call: SyntaxNode): string {
  let top = call;
  // Up the method chain: `x.batch(n)` is the object of `.repeat`, whose call is the object of the next one.
  while (top.parent?.type === 'attribute' && top.parent.parent?.type === 'call') top = top.parent.parent;
  const p = top.parent;
  if (p?.type === 'assignment' && p.childForFieldName('right')?.id === top.id) {
    const left = p.childForFieldName('left');
    if (left?.type === 'identifier' || left?.type === 'attribute') return left.text;
  }
  let inner: SyntaxNode | null = call;
  while (inner && (inner.type === 'call' || inner.type === 'attribute'))
    inner = inner.type === 'call' ? inner.childForFieldName('function') : inner.childForFieldName('object');
  return inner?.type === 'identifier' ? inner.text : '';
}
