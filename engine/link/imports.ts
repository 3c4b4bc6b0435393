// A training script's run includes the repository modules it calls. Entry scripts often only parse arguments and
// call `train_one_epoch(…)` from `engine.py`, `Trainer(opt).train()` from `lib/trainer.py` or `main(params)` from
// `src/train.py`; the loop, the optimizer, autocast/GradScaler, accumulation, checkpoint saves and the DataLoader live
// there. This follows the script's local imports (relative to the script, the folders above it up to its repository's
// root, and folders it puts on `sys.path`), through the FileReader only, a bounded number of hops and files, to the
// definitions the script actually uses, and when one of them runs a training step (a backward pass) reads that
// module with the engine's own readers (./linker `pythonRuns`). Its facts join the script's run below what the
// script states; values it reads from the script's arguments (`range(self.args.train_epochs)`,
// `if self.args.use_amp:`) are looked up in the script's argparse defaults. A script that uses only a model
// definition, an evaluation function or a data module reaches no training step and gets nothing.
import * as path from 'node:path';
import type { SyntaxNode } from '../parse/python';
import type { RunDraft } from '../extract/run-draft';
import {
  definitionOf,
  holdsStep,
  importBindings,
  importedUses,
  methodsOf,
  namesCalled,
  type ImportBinding,
  type ImportedUse,
} from '../extract/python-imports';
import { isTestModule } from '../extract/python-trains';
import type { Linker } from './linker';
import { cachedTree } from './tree-cache';
import { findCalls } from '../parse/python-syntax';
import { optimizerFact } from '../extract/python-optimizer';
import { ValueResolver } from '../extract/python-values';
import { reachedFacts, type Reached } from './imports-merge';
import { withReachedOptimizer } from './reached-optimizer';
import type { LaunchCommand } from '../extract/launcher';
import { nodesOfType } from '../parse/nodes-of-type';

/** Module hops from the script (script → trainer → its base class → the function it calls). */
const MAX_HOPS = 3;
/** Modules parsed per script, at most. */
const MAX_FILES = 24;
/** Nested follows, at most: a chain through one large module's functions stays far below the call stack's limit. */
const MAX_DEPTH = 48;
/** Module or function names that say they run training (`trainer`, `engine`, `solver`, `train_one_epoch`). */
const TRAINING_NAME = /train|solver|engine|runner|learner|\bexp\b|exp_|fit/i;
/** Folders above the script searched for absolute imports (a repository's root usually is one or two up). */
const MAX_UP = 3;
/** Files that mark a repository's root: absolute imports are not resolved above it. */
const ROOT_MARKERS = ['.git', 'setup.py', 'setup.cfg', 'pyproject.toml'];
/** Runs whose loop a framework owns (HF Trainer, Lightning, Keras, JAX): a local module adds nothing to them. */
const FRAMEWORK_KINDS = new Set(['hf', 'lightning', 'keras', 'jax', 'tfjs', 'nanogpt']);

export interface Mod {
  file: string;
  text: string;
  root: SyntaxNode;
}

