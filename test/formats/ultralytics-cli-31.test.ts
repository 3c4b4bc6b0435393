// Ultralytics runs as engineers write them (round 27, vision lane): the `yolo` CLI in a shell launcher, the early stop
// its `patience` gives, the `last.pt` it writes every epoch, a script's own `--batch-size` handed over as `batch=`,
// and AMP off CUDA. Must-not cases: `yolo predict`/`val`/`export` are no run, `model.export` is no training, a CPU run
// gets no GPU precision, an unreadable run length decides no early stop.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, lineOf } from './helpers';

const value = async (files: Record<string, string>, target: string, key: Parameters<typeof fact>[1]) => {
  const f = fact(await analyze(files, target), key);
  return f && f.origin !== 'assumed' ? f.value : undefined;
};

const launcher = `#!/bin/bash
set -e
echo "training"
~/envs/det/bin/yolo detect train \\
  model=yolov8s.pt \\
  data=data/parts.yaml \\
  epochs=60 \\
  batch=8 \\
  patience=15 \\
  device=0
`;

test('a `yolo detect train k=v …` launcher is an Ultralytics run with its batch arithmetic', async () => {
  const files = { 'scripts/train.sh': launcher };
  const a = await analyze(files, 'scripts/train.sh');
  assert.equal(a.runs.length, 1);
  assert.equal(a.runs[0].plan.framework, 'ultralytics');
  assert.equal(await value(files, 'scripts/train.sh', 'devices'), 1);
  assert.equal(await value(files, 'scripts/train.sh', 'micro_batch'), 8);
  assert.equal(await value(files, 'scripts/train.sh', 'grad_accum'), 8);
  assert.equal(await value(files, 'scripts/train.sh', 'global_batch'), 64);
  assert.equal(await value(files, 'scripts/train.sh', 'epochs'), 60);
  assert.equal(await value(files, 'scripts/train.sh', 'model'), 'yolov8s.pt');
  assert.equal(await value(files, 'scripts/train.sh', 'early_stopping'), true);
  assert.equal(await value(files, 'scripts/train.sh', 'periodic_save'), 'epoch');
  // The facts point at the launcher's own lines.
  const epochs = fact(a, 'epochs');
  assert.equal(epochs?.span && lineOf(launcher, epochs.span.start), 7);
});

test('the `yolo task=… mode=train` spelling trains; a device list of two is DDP over two', async () => {
  const files = {
    'run.sh': 'yolo task=segment mode=train model=yolo11n-seg.pt data=d.yaml epochs=40 batch=32 device=0,1\n',
  };
  assert.equal(await value(files, 'run.sh', 'devices'), 2);
  assert.equal(await value(files, 'run.sh', 'micro_batch'), 16);
  assert.equal(await value(files, 'run.sh', 'global_batch'), 64);
});

test('must not: `yolo predict`, `yolo val` and `yolo export` commands are no run', async () => {
  const files = {
    'infer.sh':
      'yolo detect predict model=runs/best.pt source=images/ conf=0.4\nyolo val model=runs/best.pt data=d.yaml batch=4 imgsz=640\nyolo export model=runs/best.pt format=onnx imgsz=640\n',
  };
  const a = await analyze(files, 'infer.sh');
  assert.equal(a.runs.length, 0);
});

test('early stop: patience below epochs stops, the defaults (100 and 100) do not', async () => {
  const py = (args: string) =>
    `from ultralytics import YOLO\nmodel = YOLO("yolov8n.pt")\nmodel.train(data="d.yaml", imgsz=640, ${args})\n`;
  assert.equal(await value({ 't.py': py('epochs=50, patience=10') }, 't.py', 'early_stopping'), true);
  assert.equal(await value({ 't.py': py('epochs=50') }, 't.py', 'early_stopping'), false);
  assert.equal(await value({ 't.py': py('epochs=300') }, 't.py', 'early_stopping'), true);
  assert.equal(await value({ 't.py': py('epochs=30, patience=30') }, 't.py', 'early_stopping'), false);
});

test('must not: a run length that cannot be read decides no early stop', async () => {
  const files = { 'go.sh': 'yolo detect train model=yolov8n.pt data=d.yaml epochs=$EPOCHS patience=5\n' };
  assert.equal(await value(files, 'go.sh', 'early_stopping'), undefined);
});

test('save_period=-1 adds no numbered checkpoints but last.pt is still saved every epoch; save=False saves none', async () => {
  const a = { 'a.sh': 'yolo detect train model=yolov8n.pt data=d.yaml epochs=20 save_period=-1\n' };
  assert.equal(await value(a, 'a.sh', 'periodic_save'), 'epoch');
  const b = { 'b.sh': 'yolo detect train model=yolov8n.pt data=d.yaml epochs=20 save_period=-1 save=False\n' };
  assert.equal(await value(b, 'b.sh', 'periodic_save'), 'no');
});

test("a script's own --batch-size passed as batch= is Ultralytics' total batch, accumulated to 64", async () => {
  const src = `import argparse
from ultralytics import YOLO

def fit(weights, data, epochs=30, batch_size=16):
    model = YOLO(weights)
    model.train(data=data, epochs=epochs, batch=batch_size, imgsz=640, patience=5, device=0)

if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--epochs", type=int, default=30)
    a = p.parse_args()
    fit("yolov8n.pt", "d.yaml", a.epochs, a.batch_size)
`;
  const files = { 'fit.py': src };
  assert.equal(await value(files, 'fit.py', 'global_batch'), 64);
  assert.equal(await value(files, 'fit.py', 'grad_accum'), 4);
  assert.equal(await value(files, 'fit.py', 'micro_batch'), 16);
});

test('model.train with values from argparse attributes is still Ultralytics (import inside main)', async () => {
  const src = `import argparse

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--epochs", type=int, default=40)
    p.add_argument("--batch", type=int, default=8)
    a = p.parse_args()
    from ultralytics import YOLO
    m = YOLO("yolov8m.pt")
    m.train(data=str(a), epochs=a.epochs, batch=a.batch, close_mosaic=5, exist_ok=True)

main()
`;
  const a = await analyze({ 'train_det.py': src }, 'train_det.py');
  assert.equal(a.runs[0]?.plan.framework, 'ultralytics');
  assert.equal(await value({ 'train_det.py': src }, 'train_det.py', 'grad_accum'), 8);
});

test('must not: amp=True on the CPU is fp32 (AMP is CUDA only), and model.export is no training', async () => {
  const cpu = { 'cpu.sh': 'yolo detect train model=yolov8n.pt data=d.yaml epochs=5 amp=True device=cpu\n' };
  assert.equal(await value(cpu, 'cpu.sh', 'precision'), 'fp32');
  const gpu = { 'gpu.sh': 'yolo detect train model=yolov8n.pt data=d.yaml epochs=5 amp=True device=0\n' };
  assert.equal(await value(gpu, 'gpu.sh', 'precision'), 'fp16');
  const exp = {
    'export.py': 'from ultralytics import YOLO\nm = YOLO("runs/best.pt")\nm.export(format="onnx", imgsz=640)\n',
  };
  assert.equal((await analyze(exp, 'export.py')).runs.length, 0);
});
