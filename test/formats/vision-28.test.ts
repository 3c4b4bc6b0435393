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
