// The optimizer of a script whose training step runs in the script itself while the optimizer is built in repository
// code it uses: a TensorFlow 1 model class that makes `self.optimizer = tf.train.AdamOptimizer(…)` and its train op
// while the script runs `sess.run(model.opt_op)`, a helper `optimizer = build_optimizer(args, model)` called before
// the script's own loop. The engine's optimizer reader reads that module, counting only the constructions inside the
// definitions the script reaches (the class it instantiates, its base classes, the helper it calls), for a run whose
// own file constructs no optimizer; several that disagree give none (precision before recall).
import { findCalls } from '../parse/python-syntax';
import { optimizerFact } from '../extract/python-optimizer';
import { ValueResolver } from '../extract/python-values';
import type { RunDraft } from '../extract/run-draft';
import { OPTIMIZER_NAMES } from '../vocabulary/optimizers';
import type { Fact } from '../types';
import type { Linker } from './linker';
import type { Mod } from './imports';
import type { Reached } from './imports-merge';

/** A construction of an optimizer in a definition's text (`tf.train.AdamOptimizer(`, `optim.SGD(`, `optax.adam(`). */
const BUILDS = /\b(\w*Optimizer|optim\.\w+|optimizers\.\w+|optax\.\w+|Adam\w*|SGD|RMSprop|Adagrad|Adadelta)\s*\(/;

/** The optimizer the definitions the script reaches build, read in their modules; undefined unless all agree. */
export function reachedOptimizer(linker: Linker, script: Mod, reached: Reached[]): Fact | undefined {
  // The script constructs an optimizer of its own (or several its reader could not choose between): not filled.
  if (findCalls(script.root, script.text, OPTIMIZER_NAMES).length > 0) return undefined;
  const byModule = new Map<string, Reached[]>();
  for (const r of reached)
    if (r.mod.file !== script.file && BUILDS.test(r.def.text))
      byModule.set(r.mod.file, [...(byModule.get(r.mod.file) ?? []), r]);
  const found: Fact[] = [];
  for (const group of byModule.values()) {
    const mod = group[0].mod;
    const values = new ValueResolver(mod.root, findCalls(mod.root, mod.text, ['add_argument']));
    const defs = group.map((r) => r.def);
    const o = optimizerFact(linker.id(mod.file), mod.text, mod.root, values, defs);
    if (o) found.push(o);
  }
  const names = new Set(found.map((f) => f.value));
  if (names.size !== 1 || typeof found[0].value !== 'string') return undefined;
  const f = found[0];
  return { ...f, note: `${f.note}, in ${(f.file ?? '').split('/').pop()} (built by code the script uses)` };
}

/** The script's own runs with the optimizer of the code they reach, where they state none. */
export function withReachedOptimizer(linker: Linker, script: Mod, reached: Reached[], drafts: RunDraft[]): RunDraft[] {
  const id = linker.id(script.file);
  const mine = drafts.filter(
    (d) =>
      (d.plan.entry.file === id || d.plan.files.includes(id)) &&
      (!d.plan.facts.has('optimizer') || d.plan.facts.get('optimizer')?.origin === 'assumed'),
  );
  if (mine.length === 0) return drafts;
  const o = reachedOptimizer(linker, script, reached);
  const file = o?.file;
  if (!o || !file) return drafts;
  for (const d of mine) {
    d.plan.facts.set('optimizer', o);
    if (!d.plan.files.includes(file)) d.plan.files = [...d.plan.files, file];
    if (o.span) d.plan.relevantSpans.push({ file, span: o.span, key: 'optimizer' });
  }
  return drafts;
}
