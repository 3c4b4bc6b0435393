// A config that several training scripts of its project read alike: which script runs it stays open, but what every
// one of them fixes in code (no accumulation, the loader's workers, the optimizer) is the run's, as `inferred`; a key
// on which they differ stays unknown. Fixtures written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, theRun } from './helpers';

const loop = (opts: { optim?: string; workers?: string; accum?: boolean } = {}) => `import torch
from torch.utils.data import DataLoader
from ml_collections import config_flags
from absl import app, flags

FLAGS = flags.FLAGS
config_flags.DEFINE_config_file("config", None, "training configuration")


def main(argv):
    config = FLAGS.config
    loader = DataLoader(range(8), batch_size=config.train.batch_size, num_workers=${opts.workers ?? '8'}, drop_last=True)
    model = torch.nn.Linear(2, 2).cuda()
    optimizer = torch.optim.${opts.optim ?? 'AdamW'}(model.parameters(), lr=config.optimizer.lr)
    for step in range(config.train.n_steps):
        for i, x in enumerate(loader):
            loss = model(x).sum()${opts.accum ? ' / 4' : ''}
            loss.backward()
            ${opts.accum ? 'if (i + 1) % 4 == 0:\n                optimizer.step()' : 'optimizer.step()'}
            optimizer.zero_grad()
        if step % config.train.save_interval == 0:
            torch.save(model.state_dict(), "last.pt")


if __name__ == "__main__":
    app.run(main)
`;

const CONFIG = `import ml_collections


def get_config():
    config = ml_collections.ConfigDict()
    config.train = d = ml_collections.ConfigDict()
    d.n_steps = 300000
    d.batch_size = 128
    d.save_interval = 10000
    d.log_interval = 100
    config.optimizer = o = ml_collections.ConfigDict()
    o.lr = 0.0002
    o.weight_decay = 0.03
    return config
`;

const project = (a: string, b: string) => ({
  'gen/README.md': 'two trainers\n',
  'gen/train_pixels.py': a,
  'gen/train_latents.py': b,
  'gen/configs/cifar_small.py': CONFIG,
});

test('a Python config read alike by two training scripts: what both fix in code is its run’s', async () => {
  const a = await analyze(project(loop(), loop()), 'gen/configs/cifar_small.py');
  assert.equal(fact(a, 'grad_accum')?.value, 1);
  assert.equal(fact(a, 'grad_accum')?.origin, 'inferred');
  assert.equal(fact(a, 'num_workers')?.value, 8);
  assert.equal(fact(a, 'optimizer')?.value, 'adamw');
  assert.match(fact(a, 'num_workers')?.note ?? '', /every training script .*train_latents\.py/);
  // Neither script is taken for the run's own.
  assert.ok(!theRun(a).plan.files.some((f) => /train_/.test(f)));
});

test('where the scripts that read the config differ, the key stays unknown', async () => {
  const a = await analyze(
    project(loop(), loop({ optim: 'SGD', workers: '4', accum: true })),
    'gen/configs/cifar_small.py',
  );
  for (const k of ['grad_accum', 'num_workers', 'optimizer'] as const) {
    const f = fact(a, k);
    assert.ok(!f || f.value === null || f.origin === 'assumed', `${k}: ${JSON.stringify(f?.value)}`);
  }
});
