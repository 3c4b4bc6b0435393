// Optimizer, precision and workers of session 16: the branch a script's flags pick and a launcher that picks another,
// loader workers a launcher passes, mixed precision behind a switch read at run time, Hugging Face flags' optimizer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const diffusionScript = `import argparse
import torch
import transformers
from accelerate import Accelerator
from torch.utils.data import DataLoader

parser = argparse.ArgumentParser()
parser.add_argument("--use_adafactor", action="store_true")
parser.add_argument("--big_model", action="store_true")
parser.add_argument("--train_batch_size", type=int, default=4)
parser.add_argument("--dataloader_num_workers", type=int, default=0)
parser.add_argument("--num_train_epochs", type=int, default=10)
args = parser.parse_args()

accelerator = Accelerator()
unet = build_unet()
if args.use_adafactor or args.big_model:
    optimizer = transformers.Adafactor(unet.parameters(), lr=1e-5, relative_step=False)
else:
    optimizer = torch.optim.AdamW(unet.parameters(), lr=1e-5)
loader = DataLoader(dataset, batch_size=args.train_batch_size, num_workers=args.dataloader_num_workers)
unet, optimizer, loader = accelerator.prepare(unet, optimizer, loader)
for epoch in range(args.num_train_epochs):
    for batch in loader:
        loss = unet(batch).mean()
        accelerator.backward(loss)
        optimizer.step()
        optimizer.zero_grad()
`;

test('an optimizer in the else of `if a or b:` with both switches off by default is the run’s', async () => {
  const a = await analyze({ 'train.py': diffusionScript }, 'train.py');
  assert.equal(fact(a, 'optimizer')?.value, 'adamw');
});

test('a launcher that gives one of the switches deciding the optimizer’s branch leaves the optimizer unknown', async () => {
  const on = 'accelerate launch train.py --train_batch_size=1 --big_model\n';
  const a = await analyze({ 'train.py': diffusionScript, 'big.sh': on }, 'big.sh');
  assert.notEqual(fact(a, 'optimizer')?.value, 'adamw');
  const off = 'accelerate launch train.py --train_batch_size=1\n';
  const b = await analyze({ 'train.py': diffusionScript, 'small.sh': off }, 'small.sh');
  assert.equal(fact(b, 'optimizer')?.value, 'adamw');
});

test('loader workers read from an option take the launcher’s value', async () => {
  const sh = 'accelerate launch train.py --dataloader_num_workers=16\n';
  const a = await analyze({ 'train.py': diffusionScript, 'run.sh': sh }, 'run.sh');
  assert.equal(fact(a, 'num_workers')?.value, 16);
});

test('apex behind a store_true --amp that is off: fp32, not fp16', async () => {
  const code = `import argparse
import torch
parser = argparse.ArgumentParser()
parser.add_argument("--amp", action="store_true")
parser.add_argument("--opt_level", type=str, default="O1")
args = parser.parse_args()
model = Net().cuda()
optimizer = torch.optim.SGD(model.parameters(), lr=0.03)
if args.amp:
    from apex import amp
    model, optimizer = amp.initialize(model, optimizer, opt_level=args.opt_level)
for epoch in range(10):
    for x, y in loader:
        loss = model(x, y)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
`;
  const a = await analyze({ 'train.py': code }, 'train.py');
  assert.equal(fact(a, 'precision')?.value, 'fp32');
});

test('apex behind a switch a config file sets at run time: precision not claimed', async () => {
  const code = `import torch
from apex import amp
import utils
hps = utils.get_hparams()
model = Net().cuda()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
if hps.train.fp16_run:
    model, optimizer = amp.initialize(model, optimizer, opt_level="O1")
for epoch in range(hps.train.epochs):
    for x in loader:
        loss = model(x)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
`;
  const a = await analyze({ 'train.py': code }, 'train.py');
  assert.equal(fact(a, 'precision')?.value ?? null, null);
});

test('autocast in a closure a run-time setting picks (`closure if not config.mixed else closure_mixed`): not fp16', async () => {
  const code = `import torch
from . import config

def train(model, loader):
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)

    def closure():
        opt.zero_grad()
        loss = model(next(loader)).sum()
        loss.backward()
        return loss

    def closure_mixed():
        with torch.autocast(device_type="cuda", dtype=torch.float16):
            return closure()

    for step in range(1000):
        opt.step(closure if not config.mixed else closure_mixed)

if __name__ == "__main__":
    train(Net(), iter(data))
`;
  const a = await analyze({ 'pkg/train.py': code }, 'pkg/train.py');
  assert.notEqual(fact(a, 'precision')?.value, 'fp16');
});

test('Hugging Face training flags to a script not in the tree: AdamW unless --optim names another', async () => {
  const base = `torchrun --nproc_per_node 8 train/train_mem.py \\
    --model_name_or_path lmsys/vicuna-7b-v1.5 \\
    --bf16 True \\
    --output_dir ./checkpoints \\
    --num_train_epochs 1 \\
    --per_device_train_batch_size 16 \\
    --learning_rate 2e-5`;
  const a = await analyze({ 'run.sh': base + '\n' }, 'run.sh');
  assert.equal(fact(a, 'optimizer')?.value, 'adamw');
  const b = await analyze({ 'run.sh': base + ' \\\n    --optim adafactor\n' }, 'run.sh');
  assert.equal(fact(b, 'optimizer')?.value, 'adafactor');
});

const sacMain = `import argparse
import itertools
import torch
from sac import SAC
from replay_memory import ReplayMemory

