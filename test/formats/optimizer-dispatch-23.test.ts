// Optimizer classes a script picks by name and calls elsewhere: a factory that returns the class for an option (the
// branch the defaults take, or the one a launcher's flag picks), a dict of classes looked up with an option, a class
// held in a name and called in the function it is handed to. A factory or table whose class is never called builds
// nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const FACTORY = (tail: string) => `import argparse
import torch
import torch.nn as nn
from torch.optim import SGD, Adam, AdamW, RMSprop

parser = argparse.ArgumentParser()
parser.add_argument("--optimizer", type=str, default='SGD')
parser.add_argument("--learning_rate", type=float, default=1e-3)
parser.add_argument("--epoch", type=int, default=10)
args = parser.parse_args()


def get_optimizer():
    if args.optimizer == 'SGD':
        return SGD
    elif args.optimizer == 'Adam':
        return Adam
    elif args.optimizer == 'AdamW':
        return AdamW
    elif args.optimizer == 'RMSprop':
        return RMSprop
    else:
        raise ValueError(args.optimizer)


net = nn.Linear(16, 4).cuda()
${tail}
for epoch in range(args.epoch):
    for x, y in loader:
        loss = nn.functional.cross_entropy(net(x.cuda()), y.cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;

const CALLED = 'optimizer_type = get_optimizer()\noptimizer = optimizer_type(net.parameters(), lr=args.learning_rate)';

test('a factory returning the class for an option: the class the default selects', async () => {
  const a = await analyze({ 'train.py': FACTORY(CALLED) }, 'train.py');
  assert.equal(fact(a, 'optimizer')?.value, 'sgd');
  assert.equal(fact(a, 'optimizer')?.origin, 'script-default');
});

test('a factory returning the class for an option: the class a launcher’s flag selects', async () => {
  const a = await analyze(
    {
      'train.py': FACTORY(CALLED),
      'run.sh': "python3 train.py --optimizer 'RMSprop' --epoch 15\n",
    },
    'run.sh',
  );
  assert.equal(fact(a, 'optimizer')?.value, 'rmsprop');
});

test('must not: a factory whose returned class is never called builds no optimizer', async () => {
  const a = await analyze(
    { 'train.py': FACTORY('print(get_optimizer().__name__)\noptimizer = make_optimizer(net)') },
    'train.py',
  );
  assert.equal(fact(a, 'optimizer')?.value ?? null, null);
});

const TABLE = (lookup: string) => `import argparse
import torch
import torch.nn as nn

OPTIMIZERS = {
    'sgd': torch.optim.SGD,
    'adam': torch.optim.Adam,
    'adamw': torch.optim.AdamW,
}

parser = argparse.ArgumentParser()
parser.add_argument('--optim', default='adamw', choices=list(OPTIMIZERS))
parser.add_argument('--epochs', type=int, default=3)
args = parser.parse_args()

model = nn.Linear(8, 2).cuda()
${lookup}
for epoch in range(args.epochs):
    for x, y in loader:
        loss = nn.functional.mse_loss(model(x.cuda()), y.cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;

test('a dict of optimizer classes looked up with an option: the entry its default names', async () => {
  const a = await analyze(
    { 'train.py': TABLE('optimizer = OPTIMIZERS[args.optim](model.parameters(), lr=1e-3)') },
    'train.py',
  );
  assert.equal(fact(a, 'optimizer')?.value, 'adamw');
});

test('a dict of optimizer classes: the entry held in a name and called later', async () => {
  const a = await analyze(
    { 'train.py': TABLE('opt_cls = OPTIMIZERS[args.optim]\noptimizer = opt_cls(model.parameters(), lr=1e-3)') },
    'train.py',
  );
  assert.equal(fact(a, 'optimizer')?.value, 'adamw');
});

test('must not: a dict of optimizer classes whose entry is only named, never called, builds none', async () => {
  const a = await analyze(
    { 'train.py': TABLE('name = OPTIMIZERS[args.optim].__name__\noptimizer = build(model, name)') },
    'train.py',
  );
  assert.equal(fact(a, 'optimizer')?.value ?? null, null);
});

test('a class held in a name and called in the function it is handed to', async () => {
  const script = `import torch
from torch.optim import RAdam


def train(model, optimizer, hyperparams, loader):
    optim = optimizer(model.parameters(), lr=hyperparams['init_lr'])
    for epoch in range(hyperparams['epochs']):
        for x in loader:
            loss = model(x.cuda()).mean()
            optim.zero_grad()
            loss.backward()
            optim.step()


if __name__ == '__main__':
    model = torch.nn.Linear(4, 4).cuda()
    optimizer = RAdam  # rectified Adam
    train(model, optimizer, {'init_lr': 1e-4, 'epochs': 5}, [])
`;
  const a = await analyze({ 'train.py': script }, 'train.py');
  assert.equal(fact(a, 'optimizer')?.value, 'radam');
});
