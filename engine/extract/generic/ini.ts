// INI-style configs as key paths: Python `configparser` files (`defaults.ini` of a training script) and spaCy's
// `config.cfg` (dotted sections, `[training.optimizer]`). Written here, not taken from a package: the INI packages on
// npm return values without source positions, and an entry needs the span of its key and value for hovers, findings
// and in-place fixes. The syntax read is the common subset of both: `[section]` headers (dots split into a path),
// `key = value` or `key: value` lines, `#`/`;` comment lines. A value continued on indented lines keeps its key line
// as its span and gets no writer. Values: numbers, true/false, null/None, quoted strings unquoted, anything else as
// written (`${paths.train}` interpolations stay strings, which the vocabulary does not read as numbers).
import type { FactValue } from '../../types';
import { MAX_ENTRIES, shortText, type Entry, type EntrySet } from './entries';

const SECTION = /^\s*\[\s*([^\]]+?)\s*\]\s*$/;
const KEY_VALUE = /^([A-Za-z_][\w.-]*)\s*[=:]\s*(.*?)\s*$/;

function parseValue(raw: string): { value: FactValue | undefined; quoted: boolean } {
  if (raw === '') return { value: undefined, quoted: false };
  const q = /^(["'])(.*)\1$/.exec(raw);
  if (q) return { value: q[2], quoted: true };
  if (/^(true|false)$/i.test(raw)) return { value: raw.toLowerCase() === 'true', quoted: false };
  if (/^(null|none)$/i.test(raw)) return { value: null, quoted: false };
  const n = Number(raw.replace(/_/g, ''));
  if (/^[-+]?(\d[\d_]*\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw) && Number.isFinite(n))
    return { value: n, quoted: false };
  // Lists and tables written inline (`[0, 1]`, `{"a": 1}`) are compound: not a scalar.
  if (/^[[{]/.test(raw)) return { value: undefined, quoted: false };
  return { value: raw, quoted: false };
}

function literal(v: FactValue, quoted: boolean): string {
  if (typeof v === 'string') return quoted ? JSON.stringify(v) : v;
  if (v === null) return 'null';
  return String(v);
}

export function iniEntries(file: string, text: string): EntrySet | undefined {
  const entries: Entry[] = [];
  let section: string[] = [];
  let sawStructure = false;
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < lines.length && entries.length < MAX_ENTRIES; i++) {
    const line = lines[i].replace(/\r$/, '');
    const lineStart = offset;
    offset += lines[i].length + 1;
    if (/^\s*([#;]|$)/.test(line)) continue;
    const header = SECTION.exec(line);
    if (header) {
      section = header[1].split('.').filter(Boolean);
      sawStructure = true;
      continue;
    }
    // Indented lines continue the previous value (configparser's multi-line values).
    if (/^\s/.test(line)) continue;
    const kv = KEY_VALUE.exec(line);
    if (!kv) continue;
    sawStructure = true;
    const continued = i + 1 < lines.length && /^\s+\S/.test(lines[i + 1]) && !SECTION.test(lines[i + 1]);
    const { value, quoted } = continued ? { value: undefined, quoted: false } : parseValue(kv[2]);
    const valueStart = lineStart + line.indexOf(kv[2], kv[1].length);
    const span = { start: lineStart, end: lineStart + line.trimEnd().length };
    entries.push({
      path: [...section, kv[1]],
      value,
      span,
      text: shortText(line),
      kind: 'value',
      set:
        value !== undefined && !continued
          ? (v) => [{ file, start: valueStart, end: valueStart + kv[2].length, newText: literal(v, quoted) }]
          : undefined,
    });
  }
  return sawStructure ? { file, syntax: 'ini', entries, bases: [] } : undefined;
}
