// Whether a statement of a script belongs to the training run the script describes: code in an evaluation-only
// path (a function that evaluates, a branch for a test-only mode), in a function the script never uses, or in a
// branch that a command-line flag selects. Read from the syntax alone; nothing is evaluated.
import type { SyntaxNode } from '../parse/python';
import { evaluatesOnly } from './python-loop-eval';
import type { ValueResolver } from './python-values';
import { nodesOfType } from '../parse/nodes-of-type';

/** True when the text at `index` is code, not a comment or a string. */
export const inCode = (root: SyntaxNode, index: number) => {
  const n = root.descendantForIndex(index, index + 1);
  for (let p: SyntaxNode | null = n; p; p = p.parent) if (p.type === 'comment' || p.type === 'string') return false;
  return true;
};

/**
 * The objects command-line flags and configs are read from (`args.x`, `opt.x`, `config["x"]`), also as kept by a
 * class (`self.args.x`, `self.opt.x`).
 */
const FLAG_OBJECT = /^(self\.)?(args|opt|opts|cfg|config|hparams|hparam|params|flags|FLAGS)$/;
/** A flag that selects an evaluation-only mode: `args.testOnly`, `args.evaluate`, `opt.eval_only`, `args.do_predict`. */
const EVAL_MODE = /^(do_|run_)?(test|testing|eval|evaluate|evaluation|validate|predict|inference|infer)(_?only)?$/i;

const strip = (n: SyntaxNode | null | undefined): SyntaxNode | undefined => {
  let x = n ?? undefined;
  while (x?.type === 'parenthesized_expression' && x.namedChildren.length === 1) x = x.namedChildren[0] ?? undefined;
  return x;
};

/** A flag compared with a literal (`args.num_gpu > 1`): the comparison and the literal's value. */
interface FlagTest {
  op: string;
  value: number | string;
}
interface FlagRead {
  node: SyntaxNode;
  name: string;
  negated: boolean;
  test?: FlagTest;
}

/**
 * The flag a condition reads (`args.x`, `config["x"]`, `not args.x`, `args.x > 1`, the first conjunct of `a and b`),
 * also through a name bound once to such a condition (`self.is_parallel = args.num_gpu > 1` … `if self.is_parallel:`).
 */
