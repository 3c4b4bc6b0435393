// ESLint-RuleTester-style harness: each case runs through the whole engine (parse → facts → link → plan → rules) in
// memory only — the file under test and the case's other files, nothing from the host disk. It checks each finding's
// line, column, end, severity and message; the first finding's fixes (title, applicability, exact output) or that
// there is none; and, for every fix of every finding, that the fixed text parses, clears that finding and creates no
// other (no fix that loops): after the fix no finding of the rule is left on the line where the fixed one was, and the
// rule has fewer findings. A must-not-fire case first checks that a run was extracted, so it cannot pass by finding
// nothing. Duplicate cases are rejected. test/meta/fixes-clear.test.ts collects every rule's cases through
// `collectRuleCases` and applies every fix of every must-fire case again, over all the rules at once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as jsonc from 'jsonc-parser';
import { parseDocument } from 'yaml';
import { mergeSettings, type Settings } from '../../engine/settings';
import { analyzeText } from '../../server/review/analyze-file';
import { memoryReader } from '../../engine/link';
import { pythonParser, parsePython } from '../../engine/parse/python';
import type { Finding, OffsetEdit } from '../../engine/types';
import type { Rule, RuleCase } from '../../rules/types';

export function applyEdits(text: string, edits: OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

export async function hasSyntaxErrors(text: string, file = 'x.py'): Promise<boolean> {
  if (/\.ya?ml$/i.test(file)) return parseDocument(text).errors.length > 0;
  if (/\.jsonc?$/i.test(file)) {
    const errors: jsonc.ParseError[] = [];
    jsonc.parse(text, errors, { allowTrailingComma: true });
    return errors.length > 0;
  }
  if (!/\.pyi?$/i.test(file)) return false;
  const tree = parsePython(await pythonParser(), text);
  const bad = tree.rootNode.hasError;
  tree.delete();
  return bad;
}

/** 1-based line and column (UTF-16 code units) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const nl = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - nl };
}

const DEFAULT_FILE = '/case/train.py';

export async function analyzeCase(file: string, text: string, files: Record<string, string>, settings: Settings) {
  return analyzeText(file, text, settings, memoryReader({ ...files, [file]: text }));
}

function counts(findings: Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of findings) m.set(f.code, (m.get(f.code) ?? 0) + 1);
  return m;
}

/** Applies a fix to the case's files (the file under test and the others it touches). */
export function applyFix(file: string, text: string, files: Record<string, string>, edits: OffsetEdit[]) {
  const out = { text, files: { ...files } };
  const byFile = new Map<string, OffsetEdit[]>();
  for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [f, es] of byFile) {
    if (f === file) out.text = applyEdits(out.text, es);
    else {
      assert.ok(f in out.files, `fix edits ${f}, which the case does not hold`);
      out.files[f] = applyEdits(out.files[f], es);
    }
  }
  return out;
}

/** Where an offset of a text lands once edits (non-overlapping, of that text) are applied; inside an edit: its start. */
export function mapOffset(offset: number, edits: OffsetEdit[]): number {
  let delta = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    if (e.end <= offset) delta += e.newText.length - (e.end - e.start);
    else if (e.start <= offset) return e.start + delta;
  }
  return offset + delta;
}

export interface CaseInput {
  file: string;
  text: string;
  files: Record<string, string>;
  settings: Settings;
}

/**
 * Applies each fix of each finding of `rule` (those that edit) to the case's files in memory, and asserts that the
 * fixed files parse, that no finding of the rule is left on the line where the fixed one was (mapped through the
 * edits), that the rule has fewer findings, and that no other rule gains one. Returns how many fixes it applied.
 */
export async function checkEveryFix(rule: Rule, c: CaseInput, findings: Finding[]): Promise<number> {
  const before = counts(findings);
  let applied = 0;
  for (const f of findings.filter((x) => x.code === rule.code))
    for (const fix of f.fixes) {
      if (fix.edits.length === 0) continue;
      applied++;
      const after = applyFix(c.file, c.text, c.files, fix.edits);
      const textOf = (p: string) => (p === c.file ? after.text : (after.files[p] ?? after.text));
      for (const [p, t] of [[c.file, after.text], ...Object.entries(after.files)] as [string, string][])
        assert.equal(await hasSyntaxErrors(t, p), false, `"${fix.title}" leaves ${p} unparsable:\n${t}`);
      const again = await analyzeCase(c.file, after.text, after.files, c.settings);
      const where = f.file;
      const line = lineColumn(
        textOf(where),
        mapOffset(
          f.span.start,
          fix.edits.filter((e) => e.file === where),
        ),
      ).line;
      const left = again.findings.filter(
        (x) => x.code === rule.code && x.file === where && lineColumn(textOf(where), x.span.start).line === line,
      );
      assert.deepEqual(
        left.map((x) => x.message),
        [],
        `${rule.code} still fires on line ${line} of ${where} after "${fix.title}":\n${textOf(where)}`,
      );
      const now = counts(again.findings);
      assert.ok(
        (now.get(rule.code) ?? 0) < (before.get(rule.code) ?? 0),
        `${rule.code} fires as often after "${fix.title}" (elsewhere):\n${after.text}`,
      );
      for (const [code, n] of now)
        if (code !== rule.code)
          assert.ok(
            n <= (before.get(code) ?? 0),
            `"${fix.title}" creates a ${code} finding: ${again.findings.find((x) => x.code === code)?.message}`,
          );
    }
  return applied;
}

