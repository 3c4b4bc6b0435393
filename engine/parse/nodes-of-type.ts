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
    if (!found.usual) {
      // Each type's own list kept from the same walk (asked for alone, most often).
      found.usual = [];
      const byType = new Map<string, SyntaxNode[]>(USUAL.map((t) => [t, []]));
      for (const n of node.descendantsOfType(USUAL)) {
        if (!n) continue;
        const type = n.type;
        found.usual.push({ node: n, type });
        byType.get(type)?.push(n);
      }
      for (const [t, nodes] of byType) found.byKey.set(t, nodes);
      out = found.byKey.get(key);
    }
    if (!out) {
      const wanted = new Set(list);
      out = found.usual.filter((f) => wanted.has(f.type)).map((f) => f.node);
    }
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

/** Callee texts of calls, per tree and call id (calleeOf). */
const callees = new WeakMap<Tree, Map<number, string>>();

/**
 * A callee that is a plain dotted name (`torch.optim.AdamW`, `self.step`), followed by its argument list on the same
 * line: its text is read from the source at the call's start, not through the parser's nodes (two calls into the
 * WASM module and a node object per call, for the thousands of calls of a long file). Anything else (a subscript, a
 * call, a string, a line break or comment before the parenthesis, a name outside ASCII) is read from the tree.
 */
const PLAIN_CALLEE = /[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*(?=[ \t]*\()/y;

/**
 * The callee texts of every call under `root` (each `call.childForFieldName('function')?.text ?? ''`), read once per
 * tree; calleeOf answers from them. Two calls starting at one place (`f(x)(y)`, `a.b(x).c()`) are read from the tree:
 * the outer one's callee is longer than the name its text starts with.
 */
export function calleeTexts(root: SyntaxNode): void {
  treeMemo(root, 'callee-texts', () => {
    const calls = nodesOfType(root, 'call');
    let known = callees.get(root.tree);
    if (!known) callees.set(root.tree, (known = new Map()));
    const starts = new Map<number, number>();
    for (const c of calls) starts.set(c.startIndex, (starts.get(c.startIndex) ?? 0) + 1);
    const source = root.text;
    const base = root.startIndex;
    for (const c of calls) {
      if (known.has(c.id)) continue;
      let text: string | undefined;
      if (starts.get(c.startIndex) === 1) {
        PLAIN_CALLEE.lastIndex = c.startIndex - base;
        text = PLAIN_CALLEE.exec(source)?.[0];
      }
      known.set(c.id, text ?? c.childForFieldName('function')?.text ?? '');
    }
    return true;
  });
}

/** `call.childForFieldName('function')?.text ?? ''`, remembered per tree (read in bulk by calleeTexts). */
export function calleeOf(call: SyntaxNode): string {
  let known = callees.get(call.tree);
  if (!known) callees.set(call.tree, (known = new Map()));
  let text = known.get(call.id);
  if (text === undefined) known.set(call.id, (text = call.childForFieldName('function')?.text ?? ''));
  return text;
}

/** Names of function definitions, per tree and definition id (defNameOf), with the source they are read from. */
const defNames = new WeakMap<Tree, { source: string; base: number; names: Map<number, string | undefined> }>();

/** `def name(` / `async def name[` at a definition's start, the name plain ASCII (as `calleeOf`'s plain callees). */
const PLAIN_DEF = /(?:async[ \t]+)?def[ \t]+([A-Za-z_]\w*)[ \t]*[([]/y;

/**
 * `fn.childForFieldName('name')?.text` of a function definition, remembered per tree: read from the source at the
 * definition's start when it is spelled plainly (no comment, line break or non-ASCII letter before its parameters),
 * else from the tree. A file of hundreds of functions has each one's name asked by several step analyses.
 */
export function defNameOf(fn: SyntaxNode): string | undefined {
  let known = defNames.get(fn.tree);
  if (!known) {
    const root = fn.tree.rootNode;
    defNames.set(fn.tree, (known = { source: root.text, base: root.startIndex, names: new Map() }));
  }
  if (known.names.has(fn.id)) return known.names.get(fn.id);
  PLAIN_DEF.lastIndex = fn.startIndex - known.base;
  const name = PLAIN_DEF.exec(known.source)?.[1] ?? fn.childForFieldName('name')?.text;
  known.names.set(fn.id, name);
  return name;
}

/** Drops what was found in `tree`: call it when the tree is edited in place (its nodes move). */
export function forgetNodes(tree: Tree): void {
  memo.delete(tree);
  callees.delete(tree);
  defNames.delete(tree);
}
