// Mixed precision that the default run never switches on (session 27): Ultralytics' AMP check turns AMP off for a
// model on the CPU or MPS (`check_amp` returns False there), and a GradScaler built whatever the flags casts nothing
// when every autocast of the script sits behind a switch that is off by default. Both runs train in fp32.
// Fixtures written for these tests in the style of the pattern; no spent-set file is copied.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const YOLO = (args: string) => `from ultralytics import YOLO

model = YOLO("yolov8n.pt")
model.train(data="coco8.yaml", epochs=10, imgsz=640${args})
`;

test('Ultralytics on device="cpu" or "mps": AMP is used on CUDA only, the run trains in fp32', async () => {
  for (const d of ['cpu', 'mps']) {
    const r = await analyze({ 'train.py': YOLO(`, device="${d}"`) }, 'train.py');
    assert.equal(fact(r, 'precision')?.value, 'fp32', d);
  }
  // The same in a training config (`model.train(cfg=...)`, `yolo train cfg=...`).
  const cfg = await analyze(
    {
      'hyp.yaml':
        'task: detect\nmode: train\nmodel: yolov8n.pt\ndata: coco8.yaml\nepochs: 10\nimgsz: 640\ndevice: cpu\n',
    },
    'hyp.yaml',
  );
  assert.equal(fact(cfg, 'precision')?.value, 'fp32');
});

test('must not claim fp32: Ultralytics on a GPU index, on CUDA, or with no device (AMP on by default)', async () => {
  for (const args of ['', ', device=0', ', device="cuda:0"', ', device="0,1"']) {
    const r = await analyze({ 'train.py': YOLO(args) }, 'train.py');
    assert.equal(fact(r, 'precision')?.value, 'fp16', args || 'no device');
  }
});

/** A research-code loop: the scaler is built unconditionally, autocast only under `--mixed_precision`. */
const LOOP = (flag: string, scalerLine = 'scaler = torch.cuda.amp.GradScaler()') => `import argparse
import torch
from torch.utils.data import DataLoader

def main(args):
    ${scalerLine}
    model = torch.nn.Linear(8, 8).cuda()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loader = DataLoader(range(100), batch_size=10)
    for epoch in range(args.num_epochs):
        for batch in loader:
            optimizer.zero_grad()
            if args.mixed_precision:
                with torch.cuda.amp.autocast():
                    loss = model(batch).sum()
                scaler.scale(loss).backward()
                scaler.step(optimizer)
                scaler.update()
            else:
                loss = model(batch).sum()
                loss.backward()
                optimizer.step()

if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--num_epochs", type=int, default=10)
    ${flag}
    main(p.parse_args())
`;

test('a GradScaler built unconditionally beside an autocast behind an off-by-default switch: fp32', async () => {
  const off = await analyze(
    { 'train.py': LOOP('p.add_argument("--mixed_precision", action="store_true")') },
    'train.py',
  );
  assert.equal(fact(off, 'precision')?.value, 'fp32');
  // A launcher that gives the switch turns it on.
  const on = await analyze(
    {
      'train.py': LOOP('p.add_argument("--mixed_precision", action="store_true")'),
      'run.sh': 'python train.py --num_epochs 3 --mixed_precision\n',
    },
    'run.sh',
  );
  assert.equal(fact(on, 'precision')?.value, 'fp16');
});

test('must not claim fp32: the switch on by default, or a scaler with no autocast at all', async () => {
  const onByDefault = await analyze(
    { 'train.py': LOOP('p.add_argument("--mixed_precision", type=bool, default=True)') },
    'train.py',
  );
  assert.equal(fact(onByDefault, 'precision')?.value, 'fp16');
  // No autocast anywhere: the scaler is the one sign of fp16 the file gives, as before.
  const bare = await analyze(
    {
      'train.py': LOOP('p.add_argument("--mixed_precision", action="store_true")').replace(
        /with torch\.cuda\.amp\.autocast\(\):\n\s+loss = model\(batch\)\.sum\(\)/,
        'loss = model(batch).sum()',
      ),
    },
    'train.py',
  );
  assert.equal(fact(bare, 'precision')?.value, 'fp16');
});

test('must not claim fp32: a trainer class builds its scaler and autocasts under its own switch, which the caller sets', async () => {
  const loop = `import torch
from torch.cuda.amp import GradScaler, autocast

class TrainLoop:
    def __init__(self, model, loader, optimizer, num_epochs, mixed_precision=False):
        self.model, self.loader, self.optimizer, self.num_epochs = model, loader, optimizer, num_epochs
        self.mixed_precision = mixed_precision
        if mixed_precision:
            self.scaler = GradScaler()

    def train(self):
        for epoch in range(self.num_epochs):
            for batch in self.loader:
                self.optimizer.zero_grad()
                if self.mixed_precision:
                    with autocast():
                        loss = self.model(batch).sum()
                    self.scaler.scale(loss).backward()
                    self.scaler.step(self.optimizer)
                    self.scaler.update()
                else:
                    loss = self.model(batch).sum()
                    loss.backward()
                    self.optimizer.step()
`;
  const script = `import torch
from torch.utils.data import DataLoader
from train_loop import TrainLoop

mixed_precision = True
model = torch.nn.Linear(8, 8).cuda()
loader = DataLoader(range(100), batch_size=8)
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
TrainLoop(model, loader, optimizer, num_epochs=5, mixed_precision=mixed_precision).train()
`;
  const r = await analyze({ 'train_loop.py': loop, 'train.py': script }, 'train.py');
  assert.notEqual(fact(r, 'precision')?.value, 'fp32');
});
