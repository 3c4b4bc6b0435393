// Research training code outside vision and LLMs (session 28, science lane): a one-word `batchsize` config key, an
// output `checkpoint_dir` that is no model, a "model interface" LightningModule, GPUs a SLURM job reserves for one
// process, Python Fire's `fire.Fire()` commands, and a launcher whose script trains in the modules it calls.
// Fixtures written for this project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

// --- `batchsize` ---

const OPERATOR_YAML = [
  'train:',
  '  batchsize: 8',
  '  epochs: 30',
  '  base_lr: 0.001',
  '  milestones: [100, 200]',
  '  scheduler_gamma: 0.5',
  '  save_step: 500',
  'test:',
  '  batchsize: 1',
  '',
].join('\n');

const OPERATOR_PY = [
  'import argparse',
  'import yaml',
  'import torch',
  'from torch.utils.data import DataLoader',
  '',
  'class Net(torch.nn.Module):',
  '    def __init__(self):',
  '        super().__init__()',
  '        self.fc = torch.nn.Linear(8, 8)',
  '    def forward(self, x):',
  '        return self.fc(x)',
  '',
  'def main(config):',
  "    batchsize = config['train']['batchsize']",
  '    loader = DataLoader(list(range(64)), batch_size=batchsize, shuffle=True)',
  '    model = Net().cuda()',
  '    opt = torch.optim.Adam(model.parameters())',
  "    for ep in range(config['train']['epochs']):",
  '        for x in loader:',
  '            loss = model(x).sum()',
  '            opt.zero_grad()',
  '            loss.backward()',
  '            opt.step()',
  '',
  "if __name__ == '__main__':",
  '    parser = argparse.ArgumentParser()',
  "    parser.add_argument('--config_path', type=str)",
  '    args = parser.parse_args()',
  '    with open(args.config_path) as f:',
  '        config = yaml.safe_load(f)',
  '    main(config)',
  '',
].join('\n');

test('a `train: batchsize:` config key is the loader batch; the `test:` one is not', async () => {
  const a = await analyze({ 'configs/darcy.yaml': OPERATOR_YAML }, 'configs/darcy.yaml');
  assert.equal(fact(a, 'micro_batch')?.value, 8);
});

test('a launcher naming the config fills the batch the script reads from its `batchsize` key', async () => {
  const files = {
    'train.py': OPERATOR_PY,
    'configs/darcy.yaml': OPERATOR_YAML,
    'run.sh': 'python train.py --config_path configs/darcy.yaml\n',
  };
  const a = await analyze(files, 'run.sh');
  assert.equal(fact(a, 'micro_batch')?.value, 8);
  assert.equal(fact(a, 'epochs')?.value, 30);
});

test('a loader batch read from another key stays unknown under a config with `batchsize`', async () => {
  const other = OPERATOR_PY.replace(
    "batchsize = config['train']['batchsize']",
    "bs = config['loader']['size']",
  ).replace('batch_size=batchsize', 'batch_size=bs');
  const files = {
    'train.py': other,
    'configs/darcy.yaml': OPERATOR_YAML,
    'run.sh': 'python train.py --config_path configs/darcy.yaml\n',
  };
  const a = await analyze(files, 'run.sh');
  assert.equal(fact(a, 'micro_batch')?.value ?? null, null);
});

// --- `checkpoint_dir` ---

test('a `checkpoint_dir` where a run writes its checkpoints is no model; the `model` key beside it is', async () => {
  const json =
    '{\n  "model": "densenet",\n  "batch_size": 32,\n  "epochs": 70,\n  "lr": 1e-4,\n  "num_workers": 8,\n  "checkpoint_dir": "runs/densenet_ckpt"\n}\n';
  const a = await analyze({ 'config/audio.json': json }, 'config/audio.json');
  assert.equal(fact(a, 'model')?.value, 'densenet');
  const alone =
    '{\n  "batch_size": 32,\n  "epochs": 70,\n  "lr": 1e-4,\n  "num_workers": 8,\n  "checkpoint_dir": "runs/exp1_ckpt"\n}\n';
  const b = await analyze({ 'config/audio.json': alone }, 'config/audio.json');
  for (const r of [...b.runs, ...(b.linked ?? [])]) assert.equal(r.plan.facts.get('model')?.value ?? null, null);
});

