// GML601 on hand-written loops whose stopping is not where the first reading looks: a learning-rate scheduler's
// `patience=` (it lowers the rate, it stops nothing), and an epoch loop around a training function of another module.
import { runRuleCases } from '../test/helpers/rule-harness';
import { unboundedTraining } from './unbounded-training';

const plateau = (extra: string) => `import argparse
import torch

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=120)
args = parser.parse_args()

model = Detector().cuda()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, patience=3)
for epoch in range(args.epochs):
    for images, targets in train_loader:
        loss = model(images.cuda(), targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    val_loss = evaluate(model, val_loader)
    scheduler.step(val_loss)
${extra}`;

runRuleCases(unboundedTraining, [
  {
    name: "ReduceLROnPlateau's patience lowers the rate and stops nothing: on the epoch loop",
    code: plateau(''),
    settings: { hardware: 'a100' },
    expect: [{ line: 11, column: 1, severity: 'information', messageIncludes: '120 epochs' }],
  },
  {
    name: "the scheduler's patience given from an option (`patience=args.lr_patience`) still stops nothing",
    code: plateau('').replace(
      'scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, patience=3)',
      'scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, "min", patience=int(args.lr_patience))',
    ),
    settings: { hardware: 'a100' },
    expect: [{ line: 11, column: 1, severity: 'information', messageIncludes: '120 epochs' }],
  },
  {
    name: 'an early stopper beside the scheduler, given its own patience, stops the run (nothing reported)',
    code: plateau('    if stopper.should_stop(val_loss):\n        raise SystemExit\n').replace(
      'patience=3)',
      'patience=args.lr_patience)\nstopper = EarlyStopper(patience=args.patience)',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a patience counter of the loop beside the scheduler stops it',
    code: plateau(
      '    if val_loss < best:\n        best, bad = val_loss, 0\n    else:\n        bad += 1\n    if bad > patience:\n        break\n',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// The script's epoch loop around `train(…)` of another module, with a validation pass after it.
const loops = `import torch


def train(epoch, loader, model, criterion, optimizer):
    model.train()
    for x, y in loader:
        loss = criterion(model(x.cuda()), y.cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;

const script = (epochs: number, body = '') => `import argparse
import torch
from loops import train

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=${epochs})
opt = parser.parse_args()


def main():
    model = WRN().cuda()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    for epoch in range(1, opt.epochs + 1):
        train(epoch, train_loader, model, torch.nn.CrossEntropyLoss(), optimizer)
        acc = validate(val_loader, model)
${body}

main()
`;

runRuleCases(unboundedTraining, [
  {
    name: 'an epoch loop around a training function of another module, validated every epoch: on the loop',
    code: script(240),
    files: { '/case/loops.py': loops },
    settings: { hardware: 'a100' },
    expect: [{ line: 13, column: 5, messageIncludes: '240 epochs with a validation set' }],
  },
  {
    name: 'the same loop leaves when the accuracy stops improving',
    code: script(240, '        if acc < 0.1:\n            break\n'),
    files: { '/case/loops.py': loops },
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'the same loop, 30 epochs',
    code: script(30),
    files: { '/case/loops.py': loops },
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// An epoch count whose argparse default is None, filled by the script from the dataset's default when the option is
// not given (`if args.epochs is None: args.epochs = epoches[args.dataset.lower()]`).
const filled = (table: string) => `import argparse
import torch

parser = argparse.ArgumentParser()
parser.add_argument("--dataset", type=str, default="ADE20K")
parser.add_argument("--epochs", type=int, default=None)
args = parser.parse_args()
if args.epochs is None:
    epoches = ${table}
    args.epochs = epoches[args.dataset.lower()]

model = SegModel().cuda()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
for epoch in range(args.epochs):
    for images, masks in train_loader:
        loss = criterion(model(images.cuda()), masks.cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    miou = validation(model, val_loader)
`;

runRuleCases(unboundedTraining, [
  {
    name: 'an epoch count the script fills from the default dataset when --epochs is not given',
    code: filled("{'pascal_voc': 50, 'ade20k': 180, 'citys': 240}"),
    settings: { hardware: 'a100' },
    expect: [{ line: 14, column: 1, severity: 'information', messageIncludes: '180 epochs' }],
  },
  {
    name: 'the default dataset maps to 30 epochs',
    code: filled("{'pascal_voc': 50, 'ade20k': 30, 'citys': 240}"),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a launcher that gives another dataset (not --epochs) picks a count this review does not read',
    file: '/case/train.py',
    code: filled("{'pascal_voc': 50, 'ade20k': 180, 'citys': 240}"),
    files: { '/case/train.sh': 'python train.py --dataset pascal_voc\n' },
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a launcher that gives --epochs sets the count',
    file: '/case/train.py',
    code: filled("{'pascal_voc': 50, 'ade20k': 180, 'citys': 240}"),
    files: { '/case/train.sh': 'python train.py --dataset pascal_voc --epochs 120\n' },
    settings: { hardware: 'a100' },
    expect: [{ line: 14, column: 1, messageIncludes: '120 epochs' }],
  },
]);

// The whole epoch loop in a trainer class of another module, the epoch count in the script that builds it.
const trainerModule = (stop = '') => `import torch


class Trainer:
    def __init__(self, args, model, criterion, optimizer, train_data_loader, valid_data_loader=None):
        self.args, self.model, self.criterion, self.optimizer = args, model, criterion, optimizer
        self.train_data_loader, self.valid_data_loader = train_data_loader, valid_data_loader

    def training(self):
        for epoch in range(self.args.nEpochs):
            self.train_epoch(epoch)
            val_loss = self.validate_epoch(epoch)
${stop}
    def train_epoch(self, epoch):
        self.model.train()
        for x, y in self.train_data_loader:
            loss = self.criterion(self.model(x.cuda()), y.cuda())
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()

    def validate_epoch(self, epoch):
        self.model.eval()
        with torch.no_grad():
            return sum(self.criterion(self.model(x.cuda()), y.cuda()).item() for x, y in self.valid_data_loader)
`;
const builder = (epochs: number) => `import argparse
import lib.train as train

parser = argparse.ArgumentParser()
parser.add_argument("--nEpochs", type=int, default=${epochs})
args = parser.parse_args()
model = UNet3D().cuda()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
trainer = train.Trainer(args, model, criterion, optimizer, train_data_loader=train_loader, valid_data_loader=val_loader)
trainer.training()
`;

runRuleCases(unboundedTraining, [
  {
    name: "the epoch loop in another module's trainer, the count in this script: on the count",
    code: builder(200),
    files: { '/case/lib/train.py': trainerModule(), '/case/lib/__init__.py': '' },
    settings: { hardware: 'a100' },
    expect: [{ line: 5, messageIncludes: '200 epochs with a validation set' }],
  },
  {
    name: 'must not: the same trainer stops when the validation loss stops improving',
    code: builder(200),
    files: {
      '/case/lib/train.py': trainerModule('            if self.early_stop(val_loss):\n                break\n'),
      '/case/lib/__init__.py': '',
    },
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'must not: the same trainer, 30 epochs',
    code: builder(30),
    files: { '/case/lib/train.py': trainerModule(), '/case/lib/__init__.py': '' },
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: "an option declared for the LR scheduler (timm's `--patience-epochs`) is no stopper: on the epoch loop",
    code: plateau('').replace(
      'args = parser.parse_args()',
      'parser.add_argument("--patience-epochs", type=int, default=10, help="patience epochs for Plateau LR scheduler")\nargs = parser.parse_args()',
    ),
    settings: { hardware: 'a100' },
    expect: [{ line: 12, column: 1, severity: 'information', messageIncludes: '120 epochs' }],
  },
  {
    name: 'an early-stopping option read elsewhere, even when its help names the LR scheduler, may stop the run',
    code: plateau('').replace(
      'args = parser.parse_args()',
      'parser.add_argument("--stop-patience", type=int, default=10, help="epochs without improvement before early stopping (the LR scheduler waits 3)")\nargs = parser.parse_args()',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
