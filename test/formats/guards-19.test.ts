// No value the files do not support (issue 11), session 19: `torch.compile` under a switch that is False is not
// compiled; nanoGPT's `'bfloat16' if is_bf16_supported() else 'float16'` waits for the hardware, its
// accumulation divided by the process count waits for a stated count, and a save only when the validation loss improves
// has no cadence. Fixtures written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const COMPILED = (flag: string) => `import torch
if __name__ == "__main__":
    compile = ${flag}
    model = torch.nn.Linear(8, 8).cuda()
    optimizer = torch.optim.AdamW(model.parameters())
    if compile:
        model = torch.compile(model)
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.randn(64, 8)), batch_size=8)
    for epoch in range(2):
        for (x,) in loader:
            loss = model(x.cuda()).pow(2).mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
`;

test('torch.compile under `if compile:` with compile = False is not compiled; with True it is', async () => {
  const off = await analyze({ 'pretrain.py': COMPILED('False') }, 'pretrain.py');
  assert.equal(fact(off, 'compile')?.value, false);
  const on = await analyze({ 'pretrain.py': COMPILED('True') }, 'pretrain.py');
  assert.equal(fact(on, 'compile')?.value, true);
});

const NANO = (dtype: string, always: string) => `import os
import torch
eval_interval = 500
always_save_checkpoint = ${always}
gradient_accumulation_steps = 16
batch_size = 8
block_size = 512
max_iters = 4000
dtype = ${dtype}
compile = False
exec(open('configurator.py').read())
ddp = int(os.environ.get('RANK', -1)) != -1
if ddp:
    ddp_world_size = int(os.environ['WORLD_SIZE'])
    gradient_accumulation_steps //= ddp_world_size
while True:
    for micro_step in range(gradient_accumulation_steps):
        with ctx:
            logits, loss = model(X, Y)
        scaler.scale(loss).backward()
    scaler.step(optimizer)
    if iter_num % eval_interval == 0 and iter_num > 0:
        if losses['val'] < best_val_loss or always_save_checkpoint:
            torch.save(checkpoint, os.path.join(out_dir, 'ckpt.pt'))
`;
const BY_GPU = "'bfloat16' if torch.cuda.is_available() and torch.cuda.is_bf16_supported() else 'float16'";

test('nanoGPT: a dtype the GPU decides is unknown until the hardware is; then bf16 or fp16 by the GPU', async () => {
  const alone = await analyze({ 'train.py': NANO(BY_GPU, 'True') }, 'train.py');
  assert.equal(fact(alone, 'precision')?.value, null);
  const a100 = await analyze({ 'train.py': NANO(BY_GPU, 'True') }, 'train.py', { hardware: 'a100' });
  assert.equal(fact(a100, 'precision')?.value, 'bf16');
  const v100 = await analyze({ 'train.py': NANO(BY_GPU, 'True') }, 'train.py', { hardware: 'v100' });
  assert.equal(fact(v100, 'precision')?.value, 'fp16');
  // A dtype written as a literal is the run's on any GPU.
  const written = await analyze({ 'train.py': NANO("'bfloat16'", 'True') }, 'train.py');
  assert.equal(fact(written, 'precision')?.value, 'bf16');
});

test('nanoGPT: accumulation divided by the process count is unknown per process until the count is stated', async () => {
  const alone = await analyze({ 'train.py': NANO("'bfloat16'", 'True') }, 'train.py');
  assert.equal(fact(alone, 'grad_accum')?.value, null);
  // The global batch does not depend on the count: 8 × 16.
  assert.equal(fact(alone, 'global_batch')?.value, 128);
  const four = await analyze(
    {
      'train.py': NANO("'bfloat16'", 'True'),
      'run.sh': 'torchrun --standalone --nproc_per_node=4 train.py\n',
    },
    'run.sh',
  );
  assert.equal(fact(four, 'grad_accum')?.value, 4);
  const set = await analyze({ 'train.py': NANO("'bfloat16'", 'True') }, 'train.py', { devices: 2 });
  assert.equal(fact(set, 'grad_accum')?.value, 8);
});

test('nanoGPT: a checkpoint only when the validation loss improves has no save cadence; always saving has one', async () => {
  const best = await analyze({ 'train.py': NANO("'bfloat16'", 'False') }, 'train.py');
  assert.equal(fact(best, 'save_steps'), undefined);
  assert.equal(fact(best, 'periodic_save')?.form, 'best-only');
  const always = await analyze({ 'train.py': NANO("'bfloat16'", 'True') }, 'train.py');
  assert.equal(fact(always, 'save_steps')?.value, 500);
});
