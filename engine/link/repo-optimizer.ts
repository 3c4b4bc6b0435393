// The optimizer a script's run builds in repository code the script uses — one reader for every way the script
// reaches that code:
//  - the definitions an import walk reached from a script whose own loop runs the step (./imports: a TensorFlow 1
//    model class whose `__init__` makes `tf.train.AdamOptimizer(…)` and its train op, its base classes, a helper
//    `optimizer = build_optimizer(args, model)` called before the loop);
//  - the helpers it imports and calls (`from app.utils import init_opt`), through a package that re-exports them
//    (`from .build import make_optimizer` in `solver/__init__.py`);
//  - the methods it calls on an imported class (nanoGPT's and llama2.c's `optimizer = model.configure_optimizers(…)`
//    on `GPT` from model.py), found in the class or its bases of the same module;
//  - a Lightning script's imported LightningModule that `trainer.fit(…)` is handed: its `configure_optimizers()`,
//    which the fit loop calls (`from model import LitModel`, `import models.wav2vec2` … `models.wav2vec2.M(…)`).
// Each definition is read with ../extract/python-optimizer.ts in its own module, counting only the constructions
// inside it and the module's functions it calls; a script that constructs an optimizer itself (or several its reader
// could not choose between) takes none from elsewhere, and definitions that disagree give none (precision before
// recall). A class method's optimizer is `inferred` (the method is code the run calls, not a setting). A function
// handed the run's optimizer builds none of it; a module with no options of its own reads the script's (the script
// hands it its parsed `args`).
import * as path from 'node:path';
import { definitionOf, importBindings, methodsOf, type ImportBinding } from '../extract/python-imports';
import { optimizerFact } from '../extract/python-optimizer';
import { ValueResolver } from '../extract/python-values';
import type { RunDraft } from '../extract/run-draft';
import type { SyntaxNode } from '../parse/python';
import { findCalls, spanOf } from '../parse/python-syntax';
import type { Fact } from '../types';
import { OPTIMIZER_NAMES } from '../vocabulary/optimizers';
import { ImportWalk, importRoots, type Mod } from './import-walk';
import type { Reached } from './imports-merge';
import type { Linker } from './linker';
import { fittedClass } from './fitted-module';
import { withReachedTrainingArgs } from './imported-training-args';
import { cachedTree } from './tree-cache';
import { withDetectron2Optimizer } from './detectron2-optimizer';

