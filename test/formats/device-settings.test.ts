// Issue 11: device counts where a file states them in ways that were not read — a Lightning `gpus=1 if
// torch.cuda.is_available() else 0`, Ultralytics `device=0`, a research config's `device: [0, 1, 2, 3]`, a SLURM job
// pinned to one named host, a torchtune single-device recipe — and a SLURM job that requests no GPU, which is a CPU run
// (no GPU findings such as static padding). Each has its counterpart that must state nothing. Fixtures written for
// these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocumentAnalysis } from '../../server/review/analyze';
import { analyze, codes, fact, launchedFact, launchedRun } from './helpers';

const stated = (a: DocumentAnalysis) => {
  const f = fact(a, 'devices');
  return f?.origin === 'assumed' ? undefined : f?.value;
};

const LIGHTNING = (gpus: string) => `import torch
import pytorch_lightning as pl
from model import Autoencoder
from data import loaders

device = torch.device("cuda:0") if torch.cuda.is_available() else torch.device("cpu")
train_loader, val_loader = loaders(batch_size=256)
trainer = pl.Trainer(max_epochs=500, ${gpus})
trainer.fit(Autoencoder(latent_dim=128), train_loader, val_loader)
`;

test('Lightning gpus=1 if a GPU is there else 0: one device on a GPU machine', async () => {
  const a = await analyze({ 'train.py': LIGHTNING('gpus=1 if str(device).startswith("cuda") else 0') }, 'train.py');
  assert.equal(stated(a), 1);
  const two = await analyze({ 'train.py': LIGHTNING('devices=2 if torch.cuda.is_available() else None') }, 'train.py');
  assert.equal(stated(two), 2);
  // must not: a branch on an option rather than on the GPU's presence is chosen at launch.
  const ddp = await analyze({ 'train.py': LIGHTNING('gpus=2 if args.ddp else 0') }, 'train.py');
  assert.equal(stated(ddp), undefined);
});

const YOLO = (device: string) => `from ultralytics import YOLO

model = YOLO("yolo11m.pt")
model.train(data="data_custom.yaml", imgsz=640, batch=16, epochs=100, workers=0${device})
`;

test('Ultralytics device=0 is one GPU id, device="0,1" two; the CPU states no count', async () => {
  assert.equal(stated(await analyze({ 'train.py': YOLO(', device=0') }, 'train.py')), 1);
  assert.equal(stated(await analyze({ 'train.py': YOLO(', device="0,1"') }, 'train.py')), 2);
  // must not: the CPU.
  assert.equal(stated(await analyze({ 'train.py': YOLO(', device="cpu"') }, 'train.py')), undefined);
});

const CFG = (device: string) => `work_dir: ./work_dir/ntu/xsub
feeder: feeders.feeder.Feeder
model: model.msg3d.Model
optimizer: SGD
base_lr: 0.05
weight_decay: 0.0005
num_epoch: 50
${device}
batch_size: 32
test_batch_size: 32
`;

test('a config listing GPU ids (device: [0, 1, 2, 3]) counts them; a scalar device is no count', async () => {
  assert.equal(stated(await analyze({ 'config/train.yaml': CFG('device: [0, 1, 2, 3]') }, 'config/train.yaml')), 4);
  assert.equal(stated(await analyze({ 'config/train.yaml': CFG('device: [0]') }, 'config/train.yaml')), 1);
  // must not: a scalar `device` (in a vocabulary file it is a token id) is not read as ids.
  assert.equal(stated(await analyze({ 'config/train.yaml': CFG('device: 2929') }, 'config/train.yaml')), undefined);
});

