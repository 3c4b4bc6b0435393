// The arguments of a Hugging Face arguments call given as a dict the same function builds and unpacks:
//   kwargs = dict(output_dir=out, per_device_train_batch_size=4, gradient_accumulation_steps=8)
//   if args.max_steps > 0: kwargs["max_steps"] = args.max_steps
//   kwargs = {k: v for k, v in kwargs.items() if k in sig.parameters}     # a filter: the keys it keeps are kept
//   training_args = TrainingArguments(**kwargs)
// Python passes each key of an unpacked mapping as the keyword of that name (the language reference, "Calls":
// https://docs.python.org/3/reference/expressions.html#calls), so the dict's keys are the call's keyword arguments
// (`TrainingArguments`, TRL's `SFTConfig`/`DPOConfig`/`GRPOConfig` take them alike). Read apart, the call showed
// the framework's defaults (batch 8, accumulation 1, 3 epochs, a save every 500 steps) where the dict set others.
// A key written later in the same block replaces the literal's value; one written under a condition (`if`, a loop,
// `try`) that the call is not under has no known value (null, never the literal's or the default). A key that is not
// a literal (`kwargs[k] = v`), a `**other` inside the dict or `kwargs.update(other)` leaves the call open-ended.
import type { SyntaxNode } from '../parse/python';
import { type CallSite, type KwArg, literal } from '../parse/python-syntax';
import { nodesOfType } from '../parse/nodes-of-type';

const BLOCKS = new Set(['if_statement', 'for_statement', 'while_statement', 'try_statement', 'with_statement']);
const SCOPES = new Set(['function_definition', 'module', 'class_definition', 'lambda']);
/** Calls whose dict arguments this module filled in: their kwargs are not all the call's own, so no edits. */
const expanded = new WeakSet<CallSite>();

/** Whether the arguments call's keywords are all written in the call (an edit may set them there). */
export const editableCall = (call: CallSite): boolean => !expanded.has(call);

function scopeOf(n: SyntaxNode): SyntaxNode {
  let s: SyntaxNode | null = n.parent;
  while (s && !SCOPES.has(s.type)) s = s.parent;
  return s ?? n;
}

/** Whether `n` runs whenever `call` does: every conditional block around `n` (inside the scope) is around `call` too. */
function certainFor(n: SyntaxNode, call: SyntaxNode, scope: SyntaxNode): boolean {
  for (let p = n.parent; p && p.id !== scope.id; p = p.parent)
    if (BLOCKS.has(p.type) && !(p.startIndex <= call.startIndex && call.endIndex <= p.endIndex)) return false;
  return true;
}

/** Nodes of `type` in `scope`'s own body (not in a nested function or class), between `from` and `to`. */
function inScope(scope: SyntaxNode, type: string, from: number, to: number): SyntaxNode[] {
  return nodesOfType(scope, type).filter(
    (n): n is SyntaxNode => !!n && n.startIndex >= from && n.endIndex <= to && scopeOf(n).id === scope.id,
  );
}

/** `{k: v for k, v in kwargs.items() if …}`, `dict(kwargs)`, `kwargs.copy()`: the same keys, a filter at most. */
function keepsKeys(right: SyntaxNode, name: string): boolean {
  const t = right.text.replace(/\s+/g, '');
  return (
    (right.type === 'dictionary_comprehension' && t.includes(`in${name}.items()`)) ||
    t === `dict(${name})` ||
    t === `${name}.copy()`
  );
}

interface Entries {
  kw: Map<string, KwArg>;
  open: boolean;
}

/** The keys a dict literal or `dict(k=v, …)` writes. */
function literalEntries(right: SyntaxNode, out: Entries): boolean {
  if (right.type === 'dictionary') {
    for (const p of right.namedChildren) {
      if (!p || p.type === 'comment') continue;
      const key = p.type === 'pair' ? literal(p.childForFieldName('key')) : undefined;
      const value = p.childForFieldName('value');
      if (typeof key === 'string' && value) out.kw.set(key, { name: key, node: p, value });
      else out.open = true;
    }
    return true;
  }
  if (right.type === 'call' && right.childForFieldName('function')?.text === 'dict') {
    for (const a of right.childForFieldName('arguments')?.namedChildren ?? []) {
      if (!a || a.type === 'comment') continue;
      const name = a.type === 'keyword_argument' ? a.childForFieldName('name')?.text : undefined;
      const value = a.childForFieldName('value');
      if (name && value) out.kw.set(name, { name, node: a, value });
      else out.open = true;
    }
    return true;
  }
  return false;
}

