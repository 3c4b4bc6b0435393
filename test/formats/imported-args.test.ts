// A script whose argparse parser is built in a repository module it imports (engine/link/imported-args.ts): the
// defaults declared there are the script's, for its own DataLoader and epoch loop; a launcher's flag still wins; and
// nothing is read where the defaults may be changed by code not read (a parser handed to an option setter,
// `set_defaults`, the script's own assignment) or where the called definition does not declare the option.
// Fixtures written for this project in the style of public entry scripts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, theRun } from './helpers';

const MAIN = `import torch
from torch.utils.data import DataLoader
from args import ArgsInit
from model import Net


def main():
    args = ArgsInit().save_exp()
    device = torch.device("cuda:0")
    train_loader = DataLoader(range(100), batch_size=args.batch_size, shuffle=True, num_workers=args.num_workers)
    model = Net().to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    for epoch in range(1, args.epochs + 1):
        for batch in train_loader:
            optimizer.zero_grad()
            loss = model(batch.to(device)).mean()
            loss.backward()
            optimizer.step()


if __name__ == "__main__":
    main()
`;

const ARGS = `import argparse


class ArgsInit(object):
    def __init__(self):
        parser = argparse.ArgumentParser(description='graph training')
        parser.add_argument('--num_workers', type=int, default=2)
        parser.add_argument('--batch_size', type=int, default=48)
        parser.add_argument('--epochs', type=int, default=120)
        parser.add_argument('--lr', type=float, default=0.005)
        self.args = parser.parse_args()

    def save_exp(self):
        return self.args
`;

const MODEL = `import torch


class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = torch.nn.Linear(4, 1)

    def forward(self, x):
        return self.lin(x)
`;

const facts = async (files: Record<string, string>, entry = 'main.py') =>
  theRun(await analyze(files, entry)).plan.facts;
const values = (f: Awaited<ReturnType<typeof facts>>) => [
  f.get('micro_batch')?.value ?? null,
  f.get('num_workers')?.value ?? null,
  f.get('epochs')?.value ?? null,
];

test('the parser class of args.py: its defaults are the batch, workers and epochs of the script that calls it', async () => {
  const f = await facts({ 'main.py': MAIN, 'args.py': ARGS, 'model.py': MODEL });
  assert.deepEqual(values(f), [48, 2, 120]);
  assert.equal(f.get('micro_batch')?.origin, 'script-default');
  assert.match(f.get('epochs')?.note ?? '', /default of argparse --epochs \(args\.py\)/);
});

test('a launcher flag replaces the default the imported parser declares', async () => {
  const f = await facts(
    { 'main.py': MAIN, 'args.py': ARGS, 'model.py': MODEL, 'run.sh': 'python main.py --batch_size 16\n' },
    'run.sh',
  );
  assert.deepEqual(values(f), [16, 2, 120]);
});

test('a parser built by a function (with a helper that adds options) and parsed by the script', async () => {
  const opts = `import argparse


def add_data_args(parser):
    parser.add_argument('--workers', type=int, default=6)


def get_parser():
    parser = argparse.ArgumentParser()
    parser.add_argument('--batch-size', type=int, default=64)
    parser.add_argument('--epochs', type=int, default='90')
    add_data_args(parser)
    return parser
`;
  const main = MAIN.replace('from args import ArgsInit', 'import options')
    .replace('args = ArgsInit().save_exp()', 'parser = options.get_parser()\n    args = parser.parse_args()')
    .replace('num_workers=args.num_workers', 'num_workers=args.workers');
  assert.deepEqual(values(await facts({ 'main.py': main, 'options.py': opts, 'model.py': MODEL })), [64, 6, 90]);
});

test('must not report: a parser handed to an option setter the code does not show', async () => {
  const args = ARGS.replace(
    '        self.args = parser.parse_args()',
    '        parser = get_option_setter(parser.parse_known_args()[0].dataset)(parser)\n        self.args = parser.parse_args()',
  ).replace('import argparse', 'import argparse\nfrom data import get_option_setter');
  assert.deepEqual(values(await facts({ 'main.py': MAIN, 'args.py': args, 'model.py': MODEL })), [null, null, null]);
});

