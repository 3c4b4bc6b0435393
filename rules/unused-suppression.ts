import type { Rule } from './types';

/**
 * GML900 unused-suppression — a suppression comment that suppresses nothing (Ruff's RUF100).
 */
export const unusedSuppression: Rule = {
  code: 'GML900',
  name: 'unused-suppression',
  defaultSeverity: 'information',
  summary: 'A suppression comment suppresses no finding',
  waste: false,
  document: true,
  doc: {
    whatItDoes:
      'Flags `# greenml: ignore[...]`, `# noqa: GML…`, `# greenml: disable[...]` and `# greenml: ignore-file[...]` ' +
      'selectors that suppressed no finding in this analysis. Selectors of rules that are switched off (by `select`, ' +
      '`ignore`, `per-file-ignores` or a severity of "off") are not judged.',
    whyIsThisBad:
      'A stale suppression hides the next real finding on that line: the code was changed (bf16 turned on, saving ' +
      're-enabled) and the comment stayed. Ruff (RUF100) and ESLint (`--report-unused-disable-directives`) report ' +
      'them for the same reason.',
    example: 'args = TrainingArguments(output_dir="out", bf16=True)  # greenml: ignore[GML101]',
    useInstead: 'args = TrainingArguments(output_dir="out", bf16=True)',
    fixSafety:
      'Safe: it removes the selector, or the whole comment when it was the last one. A finding that needs settings ' +
      'this analysis lacked (for example the hardware) would come back: set them before applying fixes on save.',
  },
  check: () => [],
};
