// Launchers whose training command is not a line of their own: a job script handed to SLURM as text (`sbatch <<EOF`,
// `… <<'EOF' | sbatch`, `cat > job <<EOF` then `sbatch job`, `sbatch --wrap="…"`), a script that sources the one that
// trains (`source shell_scripts/x.sh`), a command run in the project's environment (`uv run train.py`), and a Hydra
// script's loop bound when a launcher runs it. Fixtures written for this project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseShell } from '../../engine/parse/shell';
import { analyze, fact } from './helpers';

const TRAIN = [
  'import argparse',
  'import torch',
  'parser = argparse.ArgumentParser()',
  'parser.add_argument("--epochs", type=int, default=7)',
  'parser.add_argument("--batch_size", type=int, default=32)',
  'args = parser.parse_args()',
  'model = torch.nn.Linear(10, 2).cuda()',
  'opt = torch.optim.SGD(model.parameters(), lr=0.1)',
  'loader = torch.utils.data.DataLoader(list(range(100)), batch_size=args.batch_size)',
  'for epoch in range(args.epochs):',
  '    for x in loader:',
  '        loss = model(x).sum()',
  '        loss.backward()',
  '        opt.step()',
  '        opt.zero_grad()',
  '',
].join('\n');

test('a job script piped to sbatch from a heredoc: its #SBATCH lines and its command are the launcher’s run', async () => {
  const submit = [
    'NODES=1',
    'GPUS=2',
    'mkdir -p logs',
    'sed -e "s|\\$GPUS|$GPUS|" << \'EOF\' | sbatch',
    '#!/bin/bash',
    '#SBATCH --nodes $NODES',
    '#SBATCH --gres=gpu:a100:$GPUS',
    'srun python train.py --epochs 3',
    'EOF',
    '',
  ].join('\n');
  const a = await analyze({ 'submit.sh': submit, 'train.py': TRAIN }, 'submit.sh');
  assert.equal(fact(a, 'epochs')?.value, 3);
  assert.equal(fact(a, 'micro_batch')?.value, 32, "the script's default");
  assert.equal(fact(a, 'hardware')?.value, 'a100');
});

test('sbatch <<EOF: the heredoc is the job; a heredoc written to a file nothing runs is not', () => {
  const s = parseShell(
    [
      'sbatch --time=1:00:00 <<- EOF',
      '#SBATCH --gres=gpu:8',
      'bash run.sh',
      'EOF',
      'cat > notes.txt <<EOF',
      'python train.py --epochs 100',
      'EOF',
      '',
    ].join('\n'),
  );
  const heads = s.commands.map((c) => c.words[0]?.text);
  assert.deepEqual(heads, ['sbatch', 'bash', 'cat']);
  assert.deepEqual(
    s.commands[1].submit?.map((w) => w.text),
    ['sbatch', '--time=1:00:00'],
  );
  assert.ok(s.comments.some((c) => c.text === '#SBATCH --gres=gpu:8'));
});

test('a job file written with cat > $name <<EOF and submitted with sbatch $name: its command is read', async () => {
  const launcher = [
    'script_name="ft_job"',
    'cat >$script_name <<EOD',
    '#!/bin/bash',
    '#SBATCH --gres=gpu:4',
    'srun python train.py --epochs 2',
    'EOD',
    'chmod +x $script_name',
    'sbatch $script_name',
    '',
  ].join('\n');
  const a = await analyze({ 'slurm_ft.sh': launcher, 'train.py': TRAIN }, 'slurm_ft.sh');
  assert.equal(fact(a, 'epochs')?.value, 2);
  // Written but never run or submitted: no run.
  const unused = launcher.replace('sbatch $script_name', 'echo written');
  const b = await analyze({ 'slurm_ft.sh': unused, 'train.py': TRAIN }, 'slurm_ft.sh');
  assert.equal(b.runs.length + (b.linked?.length ?? 0), 0);
});

