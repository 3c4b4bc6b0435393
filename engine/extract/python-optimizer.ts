// The optimizer a Python training script builds, whatever its library: `torch.optim.SGD(...)`, `optim.AdamW(...)`,
// Keras `compile(optimizer="adam")` or `keras.optimizers.Adam(...)`, optax `optax.adamw(...)` or a chain of its
// building blocks, bitsandbytes / apex / DeepSpeed classes, timm's `create_optimizer_v2(opt=...)`, a class the file
// defines on `Optimizer`, a class wrapped by a factory (`AdamLR = extend_with_lr_schedule(Adam)`), and
// `getattr(torch.optim, args.optimizer)`, a class a factory returns or a dict of classes holds (./optimizer-dispatch),
// and a stable-baselines3 agent's default (./sb3-optimizer).
// Constructions in a branch the default run does not take (`if args.lars:`
// with a store_true flag, `if args.optim == "sgd":` with another default) are left out; when what is left disagrees,
// no optimizer is reported (precision before recall).
import type { SyntaxNode } from '../parse/python';
import { findCalls, literal, spanOf, type CallSite } from '../parse/python-syntax';
import type { Fact } from '../types';
import { OPTAX_TRANSFORMS, OPTIMIZER_NAMES, optimizerName } from '../vocabulary/optimizers';
import { returnedClasses, tableClasses, tableEntryTaken } from './optimizer-dispatch';
import { sb3Optimizer } from './sb3-optimizer';
import { qualified, readImport } from './python-scan';
import type { ValueResolver } from './python-values';

/** A module path optimizers live in: a segment `optim`/`optimizers`/`optax`, or a library that exports them at top level. */
const OPTIMIZER_MODULE =
  /(^|\.)(optim|optimizers?|optax|torch_optimizer)(\.|$)|^(deepspeed|transformers|bitsandbytes|apex|lion_pytorch|timm)\.|^(tf|tensorflow)\.((compat\.v1\.)?train|contrib\.opt)\.$/;
/** timm's optimizer strings that are not class names: momentum SGD, fused variants. */
const TIMM_ALIASES: Record<string, string> = { momentum: 'sgd', nesterov: 'sgd', sgdp: 'sgd' };

interface Candidate {
  value: string;
  node: SyntaxNode;
  note: string;
  scriptDefault: boolean;
  /** True when a dispatch on a known value selects this branch; false when the default run skips it. */
  branch: boolean | undefined;
  /** The command-line options whose defaults decided the branch (`default of argparse --sdxl`). */
  deciders: string[];
}

/**
 * The `optimizer` fact of a script, or undefined when it builds none the table knows, or several that disagree.
 * `within`: only the constructions inside these definitions count (the class or helper a script uses, of a module
 * that defines others too).
 */
