// NumPy's array writers (`np.save(path, evaluations)`, `np.savez`) in a training loop write returns, embeddings or
// features, not training state: no periodic checkpoint from them (engine/extract/save-names.ts `mediaSave`). A
// checkpoint writer beside them still counts. Fixtures written for this project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const script = (saves: string) => `import argparse
import numpy as np
import torch
import torch.nn as nn

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=40)
args = parser.parse_args()

model = nn.Linear(4, 1).cuda()
optimizer = torch.optim.Adam(model.parameters(), lr=3e-4)
returns = []
for epoch in range(args.epochs):
    for x, y in loader:
        loss = nn.functional.mse_loss(model(x.cuda()), y.cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    returns.append(evaluate(model))
${saves}
`;

test('must not: np.save of the evaluation returns in the epoch loop is no periodic checkpoint', async () => {
  const a = await analyze(
    { 'train.py': script('    np.save(f"./results/run_{epoch}", returns)\n    np.savez("emb.npz", emb=returns)') },
    'train.py',
  );
  assert.equal(fact(a, 'epochs')?.value, 40);
  const save = fact(a, 'periodic_save')?.value;
  assert.ok(save === undefined || save === null || save === 'no', `periodic_save ${save}`);
});

test('torch.save in the same loop beside np.save is a checkpoint each epoch', async () => {
  const a = await analyze(
    {
      'train.py': script(
        '    np.save(f"./results/run_{epoch}", returns)\n    torch.save(model.state_dict(), f"ckpt_{epoch}.pt")',
      ),
    },
    'train.py',
  );
  assert.equal(fact(a, 'periodic_save')?.value, 'epoch');
});
