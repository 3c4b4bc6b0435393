// A Lightning script's `trainer.fit(model)` whose LightningModule is a class of the project, imported from a module
// of its own (`from lit_t5 import LitT5` … `trainer.fit(LitT5(2))`). Lightning's fit loop runs the module's
// `validation_step` over its `val_dataloader` (or the loaders `fit` is given) after every training epoch —
// `check_val_every_n_epoch` defaults to 1 (https://lightning.ai/docs/pytorch/stable/common/trainer.html) — so the run
// validates every epoch although the script's own text defines no step (GML601 reads `validation` with
// `early_stopping`). The `fit` call, which hands the validating module to the Trainer, is then where this file shows
// the run going on with no EarlyStopping callback: the default `early_stopping` fact is placed there.
import * as path from 'node:path';
import { definitionOf, importBindings, methodsOf } from '../extract/python-imports';
import type { RunDraft } from '../extract/run-draft';
import type { SyntaxNode } from '../parse/python';
import { findCalls, spanOf, type CallSite } from '../parse/python-syntax';
import { ImportWalk, importRoots } from './import-walk';
import type { Linker } from './linker';
import { cachedTree } from './tree-cache';

/** Fills `validation` of each Lightning run fitted on an imported module that validates, and places its stopper fact. */
export function withFittedModule(linker: Linker, drafts: RunDraft[]): RunDraft[] {
  if (!linker.parser) return drafts;
  for (const d of drafts) {
    if (d.plan.facts.has('validation')) continue;
    const one = oneFit(linker, d);
    if (!one) continue;
    const { file, text, root, fit } = one;
    const v = importedValidation(linker, file, text, root, fit);
    if (!v) continue;
    // Where this file shows the validation: the `fit` call that hands the validating module to the Trainer.
    const stop = d.plan.facts.get('early_stopping');
    if (stop?.value === false && stop.origin === 'framework-default' && !stop.file)
      d.plan.facts.set('early_stopping', { ...stop, file: d.plan.entry.file, span: spanOf(fit.node) });
    d.plan.facts.set('validation', {
      key: 'validation',
      value: true,
      origin: 'explicit',
      file: linker.id(v.file),
      span: spanOf(v.node),
      note: `${v.cls}.validation_step(…) (${path.basename(v.file)}) runs every epoch over its validation loader`,
    });
  }
  return drafts;
}

/**
 * The entry script of a Lightning run and its one `<trainer>.fit(…)` call (the run it starts is the one the plan
 * describes); none for another framework, a script that fits twice or not at all. Shared with ./fitted-loader.
 */
export function oneFit(
  linker: Linker,
  d: RunDraft,
): { file: string; text: string; root: SyntaxNode; fit: CallSite } | undefined {
  const entry = d.plan.entry.file;
  if (!linker.parser || d.plan.framework !== 'lightning' || !/\.py$/.test(entry)) return undefined;
  const file = path.resolve(entry);
  const text = linker.read(file);
  if (!text || !/\.fit\s*\(/.test(text)) return undefined;
  const root = cachedTree(file, text, linker.parser).rootNode;
  const fits = findCalls(root, text, ['fit']).filter((c) => c.name === 'fit' && c.callee.includes('.'));
  return fits.length === 1 ? { file, text, root, fit: fits[0] } : undefined;
}

/**
 * The class `fit` is handed: `fit(Cls(…))`, or a name the script binds to `Cls(…)` (every binding the same class;
 * `model = model.to(device)` keeps it: a module's `to`/`cuda` return the module itself). Written as called: `Cls`, or
 * `pkg.mod.Cls` for a class reached through an imported module (`import models.wav2vec2`).
 */
export function fittedClass(root: SyntaxNode, fit: CallSite): string | undefined {
  const arg = fit.kwargs.get('model')?.value ?? fit.positional[0];
  const classOf = (n: SyntaxNode | null | undefined) => {
    const callee = n?.type === 'call' ? n.childForFieldName('function')?.text : undefined;
    // `Cls(…)`, `Cls.load_from_checkpoint(…)`, `mod.Cls(…)`.
    const m = callee && /^((?:[A-Za-z_]\w*\.)*[A-Z]\w*)(\.load_from_checkpoint)?$/.exec(callee);
    return m ? m[1] : undefined;
  };
  if (arg?.type === 'call') return classOf(arg);
  if (arg?.type !== 'identifier') return undefined;
  const self = new RegExp(`^${arg.text}\\.(to|cuda|cpu|float|half|double|train)\\s*\\(`);
  const bound = root
    .descendantsOfType('assignment')
    .filter((a) => a?.childForFieldName('left')?.text === arg.text)
    .map((a) => a?.childForFieldName('right'))
    .filter((r) => !self.test(r?.text ?? ''))
    .map(classOf);
  return bound.length > 0 && bound.every((c) => c && c === bound[0]) ? bound[0] : undefined;
}

/**
 * The imported class's `validation_step` (its own, or a base class's of the same module), when the run has validation
 * data: the class's `val_dataloader`, or a datamodule handed to `fit`.
 */
function importedValidation(linker: Linker, file: string, text: string, root: SyntaxNode, fit: CallSite) {
  const cls = fittedClass(root, fit);
  const b = cls ? importBindings(root).find((x) => x.local === cls && x.symbol) : undefined;
  if (!cls || !b?.symbol) return undefined;
  const mod = new ImportWalk(linker, importRoots(linker, file, text), new Set()).module(file, b.module);
  const def = mod && definitionOf(mod.root, b.symbol);
  if (!mod || def?.kind !== 'def' || def.node.type !== 'class_definition') return undefined;
  const methods = new Map(methodsOf(def.node));
  // Bases defined in the same module (`class LitFineT5(LitBase)`), one level up.
  for (const base of def.node.childForFieldName('superclasses')?.namedChildren ?? []) {
    const d = base?.type === 'identifier' ? definitionOf(mod.root, base.text) : undefined;
    if (d?.kind === 'def' && d.node.type === 'class_definition')
      for (const [k, v] of methodsOf(d.node)) if (!methods.has(k)) methods.set(k, v);
  }
  const step = methods.get('validation_step');
  // (Loaders handed to `fit` itself are the script's own validation, read by ../extract/lightning.)
  const data = methods.has('val_dataloader') || fit.kwargs.has('datamodule');
  const node = step?.childForFieldName('name');
  return node && data ? { file: mod.file, node, cls: b.symbol } : undefined;
}
