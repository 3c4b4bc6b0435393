// A training script's run includes the repository modules it calls (engine/link/imports.ts): the loop, autocast,
// accumulation, optimizer and DataLoader of `engine.py`, a trainer class, a data module; values they read from the
// script's arguments; and nothing for scripts that only evaluate, only import a model, or sit in another repository.
// Fixtures written for this project in the style of public entry scripts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, theRun } from './helpers';

const MAIN = `import argparse
import torch
from torch.utils.data import DataLoader
from engine import train_one_epoch, evaluate
from models import build_model
import utils

def get_args():
    p = argparse.ArgumentParser()
    p.add_argument('--batch_size', default=48, type=int)
    p.add_argument('--epochs', default=300, type=int)
    p.add_argument('--accum_iter', default=4, type=int)
    p.add_argument('--num_workers', default=6, type=int)
    return p.parse_args()

def main(args):
    model = build_model(args).cuda()
    loader = DataLoader(utils.TrainSet(), batch_size=args.batch_size, num_workers=args.num_workers, shuffle=True)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
    scaler = utils.Scaler()
    for epoch in range(args.epochs):
        train_one_epoch(model, loader, optimizer, scaler, epoch, args)
        utils.save_on_master({'model': model.state_dict(), 'epoch': epoch}, 'ckpt.pth')

if __name__ == '__main__':
    main(get_args())
`;

const ENGINE = `import torch

def train_one_epoch(model, loader, optimizer, scaler, epoch, args):
    model.train()
    accum_iter = args.accum_iter
    for step, (x, y) in enumerate(loader):
        with torch.cuda.amp.autocast(dtype=torch.bfloat16):
            loss = model(x.cuda(), y.cuda())
        loss = loss / accum_iter
        loss.backward()
        if (step + 1) % accum_iter == 0:
            optimizer.step()
            optimizer.zero_grad()

@torch.no_grad()
def evaluate(model, loader):
    model.eval()
    for x, y in loader:
        model(x.cuda())
`;

const MODELS = `import torch.nn as nn

def build_model(args):
    return nn.Sequential(nn.Linear(10, 10))
`;

const UTILS = `import torch

class Scaler:
    pass

class TrainSet(torch.utils.data.Dataset):
    pass

def save_on_master(obj, path):
    torch.save(obj, path)
`;

const project = (main = MAIN, engine = ENGINE) => ({
  'train.py': main,
  'engine.py': engine,
  'models.py': MODELS,
  'utils.py': UTILS,
});

test('train_one_epoch in engine.py: its autocast and accumulation join the script run, with the script loop and saves', async () => {
  const run = theRun(await analyze(project(), 'train.py'));
  const f = (k: Parameters<typeof run.plan.facts.get>[0]) => run.plan.facts.get(k);
  assert.deepEqual([f('precision')?.value, f('precision')?.file], ['bf16', '/proj/engine.py']);
  // `accum_iter = args.accum_iter` in engine.py: the default the script declares.
  assert.deepEqual([f('grad_accum')?.value, f('grad_accum')?.origin], [4, 'script-default']);
  assert.equal(f('epochs')?.value, 300);
  assert.equal(f('periodic_save')?.value, 'epoch');
  assert.deepEqual([f('micro_batch')?.value, f('num_workers')?.value, f('optimizer')?.value], [48, 6, 'adamw']);
  assert.ok(run.plan.files.includes('/proj/engine.py'));
  // Without the module in the tree, the script alone shows none of that.
  const alone = await analyze({ 'train.py': MAIN, 'models.py': MODELS, 'utils.py': UTILS }, 'train.py');
  const runs = [...alone.runs, ...(alone.linked ?? [])];
  assert.ok(runs.every((r) => r.plan.facts.get('precision')?.value !== 'bf16'));
});

