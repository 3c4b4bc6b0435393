// Long-tail runs read through documented behaviour (session 13): a launcher that prepares data before it trains, a
// DataParallel wrapper in the module that trains, a save guarded by `not flag or …`, and the defaults of GPT-NeoX,
// llm-foundry (Composer), LitGPT and Lightning CLI configs. Fixtures written for this project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, theRun } from './helpers';

const RUN_PY = [
  'import argparse',
  'import torch',
  'from torch.utils.data import DataLoader',
  'import engine',
  '',
  'parser = argparse.ArgumentParser()',
  "parser.add_argument('--batch-size', type=int, default=8)",
  "parser.add_argument('--num-workers', type=int, default=6)",
  "parser.add_argument('--lr', type=float, default=1e-4)",
  'args = parser.parse_args()',
  '',
  'train_set = engine.make_dataset()',
  'loader = DataLoader(train_set, batch_size=args.batch_size, num_workers=args.num_workers, shuffle=True)',
  'model = engine.make_model()',
  'engine.train(model, loader, args)',
  '',
].join('\n');

// A module of definitions that only adjusts sys.path at import: its train() is the script's, not an unused function.
const ENGINE_PY = [
  'import os',
  'import sys',
  'sys.path.append(os.path.dirname(os.path.dirname(sys.path[0])))',
  'import torch',
  'from torch import nn',
  '',
  'def train(model, loader, args):',
  '    device = torch.device("cuda")',
  '    model = nn.DataParallel(model).to(device)',
  '    optimizer = torch.optim.Adam(model.parameters(), args.lr)',
  '    for epoch in range(10):',
  '        for x, y in loader:',
  '            loss = nn.functional.cross_entropy(model(x.to(device)), y.to(device))',
  '            optimizer.zero_grad()',
  '            loss.backward()',
  '            optimizer.step()',
  '        torch.save(model.state_dict(), f"model.{epoch}.pth")',
  '',
].join('\n');

const PREP_PY = ['import json', '', 'def main():', '    print(json.dumps({}))', '', 'main()', ''].join('\n');

const LAUNCHER = [
  '#!/bin/bash',
  '#SBATCH --gres=gpu:4',
  '#SBATCH -n 1',
  'batch_size=48',
  'python ./prep_data.py',
  'python -W ignore ../src/run.py --batch-size $batch_size --lr 1e-5',
  '',
].join('\n');

test('a launcher that prepares data first: the training command’s flags and script make the run', async () => {
  const a = await analyze(
    {
      'egs/run.sh': LAUNCHER,
      'egs/prep_data.py': PREP_PY,
      'src/run.py': RUN_PY,
      'src/engine.py': ENGINE_PY,
    },
    'egs/run.sh',
  );
  const run = theRun(a);
  assert.ok(
    run.plan.files.some((f) => f.endsWith('src/run.py')),
    run.plan.files.join(', '),
  );
  assert.ok(!run.plan.files.some((f) => f.endsWith('prep_data.py')), 'the data preparation is not the run');
  assert.equal(fact(a, 'optimizer')?.value, 'adam');
  assert.equal(fact(a, 'num_workers')?.value, 6);
  // One process drives the four GPUs through nn.DataParallel: the loader's 48 is the global batch, 12 per GPU.
  assert.equal(fact(a, 'devices')?.value, 4);
  assert.equal(fact(a, 'data_parallel')?.value, true);
  assert.equal(fact(a, 'global_batch')?.value, 48);
  assert.equal(fact(a, 'micro_batch')?.value, 12);
});

test('DataParallel under torchrun is not split: each process’s loader batch stays per device', async () => {
  const a = await analyze(
    {
      'egs/run.sh': '#!/bin/bash\ntorchrun --nproc_per_node 4 ../src/run.py --batch-size 16\n',
      'src/run.py': RUN_PY,
      'src/engine.py': ENGINE_PY,
    },
    'egs/run.sh',
  );
  assert.equal(fact(a, 'devices')?.value, 4);
  assert.equal(fact(a, 'micro_batch')?.value, 16);
  assert.equal(fact(a, 'global_batch')?.value, 64);
});