export function optimizerFact(
  file: string,
  text: string,
  root: SyntaxNode,
  values: ValueResolver,
  within?: readonly SyntaxNode[],
): Fact | undefined {
  if (!/optim|optax|Adam|SGD|RMSprop|compile\s*\(|stable_baselines3|sb3_contrib/i.test(text)) return undefined;
  const imports = topLevelImports(root, text);
  const localClasses = optimizerClasses(text);
  const wrapped = wrappedOptimizers(root, text, imports, localClasses);
  const names = [...OPTIMIZER_NAMES, ...localClasses.keys(), ...wrapped.keys()];
  const out: Candidate[] = [];
  const add = (value: string, node: SyntaxNode, note: string, scriptDefault = false) => {
    const deciders: string[] = [];
    const entry = tableEntryTaken(node, values, deciders);
    const branch = entry === false ? false : (branchTaken(node, values, deciders) ?? entry);
    out.push({ value, node, note, scriptDefault, branch, deciders });
  };

  for (const c of findCalls(root, text, names)) {
    const local = localClasses.get(c.callee);
    const wrap = wrapped.get(c.callee);
    if (local) add(local, c.node, `${c.callee}(…), an optimizer class defined in this file`);
    else if (wrap) add(wrap.value, c.node, `${c.callee}(…), ${wrap.note}`);
    else if (isLibraryOptimizer(c, imports)) {
      const v = optimizerName(c.name);
      if (v && !inOptaxChain(c)) add(v, c.node, `${c.callee}(…)`);
    }
  }
  // `optimizer_class = torch.optim.AdamW` (in the branch the flags take) … `optimizer_class(params, lr=…)`: the class
  // held in a name that is called, as diffusers' example scripts pick plain or 8-bit AdamW.
  const classOf = (ref: string) => localClasses.get(ref) ?? libraryClass(ref, imports);
  for (const ref of classReferences(root, text, classOf))
    add(ref.value, ref.node, `${ref.name} = ${ref.node.text}, called as ${ref.name}(…)`);
  // `return SGD` from a factory whose result is called; `OPTIMIZERS[args.optim](…)`.
  for (const p of [...returnedClasses(root, text, classOf), ...tableClasses(root, text, classOf, values)])
    add(p.value, p.node, p.note, p.scriptDefault);
  // optax.chain(scale_by_adam(), add_decayed_weights(), scale(-lr)) — the optimizer its blocks make.
  for (const c of findCalls(root, text, ['chain'])) {
    if (!/^optax\./.test(qualified(c.callee, imports))) continue;
    const v = optaxChain(c);
    if (v) add(v, c.node, `optax.chain(…) of ${v} building blocks`);
  }
  // Keras `model.compile(optimizer="adam")`, `model.compile("adam", loss=…)` (the optimizer is the first parameter)
  // or `optimizer=args.optimizer` (a string the script declares). torch.compile(model) takes a module, not a string.
  for (const c of findCalls(root, text, ['compile'])) {
    if (!c.callee.includes('.') || /^(torch|re|jax|tf\.function)\b/.test(c.callee)) continue;
    const arg = c.kwargs.get('optimizer')?.value ?? c.positional[0];
    if (!arg) continue;
    const r = values.resolve(arg);
    const v = typeof r.value === 'string' ? optimizerName(r.value) : undefined;
    if (v) add(v, arg, `compile(optimizer=${arg.text})${r.via ? ` (${r.via})` : ''}`, !!r.scriptDefault);
  }
  // timm: create_optimizer_v2(model, opt="adamw") / create_optimizer(args, model) with `--opt` declared.
  if (importsModule(imports, /^timm\b/))
    for (const c of findCalls(root, text, ['create_optimizer_v2', 'create_optimizer'])) {
      const arg = c.kwargs.get('opt')?.value ?? (c.name === 'create_optimizer_v2' ? c.positional[1] : undefined);
      const r = arg ? values.resolve(arg) : { ...values.declaredDefault('opt'), scriptDefault: true };
      const v = typeof r.value === 'string' ? timmOptimizer(r.value) : undefined;
      // The note names the option (`default of argparse --opt`) so that a launcher's `--opt adamw` replaces it
      // (../link/merge.ts), as timm's train.py reads `optimizer_kwargs(cfg=args)`.
      const via = r.via ? ` (${r.via})` : '';
      if (v) add(v, arg ?? c.node, `${c.name}(opt=${JSON.stringify(r.value)})${via}`, !!r.scriptDefault);
    }
  // getattr(torch.optim, args.optimizer)(params, lr=…)
  for (const call of getattrOptimizers(root, text, imports)) {
    const r = values.resolve(call.name);
    const v = typeof r.value === 'string' ? optimizerName(r.value) : undefined;
    if (v) add(v, call.node, `getattr(…, ${call.name.text}) (${r.via ?? 'literal'})`, !!r.scriptDefault);
  }
  const inside = (n: SyntaxNode) =>
    !within || within.some((w) => w.startIndex <= n.startIndex && n.endIndex <= w.endIndex);
  // A stable-baselines3 agent built with its library's default optimizer (./sb3-optimizer), where no class is built.
  const sb3 = out.length === 0 ? sb3Optimizer(file, text, root, imports, values) : undefined;
  const at = sb3?.span;
  if (sb3 && at && (!within || within.some((w) => w.startIndex <= at.start && at.end <= w.endIndex))) return sb3;
  return choose(
    out.filter((c) => inside(c.node)),
    file,
  );
}

function choose(all: Candidate[], file: string): Fact | undefined {
  const live = all.filter((c) => c.branch !== false);
  const selected = live.filter((c) => c.branch === true);
  const pool = new Set(live.map((c) => c.value)).size === 1 ? live : selected;
  if (pool.length === 0 || new Set(pool.map((c) => c.value)).size !== 1) return undefined;
  const c = pool[0];
  // The branch the defaults take: a launcher that gives one of the options deciding it may take another
  // (../link/merge.ts reads the options from the note).
  const deciders = [...new Set(all.flatMap((a) => a.deciders))];
  const viaDefault = c.scriptDefault || deciders.length > 0 || pool.some((p) => p.branch === true);
  return {
    key: 'optimizer',
    value: c.value,
    origin: viaDefault ? 'script-default' : 'explicit',
    file,
    span: spanOf(c.node),
    note: deciders.length ? `${c.note} (the branch the defaults take: ${deciders.join('; ')})` : c.note,
  };
}

const importsModule = (imports: Map<string, string>, re: RegExp) => [...imports.values()].some((m) => re.test(m));

function isLibraryOptimizer(c: CallSite, imports: Map<string, string>): boolean {
  const q = qualified(c.callee, imports);
  if (q === c.callee && !c.callee.includes('.')) return false; // a bare name nobody imported
  return OPTIMIZER_MODULE.test(q.slice(0, q.length - c.name.length));
}

/** A library optimizer class as written (`SGD` imported from torch.optim, `optim.AdamW`) → the fact's value. */
function libraryClass(ref: string, imports: Map<string, string>): string | undefined {
  const last = ref.split('.').pop() ?? '';
  const q = qualified(ref, imports);
  const value = optimizerName(last);
  if (!value || (q === ref && !ref.includes('.'))) return undefined;
  return OPTIMIZER_MODULE.test(q.slice(0, q.length - last.length)) ? value : undefined;
}

/**
 * `name = lib.optim.Class` assignments of a library optimizer class whose name the file calls — after it, or in a
 * function it is handed to (`optimizer = RAdam` in `main`, `optim = optimizer(model.parameters(), …)` in `train`).
 */
function classReferences(
  root: SyntaxNode,
  text: string,
  classOf: (ref: string) => string | undefined,
): { name: string; value: string; node: SyntaxNode }[] {
  const out: { name: string; value: string; node: SyntaxNode }[] = [];
  for (const m of text.matchAll(/^[ \t]*(\w+)[ \t]*=[ \t]*([\w.]+)[ \t]*(#.*)?$/gm)) {
    const [, name, ref] = m;
    const value = classOf(ref);
    if (!value) continue;
    const rest = text.slice(0, m.index) + text.slice(m.index + m[0].length);
    if (!new RegExp(`(?<![\\w.])${name}\\s*\\(`).test(rest.replace(/^[ \t]*def[ \t][^\n]*/gm, ''))) continue;
    const at = m.index + m[0].indexOf(ref, name.length + 1);
    const node = root.descendantForIndex(at, at + ref.length - 1);
    if (node && node.text === ref) out.push({ name, value, node });
  }
  return out;
}

/** Classes this file defines on an `Optimizer` base (`class LARS(optim.Optimizer)`), by name → fact value. */
function optimizerClasses(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/^class[ \t]+(\w+)[ \t]*\(([^)]*)\)/gm))
    if (/(^|[.,\s])Optimizer\s*(,|$)/.test(m[2])) out.set(m[1], optimizerName(m[1]) ?? m[1].toLowerCase());
  return out;
}

