// The defaults a script declares for its options, by dest: argparse `add_argument("--name", default=…)` (a switch
// without a default is off, a stored option without one is None) and dataclass field defaults. Options that only an
// `eval`/`predict` sub-command declares, beside a `train` one, are not the training run's (./argparse-subcommands.ts).
// Read by the value resolver (./python-values.ts), which adds absl flag defaults to them.
import type { SyntaxNode } from '../parse/python';
import { literal, type CallSite } from '../parse/python-syntax';
import type { FactValue } from '../types';
import { argparseTyped } from './imported-args';
import { otherSubcommandOptions } from './argparse-subcommands';

export interface Declared {
  value: FactValue;
  node: SyntaxNode;
  via: string;
}

/** `--batch-size` → `batch_size`, `-epoch_end` → `epoch_end`, or the option's `dest=`. */
function destOf(c: CallSite, flag: string): string {
  const dest = literal(c.kwargs.get('dest')?.value);
  return typeof dest === 'string' ? dest : flag.replace(/^--?/, '').replace(/-/g, '_');
}

/**
 * The option string argparse derives the dest from: the first long one (`--epochs`), else the first short one
 * (`-epoch_end`, `-e`) — "If no long option strings were supplied, dest will be derived from the first short option
 * string by stripping the initial - character" (https://docs.python.org/3/library/argparse.html#dest). Older research
 * scripts declare single-dash options (`add_argument('-lr', default=0.1)`, read as `args.lr`).
 */
export function optionFlag(c: CallSite): string | undefined {
  const strings = c.positional.map((p) => literal(p)).filter((v): v is string => typeof v === 'string');
  return strings.find((s) => s.startsWith('--')) ?? strings.find((s) => /^-[A-Za-z_]/.test(s));
}

/** argparse option defaults by dest (of a dest declared twice, the later declaration is kept). */
export function argparseDefaults(
  root: SyntaxNode,
  calls: CallSite[],
  constants: Map<string, { value: FactValue; node: SyntaxNode }>,
): Map<string, Declared> {
  const declared = new Map<string, Declared>();
  const notTraining = otherSubcommandOptions(root);
  for (const c of calls) {
    if (c.name !== 'add_argument' || notTraining.has(c.node.startIndex)) continue;
    const flag = optionFlag(c);
    const def = c.kwargs.get('default');
    const action = literal(c.kwargs.get('action')?.value);
    if (typeof flag !== 'string') continue;
    // `required=True`: the default never applies (every run gives the option).
    if (literal(c.kwargs.get('required')?.value) === true) continue;
    const name = destOf(c, flag);
    if (!def) {
      // `action="store_true"` without a default is False until the flag is given (store_false: True).
      if (action === 'store_true' || action === 'store_false') {
        declared.set(name, {
          value: action === 'store_false',
          node: c.kwargs.get('action')?.value ?? c.node,
          via: `argparse ${flag} (${action}, off unless given)`,
        });
      } else if (action === undefined) {
        // A stored option without `default=` is None until the flag is given (`if args.checkpointing_steps:`).
        const at = c.positional.find((p) => literal(p) === flag) ?? c.node;
        if (!declared.has(name))
          declared.set(name, { value: null, node: at, via: `argparse ${flag} has no default (None)` });
      }
      continue;
    }
    const lit = literal(def.value);
    const v = argparseTyped(
      lit !== undefined ? lit : constants.get(def.value.text)?.value,
      c.kwargs.get('type')?.value.text,
    );
    if (v !== undefined) declared.set(name, { value: v, node: def.value, via: `default of argparse ${flag}` });
  }
  return declared;
}

/** Dataclass fields of top-level classes: `name: type = value` or `name: type = field(default=value)`. */
export function dataclassDefaults(root: SyntaxNode, into: Map<string, Declared>): void {
  for (const cls of root.namedChildren.map((n) =>
    n?.type === 'decorated_definition' ? n.childForFieldName('definition') : n,
  )) {
    if (cls?.type !== 'class_definition') continue;
    const body = cls?.childForFieldName('body');
    if (!cls || !body) continue;
    const clsName = cls.childForFieldName('name')?.text ?? '?';
    for (const stmt of body.namedChildren) {
      const a = stmt?.type === 'expression_statement' ? stmt.namedChildren[0] : undefined;
      if (a?.type !== 'assignment') continue;
      const left = a.childForFieldName('left');
      let right = a.childForFieldName('right');
      if (left?.type !== 'identifier' || !right) continue;
      if (right.type === 'call' && right.childForFieldName('function')?.text.endsWith('field')) {
        const def = right
          .childForFieldName('arguments')
          ?.namedChildren.find(
            (k) => k?.type === 'keyword_argument' && k.childForFieldName('name')?.text === 'default',
          );
        right = def?.childForFieldName('value') ?? null;
        if (!right) continue;
      }
      const v = literal(right);
      if (v !== undefined)
        into.set(left.text, { value: v, node: right, via: `default of field ${clsName}.${left.text}` });
    }
  }
}
