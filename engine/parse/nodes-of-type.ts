// The nodes of some types under a node, walked once per parsed tree and node. The extractors ask the same questions
// of a file many times in one analysis (its calls, its function definitions, its assignments), and each walk of a
// 2,000-line script visits tens of thousands of nodes in the parser's memory: on an edit of such a script, repeated
// walks were most of the re-analysis time (`npm run bench`). The usual types are found in one walk together; the
// memo hangs on the tree object, so it is dropped with the tree. Callers must not change the arrays it returns.
import type { SyntaxNode, Tree } from './python';

/** Types asked for by many extractors: one walk finds them all (in document order, with their type). */
const USUAL = ['call', 'assignment', 'augmented_assignment', 'function_definition', 'class_definition'];
const USUAL_SET = new Set(USUAL);

interface Found {
  /** The usual types under the node, in document order, with their type. */
  usual?: Array<{ node: SyntaxNode; type: string }>;
  byKey: Map<string, readonly SyntaxNode[]>;
  /** Other indexes of the node built once (`treeMemo`). */
  other?: Map<string, unknown>;
}

const memo = new WeakMap<Tree, Map<number, Found>>();

function foundFor(node: SyntaxNode): Found {
  let byNode = memo.get(node.tree);
  if (!byNode) memo.set(node.tree, (byNode = new Map()));
  let found = byNode.get(node.id);
  if (!found) byNode.set(node.id, (found = { byKey: new Map() }));
  return found;
}

/** `node.descendantsOfType(types)` without its empty slots, computed once per tree, node and types. */
export function nodesOfType(node: SyntaxNode, types: string | readonly string[]): readonly SyntaxNode[] {
  const list = typeof types === 'string' ? [types] : [...types];
  const key = list.join(',');
  const found = foundFor(node);
  let out = found.byKey.get(key);
  if (out) return out;
  if (list.every((t) => USUAL_SET.has(t))) {
    found.usual ??= node
      .descendantsOfType(USUAL)
      .filter((n): n is SyntaxNode => n !== null)
      .map((n) => ({ node: n, type: n.type }));
    const wanted = new Set(list);
    out = found.usual.filter((f) => wanted.has(f.type)).map((f) => f.node);
  } else out = node.descendantsOfType(list).filter((n): n is SyntaxNode => n !== null);
  found.byKey.set(key, out);
  return out;
}

/**
 * An index of `node` (its top-level definitions, the spans of its import statements) built once per tree and node by
 * `build`, kept and dropped with the node's other memos. Callers must not change what it returns.
 */
export function treeMemo<T>(node: SyntaxNode, key: string, build: () => T): T {
  const found = foundFor(node);
  found.other ??= new Map();
  if (found.other.has(key)) return found.other.get(key) as T;
  const value = build();
  found.other.set(key, value);
  return value;
}

/** Drops what was found in `tree`: call it when the tree is edited in place (its nodes move). */
export function forgetNodes(tree: Tree): void {
  memo.delete(tree);
}
