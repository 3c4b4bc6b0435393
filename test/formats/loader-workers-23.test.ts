// Loader workers of plain PyTorch scripts whose training DataLoader is not one obvious call (development round 23):
// loaders assigned as a pair, loaders in branches that share their settings, loaders built by repository helpers
// (a function given the parsed options or the worker count, re-exported by a package), and Kaldi-style `tr_loader`
// classes of a script whose loop runs in a solver module. Fixtures written for this project in the style of those
// scripts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, codes, fact } from './helpers';

const LOOP = `model = Net().cuda()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(args.epochs):
    for x, y in train_loader:
        loss = model(x.cuda()).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;
const SCRIPT = (loaders: string) => `import argparse
import torch
from torch.utils.data import DataLoader

parser = argparse.ArgumentParser()
parser.add_argument('--batch_size', type=int, default=64)
parser.add_argument('--epochs', type=int, default=10)
args = parser.parse_args()

${loaders}
${LOOP}`;

test('loaders assigned as a pair: the one the training name takes by position', async () => {
  const a = await analyze(
    {
      'train.py':
        SCRIPT(`train_loader, val_loader = DataLoader(train_set, batch_size=args.batch_size, num_workers=6), \\
    DataLoader(val_set, batch_size=args.batch_size, num_workers=0)`),
    },
    'train.py',
  );
  assert.equal(fact(a, 'num_workers')?.value, 6);
  assert.equal(fact(a, 'micro_batch')?.value, 64);
});

test('must not: a pair whose training loader comes second is not read from the first', async () => {
  const a = await analyze(
    {
      'train.py': SCRIPT(`val_loader, train_loader = DataLoader(val_set, batch_size=256, num_workers=0), DataLoader(
    train_set, batch_size=args.batch_size, num_workers=6)`),
    },
    'train.py',
  );
  assert.equal(fact(a, 'num_workers')?.value, 6);
  assert.equal(fact(a, 'micro_batch')?.value, 64);
});

// `split == 'small'` is not an evaluation split, so no branch tells the training loader (./batch-23 for 'val').
const BRANCHES = (valWorkers: number, split = 'small') =>
  SCRIPT(`def get_loader(split):
    if split == '${split}':
        loader = DataLoader(data[split], batch_size=1, shuffle=False, num_workers=${valWorkers})
    else:
        loader = DataLoader(data[split], batch_size=args.batch_size, shuffle=False, num_workers=4)
    return loader

train_loader = get_loader('train')`);

test('loaders in branches that write the same workers: that value, whichever is the training one', async () => {
  const a = await analyze({ 'train.py': BRANCHES(4) }, 'train.py');
  assert.equal(fact(a, 'num_workers')?.value, 4);
});

test('must not: loaders in branches that differ give no workers (the training one is not known)', async () => {
  const a = await analyze({ 'train.py': BRANCHES(0) }, 'train.py');
  assert.equal(fact(a, 'num_workers')?.value ?? null, null);
  assert.ok(!codes(a).includes('GML401'));
});

test('loaders in branches that differ, one built for validation: the other is the training loader', async () => {
  const a = await analyze({ 'train.py': BRANCHES(0, 'val') }, 'train.py');
  assert.equal(fact(a, 'num_workers')?.value, 4);
});

test('must not: shared default workers of loaders that cannot be told apart raise no finding on either', async () => {
  const a = await analyze({ 'train.py': BRANCHES(4).replace(/, num_workers=\d/g, '') }, 'train.py', {
    hardware: 'A100 80GB',
  });
  assert.equal(fact(a, 'num_workers')?.value, 0, "PyTorch's default in both");
  assert.ok(!codes(a).includes('GML401'), 'the site of the training loader is not known');
});

const HELPER_SCRIPT = (call: string, workersDefault = 6) => `import argparse
import torch
from utils.misc import build_dataloader

parser = argparse.ArgumentParser()
parser.add_argument('--batch_size', type=int, default=16)
parser.add_argument('--num_workers', type=int, default=${workersDefault})
parser.add_argument('--epochs', type=int, default=12)
args = parser.parse_args()

${call}
${LOOP.replace('train_loader', 'dataloader')}`;
const MISC = `import torch
from torch.utils.data import DataLoader

def build_dataloader(args, dataset, batch_size, collate_fn=None):
    sampler = torch.utils.data.RandomSampler(dataset)
    batch_sampler = torch.utils.data.BatchSampler(sampler, batch_size, drop_last=True)
    return DataLoader(dataset, batch_sampler=batch_sampler, collate_fn=collate_fn, num_workers=args.num_workers)
