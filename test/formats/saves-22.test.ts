// Checkpoint cadence and run length of hand-written loops and their job files (development round 22): a run-wide
// counter written `it = it + 1` under an epoch loop computed from the step budget, a periodic save beside a best-model
// save under the evaluation's cadence, a job file whose scheduler directive names the folder it runs in. Fixtures
// written for these tests in the style of semi-supervised segmentation repositories.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const value = (f: { value: unknown } | undefined) => f?.value ?? null;

const SEG = `import argparse
import torch
from torch.utils.data import DataLoader

parser = argparse.ArgumentParser()
parser.add_argument('--max_iterations', type=int, default=20000, help='maximum iterations to train')
parser.add_argument('--batch_size', type=int, default=8)
args = parser.parse_args()


def evaluate(model):
    return 0.5


def train(args):
    max_iterations = args.max_iterations
    model = torch.nn.Conv2d(1, 2, 3).cuda()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    loader = DataLoader(range(100), batch_size=args.batch_size, shuffle=True)
    iter_num = 0
    best = 0.0
    max_epoch = max_iterations // len(loader) + 1
    for epoch_num in range(max_epoch):
        for batch in loader:
            loss = model(batch).mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            iter_num = iter_num + 1
            if iter_num % 200 == 0:
                score = evaluate(model)
                if score > best:
                    best = score
                    torch.save(model.state_dict(), 'best_model.pth')
            if iter_num % 2500 == 0:
                torch.save(model.state_dict(), 'iter_%d.pth' % iter_num)
            if iter_num >= max_iterations:
                break
        if iter_num >= max_iterations:
            break


if __name__ == '__main__':
    train(args)
`;

test('a counter written `iter_num = iter_num + 1` counts over the whole run: the break at the budget is max_steps', async () => {
  const a = await analyze({ 'train.py': SEG }, 'train.py');
  assert.equal(value(fact(a, 'max_steps')), 20000);
  // The epoch loop's bound is computed from that budget: no epoch count is claimed.
  assert.equal(value(fact(a, 'epochs')), null);
});

test('a counter set anew inside the epoch loop restarts every epoch: no run-wide step budget', async () => {
  const reset = SEG.replace('        for batch in loader:\n', '        iter_num = 0\n        for batch in loader:\n');
  const a = await analyze({ 'train.py': reset }, 'train.py');
  assert.equal(value(fact(a, 'max_steps')), null);
});

const CONFIG = `from yacs.config import CfgNode as CN

_C = CN()
_C.TRAIN = CN()
_C.TRAIN.EPOCHS = 300


def get_config(args):
    return _C.clone()
`;

test('the epoch count of a config module the script imports does not stand for the loop computed from the budget', async () => {
  const script = SEG.replace('import torch\n', 'import torch\nfrom config import get_config\n').replace(
    'args = parser.parse_args()\n',
    'args = parser.parse_args()\nconfig = get_config(args)\n',
  );
  const a = await analyze({ 'train.py': script, 'config.py': CONFIG }, 'train.py');
  assert.equal(value(fact(a, 'max_steps')), 20000);
  assert.equal(value(fact(a, 'epochs')), null);
  // Where the loop reads no budget, the config's count still fills the unread epoch loop.
  const noBudget = script.replace(/ {12}if iter_num >= max_iterations:\n {16}break\n/, '');
  const b = await analyze({ 'train.py': noBudget, 'config.py': CONFIG }, 'train.py');
  assert.equal(value(fact(b, 'max_steps')), null);
  assert.equal(value(fact(b, 'epochs')), 300);
});

test('the periodic save sets the cadence, not the best-model save under the evaluation interval', async () => {
  const a = await analyze({ 'train.py': SEG }, 'train.py');
  assert.equal(value(fact(a, 'periodic_save')), 'steps');
  assert.equal(value(fact(a, 'save_steps')), 2500);
});

test('a save every N steps to a file named "best" is still a periodic save, and keeps its cadence', async () => {
  // No best-value test guards it: written every 200 steps whatever the score.
  const every = SEG.replace(
    '                score = evaluate(model)\n                if score > best:\n                    best = score\n                    torch.save',
    '                torch.save',
  );
  const a = await analyze({ 'train.py': every }, 'train.py');
  assert.equal(value(fact(a, 'save_steps')), 200);
});

