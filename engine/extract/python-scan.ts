// Read-only scans of a Python tree shared by the non-HF extractors: imports (to tell lightning's Trainer from
// transformers'), loops around a call, DataLoader arguments, torch.save inside the training loop, device hints.
import type { SyntaxNode } from '../parse/python';
import { spanOf, type CallSite } from '../parse/python-syntax';
import type { Fact, FactKey, FactValue } from '../types';
import type { ValueResolver } from './python-values';
import { nodesOfType } from '../parse/nodes-of-type';
import { datasetBatch, samplerBatch } from './loader-batch';
import { factoryLoaderFacts, sharedSetting, trainingLoader } from './loader-pick';
import { COMPLETE_SPLATS, splatDict, type SplatArg } from './loader-splat';
export { loaderFactories } from './loader-pick';

/** Local name → dotted module path it was imported as (`pl` → "pytorch_lightning", `Trainer` → "lightning.pytorch.Trainer"). */
export function importsOf(root: SyntaxNode): Map<string, string> {
  const out = new Map<string, string>();
  for (const stmt of nodesOfType(root, ['import_statement', 'import_from_statement'])) {
    if (stmt) readImport(stmt, out);
  }
  return out;
}

/** Adds what one `import …` / `from … import …` statement binds to `out` (local name → dotted path). */
export function readImport(stmt: SyntaxNode, out: Map<string, string>): void {
  if (stmt.type === 'import_statement') {
    for (const n of stmt.namedChildren) {
      if (n?.type === 'dotted_name') out.set(n.text.split('.')[0], n.text.split('.')[0]);
      else if (n?.type === 'aliased_import') {
        const name = n.childForFieldName('name')?.text;
        const alias = n.childForFieldName('alias')?.text;
        if (name && alias) out.set(alias, name);
      }
    }
  } else if (stmt.type === 'import_from_statement') {
    const mod = stmt.childForFieldName('module_name')?.text;
    if (!mod) return;
    for (const n of stmt.childrenForFieldName('name')) {
      if (n?.type === 'dotted_name') out.set(n.text, `${mod}.${n.text}`);
      else if (n?.type === 'aliased_import') {
        const name = n.childForFieldName('name')?.text;
        const alias = n.childForFieldName('alias')?.text;
        if (name && alias) out.set(alias, `${mod}.${name}`);
      }
    }
  }
}

/** The callee with its first segment replaced by what it was imported as. */
export function qualified(callee: string, imports: Map<string, string>): string {
  const [head, ...rest] = callee.split('.');
  const full = imports.get(head);
  return full ? [full, ...rest].join('.') : callee;
}

export const importsModule = (imports: Map<string, string>, re: RegExp) =>
  [...imports.values()].some((m) => re.test(m));

/** Loop statements around a node, innermost first. */
export function loopsAround(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let p = node.parent; p; p = p.parent)
    if (p.type === 'for_statement' || p.type === 'while_statement') out.push(p);
  return out;
}

export const contains = (outer: SyntaxNode, inner: SyntaxNode) =>
  outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;

/** `% N == 0` in an `if` around `node` inside `within`: the step interval it runs at. */
export function moduloGuard(
  node: SyntaxNode,
  within: SyntaxNode,
  values: ValueResolver,
): { value: number | undefined; node: SyntaxNode; scriptDefault?: boolean; via?: string } | undefined {
  const modOf = (cond: SyntaxNode | null | undefined) =>
    cond?.descendantsOfType('binary_operator').find((b) => b?.childForFieldName('operator')?.text === '%');
  const guard = (mod: SyntaxNode) => {
    const r = values.resolve(mod.childForFieldName('right'));
    const value = typeof r.value === 'number' ? r.value : undefined;
    return { value, node: mod, scriptDefault: r.scriptDefault, via: r.via };
  };
  for (let p: SyntaxNode | null = node; p && p.id !== within.id; p = p.parent) {
    const mod = p !== node && p.type === 'if_statement' ? modOf(p.childForFieldName('condition')) : undefined;
    if (mod) return guard(mod);
    // `if step % accum != 0: continue` earlier in the same block: the step below runs every `accum` batches.
    for (let s = p.previousNamedSibling; s; s = s.previousNamedSibling) {
      const cond = s.type === 'if_statement' ? s.childForFieldName('condition') : undefined;
      const skip = cond?.type === 'comparison_operator' && /!=/.test(cond.text) ? modOf(cond) : undefined;
      if (skip && s.childForFieldName('consequence')?.text.trim() === 'continue') return guard(skip);
    }
  }
  return undefined;
}

