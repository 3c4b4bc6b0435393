// No value the files do not support (issue 11), session 19: a nanoGPT-style script that saves only when the validation
// loss improves (`always_save_checkpoint = False`) has no save cadence to report. Fixtures written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const NANO = (always: string) => `import os
import torch
eval_interval = 500
always_save_checkpoint = ${always}
gradient_accumulation_steps = 1
batch_size = 8
block_size = 512
max_iters = 4000
dtype = 'bfloat16'
compile = False
exec(open('configurator.py').read())
while True:
    with ctx:
        logits, loss = model(X, Y)
    scaler.scale(loss).backward()
    scaler.step(optimizer)
    if iter_num % eval_interval == 0 and iter_num > 0:
        if losses['val'] < best_val_loss or always_save_checkpoint:
            torch.save(checkpoint, os.path.join(out_dir, 'ckpt.pt'))
`;

test('nanoGPT: a checkpoint only when the validation loss improves has no save cadence; always saving has one', async () => {
  const best = await analyze({ 'train.py': NANO('False') }, 'train.py');
  assert.equal(fact(best, 'save_steps')?.value, null);
  assert.equal(fact(best, 'save_steps')?.form, 'best-only');
  // nanoGPT's default eval_interval (2000) is not filled in either.
  assert.equal(fact(best, 'periodic_save')?.value, 'steps');
  const always = await analyze({ 'train.py': NANO('True') }, 'train.py');
  assert.equal(fact(always, 'save_steps')?.value, 500);
  // A config that leaves always_save_checkpoint out keeps train.py's default (True) and its cadence.
  const unset = await analyze(
    { 'train.py': NANO('True').replace(/^always_save_checkpoint = True\n/m, '') },
    'train.py',
  );
  assert.equal(fact(unset, 'save_steps')?.value, 500);
});