/** Module-level `Name = factory(Adam, …)`: a library optimizer class handed to a wrapper, called later as `Name(…)`. */
function wrappedOptimizers(
  root: SyntaxNode,
  text: string,
  imports: Map<string, string>,
  local: Map<string, string>,
): Map<string, { value: string; note: string }> {
  const out = new Map<string, { value: string; note: string }>();
  for (const m of text.matchAll(/^(\w+)[ \t]*=[ \t]*[\w.]+\([ \t]*(\w+)/gm)) {
    if (!local.has(m[2]) && !optimizerName(m[2])) continue;
    const stmt = root.descendantForIndex(m.index)?.parent;
    const a =
      stmt?.type === 'expression_statement' ? stmt.namedChildren[0] : stmt?.type === 'assignment' ? stmt : undefined;
    const left = a?.type === 'assignment' ? a.childForFieldName('left') : undefined;
    const right = a?.childForFieldName('right');
    if (left?.type !== 'identifier' || right?.type !== 'call') continue;
    const first = right.childForFieldName('arguments')?.namedChildren[0];
    if (first?.type !== 'identifier') continue;
    const q = qualified(first.text, imports);
    const v =
      local.get(first.text) ??
      (q !== first.text && OPTIMIZER_MODULE.test(q.slice(0, q.length - first.text.length))
        ? optimizerName(first.text)
        : undefined);
    if (v)
      out.set(left.text, { value: v, note: `${first.text} wrapped by ${right.childForFieldName('function')?.text}` });
  }
  return out;
}

/** An optax function used as a building block of `optax.chain(...)` is not the optimizer by itself. */
function inOptaxChain(c: CallSite): boolean {
  const p = c.node.parent?.parent;
  return p?.type === 'call' && /(^|\.)chain$/.test(p.childForFieldName('function')?.text ?? '');
}

function optaxChain(c: CallSite): string | undefined {
  const parts = c.positional.map((p) =>
    p.type === 'call' ? (p.childForFieldName('function')?.text.split('.').pop() ?? '') : '',
  );
  const named = parts.map((p) => optimizerName(p)).filter((v): v is string => !!v && v !== 'sgd');
  if (named.length === 1) return named[0];
  const blocks = parts.map((p) => OPTAX_TRANSFORMS[p]).filter(Boolean);
  const decay = parts.includes('add_decayed_weights') || parts.includes('additive_weight_decay');
  if (blocks.length === 1) return blocks[0] === 'adam' && decay ? 'adamw' : blocks[0];
  // `trace` (momentum) and learning-rate scaling only: SGD with momentum, as optax.sgd builds it.
  if (
    blocks.length === 0 &&
    parts.includes('trace') &&
    parts.every((p) => !p.startsWith('scale_by_') || p === 'scale_by_schedule')
  )
    return 'sgd';
  return undefined;
}

function timmOptimizer(s: string): string | undefined {
  const base = s.toLowerCase().replace(/^fused/, '');
  return TIMM_ALIASES[base] ?? optimizerName(base);
}

/** `getattr(torch.optim, NAME)(…)`: the call and the expression naming the class. */
function getattrOptimizers(
  root: SyntaxNode,
  text: string,
  imports: Map<string, string>,
): { node: SyntaxNode; name: SyntaxNode }[] {
  if (!/getattr\s*\(/.test(text)) return [];
  const out: { node: SyntaxNode; name: SyntaxNode }[] = [];
  for (const g of findCalls(root, text, ['getattr'])) {
    const [mod, name] = g.positional;
    if (!mod || !name || !OPTIMIZER_MODULE.test(qualified(mod.text, imports))) continue;
    const call = g.node.parent;
    if (call?.type === 'call' && call.childForFieldName('function')?.id === g.node.id) out.push({ node: call, name });
  }
  return out;
}

/**
 * Whether the default run takes the branch holding `node`: false when an enclosing `if`/`elif`/`else` is decided
 * against it (a store_true flag, a string compared with a different declared value), true when a comparison with a
 * known value selects it, undefined when nothing decides.
 */
function branchTaken(node: SyntaxNode, values: ValueResolver, deciders: string[] = []): boolean | undefined {
  let selected: boolean | undefined;
  for (let p = node.parent; p; p = p.parent) {
    if (p.type !== 'if_statement') continue;
    const conds: SyntaxNode[] = [];
    const cond0 = p.childForFieldName('condition');
    if (!cond0) return selected;
    conds.push(cond0);
    let where = -1; // index of the clause holding the node; conds.length for else
    if (within(p.childForFieldName('consequence'), node)) where = 0;
    for (const alt of p.childrenForFieldName('alternative')) {
      if (!alt) continue;
      if (alt.type === 'elif_clause') {
        const c = alt.childForFieldName('condition');
        if (!c) return selected;
        conds.push(c);
        if (within(alt, node)) where = conds.length - 1;
      } else if (alt.type === 'else_clause' && within(alt, node)) where = Number.MAX_SAFE_INTEGER;
    }
    if (where < 0) continue;
    const results = conds.map((c) => evalCondition(c, values));
    conds.forEach((c, i) => {
      if (results[i] !== undefined && i <= where) deciders.push(...optionsIn(c, values));
    });
    const before = results.slice(0, Math.min(where, results.length));
    if (before.some((r) => r === true)) return false;
    if (where === Number.MAX_SAFE_INTEGER) {
      if (results.every((r) => r === false)) selected ??= true;
      continue;
    }
    const own = results[where];
    if (own === false) return false;
    if (own === true && before.every((r) => r === false)) selected ??= true;
  }
  return selected;
}

const within = (outer: SyntaxNode | null | undefined, n: SyntaxNode) =>
  !!outer && outer.startIndex <= n.startIndex && n.endIndex <= outer.endIndex;

/** `x == "adam"`, `x in ("adam", "adamw")`, `x.lower() != "sgd"`, or a flag off by default; undefined when unknown. */
function evalCondition(cond: SyntaxNode, values: ValueResolver): boolean | undefined {
  const inner = cond.type === 'parenthesized_expression' ? cond.namedChildren[0] : undefined;
  if (inner && cond.namedChildren.length === 1) return evalCondition(inner, values);
  if (values.offByDefaultCondition(cond) !== undefined) return false;
  // `if args.use_sgd:` with the option's default True (`type=bool, default=True`): the branch the default run takes.
  if (cond.type === 'attribute' && values.resolve(cond).value === true) return true;
  // `not x`, `a or b`, `a and b` (Python's truth tables; unknown where an unknown side could decide).
  if (cond.type === 'not_operator') {
    const v = evalCondition(cond.childForFieldName('argument') ?? cond, values);
    return v === undefined ? undefined : !v;
  }
  if (cond.type === 'boolean_operator') {
    const op = cond.childForFieldName('operator')?.text;
    const l = evalCondition(cond.childForFieldName('left') ?? cond, values);
    const r = evalCondition(cond.childForFieldName('right') ?? cond, values);
    if (op === 'or') return l === true || r === true ? true : l === false && r === false ? false : undefined;
    if (op === 'and') return l === false || r === false ? false : l === true && r === true ? true : undefined;
    return undefined;
  }
  if (cond.type !== 'comparison_operator' || cond.namedChildren.length !== 2) return undefined;
  const op = cond.children.find((ch) => ch && !ch.isNamed)?.text;
  const [left, r] = cond.namedChildren as SyntaxNode[];
  // `args.optim.lower()`: the value compared case-insensitively.
  const unwrap = (n: SyntaxNode) =>
    n.type === 'call' && /\.(lower|upper|strip)$/.test(n.childForFieldName('function')?.text ?? '')
      ? (n.childForFieldName('function')?.childForFieldName('object') ?? n)
      : n;
  const lv = values.resolve(unwrap(left)).value;
  if (typeof lv !== 'string') return undefined;
  const norm = (s: string) => s.toLowerCase();
  if (op === '==' || op === '!=') {
    const rv = literal(r);
    if (typeof rv !== 'string') return undefined;
    return (norm(lv) === norm(rv)) === (op === '==');
  }
  if (op === 'in' || op === 'not') {
    if (r.type !== 'tuple' && r.type !== 'list' && r.type !== 'set') return undefined;
    const items = r.namedChildren.map((n) => literal(n));
    if (items.some((i) => typeof i !== 'string')) return undefined;
    const hit = items.some((i) => norm(String(i)) === norm(lv));
    return op === 'in' ? hit : !hit;
  }
  return undefined;
}

/** The command-line options a condition reads (`args.sdxl`), as their defaults' notes name them. */
function optionsIn(cond: SyntaxNode, values: ValueResolver): string[] {
  const out: string[] = [];
  for (const a of [cond, ...cond.descendantsOfType('attribute')]) {
    if (a?.type !== 'attribute') continue;
    const name = a.childForFieldName('attribute')?.text;
    const flag = /\bargparse (--[\w-]+)/.exec((name && values.declaredDefault(name)?.via) || '')?.[1];
    if (flag) out.push(`default of argparse ${flag}`);
  }
  return out;
}

/**
 * Imports as `importsOf` reads them, found from the text instead of by walking every node of a long script (this
 * runs on every re-analysis of a training script).
 */
function topLevelImports(root: SyntaxNode, text: string): Map<string, string> {
  const out = new Map<string, string>();
  // Import lines found in the text, mapped to their statements (no walk over every node of a long script).
  for (const m of text.matchAll(/^[ \t]*(?:from|import)[ \t]/gm)) {
    let n: SyntaxNode | null = root.descendantForIndex(m.index + m[0].length - 1);
    while (n && n.type !== 'import_statement' && n.type !== 'import_from_statement' && n.type !== 'module')
      n = n.parent;
    if (n && n.type !== 'module') readImport(n, out);
  }
  return out;
}
