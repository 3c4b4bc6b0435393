// Values read from launchers, lit-gpt-style globals and gin configs (session 16, issue 11): torchrun's abbreviated
// options, a lit-gpt step save cadence and its Fabric device count, TensorFlow Estimator and compare_gan saves.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, launchedFact } from './helpers';

const hfParser = `from transformers import AutoModelForCausalLM, HfArgumentParser, Trainer, TrainingArguments
parser = HfArgumentParser(TrainingArguments)
(args,) = parser.parse_args_into_dataclasses()
model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-0.5B")
Trainer(model=model, args=args).train()
`;

test('torchrun: an abbreviated --nnode is --nnodes, so a node count given at launch leaves devices unknown', async () => {
  const at = (nodes: string) =>
    `NODES=${nodes}\ntorchrun --nnode $NODES --nproc_per_node 4 train.py --output_dir out --per_device_train_batch_size 2\n`;
  const chosen = await analyze({ 'train.py': hfParser, 'run.sh': at('$1') }, 'train.py');
  assert.equal(launchedFact(chosen, 'devices')?.value ?? null, null);
  assert.equal(launchedFact(chosen, 'global_batch')?.value ?? null, null);
  const two = await analyze({ 'train.py': hfParser, 'run.sh': at('2') }, 'train.py');
  assert.deepEqual([launchedFact(two, 'devices')?.value, launchedFact(two, 'global_batch')?.value], [8, 16]);
});

const litGpt = (saveLoop: string) => `import lightning as L
import torch
from lightning.fabric.strategies import FSDPStrategy

global_batch_size = 128
micro_batch_size = 8
max_iters = 50000
save_step_interval = 2000
batch_size = global_batch_size // 4
gradient_accumulation_steps = batch_size // micro_batch_size


def setup(devices: int = 4, use_tpu: bool = False):
    if devices > 1:
        if use_tpu:
            devices = "auto"
        strategy = FSDPStrategy()
    else:
        strategy = "auto"
    fabric = L.Fabric(devices=devices, strategy=strategy)
    train(fabric)


def train(fabric):
    model, optimizer, loader = build(fabric)
    step_count = 0
    for iter_num, batch in enumerate(loader):
        is_accumulating = (iter_num + 1) % gradient_accumulation_steps != 0
        loss = model(batch)
        fabric.backward(loss / gradient_accumulation_steps)
        if not is_accumulating:
            optimizer.step()
            optimizer.zero_grad()
            step_count += 1
${saveLoop}

if __name__ == "__main__":
    setup()
`;

test('lit-gpt style: a checkpoint every save_step_interval steps, and Fabric(devices=…) from the setup default', async () => {
  const saves = `        if not is_accumulating and step_count % save_step_interval == 0:
            path = f"out/step-{step_count}.pth"
            fabric.save(path, {"model": model})
`;
  const a = await analyze({ 'pretrain.py': litGpt(saves) }, 'pretrain.py');
  assert.deepEqual(
    ['periodic_save', 'save_steps', 'devices', 'micro_batch'].map((k) => fact(a, k as never)?.value ?? null),
    ['steps', 2000, 4, 8],
  );
  // The TPU branch (`devices = "auto"`) does not run at the default `use_tpu=False`.
  assert.match(fact(a, 'devices')?.note ?? '', /setup\(devices=4\)/);
  // The same global with no save on that modulo is not a save cadence.
  const none = await analyze({ 'pretrain.py': litGpt('        pass\n') }, 'pretrain.py');
  assert.equal(fact(none, 'save_steps')?.value ?? null, null);
  // Called with the TPU switch on, the device count is no longer the default.
  const tpu = await analyze(
    { 'pretrain.py': litGpt(saves).replace('    setup()', '    setup(use_tpu=True)') },
    'pretrain.py',
  );
  const dv = fact(tpu, 'devices');
  assert.ok(!dv || dv.value === null || dv.origin === 'assumed', dv?.note);
});