parser = argparse.ArgumentParser()
parser.add_argument("--batch_size", type=int, default=256)
parser.add_argument("--num_steps", type=int, default=1000001)
parser.add_argument("--target_update_interval", type=int, default=1)
args = parser.parse_args()
agent = SAC(17, 6, args)
memory = ReplayMemory(1000000)
updates = 0
for episode in itertools.count(1):
    state = env.reset()
    done = False
    while not done:
        action = agent.select_action(state)
        next_state, reward, done, _ = env.step(action)
        memory.push(state, action, reward, next_state, done)
        if len(memory) > args.batch_size:
            agent.update_parameters(memory, args.batch_size, updates)
            updates += 1
`;

const sacAgent = (extra: string) => `import torch
import torch.nn.functional as F
from torch.optim import Adam


class SAC(object):
    def __init__(self, num_inputs, num_actions, args):
        self.target_update_interval = args.target_update_interval
        self.critic = QNetwork(num_inputs, num_actions)
        self.critic_optim = Adam(self.critic.parameters(), lr=3e-4)
        self.policy = Policy(num_inputs, num_actions)
        self.policy_optim = Adam(self.policy.parameters(), lr=3e-4)

    def update_parameters(self, memory, batch_size, updates):
        state, action, reward, next_state, mask = memory.sample(batch_size=batch_size)
        qf_loss = F.mse_loss(self.critic(state, action), reward)
        self.critic_optim.zero_grad()
        qf_loss.backward()
${extra}        self.critic_optim.step()
        policy_loss = -self.critic(state, self.policy(state)).mean()
        self.policy_optim.zero_grad()
        policy_loss.backward()
        self.policy_optim.step()
        if updates % self.target_update_interval == 0:
            soft_update(self.critic_target, self.critic, 0.005)
`;

test('an RL agent whose module steps each optimizer once per update: no accumulation (a target network cadence is none)', async () => {
  const a = await analyze({ 'main.py': sacMain, 'sac.py': sacAgent('') }, 'main.py');
  assert.equal(fact(a, 'grad_accum')?.value, 1);
});

test('an agent module that accumulates (`if updates % accum_steps == 0:` around the step): no accumulation of 1 claimed', async () => {
  const accum = '        if updates % self.accum_steps != 0:\n            return\n';
  const a = await analyze({ 'main.py': sacMain, 'sac.py': sacAgent(accum) }, 'main.py');
  assert.notEqual(fact(a, 'grad_accum')?.value, 1);
});

test('a metric named precision in a log string does not hide a TensorFlow script’s fp32 default', async () => {
  const code = `import tensorflow as tf

x = tf.compat.v1.placeholder(tf.float32, [None, 64])
loss = build_loss(x)
opt = tf.compat.v1.train.AdamOptimizer(1e-3).minimize(loss)
with tf.compat.v1.Session() as sess:
    sess.run(tf.compat.v1.global_variables_initializer())
    for epoch in range(400):
        _, l = sess.run([opt, loss], feed_dict={x: batch()})
        ret = evaluate(sess)
        print("epoch %d: recall=[%s], precision=[%s]" % (epoch, ret["recall"], ret["precision"]))
`;
  const a = await analyze({ 'train.py': code }, 'train.py');
  assert.equal(fact(a, 'precision')?.value, 'fp32');
});

test('a diffusion trainer config: gradient_accumulate_every is the accumulation, a target/params optimizer its class', async () => {
  const yaml = `name: train_unet_image
training:
  device: cuda:0
  num_epochs: 300
  gradient_accumulate_every: 4
  checkpoint_every: 50
dataloader:
  batch_size: 64
  num_workers: 8
solver:
  optimizers_and_schedulers:
  - name: none
    optimizer:
      target: torch.optim.AdamW
      params:
        weight_decay: 0.045
`;
  const a = await analyze({ 'train_unet.yaml': yaml }, 'train_unet.yaml');
  assert.equal(fact(a, 'grad_accum')?.value, 4);
  assert.equal(fact(a, 'optimizer')?.value, 'adamw');
});

test('a model loaded from a parameter whose default is empty names no model', async () => {
  const code = `import fire
import torch
import transformers
from transformers import AutoModelForCausalLM


def train(base_model: str = "", micro_batch_size: int = 4, num_epochs: int = 3):
    model = AutoModelForCausalLM.from_pretrained(base_model, torch_dtype=torch.float16)
    trainer = transformers.Trainer(
        model=model,
        train_dataset=data,
        args=transformers.TrainingArguments(
            per_device_train_batch_size=micro_batch_size, num_train_epochs=num_epochs, output_dir="out"
        ),
    )
    trainer.train()


if __name__ == "__main__":
    fire.Fire(train)
`;
  const a = await analyze({ 'finetune.py': code }, 'finetune.py');
  assert.notEqual(fact(a, 'model')?.value, '');
});
