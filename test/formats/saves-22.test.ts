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
