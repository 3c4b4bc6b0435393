import type { SyntaxNode } from '../parse/python';
import { spanOf } from '../parse/python-syntax';
import type { Fact } from '../types';
import { moduloGuard } from './python-scan';
import type { ValueResolver } from './python-values';

/**
 * The other evaluations of a training loop, each in its own `if step % N == 0:` block beside the first one
 * (`evaluated`, the block GML701's `eval_steps` fact stands on): build-nanogpt's validation loss and HellaSwag passes
 * under the same interval, an extra benchmark every few thousand steps. Each is its own pass over its own data, so each
 * is a site of `eval_steps` (Fact.also, with its interval). A block counts when it calls an evaluation by name
 * (`hellaswag_eval(…)`, `evaluate(…)`: `evaluates`), not when it only switches the model to `.eval()` to sample a few
 * sequences.
 */
export function otherEvalBlocks(
  calls: SyntaxNode[],
  evaluated: SyntaxNode,
  step: SyntaxNode,
  values: ValueResolver,
  evaluates: (call: SyntaxNode) => boolean,
): NonNullable<Fact['also']> {
  const out: NonNullable<Fact['also']> = [];
  const seen = new Set([evaluated.id]);
  for (const c of calls) {
    const callee = c.childForFieldName('function')?.text ?? '';
    if (/\.eval$/.test(callee) || !evaluates(c)) continue;
    const g = moduloGuard(c, step, values);
    if (!g || seen.has(g.node.id) || g.value === undefined || g.value <= 0) continue;
    seen.add(g.node.id);
    const operand = g.node.childForFieldName('right');
    out.push({ span: spanOf(operand ?? g.node), value: g.value, note: `${callee}(…) under ${g.node.text}` });
  }
  return out;
}
