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

// Config format: HF-args YAML.
const hfYaml = (model: string, extra: string) =>
  `model_name_or_path: ${model}\noutput_dir: out\nper_device_train_batch_size: 4\nnum_train_epochs: 3\nbf16: true\n${extra}`;

runRuleCases(hubPushEverySave, [
  {
    name: 'HF-args YAML: hub_strategy all_checkpoints, on that line; fixed in YAML',
    file: '/case/sft.yaml',
    code: hfYaml('Qwen/Qwen2.5-1.5B', 'push_to_hub: true\nhub_strategy: all_checkpoints\n'),
    expect: [{ line: 7, column: 1 }],
    fixes: [{ applicability: 'safe', outputIncludes: ['hub_strategy: checkpoint'] }],
  },
  {
    name: 'HF-args YAML: hub_strategy every_save keeps one copy',
    file: '/case/sft.yaml',
    code: hfYaml('Qwen/Qwen2.5-1.5B', 'push_to_hub: true\nhub_strategy: every_save\n'),
    expect: [],
  },
]);