export interface LoaderFacts {
  facts: Fact[];
  /** The training DataLoader call, when one is clearly it. */
  call?: CallSite;
}

/** micro_batch and num_workers from the training `DataLoader(...)` (PyTorch defaults: batch_size=1, num_workers=0). */
/** A fact read from a splatted dict keeps the key as the dict spells it: a fix writes `"num_workers": 4` there. */
const spelledAs = (a: object) => ('spelled' in a && typeof a.spelled === 'string' ? { name: a.spelled } : {});

/** Said of a loader whose dataset is tensors already in memory: each sample is an index, no per-sample work. */
const IN_MEMORY_DATASET = '— the dataset is in-memory tensors (TensorDataset)';

/** `DataLoader(TensorDataset(x, y), …)`, or a name assigned `TensorDataset(…)` in the same function or module. */
function inMemoryDataset(call: CallSite): boolean {
  const ds = call.positional[0] ?? call.kwargs.get('dataset')?.value;
  if (!ds) return false;
  const isTd = (n: SyntaxNode | null | undefined) =>
    n?.type === 'call' && /(^|\.)TensorDataset$/.test(n.childForFieldName('function')?.text ?? '');
  if (isTd(ds)) return true;
  if (ds.type !== 'identifier') return false;
  let scope: SyntaxNode | null = call.node.parent;
  while (scope && scope.type !== 'function_definition' && scope.type !== 'module') scope = scope.parent;
  const assigns = (scope?.descendantsOfType('assignment') ?? []).filter(
    (a) => a?.childForFieldName('left')?.text === ds.text,
  );
  return assigns.length > 0 && assigns.every((a) => isTd(a?.childForFieldName('right')));
}

export function dataLoaderFacts(
  file: string,
  calls: CallSite[],
  values: ValueResolver,
  factories: CallSite[] = [],
): LoaderFacts {
  const loaders = calls.filter((c) => c.name === 'DataLoader');
  if (loaders.length === 0) return factories.length ? factoryLoaderFacts(file, factories, values) : { facts: [] };
  const train = trainingLoader(loaders);
  if (!train) return { facts: sharedWorkerFacts(file, loaders, values) };
  const facts: Fact[] = [];
  const splat = splatDict(train);
  const bs =
    train.kwargs.get('batch_size') ??
    (train.positional[1] ? { node: train.positional[1], value: train.positional[1], name: 'batch_size' } : undefined) ??
    splat.get('batch_size');
  // `DataLoader(dataset, batch_size=None)`: the dataset yields whole batches; the batch is the one its constructor
  // is given (`dataset = TokenStream(…, batch_size=args.batch_size)`), when the dataset is a name bound to one call.
  // `DataLoader(ds, batch_sampler=TwoStreamBatchSampler(…, batch_size, …))`: the sampler's batch (./loader-batch).
  // `DataLoader(ds, batch_size=1)` over `ds = IRMDataset(…, batch_size=32)`: each item is a batch the dataset built.
  const own =
    bs?.value.type === 'none' || bs?.value.text === '1'
      ? datasetBatch(train, values)
      : bs
        ? undefined
        : samplerBatch(train, values);
  if (own) {
    const r = values.resolve(own.value);
    facts.push({
      key: 'micro_batch',
      value: typeof r.value === 'number' ? r.value : null,
      origin: r.scriptDefault || requiredFlag(r) ? 'script-default' : 'explicit',
      file,
      span: spanOf(own.node),
      note: `${own.what}(batch_size=${own.value.text})${r.via ? ` (${r.via})` : ''}${requiredFlag(r)}`,
    });
  } else if (bs) {
    const r = values.resolve(bs.value);
    facts.push({
      key: 'micro_batch',
      value: typeof r.value === 'number' ? r.value : null,
      origin: r.scriptDefault || requiredFlag(r) ? 'script-default' : 'explicit',
      file,
      span: spanOf(bs.node),
      ...spelledAs(bs),
      note: `DataLoader(batch_size=${bs.value.text})${r.via ? ` (${r.via})` : ''}${typeof r.value === 'number' ? '' : ' — value unknown'}${requiredFlag(r)}`,
    });
  } else if (!train.kwargs.has('batch_sampler') && !train.hasSplat) {
    facts.push({
      key: 'micro_batch',
      value: 1,
      origin: 'framework-default',
      note: 'DataLoader batch_size defaults to 1',
    });
  }
  facts.push(...workerFacts(file, train, splat, values));
  return { facts, call: train };
}

