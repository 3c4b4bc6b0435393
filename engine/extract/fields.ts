// Named settings as a format writes them (`bf16: true` in YAML, `--bf16 True` on a command line, `precision=` in a
// config section), and the schemas that turn them into facts. One schema per framework serves every place its
// settings can be written, so a YAML file, a launcher flag and a config section agree on what a key means.
import type { Fact, FactKey, FactValue, OffsetEdit, Origin, PlanEditor, Span } from '../types';

export interface Field {
  name: string;
  /** The value; undefined when it is written but cannot be read (a shell variable, a non-literal). */
  value: FactValue | undefined;
  file: string;
  /** Key and value, for findings and hovers. */
  span: Span;
  /** As written, for notes. */
  text: string;
  /** Default 'explicit'; 'script-default' for a value the script declares as an argparse/dataclass default. */
  origin?: Origin;
}

export type Fields = Map<string, Field>;

export interface SchemaOptions {
  /**
   * True when these fields are all there is (a config file that is the whole run, or a full command line). A lone
   * `bf16: false` then means fp32; otherwise it only says "not bf16" and a lower layer may still choose fp16.
   */
  complete: boolean;
}

export interface Schema {
  /** Facts the fields determine, each pointing at the field that decided it. */
  toFacts(fields: Fields, opts: SchemaOptions): Fact[];
  /** Field assignments that make the fact changes, or undefined when one of them cannot be written as fields. */
  changes(changes: Partial<Record<FactKey, FactValue>>, fields: Fields): Record<string, FactValue> | undefined;
}

/** Writes one field in its layer's syntax. */
export type FieldWriter = (name: string, value: FactValue) => OffsetEdit[] | undefined;

export const fact = (key: FactKey, value: FactValue, f: Field, note?: string): Fact => ({
  key,
  value,
  origin: f.origin ?? 'explicit',
  file: f.file,
  span: f.span,
  note: note ?? `${f.text}`,
  name: spelled(f.name, f.text),
});

/** The key as the file spells it: a command-line flag with its dashes (`--save-interval`), else the field's name. */
export const spelled = (name: string, text: string): string =>
  /^--?[A-Za-z]/.test(text) ? text.split(/[\s=]/)[0] : name;

export const bool = (v: FactValue | undefined): boolean | undefined => {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  if (v === 0 || v === 1) return v === 1;
  return undefined;
};

export const int = (v: FactValue | undefined): number | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?(e\d+)?$/i.test(v.trim())) return Number(v);
  return undefined;
};

/** A value read from text: booleans, numbers, None/null, else the string itself. */
export function typedValue(s: string): FactValue {
  if (/^(true|false)$/i.test(s)) return s.toLowerCase() === 'true';
  if (/^(none|null)$/i.test(s)) return null;
  if (/^[-+]?(\d[\d_]*\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return Number(s.replace(/_/g, ''));
  return s;
}

/** Fields merged by layer, later layers winning. */
export function mergeFields(...layers: (Fields | undefined)[]): Fields {
  const out: Fields = new Map();
  for (const l of layers) if (l) for (const [k, v] of l) out.set(k, v);
  return out;
}

/**
 * An editor over layered fields: each change becomes field assignments (the schema), each assignment is written
 * where the field is set now (the strongest layer that sets it), or added to the first layer that can add it.
 * Undefined when the edits would span files (a quick fix edits one document).
 */
export function fieldEditor(schema: Schema, layers: { fields: Fields; write: FieldWriter }[]): PlanEditor {
  return (changes) => {
    const merged = mergeFields(...layers.map((l) => l.fields));
    const assignments = schema.changes(changes, merged);
    if (!assignments) return undefined;
    const edits: OffsetEdit[] = [];
    for (const [name, value] of Object.entries(assignments)) {
      const holder = [...layers].reverse().find((l) => l.fields.has(name)) ?? layers[0];
      if (!holder) return undefined;
      const e = holder.write(name, value);
      if (!e) return undefined;
      edits.push(...e);
    }
    if (new Set(edits.map((e) => e.file)).size > 1) return undefined;
    return edits;
  };
}

/**
 * Lightning/Keras/torchtune/axolotl all save "at the end of each epoch" by default: a per-epoch cadence, whatever the
 * number of epochs (with one epoch the note says that the save falls at the end).
 */
export function epochSaveFact(epochs: Fact | undefined, base: Omit<Fact, 'key' | 'value'>, what: string): Fact {
  const one = typeof epochs?.value === 'number' && epochs.value <= 1;
  return {
    ...base,
    key: 'periodic_save',
    value: 'epoch',
    note: one ? `${what} — with ${epochs.value} epoch, the save falls at the end of the run` : what,
  };
}

/** Keyword arguments of a Python call as fields (values resolved without running anything). */
export function kwargFields(
  file: string,
  call: {
    kwargs: Map<string, { name: string; node: { startIndex: number; endIndex: number; text: string }; value: unknown }>;
  },
  resolve: (v: unknown) => { value: FactValue | undefined; via?: string; scriptDefault?: boolean },
  prefix = '',
): Fields {
  const out: Fields = new Map();
  for (const [name, kw] of call.kwargs) {
    const r = resolve(kw.value);
    out.set(prefix + name, {
      name: prefix + name,
      value: r.value,
      file,
      span: { start: kw.node.startIndex, end: kw.node.endIndex },
      text: `${kw.node.text}${r.via ? ` (${r.via})` : ''}`,
      origin: r.scriptDefault ? 'script-default' : 'explicit',
    });
  }
  return out;
}