const JOB = (wd: string) => `#$ -l tmem=40G
#$ -l gpu=true
#$ -S /bin/bash
#$ -wd ${wd}

~/miniconda3/envs/torch/bin/python train.py \\
--max_iterations 6000 \\
--batch_size 4
`;

test('a Grid Engine job whose `-wd` folder ends in a folder of this tree runs the script there', async () => {
  const files = { 'README.md': '# seg\n', 'code/train.py': SEG, 'jobs/seg1.sh': JOB('/SAN/lab/codes/Seg/code/') };
  const a = await analyze(files, 'jobs/seg1.sh');
  assert.equal(value(fact(a, 'max_steps')), 6000);
  // Read from the script's loop, not from the command's flags alone.
  assert.equal(value(fact(a, 'save_steps')), 2500);
  // Slurm's --chdir says the same.
  const slurm =
    '#!/bin/bash\n#SBATCH --gres=gpu:1\n#SBATCH --chdir=/home/me/Seg/code\npython train.py --max_iterations 6000\n';
  const b = await analyze({ ...files, 'jobs/seg2.sh': slurm }, 'jobs/seg2.sh');
  assert.equal(value(fact(b, 'save_steps')), 2500);
});

test('a `-wd` folder that is not in this tree finds no script of that name elsewhere', async () => {
  const files = { 'README.md': '# seg\n', 'code/train.py': SEG, 'jobs/seg1.sh': JOB('/SAN/lab/codes/Seg/other/') };
  const a = await analyze(files, 'jobs/seg1.sh');
  assert.equal(value(fact(a, 'save_steps')), null);
});

const PHASES = `import argparse
import torch

parser = argparse.ArgumentParser()
parser.add_argument('--epochs', type=int, default=25)
args = parser.parse_args()
model = torch.nn.Linear(8, 2).cuda()
optimizer = torch.optim.SGD(model.parameters(), lr=0.001, momentum=0.9)
loaders = {'train': torch.utils.data.DataLoader(range(64), batch_size=4), 'val': torch.utils.data.DataLoader(range(8))}


def train_model(model, num_epochs):
    for epoch in range(num_epochs):
        for phase in ['train', 'val']:
            model.train(phase == 'train')
            for inputs in loaders[phase]:
                loss = model(inputs).sum()
                if phase == 'train':
                    optimizer.zero_grad()
                    loss.backward()
                    optimizer.step()
        torch.save(model.state_dict(), 'last.pth')


train_model(model, args.epochs)
`;

test('a loop over named phases inside the epoch loop is no epoch loop: the epochs are the loop around it', async () => {
  const a = await analyze({ 'train.py': PHASES }, 'train.py');
  assert.equal(value(fact(a, 'epochs')), 25);
  assert.equal(value(fact(a, 'periodic_save')), 'epoch');
});

test('with no epoch loop around the phases, the run is one pass over the data, not an unknown count', async () => {
  const once = PHASES.replace('    for epoch in range(num_epochs):\n', '    if True:\n');
  const a = await analyze({ 'train.py': once }, 'train.py');
  assert.equal(value(fact(a, 'epochs')), 1);
});

const CONF = `[Data]
num_of_vertices = 307

[Training]
batch_size = 32
epochs = 80
learning_rate = 0.001
`;