const SETTING_KEYS = [
  ['num_workers', 'num_workers'],
  ['pin_memory', 'pin_memory'],
  ['persistent_workers', 'persistent_workers'],
  ['prefetch_factor', 'prefetch'],
] as const;

/** The worker settings of the training loader (PyTorch's defaults: 0 workers, no pinning, 2 batches prefetched). */
function workerFacts(file: string, train: CallSite, splat: Map<string, SplatArg>, values: ValueResolver): Fact[] {
  const facts: Fact[] = [];
  const nw = train.kwargs.get('num_workers') ?? splat.get('num_workers');
  const known = !train.hasSplat || COMPLETE_SPLATS.has(splat);
  const inMemory = inMemoryDataset(train);
  const cheap = inMemory ? ` ${IN_MEMORY_DATASET}` : '';
  if (nw) {
    const r = values.resolve(nw.value);
    facts.push({
      key: 'num_workers',
      value: typeof r.value === 'number' ? r.value : null,
      origin: r.scriptDefault || requiredFlag(r) ? 'script-default' : 'explicit',
      file,
      span: spanOf(nw.node),
      ...spelledAs(nw),
      note: `DataLoader(num_workers=${nw.value.text})${r.via ? ` (${r.via})` : ''}${requiredFlag(r)}${cheap}`,
      ...(inMemory ? { form: 'in-memory-data' as const } : {}),
    });
  } else if (known) {
    facts.push({
      key: 'num_workers',
      value: 0,
      origin: 'framework-default',
      file,
      span: spanOf(train.node),
      argInsert: { at: train.argList.endIndex - 1, empty: train.argList.namedChildren.length === 0 },
      note: `DataLoader num_workers defaults to 0 (data loaded in the main process)${cheap}`,
      ...(inMemory ? { form: 'in-memory-data' as const } : {}),
    });
  }
  // pin_memory / persistent_workers / prefetch_factor (PyTorch defaults: False, False, 2 with workers).
  for (const [kw, key, dflt, note] of [
    ['pin_memory', 'pin_memory', false, 'DataLoader pin_memory defaults to False (pageable host memory)'],
    ['persistent_workers', 'persistent_workers', false, 'DataLoader persistent_workers defaults to False'],
    ['prefetch_factor', 'prefetch', null, 'DataLoader prefetch_factor defaults to 2 batches per worker'],
  ] as const) {
    const a = train.kwargs.get(kw) ?? splat.get(kw);
    if (a) {
      const r = values.resolve(a.value);
      facts.push({
        key,
        value: r.value === undefined ? null : r.value,
        origin: r.scriptDefault ? 'script-default' : 'explicit',
        file,
        span: spanOf(a.node),
        ...spelledAs(a),
        note: `DataLoader(${kw}=${a.value.text})`,
      });
    } else if (known && dflt !== null)
      facts.push({
        key,
        value: dflt,
        origin: 'framework-default',
        file,
        span: spanOf(train.node),
        argInsert: { at: train.argList.endIndex - 1, empty: train.argList.namedChildren.length === 0 },
        note,
      });
  }
  return facts;
}

/**
 * The loader settings of a file whose training loader cannot be told apart, where all its loaders share them
 * (./loader-pick `sharedSetting`): the value without a place, since the site of the training loader is not known —
 * no finding or edit rests on it.
 */
function sharedWorkerFacts(file: string, loaders: CallSite[], values: ValueResolver): Fact[] {
  const out: Fact[] = [];
  for (const [kw, key] of SETTING_KEYS) {
    const shared = sharedSetting(loaders, kw);
    const f = shared && workerFacts(file, shared.site, new Map(), values).find((x) => x.key === key);
    if (!f) continue;
    const { span: _span, argInsert: _insert, ...rest } = f;
    out.push({ ...rest, note: `${f.note} — alike in the ${loaders.length} DataLoaders here` });
  }
  return out;
}