const EXP = `import torch
from torch import optim
from data_factory import data_provider

class Exp:
    def __init__(self, args):
        self.args = args
        self.model = torch.nn.Linear(8, 8).cuda()

    def _get_data(self, flag):
        return data_provider(self.args, flag)

    def train(self, setting):
        train_loader = self._get_data('train')
        model_optim = optim.Adam(self.model.parameters(), lr=self.args.learning_rate)
        if self.args.use_amp:
            scaler = torch.cuda.amp.GradScaler()
        for epoch in range(self.args.train_epochs):
            for batch_x, batch_y in train_loader:
                model_optim.zero_grad()
                if self.args.use_amp:
                    with torch.cuda.amp.autocast():
                        loss = self.model(batch_x).mean()
                    scaler.scale(loss).backward()
                    scaler.step(model_optim)
                    scaler.update()
                else:
                    loss = self.model(batch_x).mean()
                    loss.backward()
                    model_optim.step()

    def test(self, setting):
        test_loader = self._get_data('test')
        self.model.eval()
        with torch.no_grad():
            for batch_x, _ in test_loader:
                self.model(batch_x)
`;

const DATA = `from torch.utils.data import DataLoader

def data_provider(args, flag):
    return DataLoader(range(10), batch_size=args.batch_size, shuffle=flag == 'train', num_workers=args.num_workers)
`;

const RUN = (amp: string) => `import argparse
from exp.exp_main import Exp

parser = argparse.ArgumentParser()
parser.add_argument('--train_epochs', type=int, default=12)
parser.add_argument('--batch_size', type=int, default=16)
parser.add_argument('--num_workers', type=int, default=3)
parser.add_argument('--learning_rate', type=float, default=1e-4)
${amp}
args = parser.parse_args()

exp = Exp(args)
exp.train('setting')
exp.test('setting')
`;

const expProject = (run: string, extra: Record<string, string> = {}) => ({
  'run.py': run,
  'exp/exp_main.py': EXP,
  'data_factory.py': DATA,
  ...extra,
});

test('a trainer class: mixed precision behind a flag the script leaves off is fp32; turned on, it is fp16', async () => {
  const off = theRun(
    await analyze(expProject(RUN("parser.add_argument('--use_amp', action='store_true', default=False)")), 'run.py'),
  ).plan.facts;
  assert.equal(off.get('precision')?.value, 'fp32');
  assert.deepEqual(
    [off.get('epochs')?.value, off.get('micro_batch')?.value, off.get('num_workers')?.value],
    [12, 16, 3],
  );
  assert.equal(off.get('optimizer')?.value, 'adam');
  const on = theRun(
    await analyze(expProject(RUN("parser.add_argument('--use_amp', type=bool, default=True)")), 'run.py'),
  ).plan.facts;
  assert.equal(on.get('precision')?.value, 'fp16');
});

test('scripts that evaluate, import only a model, or prepare data get no run from the modules they import', async () => {
  const evalScript = RUN("parser.add_argument('--use_amp', action='store_true')")
    .replace("exp.train('setting')\n", '')
    .replace('run.py', 'eval.py');
  const a = await analyze(expProject(evalScript, { 'eval.py': evalScript }), 'eval.py');
  assert.equal(a.runs.length, 0);
  const speed = `import torch\nfrom models import build_model\n\nmodel = build_model(None)\nwith torch.no_grad():\n    model(torch.randn(4, 10))\n`;
  assert.equal((await analyze({ ...project(), 'speed.py': speed }, 'speed.py')).runs.length, 0);
  const prep = `from utils import TrainSet\n\nfor i, x in enumerate(TrainSet()):\n    print(i)\n`;
  assert.equal((await analyze({ ...project(), 'prep.py': prep }, 'prep.py')).runs.length, 0);
  // evaluate() of the same engine: reached, but it runs no training step.
  const evaluate = `from engine import evaluate\nfrom models import build_model\n\nevaluate(build_model(None), [])\n`;
  assert.equal((await analyze({ ...project(), 'ev.py': evaluate }, 'ev.py')).runs.length, 0);
});