/** What `**name` passes at `call`: the dict bound in the same scope and the keys written to it before the call. */
function dictAt(name: string, call: SyntaxNode): Entries | undefined {
  const scope = scopeOf(call);
  const binds = inScope(scope, 'assignment', scope.startIndex, call.startIndex).filter(
    (a) => a.childForFieldName('left')?.text === name,
  );
  const real = binds.filter((a) => {
    const r = a.childForFieldName('right');
    return !r || !keepsKeys(r, name);
  });
  const bind = real[real.length - 1];
  // The last binding, when it runs whenever the call does (one under a condition, or an if/else pair: not read).
  if (!bind || !certainFor(bind, call, scope)) return undefined;
  const out: Entries = { kw: new Map(), open: false };
  const right = bind.childForFieldName('right');
  if (!right || !literalEntries(right, out)) return undefined;
  const unknown = (key: string, n: SyntaxNode) => out.kw.set(key, { name: key, node: n, value: n });
  // Writes after the binding, in source order.
  const writes = [
    ...inScope(scope, 'assignment', bind.endIndex, call.startIndex),
    ...inScope(scope, 'augmented_assignment', bind.endIndex, call.startIndex),
    ...inScope(scope, 'call', bind.endIndex, call.startIndex),
    ...inScope(scope, 'delete_statement', bind.endIndex, call.startIndex),
  ].sort((a, b) => a.startIndex - b.startIndex);
  for (const w of writes) {
    const sure = certainFor(w, call, scope);
    if (w.type === 'assignment' || w.type === 'augmented_assignment') {
      const left = w.childForFieldName('left');
      if (left?.type !== 'subscript' || left.childForFieldName('value')?.text !== name) continue;
      const key = literal(left.childForFieldName('subscript'));
      const right = w.childForFieldName('right');
      if (typeof key !== 'string') out.open = true;
      else if (sure && w.type === 'assignment' && right) out.kw.set(key, { name: key, node: w, value: right });
      else unknown(key, w);
    } else if (w.type === 'delete_statement') {
      for (const t of nodesOfType(w, 'subscript')) {
        const key = t && t.childForFieldName('value')?.text === name ? literal(t.childForFieldName('subscript')) : 0;
        if (typeof key === 'string') {
          if (sure) out.kw.delete(key);
          else unknown(key, w);
        }
      }
    } else {
      const fn = w.childForFieldName('function');
      if (fn?.type !== 'attribute' || fn.childForFieldName('object')?.text !== name) continue;
      const method = fn.childForFieldName('attribute')?.text;
      const args = (w.childForFieldName('arguments')?.namedChildren ?? []).filter(
        (a): a is SyntaxNode => !!a && a.type !== 'comment',
      );
      if (method === 'update') {
        const got: Entries = { kw: new Map(), open: false };
        for (const a of args) {
          if (a.type === 'keyword_argument') {
            const k = a.childForFieldName('name')?.text;
            const v = a.childForFieldName('value');
            if (k && v) got.kw.set(k, { name: k, node: a, value: v });
          } else if (!literalEntries(a, got)) got.open = true;
        }
        out.open ||= got.open;
        for (const [k, v] of got.kw)
          if (sure) out.kw.set(k, v);
          else unknown(k, w);
      } else if (method === 'pop' || method === 'setdefault') {
        const key = literal(args[0]);
        if (typeof key !== 'string') out.open = true;
        else if (!sure) unknown(key, w);
        else if (method === 'pop') out.kw.delete(key);
        else if (!out.kw.has(key) && args[1]) out.kw.set(key, { name: key, node: w, value: args[1] });
      }
    }
  }
  return out;
}

/**
 * The call with the keys of the dicts it unpacks (`**kwargs`, `**{…}`) as keyword arguments; `hasSplat` stays true
 * only when one of them is not fully known. Keywords written in the call itself are kept as written.
 */
export function withDictKwargs(call: CallSite): CallSite {
  if (!call.hasSplat) return call;
  const kwargs = new Map(call.kwargs);
  let open = false;
  let any = false;
  for (const arg of call.argList.namedChildren) {
    if (arg?.type !== 'dictionary_splat') continue;
    const inner = arg.namedChildren[0];
    let got: Entries | undefined;
    // `**{k: v for k, v in kwargs.items() if …}`: the keys of kwargs, filtered.
    const kept = inner?.type === 'dictionary_comprehension' ? /\bin\s+(\w+)\.items\(\)/.exec(inner.text) : null;
    if (kept) got = dictAt(kept[1], call.node);
    else if (inner?.type === 'identifier') got = dictAt(inner.text, call.node);
    else if (inner) {
      const e: Entries = { kw: new Map(), open: false };
      got = literalEntries(inner, e) ? e : undefined;
    }
    if (!got) {
      open = true;
      continue;
    }
    any = true;
    open ||= got.open;
    for (const [k, v] of got.kw) if (!call.kwargs.has(k)) kwargs.set(k, v);
  }
  if (!any) return call;
  const out: CallSite = { ...call, kwargs, hasSplat: open };
  expanded.add(out);
  return out;
}