`;

test('a helper given the parsed options: the workers option of the script, replaced by its launcher', async () => {
  const files = {
    'train.py': HELPER_SCRIPT('dataloader = build_dataloader(args, dataset, args.batch_size)'),
    'utils/misc.py': MISC,
    'train.sh': 'python train.py --batch_size 32 --num_workers 2\n',
  };
  const alone = await analyze(files, 'train.py');
  assert.equal(fact(alone, 'num_workers')?.value, 6);
  const launched = await analyze(files, 'train.sh');
  assert.equal(fact(launched, 'num_workers')?.value, 2);
});

test('must not: a helper given something other than the parsed options gives no workers', async () => {
  const a = await analyze(
    {
      'train.py': HELPER_SCRIPT('dataloader = build_dataloader({"num_workers": 1}, dataset, args.batch_size)'),
      'utils/misc.py': MISC,
    },
    'train.py',
  );
  assert.equal(fact(a, 'num_workers')?.value ?? null, null);
});

const PARAM_MODULE = `from torch.utils.data import DataLoader

def get_loaders(batch_size, num_workers=1):
    return {split: DataLoader(ds, batch_size=batch_size, num_workers=num_workers) for split, ds in load().items()}
`;
const PARAM_SCRIPT = (call: string) =>
  HELPER_SCRIPT(call, 0).replace('from utils.misc import build_dataloader', 'from data import get_loaders');

test('a helper whose worker count is a parameter: what the script passes, else the default it declares', async () => {
  const passed = await analyze(
    {
      'main.py': PARAM_SCRIPT("dataloader = get_loaders(args.batch_size, args.num_workers)['train']"),
      'data/__init__.py': 'from .loaders import get_loaders\n',
      'data/loaders.py': PARAM_MODULE,
    },
    'main.py',
  );
  assert.equal(fact(passed, 'num_workers')?.value, 0, 'the option default, through the package that re-exports it');
  const unpassed = await analyze(
    {
      'main.py': PARAM_SCRIPT("dataloader = get_loaders(args.batch_size)['train']"),
      'data/__init__.py': 'from .loaders import get_loaders\n',
      'data/loaders.py': PARAM_MODULE,
    },
    'main.py',
  );
  assert.equal(fact(unpassed, 'num_workers')?.value, 1);
});

test('must not: calls of the helper that pass different worker counts give none', async () => {
  const a = await analyze(
    {
      'main.py': PARAM_SCRIPT(
        "dataloader = get_loaders(args.batch_size, args.num_workers)['train']\nextra = get_loaders(8, 3)",
      ),
      'data/__init__.py': 'from .loaders import get_loaders\n',
      'data/loaders.py': PARAM_MODULE,
    },
    'main.py',
  );
  assert.equal(fact(a, 'num_workers')?.value ?? null, null);
});

const SOLVER_SCRIPT = (trName: string) => `import argparse
import torch
from data import AudioDataLoader, AudioDataset
from solver import Solver

parser = argparse.ArgumentParser()
parser.add_argument('--batch_size', default=32, type=int)
parser.add_argument('--num_workers', default=4, type=int)
parser.add_argument('--epochs', default=30, type=int)

def main(args):
    tr_dataset = AudioDataset(args.train_json, args.batch_size)
    cv_dataset = AudioDataset(args.valid_json, args.batch_size)
    ${trName} = AudioDataLoader(tr_dataset, batch_size=1, num_workers=args.num_workers)
    cv_loader = AudioDataLoader(cv_dataset, batch_size=1, num_workers=0)
    data = {'tr_loader': ${trName}, 'cv_loader': cv_loader}
    model = Seq2Seq().cuda()
    optimizier = torch.optim.Adam(model.parameters(), lr=1e-3)
    solver = Solver(data, model, optimizier, args)
    solver.train()

if __name__ == '__main__':
    main(parser.parse_args())
`;

test('a Kaldi-style `tr_loader` of a repository loader class: its workers, the loop being in another file', async () => {
  const a = await analyze({ 'train.py': SOLVER_SCRIPT('tr_loader') }, 'train.py');
  assert.equal(fact(a, 'num_workers')?.value, 4);
});

test('must not: loader calls whose names do not say which one trains give no workers', async () => {
  const a = await analyze({ 'train.py': SOLVER_SCRIPT('str_loader') }, 'train.py');
  assert.equal(fact(a, 'num_workers')?.value ?? null, null);
});

const OPENRLHF = (script: string) => `#!/bin/bash
deepspeed --module ${script} \\
   --save_path ./checkpoint/sft \\
   --train_batch_size 128 \\
   --micro_train_batch_size 4 \\
   --pretrain Qwen/Qwen2.5-1.5B \\
   --max_epochs 2 \\
   --zero_stage 2 \\
   --bf16 \\
   --learning_rate 5e-6
