import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runRuleCases } from '../test/helpers/rule-harness';
import { niceSaveSteps, noPeriodicCheckpoint } from './no-periodic-checkpoint';

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
    name: 'a short but heavy run (8 steps): the proposed interval ends before the run, and the fix clears the finding',
    code: script(
      'meta-llama/Llama-3.1-70B',
      '    max_steps=8,\n    per_device_train_batch_size=64,\n    gradient_accumulation_steps=64,\n    save_steps=9,',
    ),
    settings: { hardware: 'h100' },
    expect: [{ line: 10, messageIncludes: 'save_steps=9 is not reached' }],
    // ≈ 50 min per step: half an hour of training is one step, well before the run's 8.
    fixTitleIncludes: 'Save a checkpoint every 1 step (',
    fixedIncludes: ['save_steps=1,'],
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

test('the proposed interval is always shorter than the run, or there is none', () => {
  for (const total of [1, 2, 3, 8, 9, 39, 40, 41, 400, 12_345])
    for (const wall of [0, 0.01, 1, 6.7, 100]) {
      const s = niceSaveSteps(total, wall);
      if (s !== undefined) assert.ok(s >= 1 && s < total, `${total} steps, ${wall} h → ${s}`);
    }
  assert.equal(niceSaveSteps(1, 10), undefined);
});
