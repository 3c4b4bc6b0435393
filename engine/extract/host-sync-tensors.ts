// More of the tensors a training step computes, for the host reads of GML404 (./host-sync-guard.ts stepTensors):
// the loss a Lightning `training_step` returns, the loss terms added into the loss one by one (`total += w * loss`),
// and a tensor handed to a logger as `x.detach()` (only a tensor has `detach`).
import type { SyntaxNode } from '../parse/python';
import type { CallSite } from '../parse/python-syntax';
import { enclosingDef } from './python-params';

const strip = (n: SyntaxNode | null | undefined): SyntaxNode | undefined => {
  let x = n ?? undefined;
  while (x?.type === 'parenthesized_expression' && x.namedChildren.length === 1) x = x.namedChildren[0] ?? undefined;
  return x;
};

/**
 * The loss a Lightning `training_step` returns: Lightning runs its backward pass, so the step's own text holds none.
 * "Return: Tensor — the loss tensor; dict — a dictionary which can include any keys, but must include the key
 * 'loss'" (Lightning docs, LightningModule.training_step): `return loss`, `return {"loss": loss, …}`.
 */
export function returnedLoss(scope: SyntaxNode): string[] {
  if (scope.type !== 'function_definition' || scope.childForFieldName('name')?.text !== 'training_step') return [];
  const out: string[] = [];
  for (const r of scope.descendantsOfType('return_statement')) {
    if (!r || enclosingDef(r)?.id !== scope.id) continue;
    const v = strip(r.namedChildren[0]);
    if (v?.type === 'identifier') out.push(v.text);
    else if (v?.type === 'dictionary')
      for (const p of v.namedChildren) {
        const val = strip(p?.childForFieldName('value'));
        if (
          p?.type === 'pair' &&
          /^["']loss["']$/.test(p.childForFieldName('key')?.text ?? '') &&
          val?.type === 'identifier'
        )
          out.push(val.text);
      }
  }
  return out;
}

/**
 * Terms added into a loss of the step one by one (`total_loss += alpha * loss` in a loop over loss functions): each
 * term assigned from a call of the step (`loss = loss_fn(logits, y)`) is a tensor on the device. A factor of a
 * product is taken only when its name says it is a loss (`alpha * loss`: the weight may be a Python number, the loss
 * computed by a call is not).
 */
export function addedTerms(scope: SyntaxNode, losses: Set<string>, fromCall: Set<string>): string[] {
  const out: string[] = [];
  const terms = (n: SyntaxNode | undefined): SyntaxNode[] => {
    const x = strip(n);
    if (!x) return [];
    if (x.type === 'identifier') return [x];
    const op = x.type === 'binary_operator' ? x.childForFieldName('operator')?.text : undefined;
    if (op === '+' || op === '-' || op === '*')
      return [
        ...terms(x.childForFieldName('left') ?? undefined),
        ...terms(x.childForFieldName('right') ?? undefined),
      ].filter((t) => op !== '*' || /loss/i.test(t.text));
    return [];
  };
  for (const a of scope.descendantsOfType('augmented_assignment')) {
    const left = a?.childForFieldName('left');
    if (
      left?.type !== 'identifier' ||
      !losses.has(left.text) ||
      !/^\+=|^-=/.test(a?.childForFieldName('operator')?.text ?? '+=')
    )
      continue;
    for (const t of terms(a?.childForFieldName('right') ?? undefined)) if (fromCall.has(t.text)) out.push(t.text);
  }
  return out;
}

/**
 * `writer.add_scalar("loss/kl", loss_dict["kl"].detach(), step)`: a value handed to a logger as `x.detach()` is a
 * tensor (`detach` is a `torch.Tensor` method) still on the step's device — not `x.detach().cpu()` or `.item()`,
 * which read it first. Returns its text.
 */
export function detachedArgument(call: CallSite): string | undefined {
  return call.argList.descendantsOfType('call').find((c) => {
    const fn = c?.childForFieldName('function');
    if (!c || fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'detach') return false;
    const p = c.parent;
    return !!p && ['argument_list', 'interpolation', 'keyword_argument', 'pair', 'list', 'tuple'].includes(p.type);
  })?.text;
}

/** `loss.to("cpu")`, `x.to(device="cpu")`, `x.to(torch.device("cpu"))`: a copy to the host, like `.cpu()`. */
export function toHost(call: CallSite): boolean {
  if (call.name !== 'to' || !call.callee.includes('.')) return false;
  const arg = call.positional[0] ?? call.kwargs.get('device')?.value;
  return call.positional.length + call.kwargs.size === 1 && /^(torch\.device\()?["']cpu["']\)?$/.test(arg?.text ?? '');
}

interface Read {
  node: SyntaxNode;
  value: string;
  note: string;
}
type PerStep = (node: SyntaxNode) => SyntaxNode | undefined;

/** `loss.data[0]`: PyTorch ≤ 0.3's way to read a loss as a Python number (`.item()` since 0.4). */
export function legacyReads(root: SyntaxNode, text: string, perStep: PerStep): Read[] {
  const out: Read[] = [];
  if (!/\.data\[0\]/i.test(text)) return out;
  for (const m of text.matchAll(/\b\w*loss\w*\.data\[0\]/gi)) {
    let sub: SyntaxNode | null = root.descendantForIndex(m.index, m.index + m[0].length - 1);
    while (sub && sub.type !== 'subscript') sub = sub.parent;
    if (!sub || sub.text !== m[0] || !perStep(sub)) continue;
    out.push({ node: sub, value: m[0], note: `${m[0]} on every training step copies the loss to the host` });
  }
  return out;
}

/**
 * `if loss > 1.5 * running_loss:` in the step: Python takes the truth value of the comparison, a CUDA tensor, and
 * waits for the GPU to compute it (PyTorch Performance Tuning Guide, "Avoid unnecessary CPU-GPU synchronization":
 * "control flow which depends on CUDA tensors"). Only a tensor of the step compared (`is None`, `in` are no reads),
 * in the condition itself or under `and`/`or`/`not`.
 */
export function comparedTensors(
  root: SyntaxNode,
  perStep: PerStep,
  tensors: (scope: SyntaxNode) => Set<string>,
): Read[] {
  const out: Read[] = [];
  if (!/\b(if|while)\b[^\n:]*[<>]/.test(root.text)) return out;
  for (const st of root.descendantsOfType(['if_statement', 'elif_clause', 'while_statement'])) {
    const cond = st?.childForFieldName('condition');
    if (!st || !cond) continue;
    const parts = [cond];
    const compared: SyntaxNode[] = [];
    while (parts.length) {
      const x = strip(parts.pop());
      if (x?.type === 'boolean_operator' || x?.type === 'not_operator')
        parts.push(...x.namedChildren.filter((n) => !!n));
      else if (x?.type === 'comparison_operator' && !/\b(is|in)\b/.test(x.text)) compared.push(x);
    }
    // The `if` itself must run every step: conditions around it are tested from there.
    const scope = compared.length ? perStep(st) : undefined;
    if (!scope) continue;
    for (const cmp of compared) {
      const name = cmp.namedChildren
        .map((n) => strip(n))
        .find((n) => n?.type === 'identifier' && tensors(scope).has(n.text));
      if (!name) continue;
      const value = cmp.text.length <= 40 ? `if ${cmp.text}` : `if ${name.text} …`;
      out.push({
        node: cmp,
        value,
        note: `${value} tests the tensor ${name.text} on every training step: the CPU waits for the GPU`,
      });
      break;
    }
  }
  return out;
}
