// The epochs of a training loop in a repository module whose method takes them as a parameter (`def fit(self,
// num_epoch=101)` in model.py), read through the entry script's call of that method (engine/link/method-arg.ts).
// Fixtures written for this project in the style of small recommender and GAN repositories.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const MODEL = (fit: string) => `import torch
import torch.nn as nn

class MF(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.emb = nn.Embedding(config["n"], config["d"])
        self.batch_size = config["batch_size"]

    def forward(self, x):
        return self.emb(x).sum(1)

${fit}
        optimizer = torch.optim.Adam(self.parameters(), lr=1e-3)
        for epoch in range(num_epoch):
            for start in range(0, 1000, self.batch_size):
                optimizer.zero_grad()
                loss = self.forward(torch.arange(start, start + self.batch_size)).mean()
                loss.backward()
                optimizer.step()
`;

const MAIN = (calls: string) => `from model import MF

config = {"n": 1000, "d": 8, "batch_size": 32}
model = MF(config)
${calls}
`;

const run = (fit: string, calls: string) =>
  analyze({ 'model.py': MODEL(fit), 'main.py': MAIN(calls) }, 'main.py').then((a) => fact(a, 'epochs'));

test("a module's training method called without its epoch parameter: the parameter's default", async () => {
  const e = await run('    def fit(self, num_epoch=101):', 'model.fit()');
  assert.equal(e?.value, 101);
  assert.equal(e?.origin, 'script-default');
});

test('the value the script passes to the method, by keyword or by position', async () => {
  assert.equal((await run('    def fit(self, num_epoch=101):', 'model.fit(num_epoch=20)'))?.value, 20);
  assert.equal((await run('    def fit(self, verbose, num_epoch=101):', 'model.fit(True, 7)'))?.value, 7);
});

test('must not: calls that pass different counts, or a parameter the method rebinds, give no epochs', async () => {
  const two = await run('    def fit(self, num_epoch=101):', 'model.fit(num_epoch=10)\nmodel.fit(num_epoch=20)');
  assert.notEqual(two?.value, 10);
  assert.notEqual(two?.value, 20);
  const rebound = await run('    def fit(self, num_epoch=101):\n        num_epoch = num_epoch * 2', 'model.fit()');
  assert.notEqual(rebound?.value, 101);
});
