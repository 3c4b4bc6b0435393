// Issue 12, "every fix applied clears its finding", over the whole rule set at once: every rule test file's cases are
// collected (not run as tests: test/helpers/rule-harness.ts `collectRuleCases`), and for each rule, each must-fire
// case is analysed, each fix that edits is applied in memory, the result analysed again, and the fixed finding must be
// gone from its line (no finding of the same code there), with no finding of another code gained. A rule with a
// fix that edits must have at least one case where such a fix is applied; the rules whose fixes are all advice
// (display-only: nothing to apply) are listed here, so a rule that gains or loses an applicable fix is noticed.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { mergeSettings } from '../../engine/settings';
import { RULES } from '../../rules/index';
import type { RuleCase } from '../../rules/types';
import { analyzeCase, checkEveryFix, collectRuleCases } from '../helpers/rule-harness';

/** Rules whose every fix is display-only (advice with no edit), per their doc's "Fix safety". */
const ADVICE_ONLY = new Set([
  'GML001',
  'GML004',
  'GML206',
  'GML404',
  'GML506',
  'GML601',
  'GML703',
  'GML801',
  'GML851',
  'GML852',
  'GML951',
]);

const RULE_TESTS = fs
  .readdirSync('rules')
  .filter((f) => f.endsWith('.test.ts') && f !== 'rules.meta.test.ts')
  .map((f) => path.resolve('rules', f));

/** Each rule's cases, from every rule test file (loaded once, before the first test uses them). */
const byRule = collectRuleCases(async () => {
  for (const f of RULE_TESTS) await import(f);
}).then((collected) => {
  const out = new Map<string, RuleCase[]>();
  for (const { rule, cases } of collected) out.set(rule.code, [...(out.get(rule.code) ?? []), ...cases]);
  return out;
});

test('every registered rule has its cases collected', async () => {
  const got = await byRule;
  assert.deepEqual(
    RULES.map((r) => r.code).filter((c) => !got.has(c)),
    [],
    'rules with no case passed to runRuleCases',
  );
});

for (const r of RULES) {
  test(`${r.code} ${r.name}: every fix applied to a must-fire case clears its finding`, async () => {
    const cases = ((await byRule).get(r.code) ?? []).filter((c) => c.expect.length > 0);
    let applied = 0;
    for (const c of cases) {
      const file = c.file ?? '/case/train.py';
      const files = c.files ?? {};
      const settings = mergeSettings({ values: c.settings ?? {}, source: 'test' });
      const a = await analyzeCase(file, c.code, files, settings);
      try {
        applied += await checkEveryFix(r, { file, text: c.code, files, settings }, a.findings);
      } catch (e) {
        throw new Error(`case "${c.name}": ${(e as Error).message}`, { cause: e });
      }
    }
    if (ADVICE_ONLY.has(r.code)) assert.equal(applied, 0, `${r.code} is listed as advice only, but a fix edits`);
    else assert.ok(applied > 0, `no must-fire case of ${r.code} has a fix that edits (${cases.length} cases)`);
  });
}
