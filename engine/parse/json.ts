// JSON (and JSONC: comments, trailing commas) with jsonc-parser (its ESM build: the UMD one does not bundle),
// a tree with offsets, never throwing on user text,
// and edits that set a value in place or add a missing key, following the file's indentation.
import {
  getNodeValue,
  modify,
  parseTree,
  printParseErrorCode,
  type Node,
  type ParseError,
} from 'jsonc-parser/lib/esm/main.js';
import type { FactValue, OffsetEdit, Span } from '../types';

export type JsonNode = Node;

export interface JsonFile {
  root?: Node;
  errors: string[];
}

export function parseJson(text: string): JsonFile {
  const errs: ParseError[] = [];
  try {
    const root = parseTree(text, errs, { allowTrailingComma: true, disallowComments: false }) ?? undefined;
    const errors = errs
      .slice(0, 3)
      .map((e) => `line ${text.slice(0, e.offset).split('\n').length}: ${printParseErrorCode(e.error)}`);
    return { root, errors };
  } catch (e) {
    return { errors: [(e as Error).message] };
  }
}

/**
 * The node at `path`. A duplicated key: the last one wins, as in Python's json module and JavaScript's JSON.parse
 * (jsonc-parser's findNodeAtLocation would return the first).
 */
export function jsonGet(root: Node | undefined, path: (string | number)[]): Node | undefined {
  let node = root;
  for (const seg of path) {
    if (!node) return undefined;
    if (typeof seg === 'string') {
      if (node.type !== 'object') return undefined;
      let found: Node | undefined;
      for (const p of node.children ?? []) if (p.children?.[0]?.value === seg) found = p.children[1];
      node = found;
    } else {
      if (node.type !== 'array') return undefined;
      node = node.children?.[seg];
    }
  }
  return node;
}

/** A scalar's value; undefined for objects, arrays and missing nodes. */
export function jsonScalar(node: Node | undefined): FactValue | undefined {
  if (!node || node.type === 'object' || node.type === 'array') return undefined;
  const v = getNodeValue(node) as unknown;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  return undefined;
}

export function jsonKeys(node: Node | undefined): string[] {
  if (node?.type !== 'object') return [];
  return [
    ...new Set(
      (node.children ?? []).map((p) => p.children?.[0]?.value).filter((k): k is string => typeof k === 'string'),
    ),
  ];
}

export const jsonSpan = (n: Node): Span => ({ start: n.offset, end: n.offset + n.length });

/** From the property's key to its value: what a finding underlines. */
export function jsonPropertySpan(node: Node | undefined): Span | undefined {
  if (!node) return undefined;
  return node.parent?.type === 'property' ? jsonSpan(node.parent) : jsonSpan(node);
}

/** Edits that set `path` to `value`, keeping the file's indentation (tabs or N spaces). */
export function jsonSetEdits(file: string, text: string, path: string[], value: FactValue): OffsetEdit[] | undefined {
  try {
    // An existing scalar is replaced where it is: with a duplicated key, the last one (the one that counts).
    const existing = jsonGet(parseTree(text, [], { allowTrailingComma: true, disallowComments: false }), path);
    if (existing && existing.type !== 'object' && existing.type !== 'array')
      return [{ file, start: existing.offset, end: existing.offset + existing.length, newText: JSON.stringify(value) }];
    const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
    const edits = modify(text, path, value, {
      formattingOptions: {
        insertSpaces: !indent.includes('\t'),
        tabSize: indent.includes('\t') ? 1 : indent.length,
        eol: text.includes('\r\n') ? '\r\n' : '\n',
      },
    });
    return edits.map((e) => ({ file, start: e.offset, end: e.offset + e.length, newText: e.content }));
  } catch {
    return undefined;
  }
}
