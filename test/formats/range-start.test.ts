// `for epoch in range(start, stop):` runs stop − start times: a resume counter held in an option (`--start-epoch`
// defaulting to 1, as in `range(opt.start_epoch, opt.nEpochs + 1)`) is read before the count is taken
// (engine/extract/loop-bounds.ts `rangeArg`). Fixtures written for this project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const script = (start: number, header: string) => `import argparse
import torch
import torch.nn as nn

parser = argparse.ArgumentParser()
parser.add_argument("--batchSize", type=int, default=64)
parser.add_argument("--nEpochs", type=int, default=80)
parser.add_argument("--start-epoch", default=${start}, type=int)
opt = parser.parse_args()

model = nn.Conv2d(1, 1, 3).cuda()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
loader = torch.utils.data.DataLoader(train_set, batch_size=opt.batchSize, shuffle=True)
${header}
    for x, y in loader:
        loss = nn.functional.mse_loss(model(x.cuda()), y.cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;

test('range(opt.start_epoch, opt.nEpochs + 1) with --start-epoch defaulting to 1 runs nEpochs epochs', async () => {
  const a = await analyze(
    { 'train.py': script(1, 'for epoch in range(opt.start_epoch, opt.nEpochs + 1):') },
    'train.py',
  );
  assert.equal(fact(a, 'epochs')?.value, 80);
});

test('range(opt.start_epoch, opt.nEpochs) from 0 runs nEpochs epochs', async () => {
  const a = await analyze({ 'train.py': script(0, 'for epoch in range(opt.start_epoch, opt.nEpochs):') }, 'train.py');
  assert.equal(fact(a, 'epochs')?.value, 80);
});

test('must not: a start of 5 is no count of nEpochs (nor nEpochs + 1)', async () => {
  const a = await analyze(
    { 'train.py': script(5, 'for epoch in range(opt.start_epoch, opt.nEpochs + 1):') },
    'train.py',
  );
  assert.notEqual(fact(a, 'epochs')?.value, 80);
  assert.notEqual(fact(a, 'epochs')?.value, 81);
});