/**
 * For a value read from `args.<dest>` of an argparse option declared without a default (`required=True`): a note
 * naming the option the way ./link/merge.ts finds it, so that the launcher that passes it fills the value.
 */
function requiredFlag(r: { value: unknown; dest?: string; scriptDefault?: boolean }): string {
  return r.value === undefined && r.dest && !r.scriptDefault ? ` (no default of argparse --${r.dest})` : '';
}

/** A fact for a literal-or-resolvable argument. */
export function argFact(
  key: FactKey,
  file: string,
  kw: { node: SyntaxNode; name: string; value: SyntaxNode },
  values: ValueResolver,
  map?: (v: FactValue) => FactValue | undefined,
): Fact {
  const r = values.resolve(kw.value);
  const mapped = r.value === undefined ? undefined : map ? map(r.value) : r.value;
  return {
    key,
    value: mapped === undefined ? null : mapped,
    origin: r.scriptDefault ? 'script-default' : 'explicit',
    file,
    span: spanOf(kw.node),
    note: `${kw.name}=${kw.value.text}${r.via ? ` (${r.via})` : ''}${mapped === undefined ? ' (value unknown)' : ''}`,
  };
}

/** Calls that write a checkpoint. */
export const SAVE_CALL = /(^|\.)(save|save_state|save_checkpoint|save_pretrained|save_model|save_weights)$/;

const FLAG_OBJECT = /^(args|opt|opts|cfg|config|hparams|hparam|params|flags|FLAGS|\w+_args)$/;

/**
 * The first command-line switch that is off by default and guards `node` (an `if` between it and `within`): a
 * condition reading `args.x` (directly, or through a local assigned from it) whose argparse default is None or
 * False (`store_true`). The code under it only runs when that flag is given, so it says nothing about the default
 * run. Returns the flag's dest, or undefined when no such guard is seen.
 */
export function offByDefaultGuard(
  node: SyntaxNode,
  within: SyntaxNode | undefined,
  values: ValueResolver,
): string | undefined {
  for (let p = node.parent; p && p.id !== within?.id; p = p.parent) {
    if (p.type !== 'if_statement') continue;
    const cond = p.childForFieldName('condition');
    if (!cond || !inConsequence(p, node)) continue;
    // `if args.recovery_interval and …` with default 0: a conjunct that is falsy by default.
    const conj = values.offByDefaultCondition(cond);
    if (conj) return conj;
    // A value compared by size or computed with (`local_step > args.gradient_accumulation`, `step % args.every`) is
    // not a switch: only values tested for truth or presence turn the branch off.
    // A negated switch (`if not args.no_save:`, `saver if not args.no_saver else None`) is on by default.
    const attrs = cond
      .descendantsOfType('attribute')
      .filter(
        (a) =>
          !!a &&
          FLAG_OBJECT.test(a.childForFieldName('object')?.text ?? '') &&
          !operand(a, cond) &&
          !negated(a, cond, true),
      );
    if (cond.type === 'attribute' && FLAG_OBJECT.test(cond.childForFieldName('object')?.text ?? '')) attrs.push(cond);
    // Only a local tested for its own truth (`if save:` after `save = args.save_ckpt`): not an object whose member is
    // read (`if accelerator.is_main_process:`, with `accelerator = Accelerator(mixed_precision=args.mixed_precision)`),
    // and not a flag passed as an argument into the call the local holds the result of.
    for (const id of cond.type === 'identifier' ? [cond] : cond.descendantsOfType('identifier')) {
      if (!id || memberOrCallee(id)) continue;
      const rhs = values.localAssignments(id);
      for (const r of rhs) {
        attrs.push(
          ...r
            .descendantsOfType('attribute')
            .filter(
              (a) =>
                !!a &&
                FLAG_OBJECT.test(a.childForFieldName('object')?.text ?? '') &&
                !negated(a, r) &&
                !callArgument(a, r),
            ),
        );
        if (r.type === 'attribute' && FLAG_OBJECT.test(r.childForFieldName('object')?.text ?? '')) attrs.push(r);
      }
    }
    for (const a of attrs) {
      if (!a) continue;
      const r = values.resolve(a);
      if (r.scriptDefault && (r.value === null || r.value === false))
        return r.dest ?? a.childForFieldName('attribute')?.text;
    }
  }
  return undefined;
}

