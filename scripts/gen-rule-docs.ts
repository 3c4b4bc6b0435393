// Writes docs/rules/<CODE>-<name>.md for every rule (npm run docs). rules/rules.meta.test.ts checks they are current.
import * as fs from 'node:fs';
import { RULES } from '../rules/index';
import { ruleMarkdown } from '../rules/docs';

fs.mkdirSync('docs/rules', { recursive: true });
for (const r of RULES) fs.writeFileSync(`docs/rules/${r.code}-${r.name}.md`, ruleMarkdown(r));
console.log(`wrote ${RULES.length} rule pages to docs/rules/`);
