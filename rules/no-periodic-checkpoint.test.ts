import { runRuleCases } from '../test/helpers/rule-harness';
import { noPeriodicCheckpoint } from './no-periodic-checkpoint';

const script = (
  model: string,
  args: string,
) => `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
model = AutoModelForCausalLM.from_pretrained("${model}")
train = load_dataset("tatsu-lab/alpaca", split="train")
args = TrainingArguments(
    output_dir="out",
    bf16=True,
${args}
)
Trainer(model=model, args=args, train_dataset=train).train()
`;

runRuleCases(noPeriodicCheckpoint, [
  {
    name: 'save_strategy="no" on a multi-hour run: warning on that argument, fix saves every N steps',
    code: script('Qwen/Qwen2.5-1.5B', '    num_train_epochs=3,\n    save_strategy="no",'),
    settings: { hardware: 'a100-80gb' },
    expect: [{ line: 8, severity: 'warning', messageIncludes: 'cannot survive an interruption' }],
    fixTitleIncludes: 'saves ≈',
    fixedIncludes: ['save_strategy="steps"', 'save_steps='],
  },
  {
    name: 'the Trainer default (every 500 steps) is periodic',
    code: script('Qwen/Qwen2.5-1.5B', '    num_train_epochs=3,'),
    settings: { hardware: 'a100-80gb' },
    expect: [],
  },
  {
    name: 'a short run (GPT-2, 200 steps) needs no checkpoint',
    code: script('gpt2', '    max_steps=200,\n    save_strategy="no",'),
    settings: { hardware: 'a100-80gb' },
    expect: [],
  },
  {
    name: 'save_steps larger than the whole run: no checkpoint is ever written',
    code: script(
      'meta-llama/Llama-3.1-8B',
      '    max_steps=3000,\n    per_device_train_batch_size=8,\n    gradient_accumulation_steps=8,\n    save_steps=5000,',
    ),
    settings: { hardware: 'h100' },
    expect: [{ line: 10, messageIncludes: 'save_steps=5000 is not reached' }],
    fixedIncludes: ['save_steps=', 'save_strategy="steps"'],
  },
  {
    name: 'run length resting on an assumed dataset size: information, and the message says so',
    code: script('Qwen/Qwen2.5-1.5B', '    num_train_epochs=3,\n    save_strategy="no",').replace(
      'train = load_dataset("tatsu-lab/alpaca", split="train")',
      'train = load_dataset("my-org/private-data", split="train")',
    ),
    settings: { hardware: 'a100-80gb' },
    expect: [{ line: 8, severity: 'information', messageIncludes: 'assuming the dataset size' }],
  },
  {
    name: 'run length unknown (model not in the table): information only',
    code: script('my-org/private-model', '    save_strategy="no",'),
    settings: { hardware: 'a100-80gb' },
    expect: [{ line: 7, severity: 'information' }],
  },
]);
