import { runRuleCases } from '../test/helpers/rule-harness';
import { evalTooFrequent } from './eval-too-frequent';

const script = (args: string) =>
  `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-0.5B")\nargs = TrainingArguments(output_dir="o", bf16=True, max_steps=5000, ${args})\nTrainer(model=model, args=args).train()\n`;

runRuleCases(evalTooFrequent, [
  {
    name: 'eval_steps not set falls back to logging_steps=10: a warning, the fix sets eval_steps',
    code: script('eval_strategy="steps", logging_steps=10'),
    settings: { hardware: 'a100' },
    expect: [{ line: 3, column: 69, severity: 'warning', messageIncludes: 'follows logging_steps' }],
    fixes: [{ applicability: 'safe', output: script('eval_strategy="steps", logging_steps=10, eval_steps=250') }],
  },
  {
    name: 'eval_steps=20 over 5,000 steps',
    code: script('eval_strategy="steps", eval_steps=20'),
    settings: { hardware: 'a100' },
    expect: [{ line: 3, severity: 'information', messageIncludes: '250 evaluations' }],
    fixes: [{ applicability: 'safe', output: script('eval_strategy="steps", eval_steps=250') }],
  },
  {
    name: 'with load_best_model_at_end the checkpoints follow evaluations: no fix',
    code: script('eval_strategy="steps", eval_steps=20, load_best_model_at_end=True'),
    settings: { hardware: 'a100' },
    expect: [{ line: 3 }],
    noFix: true,
  },
  {
    name: 'a reasonable interval',
    code: script('eval_strategy="steps", eval_steps=500'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  { name: 'per epoch', code: script('eval_strategy="epoch"'), settings: { hardware: 'a100' }, expect: [] },
]);
