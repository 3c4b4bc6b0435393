// Hand-written training loops and stable-baselines3 scripts (round 27, loopfacts lane): a DataLoader given its
// settings through a splatted `dict(…)`, loaders returned together from a builder, and the defaults of an SB3 agent.
// Fixtures written for this project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const LOOP = (loaders: string, use = 'train_loader') => `import torch
from torch.utils.data import DataLoader
from mynet import MyNet

${loaders}
model = MyNet().cuda()
opt = torch.optim.Adam(model.parameters())
for epoch in range(10):
    for x, y in ${use}:
        loss = model(x.cuda()).mean()
        loss.backward()
        opt.step()
        opt.zero_grad()
`;

test('a DataLoader given dict(batch_size=…, num_workers=…) by ** takes those settings', async () => {
  const a = await analyze(
    {
      'train.py': LOOP(
        'BS = 32\nkw = dict(batch_size=BS, num_workers=4, pin_memory=True)\ntrain_loader = DataLoader(train_ds, shuffle=True, **kw)',
      ),
    },
    'train.py',
  );
  assert.equal(fact(a, 'micro_batch')?.value, 32);
  assert.equal(fact(a, 'num_workers')?.value, 4);
});

test('dict(…) merged with .update(dict(…)) before the call adds its keys', async () => {
  const a = await analyze(
    {
      'train.py': LOOP(
        'kw = dict(batch_size=16)\nkw.update(dict(num_workers=2))\ntrain_loader = DataLoader(train_ds, shuffle=True, **kw)',
      ),
    },
    'train.py',
  );
  assert.equal(fact(a, 'micro_batch')?.value, 16);
  assert.equal(fact(a, 'num_workers')?.value, 2);
});

test('must-not: a splatted dict built from another mapping (dict(base, …), dict(**base)) states no batch', async () => {
  for (const build of ['kw = dict(BASE, num_workers=2)', 'kw = dict(**BASE, num_workers=2)']) {
    const a = await analyze(
      { 'train.py': LOOP(`${build}\ntrain_loader = DataLoader(train_ds, shuffle=True, **kw)`) },
      'train.py',
    );
    assert.equal(fact(a, 'micro_batch')?.value ?? null, null, build);
  }
});

const BUILDER = `def build_loaders(args):
    kw = dict(batch_size=args.batch_size, num_workers=args.workers)
    return (
        DataLoader(train_ds, shuffle=shuffle_train, **kw),
        DataLoader(val_ds, shuffle=False, batch_size=256),
    )

import argparse
p = argparse.ArgumentParser()
p.add_argument("--batch-size", type=int, default=24)
p.add_argument("--workers", type=int, default=6)
args = p.parse_args()
train_loader, val_loader = build_loaders(args)
`;

test('of loaders returned together, the one over the training data set is the training loader', async () => {
  const a = await analyze({ 'train.py': LOOP(BUILDER) }, 'train.py');
  assert.equal(fact(a, 'micro_batch')?.value, 24);
  assert.equal(fact(a, 'num_workers')?.value, 6);
});

test("must-not: an evaluation loader's batch is not the training batch", async () => {
  // Two loaders, neither named nor shuffled for training, over data sets not named for training: no batch is picked.
  const src = BUILDER.replace('train_ds', 'ds_a').replace('val_ds', 'ds_b');
  const a = await analyze({ 'train.py': LOOP(src) }, 'train.py');
  assert.notEqual(fact(a, 'micro_batch')?.value, 256);
  // Over a validation set only, by name: never the training loader.
  const b = await analyze(
    {
      'train.py': LOOP(
        'val_loader = DataLoader(val_ds, batch_size=512)\ntrain_loader = DataLoader(train_ds, batch_size=8, shuffle=True)',
      ),
    },
    'train.py',
  );
  assert.equal(fact(b, 'micro_batch')?.value, 8);
});

const SB3 = (build: string, imports = 'from stable_baselines3 import PPO, DQN, SAC, A2C') => `${imports}
from stable_baselines3.common.callbacks import CheckpointCallback
from myenv import MyEnv

