// YAML parsing with `yaml` (keeps node ranges), never throwing on user text, plus the two edits configs need:
// set a scalar in place, or add a key to a block mapping with the mapping's own indentation.
// Alias bombs: aliases are followed one at a time by `yamlPair` along a path, and nodes are never converted
// wholesale; `yamlToJS` (for small sub-trees) passes `maxAliasCount`, so a billion-laughs file cannot expand.
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import type { FactValue, OffsetEdit, Span } from '../types';

export interface YamlFile {
  doc?: Document;
  /** Syntax errors as "line N: message"; the document may still hold the valid part. */
  errors: string[];
}

export function parseYaml(text: string): YamlFile {
  try {
    const doc = parseDocument(text, { prettyErrors: true, strict: false, uniqueKeys: false });
    const errors = doc.errors.map(
      (e) =>
        `line ${e.linePos?.[0]?.line ?? text.slice(0, e.pos[0]).split('\n').length}: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
    );
    return { doc, errors };
  } catch (e) {
    return { errors: [(e as Error).message] };
  }
}

export type YamlNode = Node;

function deref(doc: Document, node: unknown): unknown {
  if (isAlias(node)) {
    try {
      return node.resolve(doc);
    } catch {
      return undefined;
    }
  }
  return node;
}

/** The top-level mapping, or undefined when the document is not a mapping. */
export function yamlRoot(doc: Document | undefined): YAMLMap | undefined {
  return doc && isMap(doc.contents) ? (doc.contents as YAMLMap) : undefined;
}

/** The pair at `path` (string keys, numeric indices for sequences), following aliases. */
export function yamlPair(doc: Document, path: (string | number)[]): { pair?: Pair; node?: Node } {
  let cur: unknown = doc.contents;
  let pair: Pair | undefined;
  for (const seg of path) {
    cur = deref(doc, cur);
    if (typeof seg === 'number' || (isSeq(cur) && /^\d+$/.test(seg))) {
      if (!isSeq(cur)) return {};
      cur = cur.items[Number(seg)];
      pair = undefined;
    } else {
      if (!isMap(cur)) return {};
      // A duplicated key: the last one wins, as in PyYAML's safe_load (the mapping is built key by key).
      let p: Pair | undefined;
      for (const i of cur.items) if (isPair(i) && isScalar(i.key) && String(i.key.value) === seg) p = i as Pair;
      if (!p) return {};
      pair = p as Pair;
      cur = p.value;
    }
  }
  const node = deref(doc, cur) as Node | undefined;
  return { pair, node: node ?? undefined };
}

export function yamlGet(doc: Document, path: (string | number)[]): Node | undefined {
  return yamlPair(doc, path).node;
}

/** Keys of a mapping node (or of the top level). */
export function yamlKeys(node: unknown): string[] {
  if (!isMap(node)) return [];
  return [
    ...new Set(node.items.filter((i) => isScalar(i.key)).map((i) => String((i.key as { value: unknown }).value))),
  ];
}

/** A scalar's value as a fact value; undefined for mappings, sequences and missing nodes. */
export function yamlScalar(node: unknown): FactValue | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'bigint') return Number(v);
  return undefined;
}

export function yamlSpan(node: { range?: [number, number, number] | null } | undefined | null): Span | undefined {
  const r = node?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}

/** From the key's start to the value's end: what a hover or a finding underlines. */
export function pairSpan(pair: Pair | undefined): Span | undefined {
  const k = yamlSpan(pair?.key as Node | undefined);
  const v = yamlSpan(pair?.value as Node | undefined);
  if (!k) return undefined;
  return { start: k.start, end: v?.end ?? k.end };
}

/** True when the file writes booleans as Python-style `True`/`False` (torchtune's recipes do). */
function capitalisedBooleans(text: string): boolean {
  return (text.match(/:\s+(True|False)\b/g)?.length ?? 0) > (text.match(/:\s+(true|false)\b/g)?.length ?? 0);
}

/** YAML text for a value: plain when unambiguous, double-quoted otherwise. */
export function yamlLiteral(v: FactValue, text = '', quote?: string): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return capitalisedBooleans(text) ? (v ? 'True' : 'False') : String(v);
  if (typeof v === 'number') return String(v);
  if (quote === "'") return `'${v.replace(/'/g, "''")}'`;
  if (quote === '"' || !/^[A-Za-z_][A-Za-z0-9_.\-/]*$/.test(v) || /^(true|false|yes|no|on|off|null|y|n)$/i.test(v))
    return JSON.stringify(v);
  return v;
}