test('imports resolve within the script repository only: a sibling repository module of that name is never read', async () => {
  const files = {
    'a__one/train.py': MAIN,
    'a__one/models.py': MODELS,
    'a__one/utils.py': UTILS,
    'b__two/engine.py': ENGINE,
  };
  const a = await analyze(files, 'a__one/train.py');
  for (const r of [...a.runs, ...(a.linked ?? [])]) {
    assert.ok(!r.plan.files.some((f) => f.includes('b__two')));
    assert.notEqual(r.plan.facts.get('precision')?.value, 'bf16');
  }
  // Above a repository's root marker, nothing is searched either.
  const marked = { 'repo/setup.py': '', 'repo/tools/train.py': MAIN, 'engine.py': ENGINE, 'repo/models.py': MODELS };
  const b = await analyze(marked, 'repo/tools/train.py');
  for (const r of [...b.runs, ...(b.linked ?? [])]) assert.ok(!r.plan.files.includes('/proj/engine.py'));
});

test('`import _init_paths` puts lib/ on the path: the trainer and the arguments declared in lib/opts.py', async () => {
  const files = {
    'src/_init_paths.py': `import os.path as osp\nimport sys\n\ndef add_path(p):\n    sys.path.insert(0, p)\n\nthis_dir = osp.dirname(__file__)\nadd_path(osp.join(this_dir, 'lib'))\n`,
    'src/main.py': `import _init_paths\nimport torch\nfrom opts import opts\nfrom trainer import Trainer\n\ndef main(opt):\n    model = torch.nn.Linear(2, 2)\n    optimizer = torch.optim.Adam(model.parameters(), opt.lr)\n    trainer = Trainer(opt, model, optimizer)\n    loader = torch.utils.data.DataLoader(range(8), batch_size=opt.batch_size, num_workers=opt.num_workers)\n    for epoch in range(1, opt.num_epochs + 1):\n        trainer.train(epoch, loader)\n        torch.save(model.state_dict(), 'last.pth')\n\nmain(opts().parse())\n`,
    'src/lib/opts.py': `import argparse\n\nclass opts:\n    def __init__(self):\n        self.parser = argparse.ArgumentParser()\n        self.parser.add_argument('--lr', type=float, default=1e-4)\n        self.parser.add_argument('--batch_size', type=int, default=24)\n        self.parser.add_argument('--num_workers', type=int, default=5)\n        self.parser.add_argument('--num_epochs', type=int, default=70)\n\n    def parse(self):\n        return self.parser.parse_args()\n`,
    'src/lib/trainer.py': `import torch\n\nclass Trainer:\n    def __init__(self, opt, model, optimizer):\n        self.model, self.optimizer = model, optimizer\n\n    def run_epoch(self, loader):\n        for batch in loader:\n            loss = self.model(batch).mean()\n            self.optimizer.zero_grad()\n            loss.backward()\n            self.optimizer.step()\n\n    def train(self, epoch, loader):\n        return self.run_epoch(loader)\n`,
  };
  const f = theRun(await analyze(files, 'src/main.py')).plan.facts;
  assert.deepEqual(
    [f.get('precision')?.value, f.get('grad_accum')?.value, f.get('epochs')?.value, f.get('periodic_save')?.value],
    ['fp32', 1, 70, 'epoch'],
  );
  assert.deepEqual([f.get('micro_batch')?.value, f.get('micro_batch')?.origin], [24, 'script-default']);
});

test('what the script states is never replaced by what a module shows', async () => {
  const main = MAIN.replace('num_workers=args.num_workers', 'num_workers=2');
  const data = `${UTILS}\ndef loader(ds):\n    return torch.utils.data.DataLoader(ds, batch_size=8, num_workers=12)\n`;
  const run = theRun(await analyze({ ...project(main), 'utils.py': data }, 'train.py'));
  assert.equal(run.plan.facts.get('num_workers')?.value, 2);
});

