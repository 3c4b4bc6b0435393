// A run defined by a config file (axolotl, LLaMA-Factory, torchtune, Lightning CLI, HF-args): the file's fields,
// overlaid by launcher `key=value` overrides, through the format's schema, plus the format's defaults. The editor
// writes each field where it is set (the override, else the file), adding missing keys to the file.
import type { Fact, FactKey, FactValue, RunPlan } from '../types';
import type { ConfigDoc } from './config-doc';
import { fieldEditor, mergeFields, type Fields, type Schema } from './fields';
import type { FieldLayer, Ref, RunDraft } from './run-draft';

export interface ConfigRunSpec {
  doc: ConfigDoc;
  framework: string;
  kind: string;
  label: string;
  schema: Schema;
  fields: Fields;
  /** Field name → where it lives in the file (default: a top-level key of that name). */
  pathOf?: (name: string) => string[] | undefined;
  defaults: (facts: Map<FactKey, Fact>, fields: Fields) => void;
  /** Key the run is anchored on (findings about unwritten settings go there). */
  entryKey: string[];
  refs?: Ref[];
  envPrecision?: RunDraft['envPrecision'];
  adjust?: RunDraft['adjust'];
}

export function configRun(spec: ConfigRunSpec, layers: FieldLayer[] = []): RunDraft {
  const { doc } = spec;
  const merged = mergeFields(spec.fields, ...layers.map((l) => l.fields));
  const facts = new Map<FactKey, Fact>();
  for (const f of spec.schema.toFacts(merged, { complete: true })) facts.set(f.key, f);
  spec.defaults(facts, merged);
  const own = {
    fields: spec.fields,
    write: (name: string, v: FactValue) => {
      const path = spec.pathOf ? spec.pathOf(name) : [name];
      return path ? doc.set(path, v) : undefined;
    },
  };
  const plan: RunPlan = {
    framework: spec.framework,
    entry: { file: doc.file, span: doc.keySpan(spec.entryKey), label: spec.label },
    files: [...new Set([doc.file, ...[...merged.values()].map((f) => f.file)])],
    facts,
    edit: fieldEditor(spec.schema, [own, ...layers]),
    relevantSpans: [
      { file: doc.file, span: doc.keySpan(spec.entryKey), key: 'model' as FactKey },
      ...[...facts.values()].filter((f) => f.span && f.file).map((f) => ({ file: f.file!, span: f.span!, key: f.key })),
    ],
  };
  return {
    plan,
    kind: spec.kind,
    schema: spec.schema,
    rebuild: (more) => configRun(spec, [...layers, ...more]),
    envPrecision: spec.envPrecision ?? 'never',
    openEnded: false,
    refs: spec.refs ?? [],
    adjust: spec.adjust,
  };
}

/** A `deepspeed:` key naming a JSON file. */
export function deepspeedRef(doc: ConfigDoc, key = 'deepspeed'): Ref[] {
  const f = doc.field([key]);
  return f && typeof f.value === 'string' && /\.json$/i.test(f.value)
    ? [{ path: f.value, role: 'deepspeed', file: doc.file, span: f.span }]
    : [];
}
