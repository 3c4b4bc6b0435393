// Values a Python config or script falls back to without being told: an environment variable's default
// (`os.getenv("BATCH_SIZE", 32)`) and the false defaults of a config builder's switches (`def get_config(runlocal='')`).
// Read by ./python.ts.
import type { Node as SyntaxNode } from 'web-tree-sitter';
import { literal } from '../../parse/python-syntax';
import type { FactValue } from '../../types';
import { nodesOfType } from '../../parse/nodes-of-type';

/**
 * `int(os.environ.get("EPOCHS", "10"))`, `os.getenv("BATCH_SIZE", 32)`: the default the script falls back to when the
 * variable is not set (the process environment is not this review's to know), converted as the wrapper converts it.
 */
export function environmentDefault(n: SyntaxNode): FactValue | undefined {
  if (n.type !== 'call') return undefined;
  const fn = n.childForFieldName('function')?.text ?? '';
  const args = (n.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a && a.type !== 'comment');
  if (/^(int|float)$/.test(fn) && args.length === 1 && args[0]) {
    const inner = environmentDefault(args[0]);
    const x = typeof inner === 'string' ? Number(inner.trim()) : inner;
    if (typeof x !== 'number' || !Number.isFinite(x)) return undefined;
    return fn === 'int' ? (Number.isInteger(x) ? x : undefined) : x;
  }
  if (!/^os\.(environ\.get|getenv)$/.test(fn) || args.length !== 2 || !args[1]) return undefined;
  const d = literal(args[1]);
  return d === undefined || d === null ? undefined : d;
}

/**
 * Parameters every function of the file declares with a false default (`def get_config(runlocal='')`) and no
 * assignment of another literal: the value a builder called without arguments sees. Names that several functions
 * give different defaults are left out.
 */
export function falsyFlags(root: SyntaxNode): Set<string> {
  const falsy = new Set<string>();
  const other = new Set<string>();
  for (const p of nodesOfType(root, ['default_parameter', 'typed_default_parameter'])) {
    const name = p?.childForFieldName('name')?.text;
    const v = p?.childForFieldName('value');
    if (!name || !v) continue;
    const lit = literal(v);
    if (v.type === 'none' || lit === false || lit === '' || lit === 0) falsy.add(name);
    else other.add(name);
  }
  for (const a of nodesOfType(root, 'assignment')) {
    const left = a?.childForFieldName('left');
    const right = a?.childForFieldName('right');
    if (left?.type === 'identifier' && right && literal(right) !== undefined && literal(right)) falsy.delete(left.text);
  }
  for (const o of other) falsy.delete(o);
  return falsy;
}
