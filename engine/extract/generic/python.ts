// Python sources as key paths, read from the tree-sitter tree without running anything: module-level constants,
// attribute assignments (yacs `_C.SOLVER.MAX_ITER = 90000`, ml_collections `config.batch_size = 128`, detectron2
// LazyConfig `train.max_iter = …`), dict literals and `dict(...)` calls (mmengine `train_cfg = dict(max_epochs=12)`),
// keyword arguments of calls (`model.train(epochs=100)`), argparse `add_argument(default=…)` and dataclass field
// defaults (origin: the script's default). Only literals are values; anything else is written-but-unreadable.
import type { Node as SyntaxNode, Tree } from 'web-tree-sitter';
import { literal, moduleConstants, pythonLiteral } from '../../parse/python-syntax';
import type { FactValue, Span } from '../../types';
import { MAX_ENTRIES, shortText, type Entry, type EntrySet } from './entries';
import { subConfigNames } from './sub-configs';
import { environmentDefault, falsyFlags } from './python-defaults';
import { importedOptimizerClasses, optimizerClassValue } from './imported-classes';
import { otherSubcommandOptions } from '../argparse-subcommands';
import { heldOutLoaderIds } from '../loader-pick';

const MAX_NODES = 60_000;
/** Conditions of a debug or smoke-test branch (its assignments shrink the run for a quick check). */
const DEBUG_BRANCH = /^[\w.]*\b(debug|debugging|smoke_test|quick_test|dry_run|fast_dev_run)\s*$/i;
/** absl flag definitions, https://abseil.io/docs/python/guides/flags (2024); `tf.compat.v1.flags` re-exports them. */
const ABSL_DEFINES = new Set([
  'DEFINE_integer',
  'DEFINE_float',
  'DEFINE_string',
  'DEFINE_bool',
  'DEFINE_boolean',
  'DEFINE_enum',
]);
const SKIP = new Set([
  'string',
  'concatenated_string',
  'comment',
  'identifier',
  'attribute',
  'integer',
  'float',
  'true',
  'false',
  'none',
  'comparison_operator',
  'boolean_operator',
  'binary_operator',
  'unary_operator',
  'not_operator',
  'subscript',
  'lambda',
  'list_comprehension',
  'dictionary_comprehension',
  'set_comprehension',
  'generator_expression',
  'conditional_expression',
  'raise_statement',
  'assert_statement',
  'print_statement',
  'delete_statement',
  'augmented_assignment',
]);

/** `a.b.c` / `a["b"]` → ['a', 'b', 'c']; undefined for anything else. */
function targetPath(n: SyntaxNode | null): string[] | undefined {
  if (!n) return undefined;
  if (n.type === 'identifier') return [n.text];
  if (n.type === 'attribute') {
    const o = targetPath(n.childForFieldName('object'));
    const a = n.childForFieldName('attribute');
    return o && a ? [...o, a.text] : undefined;
  }
  if (n.type === 'subscript') {
    const o = targetPath(n.childForFieldName('value'));
    const k = literal(n.childForFieldName('subscript'));
    return o && typeof k === 'string' ? [...o, k] : undefined;
  }
  return undefined;
}

/** The called name: `model.train` → 'train', `L(SGD)` → 'SGD' (detectron2 LazyCall), `dict` → 'dict'. */
function calleeName(call: SyntaxNode): string | undefined {
  const fn = call.childForFieldName('function');
  if (!fn) return undefined;
  if (fn.type === 'identifier') return fn.text;
  if (fn.type === 'attribute') return fn.childForFieldName('attribute')?.text;
  if (fn.type === 'call') {
    const inner = fn.childForFieldName('arguments')?.namedChildren[0];
    return inner ? (targetPath(inner)?.pop() ?? undefined) : undefined;
  }
  return undefined;
}

/** OLMo-core `Duration.tokens(2e12)` / `.epochs(3)` / `.steps(1000)` → the Composer spelling the vocabulary reads. */
const DURATION_UNITS: Record<string, string> = { tokens: 'tok', epochs: 'ep', steps: 'ba', samples: 'sp' };

/**
 * Whole numbers written as arithmetic of literals and module constants (`GLOBAL_BATCH = 512 * SEQ_LEN`,
 * `rank_microbatch_size=8 * 4096`): +, -, *, // and ** only, nothing else evaluated.
 */
