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
  importBindings,
  importedUses,
  type ImportBinding,
  type ImportedUse,
} from '../extract/python-imports';
import { isTestModule } from '../extract/python-trains';
import type { Linker } from './linker';
import { reachedFacts } from './imports-merge';
import { starModules } from './imported-constants';
import { ImportWalk, importRoots, type Mod } from './import-walk';
import { withRepoOptimizer } from './repo-optimizer';
import { withRepoLoader } from './repo-loader';
import { withRepoWorkers } from './repo-loader-workers';
import type { LaunchCommand } from '../extract/launcher';
import { nodesOfType } from '../parse/nodes-of-type';
import { frameworkRunOf } from './framework-step';

/** Module or function names that say they run training (`trainer`, `engine`, `solver`, `train_one_epoch`). */
const TRAINING_NAME = /train|solver|engine|runner|learner|\bexp\b|exp_|fit/i;
/** Runs whose loop a framework owns (HF Trainer, Lightning, Keras, JAX): a local module adds nothing to them. */
const FRAMEWORK_KINDS = new Set(['hf', 'lightning', 'keras', 'jax', 'tfjs', 'nanogpt']);

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

/**
 * `from classifier import *` of a repository module: the names the script calls that it neither defines nor imports
 * by name, where that module defines them, as if imported by name (Python reference, "The import statement": a
 * wildcard binds every public name of the module that does not begin with an underscore, or those `__all__` lists).
 */
function starBindings(walk: ImportWalk, self: Mod): ImportBinding[] {
  const stars = starModules(self.root);
  if (stars.length === 0) return [];
  const out: ImportBinding[] = [];
  const called = new Set<string>();
  for (const c of nodesOfType(self.root, 'call')) {
    const f = c?.childForFieldName('function');
    if (f?.type === 'identifier' && !f.text.startsWith('_')) called.add(f.text);
  }
  for (const star of stars) {
    const mod = walk.module(self.file, star);
    if (!mod) continue;
    const all = /^__all__\s*=/m.test(mod.text);
    for (const name of called) {
      if (definitionOf(self.root, name) || out.some((b) => b.local === name)) continue;
      const def = definitionOf(mod.root, name);
      if (def?.kind !== 'def' || (all && !new RegExp(`__all__[^\\]]*['"]${name}['"]`).test(mod.text))) continue;
      out.push({ local: name, module: star, symbol: name });
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
  const self: Mod = { file: path.resolve(file), text, root };
  const walk = new ImportWalk(linker, importRoots(linker, file, text), attributeCalls(root));
  const bindings = [
    ...importBindings(root).filter((b) => !/^(torch|numpy|os|sys)\b/.test(b.module)),
    ...starBindings(walk, self),
  ];
  if (bindings.length === 0) return drafts;
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
    // `import options` whose package `__init__.py` star-imports the module that declares them (`from .parse import *`).
    for (const star of /\bimport\s+\*/.test(mod.text) ? starModules(mod.root) : []) {
      const sub = walk.module(mod.file, star);
      if (sub && /\badd_argument\s*\(/.test(sub.text) && !argModules.includes(sub)) argModules.push(sub);
    }
    // Every use is followed (bounded by the walk's file cap): a helper that builds the optimizer or the DataLoader
    // may be met after the module that runs the step.
    walk.follow(mod, use.symbol, 1);
  }
  // No step in the modules: the script's own loop, with the optimizer the code it uses builds (./repo-optimizer)
  // and the batch it hands the helper that builds its DataLoader (./repo-loader).
  // Its loader's workers likewise (./repo-loader-workers).
  const loader = (runs: RunDraft[]) => withRepoWorkers(linker, self, withRepoLoader(linker, self, runs));
  // A framework's loop in a module (a Keras `fit`, a Hugging Face `trainer.train()`): the run where the script has
  // none, or only what the shared vocabulary read of its options (./framework-step).
  const fw = walk.frameworkStep;
  if (!walk.step && fw && own.every((d) => d.kind === 'vocab')) {
    const run = frameworkRunOf(linker, fw.mod);
    if (run) return reachedFacts(linker, self, fw, walk.reached, own.length ? drafts : [], argModules, launch, run);
  }
  if (!walk.step) return loader(withRepoOptimizer(linker, self, drafts, walk.reached));
  return loader(reachedFacts(linker, self, walk.step, walk.reached, own.length ? drafts : [], argModules, launch));
}