test('a configparser file a script reads by default (`--config x.conf`) fills what its loop reads of it', async () => {
  const script = `import argparse
import configparser
import torch

parser = argparse.ArgumentParser()
parser.add_argument('--config', default='configurations/traffic.conf', type=str)
args = parser.parse_args()
config = configparser.ConfigParser()
config.read(args.config)
training_config = config['Training']
epochs = int(training_config['epochs'])
batch_size = int(training_config['batch_size'])
model = torch.nn.Linear(4, 1).cuda()
optimizer = torch.optim.Adam(model.parameters())
loader = torch.utils.data.DataLoader(range(100), batch_size=batch_size)
for epoch in range(epochs):
    for x in loader:
        loss = model(x).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;
  const a = await analyze({ 'train.py': script, 'configurations/traffic.conf': CONF }, 'train.py');
  assert.equal(value(fact(a, 'epochs')), 80);
  // A `.conf` file that is no INI (a bare list of options) states nothing.
  const b = await analyze({ 'train.py': script, 'configurations/traffic.conf': '--epochs 80\n' }, 'train.py');
  assert.equal(value(fact(b, 'epochs')), null);
});

const KOHYA = (epochs: string) => `[Basics]
pretrained_model_name_or_path = "/models/base.safetensors"
train_data_dir = "/data/images"
max_train_steps = 8000
${epochs}

[Save]
save_every_n_epochs = 1

[Optimizer]
train_batch_size = 4
optimizer_type = "AdamW"
unet_lr = 1e-4
`;

test('kohya sd-scripts: max_train_epochs replaces max_train_steps, so the steps written beside it are no budget', async () => {
  const a = await analyze({ 'lora.toml': KOHYA('max_train_epochs = 6') }, 'lora.toml');
  assert.equal(value(fact(a, 'epochs')), 6);
  assert.equal(value(fact(a, 'max_steps')), null);
  // Without max_train_epochs the steps bound the run.
  const b = await analyze({ 'lora.toml': KOHYA('') }, 'lora.toml');
  assert.equal(value(fact(b, 'max_steps')), 8000);
  // An epoch count under another name (a trainer where the steps win) leaves the steps alone.
  const c = await analyze({ 'lora.toml': KOHYA('num_train_epochs = 6') }, 'lora.toml');
  assert.equal(value(fact(c, 'max_steps')), 8000);
});

const EPOCH_FN = `import torch


def train_one_epoch(loader, model, optimizer, epoch):
    model.train()
    for x in loader:
        loss = model(x).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;
const MAIN = `import torch
import Config as config
from engine import train_one_epoch


def main_loop():
    model = torch.nn.Linear(4, 1).cuda()
    optimizer = torch.optim.Adam(model.parameters(), lr=config.learning_rate)
    loader = torch.utils.data.DataLoader(range(64), batch_size=config.batch_size)
    for epoch in range(config.epochs):
        train_one_epoch(loader, model, optimizer, epoch)


if __name__ == '__main__':
    main_loop()
`;
const SETTINGS = 'learning_rate = 1e-3\nbatch_size = 4\nepochs = 2000\n';

test('a loop around an imported epoch function, bounded by an imported config module, runs that many epochs', async () => {
  const files = { 'train_model.py': MAIN, 'engine.py': EPOCH_FN, 'Config.py': SETTINGS };
  const a = await analyze(files, 'train_model.py');
  assert.equal(value(fact(a, 'epochs')), 2000);
  // A script that sets the count itself before the loop: the module's constant is not the run's.
  const set = MAIN.replace('def main_loop():\n', 'def main_loop():\n    config.epochs = 3 * len(range(7))\n');
  const b = await analyze({ ...files, 'train_model.py': set }, 'train_model.py');
  assert.notEqual(value(fact(b, 'epochs')), 2000);
});

const RL_LAUNCH = (budget: string) => `python train.py \\
    env=lunarlander \\
    algorithm=ppo \\
    ${budget} \\
    algorithm.K_epochs=30 \\
    algorithm.gamma=0.98 \\
    train.save_frequency=10 \\
    train.learning_rate=0.0003 \\
    buffer.batch_size=512
`;

test('a reinforcement-learning run counted in timesteps saves every N iterations, not every N optimizer steps', async () => {
  const a = await analyze({ 'run_ppo.sh': RL_LAUNCH('train.total_timesteps=500') }, 'run_ppo.sh');
  assert.equal(value(fact(a, 'periodic_save')), 'steps');
  assert.equal(value(fact(a, 'save_steps')), null);
  // Evaluation episodes are no budget of the run: the interval stays a step cadence.
  const b = await analyze({ 'run_ppo.sh': RL_LAUNCH('train.num_eval_episodes=5') }, 'run_ppo.sh');
  assert.equal(value(fact(b, 'save_steps')), 10);
  // A timestep count with no environment, discount or replay buffer is no episode budget (a diffusion schedule).
  const plain = RL_LAUNCH('train.total_timesteps=500').replace(/ {4}(env|algorithm\.gamma)=[^\n]*\n/g, '');
  const c = await analyze({ 'run_ppo.sh': plain }, 'run_ppo.sh');
  assert.equal(value(fact(c, 'save_steps')), 10);
});
