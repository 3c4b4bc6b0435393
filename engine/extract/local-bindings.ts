// The bindings of a local name inside one function, read from the tree alone (./python-values resolves a local
// through them).
import type { SyntaxNode } from '../parse/python';

/**
 * The right-hand sides of `name = expr` in a function's own body (nested definitions excluded); 'opaque' when the
 * name is bound any other way there (loop target, unpacking, `+=`, `with … as`, `global`); undefined when never bound.
 */
export function bindingsIn(
  fn: SyntaxNode,
  name: string,
  offBranch?: (cond: SyntaxNode) => boolean,
): SyntaxNode[] | 'opaque' | undefined {
  const body = fn.childForFieldName('body');
  if (!body) return undefined;
  const out: SyntaxNode[] = [];
  let opaque = false;
  const visit = (n: SyntaxNode) => {
    if (n.type === 'function_definition' || n.type === 'class_definition' || n.type === 'lambda') return;
    // `if args.resume_from_checkpoint:` (default None): its body does not run by default, so what it binds there
    // (`num_epochs -= done`) does not change the default run's value. Its elif / else branches are still read.
    if (n.type === 'if_statement' && offBranch) {
      const cond = n.childForFieldName('condition');
      if (cond && offBranch(cond)) {
        const skip = n.childForFieldName('consequence');
        for (const c of n.namedChildren) if (c && c.id !== skip?.id && c.id !== cond.id) visit(c);
        return;
      }
    }
    if (
      (n.type === 'global_statement' || n.type === 'nonlocal_statement') &&
      n.namedChildren.some((c) => c?.text === name)
    )
      opaque = true;
    if (n.type === 'assignment' || n.type === 'augmented_assignment') {
      const left = n.childForFieldName('left');
      if (left?.type === 'identifier' && left.text === name) {
        const right = n.childForFieldName('right');
        if (n.type === 'augmented_assignment' || !right || right.type === 'assignment') opaque = true;
        else out.push(right);
      } else if (
        left &&
        left.type !== 'identifier' &&
        left.type !== 'attribute' &&
        left.type !== 'subscript' &&
        left.descendantsOfType('identifier').some((i) => i?.text === name)
      )
        opaque = true;
    }
    if (n.type === 'for_statement' || n.type === 'for_in_clause') {
      if (
        n
          .childForFieldName('left')
          ?.descendantsOfType('identifier')
          .some((i) => i?.text === name) ||
        n.childForFieldName('left')?.text === name
      )
        opaque = true;
    }
    if (
      (n.type === 'as_pattern' || n.type === 'named_expression') &&
      n.descendantsOfType('identifier').some((i) => i?.text === name && i.parent?.type !== 'call')
    ) {
      const target =
        n.type === 'named_expression' ? n.childForFieldName('name') : n.namedChildren[n.namedChildren.length - 1];
      if (target?.text === name) opaque = true;
    }
    for (const c of n.namedChildren) if (c) visit(c);
  };
  visit(body);
  if (opaque) return 'opaque';
  return out.length ? out : undefined;
}
