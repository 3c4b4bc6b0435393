// Writes docs/rules/<CODE>-<name>.md for every rule (npm run docs). rules/rules.meta.test.ts checks they are current.
import * as fs from 'node:fs';
import { RULES } from '../rules/index';
import { ruleMarkdown, rulesTable } from '../rules/docs';

fs.mkdirSync('docs/rules', { recursive: true });
for (const r of RULES) fs.writeFileSync(`docs/rules/${r.code}-${r.name}.md`, ruleMarkdown(r));
console.log(`wrote ${RULES.length} rule pages to docs/rules/`);

// The README's rules table, between its markers.
const readme = fs.readFileSync('README.md', 'utf8');
const start = '<!-- rules:start -->';
const end = '<!-- rules:end -->';
const i = readme.indexOf(start);
const j = readme.indexOf(end);
if (i !== -1 && j > i) {
  fs.writeFileSync('README.md', readme.slice(0, i + start.length) + '\n' + rulesTable() + readme.slice(j));
  console.log('updated the rules table in README.md');
}
