// `SFTConfig(**cfg_kwargs)` where the script builds `cfg_kwargs = {"per_device_train_batch_size": args.bs, …}` (or
// `dict(per_device_train_batch_size=args.bs, …)`) before the call: Python passes each entry as a keyword argument
// (https://docs.python.org/3/reference/expressions.html#calls, "**expression"), so the entries are read as the
// call's keywords. Keys added later (`cfg_kwargs["max_steps"] = …` under an `if`) stay unseen: the call keeps its
// `hasSplat`, so what it does not show is still a default the command line or the dict may change.
import type { SyntaxNode } from '../parse/python';
import { callSite, type CallSite, type KwArg } from '../parse/python-syntax';
import { nodesOfType } from '../parse/nodes-of-type';

/** The dict literal (or `dict(…)` call) last assigned to `name` before `before`, as keyword arguments. */
function dictEntries(root: SyntaxNode, name: string, before: number): KwArg[] | undefined {
  let last: SyntaxNode | undefined;
  for (const a of nodesOfType(root, 'assignment')) {
    if (!a || a.startIndex >= before || a.childForFieldName('left')?.text !== name) continue;
    last = a.childForFieldName('right') ?? undefined;
  }
  if (!last) return undefined;
  if (last.type === 'call') {
    const c = callSite(last);
    return c?.callee === 'dict' && c.positional.length === 0 ? [...c.kwargs.values()] : undefined;
  }
  if (last.type !== 'dictionary') return undefined;
  const out: KwArg[] = [];
  for (const p of last.namedChildren) {
    if (p?.type !== 'pair') continue;
    const k = p.childForFieldName('key');
    const v = p.childForFieldName('value');
    const m = k?.type === 'string' ? /^["'](\w+)["']$/.exec(k.text) : null;
    if (m && v) out.push({ name: m[1], node: p, value: v });
  }
  return out;
}

/** The call with the entries of a `**name` dict it is given added to its keywords (its own keywords win). */
export function withDictSplat(c: CallSite, root: SyntaxNode): CallSite {
  if (!c.hasSplat) return c;
  const splats = c.argList.namedChildren.filter((n) => n?.type === 'dictionary_splat');
  const target = splats.length === 1 ? splats[0]?.namedChildren[0] : undefined;
  if (target?.type !== 'identifier') return c;
  const entries = dictEntries(root, target.text, c.node.startIndex);
  if (!entries?.length) return c;
  const kwargs = new Map(c.kwargs);
  for (const e of entries) if (!kwargs.has(e.name)) kwargs.set(e.name, e);
  return { ...c, kwargs };
}
