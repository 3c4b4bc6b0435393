// One view over a parsed YAML or JSON config: keys, scalar fields with spans, and an in-place setter, so each
// format's extractor is written once for both syntaxes.
import { isMap, isSeq, type Document } from 'yaml';
import { jsonGet, jsonKeys, jsonPropertySpan, jsonScalar, jsonSetEdits, parseJson, type JsonNode } from '../parse/json';
import { pairSpan, parseYaml, yamlGet, yamlKeys, yamlPair, yamlScalar, yamlSetEdits, yamlSpan } from '../parse/yaml';
import type { FactValue, OffsetEdit, Span } from '../types';
import type { Field, Fields } from './fields';

export interface ConfigDoc {
  file: string;
  text: string;
  syntax: 'yaml' | 'json';
  errors: string[];
  keys(path?: string[]): string[];
  has(path: string[]): boolean;
  /** A scalar (or unreadable) field at `path`, named `name` (default: the last key). */
  field(path: string[], name?: string): Field | undefined;
  /** Length of a sequence at `path` (0 when not a sequence). */
  length(path: string[]): number;
  set(path: string[], value: FactValue): OffsetEdit[] | undefined;
  /** Span of a key (for run entries), or of the whole document. */
  keySpan(path: string[]): Span;
}

const short = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);

export function yamlConfig(file: string, text: string): ConfigDoc | undefined {
  const { doc, errors } = parseYaml(text);
  if (!doc || !isMap(doc.contents)) return undefined;
  const d = doc as Document;
  return {
    file,
    text,
    syntax: 'yaml',
    errors,
    keys: (path = []) => yamlKeys(path.length ? yamlGet(d, path) : d.contents),
    has: (path) => yamlPair(d, path).pair !== undefined,
    field(path, name) {
      const { pair, node } = yamlPair(d, path);
      const span = pairSpan(pair);
      if (!pair || !span) return undefined;
      const value = yamlScalar(node);
      return {
        name: name ?? path[path.length - 1],
        value: node === undefined || node === null ? null : value,
        file,
        span,
        text: short(text.slice(span.start, span.end).replace(/\s+/g, ' ')),
      };
    },
    length: (path) => {
      const n = yamlGet(d, path);
      return isSeq(n) ? n.items.length : 0;
    },
    set: (path, value) => yamlSetEdits(file, text, d, path, value),
    keySpan: (path) =>
      yamlSpan(yamlPair(d, path).pair?.key as { range?: [number, number, number] }) ?? {
        start: 0,
        end: Math.min(text.length, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n')),
      },
  };
}

export function jsonConfig(file: string, text: string): ConfigDoc | undefined {
  const { root, errors } = parseJson(text);
  if (root?.type !== 'object') return undefined;
  const get = (path: (string | number)[]): JsonNode | undefined =>
    path.length
      ? jsonGet(
          root,
          path.map((p) => (typeof p === 'string' && /^\d+$/.test(p) ? Number(p) : p)),
        )
      : root;
  return {
    file,
    text,
    syntax: 'json',
    errors,
    keys: (path = []) => jsonKeys(get(path)),
    has: (path) => get(path) !== undefined,
    field(path, name) {
      const node = get(path);
      const span = jsonPropertySpan(node);
      if (!node || !span) return undefined;
      return {
        name: name ?? path[path.length - 1],
        value: jsonScalar(node),
        file,
        span,
        text: short(text.slice(span.start, span.end).replace(/\s+/g, ' ')),
      };
    },
    length: (path) => get(path)?.children?.length ?? 0,
    set: (path, value) => jsonSetEdits(file, text, path, value),
    keySpan: (path) => {
      const n = get(path);
      const key = n?.parent?.type === 'property' ? n.parent.children?.[0] : undefined;
      return key ? { start: key.offset, end: key.offset + key.length } : { start: root.offset, end: root.offset + 1 };
    },
  };
}

/**
 * Parsed configs kept between analyses, keyed by name and text: a config is read by its own analysis and again by
 * each script and launcher that links it. A ConfigDoc is never mutated (edits are computed, not applied).
 */
const DOCS = new Map<string, { text: string; doc: ConfigDoc | undefined }>();
const MAX_CACHED_DOCS = 128;

export function configDoc(file: string, text: string): ConfigDoc | undefined {
  if (/\.(toml|gin)$/i.test(file)) return undefined;
  const hit = DOCS.get(file);
  if (hit && hit.text === text) return hit.doc;
  const doc = /\.jsonc?$/i.test(file) ? jsonConfig(file, text) : yamlConfig(file, text);
  DOCS.delete(file);
  DOCS.set(file, { text, doc });
  for (const k of DOCS.keys()) {
    if (DOCS.size <= MAX_CACHED_DOCS) break;
    DOCS.delete(k);
  }
  return doc;
}

/** Top-level scalar fields (or those under `base`), by name. */
export function topFields(doc: ConfigDoc, base: string[] = []): Fields {
  const out: Fields = new Map();
  for (const k of doc.keys(base)) {
    const f = doc.field([...base, k], k);
    if (f) out.set(k, f);
  }
  return out;
}
