// Batch readers of development round 24: a DataParallel wrapper behind a flag in a run that states several device
// ids (Time-Series-Library forks: `--use_multi_gpu --devices 0,1`), and batches a training loop draws without a
// DataLoader. Fixtures written for this project in the style of those scripts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const TSLIB_RUN = (multiGpu: string) => `import argparse
import torch
from exp.exp_main import Exp_Main

parser = argparse.ArgumentParser(description='forecasting')
parser.add_argument('--train_epochs', type=int, default=10, help='train epochs')
parser.add_argument('--batch_size', type=int, default=32, help='batch size of train input data')
parser.add_argument('--use_gpu', type=bool, default=True, help='use gpu')
parser.add_argument('--use_multi_gpu', action='store_true', help='use multiple gpus', default=${multiGpu})
parser.add_argument('--devices', type=str, default='0,1', help='device ids of multile gpus')
args = parser.parse_args()

if args.use_gpu and args.use_multi_gpu:
    args.devices = args.devices.replace(' ', '')
    device_ids = args.devices.split(',')
    args.device_ids = [int(id_) for id_ in device_ids]
    args.gpu = args.device_ids[0]

exp = Exp_Main(args)
exp.train()
`;

const TSLIB_EXP = `import torch
import torch.nn as nn
from torch.utils.data import DataLoader
from models import Model


class Exp_Main:
    def __init__(self, args):
        self.args = args
        self.device = torch.device('cuda:0')
        self.model = self._build_model().to(self.device)

    def _build_model(self):
        model = Model(self.args).float()
        if self.args.use_multi_gpu and self.args.use_gpu:
            model = nn.DataParallel(model, device_ids=self.args.device_ids)
        return model

    def train(self):
        train_loader = DataLoader(TrainSet(), batch_size=self.args.batch_size, shuffle=True, num_workers=10)
        optimizer = torch.optim.Adam(self.model.parameters(), lr=1e-4)
        for epoch in range(self.args.train_epochs):
            for batch_x, batch_y in train_loader:
                optimizer.zero_grad()
                loss = nn.functional.mse_loss(self.model(batch_x.to(self.device)), batch_y.to(self.device))
                loss.backward()
                optimizer.step()
`;

test('DataParallel behind a flag in a run of two device ids: the loader batch is global, each GPU takes half', async () => {
  const a = await analyze({ 'run.py': TSLIB_RUN('True'), 'exp/exp_main.py': TSLIB_EXP }, 'run.py');
  assert.equal(fact(a, 'devices')?.value, 2);
  assert.equal(fact(a, 'global_batch')?.value, 32);
  assert.equal(fact(a, 'micro_batch')?.value, 16);
});

test('must not: the flag off keeps the loader batch per device, also under a launcher of a process per GPU', async () => {
  const off = await analyze({ 'run.py': TSLIB_RUN('False'), 'exp/exp_main.py': TSLIB_EXP }, 'run.py');
  assert.equal(fact(off, 'micro_batch')?.value, 32);
  assert.equal(fact(off, 'global_batch')?.value, 32);
  const files = {
    'run.py': TSLIB_RUN('False'),
    'exp/exp_main.py': TSLIB_EXP,
    'scripts/train.sh': 'torchrun --nproc_per_node=2 run.py --batch_size 32\n',
  };
  const ddp = await analyze(files, 'scripts/train.sh');
  assert.equal(fact(ddp, 'devices')?.value, 2);
  assert.equal(fact(ddp, 'micro_batch')?.value, 32);
  assert.equal(fact(ddp, 'global_batch')?.value, 64);
});

const MANUAL = (loopLine: string, draw: string) => `import argparse
import numpy as np
import torch

def get_batch(data, batch_size=4, image_size=64):
    idx = np.random.randint(0, len(data), batch_size)
    return torch.tensor(np.stack([data[i] for i in idx]))

def train_step(model, optimizer, images):
    optimizer.zero_grad()
    loss = model(images.cuda()).pow(2).mean()
    loss.backward()
    optimizer.step()
    return loss

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--batch_size", type=int, default=8)
    parser.add_argument("--eval_batch_size", type=int, default=64)
    args = parser.parse_args()
    data = np.load("train.npy")
    model = torch.nn.Linear(64, 64).cuda()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
    for epoch in range(args.epochs):
        ${loopLine}
            images = ${draw}
            train_step(model, optimizer, images)
