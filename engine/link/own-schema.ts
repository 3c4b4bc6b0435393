// A yacs YAML of a project with a schema of its own (maskrcnn-benchmark and its forks, lufficc/SSD: `_C = CN()` in
// the project's config/defaults.py) is merged over that schema: yacs `merge_from_file` sets only keys the project's
// `_C` defines, and every key the YAML leaves out keeps the schema's value (https://github.com/rbgirshick/yacs,
// README "Usage"). The detectron2 defaults the vocabulary gives a YAML of detectron2's shape (SOLVER, MODEL, INPUT)
// are then not the run's: the schema's values replace those of the settings it holds, and the others are dropped.
// One pass, wherever the config's run comes from (its own run, or the run made over the schema for the script that
// reads it), with or without that script.
import type { EntrySet } from '../extract/generic';
import type { RunDraft } from '../extract/run-draft';
import { vocabRun } from '../extract/vocab-run';
import type { FactKey } from '../types';

/** Settings detectron2's defaults give that are values of its schema (its trainer's behaviour, fp32 and one step per batch, aside). */
const SCHEMA_SETTINGS: FactKey[] = ['save_steps', 'periodic_save', 'num_workers', 'global_batch', 'max_steps'];

/**
 * The config's run over the project's own schema in place of detectron2's defaults (in place). True when the schema
 * is the project's own, so that no later reading puts a detectron2 default back.
 */
export function overOwnSchema(d: RunDraft | undefined, schema: EntrySet | undefined, own: EntrySet[]): boolean {
  if (!d || !schema || d.plan.framework !== 'detectron2') return false;
  // detectron2's own schema (a copy in the tree), or a module that extends it: detectron2's defaults hold.
  if (/(^|\/)detectron2\//.test(schema.file) || schema.entries.some((e) => /detectron2/i.test(String(e.value))))
    return false;
  const read = vocabRun([schema, ...own])?.plan.facts;
  const fromSchema = (k: FactKey) => {
    const s = read?.get(k);
    return s && s.origin !== 'framework-default' && s.file === schema.file && s.value !== null ? s : undefined;
  };
  for (const k of SCHEMA_SETTINGS) {
    const f = d.plan.facts.get(k);
    if (f?.origin !== 'framework-default') continue;
    const s = fromSchema(k) ?? (k === 'periodic_save' && fromSchema('save_steps'));
    if (s && k === 'periodic_save')
      d.plan.facts.set(k, {
        ...s,
        key: k,
        value: 'steps',
        origin: 'inferred',
        note: `${s.note} (the project's schema)`,
      });
    else if (s) d.plan.facts.set(k, { ...s, origin: 'inferred', note: `${s.note} (the project's schema)` });
    else d.plan.facts.delete(k);
  }
  return true;
}
