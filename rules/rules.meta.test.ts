// Keeps the rule set honest (typescript-eslint's docs test): unique codes, names matching files, complete docs,
// a test file per rule, and generated docs pages that match the rule's doc.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { RULES } from './index';
import { ruleMarkdown, rulesTable } from './docs';

test('codes and names are unique and well-formed', () => {
  assert.equal(new Set(RULES.map((r) => r.code)).size, RULES.length);
  assert.equal(new Set(RULES.map((r) => r.name)).size, RULES.length);
  for (const r of RULES) {
    assert.match(r.code, /^GML\d{3}$/);
    assert.match(r.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  }
});

const HEADINGS = ['## What it does', '## Why is this bad?', '## Example', '## Use instead', '## Fix safety'];

test('the README rules table is current (npm run docs)', () => {
  const readme = fs.readFileSync('README.md', 'utf8');
  assert.ok(readme.includes(`<!-- rules:start -->\n${rulesTable()}<!-- rules:end -->`), 'README rules table is stale');
});

test('at least 30 rules', () => assert.ok(RULES.length >= 30, `${RULES.length} rules`));

for (const r of RULES) {
  test(`${r.code} ${r.name}: file, tests, docs`, () => {
    const src = path.join('rules', `${r.name}.ts`);
    assert.ok(fs.existsSync(src), `rules/${r.name}.ts`);
    // The rule object is defined in the file named after it, with that code.
    assert.match(fs.readFileSync(src, 'utf8'), new RegExp(`code: '${r.code}',\\s*name: '${r.name}'`));
    const tests = path.join('rules', `${r.name}.test.ts`);
    assert.ok(fs.existsSync(tests), `rules/${r.name}.test.ts`);
    // Cases beside the rule: at least one that must fire and one that must not.
    const cases = fs.readFileSync(tests, 'utf8');
    assert.match(cases, /runRuleCases\(/, `${tests} runs no cases through the harness`);
    assert.match(cases, /expect: \[\s*\]/, `${tests} has no must-not-fire case`);
    assert.match(cases, /expect: \[\s*\{/, `${tests} has no must-fire case`);
    for (const [k, v] of Object.entries(r.doc)) assert.ok(v.trim().length > 20, `${r.code} doc.${k} is empty`);
    const md = ruleMarkdown(r);
    for (const h of HEADINGS) assert.ok(md.includes(`\n${h}\n`), `${r.code} page lacks "${h}"`);
    const page = path.join('docs', 'rules', `${r.code}-${r.name}.md`);
    assert.ok(fs.existsSync(page), `${page} missing: run npm run docs`);
    assert.equal(fs.readFileSync(page, 'utf8'), ruleMarkdown(r), `${page} is stale: run npm run docs`);
  });
}
