// YAML and JSON/JSONC documents as key paths (the `yaml` and `jsonc-parser` trees, with their ranges).
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import { jsonScalar, jsonSetEdits, parseJson, type JsonNode } from '../../parse/json';
import { parseYaml, yamlScalar, yamlSetEdits, yamlSpan } from '../../parse/yaml';
import { MAX_DEPTH, MAX_ENTRIES, shortText, type Entry, type EntrySet } from './entries';

export function yamlEntries(file: string, text: string): EntrySet | undefined {
  const { doc } = parseYaml(text);
  if (!doc || !isMap(doc.contents)) return undefined;
  const d = doc as Document;
  const entries: Entry[] = [];
  const walk = (node: unknown, path: string[], depth: number) => {
    if (!isMap(node) || depth > MAX_DEPTH) return;
    for (const item of node.items) {
      if (entries.length >= MAX_ENTRIES) return;
      if (!isPair(item) || !isScalar(item.key)) continue;
      const pair = item as Pair;
      const key = String((pair.key as { value: unknown }).value);
      const p = [...path, key];
      const v = pair.value as Node | null;
      const ks = yamlSpan(pair.key as Node);
      const vs = yamlSpan(v);
      if (!ks) continue;
      const span = { start: ks.start, end: vs?.end ?? ks.end };
      if (isMap(v)) {
        walk(v, p, depth + 1);
        continue;
      }
      entries.push({
        path: p,
        value: v === null || v === undefined ? null : isSeq(v) ? undefined : yamlScalar(v),
        items: isSeq(v) ? v.items.length : undefined,
        span,
        text: shortText(text.slice(span.start, span.end)),
        kind: 'value',
        set: isSeq(v) ? undefined : (value) => yamlSetEdits(file, text, d, p, value),
      });
    }
  };
  walk(d.contents, [], 0);
  const base = entries.find((e) => e.path.length === 1 && e.path[0] === '_BASE_' && typeof e.value === 'string');
  return {
    file,
    syntax: 'yaml',
    entries,
    bases: base ? [{ path: String(base.value), span: base.span }] : [],
  };
}

export function jsonEntries(file: string, text: string): EntrySet | undefined {
  const { root } = parseJson(text);
  if (root?.type !== 'object') return undefined;
  const entries: Entry[] = [];
  const walk = (node: JsonNode, path: string[], depth: number) => {
    if (depth > MAX_DEPTH) return;
    for (const prop of node.children ?? []) {
      if (entries.length >= MAX_ENTRIES) return;
      const [k, v] = prop.children ?? [];
      if (!k || typeof k.value !== 'string' || !v) continue;
      const p = [...path, k.value];
      if (v.type === 'object') {
        walk(v, p, depth + 1);
        continue;
      }
      const span = { start: prop.offset, end: prop.offset + prop.length };
      entries.push({
        path: p,
        value: v.type === 'array' ? undefined : jsonScalar(v),
        items: v.type === 'array' ? (v.children?.length ?? 0) : undefined,
        span,
        text: shortText(text.slice(span.start, span.end)),
        kind: 'value',
        set: v.type === 'array' ? undefined : (value) => jsonSetEdits(file, text, p, value),
      });
    }
  };
  walk(root, [], 0);
  return { file, syntax: 'json', entries, bases: [] };
}
