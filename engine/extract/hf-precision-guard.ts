// Precision switches of TrainingArguments (or a TRL config) written behind a check of the machine:
//   bf16=args.bf16 and torch.cuda.is_available()
//   use_bf16 = torch.cuda.is_available() and torch.cuda.is_bf16_supported()
//   TrainingArguments(bf16=use_bf16, fp16=not use_bf16 and torch.cuda.is_available())
// The review estimates a run on a GPU, where `torch.cuda.is_available()` is True; `torch.cuda.is_bf16_supported()`
// is True on GPUs with bf16 (compute capability 8.0+, Ampere and later:
// https://pytorch.org/docs/stable/generated/torch.cuda.is_bf16_supported.html), so such a run is bf16 there and what
// the other switch says elsewhere. A precision the GPU decides is unknown (null) until the hardware is, then
// resolved by `resolveGpuPrecision` — as for nanoGPT's `'bfloat16' if torch.cuda.is_bf16_supported() else
// 'float16'` (./nanogpt.ts).
import type { SyntaxNode } from '../parse/python';
import type { RunPlan } from '../types';
import { scopeBindings } from './python-params';
import type { ValueResolver } from './python-values';

/** A switch's value on the GPU: known, or the GPU's bf16 support (`S`) or its negation. */
export type Cap = boolean | 'S' | '!S' | undefined;

const MAX_DEPTH = 6;

function not(a: Cap): Cap {
  if (a === undefined) return undefined;
  if (typeof a === 'boolean') return !a;
  return a === 'S' ? '!S' : 'S';
}

function and(a: Cap, b: Cap): Cap {
  if (a === false || b === false) return false;
  if (a === true) return b;
  if (b === true) return a;
  if (a === undefined || b === undefined) return undefined;
  return a === b ? a : false;
}

function or(a: Cap, b: Cap): Cap {
  if (a === true || b === true) return true;
  if (a === false) return b;
  if (b === false) return a;
  if (a === undefined || b === undefined) return undefined;
  return a === b ? a : true;
}

interface Reading {
  cap: Cap;
  /** Option dests the value reads (`args.bf16`), for a launcher's flag. */
  dests: string[];
  /** True when a value came from a default the script declares. */
  scriptDefault: boolean;
}

function capOf(node: SyntaxNode | null | undefined, values: ValueResolver, root: SyntaxNode, depth: number): Reading {
  const none: Reading = { cap: undefined, dests: [], scriptDefault: false };
  if (!node || depth > MAX_DEPTH) return none;
  if (node.type === 'parenthesized_expression' && node.namedChildren.length === 1)
    return capOf(node.namedChildren[0], values, root, depth + 1);
  if (node.type === 'not_operator') {
    const r = capOf(node.childForFieldName('argument'), values, root, depth + 1);
    return { ...r, cap: not(r.cap) };
  }
  if (node.type === 'boolean_operator') {
    const op = node.childForFieldName('operator')?.text;
    const l = capOf(node.childForFieldName('left'), values, root, depth + 1);
    const r = capOf(node.childForFieldName('right'), values, root, depth + 1);
    const cap = op === 'and' ? and(l.cap, r.cap) : op === 'or' ? or(l.cap, r.cap) : undefined;
    return { cap, dests: [...l.dests, ...r.dests], scriptDefault: l.scriptDefault || r.scriptDefault };
  }
  if (node.type === 'call') {
    const fn = node.childForFieldName('function')?.text.replace(/\s+/g, '') ?? '';
    if (/(?:^|\.)cuda\.is_available$/.test(fn)) return { ...none, cap: true };
    if (/(?:^|\.)cuda\.is_bf16_supported$/.test(fn)) return { ...none, cap: 'S' };
  }
  const r = values.resolve(node);
  if (typeof r.value === 'boolean')
    return { cap: r.value, dests: r.dest ? [r.dest] : [], scriptDefault: !!r.scriptDefault };
  // A name bound once to a check (`use_bf16 = torch.cuda.is_available() and torch.cuda.is_bf16_supported()`).
  if (node.type === 'identifier') {
    const bound = scopeBindings(node, root);
    if (bound !== 'opaque' && bound?.length === 1) return capOf(bound[0], values, root, depth + 1);
  }
  return { ...none, dests: r.dest ? [r.dest] : [] };
}

/**
 * A condition's value on the GPU the review estimates: true/false, or 'S' / '!S' when it is the GPU's bf16 support
 * (`torch.cuda.is_bf16_supported()`) or its negation; undefined when it reads anything else.
 */
export function gpuCondition(node: SyntaxNode, values: ValueResolver, root: SyntaxNode): Cap {
  return capOf(node, values, root, 0).cap;
}

const on = (c: Cap, bf16Gpu: boolean): boolean | undefined => (c === 'S' ? bf16Gpu : c === '!S' ? !bf16Gpu : c);

/** The note's words for a precision the GPU decides; `resolveGpuPrecision` reads them back. */
const GPU_DECIDES = /(bf16|fp16|fp32) on a GPU with bf16 support, else (bf16|fp16|fp32)/;

export interface GuardedPrecision {
  /** The precision on any GPU, or null when the GPU's bf16 support decides. */
  value: 'bf16' | 'fp16' | 'fp32' | null;
  note: string;
  scriptDefault: boolean;
  /** The option each switch reads, where it reads one (`args.bf16 and …` → bf16: a launcher's `--bf16` sets it). */
  dests: { bf16?: string; fp16?: string };
}

/**
 * The precision of `bf16=…, fp16=…` whose values are checks of the machine, on a GPU. Undefined when a switch is
 * neither a known value nor such a check.
 */
export function guardedPrecision(
  bf: SyntaxNode | undefined,
  fp: SyntaxNode | undefined,
  values: ValueResolver,
  root: SyntaxNode,
): GuardedPrecision | undefined {
  const b = bf ? capOf(bf, values, root, 0) : { cap: false as Cap, dests: [], scriptDefault: false };
  const f = fp ? capOf(fp, values, root, 0) : { cap: false as Cap, dests: [], scriptDefault: false };
  if (b.cap === undefined || f.cap === undefined) return undefined;
  const pick = (gpu: boolean) => (on(b.cap, gpu) ? 'bf16' : on(f.cap, gpu) ? 'fp16' : 'fp32');
  const withBf16 = pick(true);
  const without = pick(false);
  const scriptDefault = b.scriptDefault || f.scriptDefault;
  const dests = {
    bf16: b.dests.length === 1 ? b.dests[0] : undefined,
    fp16: f.dests.length === 1 ? f.dests[0] : undefined,
  };
  if (withBf16 === without)
    return {
      value: withBf16,
      note: `${withBf16} on a GPU (torch.cuda.is_available() is True there)`,
      scriptDefault,
      dests,
    };
  return {
    value: null,
    note: `${withBf16} on a GPU with bf16 support, else ${without} — not known until the hardware is`,
    scriptDefault,
    dests,
  };
}

/** Once the GPU is known: the precision a `guardedPrecision` left to it. */
export function resolveGpuPrecision(plan: RunPlan, bf16Capable: boolean | undefined): void {
  const p = plan.facts.get('precision');
  const m = p?.value === null && p.note ? GPU_DECIDES.exec(p.note) : null;
  if (!p || !m || bf16Capable === undefined) return;
  plan.facts.set('precision', {
    ...p,
    value: bf16Capable ? m[1] : m[2],
    note: `${(p.note ?? '').replace(/ — not known until the hardware is/, '')}: ${bf16Capable ? `${m[1]} on this GPU` : `${m[2]}: this GPU has no bf16`}`,
  });
}
