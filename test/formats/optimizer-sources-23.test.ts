// Where else a run's optimizer is stated: an MMEngine Runner given the optimizer class itself (`type=Adam` imported
// from torch.optim), an OpenRLHF launch (its trainers build DeepSpeed's FusedAdam in AdamW mode), a helper the script
// hands its parsed options to (the branch the script's defaults take), and not a helper handed the run's optimizer
// (what it builds is another one).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const RUNNER = (head: string, type: string) => `from torch.utils.data import DataLoader, default_collate
${head}
from mmengine.runner import Runner
from model import Mlp, TrainSet

runner = Runner(
    model=Mlp(784, 256, 10),
    work_dir='exp/mlp',
    train_dataloader=DataLoader(dataset=TrainSet(), shuffle=True, collate_fn=default_collate, batch_size=128),
    train_cfg=dict(by_epoch=True, max_epochs=10, val_interval=1),
    optim_wrapper=dict(optimizer=dict(type=${type}, lr=0.001)),
)
runner.train()
`;

test('MMEngine Runner: the optimizer class given as `type=Adam` (imported from torch.optim)', async () => {
  const a = await analyze({ 'train.py': RUNNER('from torch.optim import Adam', 'Adam') }, 'train.py');
  assert.equal(fact(a, 'optimizer')?.value, 'adam');
});

test('MMEngine Runner: the class written in full (`type=torch.optim.SGD`)', async () => {
  const a = await analyze({ 'train.py': RUNNER('import torch', 'torch.optim.SGD') }, 'train.py');
  assert.equal(fact(a, 'optimizer')?.value, 'sgd');
});

test('must not: a name that is no imported optimizer class (`type=opt_cls`) gives no optimizer', async () => {
  const a = await analyze({ 'train.py': RUNNER('from settings import opt_cls', 'opt_cls') }, 'train.py');
  assert.equal(fact(a, 'optimizer')?.value ?? null, null);
});

test('OpenRLHF launch: its trainers build FusedAdam in AdamW mode', async () => {
  const sh = `deepspeed --module openrlhf.cli.train_sft \\
   --max_len 2048 \\
   --dataset data/train.jsonl \\
   --train_batch_size 256 \\
   --micro_train_batch_size 4 \\
   --pretrain Qwen/Qwen2.5-1.5B \\
   --max_epochs 3 \\
   --bf16 \\
   --learning_rate 1e-5
`;
  const a = await analyze({ 'train_sft.sh': sh }, 'train_sft.sh');
  assert.equal(fact(a, 'optimizer')?.value, 'adamw');
  assert.equal(fact(a, 'optimizer')?.origin, 'framework-default');
});

const HELPER = `import torch


def build_optimizer(args, model):
    if args.optim == 'adamw':
        return torch.optim.AdamW(model.parameters(), lr=args.lr)
    return torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9)


def with_outer(model, optimizer, every):
    outer = torch.optim.SGD(model.parameters(), lr=0.7, momentum=0.9, nesterov=True)
    return LocalSync(model, optimizer, outer, every)
`;

const SCRIPT = (build: string) => `import argparse
import torch
import torch.nn as nn
from solver import build_optimizer, with_outer

parser = argparse.ArgumentParser()
parser.add_argument('--optim', type=str, default='adamw')
parser.add_argument('--lr', type=float, default=1e-3)
parser.add_argument('--epochs', type=int, default=4)
args = parser.parse_args()

model = nn.Linear(8, 2).cuda()
${build}
for epoch in range(args.epochs):
    for x, y in loader:
        loss = nn.functional.cross_entropy(model(x.cuda()), y.cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;

test('a helper handed the parsed options builds the optimizer the script’s defaults select', async () => {
  const a = await analyze(
    { 'README.md': '', 'solver.py': HELPER, 'train.py': SCRIPT('optimizer = build_optimizer(args, model)') },
    'train.py',
  );
  assert.equal(fact(a, 'optimizer')?.value, 'adamw');
});

test('must not: a helper handed the run’s optimizer builds another one, not the run’s', async () => {
  const a = await analyze(
    {
      'README.md': '',
      'solver.py': HELPER,
      'train.py': SCRIPT('optimizer = make_optimizer(model)\nsync = with_outer(model, optimizer, 100)'),
    },
    'train.py',
  );
  assert.equal(fact(a, 'optimizer')?.value ?? null, null);
});