test('a save under `not args.flag or (args.flag and rank == 0)` runs in the default run', async () => {
  const script = [
    'import argparse',
    'import torch',
    'from torch.utils.data import DataLoader',
    '',
    'parser = argparse.ArgumentParser()',
    "parser.add_argument('--epochs', type=int, default=30)",
    "parser.add_argument('--multiprocessing-distributed', action='store_true')",
    "parser.add_argument('--rank', type=int, default=0)",
    'args = parser.parse_args()',
    '',
    'model = torch.nn.Linear(4, 2).cuda()',
    'optimizer = torch.optim.SGD(model.parameters(), lr=0.1)',
    'loader = DataLoader(torch.utils.data.TensorDataset(torch.randn(64, 4)), batch_size=16)',
    'for epoch in range(args.epochs):',
    '    for (x,) in loader:',
    '        loss = model(x.cuda()).sum()',
    '        optimizer.zero_grad()',
    '        loss.backward()',
    '        optimizer.step()',
    '    if not args.multiprocessing_distributed or (args.multiprocessing_distributed and args.rank == 0):',
    '        torch.save(model.state_dict(), "checkpoint_%04d.pth" % epoch)',
    '',
  ].join('\n');
  const a = await analyze({ 'train.py': script }, 'train.py');
  assert.equal(fact(a, 'periodic_save')?.value, 'epoch');
});

test('GPT-NeoX config: two loader workers and no accumulation unless a train batch size derives it', async () => {
  const neox = [
    '{',
    '  "num_layers": 12,',
    '  "hidden_size": 768,',
    '  "num_attention_heads": 12,',
    '  "seq_length": 2048,',
    '  "train_micro_batch_size_per_gpu": 8,',
    '  "train_iters": 100000,',
    '  "fp16": { "enabled": true }',
    '}',
    '',
  ].join('\n');
  const a = await analyze({ 'configs/small.yml': neox }, 'configs/small.yml');
  assert.equal(theRun(a).plan.framework, 'gpt-neox');
  assert.equal(fact(a, 'num_workers')?.value, 2);
  assert.equal(fact(a, 'num_workers')?.origin, 'framework-default');
  assert.equal(fact(a, 'grad_accum')?.value, 1);
  const derived = await analyze(
    { 'configs/small.yml': neox.replace('"train_iters"', '"train_batch_size": 256,\n  "train_iters"') },
    'configs/small.yml',
  );
  assert.notEqual(fact(derived, 'grad_accum')?.origin, 'framework-default', 'DeepSpeed derives it from the batch');
});

const FOUNDRY = [
  'max_seq_len: 2048',
  'model:',
  '  name: mpt_causal_lm',
  '  d_model: 1024',
  '  n_layers: 12',
  'train_loader:',
  '  name: text',
  '  num_workers: 4',
  'max_duration: 1000ba',
  'global_train_batch_size: 256',
  'device_train_microbatch_size: 8',
  'precision: amp_bf16',
  '',
].join('\n');

test('llm-foundry config without save_folder: Composer writes no checkpoint', async () => {
  const a = await analyze({ 'yamls/mpt.yaml': FOUNDRY }, 'yamls/mpt.yaml');
  assert.equal(theRun(a).plan.framework, 'llm-foundry');
  assert.equal(fact(a, 'periodic_save')?.value, 'no');
  const saved = await analyze(
    { 'yamls/mpt.yaml': `${FOUNDRY}save_folder: ./ckpt\nsave_interval: 500ba\n` },
    'yamls/mpt.yaml',
  );
  assert.equal(fact(saved, 'periodic_save')?.value, 'steps');
  assert.equal(fact(saved, 'save_steps')?.value, 500);
});

test('LitGPT checkpoint_dir under checkpoints/ names the hub model it was downloaded from', async () => {
  const lit = [
    'checkpoint_dir: checkpoints/EleutherAI/pythia-160m',
    'out_dir: out/finetune/full',
    'precision: bf16-true',
    'train:',
    '  global_batch_size: 16',
    '  micro_batch_size: 4',
    '  epochs: 1',
    '',
  ].join('\n');
  const a = await analyze({ 'full.yaml': lit }, 'full.yaml');
  assert.equal(theRun(a).plan.framework, 'litgpt');
  assert.equal(fact(a, 'model')?.value, 'EleutherAI/pythia-160m');
});

test('Lightning CLI `accumulate_grad_batches: null` is the default: one step per batch', async () => {
  const cli = [
    'trainer:',
    '  accelerator: gpu',
    '  max_epochs: 20',
    '  precision: 32',
    '  accumulate_grad_batches: null',
    'data:',
    '  batch_size: 8',
    '',
  ].join('\n');
  const a = await analyze({ 'conf.yaml': cli }, 'conf.yaml');
  assert.equal(fact(a, 'grad_accum')?.value, 1);
});

const TAB_CONFIG = [
  'seed = 0',
  'batch_size = 256',
  'n_epochs = 50',
  'lr = 0.0003',
  'weight_decay = 0.0',
  'patience = 16',
  'amp = true',
  'num_workers = 2',
  '',
].join('\n');

