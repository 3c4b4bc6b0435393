// Devices a shell launcher fixes through the environment it gives its training command, for tools the launcher
// reader does not know (read through the vocabulary): one GPU made visible is one device. Each case has its
// counterpart that must stay unknown. Fixtures written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const TRAIN = (env: string) => `#!/usr/bin/env bash
${env}fairseq-train data-bin/wmt \\
  --arch transformer --optimizer adam --lr 5e-4 \\
  --batch-size 32 --max-epoch 20 --fp16 \\
  --save-dir checkpoints
`;

/** No count the files state: nothing, or the one device assumed for every run. */
const unstated = (a: Awaited<ReturnType<typeof analyze>>) =>
  ['assumed', undefined].includes(fact(a, 'devices')?.origin);

test('one GPU made visible to a fairseq-train command is one device; several ids, a variable or none fix no count', async () => {
  const one = await analyze({ 'train.sh': TRAIN('CUDA_VISIBLE_DEVICES=2 ') }, 'train.sh');
  assert.equal(fact(one, 'devices')?.value, 1);
  assert.match(fact(one, 'devices')!.note!, /CUDA_VISIBLE_DEVICES=2/);
  const exported = await analyze({ 'train.sh': TRAIN('export CUDA_VISIBLE_DEVICES=0\n') }, 'train.sh');
  assert.equal(fact(exported, 'devices')?.value, 1);
  // must not: fairseq-train takes every visible GPU, and four are visible.
  const four = await analyze({ 'train.sh': TRAIN('CUDA_VISIBLE_DEVICES=0,1,2,3 ') }, 'train.sh');
  assert.ok(unstated(four));
  // must not: the id is the caller's.
  const chosen = await analyze({ 'train.sh': TRAIN('CUDA_VISIBLE_DEVICES=$1 ') }, 'train.sh');
  assert.ok(unstated(chosen));
  // must not: nothing limits the GPUs the training command sees.
  const none = await analyze({ 'train.sh': TRAIN('') }, 'train.sh');
  assert.ok(unstated(none));
});

test('must not: one GPU given only to the evaluation command, or an assignment that is not exported, fixes no count', async () => {
  const evalOnly = await analyze(
    { 'train.sh': `${TRAIN('')}CUDA_VISIBLE_DEVICES=0 fairseq-generate data-bin/wmt --path checkpoints/last.pt\n` },
    'train.sh',
  );
  assert.ok(unstated(evalOnly));
  // A plain assignment is a shell variable: the training command's environment does not get it.
  const plain = await analyze({ 'train.sh': TRAIN('CUDA_VISIBLE_DEVICES=0\n') }, 'train.sh');
  assert.ok(unstated(plain));
  // Another command of the script sees four GPUs: the script does not keep to one.
  const mixed = await analyze(
    {
      'train.sh': `${TRAIN('CUDA_VISIBLE_DEVICES=0 ')}CUDA_VISIBLE_DEVICES=0,1,2,3 fairseq-train data-bin/big --max-epoch 5\n`,
    },
    'train.sh',
  );
  assert.ok(unstated(mixed));
});

/** A detection-repository template: settings as module constants under `__main__`, the GPUs chosen for the process. */
const TEMPLATE = (pre: string, gpus: string, wrap: string) => `import os
import torch
import torch.nn as nn
from torch.utils.data import DataLoader

def fit_one_epoch(model, opt, loader):
    for x, y in loader:
        loss = nn.functional.cross_entropy(model(x.cuda()), y.cuda())
        opt.zero_grad()
        loss.backward()
        opt.step()

if __name__ == "__main__":
    train_gpu = ${gpus}
    epochs = 100
    ${pre}os.environ["CUDA_VISIBLE_DEVICES"] = ','.join(str(x) for x in train_gpu)
    model = nn.Linear(8, 2)
    ${wrap}
    model = model.cuda()
    opt = torch.optim.Adam(model.parameters(), 1e-3)
    loader = DataLoader(dataset, batch_size=8, num_workers=4)
    for epoch in range(epochs):
        fit_one_epoch(model, opt, loader)
`;

test('a script that makes one GPU visible to itself runs DataParallel on that one; several visible are the count of DataParallel', async () => {
  const one = await analyze({ 'train.py': TEMPLATE('', '[0, ]', 'model = nn.DataParallel(model)') }, 'train.py');
  assert.deepEqual([fact(one, 'devices')?.value, fact(one, 'devices')?.origin], [1, 'inferred']);
  assert.match(fact(one, 'devices')!.note!, /1 GPU visible/);
  const two = await analyze({ 'train.py': TEMPLATE('', '[0, 1]', 'model = nn.DataParallel(model)') }, 'train.py');
  assert.equal(fact(two, 'devices')?.value, 2);
});

test('must not: visible GPUs set in a branch, from the environment, or beside a process group fix no count', async () => {
  const branch = await analyze(
    { 'train.py': TEMPLATE('if epochs > 1000:\n        ', '[0]', 'model = nn.DataParallel(model)') },
    'train.py',
  );
  assert.ok(unstated(branch));
  const env = await analyze(
    {
      'train.py': TEMPLATE('', '[0]', 'model = nn.DataParallel(model)').replace(
        "','.join(str(x) for x in train_gpu)",
        'os.environ.get("GPUS", "0")',
      ),
    },
    'train.py',
  );
  assert.ok(unstated(env));
  // Under torchrun every process sees the same GPU: how many processes run is the launcher's.
  const ddp = await analyze(
    {
      'train.py': TEMPLATE(
        '',
        '[0]',
        'torch.distributed.init_process_group("nccl")\n    model = nn.parallel.DistributedDataParallel(model)',
      ),
    },
    'train.py',
  );
  assert.ok(unstated(ddp));
  // Several visible, but DataParallel is given its own ids: the count is not the visible one (and not this rule's).
  const ids = await analyze(
    { 'train.py': TEMPLATE('', '[0, 1, 2]', 'model = nn.DataParallel(model, [0, 1])') },
    'train.py',
  );
  assert.notEqual(fact(ids, 'devices')?.value, 3);
});
