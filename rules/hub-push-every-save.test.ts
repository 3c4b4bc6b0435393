import { runRuleCases } from '../test/helpers/rule-harness';
import { hubPushEverySave } from './hub-push-every-save';

const script = (args: string) =>
  `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-0.5B")\nargs = TrainingArguments(output_dir="o", bf16=True, ${args})\nTrainer(model=model, args=args).train()\n`;

runRuleCases(hubPushEverySave, [
  {
    name: 'every checkpoint pushed: the fix keeps only the latest',
    code: script('push_to_hub=True, hub_strategy="all_checkpoints"'),
    settings: { hardware: 'a100' },
    expect: [{ line: 3, column: 71, messageIncludes: 'Every checkpoint is uploaded' }],
    fixes: [{ applicability: 'safe', output: script('push_to_hub=True, hub_strategy="checkpoint"') }],
  },
  {
    name: 'pushing at the end',
    code: script('push_to_hub=True, hub_strategy="end"'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  { name: 'no push', code: script('hub_strategy="all_checkpoints"'), settings: { hardware: 'a100' }, expect: [] },
]);