`;

test("an OpenRLHF launcher: its trainers' loaders load in the training process (no num_workers)", async () => {
  const a = await analyze({ 'train_sft.sh': OPENRLHF('openrlhf.cli.train_sft') }, 'train_sft.sh');
  assert.equal(fact(a, 'num_workers')?.value, 0);
  assert.equal(fact(a, 'num_workers')?.origin, 'framework-default');
});

test('must not: a launcher without OpenRLHF batch flags gets no OpenRLHF loader default', async () => {
  const a = await analyze(
    { 'train_sft.sh': OPENRLHF('my_trainer.sft').replace('--micro_train_batch_size', '--micro_batch_size') },
    'train_sft.sh',
  );
  assert.equal(fact(a, 'num_workers')?.value ?? null, null);
});

const HYDRA = (data: string, extra: Record<string, string> = {}) => ({
  'train.py': [
    'import hydra',
    '',
    '@hydra.main(config_path="configs", config_name="train", version_base=None)',
    'def main(cfg):',
    '    dm = hydra.utils.instantiate(cfg.dataset)',
    '    model = hydra.utils.instantiate(cfg.task)',
    '    trainer = hydra.utils.instantiate(cfg.trainer)',
    '    trainer.fit(model, dm)',
    '',
    'if __name__ == "__main__":',
    '    main()',
    '',
  ].join('\n'),
  'configs/train.yaml': 'defaults:\n  - _self_\n  - dataset: mnist\n  - train: default\n  - trainer: default\n',
  'configs/train/default.yaml': 'epochs: 12\nbatch_size: 96\nnum_workers: 6\n',
  'configs/trainer/default.yaml':
    '_target_: lightning.Trainer\naccelerator: gpu\ndevices: 1\nmax_epochs: ${train.epochs}\n',
  'configs/dataset/mnist.yaml': `_target_: vae.datasets.MNISTDataModule\nbatch_size: \${train.batch_size}\n${data}\n`,
  ...extra,
});

test("Hydra + Lightning: the one DataModule's num_workers, interpolated from the train group", async () => {
  const a = await analyze(HYDRA('num_workers: ${train.num_workers}'), 'configs/train.yaml');
  assert.equal(fact(a, 'num_workers')?.value, 6);
});

test('must not: two DataModules with their own workers give none (which one trains is not known)', async () => {
  const a = await analyze(
    HYDRA('num_workers: ${train.num_workers}', {
      'configs/train.yaml':
        'defaults:\n  - _self_\n  - dataset: mnist\n  - train: default\n  - trainer: default\n\nval_data:\n  _target_: vae.datasets.CelebADataModule\n  num_workers: 0\n',
    }),
    'configs/train.yaml',
  );
  assert.equal(fact(a, 'num_workers')?.value ?? null, null);
});

const CLI = (data: string) =>
  `trainer:\n  accelerator: gpu\n  devices: 1\n  max_epochs: 5\nmodel:\n  class_path: m.Model\ndata:\n  class_path: m.ImageDataModule\n  init_args:\n${data}`;

test("Lightning CLI: the DataModule's init_args num_workers; written 0 on a GPU run is GML401 there", async () => {
  const a = await analyze({ 'config.yaml': CLI('    batch_size: 32\n    num_workers: 0\n') }, 'config.yaml', {
    hardware: 'A100 80GB',
  });
  assert.equal(fact(a, 'num_workers')?.value, 0);
  assert.ok(codes(a).includes('GML401'));
  const b = await analyze({ 'config.yaml': CLI('    batch_size: 32\n    num_workers: 8\n') }, 'config.yaml');
  assert.equal(fact(b, 'num_workers')?.value, 8);
});

test('must not: a Lightning CLI config whose DataModule leaves num_workers out states none', async () => {
  const a = await analyze({ 'config.yaml': CLI('    batch_size: 32\n') }, 'config.yaml', { hardware: 'A100 80GB' });
  assert.equal(fact(a, 'num_workers')?.value ?? null, null);
  assert.ok(!codes(a).includes('GML401'));
});

const PARAMS_SCRIPT = `import torch
import params

train_loader = torch.utils.data.DataLoader(train_set, batch_size=params.batchSize, shuffle=True,
                                           num_workers=int(params.workers))
model = Net().cuda()
optimizer = torch.optim.Adam(model.parameters(), lr=params.lr)
for epoch in range(params.nepoch):
    for x, y in train_loader:
        loss = model(x.cuda()).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;

test('workers from the module of constants the script imports (`import params` … `params.workers`), 0 included', async () => {
  const a = await analyze(
    { 'train.py': PARAMS_SCRIPT, 'params.py': 'workers = 0\nbatchSize = 64\nnepoch = 100\nlr = 1e-3\n' },
    'train.py',
  );
  assert.deepEqual([fact(a, 'num_workers')?.value, fact(a, 'num_workers')?.origin], [0, 'inferred']);
});

test('must not: a negative worker count from a module is no setting', async () => {
  const a = await analyze(
    { 'train.py': PARAMS_SCRIPT, 'params.py': 'workers = -1\nbatchSize = 64\nnepoch = 100\nlr = 1e-3\n' },
    'train.py',
  );
  assert.equal(fact(a, 'num_workers')?.value ?? null, null);
});
