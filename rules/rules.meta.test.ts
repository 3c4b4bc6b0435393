// Keeps the rule set honest (typescript-eslint's docs test): unique codes, names matching files, complete docs,
// a test file per rule, and generated docs pages that match the rule's doc.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { RULES } from './index';
import { ruleMarkdown } from './docs';

test('codes and names are unique and well-formed', () => {
  assert.equal(new Set(RULES.map((r) => r.code)).size, RULES.length);
  assert.equal(new Set(RULES.map((r) => r.name)).size, RULES.length);
  for (const r of RULES) {
    assert.match(r.code, /^GML\d{3}$/);
    assert.match(r.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  }
});

for (const r of RULES) {
  test(`${r.code} ${r.name}: file, tests, docs`, () => {
    assert.ok(fs.existsSync(path.join('rules', `${r.name}.ts`)), `rules/${r.name}.ts`);
    assert.ok(fs.existsSync(path.join('rules', `${r.name}.test.ts`)), `rules/${r.name}.test.ts`);
    for (const [k, v] of Object.entries(r.doc)) assert.ok(v.trim().length > 20, `${r.code} doc.${k} is empty`);
    const page = path.join('docs', 'rules', `${r.code}-${r.name}.md`);
    assert.ok(fs.existsSync(page), `${page} missing: run npm run docs`);
    assert.equal(fs.readFileSync(page, 'utf8'), ruleMarkdown(r), `${page} is stale: run npm run docs`);
  });
}
