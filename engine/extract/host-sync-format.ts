// A step's tensor turned into text, and a tensor kept from the loss handed to a logger inline — two more ways a value
// computed on the GPU is copied to the host on every training step (GML404, beside ./host-sync.ts):
//
// - `msg = "Step {} loss {:.4f}".format(step, loss)`, `"loss %.4f" % loss`: formatting a tensor reads it. PyTorch's
//   `Tensor.__format__` returns `self.item().__format__(spec)` for a one-element tensor and the tensor's repr
//   otherwise, and `%` calls `float()`/`str()` on it (torch/_tensor.py `__format__`; Python's `str.format` and
//   printf-style formatting call the argument's `__format__`/`__float__`/`__str__`). Either way the CPU waits for the
//   GPU wherever the string goes afterwards (`sys.stdout.write(msg)`, a progress line, a log file).
// - `wandb.log({"loss": loss.mean()})`, `writer.add_scalar("loss", loss.detach().float(), step)`: a tensor method that
//   keeps a tensor on its device (`mean`, `sum`, `detach`, …) does not read it; the logger does (W&B and TensorBoard
//   convert a tensor to a Python number or a NumPy array when they log it).
//
// A name bound to a host number in the step (`loss_value = loss.item()`) is not a step tensor (host-sync-guard
// stepTensors), and the callers keep the per-step test (a logging interval, a rank check, RL) of ./host-sync.ts.
import type { SyntaxNode } from '../parse/python';
import type { CallSite } from '../parse/python-syntax';

/** Tensor methods whose result is still a tensor on the same device (as host-sync-guard's TENSOR_KEEPING). */
const KEEPING = /^(detach|clone|mean|sum|float|double|half|squeeze|unsqueeze|view|reshape|flatten|abs|sqrt)$/;
/** Where a value sits as an argument of a call (or an element of a literal handed to one). */
const ARG_PARENTS = ['argument_list', 'interpolation', 'keyword_argument', 'pair', 'list', 'tuple'];

const strip = (n: SyntaxNode | null | undefined): SyntaxNode | undefined => {
  let x = n ?? undefined;
  while (x?.type === 'parenthesized_expression') x = x.namedChildren[0] ?? undefined;
  return x;
};

/** `"…{:.4f}".format(…)`: `str.format` called on a string literal. */
export function isStringFormat(call: CallSite): boolean {
  if (call.name !== 'format') return false;
  const fn = call.node.childForFieldName('function');
  const obj = fn?.type === 'attribute' ? strip(fn.childForFieldName('object')) : undefined;
  return obj?.type === 'string' || obj?.type === 'concatenated_string';
}

/** `loss.mean()`, `loss.detach().float()`: the step tensor under a chain of tensor-keeping methods, else undefined. */
function keptFrom(node: SyntaxNode | undefined, names: Set<string>): string | undefined {
  let x = strip(node);
  let kept = false;
  while (x?.type === 'call') {
    const fn = x.childForFieldName('function');
    if (fn?.type !== 'attribute' || !KEEPING.test(fn.childForFieldName('attribute')?.text ?? '')) return undefined;
    kept = true;
    x = strip(fn.childForFieldName('object'));
  }
  return kept && x?.type === 'identifier' && names.has(x.text) ? x.text : undefined;
}

/** A step tensor kept by tensor methods, as an argument of `call` (`wandb.log({"loss": loss.mean()})`): its name. */
export function keptArgument(call: CallSite, names: Set<string>): string | undefined {
  for (const c of call.argList.descendantsOfType('call')) {
    const p = c?.parent;
    if (!c || !p || !ARG_PARENTS.includes(p.type)) continue;
    const name = keptFrom(c, names);
    if (name) return name;
  }
  return undefined;
}

interface Read {
  node: SyntaxNode;
  value: string;
  note: string;
}
type PerStep = (node: SyntaxNode) => SyntaxNode | undefined;

/** `"loss %.4f" % loss`, `"%d: %f" % (step, loss.mean())`: printf-style formatting of a step tensor. */
export function percentReads(root: SyntaxNode, perStep: PerStep, tensors: (scope: SyntaxNode) => Set<string>): Read[] {
  const out: Read[] = [];
  if (!/["']\s*%/.test(root.text)) return out;
  for (const b of root.descendantsOfType('binary_operator')) {
    if (!b || b.childForFieldName('operator')?.text !== '%') continue;
    const left = strip(b.childForFieldName('left'));
    if (left?.type !== 'string' && left?.type !== 'concatenated_string') continue;
    const right = strip(b.childForFieldName('right'));
    const items = right?.type === 'tuple' ? right.namedChildren : [right];
    const scope = perStep(b);
    if (!scope) continue;
    const names = tensors(scope);
    const name = items
      .map((i) => strip(i))
      .map((i) => (i?.type === 'identifier' && names.has(i.text) ? i.text : keptFrom(i, names)))
      .find((n) => !!n);
    if (!name) continue;
    const value = b.text.length <= 40 ? b.text : `"…" % ${name}`;
    out.push({
      node: b,
      value,
      note: `formatting the tensor ${name} into a string (${value}) on every training step copies it to the host and waits for the GPU`,
    });
  }
  return out;
}
