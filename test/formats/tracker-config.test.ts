// A tracker's record of the run (`wandb: {config: {model: llama3-8b, batch_size: 128}}`) is a label logged for
// display, not a setting: the model is what the config loads (`model_path_or_name`), and a config whose only model
// word sits in the tracker's record names none.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const config = (load: string) => `seed: 0
train:
${load}
  wandb:
    do: True
    project: "conditional_learning"
    config:
      batch_size: 128
      model: "llama3-8b"
  training_args:
    per_device_train_batch_size: 1
    gradient_accumulation_steps: 16
    num_train_epochs: 1
    save_steps: 75
    bf16: True
`;

test('the model a config loads, not the name its W&B record logs', async () => {
  const a = await analyze(
    { 'configs/main.yaml': config('  model_path_or_name: "acme/Llama-Mini-8B"') },
    'configs/main.yaml',
  );
  assert.equal(fact(a, 'model')?.value, 'acme/Llama-Mini-8B');
  assert.equal(fact(a, 'micro_batch')?.value, 1);
});

test("a W&B record's model and batch are not the run's", async () => {
  const a = await analyze({ 'configs/main.yaml': config('  do: True') }, 'configs/main.yaml');
  assert.equal(fact(a, 'model')?.value ?? null, null);
  assert.notEqual(fact(a, 'global_batch')?.value, 128);
});