/** A construction of an optimizer in a definition's text (`tf.train.AdamOptimizer(`, `optim.SGD(`, `optax.adam(`). */
const BUILDS =
  /\b(\w*Optimizer|\w*optim\w*|optimizers\.\w+|optax|Adam\w*|SGD|RMSprop|Adagrad|Adadelta|LARS|LAMB|Adafactor|Lion)\b[\w.]*\s*\(/i;
/** Libraries, never the project's own code. */
export const LIBRARY =
  /^(torch|numpy|os|sys|transformers|tensorflow|jax|optax|lightning|pytorch_lightning|deepspeed)\b/;
/** Bases of a class followed in its module for a method it inherits. */
const MAX_BASES = 3;

/** Definitions of one module the script uses, and how it uses them (a class's method, or code it calls). */
interface Site {
  mod: Mod;
  defs: SyntaxNode[];
  /** `Cls.method` when the script calls that method of an imported class. */
  method?: string;
}

/**
 * The optimizer the repository code `script` uses builds; undefined unless every definition that builds one agrees.
 * `reached`: the definitions an import walk reached from the script (./imports), read beside what it imports.
 */
export function repoOptimizer(linker: Linker, script: Mod, reached: Reached[] = []): Fact | undefined {
  if (!linker.parser || findCalls(script.root, script.text, OPTIMIZER_NAMES).length > 0) return undefined;
  return agreed(linker, [...reachedSites(reached, new Set([script.file])), ...importedSites(linker, script)], script);
}

/**
 * The optimizer the definitions an import walk reached build outside the modules in `skip` (the script's, the
 * module holding the step, whose own reader has spoken): ./imports-merge, for a run whose step is in a module.
 */
export function reachedOptimizer(linker: Linker, reached: Reached[], skip: Set<string>): Fact | undefined {
  return agreed(linker, reachedSites(reached, skip));
}

/** What the sites build, read once each; undefined unless every one that builds an optimizer agrees. */
function agreed(linker: Linker, sites: Site[], caller?: Mod): Fact | undefined {
  const found: Fact[] = [];
  const seen = new Set<string>();
  for (const s of sites) {
    const key = `${s.mod.file}#${s.defs.map((d) => d.startIndex).join(',')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const o = readSite(linker, s, caller);
    if (o) found.push(o);
  }
  const names = new Set(found.map((f) => f.value));
  return names.size === 1 && typeof found[0].value === 'string' ? found[0] : undefined;
}

/** The script's runs with the optimizer of the code they reach, where they state none. */
export function withRepoOptimizer(linker: Linker, script: Mod, drafts: RunDraft[], reached?: Reached[]): RunDraft[] {
  const id = linker.id(script.file);
  const mine = drafts.filter(
    (d) =>
      (d.plan.entry.file === id || d.plan.files.includes(id)) &&
      (!d.plan.facts.has('optimizer') || d.plan.facts.get('optimizer')?.origin === 'assumed'),
  );
  if (mine.length === 0) return drafts;
  const o = repoOptimizer(linker, script, reached);
  const file = o?.file;
  if (!o || !file) return drafts;
  for (const d of mine) {
    d.plan.facts.set('optimizer', o);
    if (!d.plan.files.includes(file)) d.plan.files = [...d.plan.files, file];
    if (o.span) d.plan.relevantSpans.push({ file, span: o.span, key: 'optimizer' });
  }
  return drafts;
}

/** Each Python entry script's runs that state no optimizer, with the one its repository code builds. */
export function withEntryRepoOptimizer(linker: Linker, drafts: RunDraft[]): RunDraft[] {
  if (!linker.parser) return drafts;
  // TrainingArguments built in the project code the script calls (./imported-training-args).
  withReachedTrainingArgs(linker, drafts);
  // A detectron2 config a launcher passes (`train_net.py --config-file x.yaml`): the optimizer its trainer builds, as
  // for the config analysed alone (./detectron2-optimizer).
  const d2 = drafts.filter((d) => /^detectron2/.test(d.plan.framework) && !d.plan.facts.get('optimizer')?.value);
  for (const config of new Set(d2.map((d) => d.plan.entry.file))) {
    const text = linker.read(path.resolve(config));
    if (text !== undefined)
      withDetectron2Optimizer(
        linker,
        config,
        text,
        d2.filter((d) => d.plan.entry.file === config),
      );
  }
  const entries = new Set(
    drafts
      .filter((d) => /\.py$/.test(d.plan.entry.file) && !d.plan.facts.get('optimizer')?.value)
      .map((d) => d.plan.entry.file),
  );
  for (const entry of entries) {
    const file = path.resolve(entry);
    const text = linker.read(file);
    if (!text) continue;
    const own = drafts.filter((d) => d.plan.entry.file === entry);
    const script = { file, text, root: cachedTree(file, text, linker.parser).rootNode };
    if (own.some((d) => d.plan.framework === 'lightning')) withFittedOptimizer(linker, script, own);
    // The script calls something that makes an optimizer (`init_opt(…)`, `model.configure_optimizers(…)`).
    if (!/\.\w*optim\w*\s*\(|\b\w*optim\w*\s*\(/i.test(text)) continue;
    withRepoOptimizer(linker, script, own);
  }
  return drafts;
}

/**
 * A Lightning script's runs that state no optimizer, with the one the LightningModule it fits builds, when that class
 * is imported from the project (`from model import LitModel` … `trainer.fit(LitModel(), …)`): `Trainer.fit` calls the
 * module's `configure_optimizers()` and steps what it returns
 * (https://lightning.ai/docs/pytorch/stable/common/lightning_module.html#configure-optimizers). Every `fit` call must
 * hand the same class; none when the script constructs an optimizer itself.
 */
function withFittedOptimizer(linker: Linker, script: Mod, drafts: RunDraft[]): void {
  const fits = findCalls(script.root, script.text, ['fit']).filter((c) => c.callee.includes('.'));
  const classes = new Set(fits.map((f) => fittedClass(script.root, f)));
  const cls = classes.size === 1 ? [...classes][0] : undefined;
  if (!cls || findCalls(script.root, script.text, OPTIMIZER_NAMES).length > 0) return;
  const def = importedClass(linker, script, cls);
  const o = def && methodOptimizer(linker, def.mod, def.node, 'configure_optimizers');
  const file = o?.file;
  if (!o || !file) return;
  for (const d of drafts) {
    if (d.plan.facts.get('optimizer')?.value) continue;
    d.plan.facts.set('optimizer', o);
    if (!d.plan.files.includes(file)) d.plan.files = [...d.plan.files, file];
    if (o.span) d.plan.relevantSpans.push({ file, span: o.span, key: 'optimizer' });
  }
}

/**
 * The project class a script calls `cls` by: a name it imports (`from model import LitModel`, through a package's
 * re-export), or `mod.Cls` of a module it imports (`import models.wav2vec2` … `models.wav2vec2.Wav2Vec2Module(…)`,
 * `from models import wav2vec2` … `wav2vec2.Wav2Vec2Module(…)`). Never a library's.
 */
export function importedClass(linker: Linker, script: Mod, cls: string): { mod: Mod; node: SyntaxNode } | undefined {
  const dot = cls.lastIndexOf('.');
  const [prefix, symbol] = dot < 0 ? ['', cls] : [cls.slice(0, dot), cls.slice(dot + 1)];
  let b: ImportBinding | undefined;
  for (const x of importBindings(script.root)) {
    if (!prefix && x.local === symbol && x.symbol) b = x;
    else if (prefix && x.local === prefix)
      b = {
        local: symbol,
        symbol,
        module: !x.symbol ? x.module : x.module.endsWith('.') ? `${x.module}${x.symbol}` : `${x.module}.${x.symbol}`,
      };
  }
  if (!b || LIBRARY.test(b.module)) return undefined;
  const found = new ImportWalk(linker, importRoots(linker, script.file, script.text), new Set()).importedDef(
    script.file,
    b,
  );
  return found?.node.type === 'class_definition' ? found : undefined;
}

/**
 * The optimizer method `name` of class `cls` (or of a base class of its module) in module file `file` builds: the
 * LightningModule a config names (./model-optimizer), read like the methods a script calls.
 */
export function classMethodOptimizer(linker: Linker, file: string, cls: string, name: string): Fact | undefined {
  const text = linker.read(file);
  if (text === undefined || !linker.parser) return undefined;
  const mod: Mod = {
    file: path.resolve(file),
    text,
    root: cachedTree(path.resolve(file), text, linker.parser).rootNode,
  };
  const def = definitionOf(mod.root, cls);
  return def?.kind === 'def' && def.node.type === 'class_definition'
    ? methodOptimizer(linker, mod, def.node, name)
    : undefined;
}

/** The optimizer method `name` of class node `cls` (or of a base class of its module) builds. */
export function methodOptimizer(linker: Linker, mod: Mod, cls: SyntaxNode, name: string): Fact | undefined {
  const fn = classMethods(mod.root, cls, 0).get(name);
  const clsName = cls.childForFieldName('name')?.text ?? '';
  return fn && readSite(linker, { mod, defs: [fn], method: `${clsName}.${name}` });
}

/** Definitions the walk reached in modules other than `skip` that construct something, by module. */
function reachedSites(reached: Reached[], skip: Set<string>): Site[] {
  const byModule = new Map<string, Site>();
  for (const r of reached) {
    if (skip.has(r.mod.file) || !BUILDS.test(r.def.text) || takesOptimizer(r.def)) continue;
    const s = byModule.get(r.mod.file) ?? { mod: r.mod, defs: [] };
    s.defs.push(r.def);
    byModule.set(r.mod.file, s);
  }
  return [...byModule.values()];
}

/** The helpers the script imports and calls, and the methods it calls on the classes it imports. */
function importedSites(linker: Linker, script: Mod): Site[] {
  const out: Site[] = [];
  const walk = new ImportWalk(linker, importRoots(linker, script.file, script.text), new Set());
  for (const b of importBindings(script.root)) {
    if (!b.symbol || LIBRARY.test(b.module)) continue;
    if (!new RegExp(`\\b${b.local}\\b`).test(script.text.replace(/^\s*(from|import)\b[^\n]*/gm, ''))) continue;
    const found = walk.importedDef(script.file, b);
    if (!found) continue;
    const { mod, node: def } = found;
    if (def.type === 'class_definition') {
      for (const [name, fn] of classMethods(mod.root, def, 0))
        if (new RegExp(`\\.${name}\\s*\\(`).test(script.text) && BUILDS.test(fn.text))
          out.push({ mod, defs: [fn], method: `${b.symbol}.${name}` });
    } else if (new RegExp(`\\b${b.local}\\s*\\(`).test(script.text) && BUILDS.test(def.text) && !takesOptimizer(def))
      out.push({ mod, defs: [def] });
  }
  return out;
}

/**
 * A function handed the run's optimizer (a parameter `optimizer`/`optim`/`optimizers`, or one annotated
 * `Optimizer`) uses it: what it constructs is another one (torchft's DiLoCo outer SGD over the inner optimizer's
 * parameters, a copy for a look-ahead), not the run's.
 */
function takesOptimizer(def: SyntaxNode): boolean {
  if (def.type !== 'function_definition') return false;
  for (const p of def.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!p) continue;
    const name = p.type === 'identifier' ? p : (p.childForFieldName('name') ?? p.namedChildren[0]);
    const type = p.childForFieldName('type')?.text ?? '';
    const value = p.childForFieldName('value');
    if (value && value.type !== 'none') continue; // `optimizer='adam'`: a name to build from
    if (/^(optimizer|optim|optimizers)$/.test(name?.text ?? '') || /\bOptimizer\b/.test(type)) return true;
  }
  return false;
}

/** A class's methods with those it inherits from bases defined in the same module (its own first). */
export function classMethods(root: SyntaxNode, cls: SyntaxNode, depth: number): Map<string, SyntaxNode> {
  const out = methodsOf(cls);
  if (depth >= MAX_BASES) return out;
  for (const b of cls.childForFieldName('superclasses')?.namedChildren ?? []) {
    const base = b?.type === 'identifier' ? definitionOf(root, b.text) : undefined;
    if (base?.kind !== 'def' || base.node.type !== 'class_definition') continue;
    for (const [name, fn] of classMethods(root, base.node, depth + 1)) if (!out.has(name)) out.set(name, fn);
  }
  return out;
}

/**
 * What a site's definitions construct, with the module's functions they call by name. A module that declares no
 * options of its own reads the options of the script that calls it (`model_train(inputs, blocks, args)` whose
 * `if opt == 'RMSProp':` tests `args.opt`): the branch the script's defaults take.
 */
function readSite(linker: Linker, s: Site, caller?: Mod): Fact | undefined {
  const { mod } = s;
  const own = findCalls(mod.root, mod.text, ['add_argument']);
  const options = own.length === 0 && caller ? findCalls(caller.root, caller.text, ['add_argument']) : own;
  const values = new ValueResolver(mod.root, options);
  const within = [...s.defs, ...s.defs.flatMap((d) => calledFunctions(mod.root, d))];
  const o = optimizerFact(linker.id(mod.file), mod.text, mod.root, values, within);
  if (!o || typeof o.value !== 'string') return undefined;
  const base = path.basename(mod.file);
  if (s.method)
    return {
      ...o,
      origin: 'inferred',
      span: spanOf(s.defs[0].childForFieldName('name') ?? s.defs[0]),
      note: `${o.note} in ${s.method}() (${base})`,
    };
  return { ...o, note: `${o.note}, in ${base} (built by code the script uses)` };
}

/** Top-level functions of the module that a definition calls by name (`return _build(cfg.name, params)`). */
function calledFunctions(root: SyntaxNode, def: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const m of def.text.matchAll(/(?<![.\w])([A-Za-z_]\w*)\s*\(/g)) {
    const d = definitionOf(root, m[1]);
    if (d?.kind === 'def' && d.node.type === 'function_definition' && d.node.id !== def.id && !out.includes(d.node))
      out.push(d.node);
  }
  return out;
}
