// No value the files do not support (issue 11), session 20: an AMP import that is never used sets up no mixed
// precision; an autocast in the `else:` of `if not fp16:` runs only when the switch is on, and a switch the script
// passes down by name decides a module's autocast; a break behind a trainer's `--early_stop` left off stops nothing;
// SpeechBrain's `Brain.fit` trains. Fixtures written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const LOOP = (head: string, step: string) => `import argparse
import torch
${head}
model = torch.nn.Linear(8, 8).cuda()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.randn(64, 8)), batch_size=8)
for epoch in range(3):
    for (x,) in loader:
        optimizer.zero_grad()
${step}
`;
const PLAIN_STEP = `        loss = model(x.cuda()).pow(2).mean()
        loss.backward()
        optimizer.step()`;

test('an AMP import the code never uses is not mixed precision: fp32; a use held in a variable stays unknown', async () => {
  const imported = LOOP('from torch.cuda.amp import autocast, GradScaler', PLAIN_STEP);
  const a = await analyze({ 'train.py': imported }, 'train.py');
  assert.equal(fact(a, 'precision')?.value, 'fp32');
  // The same import, used in a way the loop reader does not read (an autocast chosen at run time): not judged.
  const held = LOOP(
    'from torch.cuda.amp import autocast, GradScaler\nimport contextlib\nctx = autocast if torch.cuda.is_available() else contextlib.nullcontext',
    PLAIN_STEP,
  );
  const b = await analyze({ 'train.py': held }, 'train.py');
  assert.equal(fact(b, 'precision')?.value, null);
});

const SWITCHED = (fp16: string) =>
  LOOP(
    `from torch.cuda.amp import autocast, GradScaler\nfp16 = ${fp16}\nif fp16:\n    scaler = GradScaler()\nelse:\n    scaler = None`,
    `        if not fp16:
            loss = model(x.cuda()).pow(2).mean()
            loss.backward()
            optimizer.step()
        else:
            with autocast():
                loss = model(x.cuda()).pow(2).mean()
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()`,
  );

test('autocast in the else of `if not fp16:` runs only when fp16 is on: fp32 with fp16 = False, fp16 with True', async () => {
  const off = await analyze({ 'train.py': SWITCHED('False') }, 'train.py');
  assert.equal(fact(off, 'precision')?.value, 'fp32');
  const on = await analyze({ 'train.py': SWITCHED('True') }, 'train.py');
  assert.equal(fact(on, 'precision')?.value, 'fp16');
});

const FIT_ONE_EPOCH = `import torch

def fit_one_epoch(model, optimizer, loader, fp16, scaler):
    for images, targets in loader:
        optimizer.zero_grad()
        if not fp16:
            loss = torch.nn.functional.mse_loss(model(images.cuda()), targets.cuda())
            loss.backward()
            optimizer.step()
        else:
            from torch.cuda.amp import autocast
            with autocast():
                loss = torch.nn.functional.mse_loss(model(images.cuda()), targets.cuda())
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
`;
const CALLER = (fp16: string) => `import torch
from utils.utils_fit import fit_one_epoch

if __name__ == "__main__":
    fp16 = ${fp16}
    model = torch.nn.Linear(8, 8).cuda()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.randn(64, 8), torch.randn(64, 8)), batch_size=8)
    if fp16:
        from torch.cuda.amp import GradScaler
        scaler = GradScaler()
    else:
        scaler = None
    for epoch in range(10):
        fit_one_epoch(model, optimizer, loader, fp16, scaler)
`;

test('a switch the script passes by name into the module that trains decides its autocast: off is fp32, on is fp16', async () => {
  const off = await analyze({ 'train.py': CALLER('False'), 'utils/utils_fit.py': FIT_ONE_EPOCH }, 'train.py');
  assert.equal(fact(off, 'precision')?.value, 'fp32');
  const on = await analyze({ 'train.py': CALLER('True'), 'utils/utils_fit.py': FIT_ONE_EPOCH }, 'train.py');
  assert.equal(fact(on, 'precision')?.value, 'fp16');
});

const BRAIN = (call: string) => `import sys
import speechbrain as sb
from hyperpyyaml import load_hyperpyyaml

