// Session 29 (precsave lane): a loop that saves only when the validation improves keeps the best model, not the run's
// progress, so the run has no periodic checkpoint; and `torch.cuda.amp.autocast(flag)` whose first argument is its
// `enabled` switch, with the scaler built only under an off-by-default option, trains in fp32.
// Fixtures written for these tests in the style of the pattern; no public or spent-set file is copied.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

/** A hand loop over epochs; `save` is the epoch-level code after the batches. */
const LOOP = (save: string) => `import torch
from torch.utils.data import DataLoader

model = torch.nn.Linear(4, 2).cuda()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
loader = DataLoader(range(64), batch_size=8)
best_acc = 0.0
for epoch in range(30):
    for x in loader:
        optimizer.zero_grad()
        loss = model(x).sum()
        loss.backward()
        optimizer.step()
    val_acc = float(epoch)
${save}
`;

test('a save only when the validation improves is not periodic: periodic_save no (best-only)', async () => {
  for (const save of [
    '    if val_acc > best_acc:\n        best_acc = val_acc\n        torch.save(model.state_dict(), "best.pt")',
    '    is_best = val_acc > best_acc\n    if is_best:\n        torch.save(model.state_dict(), "best.pt")',
  ]) {
    const r = await analyze({ 'train.py': LOOP(save) }, 'train.py');
    const f = fact(r, 'periodic_save');
    assert.equal(f?.value, 'no', save);
    assert.equal(f?.form, 'best-only', save);
    assert.equal(fact(r, 'save_steps'), undefined, save);
  }
});

test('must not drop a periodic save: every epoch, every N epochs, or beside a best-model copy', async () => {
  for (const [save, want] of [
    ['    torch.save(model.state_dict(), f"ep{epoch}.pt")', 'epoch'],
    ['    if epoch % 5 == 0:\n        torch.save(model.state_dict(), f"ep{epoch}.pt")', 'epoch'],
    [
      '    torch.save(model.state_dict(), "last.pt")\n    if val_acc > best_acc:\n        torch.save(model.state_dict(), "best.pt")',
      'epoch',
    ],
  ] as const) {
    const r = await analyze({ 'train.py': LOOP(save) }, 'train.py');
    assert.equal(fact(r, 'periodic_save')?.value, want, save);
  }
});

test('a best-only save in the loop around an imported epoch function is not periodic either', async () => {
  const files = {
    'engine.py': `import torch

def train_one_epoch(model, loader, optimizer):
    for x in loader:
        optimizer.zero_grad()
        loss = model(x).sum()
        loss.backward()
        optimizer.step()
`,
    'main.py': `import torch
from torch.utils.data import DataLoader
from engine import train_one_epoch

def save_checkpoint(model, path):
    torch.save(model.state_dict(), path)

model = torch.nn.Linear(4, 2).cuda()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
loader = DataLoader(range(64), batch_size=8)
best = 0.0
for epoch in range(20):
    train_one_epoch(model, loader, optimizer)
    acc = float(epoch)
    if best < acc:
        best = acc
        save_checkpoint(model, "best.pt")
`,
  };
  const r = await analyze(files, 'main.py');
  assert.equal(fact(r, 'periodic_save')?.value, 'no');
  // Saved every pass, the same loop is periodic.
  const every = await analyze(
    { ...files, 'main.py': files['main.py'].replace('    if best < acc:\n        best = acc\n    ', '    ') },
    'main.py',
  );
  assert.equal(fact(every, 'periodic_save')?.value, 'epoch');
});

/** `torch.cuda.amp.autocast(scaler is not None)`, the scaler built as `build` says. */
const AMP = (build: string) => `import argparse
import torch
from torch.utils.data import DataLoader

def train_epoch(model, loader, optimizer, scaler=None):
    for x in loader:
        optimizer.zero_grad()
        with torch.cuda.amp.autocast(scaler is not None):
            loss = model(x).sum()
        if scaler is None:
            loss.backward()
            optimizer.step()
        else:
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()

def main(args):
    model = torch.nn.Linear(4, 2).cuda()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    loader = DataLoader(range(64), batch_size=8)
    scaler = None
${build}
    for epoch in range(args.epochs):
        train_epoch(model, loader, optimizer, scaler)

if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--epochs", type=int, default=10)
    p.add_argument("--use_fp16", action="store_true")
    main(p.parse_args())
`;

test('torch.cuda.amp.autocast(scaler is not None) with the scaler built only under an off switch: fp32', async () => {
  const r = await analyze(
    { 'train.py': AMP('    if args.use_fp16:\n        scaler = torch.cuda.amp.GradScaler()') },
    'train.py',
  );
  assert.equal(fact(r, 'precision')?.value, 'fp32');
});

test('must not claim fp32: the same scaler built whatever the flags is fp16', async () => {
  const r = await analyze({ 'train.py': AMP('    scaler = torch.cuda.amp.GradScaler()') }, 'train.py');
  assert.equal(fact(r, 'precision')?.value, 'fp16');
});
