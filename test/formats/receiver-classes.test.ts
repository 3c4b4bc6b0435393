// A script that only plays episodes with a trained agent is no training run, though the environment it steps has a
// `step` method and so has the agent's class (engine/link/receiver-classes.ts). Scripts that call the agent's own
// training method keep their run. Fixtures written for these tests.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyze } from './helpers';

const ownRuns = async (files: Record<string, string>, target: string) => {
  const a = await analyze(files, target);
  return [...a.runs, ...(a.linked ?? [])].filter((r) => r.plan.entry.file.endsWith(target));
};

const AGENT = `import random
import torch
import torch.nn.functional as F
import torch.optim as optim
from network import PolicyNet
from memory import Memory

class Learner:
    def __init__(self, n_obs, n_act):
        self.net = PolicyNet(n_obs, n_act)
        self.target = PolicyNet(n_obs, n_act)
        self.opt = optim.Adam(self.net.parameters(), lr=5e-4)
        self.memory = Memory(50000, 128)
        self.t = 0

    def step(self, obs, act, reward, next_obs, done):
        self.memory.push(obs, act, reward, next_obs, done)
        self.t = (self.t + 1) % 4
        if self.t == 0 and len(self.memory) > 128:
            self.learn(self.memory.sample(), 0.99)

    def act(self, obs, eps=0.0):
        x = torch.from_numpy(obs).float().unsqueeze(0)
        with torch.no_grad():
            q = self.net(x)
        return int(q.argmax()) if random.random() > eps else random.randrange(q.shape[1])

    def learn(self, batch, gamma):
        obs, act, reward, next_obs, done = batch
        target = reward + gamma * self.target(next_obs).max(1)[0].unsqueeze(1) * (1 - done)
        loss = F.mse_loss(self.net(obs).gather(1, act), target)
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
`;

const MODULES = {
  'learner.py': AGENT,
  'network.py': `import torch.nn as nn

class PolicyNet(nn.Module):
    def __init__(self, n_obs, n_act):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(n_obs, 64), nn.ReLU(), nn.Linear(64, n_act))

    def forward(self, x):
        return self.body(x)
`,
  'memory.py': `import random
from collections import deque

class Memory:
    def __init__(self, size, batch):
        self.items = deque(maxlen=size)
        self.batch = batch

    def push(self, *item):
        self.items.append(item)

    def sample(self):
        return random.sample(self.items, self.batch)

    def __len__(self):
        return len(self.items)
`,
};

const PLAY = `import torch
import gymnasium as gym
from learner import Learner

env = gym.make("CartPole-v1", render_mode="human")
learner = Learner(4, 2)
learner.net.load_state_dict(torch.load("weights/policy.pt"))

for episode in range(5):
    obs, _ = env.reset()
    total = 0.0
    for t in range(500):
        action = learner.act(obs)
        obs, reward, terminated, truncated, _ = env.step(action)
        total += reward
        if terminated or truncated:
            break
    print(episode, total)
env.close()
`;

test('a script that plays episodes with a trained agent is no training run', async () => {
  const files = { ...MODULES, 'play.py': PLAY };
  assert.equal((await ownRuns(files, 'play.py')).length, 0);
});

test('a play script whose environment is a repository class with its own step method is no training run', async () => {
  const files = {
    ...MODULES,
    'grid.py': `import numpy as np

class GridWorld:
    def __init__(self, size=6):
        self.size = size
        self.pos = np.zeros(2)

    def reset(self):
        self.pos = np.zeros(2)
        return self.pos.copy()

    def step(self, action):
        self.pos = np.clip(self.pos + [(0, 1), (1, 0), (0, -1), (-1, 0)][action], 0, self.size - 1)
        done = bool((self.pos == self.size - 1).all())
        return self.pos.copy(), float(done), done
`,
    'evaluate.py': `import torch
from grid import GridWorld
from learner import Learner

world = GridWorld()
learner = Learner(2, 4)
learner.net.load_state_dict(torch.load("checkpoint.pth"))
for i in range(10):
    obs = world.reset()
    for j in range(200):
        obs, reward, done = world.step(learner.act(obs))
        if done:
            break
`,
  };
  assert.equal((await ownRuns(files, 'evaluate.py')).length, 0);
});

test('must not: a script that steps the environment and the agent trains, from scratch or from a checkpoint', async () => {
  const train = PLAY.replace('render_mode="human"', '')
    .replace('        action = learner.act(obs)\n', '        action = learner.act(obs, 0.1)\n')
    .replace(
      '        total += reward\n',
      '        learner.step(prev, action, reward, obs, terminated)\n        total += reward\n',
    )
    .replace('    for t in range(500):\n', '    prev = obs\n    for t in range(500):\n');
  assert.match(train, /learner\.step\(/);
  // It also starts from saved weights (a fine-tune): still a run.
  const files = { ...MODULES, 'train_agent.py': train };
  assert.equal((await ownRuns(files, 'train_agent.py')).length, 1);
});

test("must not: the agent's training method inherited from a base class, or an agent built by a factory, still trains", async () => {
  const sub = {
    ...MODULES,
    'dqn_agent.py': `from learner import Learner

class DoubleLearner(Learner):
    def act(self, obs, eps=0.0):
        return super().act(obs, eps)
`,
    'run.py': `import gymnasium as gym
from dqn_agent import DoubleLearner

env = gym.make("LunarLander-v2")
agent = DoubleLearner(8, 4)
for episode in range(1000):
    obs, _ = env.reset()
    for t in range(1000):
        action = agent.act(obs, 0.05)
        nxt, reward, terminated, truncated, _ = env.step(action)
        agent.step(obs, action, reward, nxt, terminated)
        obs = nxt
        if terminated:
            break
`,
  };
  assert.equal((await ownRuns(sub, 'run.py')).length, 1);
  const factory = {
    ...MODULES,
    'build.py': `from learner import Learner

def make_learner(n_obs, n_act):
    return Learner(n_obs, n_act)
`,
    'run.py': sub['run.py']
      .replace('from dqn_agent import DoubleLearner', 'from build import make_learner')
      .replace('DoubleLearner(8, 4)', 'make_learner(8, 4)'),
  };
  assert.equal((await ownRuns(factory, 'run.py')).length, 1);
});

/** A notebook of code cells (nbformat 4). */
const notebook = (...cells: string[]) =>
  JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: cells.map((c) => ({ cell_type: 'code', metadata: {}, outputs: [], execution_count: null, source: c })),
  });

test('a demonstration notebook that watches the trained agent is no run; one that trains then plots is', async () => {
  const [head, loop] = PLAY.split('for episode in range(5):\n');
  const demo = notebook(head, `for episode in range(5):\n${loop}`);
  assert.equal((await ownRuns({ ...MODULES, 'demonstration.ipynb': demo }, 'demonstration.ipynb')).length, 0);
  const trains = notebook(
    'import gymnasium as gym\nimport matplotlib.pyplot as plt\nfrom learner import Learner\n\nenv = gym.make("CartPole-v1")\nlearner = Learner(4, 2)',
    `scores = []
for episode in range(2000):
    obs, _ = env.reset()
    total = 0.0
    for t in range(500):
        action = learner.act(obs, 0.1)
        nxt, reward, terminated, truncated, _ = env.step(action)
        learner.step(obs, action, reward, nxt, terminated)
        obs = nxt
        total += reward
        if terminated or truncated:
            break
    scores.append(total)`,
    'plt.plot(scores)\nplt.show()',
  );
  assert.equal((await ownRuns({ ...MODULES, 'training.ipynb': trains }, 'training.ipynb')).length, 1);
});
