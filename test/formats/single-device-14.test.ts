// The device count of a plain single-process script (session 14): `python train.py` training on the one device it
// names, with no multi-device mechanism in the script or the modules it calls, is one device (inferred, with why);
// anything that can spread the run over more devices leaves the count unknown. SLURM task counts. Fixtures written for
// this project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocumentAnalysis } from '../../server/review/analyze';
import { analyze, fact, launchedFact } from './helpers';

/** The device count the files state or imply (not the one the plan assumes when nothing does). */
const stated = (a: DocumentAnalysis) => {
  const f = fact(a, 'devices');
  return f?.origin === 'assumed' ? undefined : f?.value;
};
/** The devices of the run as a launcher beside the file starts it (a file planned alone is its own run). */
const launchedStated = (a: DocumentAnalysis) => {
  const f = launchedFact(a, 'devices');
  return f?.origin === 'assumed' ? undefined : f?.value;
};

const MAIN = `import argparse
from trainer import Trainer
from data import load_dataset


def main(args):
    train_set = load_dataset(args.data_dir)
    trainer = Trainer(args, train_set)
    trainer.train()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--data_dir", default="./data")
    parser.add_argument("--batch_size", type=int, default=32)
    parser.add_argument("--epochs", type=int, default=5)
    main(parser.parse_args())
`;

const TRAINER = (wrap: string) => `import torch
from torch.utils.data import DataLoader


class Trainer(object):
    def __init__(self, args, train_set):
        self.args = args
        self.train_set = train_set
        self.device = "cuda" if torch.cuda.is_available() else "cpu"
        self.model = torch.nn.Linear(16, 4)
        ${wrap}
        self.model.to(self.device)

    def train(self):
        loader = DataLoader(self.train_set, batch_size=self.args.batch_size, shuffle=True)
        opt = torch.optim.AdamW(self.model.parameters(), lr=1e-3)
        for epoch in range(self.args.epochs):
            for x, y in loader:
                loss = torch.nn.functional.cross_entropy(self.model(x.to(self.device)), y.to(self.device))
                opt.zero_grad()
                loss.backward()
                opt.step()
`;

const DATA = `def load_dataset(path):\n    return []\n`;

test('a plain script whose trainer module puts the model on one device runs on one device, and says why', async () => {
  const a = await analyze(
    { 'main.py': MAIN, 'trainer.py': TRAINER('pass'), 'data.py': DATA, 'README.md': '# demo' },
    'main.py',
  );
  const dev = fact(a, 'devices');
  assert.deepEqual([dev?.value, dev?.origin], [1, 'inferred']);
  assert.match(dev?.note ?? '', /single-process script; no data-parallel wrapper or launcher seen/);
  // must not: the trainer spreads the model over every visible GPU.
  const dp = await analyze(
    {
      'main.py': MAIN,
      'trainer.py': TRAINER('self.model = torch.nn.DataParallel(self.model)'),
      'data.py': DATA,
      'README.md': '# demo',
    },
    'main.py',
  );
  assert.notEqual(stated(dp), 1);
  // must not: a launcher beside it starts the script under DeepSpeed, which takes every visible GPU by default.
  const ds = await analyze(
    {
      'main.py': MAIN,
      'trainer.py': TRAINER('pass'),
      'data.py': DATA,
      'README.md': '# demo',
      'run.sh': 'deepspeed main.py --batch_size 16\n',
    },
    'main.py',
  );
  assert.notEqual(launchedStated(ds), 1);
});

const LOOP = (head: string, device: string) => `"""Fine-tunes a small regressor.

    pip install torch accelerate
"""
import torch
from torch import nn
${head}
model = nn.Linear(8, 1).to(${device})
opt = torch.optim.SGD(model.parameters(), lr=0.01)
for epoch in range(3):
    for x, y in []:
        loss = nn.functional.mse_loss(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

test('a library named in a docstring is no launcher; a "gpu" key is a setting, not a device', async () => {
  const a = await analyze({ 'fit.py': LOOP('', '"cuda"') }, 'fit.py');
  assert.deepEqual([fact(a, 'devices')?.value, fact(a, 'devices')?.origin], [1, 'inferred']);
  // must not: `params = {"gpu": -1}` keys a setting (here: the CPU), it names no device.
  const key = await analyze({ 'fit.py': LOOP('params = {"gpu": -1, "epochs": 3}', 'params["device"]') }, 'fit.py');
  assert.notEqual(stated(key), 1);
  // must not: JAX shards the step over every local device.
  const jax = await analyze({ 'fit.py': LOOP('import jax\nstep = jax.pmap(lambda x: x)', '"cuda"') }, 'fit.py');
  assert.notEqual(stated(jax), 1);
});

test('a world size the script sets again once its process group is up is no device count', async () => {
  const script = `import argparse
import os
import torch

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=90)
args = parser.parse_args()
args.world_size = 1
if int(os.environ.get("WORLD_SIZE", 1)) > 1:
    torch.distributed.init_process_group(backend="nccl")
    args.world_size = torch.distributed.get_world_size()
