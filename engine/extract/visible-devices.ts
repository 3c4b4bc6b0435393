// The GPUs a script makes visible to itself: `os.environ["CUDA_VISIBLE_DEVICES"] = …` written once, before CUDA starts,
// limits the process to the listed devices (https://docs.nvidia.com/cuda/cuda-c-programming-guide/index.html#cuda-
// environment-variables). Read where the value is fixed by the file: a literal (`"0"`, `"0,1"`), an option's default
// (`args.gpu` with `default="0"`, `str(args.gpu_id)` with `default=0`), or ids joined from a list the file writes
// (`",".join(str(x) for x in train_gpu)` with `train_gpu = [0]`, the template of many detection and segmentation
// repositories). One visible GPU is one device for a single process, `DataParallel` included; several are the count
// only for `DataParallel` without `device_ids`, which takes every visible device
// (https://pytorch.org/docs/stable/generated/torch.nn.DataParallel.html). A launcher that passes the option, an
// assignment made twice or in a branch, or a value read from the environment fixes nothing.
import type { SyntaxNode } from '../parse/python';
import { findCalls, literal, spanOf } from '../parse/python-syntax';
import type { Span } from '../types';
import { ValueResolver } from './python-values';
import { devicesOf } from '../vocabulary/values';

const TARGET = /^(os\.)?environ\[\s*['"]CUDA_VISIBLE_DEVICES['"]\s*\]$/;

export interface Visible {
  /** How many GPUs the process sees. */
  n: number;
  span: Span;
  note: string;
}

/** The GPUs the script makes visible to itself, when its text fixes them. */
export function visibleInScript(
  root: SyntaxNode,
  text: string,
  given: (option: string) => boolean,
): Visible | undefined {
  if (!text.includes('CUDA_VISIBLE_DEVICES')) return undefined;
  const sets = root
    .descendantsOfType('assignment')
    .filter((a): a is SyntaxNode => !!a && TARGET.test(a.childForFieldName('left')?.text.replace(/\s+/g, '') ?? ''));
  const rhs = sets.length === 1 ? sets[0].childForFieldName('right') : undefined;
  if (!rhs || inBranch(sets[0])) return undefined;
  const values = new ValueResolver(root, findCalls(root, text, ['add_argument']));
  const n = idsOf(rhs, values, given);
  return n
    ? { n, span: spanOf(sets[0]), note: `${sets[0].text.replace(/\s+/g, ' ')}: ${n} GPU${n === 1 ? '' : 's'} visible` }
    : undefined;
}

/** Inside an `if`, `try`, loop or a function other than `main`: not every default run makes the assignment. */
function inBranch(n: SyntaxNode): boolean {
  for (let p = n.parent; p; p = p.parent) {
    if (/^(if|elif|else|try|except|for|while|with)_(statement|clause)$/.test(p.type)) {
      // `if __name__ == "__main__":` is the script's own run.
      if (
        p.type === 'if_statement' &&
        /__name__\s*==\s*['"]__main__['"]/.test(p.childForFieldName('condition')?.text ?? '')
      )
        continue;
      return true;
    }
    if (p.type === 'function_definition' && !/^(main|train|run)$/.test(p.childForFieldName('name')?.text ?? ''))
      return true;
  }
  return false;
}

/** The number of ids an expression gives, when fixed by the file. */
function idsOf(
  n: SyntaxNode,
  values: ValueResolver,
  given: (option: string) => boolean,
  depth = 0,
): number | undefined {
  if (depth > 3) return undefined;
  const lit = literal(n);
  if (typeof lit === 'string') return devicesOf(lit, undefined, true);
  if (typeof lit === 'number') return Number.isInteger(lit) && lit >= 0 ? 1 : undefined;
  if (n.type === 'call') {
    const fn = n.childForFieldName('function')?.text ?? '';
    const argNode = n.childForFieldName('arguments');
    // `f(x for x in y)`: the generator is the arguments node itself.
    const args =
      argNode?.type === 'generator_expression'
        ? [argNode]
        : (argNode?.namedChildren.filter((a): a is SyntaxNode => !!a) ?? []);
    if (fn === 'str' && args.length === 1) return idsOf(args[0], values, given, depth + 1);
    // `",".join(str(x) for x in ids)`, `",".join(map(str, ids))`, `",".join([str(i) for i in ids])`.
    if (/^['"],\s*['"]\.join$/.test(fn) && args.length === 1) return listCount(args[0], values);
    return undefined;
  }
  if (n.type === 'attribute' || n.type === 'identifier') {
    const name = n.type === 'attribute' ? n.childForFieldName('attribute')?.text : n.text;
    if (!name || given(name)) return undefined;
    const r = values.resolve(n);
    if (r.value === undefined || r.value === null) return n.type === 'identifier' ? listCount(n, values) : undefined;
    if (typeof r.value === 'string') return devicesOf(r.value, undefined, true);
    if (typeof r.value === 'number') return Number.isInteger(r.value) && r.value >= 0 ? 1 : undefined;
  }
  return undefined;
}

/** The items of the list an iteration reads: `str(x) for x in ids`, `map(str, ids)`, `ids` bound to `[0, 1]`. */
function listCount(n: SyntaxNode, values: ValueResolver): number | undefined {
  let src: SyntaxNode | null | undefined = n;
  if (n.type === 'generator_expression' || n.type === 'list_comprehension')
    src = n.descendantsOfType('for_in_clause')[0]?.childForFieldName('right');
  else if (n.type === 'call' && n.childForFieldName('function')?.text === 'map')
    src = n.childForFieldName('arguments')?.namedChildren[1];
  if (src?.type === 'identifier') {
    const local = values.localAssignments(src);
    src = local.length === 1 ? local[0] : local.length === 0 ? values.moduleBinding(src.text) : undefined;
  }
  if (src?.type !== 'list' && src?.type !== 'tuple') return undefined;
  const items = src.namedChildren.filter((c) => c?.type === 'integer');
  return items.length > 0 && items.length === src.namedChildren.length ? items.length : undefined;
}