test('sbatch --wrap="…": the wrapped command runs, on the allocation the sbatch options request', async () => {
  const launcher = [
    'sbatch --job-name=training \\',
    '  --gres=gpu:v100:1 \\',
    '  --time=20:00:00 \\',
    '  --wrap="module purge; module load pytorch-gpu; python3 -m src.train --epochs 4"',
    '',
  ].join('\n');
  const a = await analyze({ 'scripts/training.sh': launcher, 'src/train.py': TRAIN }, 'scripts/training.sh');
  assert.equal(fact(a, 'epochs')?.value, 4);
  assert.equal(fact(a, 'hardware')?.value, 'v100');
  assert.equal(fact(a, 'devices')?.value, 1);
});

test('source x.sh runs the sourced script’s training command; a sourced file of variables adds no run', async () => {
  const files = {
    'run.sh': ['{', '    set -e', '    export exp_name="resume"', '    source shell_scripts/train_a.sh', '}', ''].join(
      '\n',
    ),
    'shell_scripts/train_a.sh': 'python train.py \\\n    --epochs 5 \\\n    --batch_size "$exp_name"\n',
    'train.py': TRAIN,
  };
  const a = await analyze(files, 'run.sh');
  assert.equal(fact(a, 'epochs')?.value, 5);
  const env = {
    'job.sh': '. ./env.sh\npython train.py --epochs $EPOCHS\n',
    'env.sh': 'EPOCHS=9\nexport DATA=/data\n',
    'train.py': TRAIN,
  };
  const b = await analyze(env, 'job.sh');
  assert.equal(fact(b, 'epochs')?.value, 9);
});

test('uv run [options] train.py runs the script with the project’s Python; uv run of another tool is no run', async () => {
  const a = await analyze(
    { 'scripts/train.sh': 'uv run --python 3.11 train.py --epochs 6\n', 'train.py': TRAIN },
    'scripts/train.sh',
  );
  assert.equal(fact(a, 'epochs')?.value, 6);
  const b = await analyze(
    { 'scripts/train.sh': 'poetry run python train.py --epochs 8\n', 'train.py': TRAIN },
    'scripts/train.sh',
  );
  assert.equal(fact(b, 'epochs')?.value, 8);
  const c = await analyze({ 'scripts/lint.sh': 'uv run ruff check train.py\n', 'train.py': TRAIN }, 'scripts/lint.sh');
  assert.equal(c.runs.length + (c.linked?.length ?? 0), 0);
});

const HYDRA = [
  'import hydra',
  'import torch',
  '@hydra.main(config_path="config", config_name="config", version_base=None)',
  'def main(cfg):',
  '    model = torch.nn.Linear(4, 4).cuda()',
  '    opt = torch.optim.AdamW(model.parameters(), lr=cfg.training.lr)',
  '    for it in range(cfg.training.max_iters):',
  '        loss = model(torch.randn(8, 4).cuda()).sum()',
  '        loss.backward()',
  '        opt.step()',
  '        opt.zero_grad()',
  'if __name__ == "__main__":',
  '    main()',
  '',
].join('\n');

test('a launcher running a Hydra script: the loop bound from the composed config, or the override it passes', async () => {
  const files = {
    'config/config.yaml': 'defaults:\n  - training: default\n  - _self_\n',
    'config/training/default.yaml': 'lr: 0.0003\nmax_iters: 5000\n',
    'train.py': HYDRA,
    'scripts/sweep.sh': 'python train.py --multirun model.n_layer=6,8\n',
  };
  const a = await analyze(files, 'scripts/sweep.sh');
  assert.equal(fact(a, 'max_steps')?.value, 5000);
  const b = await analyze(
    { ...files, 'scripts/sweep.sh': 'python train.py training.max_iters=100\n' },
    'scripts/sweep.sh',
  );
  assert.equal(fact(b, 'max_steps')?.value, 100);
});

test('#SBATCH --constraint="[v100]" names the GPU; a choice between features names none', async () => {
  const job = (c: string) => `#!/bin/bash\n#SBATCH --gres=gpu:1\n#SBATCH --constraint=${c}\npython train.py\n`;
  const a = await analyze({ 'job.sh': job('"[v100]"'), 'train.py': TRAIN }, 'job.sh');
  assert.equal(fact(a, 'hardware')?.value, 'v100');
  const b = await analyze({ 'job.sh': job('"[v100|a100]"'), 'train.py': TRAIN }, 'job.sh');
  assert.notEqual(b.runs.length + (b.linked?.length ?? 0), 0);
  assert.equal(fact(b, 'hardware')?.value ?? null, null);
});

