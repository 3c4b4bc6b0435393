// The `if`/`elif` branches that choose a model by an option's value, for ./python-model: `args.model == "resnet18"`
// (or `"resnet18" == args.model`), and `args.model.startswith("gpt2")` — a family of names sharing a prefix, as a
// factory that loads `gpt2`, `gpt2-medium` … from the hub by the option's value chooses its branch (Python's
// `str.startswith`, https://docs.python.org/3/library/stdtypes.html#str.startswith).
import type { SyntaxNode } from '../parse/python';

/** One branch's condition: the selector, the literal, and whether the value only has to start with it. */
export interface Guard {
  sel: SyntaxNode;
  lit: string;
  prefix?: boolean;
}

const literalOf = (n: SyntaxNode | null | undefined) =>
  n?.type === 'string' ? /^[rbuf]*(['"])(.*)\1$/s.exec(n.text)?.[2] : undefined;

/** `sel == "lit"` (or `"lit" == sel`), `sel.startswith("lit")`: the selector node and the literal. */
function selection(cond: SyntaxNode | null): Guard | undefined {
  if (cond?.type === 'parenthesized_expression') cond = cond.namedChildren[0] ?? null;
  if (cond?.type === 'call') {
    const fn = cond.childForFieldName('function');
    const args = cond.childForFieldName('arguments')?.namedChildren ?? [];
    const lit = args.length === 1 ? literalOf(args[0]) : undefined;
    const sel = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
    if (fn?.childForFieldName('attribute')?.text === 'startswith' && sel && lit) return { sel, lit, prefix: true };
    return undefined;
  }
  if (cond?.type !== 'comparison_operator' || !/^[^=]*==[^=]*$/.test(cond.text)) return undefined;
  const [a, b] = cond.namedChildren;
  if (!a || !b || cond.namedChildren.length !== 2) return undefined;
  const [la, lb] = [literalOf(a), literalOf(b)];
  if (lb !== undefined && la === undefined) return { sel: a, lit: lb };
  if (la !== undefined && lb === undefined) return { sel: b, lit: la };
  return undefined;
}

/** The `if`/`elif` conditions of the branches that hold the statement, nearest first, up to its function. */
export function guardsOf(stmt: SyntaxNode): Guard[] {
  const out: Guard[] = [];
  for (let n: SyntaxNode | null = stmt; n?.parent; n = n.parent) {
    const p: SyntaxNode = n.parent;
    if (/^(function_definition|class_definition|module)$/.test(p.type)) break;
    if ((p.type === 'if_statement' || p.type === 'elif_clause') && p.childForFieldName('consequence')?.id === n.id) {
      const g = selection(p.childForFieldName('condition'));
      if (g) out.push(g);
    }
  }
  return out;
}

/** Whether an option's value takes one of the branches: equal to a literal, or starting with a prefix one. */
export const takesBranch = (lits: ReadonlySet<string>, v: string) =>
  [...lits].some((k) => (k.startsWith('^') ? v.startsWith(k.slice(1)) : k === `=${v}`));
