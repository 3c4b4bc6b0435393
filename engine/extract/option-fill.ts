// An option whose argparse default is None and that the script fills itself when the command line leaves it out:
//   if args.epochs is None:
//       epoches = {'coco': 30, 'pascal': 50, 'ade20k': 180}
//       args.epochs = epoches[args.dataset.lower()]
// (argparse gives None for an option not given and no default — Python docs, argparse "default"; the `if` replaces
// it). The run's value is then what that assignment computes from the other defaults; ./python-values.ts resolves it.
import type { SyntaxNode } from '../parse/python';
import { nodesOfType } from '../parse/nodes-of-type';

const fills = new WeakMap<SyntaxNode, Map<string, SyntaxNode | null>>();

/** `X.attr is None` / `not X.attr` / `X.attr == None`: the option tested for being unset, as `X.attr`. */
function unsetTest(cond: SyntaxNode | null): string | undefined {
  let c = cond;
  while (c?.type === 'parenthesized_expression' && c.namedChildren.length === 1) c = c.namedChildren[0];
  if (!c) return undefined;
  if (c.type === 'not_operator') {
    const arg = c.childForFieldName('argument');
    return arg?.type === 'attribute' ? arg.text : undefined;
  }
  if (c.type !== 'comparison_operator' || c.namedChildren.length !== 2) return undefined;
  const [a, b] = c.namedChildren;
  const op = c.children
    .filter((x) => !!x && !x.isNamed)
    .map((x) => x?.type)
    .join(' ');
  if (!/^(is|==)$/.test(op) || a?.type !== 'attribute' || b?.type !== 'none') return undefined;
  return a.text;
}

/**
 * The expression the file assigns to `X.attr` under `if X.attr is None:` — when that is the only assignment of the
 * attribute in the file (any other makes the run's value a matter of order, left unknown).
 */
export function noneFill(root: SyntaxNode, attr: string): SyntaxNode | undefined {
  let map = fills.get(root);
  if (!map) {
    map = new Map();
    for (const a of nodesOfType(root, 'assignment')) {
      const left = a?.childForFieldName('left');
      const name = left?.type === 'attribute' ? left.childForFieldName('attribute')?.text : undefined;
      const right = a?.childForFieldName('right');
      if (!a || !left || !name || !right) continue;
      if (map.has(name)) {
        map.set(name, null);
        continue;
      }
      // The `if` whose body holds the assignment (nested blocks allowed), tested on this very attribute.
      let guarded = false;
      for (let p = a.parent; p && !guarded; p = p.parent) {
        if (p.type !== 'if_statement') continue;
        const body = p.childForFieldName('consequence');
        guarded =
          !!body && body.startIndex <= a.startIndex && unsetTest(p.childForFieldName('condition')) === left.text;
        if (!guarded) break;
      }
      map.set(name, guarded ? right : null);
    }
    fills.set(root, map);
  }
  return map.get(attr) ?? undefined;
}

/** `s.lower()`, `s.upper()`, `s.strip()` of a known string: the string it returns. */
export function stringMethod(node: SyntaxNode, value: (n: SyntaxNode) => unknown): string | undefined {
  const fn = node.childForFieldName('function');
  const args = node.childForFieldName('arguments')?.namedChildren ?? [];
  const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
  const obj = fn?.childForFieldName('object');
  if (!obj || args.length || !method || !/^(lower|upper|strip)$/.test(method)) return undefined;
  const s = value(obj);
  if (typeof s !== 'string') return undefined;
  return method === 'lower' ? s.toLowerCase() : method === 'upper' ? s.toUpperCase() : s.trim();
}