// --- a "model interface" LightningModule ---

test('a LightningModule named `…Interface` that wraps the network is not reported as the model', async () => {
  const py = [
    'import pytorch_lightning as pl',
    'from torch.utils.data import DataLoader',
    'from model import TCN, PlModelInterface',
    '',
    'net = TCN(hidden=64)',
    'model = PlModelInterface(model=net, lr=1e-3)',
    'trainer = pl.Trainer(max_epochs=5)',
    'trainer.fit(model, DataLoader(list(range(8)), batch_size=8))',
    '',
  ].join('\n');
  const a = await analyze({ 'train.py': py }, 'train.py');
  assert.notEqual(fact(a, 'model')?.value, 'PlModelInterface');
});

// --- GPUs reserved for one process ---

const LOOP_PY = [
  'import torch',
  'from torch.utils.data import DataLoader',
  '',
  'class Net(torch.nn.Module):',
  '    def __init__(self):',
  '        super().__init__()',
  '        self.fc = torch.nn.Linear(4, 4)',
  '    def forward(self, x):',
  '        return self.fc(x)',
  '',
  'model = Net().cuda()',
  'opt = torch.optim.Adam(model.parameters())',
  'loader = DataLoader(list(range(64)), batch_size=16)',
  'for epoch in range(10):',
  '    for x in loader:',
  '        loss = model(x).sum()',
  '        opt.zero_grad()',
  '        loss.backward()',
  '        opt.step()',
  '',
].join('\n');

const KERAS_PY = [
  'import tensorflow as tf',
  'model = tf.keras.Sequential([tf.keras.layers.Dense(4)])',
  'model.compile(optimizer="adam", loss="mse")',
  'ds = tf.data.Dataset.from_tensor_slices(([1.0], [1.0])).batch(64)',
  'model.fit(ds, epochs=100)',
  '',
].join('\n');

const job = (opts: string[], cmd: string) => ['#!/bin/bash', ...opts.map((o) => `#SBATCH ${o}`), cmd, ''].join('\n');

test('GPUs a SLURM job reserves for one plain process are not devices of a loop that uses one', async () => {
  const files = { 'train.py': LOOP_PY, 'job.sh': job(['--gres=gpu:4', '--nodes=1'], 'python train.py') };
  const a = await analyze(files, 'job.sh');
  assert.equal(fact(a, 'devices')?.value, 1);
  assert.equal(fact(a, 'global_batch')?.value, 16);
});

test('a Keras fit without a strategy under `srun` with two GPUs reserved runs on one', async () => {
  const files = { 'train.py': KERAS_PY, 'job.sh': job(['--gres=gpu:2'], 'srun python train.py') };
  const a = await analyze(files, 'job.sh');
  assert.equal(fact(a, 'devices')?.value, 1);
  assert.equal(fact(a, 'global_batch')?.value, 64);
});

test('the reservation stands for DataParallel, for several tasks and for a Lightning Trainer', async () => {
  const dp = LOOP_PY.replace('model = Net().cuda()', 'model = torch.nn.DataParallel(Net()).cuda()');
  const a = await analyze({ 'train.py': dp, 'job.sh': job(['--gres=gpu:4'], 'python train.py') }, 'job.sh');
  assert.equal(fact(a, 'devices')?.value, 4);
  const tasks = job(['--gres=gpu:4', '--ntasks-per-node=4'], 'srun python train.py');
  const b = await analyze({ 'train.py': LOOP_PY, 'job.sh': tasks }, 'job.sh');
  assert.equal(fact(b, 'devices')?.value, 4);
  const lit = [
    'import pytorch_lightning as pl',
    'from torch.utils.data import DataLoader',
    'from model import Net',
    'trainer = pl.Trainer(max_epochs=3)',
    'trainer.fit(Net(), DataLoader(list(range(8)), batch_size=8))',
    '',
  ].join('\n');
  const c = await analyze({ 'train.py': lit, 'job.sh': job(['--gres=gpu:4'], 'python train.py') }, 'job.sh');
  assert.equal(fact(c, 'devices')?.value, 4);
});

// --- Python Fire ---

