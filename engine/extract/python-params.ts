// Where a Python name is bound as a function's parameter: the enclosing definition and the parameter's position and
// default (used by ./python-values.ts to follow a value into the call that passes it).
import type { SyntaxNode } from '../parse/python';

/** The function definition a node sits in, if any. */
export function enclosingDef(node: SyntaxNode): SyntaxNode | undefined {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'function_definition') return p;
  return undefined;
}

/** The parameter `name` of a function definition: its position and default. */
export function paramOf(fn: SyntaxNode, name: string): { name: string; index: number; def?: SyntaxNode } | undefined {
  const params = fn.childForFieldName('parameters')?.namedChildren ?? [];
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    if (!p) continue;
    const pname =
      p.type === 'identifier'
        ? p.text
        : p.type === 'typed_parameter'
          ? p.namedChildren.find((c) => c?.type === 'identifier')?.text
          : p.childForFieldName('name')?.text;
    if (pname !== name) continue;
    if (p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern') return undefined;
    return { name, index: i, def: p.childForFieldName('value') ?? undefined };
  }
  return undefined;
}
