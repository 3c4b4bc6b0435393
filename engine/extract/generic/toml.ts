// TOML documents as key paths. Values come from smol-toml (a well-kept parser); smol-toml gives no source positions,
// so spans are found by a line scan written here: table headers (`[a.b]`, `[[a]]`), `key = value` lines with bare,
// quoted and dotted keys, and the extent of a one-line scalar (to a closing quote, or to a comment). The scan only
// locates what smol-toml has already parsed — a value is reported only when both agree on its path — so a line the
// scan misreads gives no entry rather than a wrong one. Multi-line values keep the key line as their span and get
// no writer.
import { parse } from 'smol-toml';
import type { FactValue } from '../../types';
import { MAX_ENTRIES, shortText, type Entry, type EntrySet } from './entries';

/** Splits a TOML key (`a."b.c".d`) into its parts; undefined when it is not a key. */
export function tomlKey(s: string): string[] | undefined {
  const parts: string[] = [];
  let i = 0;
  const t = s.trim();
  while (i < t.length) {
    while (t[i] === ' ' || t[i] === '\t') i++;
    if (t[i] === '"' || t[i] === "'") {
      const q = t[i];
      const end = t.indexOf(q, i + 1);
      if (end < 0) return undefined;
      parts.push(t.slice(i + 1, end));
      i = end + 1;
    } else {
      const m = /^[A-Za-z0-9_-]+/.exec(t.slice(i));
      if (!m) return undefined;
      parts.push(m[0]);
      i += m[0].length;
    }
    while (t[i] === ' ' || t[i] === '\t') i++;
    if (i < t.length) {
      if (t[i] !== '.') return undefined;
      i++;
    }
  }
  return parts.length ? parts : undefined;
}

/** End (exclusive, relative to `s`) of a one-line scalar at the start of `s`, or undefined for multi-line/compound values. */
function scalarEnd(s: string): number | undefined {
  if (s.startsWith('"""') || s.startsWith("'''") || s.startsWith('[') || s.startsWith('{')) return undefined;
  if (s[0] === '"') {
    for (let i = 1; i < s.length; i++) {
      if (s[i] === '\\') i++;
      else if (s[i] === '"') return i + 1;
    }
    return undefined;
  }
  if (s[0] === "'") {
    const e = s.indexOf("'", 1);
    return e < 0 ? undefined : e + 1;
  }
  const hash = s.indexOf('#');
  return (hash < 0 ? s : s.slice(0, hash)).trimEnd().length;
}

export function tomlLiteral(v: FactValue): string {
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (v === null) return '""';
  return JSON.stringify(v);
}

function get(obj: unknown, path: string[]): unknown {
  let cur = obj;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

const scalar = (v: unknown): FactValue | undefined =>
  typeof v === 'string' || typeof v === 'boolean'
    ? v
    : typeof v === 'number' && Number.isFinite(v)
      ? v
      : typeof v === 'bigint'
        ? Number(v)
        : undefined;

export function tomlEntries(file: string, text: string): EntrySet | undefined {
  let data: unknown;
  try {
    data = parse(text);
  } catch {
    return undefined;
  }
  const entries: Entry[] = [];
  let table: string[] = [];
  const arrayCounts = new Map<string, number>();
  let offset = 0;
  for (const line of text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    if (entries.length >= MAX_ENTRIES) break;
    const header = /^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$/.exec(line);
    if (header) {
      const key = tomlKey(header[2]);
      if (!key) continue;
      if (header[1] === '[[') {
        const n = arrayCounts.get(key.join('.')) ?? 0;
        arrayCounts.set(key.join('.'), n + 1);
        table = [...key, String(n)];
      } else table = key;
      continue;
    }
    const eq = /^(\s*)([^=#\s][^=#]*?)\s*=\s*(.*)$/.exec(line);
    if (!eq) continue;
    const key = tomlKey(eq[2]);
    if (!key) continue;
    const path = [...table, ...key];
    const parsed = get(data, path);
    if (parsed === undefined) continue;
    const keyStart = lineStart + eq[1].length;
    const valueStart = lineStart + line.length - eq[3].length;
    const end = scalarEnd(eq[3]);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) && !(parsed instanceof Date)) {
      // An inline table: its scalar members, each spanning the line.
      for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
        const s = scalar(v);
        if (s === undefined) continue;
        const span = { start: keyStart, end: lineStart + line.length };
        entries.push({ path: [...path, k], value: s, span, text: shortText(line), kind: 'value' });
      }
      continue;
    }
    const span = { start: keyStart, end: end !== undefined ? valueStart + end : lineStart + line.length };
    const value = Array.isArray(parsed) ? undefined : scalar(parsed);
    entries.push({
      path,
      value,
      items: Array.isArray(parsed) ? parsed.length : undefined,
      first: Array.isArray(parsed) && parsed.length === 1 && typeof parsed[0] === 'number' ? parsed[0] : undefined,
      span,
      text: shortText(text.slice(span.start, span.end)),
      kind: 'value',
      set:
        end !== undefined && value !== undefined
          ? (v) => [{ file, start: valueStart, end: valueStart + end, newText: tomlLiteral(v) }]
          : undefined,
    });
  }
  return { file, syntax: 'toml', entries, bases: [] };
}