const FIRE_PY = [
  'import fire',
  'import pytorch_lightning as pl',
  'from data import Data',
  'from systems import Pretrain, Finetune',
  '',
  'def pretrain(data_dir, batch_size, epochs, gpus=-1, precision=32):',
  '    trainer = pl.Trainer(max_epochs=epochs, gpus=gpus, precision=precision)',
  '    trainer.fit(Pretrain(), Data(data_dir, batch_size=batch_size))',
  '',
  'def finetune(data_dir, batch_size, epochs, gpus=-1, precision=32):',
  '    trainer = pl.Trainer(max_epochs=epochs, gpus=gpus, precision=precision)',
  '    trainer.fit(Finetune(), Data(data_dir, batch_size=batch_size))',
  '',
  'def evaluate(ckpt):',
  '    print(ckpt)',
  '',
  "if __name__ == '__main__':",
  '    fire.Fire()',
  '',
].join('\n');

test('`fire.Fire()`: the command names the function that runs, and its flags are that function’s parameters', async () => {
  const sh = 'python train.py finetune --data_dir=~/data --batch_size=64 --epochs=40 --gpus=1 --precision=16\n';
  const a = await analyze({ 'train.py': FIRE_PY, 'run.sh': sh }, 'run.sh');
  const runs = [...a.runs, ...(a.linked ?? [])];
  assert.equal(runs.length, 1);
  assert.equal(fact(a, 'precision')?.value, 'fp16');
  assert.equal(fact(a, 'epochs')?.value, 40);
  const b = await analyze({ 'train.py': FIRE_PY, 'eval.sh': 'python train.py evaluate --ckpt=x.ckpt\n' }, 'eval.sh');
  assert.equal([...b.runs, ...(b.linked ?? [])].length, 0);
});

// --- a launcher of a script whose loop is in the modules it calls ---

const RUN_PY = [
  'import argparse',
  'import torch',
  'import agents',
  '',
  'parser = argparse.ArgumentParser()',
  "parser.add_argument('--algo', default='dqn', choices=['dqn', 'ppo'])",
  "parser.add_argument('--num_T', default=100000, type=int)",
  'args = parser.parse_known_args()[0]',
  "device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')",
  "if args.algo == 'dqn':",
  '    agents.train_dqn(device, args.num_T)',
  "elif args.algo == 'ppo':",
  '    agents.train_ppo(device, args.num_T)',
  '',
].join('\n');

const AGENTS_PY = [
  'import torch',
  '',
  'class QNet(torch.nn.Module):',
  '    def __init__(self):',
  '        super().__init__()',
  '        self.fc = torch.nn.Linear(4, 2)',
  '    def forward(self, x):',
  '        return self.fc(x)',
  '',
  'class ActorCritic(QNet):',
  '    pass',
  '',
  'def train_dqn(device, steps):',
  '    q = QNet().to(device)',
  '    opt = torch.optim.Adam(q.parameters(), lr=1e-3)',
  '    for t in range(steps):',
  '        loss = q(torch.randn(32, 4)).sum()',
  '        opt.zero_grad()',
  '        loss.backward()',
  '        opt.step()',
  '',
  'def train_ppo(device, steps):',
  '    pi = ActorCritic().to(device)',
  '    opt = torch.optim.SGD(pi.parameters(), lr=1e-3)',
  '    for t in range(steps):',
  '        loss = pi(torch.randn(32, 4)).sum()',
  '        opt.zero_grad()',
  '        loss.backward()',
  '        opt.step()',
  '',
].join('\n');

test('a launcher with no training flag runs the loop its script calls in a module', async () => {
  const files = {
    'run.py': RUN_PY,
    'agents.py': AGENTS_PY,
    'scripts/cartpole.sh': 'cd ../\npython run.py --algo dqn --num_T 5000\n',
  };
  const a = await analyze(files, 'scripts/cartpole.sh');
  assert.equal(fact(a, 'model')?.value, 'QNet');
  assert.equal(fact(a, 'max_steps')?.value, 5000);
});

test('…but not the default branch’s loop when the command chooses another branch', async () => {
  const files = {
    'run.py': RUN_PY,
    'agents.py': AGENTS_PY,
    'scripts/ppo.sh': 'cd ../\npython run.py --algo ppo --num_T 5000\n',
  };
  const a = await analyze(files, 'scripts/ppo.sh');
  const runs = [...a.runs, ...(a.linked ?? [])];
  for (const r of runs) assert.notEqual(r.plan.facts.get('model')?.value, 'QNet');
});
