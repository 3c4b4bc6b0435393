// A half type the script picks from the machine it runs on, for the autocast it trains under:
//   dtype = torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
//   with torch.autocast(device_type="cuda", dtype=dtype): …
// `torch.cuda.is_bf16_supported()` is True on GPUs with bf16 (compute capability 8.0+, Ampere and later:
// https://pytorch.org/docs/stable/generated/torch.cuda.is_bf16_supported.html), and the review estimates a run on a GPU
// (`torch.cuda.is_available()` True). The precision is then unknown (null) until the hardware is, in the words
// `resolveGpuPrecision` (./hf-precision-guard.ts) reads back once it is — as for nanoGPT's string dtype (./nanogpt.ts).
import type { SyntaxNode } from '../parse/python';
import { dtypeOf } from './python-common';
import { gpuCondition } from './hf-precision-guard';
import { enclosingDef, scopeBindings, topLevelBindings } from './python-params';
import type { ValueResolver } from './python-values';

type Half = 'bf16' | 'fp16' | 'fp32';

const half = (n: SyntaxNode | null | undefined): Half | undefined => {
  // Only a dtype written as one (`torch.bfloat16`, `'float16'`), not an expression that mentions one.
  if (!n || !/^[\w.'"]+$/.test(n.text)) return undefined;
  const d = dtypeOf(n.text);
  return d && d !== 'auto' ? (d as Half) : undefined;
};

/** The one expression a name is bound to in the scope of `node` (a function's locals, else the module's). */
function boundOnce(node: SyntaxNode, root: SyntaxNode): SyntaxNode | undefined {
  const bound = scopeBindings(node, root);
  if (bound !== 'opaque' && bound?.length === 1) return bound[0];
  // A module-level name read inside a function that does not bind it.
  if (enclosingDef(node) && (bound === 'opaque' || !bound?.length)) {
    const top = topLevelBindings(node.text, root);
    if (top.length === 1) return top[0];
  }
  return undefined;
}

export interface GpuDtype {
  /** The dtype on any GPU, or null when the GPU's bf16 support decides. */
  value: Half | null;
  note: string;
}

/**
 * The dtype `node` (an autocast's `dtype=`) names on the GPU: a conditional expression on `is_bf16_supported()`,
 * directly or through a name bound once to it. Undefined when it is not such an expression.
 */
export function gpuDtype(node: SyntaxNode, values: ValueResolver, root: SyntaxNode): GpuDtype | undefined {
  let expr: SyntaxNode | undefined = node;
  for (let i = 0; expr?.type === 'identifier' && i < 3; i++) expr = boundOnce(expr, root);
  if (expr?.type !== 'conditional_expression') return undefined;
  const [yes, cond, no] = expr.namedChildren;
  const a = half(yes);
  const b = half(no);
  const cap = cond ? gpuCondition(cond, values, root) : undefined;
  if (!a || !b || cap === undefined) return undefined;
  const shown = expr.text.replace(/\s+/g, ' ');
  if (typeof cap === 'boolean') {
    const v = cap ? a : b;
    return { value: v, note: `${shown}: ${v} on a GPU (torch.cuda.is_available() is True there)` };
  }
  const [withBf16, without] = cap === 'S' ? [a, b] : [b, a];
  if (withBf16 === without) return { value: withBf16, note: `${shown}: ${withBf16}` };
  return {
    value: null,
    note: `${shown}: ${withBf16} on a GPU with bf16 support, else ${without} — not known until the hardware is`,
  };
}
