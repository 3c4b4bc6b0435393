// Vision training shapes read on fresh repositories (docs/evaluation/dev-vision-28.md); fixtures written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, launchedFact } from './helpers';

// The torchvision classification reference's shape: a GradScaler only when `--amp` is given, and autocast switched on
// by whether that scaler exists.
const scalerSwitch = (scalerLine: string) => `import argparse
import torch

def train_one_epoch(model, criterion, optimizer, loader, scaler=None):
    model.train()
    for images, target in loader:
        with torch.cuda.amp.autocast(enabled=scaler is not None):
            loss = criterion(model(images), target)
        optimizer.zero_grad()
        if scaler is not None:
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
        else:
            loss.backward()
            optimizer.step()

def main(args):
    model = build(args.model).cuda()
    criterion = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    loader = torch.utils.data.DataLoader(ds, batch_size=args.batch_size)
    ${scalerLine}
    for epoch in range(args.epochs):
        train_one_epoch(model, criterion, optimizer, loader, scaler)

if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--model", default="resnet18")
    p.add_argument("--batch-size", default=32, type=int)
    p.add_argument("--epochs", default=90, type=int)
    p.add_argument("--amp", action="store_true")
    main(p.parse_args())
`;

test('autocast(enabled=scaler is not None) with a scaler built only under --amp: fp32 by default', async () => {
  const a = await analyze(
    { 'train.py': scalerSwitch('scaler = torch.cuda.amp.GradScaler() if args.amp else None') },
    'train.py',
  );
  const p = fact(a, 'precision');
  assert.equal(p?.value, 'fp32');
  assert.equal(p?.origin, 'script-default');
});

test('the same script launched with --amp: fp16', async () => {
  const files = {
    'train.py': scalerSwitch('scaler = torch.cuda.amp.GradScaler() if args.amp else None'),
    'run.sh': 'torchrun --nproc_per_node=2 train.py --batch-size 64 --amp\n',
  };
  const a = await analyze(files, 'run.sh');
  assert.equal(launchedFact(a, 'precision')?.value, 'fp16');
});

test('must not: a scaler built whatever the flags keeps fp16; an unknown switch stays unknown', async () => {
  const always = await analyze({ 'train.py': scalerSwitch('scaler = torch.cuda.amp.GradScaler()') }, 'train.py');
  assert.equal(fact(always, 'precision')?.value, 'fp16');
  const unknown = await analyze(
    { 'train.py': scalerSwitch('scaler = torch.cuda.amp.GradScaler() if use_amp() else None') },
    'train.py',
  );
  assert.equal(fact(unknown, 'precision')?.value, null);
});

// A LightningModule keeping its batch size as a constructor argument, read back in train_dataloader().
const litModule = (loader: string) => `import torch
import pytorch_lightning as pl
from torch.utils.data import DataLoader


class SegModule(pl.LightningModule):
    def __init__(self, batch_size, transform=None):
        super().__init__()
        self.batch_size = batch_size
        self.transform = transform
        self.net = torch.nn.Conv2d(3, 2, 3)

    def training_step(self, batch, batch_idx):
        x, y = batch
        return torch.nn.functional.cross_entropy(self.net(x), y)

    def train_dataloader(self):
        ${loader}

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=1e-3)
`;
const oneLoader = 'return DataLoader(make_set(self.transform), batch_size=self.batch_size, shuffle=True)';

test('Lightning: the batch the script builds its imported module with is the loader batch; no num_workers is 0', async () => {
  const files = {
    'seg_module.py': litModule(oneLoader),
    'main.py': `from pytorch_lightning import Trainer
from seg_module import SegModule


def main():
    batch_size = 6
    model = SegModule(batch_size, transform=None)
    trainer = Trainer(accelerator="gpu", devices=2, max_epochs=5)
    trainer.fit(model)


if __name__ == "__main__":
    main()
`,
  };
  const a = await analyze(files, 'main.py');
  assert.equal(fact(a, 'micro_batch')?.value, 6);
  assert.equal(fact(a, 'global_batch')?.value, 12);
  assert.equal(fact(a, 'num_workers')?.value, 0);
});

