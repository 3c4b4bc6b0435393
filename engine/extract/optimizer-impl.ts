// How a PyTorch Adam/AdamW runs its update (the `optimizer_impl` fact): `fused=True`, `foreach=False` (one kernel per
// tensor), `fused=False`, or neither written — PyTorch's default on CUDA, the multi-tensor (foreach) update, which
// `fused=True` does in fewer kernels (torch.optim docs: "fused > foreach > for-loop"). Every constructor left at the
// default in a file that trains on CUDA is one place to fix: the first is the fact, the others its `Fact.also`.
import { spanOf, type CallSite } from '../parse/python-syntax';
import type { Fact } from '../types';
import { argInsert } from './python-scan';

/** `from torch.optim import Adam, AdamW`: a bare `Adam(…)` is PyTorch's. */
const TORCH_ADAM = /from\s+torch\.optim\s+import\s[^\n]*\bAdamW?\b/;
/**
 * A file that puts its model or data on CUDA (a GPU run, whatever the hardware setting says): `.cuda()`, a "cuda"
 * device, accelerate's device or `accelerator.prepare(…)` (which moves the model to it), CUDA's own AMP, cache or
 * synchronisation calls. Seeding CUDA's generators (`torch.cuda.manual_seed_all`) is boilerplate that runs anywhere:
 * not a sign.
 */
export const ON_CUDA =
  /\.cuda\(|["']cuda|torch\.device\(\s*["']cuda|\bcuda\.is_available\(|accelerator\.(device|prepare\()|\btorch\.cuda\.(amp\b|synchronize\(|empty_cache\()/;

/** PyTorch's Adam/AdamW (`torch.optim.Adam`, `optim.AdamW`, or a bare one imported from torch.optim). */
export const isTorchAdam = (c: CallSite, text: string) =>
  (c.name === 'AdamW' || c.name === 'Adam') &&
  (/optim/.test(c.callee) || (c.callee === c.name && TORCH_ADAM.test(text)));

/** The `optimizer_impl` facts of the file's PyTorch Adam/AdamW constructors, or undefined. */
export function optimizerImplFact(file: string, text: string, calls: CallSite[]): Fact | undefined {
  let written: Fact | undefined;
  const defaults: CallSite[] = [];
  const at = (node: CallSite['node'], value: string, note: string): Fact => ({
    key: 'optimizer_impl',
    value,
    origin: 'explicit',
    file,
    span: spanOf(node),
    note,
  });
  for (const c of calls) {
    if (!isTorchAdam(c, text)) continue;
    const fused = c.kwargs.get('fused');
    const foreach = c.kwargs.get('foreach');
    if (fused?.value.type === 'true') written ??= at(fused.node, 'fused', 'fused=True');
    else if (foreach?.value.type === 'false' && !fused)
      written ??= at(foreach.node, 'single-tensor', 'foreach=False: one kernel per parameter tensor');
    else if (fused?.value.type === 'false') written ??= at(fused.node, 'unfused', 'fused=False');
    // A `**kwargs` splat may carry `fused=` (a config's optimizer arguments): not judged.
    else if (
      !fused &&
      !foreach &&
      !c.argList.namedChildren.some((a) => a?.type === 'dictionary_splat') &&
      (/^(torch\.)?optim\.AdamW?$/.test(c.callee) || c.callee === c.name)
    )
      defaults.push(c);
  }
  const also = (cs: CallSite[]) =>
    cs.map((c) => ({
      span: spanOf(c.node),
      value: 'foreach-default',
      note: `${c.callee}(…)`,
      argInsert: argInsert(c),
    }));
  if (defaults.length === 0 || !ON_CUDA.test(text)) return written;
  // Beside an optimizer written with fused=/foreach= (the fact), the default ones are its further places.
  if (written) return { ...written, also: also(defaults) };
  const [first, ...rest] = defaults;
  return {
    key: 'optimizer_impl',
    value: 'foreach-default',
    origin: 'framework-default',
    file,
    span: spanOf(first.node),
    argInsert: argInsert(first),
    note: `${first.callee}(…) without fused=: PyTorch's default multi-tensor (foreach) update on CUDA`,
    ...(rest.length ? { also: also(rest) } : {}),
  };
}
