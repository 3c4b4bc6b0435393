// The optimizer a script gets from a method of its own model class: nanoGPT and its descendants write
// `optimizer = model.configure_optimizers(weight_decay, learning_rate, (beta1, beta2), device_type)`, the class
// imported from the project's model module (`from model import GPTConfig, GPT`), whose method builds
// `torch.optim.AdamW(optim_groups, …)`. The method is looked for in each class the script imports from its own
// modules and read with ../extract/python-optimizer.ts (./model-optimizer `classMethodOptimizer`); the fact is
// `inferred`, and none is given where the classes that define such a method build different optimizers, or where
// the run already states one (a null one included: branches the reader could not decide).
import * as path from 'node:path';
import { definitionOf, importBindings } from '../extract/python-imports';
import type { RunDraft } from '../extract/run-draft';
import { nodesOfType } from '../parse/nodes-of-type';
import type { SyntaxNode } from '../parse/python';
import type { Fact } from '../types';
import { ImportWalk, importRoots } from './imports';
import type { Linker } from './linker';
import { classMethodOptimizer } from './model-optimizer';
import { cachedTree } from './tree-cache';

/** Libraries, never the project's own model class. */
const LIBRARY = /^(torch|numpy|os|sys|transformers|tensorflow|jax|optax|lightning|pytorch_lightning|deepspeed)\b/;

/** Fills `optimizer` in each run of the script (or of the script a config runs with) that states none. */
export function withClassMethodOptimizer(linker: Linker, drafts: RunDraft[]): void {
  if (!linker.parser) return;
  const missing = drafts.filter((d) => !d.plan.facts.has('optimizer'));
  const byEntry = new Map<string, RunDraft[]>();
  for (const d of missing) byEntry.set(d.plan.entry.file, [...(byEntry.get(d.plan.entry.file) ?? []), d]);
  for (const [entry, runs] of byEntry) {
    if (!entry.endsWith('.py')) continue;
    const text = linker.read(entry);
    if (text === undefined || !/optim\w*\s*=\s*[\w.]+\.\w*optim\w*\s*\(/i.test(text)) continue;
    const o = methodOptimizer(linker, entry, text, cachedTree(path.resolve(entry), text, linker.parser).rootNode);
    if (o) for (const d of runs) d.plan.facts.set('optimizer', o);
  }
}

function methodOptimizer(linker: Linker, file: string, text: string, root: SyntaxNode): Fact | undefined {
  // `optimizer = model.configure_optimizers(…)`: a method called on an object, its result named as an optimizer.
  const methods = new Set<string>();
  for (const a of nodesOfType(root, 'assignment')) {
    const right = a?.childForFieldName('right');
    const fn = right?.type === 'call' ? right.childForFieldName('function') : undefined;
    const name = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
    if (name && /optim/i.test(name) && /optim/i.test(a?.childForFieldName('left')?.text ?? '')) methods.add(name);
  }
  if (methods.size === 0) return undefined;
  const walk = new ImportWalk(linker, importRoots(linker, file, text), new Set());
  const found = new Map<string, Fact>();
  for (const b of importBindings(root)) {
    if (!b.symbol || LIBRARY.test(b.module)) continue;
    const mod = walk.module(file, b.module);
    const def = mod && definitionOf(mod.root, b.symbol);
    if (!mod || def?.kind !== 'def' || def.node.type !== 'class_definition') continue;
    for (const m of methods) {
      const o = classMethodOptimizer(linker, mod.file, b.symbol, m);
      if (o && typeof o.value === 'string') found.set(o.value, o);
    }
  }
  return found.size === 1 ? [...found.values()][0] : undefined;
}
