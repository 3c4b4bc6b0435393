// Issue 11: a config given alone takes one device from its repository when no file of it sets up more — also when the
// project keeps code in a folder named `env/` (an RL project's per-environment networks, not a virtual environment),
// lists a `distributed` package in its conda environment file, names its device in a config (`device: cuda`) rather
// than in code, or builds its own `Trainer` class. A virtual environment, a config that turns distribution on, a CPU
// device or Hugging Face's Trainer leave the count unknown. Fixtures written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const CONFIG = `experiment: pendulum
algorithm:
  batch_size: 256
  num_epochs: 300
  lr: 0.0003
  optimizer: adam
`;
const LEARNER = (device = '"cuda"') => `import torch


class Learner:
    def __init__(self, policy, lr, device=${device}):
        self.policy = policy.to(device)
        self.opt = torch.optim.Adam(policy.parameters(), lr=lr)

    def update(self, batch):
        loss = self.policy.loss(batch)
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        return loss.item()
`;
const RUNNER = (from = 'agents.env.learner') => `import yaml
from ${from} import Learner


def main(path):
    cfg = yaml.safe_load(open(path))
    learner = Learner(make_policy(cfg), cfg["algorithm"]["lr"])
    run(learner, cfg)
`;
const repo = (extra: Record<string, string> = {}) => ({
  'proj/README.md': 'an RL project\n',
  'proj/configs/pendulum.yaml': CONFIG,
  'proj/agents/env/learner.py': LEARNER(),
  'proj/run.py': RUNNER(),
  ...extra,
});
const devices = async (files: Record<string, string>, target = 'proj/configs/pendulum.yaml') => {
  const d = fact(await analyze(files, target), 'devices');
  return d && d.origin !== 'assumed' ? d.value : undefined;
};

test('code kept in a folder named env/ is read: the repository trains on one device', async () => {
  assert.equal(await devices(repo()), 1);
  // must not: a virtual environment named env/ (pyvenv.cfg at its top) is no code of the project.
  assert.equal(await devices(repo({ 'proj/agents/env/pyvenv.cfg': 'home = /usr/bin\n' })), undefined);
});

test("a conda environment file's distributed package is no multi-device setting", async () => {
  const env = 'name: seg\nchannels:\n  - pytorch\ndependencies:\n  - python=3.7\n  - distributed=2021.3.0=py37_0\n';
  assert.equal(await devices(repo({ 'proj/environment.yml': env })), 1);
  // must not: a config of the repository that turns distribution on.
  assert.equal(await devices(repo({ 'proj/configs/big.yaml': `${CONFIG}distributed: true\n` })), undefined);
});

test('a device named in a config (device: cuda) is the one device of a repository whose code names none', async () => {
  const files = (device: string) =>
    repo({
      'proj/agents/env/learner.py': LEARNER('None'),
      'proj/configs/pendulum.yaml': `${CONFIG}device: ${device}\n`,
    });
  assert.equal(await devices(files('cuda')), 1);
  // must not: the config names the CPU.
  assert.equal(await devices(files('cpu')), undefined);
});

test("a repository's own Trainer class is not Hugging Face's", async () => {
  const trainer = LEARNER().replace('class Learner:', 'class Trainer:');
  const files = (runner: string) =>
    repo({ 'proj/agents/env/learner.py': trainer, 'proj/run.py': runner.replace(/Learner/g, 'Trainer') });
  assert.equal(await devices(files(RUNNER())), 1);
  // must not: the runner builds Hugging Face's Trainer.
  assert.equal(await devices(files(RUNNER('transformers'))), undefined);
});