const gin = (extra: string) => `# A GAN on 64x64 images.
dataset.name = "celeb_a"
options.architecture = "resnet_cifar_arch"
options.batch_size = 128
options.gan_class = @ModularGAN
options.training_steps = 40000
ModularGAN.g_optimizer_fn = @tf.train.AdamOptimizer
${extra}`;

test('compare_gan gin: options.batch_size is the global batch; saves every run_config.save_checkpoints_steps (5000 by default)', async () => {
  const d = await analyze({ 'gan.gin': gin('') }, 'gan.gin');
  assert.deepEqual(
    ['global_batch', 'micro_batch', 'periodic_save', 'save_steps'].map((k) => fact(d, k as never)?.value ?? null),
    [128, null, 'steps', 5000],
  );
  const w = await analyze({ 'gan.gin': gin('run_config.save_checkpoints_steps = 1500\n') }, 'gan.gin');
  assert.equal(fact(w, 'save_steps')?.value, 1500);
});

test('a config that names one CUDA device (cuda:0, or cuda with distributed off) is a one-device run', async () => {
  const cfg = (device: string, extra = '') => `_target_: my_project.workspace.TrainWorkspace
dataloader:
  batch_size: 32
  num_workers: 4
optimizer:
  _target_: torch.optim.AdamW
  lr: 1.0e-4
training:
  device: "${device}"
  num_epochs: 300
${extra}`;
  const one = await analyze({ 'train_workspace.yaml': cfg('cuda:0') }, 'train_workspace.yaml');
  assert.deepEqual([fact(one, 'devices')?.value, fact(one, 'devices')?.origin], [1, 'inferred']);
  // A bare `cuda` is the current device of each process: one device only where the config turns several off.
  const bare = await analyze({ 'train_workspace.yaml': cfg('cuda') }, 'train_workspace.yaml');
  assert.notEqual(fact(bare, 'devices')?.origin, 'inferred');
  const off = await analyze({ 'train_workspace.yaml': cfg('cuda', '  distributed: false\n') }, 'train_workspace.yaml');
  assert.equal(fact(off, 'devices')?.value, 1);
  const on = await analyze({ 'train_workspace.yaml': cfg('cuda:0', '  distributed: true\n') }, 'train_workspace.yaml');
  assert.notEqual(fact(on, 'devices')?.origin, 'inferred');
});

test('llama-recipes train_config.batch_size_training is the per-process batch; a micro_batch_size beside it wins', async () => {
  const cfg = (extra: string) => `train_config:
  model_name: my-org/my-llm-1b
  batch_size_training: 6
  num_epochs: 2
  lr: 1.0e-4
  weight_decay: 0.0
  num_workers_dataloader: 2
${extra}`;
  const a = await analyze({ 'train.yaml': cfg('') }, 'train.yaml');
  assert.equal(fact(a, 'micro_batch')?.value, 6);
  const both = await analyze({ 'train.yaml': cfg('  micro_batch_size: 2\n') }, 'train.yaml');
  assert.equal(fact(both, 'micro_batch')?.value, 2);
});

test('Keras fit without a checkpoint callback saves nothing; a Keras-based library runs on one device', async () => {
  const script = (callbacks: string) => `import pandas as pd
from deepctr.models import DeepFM

data = pd.read_csv("train.csv")
model = DeepFM(linear_cols, dnn_cols, task="binary")
model.compile("adam", "binary_crossentropy", metrics=["binary_crossentropy"])
history = model.fit(inputs, data["label"].values, batch_size=512, epochs=5, verbose=2, validation_split=0.1${callbacks})
`;
  const a = await analyze({ 'run_deepfm.py': script('') }, 'run_deepfm.py');
  assert.deepEqual(
    ['periodic_save', 'devices', 'micro_batch'].map((k) => fact(a, k as never)?.value ?? null),
    ['no', 1, 512],
  );
  const saved = await analyze({ 'run_deepfm.py': script(', callbacks=[ckpt]') }, 'run_deepfm.py');
  assert.notEqual(fact(saved, 'periodic_save')?.value, 'no');
});