const tabScript = (autocast: string) =>
  [
    'import sys',
    'import tomllib',
    'import torch',
    'from torch import nn',
    'from torch.utils.data import DataLoader',
    '',
    'def main(path):',
    '    config = tomllib.load(open(path, "rb"))',
    '    model = nn.Linear(8, 1).cuda()',
    "    optimizer = torch.optim.AdamW(model.parameters(), lr=config['lr'], weight_decay=config['weight_decay'])",
    "    patience = config['patience']",
    "    loader = DataLoader(torch.utils.data.TensorDataset(torch.randn(512, 8)), batch_size=config['batch_size'], num_workers=config['num_workers'])",
    '    amp_dtype = torch.bfloat16 if torch.cuda.is_bf16_supported() else None',
    "    for epoch in range(config['n_epochs']):",
    '        for (x,) in loader:',
    `            with ${autocast}:`,
    '                loss = model(x.cuda()).pow(2).mean()',
    '            optimizer.zero_grad()',
    '            loss.backward()',
    '            optimizer.step()',
    '',
    "if __name__ == '__main__':",
    '    main(sys.argv[1])',
    '',
  ].join('\n');

test('a config’s `amp = true` takes the half type its reading script autocasts to', async () => {
  const computed = await analyze(
    {
      'exp/0.toml': TAB_CONFIG,
      'bin/model.py': tabScript("torch.autocast('cuda', enabled=config['amp'], dtype=amp_dtype)"),
    },
    'exp/0.toml',
  );
  assert.ok(theRun(computed).plan.entry.label.includes('model.py'), theRun(computed).plan.entry.label);
  assert.equal(fact(computed, 'precision')?.value ?? null, null, 'a computed dtype is not known to be fp16');
  const bf16 = await analyze(
    {
      'exp/0.toml': TAB_CONFIG,
      'bin/model.py': tabScript("torch.autocast('cuda', enabled=config['amp'], dtype=torch.bfloat16)"),
    },
    'exp/0.toml',
  );
  assert.equal(fact(bf16, 'precision')?.value, 'bf16');
  const plain = await analyze(
    { 'exp/0.toml': TAB_CONFIG, 'bin/model.py': tabScript("torch.autocast('cuda', enabled=config['amp'])") },
    'exp/0.toml',
  );
  assert.equal(fact(plain, 'precision')?.value, 'fp16', 'autocast on CUDA defaults to float16');
});

test('a config read by a script that wraps its model in DataParallel: the batch is global, each GPU’s share unknown', async () => {
  const dp = tabScript("torch.autocast('cuda', enabled=config['amp'])").replace(
    '    model = nn.Linear(8, 1).cuda()',
    '    model = nn.DataParallel(nn.Linear(8, 1)).cuda()',
  );
  const a = await analyze({ 'exp/0.toml': TAB_CONFIG, 'bin/model.py': dp }, 'exp/0.toml');
  assert.equal(fact(a, 'global_batch')?.value, 256);
  assert.equal(fact(a, 'micro_batch')?.value ?? null, null);
});

test('a decoding script in a recipe (`recognize.py`) is not the run, and its flags are not the run’s', async () => {
  const recipe = [
    '#!/bin/bash',
    'num_workers=8',
    'torchrun --nproc_per_node=4 bin/train.py --config conf/train.yaml --num_workers ${num_workers}',
    'python bin/recognize.py --config conf/train.yaml --batch_size 16 --num_workers 1',
    '',
  ].join('\n');
  const recog = [
    'import argparse',
    'parser = argparse.ArgumentParser()',
    "parser.add_argument('--batch_size', type=int, default=16)",
    "parser.add_argument('--num_workers', type=int, default=0)",
    "parser.add_argument('--epochs', type=int, default=1)",
    'args = parser.parse_args()',
    '',
  ].join('\n');
  const a = await analyze(
    {
      'run.sh': recipe,
      'bin/recognize.py': recog,
      'conf/train.yaml':
        'max_epoch: 40\naccum_grad: 2\noptim: adam\ndataset_conf:\n  batch_conf:\n    batch_size: 12\n',
    },
    'run.sh',
  );
  const runs = [...a.runs, ...(a.linked ?? [])];
  assert.ok(runs.length > 0);
  assert.ok(
    runs.every((r) => !r.plan.files.some((f) => f.endsWith('recognize.py'))),
    'the decoder is no run',
  );
  assert.ok(runs.every((r) => r.plan.facts.get('num_workers')?.value !== 1));
});

