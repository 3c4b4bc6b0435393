// Module-level names a script reads its settings through. absl flags (`flags.DEFINE_integer("batch_size", 128, "…")`), as JAX and TensorFlow scripts declare their options:
// each flag's default, by name (read as `FLAGS.batch_size`) and by the holder it is assigned to (`_BATCH.value`),
// https://abseil.io/docs/python/guides/flags (2024).
import type { SyntaxNode } from '../parse/python';
import { findCalls, literal } from '../parse/python-syntax';
import type { FactValue } from '../types';

export interface FlagDefault {
  value: FactValue;
  node: SyntaxNode;
  via: string;
}

const DEFINES = ['DEFINE_integer', 'DEFINE_float', 'DEFINE_string', 'DEFINE_bool', 'DEFINE_boolean', 'DEFINE_enum'];

/** Flag defaults by flag name, and by the module-level name a flag holder is assigned to. */
export function abslDefaults(
  root: SyntaxNode,
  text: string,
): { byName: Map<string, FlagDefault>; byHolder: Map<string, FlagDefault> } {
  const byName = new Map<string, FlagDefault>();
  const byHolder = new Map<string, FlagDefault>();
  if (!text.includes('DEFINE_')) return { byName, byHolder };
  for (const c of findCalls(root, text, DEFINES)) {
    const name = literal(c.positional[0] ?? c.kwargs.get('name')?.value);
    const def = c.positional[1] ?? c.kwargs.get('default')?.value;
    const v = def ? literal(def) : undefined;
    if (typeof name !== 'string' || !def || v === undefined) continue;
    const d = { value: v, node: def, via: `default of absl flag --${name}` };
    byName.set(name, d);
    const parent = c.node.parent;
    const holder = parent?.type === 'assignment' ? parent.childForFieldName('left') : undefined;
    if (holder?.type === 'identifier') byHolder.set(holder.text, d);
  }
  return { byName, byHolder };
}

/**
 * The expression each module-level name is bound to when the module (top level or its `if __name__ == "__main__":`
 * block) assigns it exactly once (`BATCH_SIZE = args.batch_size`); null for names bound more than once or by `+=`.
 */
export function moduleAssignments(root: SyntaxNode): Map<string, SyntaxNode | null> {
  const seen = new Map<string, SyntaxNode | null>();
  const visit = (block: SyntaxNode) => {
    for (const stmt of block.namedChildren) {
      // `if True:` (a block kept for folding in an editor) always runs: its assignments are the module's.
      if (stmt?.type === 'if_statement' && /^(True|1)$/.test(stmt.childForFieldName('condition')?.text ?? '')) {
        const body = stmt.childForFieldName('consequence');
        if (body && !stmt.childForFieldName('alternative')) visit(body);
        continue;
      }
      if (stmt?.type === 'if_statement' && block.id === root.id) {
        if (/__name__/.test(stmt.childForFieldName('condition')?.text ?? '')) {
          const body = stmt.childForFieldName('consequence');
          if (body) visit(body);
        }
        continue;
      }
      const a = stmt?.type === 'expression_statement' ? stmt.namedChildren[0] : undefined;
      if (a?.type !== 'assignment' && a?.type !== 'augmented_assignment') continue;
      const left = a.childForFieldName('left');
      const right = a.childForFieldName('right');
      if (left?.type !== 'identifier') continue;
      const ok = a.type === 'assignment' && right && !seen.has(left.text);
      seen.set(left.text, ok ? right : null);
    }
  };
  visit(root);
  return seen;
}