class SpkIdBrain(sb.Brain):
    def compute_forward(self, batch, stage):
        return self.modules.classifier(self.modules.embedding_model(batch.sig[0]))

if __name__ == "__main__":
    hparams_file, run_opts, overrides = sb.parse_arguments(sys.argv[1:])
    with open(hparams_file) as fin:
        hparams = load_hyperpyyaml(fin, overrides)
    brain = SpkIdBrain(modules=hparams["modules"], opt_class=hparams["opt_class"], hparams=hparams, run_opts=run_opts)
${call}
`;

test('SpeechBrain: Brain.fit(epoch_counter=…, train_set=…) trains; a script that only evaluates does not', async () => {
  const fit = BRAIN(
    '    brain.fit(epoch_counter=brain.hparams.epoch_counter, train_set=datasets["train"], valid_set=datasets["valid"])',
  );
  const a = await analyze({ 'train.py': fit }, 'train.py');
  assert.equal(a.runs.length, 1);
  const evaluate = BRAIN('    brain.evaluate(test_set=datasets["test"], min_key="error")');
  const b = await analyze({ 'evaluate.py': evaluate }, 'evaluate.py');
  assert.equal(b.runs.length, 0);
});

const SOLVER = `import torch

class Solver(object):
    def __init__(self, data, model, optimizer, args):
        self.tr_loader = data['tr_loader']
        self.model = model
        self.optimizer = optimizer
        self.epochs = args.epochs
        self.early_stop = args.early_stop
        self.val_no_impv = 0

    def train(self):
        prev_val_loss = float("inf")
        for epoch in range(self.epochs):
            self._run_one_epoch(epoch)
            val_loss = self.validate(epoch)
            if val_loss >= prev_val_loss:
                self.val_no_impv += 1
                if self.val_no_impv >= 10 and self.early_stop:
                    break
            prev_val_loss = val_loss

    def _run_one_epoch(self, epoch):
        for (x,) in self.tr_loader:
            loss = self.model(x.cuda()).pow(2).mean()
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()

    def validate(self, epoch):
        with torch.no_grad():
            return sum(self.model(x.cuda()).pow(2).mean().item() for (x,) in self.tr_loader)
`;
const SOLVER_MAIN = (early: string) => `import argparse
import torch
from solver import Solver

parser = argparse.ArgumentParser()
parser.add_argument('--epochs', default=30, type=int)
parser.add_argument('--early_stop', dest='early_stop', default=${early}, type=int)

def main(args):
    model = torch.nn.Linear(8, 8).cuda()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    tr_loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.randn(64, 8)), batch_size=8)
    solver = Solver({'tr_loader': tr_loader}, model, optimizer, args)
    solver.train()

if __name__ == '__main__':
    main(parser.parse_args())
`;

test('a break behind a trainer switch copied from --early_stop: off by default stops nothing; on by default stops early', async () => {
  const off = await analyze({ 'train.py': SOLVER_MAIN('0'), 'solver.py': SOLVER }, 'train.py');
  assert.equal(fact(off, 'early_stopping')?.value, false);
  const on = await analyze({ 'train.py': SOLVER_MAIN('1'), 'solver.py': SOLVER }, 'train.py');
  assert.equal(fact(on, 'early_stopping')?.value, true);
});

const UNCALLED = (main: string) => `import torch

model = torch.nn.Linear(8, 8).cuda()
loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.randn(64, 8)), batch_size=8)

def train_main():
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(80):
        for (x,) in loader:
            loss = model(x.cuda()).pow(2).mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        torch.save(model.state_dict(), 'epoch_%s.params' % epoch)

def predict_main(epoch):
    model.load_state_dict(torch.load('epoch_%s.params' % epoch))
    with torch.no_grad():
        return [model(x.cuda()) for (x,) in loader]

if __name__ == "__main__":
${main}
`;

test('a script whose __main__ never calls its training function trains nothing; calling it trains', async () => {
  const predicts = await analyze({ 'train.py': UNCALLED('    # train_main()\n    predict_main(31)') }, 'train.py');
  assert.equal(predicts.runs.length, 0);
  const trains = await analyze({ 'train.py': UNCALLED('    train_main()\n    predict_main(79)') }, 'train.py');
  assert.equal(trains.runs.length, 1);
});