test('a Classy Vision task config: per-replica batch, the simulated global batch, AMP from amp_args, the trainer’s defaults', async () => {
  const task = {
    name: 'classification_task',
    num_epochs: 90,
    loss: { name: 'cross_entropy' },
    simulated_global_batchsize: 1024,
    amp_args: { opt_level: 'O1' },
    dataset: {
      train: { name: 'image_path', image_folder: '/data/train', batchsize_per_replica: 32, use_shuffle: true },
      test: { name: 'image_path', image_folder: '/data/val', batchsize_per_replica: 64, use_shuffle: false },
    },
    model: { name: 'resnet', num_blocks: [3, 4, 6, 3] },
    optimizer: { name: 'sgd', momentum: 0.9, weight_decay: 1e-4, nesterov: true },
  };
  const a = await analyze({ 'configs/resnet.json': JSON.stringify(task, null, 2) }, 'configs/resnet.json');
  assert.equal(theRun(a).plan.framework, 'classy-vision');
  assert.deepEqual(
    [fact(a, 'micro_batch')?.value, fact(a, 'global_batch')?.value, fact(a, 'epochs')?.value],
    [32, 1024, 90],
  );
  assert.deepEqual([fact(a, 'precision')?.value, fact(a, 'optimizer')?.value], ['fp16', 'sgd']);
  assert.equal(fact(a, 'grad_accum'), undefined, 'the accumulation depends on the process count');
  assert.deepEqual([fact(a, 'num_workers')?.value, fact(a, 'periodic_save')?.value], [4, 'epoch']);
  const plain = { ...task, amp_args: undefined, simulated_global_batchsize: undefined };
  const b = await analyze({ 'configs/resnet.json': JSON.stringify(plain, null, 2) }, 'configs/resnet.json');
  assert.deepEqual([fact(b, 'precision')?.value, fact(b, 'grad_accum')?.value], ['fp32', 1]);
  assert.equal(fact(b, 'global_batch'), undefined);
});

test('a launcher’s short options are read under the long names the script’s argparse gives them', async () => {
  const script = [
    'import argparse',
    'import torch',
    'from torch.utils.data import DataLoader',
    '',
    'parser = argparse.ArgumentParser()',
    "parser.add_argument('-b', '--batch-size', type=int, default=256)",
    "parser.add_argument('-j', '--workers', type=int, default=4, help='data loading workers')",
    "parser.add_argument('-m', '--max_epochs', type=int, default=10000)",
    "parser.add_argument('-q', '--quiet', action='store_true')",
    'args = parser.parse_args()',
    '',
  ].join('\n');
  const a = await analyze(
    { 'scripts/pretrain.sh': '#!/bin/bash\npython run.py -q -b 64 -j 2 -m 100 --lr 1e-4\n', 'scripts/run.py': script },
    'scripts/pretrain.sh',
  );
  assert.equal(fact(a, 'epochs')?.value, 100, 'not the script’s default 10000');
  assert.equal(fact(a, 'micro_batch')?.value, 64);
  assert.equal(fact(a, 'num_workers')?.value, 2);
});

test('a stated step budget ends the run: no default epoch count beside it', async () => {
  const script = [
    'from transformers import HfArgumentParser, Trainer, TrainingArguments',
    '',
    'parser = HfArgumentParser(TrainingArguments)',
    '(training_args,) = parser.parse_args_into_dataclasses()',
    'trainer = Trainer(model=None, args=training_args)',
    'trainer.train()',
    '',
  ].join('\n');
  const a = await analyze(
    {
      'run.sh': '#!/bin/bash\ntorchrun --nproc_per_node 8 train.py --output_dir out --max_steps 2000 --bf16 True\n',
      'train.py': script,
    },
    'run.sh',
  );
  assert.equal(fact(a, 'max_steps')?.value, 2000);
  assert.equal(fact(a, 'epochs'), undefined, 'max_steps overrides num_train_epochs');
});

