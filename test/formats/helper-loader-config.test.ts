// A training DataLoader built by a project helper the script calls with a batch from its project's config (session 29,
// fresh repositories): `get_loaders(batch_size=config.BATCH_SIZE)` with `config = Config()` made by the script, and
// `cfg.batch_size` of an instance a config module makes (`from settings import settings as cfg`). Must-not: an
// instance the module or the script changes, or a constructor call that may set the field, leaves the batch unknown.
// Fixtures written for this project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const DATA = `import torch
from torch.utils.data import DataLoader


def get_loaders(root, batch_size=8, num_workers=2):
    train = DataLoader(torch.arange(100), batch_size=batch_size, shuffle=True, num_workers=num_workers)
    test = DataLoader(torch.arange(10), batch_size=batch_size)
    return train, test
`;

const SCRIPT = (head: string, make: string, bs: string) => `import torch
${head}
from data import get_loaders

${make}


def fit(model, loader, epochs):
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for epoch in range(epochs):
        for x in loader:
            opt.zero_grad()
            loss = model(x.float().cuda()).sum()
            loss.backward()
            opt.step()


if __name__ == "__main__":
    train_loader, test_loader = get_loaders("data", batch_size=${bs})
    fit(torch.nn.Linear(1, 1).cuda(), train_loader, 3)
`;

const CLASS = `class Config:
    DATA_DIR = "data"
    BATCH_SIZE = 48
    batch_size = 48
`;

const micro = async (files: Record<string, string>) => {
  const a = await analyze(files, 'train.py');
  return { mb: fact(a, 'micro_batch'), gb: fact(a, 'global_batch') };
};

test('the helper called with an attribute of a config the script makes: the class value, inferred', async () => {
  const s = SCRIPT('from settings import Config', 'config = Config()', 'config.BATCH_SIZE');
  const { mb, gb } = await micro({ 'train.py': s, 'data.py': DATA, 'settings.py': CLASS });
  assert.deepEqual([mb?.value, mb?.origin, gb?.value], [48, 'inferred', 48]);
  assert.match(mb?.note ?? '', /Config\.BATCH_SIZE = 48/);
});

test('an instance the config module makes of its own class (from settings import config as cfg)', async () => {
  const s = SCRIPT('from settings import config as cfg', '', 'cfg.batch_size');
  const { mb } = await micro({ 'train.py': s, 'data.py': DATA, 'settings.py': `${CLASS}\n\nconfig = Config()\n` });
  assert.deepEqual([mb?.value, mb?.origin], [48, 'inferred']);
});

test('must not: the instance changed by its module or the script, or made with arguments', async () => {
  const changed = `${CLASS}\n\nconfig = Config()\nconfig.batch_size = 16\n`;
  const a = SCRIPT('from settings import config as cfg', '', 'cfg.batch_size');
  assert.equal((await micro({ 'train.py': a, 'data.py': DATA, 'settings.py': changed })).mb?.value ?? null, null);
  const own = `${CLASS}\n\nconfig = Config()\n`;
  const b = SCRIPT('from settings import config as cfg', 'cfg.batch_size = int(input())', 'cfg.batch_size');
  assert.equal((await micro({ 'train.py': b, 'data.py': DATA, 'settings.py': own })).mb?.value ?? null, null);
  const c = SCRIPT('from settings import Config', 'config = Config(BATCH_SIZE=n)', 'config.BATCH_SIZE');
  assert.equal((await micro({ 'train.py': c, 'data.py': DATA, 'settings.py': CLASS })).mb?.value ?? null, null);
});
