import { runRuleCases } from '../test/helpers/rule-harness';
import { unknownRuleCode } from './unknown-rule-code';

runRuleCases(unknownRuleCode, [
  {
    name: 'a letter O for a zero: an error naming the code, which the fix removes',
    code: `from transformers import TrainingArguments\nargs = TrainingArguments(output_dir="o", bf16=True)  # greenml: ignore[GML1O1]\n`,
    settings: { hardware: 'a100' },
    expect: [{ line: 2, column: 72, endColumn: 78, severity: 'error', messageIncludes: '"GML1O1"' }],
    fixes: [
      {
        applicability: 'safe',
        output: `from transformers import TrainingArguments\nargs = TrainingArguments(output_dir="o", bf16=True)\n`,
      },
    ],
  },
  {
    name: 'noqa with a code no rule has',
    code: `from transformers import TrainingArguments\nargs = TrainingArguments(output_dir="o", bf16=True)  # noqa: GML999\n`,
    expect: [{ line: 2, severity: 'error', messageIncludes: 'GML999' }],
  },
  {
    name: 'codes, prefixes and names of real rules are known',
    code: `from transformers import TrainingArguments\nargs = TrainingArguments(output_dir="o")  # greenml: ignore[GML101, GML3, no-periodic-checkpoint]\n`,
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a file with no run still gets its unknown codes named',
    code: `import os  # greenml: ignore[not-a-rule]\n`,
    expect: [{ line: 1, messageIncludes: 'not-a-rule' }],
  },
]);
