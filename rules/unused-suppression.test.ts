import { runRuleCases } from '../test/helpers/rule-harness';
import { unusedSuppression } from './unused-suppression';

const fp32 = (comment = '', after = '') =>
  `from transformers import TrainingArguments\nargs = TrainingArguments(output_dir="o")${comment}\n${after}`;
const a100 = { hardware: 'a100' };

runRuleCases(unusedSuppression, [
  {
    name: 'a used line suppression is not reported',
    code: fp32('  # greenml: ignore[GML101]'),
    settings: a100,
    expect: [],
  },
  {
    name: 'a suppression on a line with nothing to suppress: reported on the code, the fix removes the comment',
    code: `from transformers import TrainingArguments\nargs = TrainingArguments(output_dir="o", bf16=True)  # greenml: ignore[GML101]\n`,
    settings: a100,
    expect: [{ line: 2, column: 72, endColumn: 78, messageIncludes: 'no GML101 finding is on this line' }],
    fixes: [
      {
        applicability: 'safe',
        titleIncludes: 'Remove unused suppression',
        output: `from transformers import TrainingArguments\nargs = TrainingArguments(output_dir="o", bf16=True)\n`,
      },
    ],
  },
  {
    name: 'one selector of two is unused: only it is removed',
    code: fp32('  # greenml: ignore[GML101, GML301]'),
    settings: a100,
    expect: [{ line: 2, messageIncludes: 'GML301' }],
    fixes: [{ applicability: 'safe', output: fp32('  # greenml: ignore[GML101]') }],
  },
  {
    name: 'noqa form, used',
    code: fp32('  # noqa: GML101'),
    settings: a100,
    expect: [],
  },
  {
    name: 'noqa naming only another tool is not ours',
    code: `from transformers import TrainingArguments\nargs = TrainingArguments(output_dir="o", bf16=True)  # noqa: E501\n`,
    settings: a100,
    expect: [],
  },
  {
    name: 'a comment alone on the line above covers the next line',
    code: `from transformers import TrainingArguments\n# greenml: ignore[mixed-precision-off]\nargs = TrainingArguments(output_dir="o")\n`,
    settings: a100,
    expect: [],
  },
  {
    name: 'a block suppression by prefix is used by the finding inside it',
    code: `from transformers import TrainingArguments\n# greenml: disable[GML1]\nargs = TrainingArguments(output_dir="o")\n# greenml: enable[GML1]\n`,
    settings: a100,
    expect: [],
  },
  {
    name: 'a block that suppresses nothing is reported, and the fix removes the comment line',
    code: `from transformers import TrainingArguments\n# greenml: disable[GML3]\nargs = TrainingArguments(output_dir="o", bf16=True)\n`,
    settings: a100,
    expect: [{ line: 2, messageIncludes: 'in this block' }],
    fixes: [
      {
        applicability: 'safe',
        output: `from transformers import TrainingArguments\nargs = TrainingArguments(output_dir="o", bf16=True)\n`,
      },
    ],
  },
  {
    name: 'a file suppression is used by a finding anywhere in the file',
    code: `# greenml: ignore-file[GML101]\nfrom transformers import TrainingArguments\nargs = TrainingArguments(output_dir="o")\n`,
    settings: a100,
    expect: [],
  },
  {
    name: 'a suppression of a rule switched off is not judged',
    code: `from transformers import TrainingArguments\nargs = TrainingArguments(output_dir="o", bf16=True)  # greenml: ignore[GML101]\n`,
    settings: { hardware: 'a100', ignore: ['GML101'] },
    expect: [],
  },
  {
    name: 'a YAML comment in a config of a run is read the same way',
    file: '/case/args.yaml',
    code: 'output_dir: out\nper_device_train_batch_size: 8\nlearning_rate: 2.0e-5\nbf16: true  # greenml: ignore[GML101]\n',
    settings: a100,
    expect: [{ line: 4 }],
    fixes: [
      {
        applicability: 'safe',
        output: 'output_dir: out\nper_device_train_batch_size: 8\nlearning_rate: 2.0e-5\nbf16: true\n',
      },
    ],
  },
]);