const SBATCH = (opts: string, cmd = 'python train.py --epochs 10') => `#!/bin/bash
#SBATCH --time=3-0:00
${opts}
#SBATCH --ntasks=16

${cmd}
`;
const TORCH = `import argparse
import torch

p = argparse.ArgumentParser()
p.add_argument("--epochs", type=int, default=1)
args = p.parse_args()
model = torch.nn.Linear(8, 2).cuda()
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(args.epochs):
    loss = model(torch.randn(32, 8).cuda()).sum()
    opt.zero_grad()
    loss.backward()
    opt.step()
`;

test('a SLURM job on one named host with one GPU per node uses one GPU, whatever its CPU task count', async () => {
  const job = (nodes: string) => ({
    'run.sh': SBATCH(`${nodes}\n#SBATCH --gres="gpu:a6000:1"`, 'accelerate launch train.py'),
    'train.py': TORCH,
  });
  assert.equal(stated(await analyze(job('#SBATCH --nodelist=dill-sage'), 'run.sh')), 1);
  // must not: a range of hosts is not counted here (the node count, so the GPU count, stays unwritten).
  assert.equal(stated(await analyze(job('#SBATCH --nodelist=node[01-04]'), 'run.sh')) ?? null, null);
});

test('tune run of a single-device recipe is one device; a distributed recipe without a count is none', async () => {
  const cfg = 'model:\n  _component_: torchtune.models.llama3_2.llama3_2_1b\nbatch_size: 4\nepochs: 1\ndtype: bf16\n';
  const single = await analyze(
    { 'c.yaml': cfg, 'run.sh': 'tune run lora_finetune_single_device --config c.yaml\n' },
    'run.sh',
  );
  assert.equal(stated(single), 1);
  // must not: the distributed recipe, whose process count the command does not write.
  const dist = await analyze(
    { 'c.yaml': cfg, 'run.sh': 'tune run lora_finetune_distributed --config c.yaml\n' },
    'run.sh',
  );
  assert.equal(stated(dist), undefined);
});

const PADDED = `import argparse
import tensorflow as tf
from transformers import AutoTokenizer, TFAutoModel

p = argparse.ArgumentParser()
p.add_argument("--num_epochs", type=int, default=3)
args = p.parse_args()
tok = AutoTokenizer.from_pretrained("distilbert-base-uncased")
encoder = TFAutoModel.from_pretrained("distilbert-base-uncased")
head = tf.keras.layers.Dense(2)
opt = tf.keras.optimizers.Adam(1e-4)
for epoch in range(args.num_epochs):
    for texts, labels in batches(256):
        enc = tok(texts, padding="max_length", max_length=512, truncation=True, return_tensors="tf")
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.keras.losses.sparse_categorical_crossentropy(labels, head(encoder(enc)[0][:, 0]), from_logits=True))
        grads = tape.gradient(loss, head.trainable_variables)
        opt.apply_gradients(zip(grads, head.trainable_variables))
`;

test('a script run by a SLURM job that requests no GPU is a CPU run: no GPU padding finding', async () => {
  const files = (opts: string) => ({
    'proj/README.md': '# proj',
    'proj/model.py': PADDED,
    'proj/jobs/train_sbatch.sh': SBATCH(opts, 'python -u ../model.py --num_epochs 10'),
  });
  const cpu = await analyze(files('#SBATCH -n 8\n#SBATCH --mem=64G'), 'proj/model.py');
  // The script's own plan names no hardware (a file planned alone keeps its own values); the run the job starts is on
  // CPUs, and the rules judge that run: no GPU padding finding.
  assert.notEqual(fact(cpu, 'hardware')?.value, 'cpu');
  assert.equal(launchedRun(cpu).plan.facts.get('hardware')?.value, 'cpu');
  assert.ok(!codes(cpu).includes('GML203'), codes(cpu).join(' '));
  // must not: a job on a GPU partition (the GPU may come with it) is not called a CPU run.
  const gpu = await analyze(files('#SBATCH -p gpu\n#SBATCH --mem=64G'), 'proj/model.py');
  assert.notEqual(launchedFact(gpu, 'hardware')?.value, 'cpu');
});
