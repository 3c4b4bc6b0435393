import { runRuleCases } from '../test/helpers/rule-harness';
import { fp16WhereBf16Fits } from './fp16-where-bf16-fits';

const script = (args: string) =>
  `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-1.5B")\nargs = TrainingArguments(output_dir="o", ${args})\nTrainer(model=model, args=args).train()\n`;

runRuleCases(fp16WhereBf16Fits, [
  {
    name: 'fp16=True on an A100: on the argument, the fix switches to bf16',
    code: script('fp16=True'),
    settings: { hardware: 'a100' },
    expect: [{ line: 3, column: 42, endColumn: 51, severity: 'information', messageIncludes: 'A100' }],
    fixes: [{ applicability: 'unsafe', output: script('fp16=False, bf16=True') }],
  },
  {
    name: 'fp16 on a V100 is correct (no bf16)',
    code: script('fp16=True'),
    settings: { hardware: 'v100' },
    expect: [],
  },
  { name: 'fp16 on a T4 is correct', code: script('fp16=True'), settings: { hardware: 't4' }, expect: [] },
  { name: 'unknown hardware: silent', code: script('fp16=True'), expect: [] },
  { name: 'bf16 already', code: script('bf16=True'), settings: { hardware: 'h100' }, expect: [] },
]);
