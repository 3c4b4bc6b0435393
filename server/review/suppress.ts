// Suppression comments applied to a document's findings (engine/suppression.ts parses them), the two findings about
// the comments themselves — GML900 unused-suppression (Ruff's RUF100) and GML901 unknown-rule-code — and the text
// edit that adds a suppression for the "Suppress on this line" code action.
import { parseSuppressions, suppressing, type Suppression } from '../../engine/suppression';
import type { Finding, OffsetEdit, Severity } from '../../engine/types';
import type { Settings } from '../../engine/settings';
import { RULES, findRule } from '../../rules/index';
import { covers, ruleEnabled, unknownSelectors } from '../../rules/select';
import { unknownRuleCode } from '../../rules/unknown-rule-code';
import { unusedSuppression } from '../../rules/unused-suppression';

export const lineOf = (text: string, offset: number) => {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/** The edit that removes one selector from a comment, or the whole comment when it is the last one. */
function removal(
  file: string,
  text: string,
  s: Suppression,
  code?: { text: string; span: { start: number; end: number } },
): OffsetEdit {
  if (code && s.codes.length > 1) {
    const i = s.codes.indexOf(code);
    // Remove the selector and the separator on one side of it.
    const start = i > 0 ? s.codes[i - 1].span.end : code.span.start;
    const end = i > 0 ? code.span.end : s.codes[i + 1].span.start;
    return { file, start, end, newText: '' };
  }
  const lineStart = text.lastIndexOf('\n', s.span.start - 1) + 1;
  const before = text.slice(lineStart, s.span.start);
  if (before.trim() === '') {
    // A comment alone on its line: remove the line.
    const next = text.indexOf('\n', s.span.end);
    return { file, start: lineStart, end: next === -1 ? s.span.end : next + 1, newText: '' };
  }
  const trimmed = before.replace(/\s+$/, '');
  return { file, start: lineStart + trimmed.length, end: s.span.end, newText: '' };
}

function severityOf(rule: { code: string; name: string; defaultSeverity: Severity }, settings: Settings): Severity {
  const s = settings.severity[rule.code] ?? settings.severity[rule.name.toUpperCase()];
  return s && s !== 'off' ? s : rule.defaultSeverity;
}

/** Findings left after the document's suppression comments, plus GML900/GML901 findings about those comments. */
export function applySuppressions(file: string, text: string, findings: Finding[], settings: Settings): Finding[] {
  const sups = parseSuppressions(text);
  if (sups.length === 0) return findings;
  const kept = findings.filter((f) => {
    const rule = findRule(f.code);
    const hit = suppressing(sups, lineOf(text, f.span.start), (sel) =>
      rule ? covers(sel, rule) : sel.toUpperCase() === f.code,
    );
    return !hit;
  });
  const out = [...kept];
  const unknownOn = ruleEnabled(unknownRuleCode, settings, file);
  const unusedOn = ruleEnabled(unusedSuppression, settings, file);
  for (const s of sups) {
    for (const c of s.codes) {
      if (unknownSelectors([c.text], RULES).length > 0) {
        if (unknownOn)
          out.push({
            code: unknownRuleCode.code,
            name: unknownRuleCode.name,
            severity: severityOf(unknownRuleCode, settings),
            message: `Unknown rule "${c.text}" in a suppression comment: no rule has this code, prefix or name (\`greenml rules\` lists them).`,
            file,
            span: c.span,
            fixes: [{ title: `Remove "${c.text}"`, applicability: 'safe', edits: [removal(file, text, s, c)] }],
          });
        continue;
      }
      // Only selectors whose rules ran can be judged unused (a rule switched off finds nothing to suppress).
      const enabled = RULES.some((r) => !r.document && covers(c.text, r) && ruleEnabled(r, settings, file));
      if (unusedOn && enabled && !s.used.has(c.text))
        out.push({
          code: unusedSuppression.code,
          name: unusedSuppression.name,
          severity: severityOf(unusedSuppression, settings),
          message: `Unused suppression: no ${c.text} finding is ${s.kind === 'line' ? 'on this line' : s.kind === 'block' ? 'in this block' : 'in this file'}.`,
          file,
          span: c.span,
          fixes: [
            {
              title: `Remove unused suppression "${c.text}"`,
              applicability: 'safe',
              edits: [removal(file, text, s, c)],
            },
          ],
        });
    }
    if (s.all && s.codes.length === 0 && !s.used.has('*') && unusedOn)
      out.push({
        code: unusedSuppression.code,
        name: unusedSuppression.name,
        severity: severityOf(unusedSuppression, settings),
        message: `Unused suppression: no finding is ${s.kind === 'line' ? 'on this line' : s.kind === 'block' ? 'in this block' : 'in this file'}.`,
        file,
        span: s.span,
        fixes: [{ title: 'Remove unused suppression', applicability: 'safe', edits: [removal(file, text, s)] }],
      });
  }
  return out;
}

/**
 * Edits that suppress `code` on the line of `offset`: the code joins an existing `# greenml: ignore[...]` on that
 * line, or a new comment is appended. Undefined for JSON (no comments).
 */
export function suppressEdit(file: string, text: string, offset: number, code: string): OffsetEdit | undefined {
  if (/\.jsonc?$/i.test(file)) return undefined;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd === -1) lineEnd = text.length;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  const line = text.slice(lineStart, lineEnd);
  const existing = /#\s*greenml:\s*ignore\[([^\]\n]*)\]/.exec(line);
  if (existing) {
    const at = lineStart + existing.index + existing[0].length - 1;
    return { file, start: at, end: at, newText: existing[1].trim() ? `, ${code}` : code };
  }
  return { file, start: lineEnd, end: lineEnd, newText: `  # greenml: ignore[${code}]` };
}
