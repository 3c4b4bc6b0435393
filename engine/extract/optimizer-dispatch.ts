// Optimizer classes a script picks by name and calls somewhere else than where it names them — the two factories
// common in research code:
//  - a function that returns the class for an option (`def get_optimizer(): if args.optimizer == 'SGD': return SGD
//    elif …`, then `optimizer_type = get_optimizer()` … `optimizer_type(net.parameters(), lr=…)`): each `return` is a
//    candidate, and ./python-optimizer's branch reading keeps the one the defaults take;
//  - a dict from names to classes indexed with an option (`OPTIMIZERS = {'adam': optim.Adam, 'sgd': optim.SGD}`,
//    `OPTIMIZERS[args.optim](params, lr=…)`): the entry the option's value names, or the one class every entry is.
// The class must be called afterwards (the factory's result, or the entry looked up): a table nobody builds from names
// nothing.
import type { SyntaxNode } from '../parse/python';
import { nodesOfType } from '../parse/nodes-of-type';
import { literal } from '../parse/python-syntax';
import type { ValueResolver } from './python-values';

export interface PickedClass {
  value: string;
  node: SyntaxNode;
  note: string;
  scriptDefault: boolean;
}

/** A class reference (`SGD`, `optim.AdamW`) → the optimizer fact's value, when it names an optimizer class. */
type ClassOf = (ref: string) => string | undefined;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Is a name called after the assignment `name = <lookup>` at `at` (`opt_cls = OPTIMIZERS[name]` … `opt_cls(…)`)? */
function calledAfter(text: string, name: string, at: number): boolean {
  return new RegExp(`\\b${escape(name)}\\s*\\(`).test(text.slice(at));
}

/** `return SGD` in a function the file calls, whose result is then called (`get_optimizer()(…)`, `cls = f(); cls(…)`). */
export function returnedClasses(root: SyntaxNode, text: string, classOf: ClassOf): PickedClass[] {
  if (!/^[ \t]*return[ \t]+[\w.]+[ \t]*(#.*)?$/m.test(text)) return [];
  const out: PickedClass[] = [];
  const called = new Map<string, boolean>();
  for (const r of nodesOfType(root, 'return_statement')) {
    const expr = r.namedChildren[0];
    if (!expr || r.namedChildren.length !== 1 || (expr.type !== 'identifier' && expr.type !== 'attribute')) continue;
    const value = classOf(expr.text);
    if (!value) continue;
    let fn = r.parent;
    while (fn && fn.type !== 'function_definition') fn = fn.parent;
    const name = fn?.childForFieldName('name')?.text;
    if (!name) continue;
    let ok = called.get(name);
    if (ok === undefined) {
      const call = `(?<![\\w.])(?:self\\.)?${escape(name)}\\s*\\([^()]*\\)`;
      ok =
        new RegExp(`${call}\\s*\\(`).test(text) ||
        [...text.matchAll(new RegExp(`^[ \\t]*(\\w+)[ \\t]*=[ \\t]*${call}`, 'gm'))].some((m) =>
          new RegExp(`\\b${m[1]}\\s*\\(`).test(text.slice(m.index + m[0].length)),
        );
      called.set(name, ok);
    }
    if (ok)
      out.push({
        value,
        node: expr,
        note: `${name}() returns ${expr.text}, which the script calls`,
        scriptDefault: false,
      });
  }
  return out;
}

/** `{'adam': optim.Adam, 'sgd': optim.SGD}[key](…)`, or the dict held in a name and looked up there. */
export function tableClasses(root: SyntaxNode, text: string, classOf: ClassOf, values: ValueResolver): PickedClass[] {
  if (!/\{\s*['"]/.test(text)) return [];
  const out: PickedClass[] = [];
  for (const d of nodesOfType(root, 'dictionary')) {
    const pairs = d.namedChildren.filter((p): p is SyntaxNode => p?.type === 'pair');
    if (pairs.length === 0 || pairs.length !== d.namedChildren.filter((c) => c?.type !== 'comment').length) continue;
    const entries = pairs.map((p) => {
      const v = p.childForFieldName('value');
      return {
        key: literal(p.childForFieldName('key')),
        node: v,
        value: v && (v.type === 'identifier' || v.type === 'attribute') ? classOf(v.text) : undefined,
      };
    });
    if (entries.some((e) => typeof e.key !== 'string' || !e.value || !e.node)) continue;
    // Its look-ups: on the literal itself, or on the name it is assigned to.
    const holder = d.parent?.type === 'assignment' ? d.parent.childForFieldName('left') : undefined;
    const lookups: SyntaxNode[] = [];
    if (d.parent?.type === 'subscript' && d.parent.childForFieldName('value')?.id === d.id) lookups.push(d.parent);
    else if (holder?.type === 'identifier' || holder?.type === 'attribute')
      for (const s of nodesOfType(root, 'subscript'))
        if (s.childForFieldName('value')?.text === holder.text) lookups.push(s);
    for (const s of lookups) {
      const p = s.parent;
      const calledHere = p?.type === 'call' && p.childForFieldName('function')?.id === s.id;
      const held =
        p?.type === 'assignment' && p.childForFieldName('right')?.id === s.id ? p.childForFieldName('left') : null;
      if (!calledHere && !(held?.type === 'identifier' && calledAfter(text, held.text, s.endIndex))) continue;
      const key = s.childForFieldName('subscript');
      const r = key ? values.resolve(key) : { value: undefined };
      const hit = typeof r.value === 'string' ? entries.find((e) => e.key === r.value) : undefined;
      const all = new Set(entries.map((e) => e.value));
      const pick = hit ?? (all.size === 1 ? entries[0] : undefined);
      if (!pick?.value || !pick.node) continue;
      const via = hit && r.via ? ` (${r.via})` : '';
      out.push({
        value: pick.value,
        node: pick.node,
        note: `${s.text} → ${pick.node.text}${via}`,
        scriptDefault: !!(hit && r.scriptDefault),
      });
    }
  }
  return out;
}

/**
 * A construction that is one value of a dict looked up at once (`{'adam': optim.Adam(…), 'sgd': optim.SGD(…)}
 * [optimizer_type]`, as bubbliiiing's detection and segmentation repositories build theirs): true when the key the
 * file sets selects it, false when it selects another entry, undefined when the key is not known.
 */
export function tableEntryTaken(node: SyntaxNode, values: ValueResolver, deciders: string[]): boolean | undefined {
  const pair = node.parent;
  const dict = pair?.type === 'pair' && pair.childForFieldName('value')?.id === node.id ? pair.parent : undefined;
  const s = dict?.parent;
  if (!pair || !dict || s?.type !== 'subscript' || s.childForFieldName('value')?.id !== dict.id) return undefined;
  const k = literal(pair.childForFieldName('key'));
  const r = values.resolve(s.childForFieldName('subscript'));
  if (typeof k !== 'string' || typeof r.value !== 'string') return undefined;
  if (r.via && /default of argparse/.test(r.via)) deciders.push(r.via);
  return k === r.value;
}
