// A run length the script reads from an instance of a config class of its project (`config = Config()` … `for epoch
// in range(config.epochs)`): the attribute as the class's `__init__` sets it (a literal, or a parameter's default the
// constructor call leaves alone) or a class attribute, so that GML601 sees a 200-epoch loop that validates every
// epoch. Precision first: an attribute set twice, set by another method, given to the constructor, or a name the
// script binds to something else too, stays unknown. The loader's batch is read the same way (since session 29).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const SCRIPT = (make = 'Config()', extra = '') => `import torch
from torch.utils.data import DataLoader
from utils.config import Config


def evaluate(config, model, loader):
    model.eval()
    with torch.no_grad():
        return sum(model(x.cuda()).sum().item() for x in loader)


def train(config):
    model = Net().cuda()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    loader = DataLoader(train_set, batch_size=config.batch_size, num_workers=4)
    for epoch in range(config.epochs):
        for x, y in loader:
            loss = torch.nn.functional.mse_loss(model(x.cuda()), y.cuda())
            opt.zero_grad()
            loss.backward()
            opt.step()
        evaluate(config, model, val_loader)


if __name__ == "__main__":
    config = ${make}
${extra}    train(config)
`;

const CONFIG = (init: string) => `class Config:
    """Configuration of the project."""

    def __init__(${init.startsWith('self') ? init.split('\n')[0] : 'self'}):
${init.startsWith('self') ? init.split('\n').slice(1).join('\n') : init}
`;

const files = (config: string, script = SCRIPT()) => ({ 'train.py': script, 'utils/config.py': config });

test('self.epochs = 200 in the config class __init__: the run length, inferred; GML601 on the epoch loop', async () => {
  const a = await analyze(files(CONFIG('        self.batch_size = 8\n        self.epochs = 200')), 'train.py');
  const ep = fact(a, 'epochs');
  assert.deepEqual([ep?.value, ep?.origin], [200, 'inferred']);
  assert.match(ep?.note ?? '', /Config\.epochs = 200 in config\.py/);
  // The loader's batch, read from the same instance (`DataLoader(batch_size=config.batch_size)`).
  assert.deepEqual([fact(a, 'micro_batch')?.value, fact(a, 'micro_batch')?.origin], [8, 'inferred']);
  const f = a.findings.find((x) => x.code === 'GML601');
  assert.ok(f, JSON.stringify(a.findings.map((x) => x.code)));
  assert.match(f.message, /200 epochs/);
});

test('a parameter default the constructor call leaves alone: def __init__(self, epochs=300)', async () => {
  const a = await analyze(files(CONFIG('self, epochs=300, lr=1e-4):\n        self.epochs = epochs')), 'train.py');
  assert.equal(fact(a, 'epochs')?.value, 300);
});

test('a class attribute: epochs = 150 in the class body', async () => {
  const a = await analyze(files('class Config:\n    epochs = 150\n    lr = 1e-3\n'), 'train.py');
  assert.equal(fact(a, 'epochs')?.value, 150);
});

test('the constructor given the parameter, or any positional argument: unknown', async () => {
  const cfg = CONFIG('self, epochs=300):\n        self.epochs = epochs');
  for (const make of ['Config(epochs=n)', 'Config(n)']) {
    const a = await analyze(files(cfg, SCRIPT(make)), 'train.py');
    assert.equal(fact(a, 'epochs')?.value ?? null, null, make);
  }
});

test('an attribute set twice in the class, or only by a method other than __init__: unknown', async () => {
  const twice = CONFIG('        self.epochs = 200\n        if fast:\n            self.epochs = 10');
  const later = `${CONFIG('        self.epochs = 200')}\n    def short(self):\n        self.epochs = 5\n`;
  const only = `${CONFIG('        self.lr = 1e-3')}\n    def setup(self):\n        self.epochs = 200\n`;
  for (const c of [twice, later, only])
    assert.equal(fact(await analyze(files(c), 'train.py'), 'epochs')?.value ?? null, null);
});

test('the script sets the attribute itself, or binds the name to something else too: unknown', async () => {
  const cfg = CONFIG('        self.epochs = 200');
  const set = SCRIPT('Config()', '    config.epochs = args.epochs\n');
  const other = SCRIPT('Config()', '    if debug:\n        config = DebugConfig()\n');
  for (const s of [set, other])
    assert.equal(fact(await analyze(files(cfg, s), 'train.py'), 'epochs')?.value ?? null, null);
});