/** The file's indentation step: the smallest indentation of a nested key (2 when there is none). */
function indentUnit(text: string): number {
  let best = 0;
  for (const m of text.matchAll(/^( +)[^\s#-]/gm)) if (best === 0 || m[1].length < best) best = m[1].length;
  return best || 2;
}

function lineIndent(text: string, index: number): string {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/**
 * Edits that set `path` to `value`: a scalar is replaced in place (keeping its quote style); a missing key is added
 * after the last key of its block mapping, at that mapping's indentation; a missing parent mapping is created under
 * the nearest existing one. Undefined when the place is a flow mapping or not a mapping.
 */
export function yamlSetEdits(
  file: string,
  text: string,
  doc: Document,
  path: string[],
  value: FactValue,
): OffsetEdit[] | undefined {
  const { pair, node } = yamlPair(doc, path);
  if (pair) {
    if (node && !isScalar(node)) return undefined;
    const r = yamlSpan(node);
    if (!r) return undefined;
    const raw = text.slice(r.start, r.end);
    const quote = raw.startsWith("'") ? "'" : raw.startsWith('"') ? '"' : undefined;
    return [
      {
        file,
        start: r.start,
        end: r.end,
        newText: yamlLiteral(value, text, typeof value === 'string' ? quote : undefined),
      },
    ];
  }
  // Find the deepest existing mapping along the path.
  let depth = path.length - 1;
  let parent: unknown;
  for (; depth >= 0; depth--) {
    parent = depth === 0 ? doc.contents : yamlGet(doc, path.slice(0, depth));
    if (parent !== undefined) break;
  }
  if (depth < 0) parent = doc.contents;
  if (parent !== null && parent !== undefined && !isMap(parent)) return undefined;
  const map = parent as YAMLMap | null | undefined;
  if (map && (map as { flow?: boolean }).flow) return undefined;
  const rest = path.slice(Math.max(depth, 0));
  const items = map?.items ?? [];
  const last = items[items.length - 1] as Pair | undefined;
  let indent: string;
  let at: number;
  if (last && isScalar(last.key) && last.key.range) {
    indent = lineIndent(text, last.key.range[0]);
    const valueEnd = (last.value as Node | null)?.range?.[1] ?? last.key.range[1];
    // Insert after the line that ends the last pair's value (comments after it stay where they are).
    const eol = text.indexOf('\n', valueEnd - (valueEnd > 0 && text[valueEnd - 1] === '\n' ? 1 : 0));
    at = eol === -1 ? text.length : eol;
  } else if (depth <= 0) {
    indent = '';
    at = text.length;
    while (at > 0 && /\s/.test(text[at - 1])) at--;
  } else {
    return undefined; // an empty nested mapping: no layout to follow
  }
  const step = ' '.repeat(indentUnit(text));
  const lines = rest.map(
    (k, i) => `${indent}${step.repeat(i)}${k}:${i === rest.length - 1 ? ' ' + yamlLiteral(value, text) : ''}`,
  );
  const prefix = at === 0 ? '' : '\n';
  return [{ file, start: at, end: at, newText: prefix + lines.join('\n') + (at === 0 ? '\n' : '') }];
}

/** A small sub-tree as plain data, with aliases capped; undefined when it would expand too far or fails. */
export function yamlToJS(doc: Document, node: unknown): unknown {
  try {
    return (node as { toJS?: (d: Document, o: object) => unknown })?.toJS?.(doc, { maxAliasCount: 50 });
  } catch {
    return undefined;
  }
}

export { isMap, isScalar, isSeq };
