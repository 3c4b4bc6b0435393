// A rule's documentation page, from its doc fields; used by `greenml explain`, docs/rules/*.md and hovers.
import { RULES } from './index';
import type { Rule } from './types';

export function ruleMarkdown(r: Rule): string {
  return `# ${r.code} ${r.name}

${r.summary}. Default severity: ${r.defaultSeverity}.

## What it does

${r.doc.whatItDoes}

## Why is this bad?

${r.doc.whyIsThisBad}

## Example

\`\`\`python
${r.doc.example}
\`\`\`

## Use instead

\`\`\`python
${r.doc.useInstead}
\`\`\`

## Fix safety

${r.doc.fixSafety}

## Suppression

\`# greenml: ignore[${r.code}]\` or \`# greenml: ignore[${r.name}]\` on the reported line; \`"greenml.severity": { "${r.code}": "off" }\` in VS Code settings, or \`[severity] ${r.code} = "off"\` in greenml.toml.
`;
}

/** The README's rules table (npm run docs writes it between `<!-- rules:start -->` and `<!-- rules:end -->`). */
export function rulesTable(rules: readonly Rule[] = RULES): string {
  const rows = [...rules]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map(
      (r) =>
        `| [${r.code}](docs/rules/${r.code}-${r.name}.md) | \`${r.name}\` | ${r.defaultSeverity} | ${r.summary.replace(/\|/g, '\\|')} |`,
    );
  return ['| Code | Name | Default | What |', '|---|---|---|---|', ...rows, ''].join('\n');
}