`;

test('batches drawn in the loop without a DataLoader: the batch size they are drawn with', async () => {
  const loop = 'for i in range(len(data) // args.batch_size):';
  const a = await analyze({ 'train.py': MANUAL(loop, 'get_batch(data, batch_size=args.batch_size)') }, 'train.py');
  assert.equal(fact(a, 'micro_batch')?.value, 8);
  const sliced = MANUAL('for i in range(0, len(data), args.batch_size):', 'torch.tensor(data[i:i + args.batch_size])');
  assert.equal(fact(await analyze({ 'train.py': sliced }, 'train.py'), 'micro_batch')?.value, 8);
});

const REPLAY = (extra: string) => `import torch
from buffer import ReplayBuffer

if __name__ == "__main__":
    capacity = 100_000
    batch_size = 100
    episodes = 1000
    experience = ReplayBuffer(capacity, batch_size)
    dqn = torch.nn.Linear(8, 4).cuda()
    optimizer = torch.optim.Adam(dqn.parameters(), lr=1e-4)
    for ep in range(episodes):
        for i in range(1000):
            states, actions, rewards = experience.sample()${extra}
            loss = (dqn(states).gather(1, actions) - rewards).pow(2).mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
`;

test('a replay buffer built with a batch size and sampled in the loop: that batch per update', async () => {
  const a = await analyze({ 'train.py': REPLAY('') }, 'train.py');
  assert.equal(fact(a, 'micro_batch')?.value, 100);
});

test('must not: batch sizes in the loop that disagree, or only an evaluation batch, give no batch', async () => {
  const both = MANUAL(
    'for i in range(len(data) // args.batch_size):',
    'get_batch(data, batch_size=args.batch_size) + get_batch(data, batch_size=args.eval_batch_size)',
  );
  assert.equal(fact(await analyze({ 'train.py': both }, 'train.py'), 'micro_batch')?.value ?? null, null);
  const evalOnly = MANUAL('for i in range(100):', 'get_batch(data, n=args.eval_batch_size)');
  assert.equal(fact(await analyze({ 'train.py': evalOnly }, 'train.py'), 'micro_batch')?.value ?? null, null);
  const mixed = REPLAY('\n            extra = experience.sample(batch_size=32)');
  assert.equal(fact(await analyze({ 'train.py': mixed }, 'train.py'), 'micro_batch')?.value ?? null, null);
});

const CONFIG_CLASS = (body: string) => `class Config():
    seed: int = 0
    batch_size: int = 1
${body}    num_workers: int = 2
`;

const LIGHTNING = `import pytorch_lightning as pl
from torch.utils.data import DataLoader
from config import Config
from model import Module

def main():
    loader = DataLoader(TrainSet(), batch_size=Config.batch_size, num_workers=Config.num_workers)
    trainer = pl.Trainer(accelerator="cuda", max_steps=100000, accumulate_grad_batches=Config.effective_batch_size)
    trainer.fit(Module(), train_dataloaders=loader)

if __name__ == "__main__":
    main()
`;

test('a class variable of the project config class read on the class: the accumulation it sets', async () => {
  const files = { 'config.py': CONFIG_CLASS('    effective_batch_size: int = 8\n'), 'train.py': LIGHTNING };
  const a = await analyze(files, 'train.py');
  assert.equal(fact(a, 'grad_accum')?.value, 8);
});

test('must not: a class variable a method also sets is not the value read', async () => {
  const body =
    '    effective_batch_size: int = 8\n\n    def scale(self, n):\n        self.effective_batch_size = n\n\n';
  const a = await analyze({ 'config.py': CONFIG_CLASS(body), 'train.py': LIGHTNING }, 'train.py');
  assert.equal(fact(a, 'grad_accum')?.value ?? null, null);
});

const KERAS = (trainData: string) => `import argparse
import tensorflow as tf

