// Scripts deep below a repository's root whose imports are written from the root (`from src.lib.loop import …` in
// `scripts/train/exp5/final/run.py`), and repository folders named like versions (`V1.0/`): the import resolves in
// the nearest folder above the script where the whole dotted name exists, never above a repository's root marker
// (engine/link/import-walk.ts `ImportWalk.module`, engine/link/project-files.ts). Fixtures written for this project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from './helpers';

const LOOP = `import torch

def fit_model(net, batches, n_epochs):
    opt = torch.optim.RMSprop(net.parameters(), lr=1e-3)
    for ep in range(n_epochs):
        for xb, yb in batches:
            opt.zero_grad()
            torch.nn.functional.mse_loss(net(xb), yb).backward()
            opt.step()
`;
const DEEP = (mod: string) => `import torch
from ${mod} import fit_model

if __name__ == "__main__":
    net = torch.nn.Linear(5, 1)
    batches = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.zeros(30, 5), torch.zeros(30, 1)), batch_size=6)
    fit_model(net, batches, n_epochs=9)
`;
const runsOf = (a: Awaited<ReturnType<typeof analyze>>) =>
  [...a.runs, ...(a.linked ?? [])].filter((r) => !r.plan.launchedBy && !r.plan.partOf);

test("a script four folders below the root importing the root's package: the module's loop is the script's run", async () => {
  const files = {
    'README.md': '# project\n',
    'src/__init__.py': '',
    'src/lib/__init__.py': '',
    'src/lib/loop.py': LOOP,
    'scripts/train/exp5/final/run.py': DEEP('src.lib.loop'),
  };
  const runs = runsOf(await analyze(files, 'scripts/train/exp5/final/run.py'));
  assert.equal(runs.length, 1);
  assert.equal(runs[0].plan.entry.file, '/proj/scripts/train/exp5/final/run.py');
  assert.equal(runs[0].plan.facts.get('optimizer')?.value, 'rmsprop');
  assert.equal(runs[0].plan.facts.get('epochs')?.value, 9);
});

test('must not: the deep search stops at a repository root marker (a module above it is not this repository’s)', async () => {
  const files = {
    'src/__init__.py': '',
    'src/lib/__init__.py': '',
    'src/lib/loop.py': LOOP,
    'inner/pyproject.toml': '[project]\nname = "inner"\n',
    'inner/scripts/a/b/run.py': DEEP('src.lib.loop'),
  };
  for (const r of runsOf(await analyze(files, 'inner/scripts/a/b/run.py')))
    assert.ok(!r.plan.files.includes('/proj/src/lib/loop.py'));
});

test('must not: a name that resolves nowhere in full is not taken from a folder that only shares its first part', async () => {
  const files = {
    'README.md': '# project\n',
    'src/__init__.py': '',
    'src/other.py': LOOP,
    'scripts/train/exp5/final/run.py': DEEP('src.lib.loop'),
  };
  for (const r of runsOf(await analyze(files, 'scripts/train/exp5/final/run.py')))
    assert.ok(!r.plan.files.includes('/proj/src/other.py'));
});

test('a trainer module under a folder named like a version (`V1.0/`) is found by the script that runs it', async () => {
  const runner = `import torch

class Runner:
    def __init__(self, net, batches):
        self.net, self.batches = net, batches
        self.opt = torch.optim.SGD(net.parameters(), lr=0.1)

    def run(self, n_epochs):
        for ep in range(n_epochs):
            for xb, yb in self.batches:
                self.opt.zero_grad()
                torch.nn.functional.l1_loss(self.net(xb), yb).backward()
                self.opt.step()
`;
  const main = `import torch
from core.runner import Runner

if __name__ == "__main__":
    net = torch.nn.Linear(4, 1)
    batches = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.zeros(8, 4), torch.zeros(8, 1)), batch_size=4)
    Runner(net, batches).run(3)
`;
  const files = {
    'README.md': '# project\n',
    'V1.0/train_main.py': main,
    'V1.0/core/__init__.py': '',
    'V1.0/core/runner.py': runner,
  };
  const runs = runsOf(await analyze(files, 'V1.0/core/runner.py'));
  assert.equal(runs.length, 1);
  assert.equal(runs[0].plan.entry.file, '/proj/V1.0/train_main.py');
});

const KERAS_HELPER = (fitCall: string, compile: string) => `from nets.builders import build_net

def run_pipeline(gen):
    net = build_net()
    ${compile}
    return net.${fitCall}
`;
const KERAS_SCRIPT = `from pkg.train import run_pipeline
from pkg.data import batches

run_pipeline(batches())
`;

test("a Keras model's `fit_generator` in a module that takes its model from a helper package: the script's run", async () => {
  const files = {
    'setup.py': '',
    'pkg/__init__.py': '',
    'pkg/train.py': KERAS_HELPER('fit_generator(gen, epochs=12)', 'net.compile(loss="mse", optimizer="adam")'),
    'scripts/exp/a/b/run.py': KERAS_SCRIPT,
  };
  const runs = runsOf(await analyze(files, 'scripts/exp/a/b/run.py'));
  assert.equal(runs.length, 1);
  assert.equal(runs[0].plan.entry.file, '/proj/scripts/exp/a/b/run.py');
});

test('must not: a `fit` with no Keras `compile` in a module importing no Keras (scikit-learn style) gives no run', async () => {
  const files = {
    'setup.py': '',
    'pkg/__init__.py': '',
    'pkg/train.py': KERAS_HELPER('fit(x, y)', 'net.set_params(alpha=0.1)'),
    'scripts/exp/a/b/run.py': KERAS_SCRIPT,
  };
  assert.equal(runsOf(await analyze(files, 'scripts/exp/a/b/run.py')).length, 0);
});