model = torch.nn.Linear(4, 2).cuda()
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(args.epochs):
    for x, y in []:
        loss = torch.nn.functional.mse_loss(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
`;
  const a = await analyze({ 'train.py': script }, 'train.py');
  assert.notEqual(stated(a), 1);
});

const SRUN = (perNode: string) => `#!/usr/bin/env bash
GPUS=\${GPUS:-32}
GPUS_PER_NODE=\${GPUS_PER_NODE:-8}
srun -p gpu \\
    --gres=gpu:\${GPUS_PER_NODE} \\
    --ntasks=\${GPUS} \\
    --ntasks-per-node=${perNode} \\
    python -u train.py --epochs 10
`;

test('srun tasks with as many tasks per node as GPUs per node: one GPU per task, the task count is the count', async () => {
  const files = (perNode: string) => ({ 'train.py': LOOP('', '"cuda"'), 'run.sh': SRUN(perNode) });
  const a = await analyze(files('${GPUS_PER_NODE}'), 'run.sh');
  assert.equal(fact(a, 'devices')?.value, 32);
  // must not: one task per node driving 8 GPUs, or 8 per node on 8 GPUs: not the GPUs of one node.
  const b = await analyze(files('1'), 'run.sh');
  assert.equal(fact(b, 'devices')?.value, null);
});

test('a plain `python` launcher keeps the one device; a multi-process launcher without a count leaves it unknown', async () => {
  const files = (launch: string) => ({
    'main.py': MAIN,
    'trainer.py': TRAINER('pass'),
    'data.py': DATA,
    'README.md': '# demo',
    'scripts/run.sh': `cd ..\n${launch} main.py --epochs 3\n`,
  });
  for (const target of ['main.py', 'scripts/run.sh']) {
    const a = await analyze(files('python'), target);
    assert.deepEqual([fact(a, 'devices')?.value, fact(a, 'devices')?.origin], [1, 'inferred'], target);
    // must not: accelerate launch takes its count from the machine's accelerate config.
    const b = await analyze(files('accelerate launch'), target);
    assert.notEqual(launchedStated(b), 1, target);
  }
});

const EXPERIMENT = (engine: string) => ({
  'experiment.py': `import argparse
import torch
from engine import train_one_epoch


def experiment(variant):
    device = variant.get("device", "cuda")
    model = torch.nn.Sequential(torch.nn.Linear(11, 64), torch.nn.ReLU(), torch.nn.Linear(64, 3)).to(device=device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=variant["learning_rate"])
    for it in range(variant["max_iters"]):
        train_one_epoch(model, optimizer, variant["num_steps_per_iter"], device)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--learning_rate", type=float, default=1e-4)
    parser.add_argument("--max_iters", type=int, default=10)
    parser.add_argument("--num_steps_per_iter", type=int, default=1000)
    parser.add_argument("--device", type=str, default="cuda")
    experiment(vars(parser.parse_args()))
`,
  'engine.py': `import torch


def train_one_epoch(model, optimizer, steps, device):
    ${engine}
    for _ in range(steps):
        x = torch.randn(32, 11, device=device)
        loss = model(x).pow(2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`,
  'README.md': '# rl',
});

test('a script with its own arguments whose loop is in a module it imports: one device unless the module spreads it', async () => {
  const a = await analyze(EXPERIMENT('model.train()'), 'experiment.py');
  assert.deepEqual([fact(a, 'devices')?.value, fact(a, 'devices')?.origin], [1, 'inferred']);
  // must not: the module wraps the model for one process per GPU.
  const b = await analyze(
    EXPERIMENT('model = torch.nn.parallel.DistributedDataParallel(model, device_ids=[device])'),
    'experiment.py',
  );
  assert.notEqual(stated(b), 1);
});

test('a launcher count from its variables’ defaults is that default, inferred; a written count stays explicit', async () => {
  const run = async (launcher: string) => {
    const a = await analyze({ 'train.py': LOOP('', '"cuda"'), 'launch.sh': launcher }, 'launch.sh');
    const f = fact(a, 'devices');
    return [f?.value, f?.origin];
  };
  assert.deepEqual(await run(': "${NGPU:=4}"\ntorchrun --nproc_per_node=$NGPU train.py\n'), [4, 'inferred']);
  assert.deepEqual(
    await run(
      'NNODES=${NNODES:-2}\nGPUS_PER_NODE=8\ntorchrun --nnodes=$NNODES --nproc_per_node=$GPUS_PER_NODE train.py\n',
    ),
    [16, 'inferred'],
  );
  // `GPUS=$1` is unset when the script runs without arguments: the default after it holds.
  assert.deepEqual(await run('GPUS=$1\nGPUS=${GPUS:-4}\ntorchrun --nproc_per_node=$GPUS train.py\n'), [4, 'inferred']);
  assert.deepEqual(await run('torchrun --nnodes=1 --nproc_per_node=8 train.py\n'), [8, 'explicit']);
  // must not: a count the machine gives (`nvidia-smi`) is not its fallback.
  const probed = await run(
    'GPUS=$(nvidia-smi -L | wc -l)\nGPUS=${GPUS:-1}\ntorchrun --nproc_per_node=$GPUS train.py\n',
  );
  assert.equal(probed[0], null);
});

test('a world size from a config that its script multiplies by the GPUs it finds is a factor, not the count', async () => {
  const train = (use: string) => `import argparse
import torch
import torch.multiprocessing as mp
import yaml
from torch.utils.data import DataLoader


def train(rank, cfg, num_gpus):
    if num_gpus > 1:
        torch.distributed.init_process_group("nccl", world_size=${use}, rank=rank)
    model = torch.nn.Linear(80, 80).to(torch.device(f"cuda:{rank}"))
    opt = torch.optim.Adam(model.parameters(), lr=cfg["optimizer"]["lr"])
    loader = DataLoader([], batch_size=cfg["optimizer"]["batch_size"], num_workers=cfg["loader"]["num_workers"])
    for step in range(cfg["step"]["total_step"]):
        for x in loader:
            loss = model(x).abs().mean()
            opt.zero_grad()
            loss.backward()
            opt.step()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("-t", "--train_config", type=str, required=True)
    args = parser.parse_args()
    cfg = yaml.load(open(args.train_config, "r"), Loader=yaml.FullLoader)
    num_gpus = torch.cuda.device_count()
    mp.spawn(train, nprocs=num_gpus, args=(cfg, num_gpus))
`;
  const cfg = `dist_config:
  dist_backend: "nccl"
  world_size: 1
optimizer:
  batch_size: 16
  lr: 0.001
loader:
  num_workers: 4
step:
  total_step: 900000
  save_step: 100000
`;
  const files = (use: string) => ({ 'train.py': train(use), 'config/LJ/train.yaml': cfg, 'README.md': '# tts' });
  // must not: the config's 1 is the node count the script multiplies by the GPUs of each node.
  const a = await analyze(files('cfg["dist_config"]["world_size"] * num_gpus'), 'config/LJ/train.yaml');
  assert.equal(stated(a), null);
});

test('loader workers the script divides over the processes of a node are per process: unknown until the devices are', async () => {
  const script = (divide: string) => `import argparse
import torch
import torch.multiprocessing as mp
from torch.utils.data import DataLoader

parser = argparse.ArgumentParser()
parser.add_argument("-j", "--workers", default=24, type=int)
parser.add_argument("-b", "--batch-size", default=256, type=int)
parser.add_argument("--epochs", default=100, type=int)


def main_worker(gpu, ngpus_per_node, args):
    ${divide}
    model = torch.nn.Linear(32, 10).cuda(gpu)
    model = torch.nn.parallel.DistributedDataParallel(model, device_ids=[gpu])
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    loader = DataLoader([], batch_size=args.batch_size, num_workers=args.workers, pin_memory=True)
    for epoch in range(args.epochs):
        for x, y in loader:
            loss = torch.nn.functional.cross_entropy(model(x.cuda(gpu)), y.cuda(gpu))
            opt.zero_grad()
            loss.backward()
            opt.step()


if __name__ == "__main__":
    args = parser.parse_args()
    ngpus_per_node = torch.cuda.device_count()
    mp.spawn(main_worker, nprocs=ngpus_per_node, args=(ngpus_per_node, args))
`;
  const kept = await analyze({ 'main.py': script('pass') }, 'main.py');
  assert.equal(fact(kept, 'num_workers')?.value, 24);
  // must not: each process takes a share of the 24.
  const split = await analyze(
    { 'main.py': script('args.workers = int((args.workers + ngpus_per_node - 1) / ngpus_per_node)') },
    'main.py',
  );
  assert.equal(fact(split, 'num_workers')?.value, null);
});

test('`num_steps` of an on-policy RL algorithm is its rollout length, not the run length', async () => {
  const cfg = (group: string) => `# @package _global_
trainer_name: ppo
num_environments: 8
total_num_steps: 5e7
checkpoint_folder: data/checkpoints
num_checkpoints: 50
rl:
  ${group}:
    clip_param: 0.2
    ppo_epoch: 4
    num_mini_batch: 2
    value_loss_coef: 0.5
    entropy_coef: 0.01
    lr: 2.5e-4
    eps: 1e-5
    max_grad_norm: 0.5
    num_steps: 128
    use_gae: True
    gamma: 0.99
    tau: 0.95
`;
  const a = await analyze({ 'config/ppo_nav.yaml': cfg('ppo') }, 'config/ppo_nav.yaml');
  assert.notEqual(fact(a, 'max_steps')?.value, 128);
  // The same key in a group of the trainer's settings is the run's length.
  const b = await analyze({ 'config/ppo_nav.yaml': cfg('trainer') }, 'config/ppo_nav.yaml');
  assert.equal(fact(b, 'max_steps')?.value, 128);
});