test('a launcher that starts the script: the modules it calls join that run, and the launcher flag wins', async () => {
  const files = {
    ...expProject(RUN("parser.add_argument('--use_amp', action='store_true', default=False)")),
    'scripts/etth.sh': 'python run.py --train_epochs 4 --batch_size 64\n',
  };
  const a = await analyze(files, 'scripts/etth.sh');
  const f = theRun(a).plan.facts;
  assert.deepEqual([f.get('epochs')?.value, f.get('micro_batch')?.value], [4, 64]);
  assert.deepEqual([f.get('optimizer')?.value, f.get('precision')?.value], ['adam', 'fp32']);
});

test('a trainer method that saves at its end does not make `self.model.train()` in its loop a save', async () => {
  const exp = EXP.replace(
    '    def test(self, setting):',
    "        torch.save(self.model.state_dict(), 'checkpoint.pth')\n\n    def test(self, setting):",
  ).replace(
    '            for batch_x, batch_y in train_loader:',
    '            self.model.train()\n            for batch_x, batch_y in train_loader:',
  );
  const files = { ...expProject(RUN("parser.add_argument('--use_amp', action='store_true')")), 'exp/exp_main.py': exp };
  const f = theRun(await analyze(files, 'exp/exp_main.py')).plan.facts;
  assert.notEqual(f.get('periodic_save')?.value, 'epoch');
});

test('a trainer built with keywords: the values the script passes, and a save it leaves switched off', async () => {
  const trainer = `import torch

class Trainer:
    def __init__(self, model, loader, steps=10, save_every=None):
        self.model = model
        self.loader = loader
        self.steps = steps
        self.save_every = save_every

    def step(self, batch):
        loss = self.model(batch).mean()
        loss.backward()

    def run(self):
        opt = torch.optim.SGD(self.model.parameters(), lr=0.1)
        for i in range(self.steps):
            for batch in self.loader:
                self.step(batch)
                opt.step()
            if self.save_every and (i + 1) % self.save_every == 0:
                torch.save(self.model.state_dict(), 'ckpt.pth')
`;
  const script = `import torch
from kit.trainer import Trainer

model = torch.nn.Linear(4, 1)
Trainer(model, [torch.randn(2, 4)], steps=250).run()
`;
  const f = theRun(await analyze({ 'train.py': script, 'kit/trainer.py': trainer }, 'train.py')).plan.facts;
  assert.deepEqual([f.get('epochs')?.value, f.get('epochs')?.origin], [250, 'explicit']);
  // The default run saves nothing before it ends: `no`, with the switch named.
  assert.equal(f.get('periodic_save')?.value, 'no');
  assert.match(f.get('periodic_save')?.note ?? '', /runs only when self\.save_every is set/);
  const on = script.replace('steps=250)', 'steps=250, save_every=5)');
  const g = theRun(await analyze({ 'train.py': on, 'kit/trainer.py': trainer }, 'train.py')).plan.facts;
  assert.equal(g.get('periodic_save')?.value, 'epoch');
});

test('a long chain of calls in one module is walked a bounded depth: no stack overflow, a short chain still reaches the step', async () => {
  // Large generated modules (RL frameworks' worker files) hold thousands of functions calling one another.
  const chain = (n: number) =>
    [
      'import torch',
      ...Array.from({ length: n - 1 }, (_, i) => `def f${i}(model, x):\n    return f${i + 1}(model, x)\n`),
      `def f${n - 1}(model, x):\n    loss = model(x).mean()\n    loss.backward()\n`,
    ].join('\n');
  const script = `import torch\nfrom workers import f0\n\nmodel = torch.nn.Linear(2, 2)\nfor epoch in range(3):\n    f0(model, torch.zeros(2))\n`;
  const long = await analyze({ 'train.py': script, 'workers.py': chain(4000) }, 'train.py');
  assert.deepEqual(
    long.messages.filter((m) => /failed/.test(m)),
    [],
  );
  // The script holds no backward pass: its run exists only because the walk reached the step in workers.py.
  const short = theRun(await analyze({ 'train.py': script, 'workers.py': chain(8) }, 'train.py'));
  assert.equal(short.plan.facts.get('epochs')?.value, 3);
});
