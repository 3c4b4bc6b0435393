// `accelerate launch` with no `--num_processes` and no `--config_file` starts one process per visible GPU (current
// accelerate's launch command sets the count to `torch.cuda.device_count()`), so a `CUDA_VISIBLE_DEVICES` list on the
// command or exported before it is the device count. Its counterparts state nothing: a named config (which holds the
// count), no visible-device list, and several machines. Fixtures written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, launchedFact } from './helpers';

const TRAIN = `import torch
from accelerate import Accelerator

accelerator = Accelerator()
model = torch.nn.Linear(512, 512)
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)
loader = torch.utils.data.DataLoader(dataset, batch_size=16, shuffle=True)
model, optimizer, loader = accelerator.prepare(model, optimizer, loader)
for epoch in range(3):
    for x, y in loader:
        loss = torch.nn.functional.mse_loss(model(x), y)
        accelerator.backward(loss)
        optimizer.step()
        optimizer.zero_grad()
`;

const launched = async (sh: string) => analyze({ 'train.py': TRAIN, 'run.sh': sh }, 'run.sh');

test('CUDA_VISIBLE_DEVICES=0,1,2,3 accelerate launch: four processes, and the global batch follows', async () => {
  const a = await launched('CUDA_VISIBLE_DEVICES=0,1,2,3 accelerate launch train.py\n');
  const d = launchedFact(a, 'devices');
  assert.equal(d?.value, 4);
  assert.equal(d?.origin, 'inferred');
  assert.match(d?.note ?? '', /one process per visible GPU/);
  assert.equal(launchedFact(a, 'global_batch')?.value, 64);
});

test('an exported device list before accelerate launch counts too', async () => {
  const a = await launched('export CUDA_VISIBLE_DEVICES=0,1\naccelerate launch --mixed_precision bf16 train.py\n');
  assert.equal(launchedFact(a, 'devices')?.value, 2);
});

test('--num_processes written on the command wins over the visible list', async () => {
  const a = await launched('CUDA_VISIBLE_DEVICES=0,1,2,3 accelerate launch --num_processes 2 train.py\n');
  assert.equal(launchedFact(a, 'devices')?.value, 2);
  assert.equal(launchedFact(a, 'devices')?.origin, 'explicit');
});

test('must not: a named config, no visible list, or several machines leave the count to what is not in view', async () => {
  for (const sh of [
    'CUDA_VISIBLE_DEVICES=0,1 accelerate launch --config_file missing.yaml train.py\n',
    'accelerate launch train.py\n',
    'CUDA_VISIBLE_DEVICES=0,1 accelerate launch --num_machines 2 --machine_rank 0 train.py\n',
  ]) {
    const d = launchedFact(await launched(sh), 'devices');
    assert.ok(!d || d.origin === 'assumed' || d.value === null, `${sh.trim()}: ${d?.value} (${d?.origin})`);
  }
});
