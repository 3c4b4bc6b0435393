import { runRuleCases } from '../test/helpers/rule-harness';
import { bf16OnPreAmpere } from './bf16-on-pre-ampere';

const script = (args: string) =>
  `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-1.5B")\nargs = TrainingArguments(output_dir="o", ${args})\nTrainer(model=model, args=args).train()\n`;

runRuleCases(bf16OnPreAmpere, [
  {
    name: 'bf16=True on a T4: warning on the argument, fix to fp16',
    code: script('bf16=True'),
    settings: { hardware: 't4' },
    expect: [{ line: 3, column: 42, endColumn: 51, severity: 'warning', messageIncludes: 'no bf16' }],
    fixes: [{ applicability: 'unsafe', output: script('bf16=False, fp16=True') }],
  },
  { name: 'bf16 on an A100 is right', code: script('bf16=True'), settings: { hardware: 'a100' }, expect: [] },
  { name: 'bf16 on a TPU is right', code: script('bf16=True'), settings: { hardware: 'tpu v3' }, expect: [] },
  { name: 'unknown hardware: silent', code: script('bf16=True'), expect: [] },
  {
    name: "TRL's bf16 default is not written: not flagged here",
    code: `from trl import SFTConfig, SFTTrainer\nconfig = SFTConfig(output_dir="out")\nSFTTrainer(model="Qwen/Qwen2.5-0.5B", args=config).train()\n`,
    settings: { hardware: 't4' },
    expect: [],
  },
]);