test('must not report: an option the script sets itself, or a set_defaults before an option it may not change', async () => {
  const main = MAIN.replace('    device =', '    args.epochs = args.epochs * 2\n    device =');
  // argparse: an option added after set_defaults with a default of its own keeps that default — not modelled here.
  const args = ARGS.replace(
    "        parser.add_argument('--num_workers'",
    "        parser.set_defaults(batch_size=8)\n        parser.add_argument('--num_workers'",
  );
  const f = await facts({ 'main.py': main, 'args.py': args, 'model.py': MODEL });
  assert.deepEqual(values(f), [null, 2, null]);
});

// A parser class whose options come from two base classes in other modules (MaskCycleGAN-VC's
// CycleGANTrainArgParser → TrainArgParser → BaseArgParser); the subclass changes two defaults with set_defaults.
const CHAIN = {
  'args/__init__.py': '',
  'args/base_args.py': `import argparse


class BaseArgs(object):
    def __init__(self):
        self.parser = argparse.ArgumentParser()
        self.parser.add_argument('--batch_size', type=int, default=20)
        self.parser.add_argument('--num_workers', type=int, default=3)

    def parse_args(self):
        args = self.parser.parse_args()
        return args
`,
  'args/train_args.py': `from args.base_args import BaseArgs


class TrainArgs(BaseArgs):
    def __init__(self):
        super(TrainArgs, self).__init__()
        self.parser.add_argument('--epochs', type=int, default=6500)
`,
  'args/gan_args.py': `from args.train_args import TrainArgs


class GanTrainArgs(TrainArgs):
    def __init__(self):
        super(GanTrainArgs, self).__init__()
        self.parser.add_argument('--lr', type=float, default=2e-4)
        self.parser.set_defaults(batch_size=1, epochs=50)
`,
};
const chainMain = MAIN.replace('from args import ArgsInit', 'from args.gan_args import GanTrainArgs').replace(
  'args = ArgsInit().save_exp()',
  'parser = GanTrainArgs()\n    args = parser.parse_args()',
);

test("a parser class two bases deep: the bases' options, with the subclass's set_defaults over their defaults", async () => {
  const f = await facts({ ...CHAIN, 'main.py': chainMain, 'model.py': MODEL });
  assert.deepEqual(values(f), [1, 3, 50]);
  assert.match(f.get('micro_batch')?.note ?? '', /set_defaults\(batch_size=1\) \(gan_args\.py\)/);
  // A launcher's flag still replaces the default set_defaults gives.
  const run = { ...CHAIN, 'main.py': chainMain, 'model.py': MODEL, 'run.sh': 'python main.py --epochs 6172\n' };
  assert.deepEqual(values(await facts(run, 'run.sh')), [1, 3, 6172]);
});

test('must not report: a set_defaults that runs before the base class adds the option', async () => {
  const early = CHAIN['args/gan_args.py'].replace(
    '        super(GanTrainArgs, self).__init__()\n',
    '        self.parser = None\n        self.parser.set_defaults(batch_size=1)\n        super(GanTrainArgs, self).__init__()\n',
  );
  const f = await facts({ ...CHAIN, 'args/gan_args.py': early, 'main.py': chainMain, 'model.py': MODEL });
  assert.deepEqual(values(f), [null, 3, 50]);
});

// An options package whose `__init__.py` builds the parser with helpers it star-imports (`from .parse import *`),
// and a dataset module that builds the DataLoader from the parsed arguments the script hands it.
const STAR = {
  'options/__init__.py': `import argparse
from .parse import *


def get_train_args():
    parser = argparse.ArgumentParser()
    options_data(parser)
    options_trainer(parser)
    return parser.parse_args()
`,
  'options/parse.py': `def options_data(parser):
    parser.add_argument('--data_folder', type=str, default='data')


def options_trainer(parser):
    parser.add_argument('--batch_size', type=int, default=64)
    parser.add_argument('--workers', type=int, default=5)
    parser.add_argument('--epochs', type=int, default=30)
`,
};