test('a launcher running a script that reads its run length from a config module keeps that value', async () => {
  const script = [
    'import torch',
    'from configs import configs as cfg',
    'model = torch.nn.Linear(4, 2).cuda()',
    'opt = torch.optim.SGD(model.parameters(), lr=0.1)',
    'loader = torch.utils.data.DataLoader(list(range(64)), batch_size=cfg.batch_size)',
    'for epoch in range(cfg.epochs):',
    '    for x in loader:',
    '        model(x).sum().backward()',
    '        opt.step()',
    '',
  ].join('\n');
  const files = {
    'run.sh': 'python train.py --hf_repo me/model\n',
    'train.py': script,
    'configs/__init__.py': '',
    'configs/configs.py': 'batch_size = 16\nepochs = 2\n',
  };
  const a = await analyze(files, 'run.sh');
  assert.equal(fact(a, 'epochs')?.value, 2);
  // Bound twice in the module with different values: which one the run reads is not known here.
  const twice = { ...files, 'configs/configs.py': 'batch_size = 16\nepochs = 2\nif FAST:\n    epochs = 1\n' };
  const b = await analyze(twice, 'run.sh');
  assert.equal(fact(b, 'epochs')?.value ?? null, null);
});

const TRAINER = (bound: string) =>
  [
    'import argparse',
    'import torch',
    'class Trainer:',
    '    def __init__(self, args):',
    '        self.num_epochs = args.num_epochs',
    '        self.epoch_count = len(open("schedule.txt").readlines())',
    '        self.model = torch.nn.Linear(4, 2).cuda()',
    '        self.opt = torch.optim.Adam(self.model.parameters())',
    '    def train(self):',
    `        for epoch in range(${bound}):`,
    '            loss = self.model(torch.randn(2, 4).cuda()).sum()',
    '            loss.backward()',
    '            self.opt.step()',
    'if __name__ == "__main__":',
    '    p = argparse.ArgumentParser()',
    '    p.add_argument("--num_epochs", type=int)',
    '    Trainer(p.parse_args()).train()',
    '',
  ].join('\n');

test('an open loop bound takes the flag the launcher passes for the name it reads, and no other', async () => {
  const launcher = 'python -m pkg.train \\\n    --num_epochs 30 \\\n    --batch_size 1\n';
  const a = await analyze(
    { 'scripts/train.sh': launcher, 'pkg/train.py': TRAINER('self.num_epochs + 1') },
    'scripts/train.sh',
  );
  assert.equal(fact(a, 'epochs')?.value, 30);
  const b = await analyze(
    { 'scripts/train.sh': launcher, 'pkg/train.py': TRAINER('self.epoch_count') },
    'scripts/train.sh',
  );
  assert.equal(fact(b, 'epochs')?.value ?? null, null);
});

const YAML_SCRIPT = (key: string) =>
  [
    'import sys',
    'import yaml',
    'import torch',
    'cfg = yaml.safe_load(open(sys.argv[1]))',
    'model = torch.nn.Linear(4, 2).cuda()',
    'opt = torch.optim.Adam(model.parameters())',
    `for epoch in range(cfg['training']['${key}']):`,
    '    loss = model(torch.randn(2, 4).cuda()).sum()',
    '    loss.backward()',
    '    opt.step()',
    '',
  ].join('\n');

test('an open loop bound takes the value of the key it reads in the config the launcher names', async () => {
  const files = {
    'scripts/cnn.sh': 'config=configs/cnn.yaml\nsrun python train.py $config\n',
    'configs/cnn.yaml': 'training:\n  batch_size: 64\n  n_epochs: 20\n',
  };
  const a = await analyze({ ...files, 'train.py': YAML_SCRIPT('n_epochs') }, 'scripts/cnn.sh');
  assert.equal(fact(a, 'epochs')?.value, 20);
  const b = await analyze({ ...files, 'train.py': YAML_SCRIPT('n_rounds') }, 'scripts/cnn.sh');
  assert.notEqual(fact(b, 'epochs')?.value, 20);
});