function arithmetic(n: SyntaxNode, consts: Map<string, FactValue>, depth = 0): number | undefined {
  if (depth > 8) return undefined;
  const v = literal(n);
  if (typeof v === 'number') return v;
  if (n.type === 'identifier') {
    const c = consts.get(n.text);
    return typeof c === 'number' ? c : undefined;
  }
  if (n.type === 'parenthesized_expression' && n.namedChildren[0])
    return arithmetic(n.namedChildren[0], consts, depth + 1);
  if (n.type !== 'binary_operator') return undefined;
  const l = n.childForFieldName('left');
  const r = n.childForFieldName('right');
  const op = n.childForFieldName('operator')?.text;
  const a = l ? arithmetic(l, consts, depth + 1) : undefined;
  const b = r ? arithmetic(r, consts, depth + 1) : undefined;
  if (a === undefined || b === undefined) return undefined;
  const out =
    op === '*'
      ? a * b
      : op === '+'
        ? a + b
        : op === '-'
          ? a - b
          : op === '//' && b !== 0
            ? Math.floor(a / b)
            : op === '**' && b >= 0 && b < 64
              ? a ** b
              : undefined;
  return out !== undefined && Number.isFinite(out) ? out : undefined;
}

/** Module constants, literal or arithmetic of earlier ones, in the order written. */
function constantsOf(root: SyntaxNode): Map<string, FactValue> {
  const out = new Map<string, FactValue>();
  for (const [k, v] of moduleConstants(root)) out.set(k, v.value);
  for (const stmt of root.namedChildren) {
    const a = stmt?.type === 'expression_statement' ? stmt.namedChildren[0] : undefined;
    const left = a?.type === 'assignment' ? a.childForFieldName('left') : undefined;
    const right = a?.childForFieldName('right');
    if (left?.type !== 'identifier' || !right || out.has(left.text)) continue;
    const n = arithmetic(right, out);
    if (n !== undefined) out.set(left.text, n);
  }
  return out;
}

/**
 * A value that is not a literal but still names one: an enum member or dtype (`DType.bfloat16`,
 * `Precision.AMP_BF16`, `torch.bfloat16`) as its dotted text, and an OLMo-core `Duration.tokens(N)` as `Ntok`.
 */
function namedValue(n: SyntaxNode, consts: Map<string, FactValue>): FactValue | undefined {
  if (n.type === 'attribute') {
    const obj = n.childForFieldName('object');
    // Not a holder of parsed flags or settings written in capitals (`FLAGS.optimizer`, `CFG.SOLVER`): no value of its own.
    if (obj?.type === 'identifier' && /^[A-Z][A-Z0-9_]*$/.test(obj.text)) return undefined;
    if (obj?.type === 'identifier' && (/^[A-Z]/.test(obj.text) || /^(torch|jnp|np|tf)$/.test(obj.text))) return n.text;
    return undefined;
  }
  if (n.type === 'call') {
    const fn = n.childForFieldName('function');
    const unit = fn?.type === 'attribute' ? DURATION_UNITS[fn.childForFieldName('attribute')?.text ?? ''] : undefined;
    const args = n.childForFieldName('arguments')?.namedChildren.filter((c) => c && c.type !== 'comment') ?? [];
    if (unit && fn?.childForFieldName('object')?.text === 'Duration' && args.length === 1 && args[0]) {
      const v = arithmetic(args[0], consts);
      return v !== undefined && v > 0 ? `${v}${unit}` : undefined;
    }
  }
  return undefined;
}

/** Names the file counts up or down with a statement of their own (`epoch += 1`, `step -= 1`). */
function countedNames(text: string): Set<string> {
  return new Set([...text.matchAll(/^[ \t]*([A-Za-z_]\w*)[ \t]*[-+]=[ \t]*\d/gm)].map((m) => m[1]));
}

/** `TransformerConfig.llama2_1B(...)`: a config class's factory method, whose name is the model it builds. */
function factoryName(n: SyntaxNode): string | undefined {
  if (n.type !== 'call') return undefined;
  const fn = n.childForFieldName('function');
  const obj = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
  const attr = fn?.childForFieldName('attribute')?.text;
  return obj?.type === 'identifier' && /^[A-Z]\w*Config$/.test(obj.text) && attr && !/^(from_|load|build)/.test(attr)
    ? attr
    : undefined;
}