test('helpers a parser module star-imports add the options: their defaults, in the script and in its modules', async () => {
  const main = MAIN.replace('from args import ArgsInit', 'import options')
    .replace('args = ArgsInit().save_exp()', 'args = options.get_train_args()')
    .replace('num_workers=args.num_workers', 'num_workers=args.workers');
  assert.deepEqual(values(await facts({ ...STAR, 'main.py': main, 'model.py': MODEL })), [64, 5, 30]);
  // The DataLoader built by a dataset helper the script passes its batch size to.
  const viaHelper = `import torch
import options
import dataset
from model import Net

args = options.get_train_args()
loader = dataset.get_loader(args.batch_size)
model = Net().cuda()
optimizer = torch.optim.Adam(model.parameters())
for epoch in range(args.epochs):
    for batch in loader:
        optimizer.zero_grad()
        model(batch.cuda()).mean().backward()
        optimizer.step()
`;
  const ds = `from torch.utils.data import DataLoader


def get_loader(batch_size):
    return DataLoader(range(10), batch_size=batch_size, shuffle=True)
`;
  const f = await facts({ ...STAR, 'main.py': viaHelper, 'dataset.py': ds, 'model.py': MODEL });
  assert.deepEqual([f.get('micro_batch')?.value, f.get('epochs')?.value], [64, 30]);
  // A trainer module runs the step on a loader the dataset module builds from the arguments it is handed.
  const viaTrainer = `import options
import dataset
import trainer

args = options.get_train_args()
data = dataset.get_data(args)
t = trainer.get_trainer(data, args)
for epoch in range(100):
    t.train()
`;
  const tr = `import torch
from model import Net


class Trainer:
    def __init__(self, data, args):
        self.data = data
        self.model = Net().cuda()
        self.opt = torch.optim.Adam(self.model.parameters())

    def train(self):
        for batch in self.data:
            self.opt.zero_grad()
            self.model(batch.cuda()).mean().backward()
            self.opt.step()


def get_trainer(data, args):
    return Trainer(data, args)
`;
  const data = `from torch.utils.data import DataLoader


def get_data(args):
    return DataLoader(range(10), batch_size=args.batch_size, shuffle=True)
`;
  const g = await facts({ ...STAR, 'main.py': viaTrainer, 'dataset.py': data, 'trainer.py': tr, 'model.py': MODEL });
  assert.equal(g.get('micro_batch')?.value, 64);
});

test('must not report: a star-imported module that does not define the helper handed the parser', async () => {
  const main = MAIN.replace('from args import ArgsInit', 'import options')
    .replace('args = ArgsInit().save_exp()', 'args = options.get_train_args()')
    .replace('num_workers=args.num_workers', 'num_workers=args.workers');
  const parse = STAR['options/parse.py'].replace('def options_trainer(parser):', 'def other_trainer(parser):');
  const f = await facts({ ...STAR, 'options/parse.py': parse, 'main.py': main, 'model.py': MODEL });
  assert.deepEqual(values(f), [null, null, null]);
});

test('must not report: an option declared only by another parser of the module', async () => {
  const opts = `import argparse


def get_train_args():
    parser = argparse.ArgumentParser()
    parser.add_argument('--lr', type=float, default=0.1)
    return parser.parse_args()


def get_test_args():
    parser = argparse.ArgumentParser()
    parser.add_argument('--batch_size', type=int, default=500)
    parser.add_argument('--num_workers', type=int, default=1)
    parser.add_argument('--epochs', type=int, default=1)
    return parser.parse_args()
`;
  const main = MAIN.replace('from args import ArgsInit', 'from opts import get_train_args').replace(
    'ArgsInit().save_exp()',
    'get_train_args()',
  );
  assert.deepEqual(values(await facts({ 'main.py': main, 'opts.py': opts, 'model.py': MODEL })), [null, null, null]);
});