test('Lightning: the module in the script itself, built from an argparse option a launcher sets', async () => {
  const script = `${litModule('return DataLoader(make_set(), batch_size=self.batch_size, num_workers=8)')}

if __name__ == "__main__":
    import argparse
    p = argparse.ArgumentParser()
    p.add_argument("--batch_size", type=int, default=32)
    args = p.parse_args()
    trainer = pl.Trainer(accelerator="gpu", devices=1, max_epochs=3)
    trainer.fit(SegModule(batch_size=args.batch_size))
`;
  const own = await analyze({ 'train.py': script }, 'train.py');
  assert.equal(fact(own, 'micro_batch')?.value, 32);
  assert.equal(fact(own, 'num_workers')?.value, 8);
  const launched = await analyze({ 'train.py': script, 'run.sh': 'python train.py --batch_size 64\n' }, 'run.sh');
  assert.equal(launchedFact(launched, 'micro_batch')?.value, 64);
});

test('must not: two builds of the module, two loaders, or loaders handed to fit give no batch from the module', async () => {
  const twice = `${litModule(oneLoader)}
trainer = pl.Trainer(max_epochs=3)
small = SegModule(4)
big = SegModule(16)
trainer.fit(big)
`;
  assert.notEqual(fact(await analyze({ 'train.py': twice }, 'train.py'), 'micro_batch')?.value, 4);
  assert.notEqual(fact(await analyze({ 'train.py': twice }, 'train.py'), 'micro_batch')?.value, 16);
  const branches = `${litModule(`if self.transform:
            return DataLoader(make_set(), batch_size=self.batch_size)
        return DataLoader(make_set(), batch_size=2 * self.batch_size)`)}
trainer = pl.Trainer(max_epochs=3)
trainer.fit(SegModule(8))
`;
  assert.equal(fact(await analyze({ 'train.py': branches }, 'train.py'), 'micro_batch')?.value ?? null, null);
  const handed = `${litModule(oneLoader)}
trainer = pl.Trainer(max_epochs=3)
trainer.fit(SegModule(8), DataLoader(other_set, batch_size=3))
`;
  assert.notEqual(fact(await analyze({ 'train.py': handed }, 'train.py'), 'micro_batch')?.value, 8);
});

// A config dict one module of the project defines and the modules the script calls import by name.
const dictProject = (settings: string) => ({
  'settings.py': settings,
  'loaders.py': `import torch
from settings import hp


class Loaders:
    def __init__(self, root):
        self.train = torch.utils.data.DataLoader(make_set(root), batch_size=hp["batch_size"], shuffle=True, num_workers=2)
`,
  'engine.py': `import torch
from settings import hp


def fit(net, loaders):
    opt = torch.optim.Adam(net.parameters(), lr=hp["lr"])
    for epoch in range(hp["epochs"]):
        for x, y in loaders.train:
            loss = torch.nn.functional.l1_loss(net(x.cuda()), y.cuda())
            opt.zero_grad()
            loss.backward()
            opt.step()
`,
  'main.py': `from engine import fit
from loaders import Loaders
from nets import Restorer

if __name__ == "__main__":
    net = Restorer().cuda()
    fit(net, Loaders("data/"))
`,
});

test('a config dict imported by the modules the script calls: their loop bound and loader batch', async () => {
  const a = await analyze(dictProject('hp = {"epochs": 40, "batch_size": 12, "lr": 1e-4}\n'), 'main.py');
  assert.equal(fact(a, 'epochs')?.value, 40);
  assert.equal(fact(a, 'micro_batch')?.value, 12);
});

test('must not: a dict bound twice in its module gives no value', async () => {
  const a = await analyze(
    dictProject('hp = {"epochs": 40, "batch_size": 12}\nif FAST:\n    hp = {"epochs": 2, "batch_size": 4}\n'),
    'main.py',
  );
  assert.notEqual(fact(a, 'epochs')?.value, 40);
  assert.notEqual(fact(a, 'micro_batch')?.value, 12);
});