test('an epoch loop whose save waits for an output folder that defaults to empty saves nothing by default', async () => {
  const main = [
    'import argparse',
    'import torch',
    'from engine import train_one_epoch',
    '',
    'parser = argparse.ArgumentParser()',
    "parser.add_argument('--epochs', type=int, default=300)",
    "parser.add_argument('--output_dir', default='')",
    "parser.add_argument('--save_ckpt', type=bool, default=True)",
    'args = parser.parse_args()',
    '',
    'def main(args):',
    '    model = torch.nn.Linear(4, 2).cuda()',
    '    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)',
    '    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.randn(64, 4)), batch_size=16)',
    '    for epoch in range(args.epochs):',
    '        train_one_epoch(model, loader, optimizer)',
    '        if args.output_dir and args.save_ckpt:',
    '            torch.save(model.state_dict(), f"{args.output_dir}/checkpoint-{epoch}.pth")',
    '',
    "if __name__ == '__main__':",
    '    main(args)',
    '',
  ].join('\n');
  const engine = [
    'def train_one_epoch(model, loader, optimizer):',
    '    for (x,) in loader:',
    '        loss = model(x.cuda()).sum()',
    '        optimizer.zero_grad()',
    '        loss.backward()',
    '        optimizer.step()',
    '',
  ].join('\n');
  const a = await analyze({ 'main.py': main, 'engine.py': engine }, 'main.py');
  assert.equal(fact(a, 'periodic_save')?.value, 'no');
  const given = await analyze(
    { 'main.py': main.replace("default='')", "default='out')"), 'engine.py': engine },
    'main.py',
  );
  assert.equal(fact(given, 'periodic_save')?.value, 'epoch');
  // A launcher that gives the folder turns the save on.
  const launched = await analyze(
    {
      'run.sh': '#!/bin/bash\ntorchrun --nproc_per_node 8 main.py --epochs 100 --output_dir ./out\n',
      'main.py': main,
      'engine.py': engine,
    },
    'run.sh',
  );
  assert.equal(fact(launched, 'periodic_save')?.value, 'epoch');
});

test('`use_grad_checkpoint` in a model config turns activation checkpointing on', async () => {
  const cfg = [
    'model:',
    '  arch: blip2_opt',
    '  use_grad_checkpoint: True',
    'run:',
    '  task: captioning',
    '  batch_size_train: 16',
    '  max_epoch: 5',
    '',
  ].join('\n');
  const a = await analyze({ 'caption.yaml': cfg }, 'caption.yaml');
  assert.equal(fact(a, 'grad_checkpointing')?.value, true);
});

test('a config spread into the script’s main(**config): the function’s keyword defaults fill what it leaves out', async () => {
  const script = [
    'import argparse',
    'import torch',
    'from omegaconf import OmegaConf',
    'from torch.utils.data import DataLoader',
    '',
    'def main(',
    '    output_dir: str,',
    '    train_batch_size: int = 1,',
    '    max_train_steps: int = 500,',
    '    learning_rate: float = 3e-5,',
    '    gradient_accumulation_steps: int = 1,',
    '    num_workers: int = 16,',
    '    seed: int = 42,',
    '):',
    '    model = torch.nn.Linear(4, 4).cuda()',
    '    optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate)',
    '    loader = DataLoader(torch.utils.data.TensorDataset(torch.randn(64, 4)), batch_size=train_batch_size, num_workers=num_workers)',
    '    for step, (x,) in enumerate(loader):',
    '        loss = model(x.cuda()).sum()',
    '        loss.backward()',
    '        optimizer.step()',
    '        optimizer.zero_grad()',
    '        if step >= max_train_steps:',
    '            break',
    '',
    "if __name__ == '__main__':",
    '    parser = argparse.ArgumentParser()',
    "    parser.add_argument('--config', type=str, default='./configs/run.yaml')",
    '    args = parser.parse_args()',
    '    main(**OmegaConf.load(args.config))',
    '',
  ].join('\n');
  const cfg = 'output_dir: ./out\ntrain_batch_size: 4\nmax_train_steps: 300\nlearning_rate: 1e-5\n';
  const a = await analyze({ 'configs/run.yaml': cfg, 'train.py': script }, 'configs/run.yaml');
  assert.equal(fact(a, 'micro_batch')?.value, 4);
  assert.equal(fact(a, 'grad_accum')?.value, 1);
  assert.equal(fact(a, 'num_workers')?.value, 16);
});

test('autocast under `if amp:` with amp read from a config at run time: the precision is not known', async () => {
  const script = [
    'import sys',
    'import yaml',
    'import torch',
    'from torch.cuda.amp import autocast, GradScaler',
    '',
    'def main():',
    '    config = yaml.safe_load(open(sys.argv[1]))',
    '    amp = config["amp"]',
    '    model = torch.nn.Linear(4, 2).cuda()',
    '    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)',
    '    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.randn(64, 4)), batch_size=8)',
    '    for epoch in range(10):',
    '        for (x,) in loader:',
    '            if amp:',
    '                with autocast():',
    '                    loss = model(x.cuda()).sum()',
    '            else:',
    '                loss = model(x.cuda()).sum()',
    '            optimizer.zero_grad()',
    '            loss.backward()',
    '            optimizer.step()',
    '',
    'main()',
    '',
  ].join('\n');
  const a = await analyze({ 'train.py': script }, 'train.py');
  assert.equal(fact(a, 'precision')?.value ?? null, null);
});
