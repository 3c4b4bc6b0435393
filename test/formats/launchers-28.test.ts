// Launchers, session 28: a process wrapper before the training command (`taskset`, `numactl`, `nohup` after the
// command's variables, `timeout`, `nice`, `stdbuf`). Fixtures written for this project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseShell } from '../../engine/parse/shell';
import { analyze, launchedFact } from './helpers';

const SCRIPT = [
  'import argparse',
  'import torch',
  'p = argparse.ArgumentParser()',
  "p.add_argument('--epochs', type=int, default=5)",
  "p.add_argument('--batch-size', type=int, default=32)",
  'args = p.parse_args()',
  'model = torch.nn.Linear(4, 2).cuda()',
  'opt = torch.optim.SGD(model.parameters(), lr=0.1)',
  'loader = torch.utils.data.DataLoader(list(range(64)), batch_size=args.batch_size)',
  'for epoch in range(args.epochs):',
  '    for x in loader:',
  '        opt.zero_grad()',
  '        model(x).sum().backward()',
  '        opt.step()',
  '',
].join('\n');

const first = (line: string) => parseShell(line).commands.map((c) => c.words[0]?.text);

test('shell: a process wrapper runs the command after its options and operand', () => {
  for (const line of [
    'taskset -c 0-3 python train.py --epochs 3',
    'taskset 0x3 python train.py',
    'numactl --cpunodebind=0 --membind 0 python train.py',
    'numactl -N 1 -m 1 torchrun --nproc_per_node 2 train.py',
    'timeout -s KILL 48h python train.py',
    'nice -n 10 python train.py',
    'ionice -c 3 python train.py',
    'stdbuf -oL python train.py | tee log.txt',
    'chrt -f 10 python train.py',
  ])
    assert.match(first(line)[0] ?? '', /^(python|torchrun)$/, line);
});

test('shell: variables written before `nohup` (or another wrapper) are the command environment', () => {
  const s = parseShell('CUDA_VISIBLE_DEVICES=0,1 nohup python -u train.py --epochs 3 > log.txt 2>&1 &\n');
  assert.equal(s.commands[0]?.words[0]?.text, 'python');
  assert.equal(s.commands[0]?.env.get('CUDA_VISIBLE_DEVICES'), '0,1');
  const t = parseShell('OMP_NUM_THREADS=4 taskset -c 0-3 env CUDA_VISIBLE_DEVICES=2 python train.py\n');
  assert.equal(t.commands[0]?.words[0]?.text, 'python');
  assert.equal(t.commands[0]?.env.get('CUDA_VISIBLE_DEVICES'), '2');
});

test('shell: a wrapper that launches nothing stays its own command', () => {
  // taskset -p changes a running process; a wrapper with nothing after it runs nothing.
  assert.deepEqual(first('taskset -p 0x3 1234'), ['taskset']);
  assert.deepEqual(first('timeout 10'), ['timeout']);
  assert.deepEqual(first('nice'), ['nice']);
});

test('launcher: `taskset -c … python train.py --epochs 3` starts the run with its flags', async () => {
  const files = { 'train.py': SCRIPT, 'run.sh': 'taskset -c 0-2 \\\npython train.py --epochs 3\n' };
  const a = await analyze(files, 'run.sh');
  assert.equal(launchedFact(a, 'epochs')?.value, 3);
});

test('launcher: `CUDA_VISIBLE_DEVICES=0,1 nohup python …` runs on what it makes visible', async () => {
  const files = {
    'train.py': SCRIPT.replace('model = torch.nn.Linear(4, 2).cuda()', 'model = torch.nn.DataParallel(Net()).cuda()'),
    'run.sh': 'CUDA_VISIBLE_DEVICES=0,1 nohup python train.py --batch-size 16 > out.log 2>&1 &\n',
  };
  const a = await analyze(files, 'run.sh');
  // DataParallel splits the loader's batch of 16 over the two visible GPUs.
  assert.equal(launchedFact(a, 'global_batch')?.value, 16);
  assert.equal(launchedFact(a, 'devices')?.value, 2);
});

test('launcher: a wrapper inside a SLURM job step (`srun numactl … python`) starts the run', async () => {
  const files = {
    'train.py': SCRIPT,
    'job.sbatch': '#!/bin/bash\n#SBATCH --gres=gpu:1\nsrun numactl --cpunodebind=0 python train.py --epochs 4\n',
  };
  const a = await analyze(files, 'job.sbatch');
  assert.equal(launchedFact(a, 'epochs')?.value, 4);
});