test('a loop over timesteps, updates or episodes around the update is no epoch count; a GIF written each epoch is no checkpoint', async () => {
  const rl = `import argparse
import numpy as np
import torch
from agent import Agent

parser = argparse.ArgumentParser()
parser.add_argument("--max_timesteps", type=float, default=5e5)
parser.add_argument("--updates_per_step", type=int, default=2)
args = parser.parse_args()

agent = Agent(state_dim=17, action_dim=6)
for t in range(int(args.max_timesteps)):
    batch = agent.buffer.sample(256)
    for _ in range(args.updates_per_step):
        agent.update(batch)
`;
  const agent = `import torch

class Agent:
    def __init__(self, state_dim, action_dim):
        self.net = torch.nn.Linear(state_dim, action_dim).cuda()
        self.opt = torch.optim.Adam(self.net.parameters(), lr=3e-4)

    def update(self, batch):
        loss = self.net(batch).pow(2).mean()
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
`;
  const a = await analyze({ 'main.py': rl, 'agent.py': agent }, 'main.py');
  assert.equal(fact(a, 'epochs')?.value ?? null, null);
  const gif = `import torch
from torch.utils.data import DataLoader
from PIL import Image

model = torch.nn.Linear(64, 64).cuda()
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
loader = DataLoader(dataset, batch_size=128, shuffle=True)
for epoch in range(40):
    for x in loader:
        loss = model(x.cuda()).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    frames = [Image.fromarray(sample(model)) for _ in range(8)]
    frames[0].save(f"samples_{epoch}.gif", save_all=True, append_images=frames[1:])
`;
  const g = await analyze({ 'train.py': gif }, 'train.py');
  assert.deepEqual([fact(g, 'epochs')?.value, fact(g, 'periodic_save')?.value], [40, 'no']);
});

test('a world size computed as nodes × processes per node from argparse defaults is the device count; a launcher flag overrides it', async () => {
  const script = `import argparse
import torch
import torch.distributed as dist
from torch.multiprocessing import Process
from torch.utils.data import DataLoader
from torch.utils.data.distributed import DistributedSampler


def train(rank, args):
    model = torch.nn.Linear(32, 32).cuda(rank)
    opt = torch.optim.Adam(model.parameters(), lr=1e-4)
    sampler = DistributedSampler(data, num_replicas=args.world_size, rank=rank)
    loader = DataLoader(data, batch_size=args.batch_size, sampler=sampler)
    for epoch in range(args.num_epoch):
        for x in loader:
            loss = model(x.cuda(rank)).pow(2).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch_size", type=int, default=64)
    parser.add_argument("--num_epoch", type=int, default=300)
    parser.add_argument("--num_nodes", type=int, default=1)
    parser.add_argument("--procs_per_node", type=int, default=2)
    args = parser.parse_args()
    args.world_size = args.num_nodes * args.procs_per_node
    processes = []
    for rank in range(args.procs_per_node):
        p = Process(target=train, args=(rank, args))
        p.start()
        processes.append(p)
`;
  const a = await analyze({ 'train.py': script }, 'train.py');
  assert.deepEqual([launchedFact(a, 'devices')?.value, launchedFact(a, 'global_batch')?.value], [2, 128]);
  const l = await analyze({ 'train.py': script, 'run.sh': 'python train.py --procs_per_node 8\n' }, 'train.py');
  assert.notEqual(launchedFact(l, 'devices')?.value, 2);
});

test('the training DataLoader is found through a wrapper it is the only argument of (cycle, iter)', async () => {
  const code = `import torch
from torch.utils.data import DataLoader

BATCH = 6
STEPS = 1000


def cycle(loader):
    while True:
        for x in loader:
            yield x


model = torch.nn.Linear(16, 16).cuda()
opt = torch.optim.Adam(model.parameters(), lr=1e-4)
train_loader = cycle(DataLoader(train_set, batch_size=BATCH))
val_loader = cycle(DataLoader(val_set, batch_size=32))
for i in range(STEPS):
    loss = model(next(train_loader).cuda()).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
`;
  const a = await analyze({ 'train.py': code }, 'train.py');
  assert.equal(fact(a, 'micro_batch')?.value, 6);
});
