// Suppression comments, the same in Python, YAML and shell files (all use `#`), after Ruff and Flake8:
//   line   `# greenml: ignore[GML101, no-periodic-checkpoint]`, `# greenml: ignore` (all rules), `# noqa: GML101`,
//          on the finding's line; a comment alone on its line covers the next line (YAML keys, long calls);
//   block  `# greenml: disable[GML7]` … `# greenml: enable[GML7]` (to the end of the file when not re-enabled);
//   file   `# greenml: ignore-file[GML101]` (or `file-ignore`), `# greenml: ignore-file` for all rules.
// Selectors are codes, code prefixes (`GML7`) or names. Which suppressions were used is recorded, so an unused one
// can be reported (GML900) and an unknown code named (GML901). A hand-written scanner: these are one-line comments
// whose grammar is a keyword and a bracketed list; the `#` must start a comment, so `"#"` inside strings on the line
// is skipped by requiring it to be outside quotes (a simple quote count, enough for training scripts and YAML).
import type { Span } from './types';

export type SuppressionKind = 'line' | 'block' | 'file';

export interface Suppression {
  kind: SuppressionKind;
  /** Selectors as written ('*' = all rules). */
  codes: { text: string; span: Span }[];
  all: boolean;
  /** The whole comment, from `#` to the end of the line. */
  span: Span;
  /** 0-based lines covered (inclusive); file suppressions cover everything. */
  from: number;
  to: number;
  /** Selectors that suppressed at least one finding ('*' for an all-rules suppression). */
  used: Set<string>;
}

const PRAGMA =
  /#\s*(?:greenml:\s*(ignore-file|file-ignore|ignore|disable|enable)(?:\[([^\]\n]*)\])?|noqa:\s*([A-Z]+\d+(?:[\s,]+[A-Z]+\d+)*))/gi;

function commentStart(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#') return i;
  }
  return -1;
}

function listOf(raw: string, offset: number): { text: string; span: Span }[] {
  const out: { text: string; span: Span }[] = [];
  for (const m of raw.matchAll(/[^\s,]+/g))
    out.push({ text: m[0], span: { start: offset + m.index, end: offset + m.index + m[0].length } });
  return out;
}

/** All suppression comments of a text. */
export function parseSuppressions(text: string): Suppression[] {
  if (!text.includes('greenml') && !text.includes('noqa')) return [];
  const out: Suppression[] = [];
  const lines = text.split('\n');
  const open: Suppression[] = [];
  let offset = 0;
  lines.forEach((line, i) => {
    const base = offset;
    offset += line.length + 1;
    const hash = line.includes('#') ? commentStart(line) : -1;
    if (hash < 0) return;
    const comment = line.slice(hash);
    const alone = line.slice(0, hash).trim() === '';
    for (const m of comment.matchAll(PRAGMA)) {
      const at = base + hash + m.index;
      const span = { start: base + hash, end: base + line.replace(/\r$/, '').length };
      const keyword = (m[1] ?? 'noqa').toLowerCase();
      const rawList = m[2] ?? m[3];
      const listOffset = rawList === undefined ? at : at + m[0].indexOf(rawList, m[1] ? m[1].length : 0);
      let codes = rawList === undefined ? [] : listOf(rawList, listOffset);
      if (!m[1]) {
        // `# noqa: E501, GML101`: only our codes are ours; a noqa without any is another tool's.
        codes = codes.filter((c) => /^GML/i.test(c.text));
        if (codes.length === 0) continue;
      }
      const all = rawList === undefined || codes.length === 0;
      if (keyword === 'enable') {
        // Close the open blocks it names (or all of them).
        for (const b of [...open]) {
          const names = new Set(codes.map((c) => c.text.toUpperCase()));
          if (all || b.codes.some((c) => names.has(c.text.toUpperCase()))) {
            b.to = i;
            open.splice(open.indexOf(b), 1);
          }
        }
        continue;
      }
      const kind: SuppressionKind =
        keyword === 'disable' ? 'block' : keyword === 'ignore-file' || keyword === 'file-ignore' ? 'file' : 'line';
      const s: Suppression = {
        kind,
        codes,
        all,
        span,
        from: kind === 'file' ? 0 : i,
        to: kind === 'file' ? Number.MAX_SAFE_INTEGER : alone && kind === 'line' ? nextCodeLine(lines, i) : i,
        used: new Set(),
      };
      if (kind === 'block') {
        s.to = Number.MAX_SAFE_INTEGER;
        open.push(s);
      }
      out.push(s);
    }
  });
  return out;
}

function nextCodeLine(lines: string[], i: number): number {
  for (let j = i + 1; j < lines.length; j++) if (lines[j].trim() !== '' && !lines[j].trim().startsWith('#')) return j;
  return i;
}

/**
 * The suppression that covers a finding of `code`/`name` on 0-based `line`, marking the selector used; undefined
 * when none does. `covers(selector)` says whether a selector (code, prefix or name) names this rule.
 */
export function suppressing(
  sups: Suppression[],
  line: number,
  covers: (selector: string) => boolean,
): Suppression | undefined {
  for (const s of sups) {
    if (line < s.from || line > s.to) continue;
    if (s.all) {
      s.used.add('*');
      return s;
    }
    const hit = s.codes.find((c) => covers(c.text));
    if (hit) {
      s.used.add(hit.text);
      return s;
    }
  }
  return undefined;
}