// A script whose loop runs `args.epochs` epochs and hands `--max-iters` to its optimizer (inner iterations).
const INNER_ITERS = SCRIPT.replace(
  "p.add_argument('--batch-size', type=int, default=32)",
  "p.add_argument('--batch-size', type=int, default=32)\np.add_argument('--max-iters', type=int, default=10)",
).replace(
  'opt = torch.optim.SGD(model.parameters(), lr=0.1)',
  'opt = InnerSolver(\n    model.parameters(),\n    lr=0.1,\n    max_iters=args.max_iters,\n)\nprint("inner: {}".format(args.max_iters))',
);

test('launcher: a step-named flag the script declares for something else is not the run length', async () => {
  const files = { 'train.py': INNER_ITERS, 'run.sh': 'python train.py --max-iters 100 --epochs 7\n' };
  const a = await analyze(files, 'run.sh');
  assert.equal(launchedFact(a, 'max_steps'), undefined, 'no step limit read from the name --max-iters');
  assert.equal(launchedFact(a, 'epochs')?.value, 7);
});

test('launcher: a step flag the loop does read stays the run length', async () => {
  const steps = [
    'import argparse',
    'import torch',
    'p = argparse.ArgumentParser()',
    "p.add_argument('--max-iters', type=int, default=10)",
    'args = p.parse_args()',
    'model = torch.nn.Linear(4, 2).cuda()',
    'opt = torch.optim.SGD(model.parameters(), lr=0.1)',
    'for it in range(args.max_iters):',
    '    opt.zero_grad()',
    '    model(torch.randn(8, 4).cuda()).sum().backward()',
    '    opt.step()',
    '',
  ].join('\n');
  const a = await analyze({ 'train.py': steps, 'run.sh': 'python train.py --max-iters 100\n' }, 'run.sh');
  assert.equal(launchedFact(a, 'max_steps')?.value, 100);
});

test('launcher: a declared step flag the script compares with (a break on a step budget) stays the run length', async () => {
  const budget = INNER_ITERS.replace(
    '        opt.step()',
    '        opt.step()\n        if opt.state and epoch >= args.max_iters:\n            break',
  );
  const a = await analyze({ 'train.py': budget, 'run.sh': 'python train.py --max-iters 100\n' }, 'run.sh');
  assert.notEqual(launchedFact(a, 'max_steps'), undefined, 'the flag is not dropped');
});

// A Hydra script that hands a config section to Lightning's Trainer with `**`.
const HYDRA_TRAINER = [
  'import hydra',
  'import lightning as L',
  'from models import Net',
  '',
  "@hydra.main(version_base=None, config_path='conf', config_name='config')",
  'def main(cfg):',
  '    trainer = L.Trainer(**cfg.trainer, logger=False)',
  '    trainer.fit(Net())',
  '',
  "if __name__ == '__main__':",
  '    main()',
  '',
].join('\n');
const HYDRA_CONFIG = 'trainer:\n  max_epochs: 20\n  precision: bf16-mixed\ndata:\n  batch_size: 64\n';

test('lightning: `Trainer(**cfg.trainer)` in a Hydra script takes the config section, not the 1000-epoch default', async () => {
  const files = { 'train.py': HYDRA_TRAINER, 'conf/config.yaml': HYDRA_CONFIG };
  const a = await analyze(files, 'train.py');
  const run = a.runs[0];
  assert.equal(run?.plan.facts.get('epochs')?.value, 20);
  assert.equal(run?.plan.facts.get('precision')?.value, 'bf16');
});

test('lightning: a launcher override of the splatted section wins (`trainer.max_epochs=5`)', async () => {
  const files = {
    'train.py': HYDRA_TRAINER,
    'conf/config.yaml': HYDRA_CONFIG,
    'run.sh': 'python train.py -m trainer.max_epochs=5 data.batch_size=32\n',
  };
  const a = await analyze(files, 'run.sh');
  assert.equal(launchedFact(a, 'epochs')?.value, 5);
});

test('lightning: `Trainer(**kwargs)` not read here leaves the unwritten arguments unknown, not defaults', async () => {
  const script = [
    'import lightning as L',
    'from models import Net, trainer_kwargs',
    'trainer = L.Trainer(**trainer_kwargs(), accelerator="gpu")',
    'trainer.fit(Net())',
    '',
  ].join('\n');
  const a = await analyze({ 'train.py': script }, 'train.py');
  const epochs = a.runs[0]?.plan.facts.get('epochs');
  assert.ok(!epochs || epochs.origin !== 'framework-default', 'no "Lightning falls back to 1000 epochs"');
  const precision = a.runs[0]?.plan.facts.get('precision');
  assert.ok(!precision || precision.origin !== 'framework-default');
});
