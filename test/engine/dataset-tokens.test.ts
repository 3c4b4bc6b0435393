// A fine-tune that loads a dataset whose card gives its tokens per example: the run's tokens are samples × epochs ×
// those tokens, truncated to the length the script states, not a share of the maximum length.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runShape } from '../../engine/plan';
import { analyze, settings, theRun } from '../formats/helpers';

const sft = (maxLength: number) => `from datasets import load_dataset
from trl import SFTConfig, SFTTrainer

dataset = load_dataset("HuggingFaceH4/ultrachat_200k", split="train_sft")
config = SFTConfig(output_dir="out", per_device_train_batch_size=4, num_train_epochs=2, max_length=${maxLength})
trainer = SFTTrainer(model="meta-llama/Llama-3.1-8B", args=config, train_dataset=dataset)
trainer.train()
`;

test("a dataset card's tokens per example reach the core, truncated to the script's length", async () => {
  const long = runShape(
    theRun(await analyze({ 'train.py': sft(4096) }, 'train.py', { hardware: 'h100' })).plan,
    settings({ hardware: 'h100' }),
  );
  assert.equal(long.inputs.samples, 207_865);
  assert.equal(long.inputs.epochs, 2);
  assert.equal(long.inputs.tokensPerSample, 1600);
  assert.match(long.assumptions.find((a) => a.key === 'samples')!.text, /1,600 tokens each/);
  const short = runShape(
    theRun(await analyze({ 'train.py': sft(512) }, 'train.py', { hardware: 'h100' })).plan,
    settings({ hardware: 'h100' }),
  );
  assert.equal(short.inputs.tokensPerSample, 512, 'a 512-token limit truncates the conversations');
});
