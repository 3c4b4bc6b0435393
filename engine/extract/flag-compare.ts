// A comparison of a command-line value that is false with the value's declared default (`args.interval != -1` with
// `default=-1`, `args.save_every > 0` with 0, `args.save_dir is not None` with None, `args.mode == "epoch"` with
// "steps"): the branch it guards does not run in the default run (used by ./python-values).
import type { SyntaxNode } from '../parse/python';
import { literal } from '../parse/python-syntax';
import type { FactValue } from '../types';

/** The flag's name when `cond` (a comparison) is false under the flag's declared default, else undefined. */
export function offByComparison(
  cond: SyntaxNode,
  flagObject: RegExp,
  declared: (name: string) => FactValue | undefined,
): string | undefined {
  if (cond.namedChildren.length !== 2) return undefined;
  const [a, b] = cond.namedChildren;
  if (!a || !b || a.type !== 'attribute' || !flagObject.test(a.childForFieldName('object')?.text ?? ''))
    return undefined;
  const name = a.childForFieldName('attribute')?.text ?? '';
  // A rank or device index is set by the launcher, not by a flag the user gives (`args.local_rank == 0`).
  if (/rank|world|gpu|device|node/i.test(name)) return undefined;
  const op = cond.text.slice(a.endIndex - cond.startIndex, b.startIndex - cond.startIndex).trim();
  const x = declared(name);
  const rhs = b.type === 'none' ? null : literal(b);
  if (x === undefined || rhs === undefined) return undefined;
  if (op === '!=' || op === 'is not') return x === rhs ? name : undefined;
  // Equality with a mode (`== "epoch"`, `is True`), not with a count (`args.rounds == 3` is no switch).
  if (op === '==' || op === 'is')
    return typeof rhs !== 'number' && x !== rhs && (typeof x === typeof rhs || x === null || rhs === null)
      ? name
      : undefined;
  if (typeof x === 'number' && typeof rhs === 'number' && ((op === '>' && !(x > rhs)) || (op === '>=' && !(x >= rhs))))
    return name;
  return undefined;
}
