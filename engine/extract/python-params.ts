// Where a Python name is bound as a function's parameter: the enclosing definition and the parameter's position and
// default (used by ./python-values.ts to follow a value into the call that passes it).
import type { SyntaxNode } from '../parse/python';
import type { FactValue } from '../types';
import { bindingsIn } from './local-bindings';
import { nodesOfType } from '../parse/nodes-of-type';

/** The function definition a node sits in, if any. */
export function enclosingDef(node: SyntaxNode): SyntaxNode | undefined {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'function_definition') return p;
  return undefined;
}

/**
 * The expressions the name `node` is bound to in its scope: `name = expr` in the enclosing function's own body (or
 * 'opaque' when bound another way there, ./local-bindings), else at the module's top level.
 */
export function scopeBindings(node: SyntaxNode, root: SyntaxNode): SyntaxNode[] | 'opaque' | undefined {
  const fn = enclosingDef(node);
  return fn ? bindingsIn(fn, node.text) : topLevelBindings(node.text, root);
}

/** The right-hand sides of `name = expr` at a module's top level (outside every function). */
export function topLevelBindings(name: string, root: SyntaxNode): SyntaxNode[] {
  return nodesOfType(root, 'assignment')
    .filter((a) => !enclosingDef(a) && a.childForFieldName('left')?.text === name)
    .map((a) => a.childForFieldName('right'))
    .filter((x): x is SyntaxNode => !!x);
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

type Param = NonNullable<ReturnType<typeof paramOf>>;

/**
 * `if tpu:` on a parameter of the enclosing function that the function never rebinds, whose value (what every call
 * passes, else its default: `valueOf`) is False, None, 0 or empty: the branch does not run by default. Its name, else
 * undefined.
 */
export function offParameter(
  id: SyntaxNode,
  valueOf: (fn: SyntaxNode, p: Param) => FactValue | undefined,
): string | undefined {
  for (let fn = enclosingDef(id); fn; fn = enclosingDef(fn)) {
    const param = paramOf(fn, id.text);
    const b = bindingsIn(fn, id.text);
    if (!param) {
      if (b) return undefined;
      continue;
    }
    if (b === 'opaque' || (b && b.length > 0)) return undefined;
    const v = valueOf(fn, param);
    return v === false || v === null || v === 0 || v === '' ? id.text : undefined;
  }
  return undefined;
}
