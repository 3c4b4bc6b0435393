// gin-config bindings (T5X, many JAX codebases) as key paths. gin is a small line format — `scope/module.Fn.param =
// value`, `MACRO = value`, `include 'file.gin'`, values as Python literals, `%MACRO` references, `@configurable`
// references — and no maintained JavaScript parser for it exists on npm, so it is read here: one binding per
// logical line (bracketed values may continue over lines; those get no writer), block bindings (`Fn:` then indented
// `param = value`), `%MACRO` resolved within the file.
import type { FactValue } from '../../types';
import { pythonLiteral } from '../../parse/python-syntax';
import { MAX_ENTRIES, shortText, type Entry, type EntrySet } from './entries';

function ginValue(raw: string, macros: Map<string, FactValue | undefined>): FactValue | undefined {
  const s = raw.trim();
  if (/^(True|False)$/.test(s)) return s === 'True';
  if (s === 'None') return null;
  if (/^[-+]?(\d[\d_]*\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return Number(s.replace(/_/g, ''));
  const q = /^(['"])(.*)\1$/s.exec(s);
  if (q) return q[2];
  const macro = /^%([\w.]+)$/.exec(s);
  if (macro) return macros.get(macro[1]);
  return undefined;
}

export function ginEntries(file: string, text: string): EntrySet {
  const entries: Entry[] = [];
  const bases: EntrySet['bases'] = [];
  const macros = new Map<string, FactValue | undefined>();
  const lines = text.split('\n');
  let offset = 0;
  let depth = 0;
  let block: string | undefined;
  for (const line of lines) {
    const lineStart = offset;
    offset += line.length + 1;
    const code = line.replace(/#.*$/, '');
    const inside = depth > 0;
    depth = Math.max(0, depth + (code.match(/[[({]/g)?.length ?? 0) - (code.match(/[\])}]/g)?.length ?? 0));
    if (inside || entries.length >= MAX_ENTRIES) continue;
    const inc = /^\s*include\s+(['"])(.+?)\1/.exec(code);
    if (inc) {
      const start = lineStart + line.indexOf(inc[2]);
      bases.push({ path: inc[2], span: { start, end: start + inc[2].length } });
      continue;
    }
    // Block syntax: `scope/module.Fn:` then indented `param = value` lines bind `scope/module.Fn.param`.
    const head = /^([A-Za-z_][\w./]*):\s*$/.exec(code);
    if (head) {
      block = head[1];
      continue;
    }
    if (/^\S/.test(code)) block = undefined;
    const m = /^(\s*)([A-Za-z_][\w./]*)\s*=\s*(.*?)\s*$/.exec(code);
    if (!m) continue;
    const key = block && m[1].length > 0 ? `${block}.${m[2]}` : m[2];
    const value = ginValue(m[3], macros);
    if (/^[A-Z_][A-Z0-9_]*$/.test(key)) macros.set(key, value);
    const valueStart = lineStart + code.length - code.slice(m[1].length + m[2].length).replace(/^\s*=\s*/, '').length;
    const valueText = m[3];
    const end = valueStart + valueText.length;
    const oneLine = depth === 0 && !/[[({]/.test(valueText);
    const span = { start: lineStart + m[1].length, end };
    entries.push({
      path: key.split(/[./]/).filter(Boolean),
      value,
      span,
      text: shortText(text.slice(span.start, span.end)),
      kind: 'value',
      set:
        oneLine && value !== undefined && !valueText.startsWith('%')
          ? (v) => [{ file, start: valueStart, end, newText: pythonLiteral(v) }]
          : undefined,
    });
  }
  return { file, syntax: 'gin', entries, bases };
}
