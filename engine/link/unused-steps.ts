// A step count the shared vocabulary read from an option's name alone (`--max_iterations 30000` in train.py) that
// the training loop in the module the script calls never reads: that loop runs `range(args.max_epochs)` and derives
// its iterations from the epochs (`max_iterations = args.max_epochs * len(trainloader)`), so the option bounds
// nothing. The same judgement ../extract/update-loop makes for a loop in the script itself, for a loop in a module.
import { withoutComments } from '../extract/code-signs';
import type { Fact, FactKey } from '../types';

/** Drops an `inferred` max_steps when the module's loop is bounded by epochs and reads no option of that name. */
export function dropUnusedSteps(facts: Map<FactKey, Fact>, loopFacts: Fact[], moduleText: string): void {
  const steps = facts.get('max_steps');
  if (steps?.origin !== 'inferred') return;
  if (!loopFacts.some((f) => f.key === 'epochs' && typeof f.value === 'number')) return;
  if (loopFacts.some((f) => f.key === 'max_steps')) return;
  const name = (steps.name ?? steps.note?.match(/key `([\w.-]+)`/)?.[1])?.split('.').pop()?.replace(/-/g, '_');
  if (!name || !/^\w+$/.test(name)) return;
  // Read as an attribute (`args.max_iterations`, `cfg.max_iterations`) or by its string key (`cfg["max_iterations"]`).
  if (new RegExp(`\\.\\s*${name}\\b|["']${name}["']`).test(withoutComments(moduleText))) return;
  facts.delete('max_steps');
}
