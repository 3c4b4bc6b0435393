// The keyword arguments a `DataLoader(ds, **kwargs)` call takes from a dict it splats. Python passes every key of a
// `**mapping` argument as a keyword argument (https://docs.python.org/3/reference/expressions.html#calls: "If the
// syntax **expression appears in the function call, expression must evaluate to a mapping, the contents of which are
// treated as additional keyword arguments"), so `DataLoader(ds, **kw)` with `kw = {'batch_size': 32}` or
// `kw = dict(batch_size=32)` is `DataLoader(ds, batch_size=32)` (`dict(**kwarg)` builds "a dictionary initialized with
// the name=value pairs of the keyword argument list": https://docs.python.org/3/library/stdtypes.html#dict).
// Only a dict bound once, before the call, in the call's own function (or the module), is read: a literal `{…}` or a
// `dict(k=v, …)` call with keywords only; `.update(…)` with such a dict adds its keys; a key set by subscript makes
// the reading incomplete (a setting absent from it may still be set there).
import type { SyntaxNode } from '../parse/python';
import { literal, type CallSite } from '../parse/python-syntax';

/** An argument read from a dict splatted into a call: `spelled` is its key as the dict writes it (`"num_workers"`). */
export type SplatArg = { node: SyntaxNode; value: SyntaxNode; name: string; spelled?: string };

/**
 * Splatted dicts whose every key is known: one literal assigned once, merged only with literal dicts, never set by
 * subscript. A loader setting absent from such a dict takes PyTorch's default, as if the call wrote none.
 */
export const COMPLETE_SPLATS = new WeakSet<Map<string, SplatArg>>();

/** `dict(k=v, …)` with keyword arguments only (no positional mapping, no `**more`): its keys are all written. */
function isKeywordDict(node: SyntaxNode | null | undefined): boolean {
  if (node?.type !== 'call' || node.childForFieldName('function')?.text !== 'dict') return false;
  const args = node.childForFieldName('arguments')?.namedChildren ?? [];
  return args.every((a) => a?.type === 'keyword_argument' || a?.type === 'comment');
}

/**
 * `DataLoader(ds, **train_kwargs)` with `train_kwargs = {'batch_size': …}` or `dict(batch_size=…)` assigned once in
 * the same function: the dict's keys as keyword arguments.
 */
export function splatDict(call: CallSite): Map<string, SplatArg> {
  const out = new Map<string, SplatArg>();
  const splats = call.argList.namedChildren.filter((a) => a?.type === 'dictionary_splat');
  const name = splats.length === 1 ? splats[0]?.namedChildren[0] : undefined;
  if (name?.type !== 'identifier') return out;
  let at: SyntaxNode | null = call.node.parent;
  while (at && at.type !== 'function_definition' && at.type !== 'module') at = at.parent;
  if (!at) return out;
  const scope: SyntaxNode = at;
  const dictOf = (id: string): SyntaxNode | undefined => {
    const assigns = scope
      .descendantsOfType('assignment')
      .filter((a) => a?.childForFieldName('left')?.text === id && a.startIndex < call.node.startIndex);
    let right = assigns.length === 1 ? assigns[0]?.childForFieldName('right') : undefined;
    // `{"num_workers": 1, "pin_memory": True} if use_cuda else {}` (pytorch/examples' MNIST): the settings of a run
    // on the GPU, the only run the loader rules judge.
    if (right?.type === 'conditional_expression') {
      const [gpu, cond, other] = right.namedChildren;
      const empty = other?.type === 'dictionary' ? other.namedChildren.length === 0 : other?.text === 'dict()';
      const gpuOnly = empty && /cuda|gpu/i.test(cond?.text ?? '');
      right = gpuOnly ? gpu : undefined;
    }
    return right && (right.type === 'dictionary' || isKeywordDict(right)) ? right : undefined;
  };
  const read = (dict: SyntaxNode) => {
    if (dict.type === 'call') {
      for (const kw of dict.childForFieldName('arguments')?.namedChildren ?? []) {
        const k = kw?.type === 'keyword_argument' ? kw.childForFieldName('name')?.text : undefined;
        const v = kw?.childForFieldName('value');
        if (kw && k && v) out.set(k, { node: kw, value: v, name: k });
      }
      return;
    }
    for (const pair of dict.namedChildren) {
      if (pair?.type !== 'pair') continue;
      const k = literal(pair.childForFieldName('key'));
      const v = pair.childForFieldName('value');
      const key = pair.childForFieldName('key');
      if (typeof k === 'string' && v && key) out.set(k, { node: pair, value: v, name: k, spelled: key.text });
    }
  };
  const base = dictOf(name.text);
  if (!base) return out;
  read(base);
  let complete = !scope
    .descendantsOfType(['assignment', 'augmented_assignment'])
    .some(
      (a) =>
        !!a && a.startIndex < call.node.startIndex && !!a.childForFieldName('left')?.text.startsWith(`${name.text}[`),
    );
  // `train_kwargs.update(cuda_kwargs)` before the call (pytorch/examples add GPU-only loader settings this way).
  for (const c of scope.descendantsOfType('call')) {
    if (!c || c.startIndex > call.node.startIndex || c.childForFieldName('function')?.text !== `${name.text}.update`)
      continue;
    const arg = c.childForFieldName('arguments')?.namedChildren[0];
    const more =
      arg && (arg.type === 'dictionary' || isKeywordDict(arg))
        ? arg
        : arg?.type === 'identifier'
          ? dictOf(arg.text)
          : undefined;
    if (more) read(more);
    else complete = false;
  }
  if (complete) COMPLETE_SPLATS.add(out);
  return out;
}
