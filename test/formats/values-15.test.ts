// Values a script computes from its own settings (session 15): batch and accumulation arithmetic in module globals.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const values = (a: Awaited<ReturnType<typeof analyze>>, keys: string[]) =>
  keys.map((k) => fact(a, k as never)?.value ?? null);

test('lit-gpt style globals: micro_batch_size is the loader batch, the global batch is read, accumulation computed', async () => {
  const code = `import argparse
import lightning as L
import torch
from torch.utils.data import DataLoader

parser = argparse.ArgumentParser()
parser.add_argument('--batch', type=int, default=384)
parser.add_argument('--nodes', type=int, default=2)
args = parser.parse_args()

devices = 4
global_batch_size = int(args.batch / args.nodes)
micro_batch_size = 12
max_iters = 20000
batch_size = global_batch_size // devices
gradient_accumulation_steps = batch_size // micro_batch_size

def train(fabric, model, optimizer, data):
    loader = DataLoader(data, batch_size=micro_batch_size)
    for i, batch in enumerate(loader):
        accumulating = (i + 1) % gradient_accumulation_steps != 0
        loss = model(batch)
        fabric.backward(loss / gradient_accumulation_steps)
        if not accumulating:
            optimizer.step()
            optimizer.zero_grad()
`;
  const a = await analyze({ 'pretrain.py': code }, 'pretrain.py');
  // 384 / 2 nodes = 192 per node; 192 // 4 devices = 48 per device; 48 // 12 = 4 micro-steps.
  assert.deepEqual(values(a, ['micro_batch', 'global_batch', 'grad_accum']), [12, 192, 4]);
  // Not nanoGPT's train.py (no configurator): none of nanoGPT's defaults (block_size 1024, a save every 2,000 steps).
  assert.notEqual(fact(a, 'seq_len')?.value, 1024);
  assert.equal(fact(a, 'save_steps')?.value ?? null, null);
  assert.notEqual(fact(a, 'precision')?.origin, 'framework-default');
});

test('lit-gpt style globals: a micro_batch_size set in a branch leaves the micro-batch unknown, not the per-device batch', async () => {
  const code = `import lightning as L
model_size = 'small'
devices = 8
global_batch_size = 256
if model_size == 'small':
    micro_batch_size = 16
else:
    micro_batch_size = 4
max_iters = 1000
batch_size = global_batch_size // devices
gradient_accumulation_steps = batch_size // micro_batch_size
for it in range(max_iters):
    loss = model(x)
    fabric.backward(loss / gradient_accumulation_steps)
    optimizer.step()
`;
  const a = await analyze({ 'finetune.py': code }, 'finetune.py');
  assert.deepEqual(values(a, ['micro_batch', 'global_batch']), [null, 256]);
});

test('nanoGPT: the accumulation divided by the world size makes batch × accumulation the global batch', async () => {
  const code = `import os
import torch
out_dir = 'out'
eval_interval = 500
always_save_checkpoint = True
batch_size = 16
max_seq_len = 512
gradient_accumulation_steps = 8
max_iters = 5000
dtype = 'bfloat16'
compile = True
exec(open('configurator.py').read())
ddp = int(os.environ.get('RANK', -1)) != -1
if ddp:
    ddp_world_size = int(os.environ['WORLD_SIZE'])
    gradient_accumulation_steps //= ddp_world_size
while True:
    for micro_step in range(gradient_accumulation_steps):
        loss = model(X, Y)
        loss.backward()
    optimizer.step()
`;
  const a = await analyze({ 'train.py': code }, 'train.py');
  assert.deepEqual(values(a, ['micro_batch', 'global_batch', 'seq_len']), [16, 128, 512]);
  // Without the division the global batch depends on the process count: not claimed.
  const b = await analyze(
    { 'train.py': code.replace(/\n {4}gradient_accumulation_steps \/\/= ddp_world_size/, '') },
    'train.py',
  );
  assert.equal(fact(b, 'global_batch')?.value ?? null, null);
});

const hf = (saveArgs: string) => `from transformers import Trainer, TrainingArguments
def main(model, data, strategy):
    args = TrainingArguments(
        output_dir="out",
        per_device_train_batch_size=8,
        num_train_epochs=2,
        ${saveArgs}
    )
    Trainer(model=model, args=args, train_dataset=data).train()
`;

test('save cadence: an interval under save_strategy "no", or the default one under "epoch", is not reported', async () => {
  const off = await analyze({ 'sft.py': hf('save_strategy="no", save_steps=100,') }, 'sft.py');
  assert.equal(fact(off, 'periodic_save')?.value, 'no');
  assert.equal(fact(off, 'save_steps'), undefined);
  const epoch = await analyze({ 'sft.py': hf('save_strategy="epoch",') }, 'sft.py');
  assert.equal(fact(epoch, 'periodic_save')?.value, 'epoch');
  assert.equal(fact(epoch, 'save_steps'), undefined);
  const steps = await analyze({ 'sft.py': hf('save_strategy="steps", save_steps=100,') }, 'sft.py');
  assert.equal(fact(steps, 'save_steps')?.value, 100);
});

