// A script whose training loop lives in a module it calls (the Time-Series-Library layout: run.py builds an
// experiment class from exp/exp_main.py and calls `exp.train(setting)`): a stop that loop makes stops the run.
// Fixtures written for this project in the style of that layout.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, theRun } from './helpers';

const EXP = (stop: string) => `import torch
from torch import optim
from utils.tools import EarlyStopping

class Exp:
    def __init__(self, args):
        self.args = args
        self.model = torch.nn.Linear(8, 8).cuda()

    def vali(self, loader):
        self.model.eval()
        with torch.no_grad():
            return sum(self.model(x).mean() for x in loader)

    def train(self, setting):
        train_loader = torch.utils.data.DataLoader(range(64), batch_size=self.args.batch_size)
        model_optim = optim.Adam(self.model.parameters(), lr=1e-4)
        early_stopping = EarlyStopping(patience=self.args.patience, verbose=True)
        for epoch in range(self.args.train_epochs):
            self.model.train()
            for batch_x in train_loader:
                model_optim.zero_grad()
                loss = self.model(batch_x).mean()
                loss.backward()
                model_optim.step()
            vali_loss = self.vali(train_loader)
            early_stopping(vali_loss, self.model, setting)
${stop}
        return self.model
`;

const TOOLS = `class EarlyStopping:
    def __init__(self, patience=7, verbose=False):
        self.patience = patience
        self.counter = 0
        self.early_stop = False
        self.best = None

    def __call__(self, val_loss, model, path):
        if self.best is None or val_loss < self.best:
            self.best = val_loss
            self.counter = 0
        else:
            self.counter += 1
            if self.counter >= self.patience:
                self.early_stop = True
`;

const RUN = `import argparse
import torch
from exp.exp_main import Exp

parser = argparse.ArgumentParser()
parser.add_argument('--train_epochs', type=int, default=10)
parser.add_argument('--batch_size', type=int, default=32)
parser.add_argument('--patience', type=int, default=3)
parser.add_argument('--itr', type=int, default=1)
args = parser.parse_args()

for ii in range(args.itr):
    setting = 'ETTh1_{}'.format(ii)
    exp = Exp(args)
    exp.train(setting)
    torch.cuda.empty_cache()
`;

const BREAK = `            if early_stopping.early_stop:
                print("Early stopping")
                break`;

const project = (stop: string) => ({ 'run.py': RUN, 'exp/exp_main.py': EXP(stop), 'utils/tools.py': TOOLS });

test('the early stop of the epoch loop in the module the script calls is the run’s, shown where it stops', async () => {
  const f = theRun(await analyze(project(BREAK), 'run.py')).plan.facts;
  assert.equal(f.get('epochs')?.value, 10);
  const stop = f.get('early_stopping');
  assert.equal(stop?.value, true);
  assert.equal(stop?.file, '/proj/exp/exp_main.py');
  // Through a launcher that starts the script too.
  const sh = await analyze(
    { ...project(BREAK), 'scripts/etth.sh': 'python run.py --train_epochs 20\n' },
    'scripts/etth.sh',
  );
  assert.equal(theRun(sh).plan.facts.get('early_stopping')?.value, true);
});

test('must not: a module loop that validates and never stops early gives the run no early-stopping claim', async () => {
  // No stopper at all: that one loop's "nothing stops it" is not claimed for the whole run.
  const exp = EXP('')
    .replace('from utils.tools import EarlyStopping\n', '')
    .replace(/ +early_stopping[ =(].*\n/g, '')
    .replace(/vali\(/g, 'validate(');
  assert.ok(!/early|patience/.test(exp));
  const f = theRun(await analyze({ ...project(''), 'exp/exp_main.py': exp }, 'run.py')).plan.facts;
  assert.equal(f.get('epochs')?.value, 10);
  assert.equal(f.get('early_stopping'), undefined);
});

test('a one-epoch run has no early stopping: a stop judged at the end of an epoch never ends it early', async () => {
  const one = await analyze(
    { ...project(BREAK), 'scripts/one.sh': 'python run.py --train_epochs 1\n' },
    'scripts/one.sh',
  );
  assert.deepEqual(
    [theRun(one).plan.facts.get('epochs')?.value, theRun(one).plan.facts.get('early_stopping')?.value],
    [1, false],
  );
  // must not: with two epochs the stopper can end the run after the first.
  const two = await analyze(
    { ...project(BREAK), 'scripts/two.sh': 'python run.py --train_epochs 2\n' },
    'scripts/two.sh',
  );
  assert.equal(theRun(two).plan.facts.get('early_stopping')?.value, true);
});