function flagOf(cond: SyntaxNode | null | undefined, depth = 0): FlagRead | undefined {
  const c = strip(cond);
  if (!c) return undefined;
  if (c.type === 'comparison_operator' && c.namedChildren.length === 2) {
    const [l, r] = c.namedChildren;
    const op = c.text.slice((l?.endIndex ?? 0) - c.startIndex, (r?.startIndex ?? 0) - c.startIndex).trim();
    const flag = /^[<>]=?$|^[!=]=$/.test(op) && r ? flagOf(l, depth) : undefined;
    const value =
      r?.type === 'integer' || r?.type === 'float'
        ? Number(r.text)
        : r?.type === 'string'
          ? r.text.replace(/^[rbuf]*["']+|["']+$/gi, '')
          : undefined;
    return flag && !flag.test && value !== undefined && !Number.isNaN(value)
      ? { ...flag, test: { op, value } }
      : undefined;
  }
  if ((c.type === 'identifier' || (c.type === 'attribute' && /^self\.\w+$/.test(c.text))) && depth === 0) {
    const bound = onlyBinding(c);
    return bound ? flagOf(bound, depth + 1) : undefined;
  }
  if (c.type === 'not_operator') {
    const inner = flagOf(c.childForFieldName('argument'));
    return inner ? { ...inner, negated: !inner.negated } : undefined;
  }
  if (c.type === 'boolean_operator' && c.childForFieldName('operator')?.text === 'and')
    return flagOf(c.childForFieldName('left')) ?? flagOf(c.childForFieldName('right'));
  if (c.type === 'attribute' && FLAG_OBJECT.test(c.childForFieldName('object')?.text ?? '')) {
    const name = c.childForFieldName('attribute')?.text;
    return name ? { node: c, name, negated: false } : undefined;
  }
  if (c.type === 'subscript' && FLAG_OBJECT.test(c.childForFieldName('value')?.text ?? '')) {
    const key = c.childForFieldName('subscript')?.text.replace(/^["']|["']$/g, '');
    return key && /^\w+$/.test(key) ? { node: c, name: key, negated: false } : undefined;
  }
  return undefined;
}

/** The value `name` (`is_parallel`, `self.is_parallel`) is bound to, when the file binds it exactly once. */
function onlyBinding(name: SyntaxNode): SyntaxNode | undefined {
  const found = nodesOfType(name.tree.rootNode, ['assignment', 'augmented_assignment']).filter(
    (a) => a?.childForFieldName('left')?.text === name.text,
  );
  return found.length === 1 && found[0]?.type === 'assignment'
    ? (found[0].childForFieldName('right') ?? undefined)
    : undefined;
}

/** What a flag's declared default makes of a test on it: `on` when the default passes the test, else `off`. */
function passes(test: FlagTest | undefined, v: unknown): boolean | undefined {
  if (!test) return !(v === null || v === undefined || v === false || v === 0 || v === '');
  if (typeof v !== typeof test.value) return undefined;
  const [a, b] = [v as number | string, test.value];
  return { '>': a > b, '>=': a >= b, '<': a < b, '<=': a <= b, '==': a === b, '!=': a !== b }[test.op];
}

/** Which branch of an `if` holds `node`: its own body, its `else`, or neither (an `elif`, or outside). */
function side(ifStmt: SyntaxNode, node: SyntaxNode): 'then' | 'else' | undefined {
  const within = (b: SyntaxNode | null | undefined) =>
    !!b && b.startIndex <= node.startIndex && node.endIndex <= b.endIndex;
  if (within(ifStmt.childForFieldName('consequence'))) return 'then';
  const alt = ifStmt.namedChildren.filter((c) => c?.type === 'else_clause' || c?.type === 'elif_clause');
  if (alt.length === 1 && alt[0]?.type === 'else_clause' && within(alt[0])) return 'else';
  return undefined;
}

/**
 * Why `node` is not part of training, if it is not: it sits in a function that only evaluates (named for
 * evaluation, or looping under `no_grad`/`.eval()`, with no backward pass), or in the body of an `if` on a test-only
 * flag (`if args.testOnly:`) with no backward pass.
 */
export function evaluationOnly(node: SyntaxNode): string | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'function_definition' && evaluatesOnly(p, true))
      return `in ${p.childForFieldName('name')?.text}(), which evaluates`;
    if (p.type !== 'if_statement' || side(p, node) !== 'then') continue;
    const flag = flagOf(p.childForFieldName('condition'));
    const body = p.childForFieldName('consequence');
    const trains = body
      ?.descendantsOfType('call')
      .some((c) => /(^|\.)(backward|manual_backward|fit|train)$/.test(c?.childForFieldName('function')?.text ?? ''));
    if (flag && !flag.negated && EVAL_MODE.test(flag.name) && !trains) return `only when ${flag.name} is set`;
  }
  return undefined;
}

/**
 * The command-line flag whose value selects the branch `node` is in: `{ flag, given }` — the code runs only when
 * the flag is given (`if args.x:`) or only when it is not (`else:` of it, `if not args.x:`). The innermost such
 * branch; undefined when none. (`if args.x and is_train: … else: …`: the `else` is read as the flag's absence, the
 * other conjunct aside.)
 */
export function flagBranch(node: SyntaxNode): FlagBranch | undefined {
  for (let p = node.parent; p && p.type !== 'function_definition'; p = p.parent) {
    if (p.type !== 'if_statement') continue;
    const s = side(p, node);
    const flag = s ? flagOf(p.childForFieldName('condition')) : undefined;
    if (flag) return { flag: flag.name, given: (s === 'then') !== flag.negated, test: flag.test };
  }
  return undefined;
}

/** The branch of a flag: taken when the flag is given (or passes its test: `args.num_gpu > 1`), or when it is not. */
export interface FlagBranch {
  flag: string;
  given: boolean;
  test?: FlagTest;
}

/** Whether the branch is taken in the default run: by the flag's declared default; undefined when that is not known. */
export function takenByDefault(branch: FlagBranch, values: ValueResolver): boolean | undefined {
  const d = values.declaredDefault(branch.flag);
  const on = d ? passes(branch.test, d.value) : undefined;
  return on === undefined ? undefined : on === branch.given;
}

/** A flag branch whose flag is off by default in the script (argparse default False/None/0 and not given). */
export function offByDefault(branch: FlagBranch | undefined, values: ValueResolver): boolean {
  return !!branch && takenByDefault(branch, values) === false;
}

/**
 * True when `node` sits in a module-level function that the script never refers to (defined, never called or passed
 * on), in a file that runs something itself (`if __name__ == "__main__":` or statements at module level beyond
 * imports, definitions and assignments): code the script's run does not execute. A module of definitions only is
 * left alone — other files may call it.
 */
/**
 * Module-level calls that prepare the process rather than run anything (`sys.path.append(…)` before the imports of a
 * module of definitions, warnings and logging set-up, seeds, a plotting backend).
 */
const SETUP_CALL =
  /^(sys\.path\.(append|insert|extend)|warnings\.\w+|logging\.\w+|os\.environ\.(setdefault|update)|(torch|np|numpy|random|tf\.random)\.(manual_)?seed|(torch\.)?manual_seed|matplotlib\.use|mpl\.use)$/;

/**
 * Calls chosen at run time by name: `globals()[args.mode]()`, `getattr(module, name)()`, `eval(…)`, TensorFlow's and
 * absl's `app.run()` (which calls the `main` of `__main__`: https://www.tensorflow.org/api_docs/python/tf/compat/v1/app/run),
 * `fire.Fire()` with no argument (every function of the module is a command).
 */
const DYNAMIC_CALL = /\b(globals|locals)\s*\(\s*\)\s*\[|\bgetattr\s*\(|\beval\s*\(|\bapp\.run\s*\(|\bFire\s*\(\s*\)/;

/**
 * A node in a module-level function that running the script never calls: the script has a `__main__` block, no call
 * chosen at run time by name, and names the function nowhere in its code (`# train_main()` commented out).
 */
export function uncalledByMain(node: SyntaxNode, root: SyntaxNode): boolean {
  const text = root.text;
  if (!/__name__\s*==\s*['"]__main__['"]/.test(text) || DYNAMIC_CALL.test(text)) return false;
  return unusedFunction(node, root);
}

export function unusedFunction(node: SyntaxNode, root: SyntaxNode): boolean {
  let fn: SyntaxNode | undefined;
  for (let p = node.parent; p; p = p.parent) if (p.type === 'function_definition') fn = p;
  const top = fn?.parent?.type === 'decorated_definition' ? fn.parent : fn;
  if (!fn || top?.parent?.type !== 'module') return false;
  const name = fn.childForFieldName('name')?.text;
  if (!name) return false;
  const runs = root.namedChildren.some(
    (s) =>
      !!s &&
      (s.type === 'if_statement' ||
        s.type === 'for_statement' ||
        s.type === 'with_statement' ||
        (s.type === 'expression_statement' &&
          s.namedChildren[0]?.type === 'call' &&
          !SETUP_CALL.test(s.namedChildren[0].childForFieldName('function')?.text ?? ''))),
  );
  if (!runs) return false;
  // Each place the name is written outside the function, and an identifier there (not a word in a string or a
  // comment): found from the text, not by walking every identifier of the file.
  // (The module node starts after any leading blank lines: its text's offsets are shifted by its start.)
  for (const m of root.text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))) {
    const at = root.startIndex + m.index;
    if (at >= fn.startIndex && at < fn.endIndex) continue;
    const id = root.descendantForIndex(at, at + name.length - 1);
    if (id?.type === 'identifier' && id.text === name) return false;
  }
  return true;
}

/** The switch (`if amp:`, `if args.fp16:`, `if cfg["amp"]:`) of the innermost `if` whose body holds `node`. */
export function switchAbove(node: SyntaxNode): SyntaxNode | undefined {
  for (let p = node.parent; p && p.type !== 'function_definition'; p = p.parent) {
    if (p.type !== 'if_statement') continue;
    const body = p.childForFieldName('consequence');
    if (!body || node.startIndex < body.startIndex || node.endIndex > body.endIndex) return undefined;
    const c = p.childForFieldName('condition');
    return c && ['identifier', 'attribute', 'subscript'].includes(c.type) ? c : undefined;
  }
  return undefined;
}

export const isOn = (v: unknown) => !(v === false || v === null || v === 0 || v === '');

/**
 * The switch of the innermost `if` whose body or `else:` holds `node`, and the value it must have for `node` to run:
 * `if amp:` body (on), `if not fp16:` body (off), and their `else:` bodies the other way round — bubbliiiing's
 * `if not fp16: … loss.backward() … else: with autocast(): …` runs the autocast only when `fp16` is on.
 */
export function branchSwitch(
  node: SyntaxNode,
): { cond: SyntaxNode; runsWhen: boolean; noneTest?: boolean } | undefined {
  for (let p = node.parent; p && p.type !== 'function_definition'; p = p.parent) {
    if (p.type !== 'if_statement') continue;
    const body = p.childForFieldName('consequence');
    const inBody = !!body && node.startIndex >= body.startIndex && node.endIndex <= body.endIndex;
    const alt = p.childForFieldName('alternative');
    const inElse = alt?.type === 'else_clause' && node.startIndex >= alt.startIndex && node.endIndex <= alt.endIndex;
    if (!inBody && !inElse) return undefined;
    let c = p.childForFieldName('condition');
    let runsWhen = inBody;
    if (c?.type === 'not_operator') {
      c = c.childForFieldName('argument');
      runsWhen = !runsWhen;
    }
    // `if scaler is not None:` (a GradScaler made only with `--amp`, else None): on unless the value is None.
    const none = c ? noneComparison(c) : undefined;
    if (none) return { cond: none.operand, runsWhen: none.isNot === runsWhen, noneTest: true };
    return c && ['identifier', 'attribute', 'subscript'].includes(c.type) ? { cond: c, runsWhen } : undefined;
  }
  return undefined;
}

/** `x is None` / `x is not None` on a name, attribute or subscript: the operand and which test it is. */
function noneComparison(c: SyntaxNode): { operand: SyntaxNode; isNot: boolean } | undefined {
  if (c.type !== 'comparison_operator' || c.namedChildren.length !== 2) return undefined;
  const [operand, right] = c.namedChildren;
  const op = c.children.flatMap((x) => (x && !x.isNamed ? [x.text] : [])).join(' ');
  if (right?.type !== 'none' || !operand || !['identifier', 'attribute', 'subscript'].includes(operand.type))
    return undefined;
  return op === 'is' || op === 'is not' ? { operand, isNot: op === 'is not' } : undefined;
}

/**
 * The function holding `node` when its one use is a side of a conditional expression
 * (`opt.step(closure if not config.mixed else closure_mixed)`): the condition, and whether the true side names it.
 */
function conditionalChoice(node: SyntaxNode): { cond: SyntaxNode; whenTrue: boolean } | undefined {
  let fn = node.parent;
  while (fn && fn.type !== 'function_definition') fn = fn.parent;
  const name = fn?.childForFieldName('name')?.text;
  const scope = fn?.parent;
  if (!fn || !name || !scope) return undefined;
  let found: { cond: SyntaxNode; whenTrue: boolean } | undefined;
  for (const id of scope.descendantsOfType('identifier')) {
    if (!id || id.text !== name || (id.startIndex >= fn.startIndex && id.endIndex <= fn.endIndex)) continue;
    const p = id.parent;
    const [yes, cond, no] = p?.type === 'conditional_expression' ? p.namedChildren : [];
    if (found || !cond || (id.id !== yes?.id && id.id !== no?.id)) return undefined;
    found = { cond, whenTrue: id.id === yes?.id };
  }
  return found;
}

/**
 * Whether the default run reaches `node` through a switch: 'off' when the `if` above it (`if amp:`) or the
 * conditional expression that picks its function is decided against it; the words for the switch when what decides
 * it is only known at run time (a config read then); undefined when no switch stands in the way.
 */
export function switchedBy(node: SyntaxNode, values: ValueResolver): 'off' | string | undefined {
  const branch = branchSwitch(node);
  const guard = branch?.cond;
  const g = guard && values.resolve(guard).value;
  const on = (v: unknown) => (branch?.noneTest ? v !== null : isOn(v));
  if (branch && guard && g !== undefined && on(g) !== branch.runsWhen) return 'off';
  // A value not read (`scaler = GradScaler()` handed on): an `is not None` test decides nothing known here.
  if (branch && guard && g === undefined && !branch.noneTest)
    return `under \`if ${branch.runsWhen ? '' : 'not '}${guard.text}:\``;
  const pick = conditionalChoice(node);
  const not = pick?.cond.type === 'not_operator' ? pick.cond.childForFieldName('argument') : undefined;
  const v = pick && values.resolve(not ?? pick.cond).value;
  if (!pick || v === undefined) return pick ? `in a function \`${pick.cond.text}\` picks at run time` : undefined;
  const holds = !!v !== !!not;
  return holds === pick.whenTrue ? undefined : 'off';
}