/** The folders absolute imports resolve against: the script's own, those above it up to the repository root, sys.path additions. */
export function importRoots(linker: Linker, file: string, text: string): string[] {
  const dir = path.dirname(path.resolve(file));
  const out = [dir];
  let d = dir;
  for (let i = 0; i < MAX_UP; i++) {
    if (linker.listDir(d).some((n) => ROOT_MARKERS.includes(n))) break;
    const up = path.dirname(d);
    if (up === d) break;
    out.push((d = up));
  }
  // `sys.path.insert(0, 'lib')`, or `_init_paths.py` beside the script (`add_path(osp.join(this_dir, 'lib'))`).
  const sources = [{ dir, text }];
  if (/^\s*import\s+_init_paths\b/m.test(text) && linker.listDir(dir).includes('_init_paths.py')) {
    const t = linker.read(path.join(dir, '_init_paths.py'));
    if (t) sources.push({ dir, text: t });
  }
  for (const s of sources) {
    if (!/sys\.path\.(insert|append)\s*\(/.test(s.text)) continue;
    for (const m of s.text.matchAll(
      /(?:sys\.path\.(?:insert|append)\s*\(\s*(?:\d+\s*,\s*)?|\.join\s*\([^()'"]*,\s*)['"]([\w./-]+)['"]/g,
    )) {
      const cand = path.resolve(s.dir, m[1]);
      if (!out.includes(cand) && linker.listDir(cand).length > 0) out.push(cand);
    }
  }
  return out;
}

export class ImportWalk {
  private readonly mods = new Map<string, Mod | null>();
  private readonly visited = new Set<string>();
  /** Import bindings per module file, read once (a large module is asked for each name a class calls). */
  private readonly bindings = new Map<string, ImportBinding[]>();
  /** Classes already walked (at that hop, with the method names known then): a class met again costs nothing. */
  private readonly classes = new Map<string, boolean>();
  private depth = 0;
  /** Definitions reached from the script, with their module (for helper facts: an optimizer or DataLoader built there). */
  readonly reached: Reached[] = [];
  step?: { mod: Mod; def: SyntaxNode };

  constructor(
    private readonly linker: Linker,
    private readonly roots: string[],
    /** Method names the script (and the code walked) calls on objects: `trainer.train(…)` → train. */
    private readonly methodNames: Set<string>,
  ) {}

  /** A module by its dotted name as imported in `from`, parsed once; undefined when it is not in this tree. */
  module(from: string, dotted: string): Mod | undefined {
    const dots = dotted.length - dotted.replace(/^\.+/, '').length;
    const parts = dotted.slice(dots).split('.').filter(Boolean);
    let bases: string[];
    if (dots > 0) {
      let base = path.dirname(path.resolve(from));
      for (let i = 1; i < dots; i++) base = path.dirname(base);
      bases = [base];
    } else bases = [path.dirname(path.resolve(from)), ...this.roots];
    for (const base of bases) {
      const dir = path.join(base, ...parts.slice(0, -1));
      const last = parts[parts.length - 1];
      const names = this.linker.listDir(parts.length ? dir : base);
      const cands = !last
        ? [path.join(base, '__init__.py')]
        : names.includes(`${last}.py`)
          ? [path.join(dir, `${last}.py`)]
          : this.linker.listDir(path.join(dir, last)).includes('__init__.py')
            ? [path.join(dir, last, '__init__.py')]
            : [];
      for (const f of cands) {
        const m = this.load(f);
        if (m) return m;
      }
    }
    return undefined;
  }

  private load(file: string): Mod | undefined {
    const abs = path.resolve(file);
    if (this.mods.has(abs)) return this.mods.get(abs) ?? undefined;
    if (this.mods.size >= MAX_FILES || !this.linker.parser) return undefined;
    const text = this.linker.read(abs);
    const mod =
      text === undefined || isTestModule(text)
        ? null
        : { file: abs, text, root: cachedTree(abs, text, this.linker.parser).rootNode };
    this.mods.set(abs, mod);
    return mod ?? undefined;
  }

  /** Follows `symbol` of `mod`; true when it runs a training step (recorded in `this.step`). */
  follow(mod: Mod, symbol: string, hops: number): boolean {
    const key = `${mod.file}\0${symbol}`;
    if (this.visited.has(key) || hops > MAX_HOPS || this.depth >= MAX_DEPTH) return false;
    this.visited.add(key);
    const def = definitionOf(mod.root, symbol);
    if (!def) {
      // `from pkg import trainer` where trainer is a submodule: nothing to run by itself.
      return false;
    }
    this.depth++;
    try {
      if (def.kind === 'import') return this.followBinding(mod, def.binding, def.binding.symbol, hops + 1);
      this.reached.push({ mod, def: def.node });
      return this.runs(mod, def.node, hops);
    } finally {
      this.depth--;
    }
  }

  /** A name imported in `mod`: the module it comes from, and the symbol there. */
  private followBinding(mod: Mod, b: ImportBinding, symbol: string | undefined, hops: number): boolean {
    if (hops > MAX_HOPS) return false;
    if (symbol) {
      const target = this.module(mod.file, b.module);
      if (target && this.follow(target, symbol, hops)) return true;
      // `from pkg import sub` used as `sub.f`: f of the submodule.
      return false;
    }
    return false;
  }

  /** Does this definition run a training step, itself or through what it calls? */
  private runs(mod: Mod, def: SyntaxNode, hops: number): boolean {
    if (def.type === 'class_definition') return this.classRuns(mod, def, hops);
    if (holdsStep(def)) {
      this.step ??= { mod, def };
      return true;
    }
    for (const c of def.descendantsOfType('call')) {
      const f = c?.childForFieldName('function');
      if (f?.type === 'attribute' && !/^self\./.test(f.text)) {
        const name = f.childForFieldName('attribute')?.text;
        if (name) this.methodNames.add(name);
      }
    }
    return this.callsRun(mod, namesCalled(def).plain, hops);
  }

  /** A class runs a step when a method the code calls on its objects (or `__init__`), here or in a base class, does. */
  private classRuns(mod: Mod, cls: SyntaxNode, hops: number): boolean {
    const key = `${mod.file}\0${cls.startIndex}\0${hops}\0${this.methodNames.size}`;
    const known = this.classes.get(key);
    if (known !== undefined) return known;
    this.classes.set(key, false); // a class met again while it is walked (a cycle through its bases) adds nothing
    const result = this.walkClass(mod, cls, hops);
    this.classes.set(key, result);
    return result;
  }

  private walkClass(mod: Mod, cls: SyntaxNode, hops: number): boolean {
    const methods = methodsOf(cls);
    const todo = ['__init__', ...this.methodNames].filter((m) => methods.has(m));
    // Attributes the class sets (`self.model = FUNITModel(cfg)`): calling one (`self.model(…)`) runs its `forward`.
    const attributes = new Set([...cls.text.matchAll(/\bself\.(\w+)\s*=[^=]/g)].map((m) => m[1]));
    const done = new Set<string>();
    for (let m = todo.pop(); m !== undefined; m = todo.pop()) {
      const fn = methods.get(m);
      if (done.has(m) || !fn) continue;
      done.add(m);
      if (holdsStep(fn)) {
        this.step ??= { mod, def: fn };
        return true;
      }
      const called = namesCalled(fn);
      for (const s of called.methods) if (methods.has(s)) todo.push(s);
      // `self.model(…)` on an attribute that is no method: an instance is called, so its class's `forward` runs.
      if (called.methods.some((s) => !methods.has(s) && attributes.has(s))) this.methodNames.add('forward');
      if (this.callsRun(mod, called.plain, hops)) return true;
    }
    // Base classes: methods not defined here are inherited.
    for (const base of namesCalled(cls).plain) {
      const local = definitionOf(mod.root, base);
      if (local?.kind === 'def' && local.node.type === 'class_definition') {
        if (this.classRuns(mod, local.node, hops)) return true;
      } else if (this.callsRun(mod, [base], hops)) return true;
    }
    return false;
  }

  /** Names called in `mod`: its own top-level definitions (same hop), or names it imports (one hop more). */
  private callsRun(mod: Mod, names: string[], hops: number): boolean {
    let bindings = this.bindings.get(mod.file);
    if (!bindings) this.bindings.set(mod.file, (bindings = importBindings(mod.root)));
    for (const n of names) {
      const [head] = n.split('.');
      if (!n.includes('.')) {
        const own = definitionOf(mod.root, n);
        if (own && own.kind !== 'import') {
          if (this.follow(mod, n, hops)) return true;
          continue;
        }
      }
      const b = bindings.find((x) => x.local === head || n.startsWith(`${x.local}.`));
      if (!b) continue;
      const rest = n.slice(b.local.length + 1);
      if (!n.includes('.') || n === b.local) {
        if (this.followBinding(mod, b, b.symbol, hops + 1)) return true;
      } else if (rest && !rest.includes('.')) {
        const modName = b.symbol ? `${b.module}${b.module.endsWith('.') ? '' : '.'}${b.symbol}` : b.module;
        const target = this.module(mod.file, modName);
        if (target && this.follow(target, rest, hops + 1)) return true;
      }
    }
    return false;
  }
}

/** Attribute-call names in a scope: `trainer.train(…)`, `exp.test(…)`, `solver.train()`. */
function attributeCalls(root: SyntaxNode): Set<string> {
  const out = new Set<string>();
  for (const c of nodesOfType(root, 'call')) {
    const f = c?.childForFieldName('function');
    if (f?.type === 'attribute') {
      const name = f.childForFieldName('attribute')?.text;
      if (name) out.add(name);
    }
  }
  return out;
}

/** The script's runs with what the modules it calls show; a run of its own when it has none and one of them trains. */
export function withImportedModules(
  linker: Linker,
  file: string,
  text: string,
  tree: { rootNode: SyntaxNode } | undefined,
  drafts: RunDraft[],
  /** The command that runs the script: its flags are the arguments the modules read (./launched-args). */
  launch?: LaunchCommand,
): RunDraft[] {
  if (!tree || !linker.parser || isTestModule(text)) return drafts;
  const id = linker.id(file);
  // Its own runs, and the runs of launchers that start it.
  const own = drafts.filter((d) => d.plan.entry.file === id || d.plan.files.includes(id));
  if (drafts.length > 0 && own.length === 0) return drafts;
  if (own.some((d) => FRAMEWORK_KINDS.has(d.kind))) return drafts;
  const root = tree.rootNode;
  const bindings = importBindings(root).filter((b) => !/^(torch|numpy|os|sys)\b/.test(b.module));
  if (bindings.length === 0) return drafts;
  const self: Mod = { file: path.resolve(file), text, root };
  const walk = new ImportWalk(linker, importRoots(linker, file, text), attributeCalls(root));
  const argModules: Mod[] = [];
  // The file budget goes first to what is called in a loop, then to names that say they train, then the rest.
  const rank = (u: ImportedUse) => (u.inLoop ? 0 : TRAINING_NAME.test(`${u.module}.${u.symbol}`) ? 1 : 2);
  const uses = importedUses(root, bindings)
    .map((u, i) => ({ u, i }))
    .sort((a, b) => rank(a.u) - rank(b.u) || a.i - b.i)
    .map((x) => x.u);
  for (const use of uses) {
    const mod = walk.module(file, use.module);
    if (!mod || mod.file === self.file) continue;
    // `opt = opts().parse()` with the arguments declared in opts.py: the script's arguments too.
    if (/\badd_argument\s*\(/.test(mod.text) && !argModules.includes(mod)) argModules.push(mod);
    // Every use is followed (bounded by the walk's file cap): a helper that builds the optimizer or the DataLoader
    // may be met after the module that runs the step.
    walk.follow(mod, use.symbol, 1);
  }
  // No step in the modules: the script's own loop, with the optimizer the code it uses builds (./reached-optimizer).
  if (!walk.step) return withReachedOptimizer(linker, self, walk.reached, drafts);
  return reachedFacts(linker, self, walk.step, walk.reached, own.length ? drafts : [], argModules, launch);
}

/** An optimizer class constructed in a definition (`torch.optim.AdamW(…)`, `optim.SGD(…)`, `optax.adamw(…)`). */
const BUILDS_OPTIMIZER = /\b(\w*optim\w*|optax|Adam\w*|SGD|RMSprop|LARS|LAMB|Adafactor|Lion)\b[\w.]*\s*\(/i;

/**
 * The optimizer built by the repository helpers a script imports and calls (`from app.utils import init_opt` whose
 * `init_opt` builds `torch.optim.AdamW`), read by the engine's optimizer reader in that module; none when the
 * helpers disagree.
 */
export function importedOptimizer(linker: Linker, file: string, text: string, root: SyntaxNode) {
  if (!linker.parser) return undefined;
  const walk = new ImportWalk(linker, importRoots(linker, file, text), new Set());
  const found = new Map<string, ReturnType<typeof optimizerFact>>();
  for (const b of importBindings(root)) {
    if (!b.symbol || /^(torch|numpy|os|sys|transformers|tensorflow|jax|optax)\b/.test(b.module)) continue;
    if (!new RegExp(`\\b${b.local}\\s*\\(`).test(text)) continue;
    let mod = walk.module(file, b.module);
    let def = mod && definitionOf(mod.root, b.symbol);
    // A package that re-exports the helper (`from .build import make_optimizer` in `solver/__init__.py`).
    if (mod && def?.kind === 'import' && def.binding.symbol) {
      mod = walk.module(mod.file, def.binding.module);
      def = mod && definitionOf(mod.root, def.binding.symbol);
    }
    if (!mod || def?.kind !== 'def') continue;
    // A model class whose method the script calls builds it (nanoGPT's `model.configure_optimizers(…)`): only what
    // those methods construct counts, not another class of the module.
    const within =
      def.node.type === 'class_definition'
        ? [...methodsOf(def.node)]
            .filter(([name]) => new RegExp(`\\.${name}\\s*\\(`).test(text))
            .map(([, fn]) => fn)
            .filter((fn) => BUILDS_OPTIMIZER.test(fn.text))
        : BUILDS_OPTIMIZER.test(def.node.text)
          ? [def.node]
          : [];
    if (within.length === 0) continue;
    const calls = findCalls(mod.root, mod.text, ['add_argument']);
    const values = new ValueResolver(mod.root, calls);
    let o = optimizerFact(linker.id(mod.file), mod.text, mod.root, values);
    const at = o?.span?.start;
    // A module whose other classes build other optimizers: what the called methods alone construct.
    if (
      def.node.type === 'class_definition' &&
      (at === undefined || !within.some((f) => at >= f.startIndex && at < f.endIndex))
    ) {
      const each = within.map((f) => optimizerFact(linker.id(mod.file), mod.text, f, values));
      const kinds = new Set(each.map((x) => (typeof x?.value === 'string' ? x.value : null)));
      o = kinds.size === 1 && !kinds.has(null) ? each[0] : undefined;
    }
    if (o && typeof o.value === 'string') found.set(o.value, o);
  }
  return found.size === 1 ? [...found.values()][0] : undefined;
}

/**
 * A run whose entry script builds no optimizer it can see: the one the repository helpers or model class it imports
 * and calls build (llama2.c's and nanoGPT's `model.configure_optimizers(…)` in model.py), when they agree.
 */
export function withImportedOptimizer(linker: Linker, drafts: RunDraft[]): RunDraft[] {
  if (!linker.parser) return drafts;
  for (const d of drafts) {
    const entry = d.plan.entry.file;
    if (!/\.py$/.test(entry) || d.plan.facts.has('optimizer')) continue;
    const text = linker.read(path.resolve(entry));
    if (!text || !/\.\w*optim\w*\s*\(|\b\w*optim\w*\s*\(/i.test(text)) continue;
    const root = cachedTree(path.resolve(entry), text, linker.parser).rootNode;
    const o = importedOptimizer(linker, entry, text, root);
    if (!o || typeof o.value !== 'string') continue;
    d.plan.facts.set('optimizer', o);
    if (o.span && o.file) d.plan.relevantSpans.push({ file: o.file, span: o.span, key: 'optimizer' });
  }
  return drafts;
}
