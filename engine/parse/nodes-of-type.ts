// The nodes of some types under a node, walked once per parsed tree, node and types. The extractors ask the same
// questions of a file many times in one analysis (its calls, its function definitions, its assignments, the
// identifiers that name a function), and each walk of a 2,000-line script visits tens of thousands of nodes in the
// parser's memory: on an edit of such a script, repeated walks were most of the re-analysis time (`npm run bench`).
// The memo hangs on the tree object, so it is dropped with the tree; callers must not change the arrays it returns.
import type { SyntaxNode, Tree } from './python';

const memo = new WeakMap<Tree, Map<string, readonly SyntaxNode[]>>();

/** `node.descendantsOfType(types)` without its empty slots, computed once per tree, node and types. */
export function nodesOfType(node: SyntaxNode, types: string | readonly string[]): readonly SyntaxNode[] {
  const key = `${node.id}:${typeof types === 'string' ? types : types.join(',')}`;
  let byKey = memo.get(node.tree);
  if (!byKey) memo.set(node.tree, (byKey = new Map()));
  let found = byKey.get(key);
  if (!found) {
    found = node
      .descendantsOfType(typeof types === 'string' ? types : [...types])
      .filter((n): n is SyntaxNode => n !== null);
    byKey.set(key, found);
  }
  return found;
}

/** Drops what was found in `tree`: call it when the tree is edited in place (its nodes move). */
export function forgetNodes(tree: Tree): void {
  memo.delete(tree);
}
