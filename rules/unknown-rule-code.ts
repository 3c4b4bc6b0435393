import type { Rule } from './types';

/**
 * GML901 unknown-rule-code — a suppression comment names a rule that does not exist.
 */
export const unknownRuleCode: Rule = {
  code: 'GML901',
  name: 'unknown-rule-code',
  defaultSeverity: 'error',
  summary: 'A suppression comment names no rule (a typo such as GML1O1)',
  waste: false,
  document: true,
  doc: {
    whatItDoes:
      'Flags selectors in suppression comments that match no rule code, code prefix or rule name, e.g. ' +
      '`# greenml: ignore[GML1O1]` (letter O) or `# noqa: GML999`.',
    whyIsThisBad:
      'A misspelt suppression suppresses nothing: the finding it was meant to silence still shows, and the comment ' +
      'misleads the next reader into thinking the line was reviewed. Settings and `greenml.toml` reject unknown codes ' +
      'for the same reason (the CLI exits with status 2).',
    example: 'args = TrainingArguments(output_dir="out")  # greenml: ignore[GML1O1]',
    useInstead: 'args = TrainingArguments(output_dir="out")  # greenml: ignore[GML101]',
    fixSafety: 'Safe: the fix removes the unknown selector, which suppressed nothing.',
  },
  check: () => [],
};
