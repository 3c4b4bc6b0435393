// A repository module with no entry of its own — a trainer class or a training function that only a script of the
// repository calls — takes the run of that script (engine/link/entryless-module.ts, engine/link/importer-runs.ts);
// it keeps its own run where no script runs it, or where it has a `__main__` block. Fixtures written for this project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from './helpers';

const TRAINER = (tail = '') => `import torch

class Trainer:
    def __init__(self, model, loader, epochs):
        self.model = model
        self.loader = loader
        self.epochs = epochs
        self.opt = torch.optim.SGD(model.parameters(), lr=0.1)

    def fit(self):
        for epoch in range(self.epochs):
            for x, y in self.loader:
                self.opt.zero_grad()
                loss = torch.nn.functional.mse_loss(self.model(x), y)
                loss.backward()
                self.opt.step()
            torch.save(self.model.state_dict(), f"ckpt_{epoch}.pt")
${tail}`;

const MAIN = `import torch
from torch.utils.data import DataLoader
from engine.trainer import Trainer

if __name__ == "__main__":
    model = torch.nn.Linear(4, 1)
    loader = DataLoader(torch.utils.data.TensorDataset(torch.zeros(64, 4), torch.zeros(64, 1)), batch_size=16)
    Trainer(model, loader, epochs=12).fit()
`;

const runsOf = (a: Awaited<ReturnType<typeof analyze>>) =>
  [...a.runs, ...(a.linked ?? [])].filter((r) => !r.plan.launchedBy);

test('a trainer module with no entry takes the run of the script that imports and runs it', async () => {
  const a = await analyze(
    { 'main.py': MAIN, 'engine/__init__.py': '', 'engine/trainer.py': TRAINER() },
    'engine/trainer.py',
  );
  const runs = runsOf(a);
  assert.equal(runs.length, 1);
  assert.equal(runs[0].plan.entry.file, '/proj/main.py');
  assert.ok(runs[0].plan.files.includes('/proj/engine/trainer.py'));
  assert.equal(runs[0].plan.facts.get('micro_batch')?.value, 16);
  assert.equal(runs[0].plan.facts.get('epochs')?.value, 12);
});

test('a trainer re-exported by its package (`from engine import Trainer`) is found through the package', async () => {
  const main = MAIN.replace('from engine.trainer import Trainer', 'from engine import Trainer');
  const files = {
    'main.py': main,
    'engine/__init__.py': 'from .trainer import Trainer\n',
    'engine/trainer.py': TRAINER(),
  };
  const runs = runsOf(await analyze(files, 'engine/trainer.py'));
  assert.equal(runs.length, 1);
  assert.equal(runs[0].plan.entry.file, '/proj/main.py');
});

test('must not: a module no script imports keeps its own run', async () => {
  const runs = runsOf(await analyze({ 'engine/__init__.py': '', 'engine/trainer.py': TRAINER() }, 'engine/trainer.py'));
  assert.equal(runs.length, 1);
  assert.equal(runs[0].plan.entry.file, '/proj/engine/trainer.py');
});

test('must not: a module with a `__main__` block is an entry of its own', async () => {
  const own = TRAINER('\nif __name__ == "__main__":\n    Trainer(torch.nn.Linear(4, 1), [], 3).fit()\n');
  const runs = runsOf(
    await analyze({ 'main.py': MAIN, 'engine/__init__.py': '', 'engine/trainer.py': own }, 'engine/trainer.py'),
  );
  assert.ok(runs.some((r) => r.plan.entry.file === '/proj/engine/trainer.py'));
});

test('must not: a script that imports the module only for another name does not give it its run', async () => {
  const other = `import torch
from engine.trainer import CONSTANT

if __name__ == "__main__":
    model = torch.nn.Linear(4, 1)
    opt = torch.optim.Adam(model.parameters())
    for step in range(CONSTANT):
        opt.zero_grad()
        model(torch.zeros(2, 4)).sum().backward()
        opt.step()
`;
  const mod = TRAINER('\nCONSTANT = 5\n');
  const runs = runsOf(
    await analyze({ 'main.py': other, 'engine/__init__.py': '', 'engine/trainer.py': mod }, 'engine/trainer.py'),
  );
  assert.equal(runs.length, 1);
  assert.equal(runs[0].plan.entry.file, '/proj/engine/trainer.py');
});
