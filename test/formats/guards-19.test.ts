// No value the files do not support (issue 11), session 19: a yacs YAML whose SOLVER names the batch `BATCH_SIZE` or
// the rate `LR` is not detectron2's; `range(start, stop)` counts stop − start; `torch.compile` under a switch that is
// False is not compiled; nanoGPT's `'bfloat16' if is_bf16_supported() else 'float16'` waits for the hardware, its
// accumulation divided by the process count waits for a stated count, and a save only when the validation loss improves
// has no cadence. Fixtures written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, theRun } from './helpers';

test('a yacs YAML whose SOLVER names the batch BATCH_SIZE and the rate LR is not detectron2: no detectron2 defaults', async () => {
  const own =
    'MODEL:\n  NUM_CLASSES: 21\nINPUT:\n  IMAGE_SIZE: 300\nSOLVER:\n  MAX_ITER: 1000\n  BATCH_SIZE: 16\n  LR: 0.001\n';
  const a = await analyze({ 'configs/ssd_voc.yaml': own }, 'configs/ssd_voc.yaml');
  assert.notEqual(theRun(a).plan.framework, 'detectron2');
  for (const k of ['save_steps', 'num_workers', 'global_batch'] as const) assert.equal(fact(a, k), undefined, k);
  assert.equal(fact(a, 'micro_batch')?.value, 16);
  // detectron2's own spellings under the same nodes: still detectron2, with its documented checkpoint period.
  const d2 =
    'MODEL:\n  META_ARCHITECTURE: "RetinaNet"\nSOLVER:\n  MAX_ITER: 1000\n  IMS_PER_BATCH: 16\n  BASE_LR: 0.01\n';
  const b = await analyze({ 'configs/retina.yaml': d2 }, 'configs/retina.yaml');
  assert.equal(theRun(b).plan.framework, 'detectron2');
  assert.equal(fact(b, 'save_steps')?.value, 5000);
});

const SR = (start: string, stop: string) => `import argparse
import torch
parser = argparse.ArgumentParser()
parser.add_argument("--nEpochs", type=int, default=40)
parser.add_argument("--start-epoch", type=int, default=${start})
opt = parser.parse_args()
model = torch.nn.Conv2d(1, 1, 3).cuda()
optimizer = torch.optim.Adam(model.parameters())
loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.randn(64, 1, 8, 8)), batch_size=8)
for epoch in range(opt.start_epoch, ${stop}):
    for (x,) in loader:
        loss = model(x.cuda()).abs().mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;

test('range(opt.start_epoch, opt.nEpochs + 1) from a start of 1 runs nEpochs epochs, not nEpochs + 1', async () => {
  const a = await analyze({ 'main_sr.py': SR('1', 'opt.nEpochs + 1') }, 'main_sr.py');
  assert.equal(fact(a, 'epochs')?.value, 40);
  // A start of 0 (the resume counter of the PyTorch ImageNet example) counts the stop itself.
  const b = await analyze({ 'main_sr.py': SR('0', 'opt.nEpochs') }, 'main_sr.py');
  assert.equal(fact(b, 'epochs')?.value, 40);
  const c = await analyze({ 'main_sr.py': SR('0', 'opt.nEpochs + 1') }, 'main_sr.py');
  assert.equal(fact(c, 'epochs')?.value, 41);
});

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
