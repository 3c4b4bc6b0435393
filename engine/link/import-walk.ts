// The walk from a training script through the repository modules it imports: its local imports resolved within its
// repository (its folder, the folders above it up to a root marker, folders it puts on `sys.path`), through the
// FileReader only, a bounded number of hops and files, to the definitions it uses; whether one of them runs a
// training step (a backward pass). Used by ./imports (the modules a script's run includes), ./repo-optimizer (the
// optimizer built by code the script uses), ./repo-model (the model it builds), ./imported-args and ./imported-constants.
import * as path from 'node:path';
import type { SyntaxNode } from '../parse/python';
import {
  definitionOf,
  holdsStep,
  importBindings,
  methodsOf,
  namesCalled,
  type ImportBinding,
} from '../extract/python-imports';
import { isTestModule } from '../extract/python-trains';
import type { Linker } from './linker';
import { cachedTree } from './tree-cache';
import type { Reached } from './imports-merge';
import { trainsInFramework } from './framework-step';

/** Module hops from the script (script → trainer → its base class → the function it calls). */
const MAX_HOPS = 3;
/** Modules parsed per script, at most. */
const MAX_FILES = 24;
/** Nested follows, at most: a chain through one large module's functions stays far below the call stack's limit. */
const MAX_DEPTH = 48;
/** Folders above the script searched for absolute imports (a repository's root usually is one or two up). */
const MAX_UP = 3;
/** Folders above the module searched, at most, for an absolute import no root resolves (scripts deep below the root). */
const MAX_SEARCH_UP = 6;
/** Files that mark a repository's root: absolute imports are not resolved above it. */
const ROOT_MARKERS = ['.git', 'setup.py', 'setup.cfg', 'pyproject.toml'];

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
  /**
   * The first definition reached that trains through a framework's own loop (a Keras `fit`, a Hugging Face
   * `Trainer(…).train()`, a TensorFlow `apply_gradients`): ./imports takes it where no PyTorch step is reached
   * (./framework-step).
   */
  frameworkStep?: { mod: Mod; def: SyntaxNode };

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
      const m = this.at(base, parts);
      if (m) return m;
    }
    // An absolute import none of those resolves (`from src.models import Net` in `a/b/c/train.py`, run from the
    // repository's root or with it on PYTHONPATH): the folders further up, nearest first, the first where the whole
    // dotted name resolves. Python takes the first `sys.path` entry holding the name (Python reference, "The module
    // search path"); the folder a script is run from is the one its imports resolve in, which the code does not say.
    if (dots > 0 || !parts.length) return undefined;
    // Never above a folder holding a repository's root marker (a sibling repository's module is not this one's).
    let d = path.dirname(path.resolve(from));
    for (let i = 0; i < MAX_SEARCH_UP && !this.linker.listDir(d).some((n) => ROOT_MARKERS.includes(n)); i++) {
      const up = path.dirname(d);
      if (up === d) break;
      d = up;
      const names = this.linker.listDir(d);
      if (bases.includes(d) || (!names.includes(`${parts[0]}.py`) && !names.includes(parts[0]))) continue;
      const m = this.at(d, parts);
      if (m) return m;
    }
    return undefined;
  }

  /** The module `parts` names under the folder `base`, parsed once. */
  private at(base: string, parts: string[]): Mod | undefined {
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
    return undefined;
  }

  /**
   * The function or class an import binding of `from` names: its module, then the definition there, following one
   * re-export of a package (`from .trainer import Trainer` in `__init__.py`); undefined when it is not repository code.
   */
  importedDef(from: string, b: ImportBinding): { mod: Mod; node: SyntaxNode } | undefined {
    if (!b.symbol) return undefined;
    let mod = this.module(from, b.module);
    let def = mod && definitionOf(mod.root, b.symbol);
    if (mod && def?.kind === 'import' && def.binding.symbol) {
      mod = this.module(mod.file, def.binding.module);
      def = mod && definitionOf(mod.root, def.binding.symbol);
    }
    return mod && def?.kind === 'def' ? { mod, node: def.node } : undefined;
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
    if (!this.frameworkStep && trainsInFramework(def, mod.text)) this.frameworkStep = { mod, def };
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
      if (!this.frameworkStep && trainsInFramework(fn, mod.text)) this.frameworkStep = { mod, def: fn };
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
