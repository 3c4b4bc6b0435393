// The GPU a job script's file name is written for (`run_cloudlab_a100.sh`, `run_local_v100.sh`): the hardware of its
// run when no scheduler option names one; never from a name holding two GPUs, nor from a config file's name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const TRAIN = `import torch
model = torch.nn.Linear(8, 8).cuda()
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
for step in range(1000):
    loss = model(torch.randn(4, 8).cuda()).sum()
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
`;
const RUN = 'torchrun --nproc-per-node=2 train.py\n';

test('a job script named for one GPU gives its run that GPU (inferred: a name, not an option)', async () => {
  const a = await analyze({ 'train.py': TRAIN, 'run_cloudlab_a100.sh': RUN }, 'run_cloudlab_a100.sh');
  assert.equal(fact(a, 'hardware')?.value, 'a100');
  assert.equal(fact(a, 'hardware')?.origin, 'inferred');
  assert.equal(fact(a, 'devices')?.value, 2);
});

test("the scheduler's GPU type wins over the file name", async () => {
  const sh = `#!/bin/bash\n#SBATCH --gres=gpu:h100:2\n${RUN}`;
  const a = await analyze({ 'train.py': TRAIN, 'run_a100.sh': sh }, 'run_a100.sh');
  assert.equal(fact(a, 'hardware')?.value, 'h100');
});

test('a name holding two GPUs, or a config named for one, gives no hardware', async () => {
  const two = await analyze({ 'train.py': TRAIN, 'compare_a100_h100.sh': RUN }, 'compare_a100_h100.sh');
  assert.equal(fact(two, 'hardware')?.value ?? null, null);
  const ds = JSON.stringify({ train_micro_batch_size_per_gpu: 4, zero_optimization: { stage: 2 } });
  const cfg = await analyze(
    { 'train.py': TRAIN, 'a100_config.json': ds, 'run.sh': 'deepspeed train.py --deepspeed a100_config.json\n' },
    'a100_config.json',
  );
  assert.equal(fact(cfg, 'hardware')?.value ?? null, null);
});

test('a scheduled job named for a GPU on a partition that names none has no hardware; its GPU count stays', async () => {
  const job = `#!/bin/bash\n#SBATCH --partition=pli-c\n#SBATCH --gres=gpu:4\n#SBATCH --job-name=h100_lora\ntorchrun --nproc-per-node=4 train.py\n`;
  const a = await analyze({ 'train.py': TRAIN, 'h100_4device.slurm': job }, 'h100_4device.slurm');
  assert.equal(fact(a, 'hardware')?.value ?? null, null);
  assert.equal(fact(a, 'devices')?.value, 4);
  // The same commands with no scheduler options: the name is all there is, and it is read.
  const plain = await analyze({ 'train.py': TRAIN, 'h100_4device.sh': RUN }, 'h100_4device.sh');
  assert.equal(fact(plain, 'hardware')?.value, 'h100');
});
