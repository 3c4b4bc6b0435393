// The model an entry script leaves to repository code it imports and calls: a trainer class that builds it in a
// setup method, a training function that constructs it — read in its own module, `inferred`; a call left in a comment
// is no call, and two called trainers that build different models name none.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const TRAINER = (cls: string, net: string) => `import torch
from graphs import ${net}


class ${cls}(object):
    def __init__(self, args):
        self.args = args
        self.setup_model()

    def setup_model(self):
        self.model = ${net}(self.args, 16)

    def fit(self):
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=self.args.lr)
        for epoch in range(self.args.epochs):
            loss = self.model(torch.randn(8, 16)).sum()
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
`;

const MAIN = (body: string) => `import argparse
from trainers import GraphSimTrainer, PairNetTrainer

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=5)
parser.add_argument("--lr", type=float, default=0.001)
args = parser.parse_args()
${body}
`;

const files = (body: string) => ({
  'src/main.py': MAIN(body),
  'src/trainers.py': `${TRAINER('GraphSimTrainer', 'GraphSim')}\n${TRAINER('PairNetTrainer', 'PairNet').replace(/^import torch\n/, '')}`,
});

test('a trainer class the script calls builds the model in its setup method', async () => {
  const a = await analyze(files('trainer = GraphSimTrainer(args)\ntrainer.fit()'), 'src/main.py');
  assert.equal(fact(a, 'model')?.value, 'GraphSim');
  assert.equal(fact(a, 'model')?.origin, 'inferred');
});

test('a trainer class its package re-exports (`from .core import …` in `__init__.py`) builds the model', async () => {
  const { 'src/trainers.py': trainers, 'src/main.py': main } = files('trainer = PairNetTrainer(args)\ntrainer.fit()');
  const a = await analyze(
    {
      'src/main.py': main,
      'src/trainers/__init__.py': 'from .core import GraphSimTrainer, PairNetTrainer\n',
      'src/trainers/core.py': trainers,
    },
    'src/main.py',
  );
  assert.equal(fact(a, 'model')?.value, 'PairNet');
});

test('a call left in a comment is no call: the trainer that runs names the model', async () => {
  const a = await analyze(
    files('trainer = GraphSimTrainer(args)\n# trainer = PairNetTrainer(args)\ntrainer.fit()'),
    'src/main.py',
  );
  assert.equal(fact(a, 'model')?.value, 'GraphSim');
});

test('two called trainers that build different models name none', async () => {
  const a = await analyze(
    files('trainer = GraphSimTrainer(args)\ntrainer.fit()\nother = PairNetTrainer(args)\nother.fit()'),
    'src/main.py',
  );
  assert.equal(fact(a, 'model')?.value ?? null, null);
});

test('a training function the script calls constructs the model', async () => {
  const train = `import torch
from model import KnowledgeNet


def train(args, data):
    model = KnowledgeNet(args).cuda()
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    for epoch in range(args.n_epochs):
        for batch in data:
            loss = model(batch.cuda()).mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
`;
  const main = `import argparse
from train import train

parser = argparse.ArgumentParser()
parser.add_argument("--n_epochs", type=int, default=10)
parser.add_argument("--lr", type=float, default=0.01)
args = parser.parse_args()
train(args, [])
`;
  const a = await analyze({ 'src/main.py': main, 'src/train.py': train }, 'src/main.py');
  assert.equal(fact(a, 'model')?.value, 'KnowledgeNet');
});