test('save cadence: a strategy not known here leaves the default interval unclaimed', async () => {
  const a = await analyze({ 'sft.py': hf('save_strategy=strategy,') }, 'sft.py');
  assert.equal(fact(a, 'save_steps'), undefined);
  // The default strategy (steps) with the default interval is still the framework's 500.
  const b = await analyze({ 'sft.py': hf('') }, 'sft.py');
  assert.equal(fact(b, 'save_steps')?.value, 500);
});

const derived = `import argparse
import torch
import torch.distributed as dist

parser = argparse.ArgumentParser()
parser.add_argument("--batch_size", type=int, default=8)
parser.add_argument("--total_batch_size", type=int, default=None)
parser.add_argument("--grad_accum", type=int, default=None)
parser.add_argument("--steps", type=int, default=1000)
args = parser.parse_args()
dist.init_process_group("nccl")
world_size = dist.get_world_size()
if args.grad_accum is None:
    args.grad_accum = args.total_batch_size // (args.batch_size * world_size)
loader = torch.utils.data.DataLoader(data, batch_size=args.batch_size)
step = 0
for batch in loader:
    step += 1
    loss = model(batch).mean() / args.grad_accum
    loss.backward()
    if step % args.grad_accum != 0:
        continue
    optimizer.step()
    optimizer.zero_grad()
    if step >= args.steps:
        break
`;

test('accumulation computed from a global batch: the launcher gives the global batch, the accumulation follows', async () => {
  const launch = `torchrun --nproc_per_node 4 train.py --batch_size 16 --total_batch_size 512\n`;
  const a = await analyze({ 'train.py': derived, 'run.sh': launch }, 'run.sh');
  // 512 ÷ (16 × 4 processes) = 8 micro-steps.
  assert.deepEqual(values(a, ['micro_batch', 'global_batch', 'grad_accum', 'devices']), [16, 512, 8, 4]);
  // Alone, the script states no global batch (its default is None) and so no accumulation.
  const b = await analyze({ 'train.py': derived }, 'train.py');
  assert.deepEqual(values(b, ['global_batch', 'grad_accum']), [null, null]);
});

test('accumulation from the per-process share of a global batch: the global batch is read, not the share', async () => {
  const code = `import torch
from dataclasses import dataclass

@dataclass
class Config:
    total_batch_size: int = 256
    per_device_batch_size: int = 16

def train(config: Config, world_size: int):
    batch_size = config.total_batch_size // world_size
    accum_steps = batch_size // config.per_device_batch_size
    loader = torch.utils.data.DataLoader(data, batch_size=config.per_device_batch_size)
    for step, batch in enumerate(loader):
        loss = model(batch) / accum_steps
        loss.backward()
        if (step + 1) % accum_steps == 0:
            optimizer.step()
            optimizer.zero_grad()
`;
  const a = await analyze({ 'train.py': code }, 'train.py');
  assert.deepEqual(values(a, ['micro_batch', 'global_batch']), [16, 256]);
  // A launcher that passes arguments not read here ("$@") may set any of its sizes: the defaults' product is unknown.
  const open = await analyze({ 'train.py': code, 'run.sh': 'torchrun --nproc_per_node 8 train.py "$@"\n' }, 'run.sh');
  assert.equal(fact(open, 'global_batch')?.value ?? null, null);
  // Without the process count in the arithmetic, the dividend is one process's batch: no global batch claimed.
  const perProcess = code.replace('config.total_batch_size // world_size', 'config.total_batch_size');
  const b = await analyze({ 'train.py': perProcess }, 'train.py');
  assert.equal(fact(b, 'global_batch')?.value ?? null, null);
});

test('Python Fire: a launcher flag sets the function parameter the training arguments read', async () => {
  const code = `import fire
from transformers import Trainer, TrainingArguments

def train(base_model: str = "gpt2", micro_batch_size: int = 4, num_epochs: int = 3, save_step: int = 200):
    args = TrainingArguments(
        output_dir="out",
        per_device_train_batch_size=micro_batch_size,
        num_train_epochs=num_epochs,
        save_strategy="steps",
        save_steps=save_step,
    )
    Trainer(model=base_model, args=args, train_dataset=data).train()

if __name__ == "__main__":
    fire.Fire(train)
`;
  const launch = `python finetune.py --micro_batch_size 16 --save_step 80\n`;
  const a = await analyze({ 'finetune.py': code, 'run.sh': launch }, 'run.sh');
  assert.deepEqual(values(a, ['micro_batch', 'save_steps', 'epochs']), [16, 80, 3]);
});