// A script whose loop is in a trainer module and whose options are in opts.py, run by a launcher in experiments/
// that changes folder first (engine/link/cd-target.ts) and passes flags the modules read (engine/link/launched-args.ts).
const PROJECT = {
  'README.md': '# detector\n',
  'src/main.py': `import torch
from opts import opts
from trainer import Trainer


def main(opt):
    model = torch.nn.Linear(2, 2).cuda()
    optimizer = torch.optim.Adam(model.parameters(), opt.lr)
    trainer = Trainer(opt, model, optimizer)
    loader = torch.utils.data.DataLoader(range(64), batch_size=opt.batch_size, num_workers=opt.num_workers)
    for epoch in range(1, opt.num_epochs + 1):
        trainer.train(epoch, loader)
        torch.save(model.state_dict(), 'last.pth')


if __name__ == '__main__':
    main(opts().parse())
`,
  'src/opts.py': `import argparse


class opts:
    def __init__(self):
        self.parser = argparse.ArgumentParser()
        self.parser.add_argument('--lr', type=float, default=1e-4)
        self.parser.add_argument('--batch_size', type=int, default=32)
        self.parser.add_argument('--num_workers', type=int, default=4)
        self.parser.add_argument('--num_epochs', type=int, default=140)

    def parse(self):
        return self.parser.parse_args()
`,
  'src/trainer.py': `class Trainer:
    def __init__(self, opt, model, optimizer):
        self.model, self.optimizer = model, optimizer

    def train(self, epoch, loader):
        for batch in loader:
            loss = self.model(batch).mean()
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
`,
};

test('a launcher that runs `cd src` first: the script under src/, with the flags it passes over opts.py', async () => {
  const files = {
    ...PROJECT,
    'experiments/run.sh': 'cd src\n# train\npython main.py --batch_size 12 --num_workers 3\ncd ..\n',
  };
  const f = await facts(files, 'experiments/run.sh');
  assert.deepEqual(values(f), [12, 3, 140]);
  assert.equal(f.get('num_workers')?.origin, 'explicit');
});

test('must not report: a flag whose value cannot be read is not the default opts.py declares', async () => {
  const files = { ...PROJECT, 'experiments/run.sh': 'cd src\npython main.py --batch_size $BS\n' };
  const f = await facts(files, 'experiments/run.sh');
  assert.deepEqual(values(f), [null, 4, 140]);
});

test('must not report: a script found only through a `cd` the review cannot follow', async () => {
  for (const sh of ['cd "$ROOT"/src\npython main.py\n', 'cd build\ncd ../src\npython main.py\n']) {
    const a = await analyze({ ...PROJECT, 'experiments/run.sh': sh }, 'experiments/run.sh');
    assert.equal(
      a.runs.some((r) => r.plan.entry.file.endsWith('main.py')),
      false,
      sh,
    );
  }
});

test('a parser object built at the top of opts.py (`from opts import parser`), parsed by the script', async () => {
  const opts = `import argparse
parser = argparse.ArgumentParser(description="video training")
parser.add_argument('--epochs', default=120, type=int)
parser.add_argument('-b', '--batch-size', default=256, type=int)
parser.add_argument('-j', '--workers', default=8, type=int)
eval_parser = argparse.ArgumentParser()
eval_parser.add_argument('--epochs', default=1, type=int)
`;
  const main = MAIN.replace('from args import ArgsInit', 'from opts import parser')
    .replace('args = ArgsInit().save_exp()', 'args = parser.parse_args()')
    .replace('num_workers=args.num_workers', 'num_workers=args.workers');
  assert.deepEqual(values(await facts({ 'main.py': main, 'opts.py': opts, 'model.py': MODEL })), [256, 8, 120]);
  // must not report: the options of another parser of the module.
  const other = main.replace('from opts import parser', 'from opts import eval_parser as parser');
  assert.deepEqual(values(await facts({ 'main.py': other, 'opts.py': opts, 'model.py': MODEL })), [null, null, 1]);
});