export function pythonEntries(file: string, text: string, tree: Tree): EntrySet {
  const root = tree.rootNode;
  const consts = constantsOf(root);
  const entries: Entry[] = [];
  const imports: string[] = [];
  const bases: EntrySet['bases'] = [];
  const counters = countedNames(text);
  let visited = 0;
  // A sub-config bound to a name (`config.training = training = ConfigDict()`, `training = config.training`):
  // `training.n_iters` is `config.training.n_iters`, as a file that starts from this one writes it.
  const subs = subConfigNames(text);
  const rooted = (p: string[] | undefined) => {
    const full = p && p.length > 1 ? subs.get(p[0]) : undefined;
    return full && p ? [...full, ...p.slice(1)] : p;
  };
  /** Calls whose keyword arguments are already entries under an assignment's path. */
  const handled = new Set<number>();
  // An evaluation loader's keywords (`valid_loader = DataLoader(…, num_workers=0)`) are not the training run's.
  const heldOut = heldOutLoaderIds(root);
  for (const id of heldOut) handled.add(id);
  // Offsets are taken now: a tree's nodes must not be read after the tree is freed.
  const writer = (node: SyntaxNode) => {
    const start = node.startIndex;
    const end = node.endIndex;
    return (v: FactValue) => [{ file, start, end, newText: pythonLiteral(v) }];
  };
  const flags = falsyFlags(root);
  const optimizerClasses = importedOptimizerClasses(text);
  const valueOf = (n: SyntaxNode): FactValue | undefined => {
    const v = literal(n);
    if (v !== undefined) return v;
    // `8 if runlocal else 4096` in a builder whose `runlocal` defaults to a false value: the run takes the other branch.
    if (n.type === 'conditional_expression') {
      const [yes, cond, no] = n.namedChildren;
      const neg = cond?.type === 'not_operator';
      const name = neg ? cond?.namedChildren[0] : cond;
      if (yes && no && name?.type === 'identifier' && flags.has(name.text)) return valueOf(neg ? yes : no);
      return undefined;
    }
    if (n.type === 'identifier') return consts.get(n.text) ?? optimizerClassValue(n, optimizerClasses);
    return (
      arithmetic(n, consts) ??
      namedValue(n, consts) ??
      optimizerClassValue(n, optimizerClasses) ??
      environmentDefault(n)
    );
  };
  const push = (path: string[], valueNode: SyntaxNode, span: Span, kind: Entry['kind'], callee?: string) => {
    if (entries.length >= MAX_ENTRIES) return;
    // Containers: their members are entries of their own.
    if (valueNode.type === 'dictionary') {
      for (const pair of valueNode.namedChildren) {
        if (pair?.type !== 'pair') continue;
        const k = literal(pair.childForFieldName('key'));
        const v = pair.childForFieldName('value');
        if (typeof k === 'string' && v) push([...path, k], v, { start: pair.startIndex, end: pair.endIndex }, kind);
      }
      return;
    }
    if (valueNode.type === 'call') {
      handled.add(valueNode.id);
      if (heldOut.has(valueNode.id)) return;
      const name = calleeName(valueNode);
      const factory = factoryName(valueNode);
      if (factory && entries.length < MAX_ENTRIES)
        entries.push({ path: [...path, '@factory'], value: factory, span, text: shortText(valueNode.text), kind });
      const args = valueNode.childForFieldName('arguments');
      let any = false;
      for (const kw of args?.namedChildren ?? []) {
        if (kw?.type !== 'keyword_argument') continue;
        const k = kw.childForFieldName('name');
        const v = kw.childForFieldName('value');
        if (k && v) {
          any = true;
          push(
            [...path, k.text],
            v,
            { start: kw.startIndex, end: kw.endIndex },
            kind,
            name === 'dict' ? undefined : name,
          );
        }
      }
      // `x = dict(type='SGD')` has members; `x = SomeModel()` is recorded as written-but-unreadable.
      if (any) return;
    }
    const value = valueOf(valueNode);
    const isList = valueNode.type === 'list' || valueNode.type === 'tuple';
    entries.push({
      path,
      value: isList ? undefined : value,
      items: isList ? valueNode.namedChildren.filter((c) => c && c.type !== 'comment').length : undefined,
      span,
      text: shortText(text.slice(span.start, span.end)),
      kind,
      callee,
      set: value !== undefined && literal(valueNode) !== undefined ? writer(valueNode) : undefined,
    });
  };

  // Options only an `eval`/`predict` sub-command declares beside a `train` one are not the training run's.
  const notTraining = otherSubcommandOptions(root);
  const argparse = (call: SyntaxNode) => {
    const args = call.childForFieldName('arguments');
    if (!args || notTraining.has(call.startIndex)) return;
    let dest: string | undefined;
    let def: SyntaxNode | undefined;
    let action: FactValue | undefined;
    let required = false;
    for (const a of args.namedChildren) {
      if (!a) continue;
      if (a.type === 'string') {
        const s = literal(a);
        if (typeof s === 'string' && s.startsWith('--') && !dest) dest = s.slice(2).replace(/-/g, '_');
      } else if (a.type === 'keyword_argument') {
        const k = a.childForFieldName('name')?.text;
        const v = a.childForFieldName('value');
        if (k === 'dest' && v) dest = String(literal(v) ?? dest);
        if (k === 'default' && v) def = v;
        if (k === 'action' && v) action = literal(v);
        if (k === 'required' && v && literal(v) === true) required = true;
        // click: `is_flag=True` is a switch that is off unless given.
        if (k === 'is_flag' && v && literal(v) === true) action = 'store_true';
      }
    }
    if (!dest) return;
    const span = { start: call.startIndex, end: call.endIndex };
    // `required=True`: every run gives the option, so its default never applies; the value is the caller's.
    if (required)
      entries.push({
        path: [dest],
        value: undefined,
        span,
        text: shortText(text.slice(span.start, span.end)),
        kind: 'default',
      });
    else if (def) push([dest], def, span, 'default');
    else if (action === 'store_true' || action === 'store_false')
      entries.push({
        path: [dest],
        value: action === 'store_false',
        span,
        text: shortText(text.slice(span.start, span.end)),
        kind: 'default',
      });
  };

  // absl / tf.flags definitions (`flags.DEFINE_integer("train_batch_size", 32, "…")`, `default=` as a keyword): the
  // flag's default under its name, as a launcher's `--train_batch_size=…` overrides it.
  const abslFlag = (call: SyntaxNode) => {
    const args = call.childForFieldName('arguments')?.namedChildren.filter((c) => c && c.type !== 'comment') ?? [];
    const kw = (k: string) =>
      args
        .find((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === k)
        ?.childForFieldName('value');
    const positional = args.filter((a) => a && a.type !== 'keyword_argument');
    const name = literal(positional[0] ?? kw('name') ?? null);
    const def = positional[1] ?? kw('default');
    if (typeof name === 'string' && def) push([name], def, { start: call.startIndex, end: call.endIndex }, 'default');
  };

  const visit = (n: SyntaxNode, scope: 'module' | 'class' | 'function', depth: number) => {
    if (++visited > MAX_NODES || depth > 40 || entries.length >= MAX_ENTRIES) return;
    switch (n.type) {
      case 'import_statement':
        for (const c of n.namedChildren) if (c) imports.push((c.childForFieldName('name') ?? c).text);
        return;
      case 'import_from_statement': {
        const m = n.childForFieldName('module_name');
        if (m) imports.push(m.text);
        return;
      }
      case 'class_definition': {
        const body = n.childForFieldName('body');
        for (const c of body?.namedChildren ?? []) if (c) visit(c, 'class', depth + 1);
        return;
      }
      case 'function_definition': {
        const body = n.childForFieldName('body');
        for (const c of body?.namedChildren ?? []) if (c) visit(c, 'function', depth + 1);
        return;
      }
      case 'assignment': {
        const left = n.childForFieldName('left');
        const right = n.childForFieldName('right');
        const written = rooted(targetPath(left));
        // mmengine: `_base_.train_dataloader.num_workers = 24` edits a field the file inherits from its bases.
        const path = written && written.length > 1 && written[0] === '_base_' ? written.slice(1) : written;
        const span = { start: n.startIndex, end: n.endIndex };
        if (path && right) {
          if (scope === 'class' && path.length === 1) {
            // Dataclass fields: `batch_size: int = 8`, `= field(default=8)`.
            const def =
              right.type === 'call' && calleeName(right) === 'field'
                ? right
                    .childForFieldName('arguments')
                    ?.namedChildren.find(
                      (k) => k?.type === 'keyword_argument' && k.childForFieldName('name')?.text === 'default',
                    )
                    ?.childForFieldName('value')
                : right;
            if (def) push(path, def, span, 'default');
          } else if (path.length === 1 && counters.has(path[0])) {
            // A module-level counter (`epoch = 1` … `epoch += 1` in a `while` loop): where it starts, not a setting.
          } else if (scope === 'module' || path.length > 1 || factoryName(right)) {
            if (path.length === 1 && path[0] === '_base_') {
              for (const s of right.type === 'string' ? [right] : right.namedChildren) {
                const v = s ? literal(s) : undefined;
                if (s && typeof v === 'string') bases.push({ path: v, span: { start: s.startIndex, end: s.endIndex } });
              }
            }
            push(path, right, span, 'value');
          }
        }
        if (right?.type === 'call') visit(right, scope, depth + 1);
        return;
      }
      case 'call': {
        const name = calleeName(n);
        // argparse `add_argument`, and click's `@click.option('--batch', default=512)` declared the same way.
        if (
          name === 'add_argument' ||
          (name === 'option' && /^(click\.)?option$/.test(n.childForFieldName('function')?.text ?? ''))
        )
          return argparse(n);
        if (name && ABSL_DEFINES.has(name)) return abslFlag(n);
        const args = n.childForFieldName('arguments');
        if (!handled.has(n.id) && name && name !== 'dict')
          for (const kw of args?.namedChildren ?? []) {
            if (kw?.type !== 'keyword_argument') continue;
            const k = kw.childForFieldName('name');
            const v = kw.childForFieldName('value');
            if (k && v && (valueOf(v) !== undefined || v.type === 'identifier' || v.type === 'list'))
              push([name, k.text], v, { start: kw.startIndex, end: kw.endIndex }, 'value', name);
          }
        for (const c of args?.namedChildren ?? []) if (c) visit(c, scope, depth + 1);
        const fn = n.childForFieldName('function');
        // `TrainerConfig(...).with_callback(...)`: the call a method is chained on is walked too.
        const inner = fn?.type === 'attribute' ? fn.childForFieldName('object') : fn;
        if (inner) visit(inner, scope, depth + 1);
        return;
      }
      case 'if_statement': {
        // A debug or smoke-test branch (`if self.debug: self.num_train_steps = 20`) is not the run's setting.
        const cond = n.childForFieldName('condition');
        const debug = DEBUG_BRANCH.test(cond?.text ?? '');
        for (const c of n.namedChildren) {
          if (!c || c.id === cond?.id || (debug && c.type === 'block')) continue;
          visit(c, scope, depth + 1);
        }
        return;
      }
      default:
        // Expressions that hold no setting of the run (strings, comparisons, comprehensions, lambdas…) are not walked.
        if (SKIP.has(n.type)) return;
        for (const c of n.namedChildren) if (c) visit(c, scope, depth + 1);
    }
  };
  for (const c of root.namedChildren) if (c) visit(c, 'module', 0);
  bases.push(...configFunctionBases(root, text));
  return { file, syntax: 'python', entries, bases, imports };
}

/**
 * ml_collections-style configs that start from another module's config (`from configs.default_cifar10 import
 * get_default_configs` … `config = get_default_configs()`): that module is a base, read first. Only functions named
 * like config builders (`get_config`, `get_default_configs`) are followed; the module path is resolved by the linker.
 */
function configFunctionBases(root: SyntaxNode, text: string): EntrySet['bases'] {
  const out: EntrySet['bases'] = [];
  for (const stmt of root.namedChildren) {
    if (stmt?.type !== 'import_from_statement') continue;
    const mod = stmt.childForFieldName('module_name')?.text;
    if (!mod || mod === '__future__') continue;
    const names = stmt
      .childrenForFieldName('name')
      .map((n) => (n?.type === 'aliased_import' ? n.childForFieldName('alias')?.text : n?.text));
    if (!names.some((n) => n && /^get_\w*config\w*$/i.test(n) && new RegExp(`\\b${n}\\s*\\(`).test(text))) continue;
    const dots = /^\.*/.exec(mod)?.[0].length ?? 0;
    const rel = mod.slice(dots).replace(/\./g, '/');
    const prefix = dots === 0 ? '' : dots === 1 ? './' : '../'.repeat(dots - 1);
    out.push({ path: `${prefix}${rel}.py`, span: { start: stmt.startIndex, end: stmt.endIndex } });
  }
  return out;
}