env = MyEnv()
${build}
model.learn(total_timesteps=1_000_000)
model.save("agent")
`;

test('a stable-baselines3 PPO agent left to its defaults: minibatch 64, one device, fp32', async () => {
  const a = await analyze({ 'train.py': SB3('model = PPO("MlpPolicy", env, verbose=1)') }, 'train.py');
  assert.equal(fact(a, 'micro_batch')?.value, 64);
  assert.equal(fact(a, 'global_batch')?.value, 64);
  assert.equal(fact(a, 'devices')?.value, 1);
  assert.notEqual(fact(a, 'devices')?.origin, 'assumed');
  assert.equal(fact(a, 'precision')?.value, 'fp32');
});

test("off-policy agents: the replay minibatch is the library's default (DQN 32, SAC 256) or the one written", async () => {
  const dqn = await analyze({ 'train.py': SB3('model = DQN("MlpPolicy", env)') }, 'train.py');
  assert.equal(fact(dqn, 'micro_batch')?.value, 32);
  const sac = await analyze({ 'train.py': SB3('model = SAC("MlpPolicy", env)') }, 'train.py');
  assert.equal(fact(sac, 'micro_batch')?.value, 256);
  const written = await analyze({ 'train.py': SB3('model = SAC("MlpPolicy", env, batch_size=512)') }, 'train.py');
  assert.equal(fact(written, 'micro_batch')?.value, 512);
  assert.equal(fact(written, 'global_batch')?.value, 512);
});

test("must-not: PPO's n_epochs are passes over each rollout, not the run's epochs", async () => {
  const a = await analyze(
    { 'train.py': SB3('model = PPO("MlpPolicy", env, n_steps=1024, batch_size=128, n_epochs=10)') },
    'train.py',
  );
  assert.equal(fact(a, 'epochs')?.value ?? null, null);
  assert.equal(fact(a, 'micro_batch')?.value, 128);
});

test('must-not: no default batch for A2C, a loaded agent, a project-own PPO class, or two agent classes', async () => {
  const a2c = await analyze({ 'train.py': SB3('model = A2C("MlpPolicy", env)') }, 'train.py');
  assert.equal(fact(a2c, 'micro_batch')?.value ?? null, null);
  const loaded = await analyze({ 'train.py': SB3('model = PPO.load("agent", env=env)') }, 'train.py');
  assert.equal(fact(loaded, 'micro_batch')?.value ?? null, null);
  assert.equal(fact(loaded, 'devices')?.value, 1);
  const own = await analyze(
    { 'train.py': SB3('model = PPO(env)', 'from agents import PPO\nfrom stable_baselines3 import DQN') },
    'train.py',
  );
  assert.notEqual(fact(own, 'micro_batch')?.value, 64);
  const two = await analyze(
    { 'train.py': SB3('model = DQN("MlpPolicy", env) if FAST else SAC("MlpPolicy", env)') },
    'train.py',
  );
  assert.equal(fact(two, 'micro_batch')?.value ?? null, null);
});

test('a learn(…) without a callback writes no checkpoint while it trains; a save only of the final agent is not periodic', async () => {
  const a = await analyze({ 'train.py': SB3('model = PPO("MlpPolicy", env)') }, 'train.py');
  assert.equal(fact(a, 'periodic_save')?.value, 'no');
});

test('must-not: learn(…) with a checkpoint callback, or repeated in a loop that saves, is not "no checkpoint"', async () => {
  const cb = SB3('model = PPO("MlpPolicy", env)').replace(
    'model.learn(total_timesteps=1_000_000)',
    'model.learn(total_timesteps=1_000_000, callback=CheckpointCallback(save_freq=10_000, save_path="ck"))',
  );
  const a = await analyze({ 'train.py': cb }, 'train.py');
  assert.notEqual(fact(a, 'periodic_save')?.value, 'no');
  const loop = SB3('model = PPO("MlpPolicy", env)').replace(
    'model.learn(total_timesteps=1_000_000)',
    'for i in range(10):\n    model.learn(total_timesteps=100_000, reset_num_timesteps=False)\n    model.save(f"agent_{i}")',
  );
  const b = await analyze({ 'train.py': loop }, 'train.py');
  assert.notEqual(fact(b, 'periodic_save')?.value, 'no');
});
