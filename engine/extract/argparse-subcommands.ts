// argparse sub-commands: `subparsers = parser.add_subparsers()`, `train = subparsers.add_parser("train")`,
// `evaluate = subparsers.add_parser("eval")`, each with options of its own, often of the same name (`--model`,
// `--batch_size`). argparse fills the parsed namespace from the main parser and the one sub-command the command line
// selects ("the object returned by parse_args() will only contain attributes for the main parser and the subparser
// that was selected by the command line", https://docs.python.org/3/library/argparse.html#sub-commands). The run this
// review describes is the training one, so an option that only an `eval`/`predict`/`export` sub-command declares is
// not one of its settings: its default must neither stand for the training default of the same name nor give a value
// where the training sub-command declares none.
import type { SyntaxNode } from '../parse/python';
import { literal } from '../parse/python-syntax';
import { nodesOfType, treeMemo } from '../parse/nodes-of-type';
import { enclosingDef, paramOf } from './python-params';

/** Sub-command names that start a training run (`train`, `train_gan`, `finetune`, `fine-tune`, `pretrain`, `fit`, `sft`). */
const TRAINING_COMMAND = /^(pre[-_]?)?train|^(fine[-_]?tune|fit|sft)([-_\d]|$)/i;
/** Calls that return a part of the parser they are called on (its options are the parser's). */
const GROUPS = new Set(['add_argument_group', 'add_mutually_exclusive_group']);
const MAX_DEPTH = 4;

/** `x.add_parser("train", …)`: the sub-command's name (its first argument, a string), else undefined. */
function subcommandName(call: SyntaxNode): string | undefined {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'add_parser') return undefined;
  const first = call.childForFieldName('arguments')?.namedChildren.find((a) => a && a.type !== 'comment');
  const name = first ? literal(first) : undefined;
  return typeof name === 'string' ? name : undefined;
}

/**
 * The sub-commands whose parser `node` is (an `add_parser(…)` call, a name bound to one before `at`, a group of one, a
 * helper's parameter that every call of the helper fills with one), or undefined when it is not known to be one: the
 * main parser, a parser built elsewhere, a name bound in a loop.
 */
function subcommandsOf(root: SyntaxNode, node: SyntaxNode, at: number, depth: number): Set<string> | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (node.type === 'parenthesized_expression' && node.namedChildren[0])
    return subcommandsOf(root, node.namedChildren[0], at, depth + 1);
  if (node.type === 'call') {
    const name = subcommandName(node);
    if (name !== undefined) return new Set([name]);
    const fn = node.childForFieldName('function');
    const obj = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
    if (obj && GROUPS.has(fn?.childForFieldName('attribute')?.text ?? ''))
      return subcommandsOf(root, obj, node.startIndex, depth + 1);
    return undefined;
  }
  if (node.type !== 'identifier') return undefined;
  const scope = enclosingDef(node);
  // The last plain assignment of the name before `at`, in the same function (or at module level).
  const bound = nodesOfType(scope ?? root, 'assignment').filter(
    (a) =>
      a.startIndex < at &&
      a.childForFieldName('left')?.type === 'identifier' &&
      a.childForFieldName('left')?.text === node.text &&
      enclosingDef(a)?.id === scope?.id,
  );
  const last = bound[bound.length - 1];
  if (last) {
    // A name rebound in a loop (`for name in ("train", "eval"): p = subparsers.add_parser(name)`) reads as unknown
    // anyway: its `add_parser` argument is not a string.
    const right = last.childForFieldName('right');
    return right ? subcommandsOf(root, right, last.startIndex, depth + 1) : undefined;
  }
  if (!scope) return undefined;
  // A helper's parameter (`def add_train_args(p): p.add_argument(…)` called with `add_train_args(train_parser)`).
  const param = paramOf(scope, node.text);
  const fname = scope.childForFieldName('name')?.text;
  if (!param || !fname) return undefined;
  const calls = nodesOfType(root, 'call').filter((c) => {
    const f = c.childForFieldName('function');
    const called = f?.type === 'attribute' ? f.childForFieldName('attribute')?.text : f?.text;
    return called === fname && !(scope.startIndex <= c.startIndex && c.endIndex <= scope.endIndex);
  });
  if (calls.length === 0) return undefined;
  const out = new Set<string>();
  for (const c of calls) {
    const args = c.childForFieldName('arguments')?.namedChildren.filter((a) => a && a.type !== 'comment') ?? [];
    const kw = args.find((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === param.name);
    const arg = kw?.childForFieldName('value') ?? args.filter((a) => a?.type !== 'keyword_argument')[param.index];
    const names = arg ? subcommandsOf(root, arg, c.startIndex, depth + 1) : undefined;
    if (!names) return undefined;
    for (const n of names) out.add(n);
  }
  return out;
}

/**
 * The `add_argument` calls (by start offset) that only sub-commands other than a training one declare, in a file
 * that has a training sub-command; empty for any other file.
 */
export function otherSubcommandOptions(root: SyntaxNode): ReadonlySet<number> {
  return treeMemo(root, 'argparse-other-subcommands', () => {
    const out = new Set<number>();
    if (!root.text.includes('add_parser')) return out;
    const calls = nodesOfType(root, 'call');
    if (!calls.some((c) => TRAINING_COMMAND.test(subcommandName(c) ?? ''))) return out;
    for (const c of calls) {
      const fn = c.childForFieldName('function');
      if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'add_argument') continue;
      const owner = fn.childForFieldName('object');
      const names = owner ? subcommandsOf(root, owner, c.startIndex, 0) : undefined;
      if (names && names.size > 0 && ![...names].some((n) => TRAINING_COMMAND.test(n))) out.add(c.startIndex);
    }
    return out;
  });
}