parser = argparse.ArgumentParser()
parser.add_argument('--batch_size', type=int, default=512)
args = parser.parse_args()

train, validation = load_ratings()
${trainData}
cached_validation = validation.batch(10000000).cache()
strategy = tf.distribute.MirroredStrategy()
with strategy.scope():
    model = build_model()
    model.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss='mse')
model.fit(train_ds, epochs=30, validation_data=cached_validation)
`;

test('Keras under MirroredStrategy: the global batch is the training pipeline one, not the validation one', async () => {
  const a = await analyze({ 'main.py': KERAS('train_ds = train.shuffle(10000).batch(args.batch_size)') }, 'main.py');
  assert.equal(fact(a, 'global_batch')?.value, 512);
});

test('must not: a batch only the validation pipeline states is not the training batch', async () => {
  const a = await analyze({ 'main.py': KERAS('train_ds = RatingsSequence(train, args)') }, 'main.py');
  assert.equal(fact(a, 'global_batch')?.value ?? null, null);
  assert.equal(fact(a, 'micro_batch')?.value ?? null, null);
  // Nor is the batch a launcher passes a per-replica one under the strategy.
  const files = {
    'main.py': KERAS('train_ds = RatingsSequence(train, args)'),
    'run.sh': 'python main.py --batch_size=256 --epochs=30\n',
  };
  const launched = await analyze(files, 'run.sh');
  assert.equal(fact(launched, 'micro_batch')?.value ?? null, null);
});

const RL_CONFIG = `experiment: pendulum
algorithm:
  batch_size: 256
  num_epochs: 300
  lr: 0.0003
`;
const LEARNER = (more: string) => `import time
import torch


class Learner:
    def __init__(self, policy, lr):
        self.policy = policy.to("cuda")
        self.opt = torch.optim.Adam(policy.parameters(), lr=lr)
${more}
    def update(self, step, batch):
        start = time.time()
        loss = self.policy.loss(batch)
        # PyTorch accumulates gradients in .grad: zero them before each backward pass
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        self.step_time_accumulator.append(time.time() - start)
`;
const RL_REPO = (more: string) => ({
  'proj/README.md': 'an RL project\n',
  'proj/configs/pendulum.yaml': RL_CONFIG,
  'proj/agents/learner.py': LEARNER(more),
  'proj/agents/policy.py': 'import torch\n\n\nclass Policy(torch.nn.Module):\n    pass\n',
  'proj/run.py':
    'import yaml\nfrom agents.learner import Learner\n\n\ndef main(path):\n    cfg = yaml.safe_load(open(path))\n    run(Learner(Policy(), cfg["algorithm"]["lr"]), cfg)\n',
  'proj/log.py':
    'import tensorflow as tf\n\n\ndef board(logdir):\n    return tf.keras.callbacks.TensorBoard(log_dir=logdir, update_freq="epoch")\n',
});

test('comments, timing accumulators and TensorBoard update_freq are no gradient accumulation', async () => {
  const a = await analyze(RL_REPO('        self.step_time_accumulator = []\n'), 'proj/configs/pendulum.yaml');
  assert.equal(fact(a, 'grad_accum')?.value, 1);
  assert.equal(fact(a, 'global_batch')?.value, 256);
});

test('must not: a gradient accumulator in the repository leaves the accumulation unknown', async () => {
  const more = '        self.step_time_accumulator = []\n        self.grad_accumulator = GradAccumulator(every=4)\n';
  const a = await analyze(RL_REPO(more), 'proj/configs/pendulum.yaml');
  assert.equal(fact(a, 'grad_accum')?.value ?? null, null);
});

test('must not: a comment that names gradient accumulation over chunked forward passes leaves it unknown', async () => {
  const more = `
    def chunked(self, batch, chunk):
        ############## Gradient Accumulation for Smaller Batches ##############
        splits = len(batch) // chunk
        for i in range(splits):
            (self.policy.loss(batch[i * chunk:(i + 1) * chunk]) / splits).backward()
`;
  const a = await analyze(RL_REPO(more), 'proj/configs/pendulum.yaml');
  assert.equal(fact(a, 'grad_accum')?.value ?? null, null);
});