/** An identifier read as an object (`accelerator` in `accelerator.is_main_process`) or called (`should_save()`). */
function memberOrCallee(id: SyntaxNode): boolean {
  const p = id.parent;
  if (p?.type === 'attribute')
    return p.childForFieldName('object')?.id === id.id || p.childForFieldName('attribute')?.id === id.id;
  return p?.type === 'call' && p.childForFieldName('function')?.id === id.id;
}

/** True when `node` is (within) an argument of a call inside `top`: a value handed to a constructor, not tested. */
function callArgument(node: SyntaxNode, top: SyntaxNode): boolean {
  for (let p = node.parent; p && p.id !== top.parent?.id; p = p.parent) if (p.type === 'argument_list') return true;
  return false;
}

/**
 * True when `node` sits under a `not` within `top`, or (`or: true`) in one side of an `or` (`not args.mp or (args.mp
 * and args.rank == 0)`: the other side may hold by default, so a switch off by default there turns nothing off).
 */
function negated(node: SyntaxNode, top: SyntaxNode, or = false): boolean {
  for (let p: SyntaxNode | null = node; p && p.id !== top.parent?.id; p = p.parent)
    if (
      p.type === 'not_operator' ||
      (or && p.type === 'boolean_operator' && p.childForFieldName('operator')?.text === 'or')
    )
      return true;
  return false;
}

/** True when `node` is an operand of arithmetic or of an ordering comparison (`<`, `>`) within `cond`. */
function operand(node: SyntaxNode, cond: SyntaxNode): boolean {
  for (let p = node.parent; p && p.id !== cond.parent?.id; p = p.parent) {
    if (p.type === 'binary_operator') return true;
    if (p.type === 'comparison_operator' && p.children.some((c) => c && /^[<>]=?$/.test(c.type))) return true;
    if (p.type === 'call' || p.type === 'boolean_operator' || p.type === 'not_operator') return false;
  }
  return false;
}

/** True when `node` sits in the `if` branch itself (not in its `else` / `elif`). */
function inConsequence(ifStmt: SyntaxNode, node: SyntaxNode): boolean {
  const body = ifStmt.childForFieldName('consequence');
  return !!body && body.startIndex <= node.startIndex && node.endIndex <= body.endIndex;
}

/**
 * A call that runs a training step's backward pass: `loss.backward()` (also `scaler.scale(loss).backward()`,
 * `accelerator.backward(loss)`), Lightning's `self.manual_backward(loss)`, LOMO's `optimizer.fused_backward(loss, lr)`
 * (backward pass and update in one call), and a loss scaler called on the loss and
 * the optimizer (`loss_scaler(loss, optimizer, …)`: timm's NativeScaler, which runs backward and the optimizer step).
 */
export function isBackwardCall(call: SyntaxNode | null): boolean {
  if (call?.type !== 'call') return false;
  const f = call.childForFieldName('function')?.text ?? '';
  if (/(^|\.)(backward|manual_backward|fused_backward)$/.test(f) && (f.includes('.') || f === 'manual_backward'))
    return true;
  if (!/(^|[._])scaler$/i.test(f)) return false;
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  return /loss/i.test(args[0]?.text ?? '') && args.some((a) => /optim/i.test(a?.text ?? ''));
}

/** A file whose training code belongs to another framework than PyTorch (its own extractors, or none). */
export const OTHER_FRAMEWORK =
  /^\s*(?:import|from)\s+(?:tensorflow|keras|jax|flax|mxnet|paddle|chainer|mindspore|oneflow|jittor|megengine)\b/m;

/** Where a fix inserts a keyword argument into a call: before its closing parenthesis. */
export function argInsert(call: CallSite): Fact['argInsert'] {
  // `empty`: no comma goes before the new argument — none yet, or the last one ends with a trailing comma.
  const inside = call.argList.text.slice(0, -1).trimEnd();
  return { at: call.argList.endIndex - 1, empty: call.argList.namedChildren.length === 0 || inside.endsWith(',') };
}
