// A script that loads an ALBERT checkpoint: the plan sizes memory by the stored parameters and the estimate computes with
// the compute-equivalent count (one shared layer run at every depth, Lan et al. 2020), not the 12–223 M the checkpoint stores.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, theRun } from './helpers';

const script = (id: string) =>
  [
    'from transformers import AlbertForMaskedLM, Trainer, TrainingArguments',
    `model = AlbertForMaskedLM.from_pretrained("${id}")`,
    'args = TrainingArguments(output_dir="out", per_device_train_batch_size=16, max_steps=10000, bf16=True)',
    'trainer = Trainer(model=model, args=args, train_dataset=ds)',
    'trainer.train()',
    '',
  ].join('\n');

test('an ALBERT checkpoint is estimated with its compute-equivalent parameters', async () => {
  const a = await analyze({ 'train.py': script('albert/albert-xxlarge-v2') }, 'train.py', { hardware: 'a100' });
  assert.equal(fact(a, 'params')?.value, 222_595_584);
  const run = theRun(a);
  assert.equal(run.inputs.activeParams, 2_437_773_824);
  assert.equal(run.estimate.method, 'flops');
  const flops = run.estimate.assumptions.find((x) => x.key === 'flops')!.text;
  assert.match(flops, /compute-equivalent/);
  assert.doesNotMatch(flops, / active parameters/);
});

test('a BERT checkpoint keeps its stored count as N (no compute-equivalent count)', async () => {
  const a = await analyze({ 'train.py': script('bert-base-uncased') }, 'train.py', { hardware: 'a100' });
  const run = theRun(a);
  assert.equal(run.inputs.activeParams, undefined);
  assert.doesNotMatch(run.estimate.assumptions.find((x) => x.key === 'flops')!.text, /compute-equivalent/);
});
