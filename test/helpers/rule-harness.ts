// ESLint-RuleTester-style harness: run a rule's cases through the whole engine (parse → facts → plan → rules),
// check code, line and severity, apply the first fix, re-parse the fixed text, and check the finding is gone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeSettings } from '../../engine/settings';
import { analyzeText } from '../../server/review/analyze-file';
import { pythonParser, parsePython } from '../../engine/parse/python';
import type { OffsetEdit } from '../../engine/types';
import type { Rule, RuleCase } from '../../rules/types';

export function applyEdits(text: string, edits: OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

export async function hasSyntaxErrors(text: string): Promise<boolean> {
  const tree = parsePython(await pythonParser(), text);
  const bad = tree.rootNode.hasError;
  tree.delete();
  return bad;
}

export function runRuleCases(rule: Rule, cases: RuleCase[]): void {
  for (const c of cases) {
    test(`${rule.code} ${rule.name}: ${c.name}`, async () => {
      const settings = mergeSettings({ values: c.settings ?? {}, source: 'test' });
      const file = '/work/case.py';
      const a = await analyzeText(file, c.code, settings);
      const mine = a.findings.filter((f) => f.code === rule.code);
      const lines = mine.map((f) => c.code.slice(0, f.span.start).split('\n').length);
      assert.deepEqual(
        lines,
        c.expect.map((e) => e.line),
        `findings of ${rule.code} at lines ${JSON.stringify(lines)}: ${mine.map((f) => f.message).join(' | ')}`,
      );
      c.expect.forEach((e, i) => {
        if (e.severity) assert.equal(mine[i].severity, e.severity, mine[i].message);
        if (e.messageIncludes)
          assert.ok(
            mine[i].message.includes(e.messageIncludes),
            `message "${mine[i].message}" lacks "${e.messageIncludes}"`,
          );
      });
      if (c.fixedIncludes || c.fixTitleIncludes) {
        const fix = mine[0]?.fixes[0];
        assert.ok(fix, 'expected a fix');
        if (c.fixTitleIncludes)
          assert.ok(fix.title.includes(c.fixTitleIncludes), `fix title "${fix.title}" lacks "${c.fixTitleIncludes}"`);
        const fixed = applyEdits(c.code, fix.edits);
        for (const s of c.fixedIncludes ?? []) assert.ok(fixed.includes(s), `fixed text lacks ${s}:\n${fixed}`);
        assert.equal(await hasSyntaxErrors(fixed), false, `fixed text does not parse:\n${fixed}`);
        const again = await analyzeText(file, fixed, settings);
        assert.equal(
          again.findings.filter((f) => f.code === rule.code).length,
          0,
          `${rule.code} still fires after its fix:\n${fixed}`,
        );
      }
    });
  }
}