/** Set by `collectRuleCases`: the rule test files then hand over their cases instead of registering tests. */
let collector: { rule: Rule; cases: RuleCase[] }[] | undefined;

/** Every `runRuleCases` call made while `load` runs (importing rule test files), as data; no test is registered. */
export async function collectRuleCases(load: () => Promise<void>): Promise<{ rule: Rule; cases: RuleCase[] }[]> {
  const out: { rule: Rule; cases: RuleCase[] }[] = [];
  collector = out;
  try {
    await load();
  } finally {
    collector = undefined;
  }
  return out;
}

export function runRuleCases(rule: Rule, cases: RuleCase[]): void {
  if (collector) {
    collector.push({ rule, cases });
    return;
  }
  const seen = new Map<string, string>();
  for (const c of cases) {
    const key = JSON.stringify([c.file ?? DEFAULT_FILE, c.code, c.files ?? {}, c.settings ?? {}]);
    const dup = seen.get(key) ?? (cases.filter((x) => x.name === c.name).length > 1 ? c.name : undefined);
    if (!seen.has(key)) seen.set(key, c.name);
    test(`${rule.code} ${rule.name}: ${c.name}`, async () => {
      assert.equal(dup, undefined, `duplicate case: same input (or name) as "${dup}"`);
      const settings = mergeSettings({ values: c.settings ?? {}, source: 'test' });
      const file = c.file ?? DEFAULT_FILE;
      const files = c.files ?? {};
      const a = await analyzeCase(file, c.code, files, settings);
      const mine = a.findings.filter((f) => f.code === rule.code);
      if (c.expect.length === 0 && !c.noRun)
        assert.ok(
          a.runs.length + (a.linked?.length ?? 0) > 0,
          `no run was extracted, so this case cannot show that ${rule.code} stays quiet on it`,
        );
      const lines = mine.map((f) => lineColumn(c.code, f.span.start).line);
      assert.deepEqual(
        lines,
        c.expect.map((e) => e.line),
        `findings of ${rule.code} at lines ${JSON.stringify(lines)}: ${mine.map((f) => f.message).join(' | ')}`,
      );
      c.expect.forEach((e, i) => {
        const f = mine[i];
        const start = lineColumn(c.code, f.span.start);
        const end = lineColumn(c.code, f.span.end);
        if (e.column !== undefined) assert.equal(start.column, e.column, `start column of finding ${i + 1}`);
        if (e.endLine !== undefined) assert.equal(end.line, e.endLine, `end line of finding ${i + 1}`);
        if (e.endColumn !== undefined) assert.equal(end.column, e.endColumn, `end column of finding ${i + 1}`);
        if (e.severity) assert.equal(f.severity, e.severity, f.message);
        if (e.messageIncludes)
          assert.ok(f.message.includes(e.messageIncludes), `message "${f.message}" lacks "${e.messageIncludes}"`);
        if (e.messageExcludes)
          assert.ok(!f.message.includes(e.messageExcludes), `message "${f.message}" has "${e.messageExcludes}"`);
      });
      const first = mine[0];
      if (c.noFix)
        assert.deepEqual(
          first?.fixes.map((x) => x.title),
          [],
          'expected no fix',
        );
      if (c.fixes) {
        assert.ok(first, 'expected a finding with fixes');
        assert.equal(first.fixes.length, c.fixes.length, `fixes: ${first.fixes.map((x) => x.title).join(' | ')}`);
        c.fixes.forEach((want, i) => {
          const got = first.fixes[i];
          assert.equal(got.applicability, want.applicability, `applicability of "${got.title}"`);
          if (want.titleIncludes)
            assert.ok(got.title.includes(want.titleIncludes), `fix title "${got.title}" lacks "${want.titleIncludes}"`);
          const fixed = applyFix(file, c.code, files, got.edits).text;
          if (want.output !== undefined) assert.equal(fixed, want.output, `output of "${got.title}"`);
          for (const s of want.outputIncludes ?? []) assert.ok(fixed.includes(s), `fixed text lacks ${s}:\n${fixed}`);
        });
      }
      if (c.fixedIncludes || c.fixTitleIncludes) {
        const fix = first?.fixes[0];
        assert.ok(fix, 'expected a fix');
        if (c.fixTitleIncludes)
          assert.ok(fix.title.includes(c.fixTitleIncludes), `fix title "${fix.title}" lacks "${c.fixTitleIncludes}"`);
        const fixed = applyFix(file, c.code, files, fix.edits).text;
        for (const s of c.fixedIncludes ?? []) assert.ok(fixed.includes(s), `fixed text lacks ${s}:\n${fixed}`);
      }
      // Every fix of every finding: parses, clears its finding, creates no other.
      await checkEveryFix(rule, { file, text: c.code, files, settings }, a.findings);
    });
  }
}
