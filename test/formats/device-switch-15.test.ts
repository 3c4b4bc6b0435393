// A multi-device mechanism switched off by default (session 15): a script whose DataParallel, DDP or process group
// runs only under a command-line option its default run does not give (`--multigpus` off, `--local_rank` -1) trains
// on one device when run as plain `python train.py` (inferred, the note naming the option); a launcher that gives the
// option or states a count, a mechanism on the default path or a switch read from the environment leave it unknown.
// PaddleDetection configs that inherit a `_BASE_` list. Fixtures written for this project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocumentAnalysis } from '../../server/review/analyze';
import { analyze, fact } from './helpers';

/** The device count the files state or imply (not the one the plan assumes when nothing does). */
const stated = (a: DocumentAnalysis) => {
  const f = fact(a, 'devices');
  return f?.origin === 'assumed' ? undefined : f?.value;
};

const SWITCH = (wrap: string) => `import argparse
import torch
from torch import nn

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=20)
parser.add_argument("--multigpus", action="store_true")
opts = parser.parse_args()

model = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 10))
model.cuda()
${wrap}
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(opts.epochs):
    for x, y in []:
        loss = nn.functional.cross_entropy(model(x.cuda()), y.cuda())
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

const OFF = `if opts.multigpus:
    n = torch.cuda.device_count()
    model = nn.DataParallel(model, device_ids=list(range(n)))`;

test('a DataParallel behind a switch that is off by default: one device, and the note names the switch', async () => {
  const a = await analyze({ 'train.py': SWITCH(OFF) }, 'train.py');
  const dev = fact(a, 'devices');
  assert.deepEqual([dev?.value, dev?.origin], [1, 'inferred']);
  assert.match(dev?.note ?? '', /DataParallel only when `opts\.multigpus`.*multigpus false/);
  // must not: the default path wraps the model (the switch turns it off instead).
  const on = await analyze(
    { 'train.py': SWITCH(OFF.replace('if opts.multigpus:', 'if not opts.multigpus:')) },
    'train.py',
  );
  assert.notEqual(stated(on), 1);
  // must not: the launcher beside it gives the switch.
  const given = await analyze(
    { 'train.py': SWITCH(OFF), 'run.sh': 'python train.py --multigpus --epochs 5\n' },
    'run.sh',
  );
  assert.notEqual(stated(given), 1);
  // must not: a launcher passes arguments this review cannot read.
  const opaque = await analyze({ 'train.py': SWITCH(OFF), 'run.sh': 'python train.py "$@"\n' }, 'run.sh');
  assert.notEqual(stated(opaque), 1);
});

const LOCAL_RANK = (setup: string) => `import argparse
import torch
import torch.distributed as dist
from torch.utils.data import DataLoader, RandomSampler
from torch.utils.data.distributed import DistributedSampler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--local_rank", type=int, default=-1, help="set by the distributed launcher")
    parser.add_argument("--batch_size", type=int, default=64)
    args = parser.parse_args()
${setup}
    model = torch.nn.Linear(128, 2).to(device)
    if args.local_rank != -1:
        model = torch.nn.parallel.DistributedDataParallel(model, device_ids=[args.local_rank])
    sampler = RandomSampler if args.local_rank == -1 else DistributedSampler
    loader = DataLoader([], batch_size=args.batch_size, sampler=sampler([]))
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    if args.local_rank in [-1, 0]:
        print(f"distributed training: {args.local_rank != -1}")
    for x, y in loader:
        loss = torch.nn.functional.cross_entropy(model(x.to(device)), y.to(device))
        opt.zero_grad()
        loss.backward()
        opt.step()
        if args.local_rank not in [-1, 0]:
            dist.barrier()


if __name__ == "__main__":
    main()
`;

const RANKS = `    if args.local_rank == -1:
        device = torch.device("cuda", 0)
        args.n_gpu = torch.cuda.device_count()
    else:
        torch.cuda.set_device(args.local_rank)
        device = torch.device("cuda", args.local_rank)
        dist.init_process_group(backend="nccl")
        args.n_gpu = 1
    if args.n_gpu > 0:
        torch.cuda.manual_seed_all(0)`;

test('DDP only when --local_rank is not its default -1: one process on one device under plain python', async () => {
  const a = await analyze({ 'train.py': LOCAL_RANK(RANKS) }, 'train.py');
  const dev = fact(a, 'devices');
  assert.deepEqual([dev?.value, dev?.origin], [1, 'inferred']);
  assert.match(dev?.note ?? '', /local_rank -1/);
  // must not: the default path spreads the batch over every visible GPU (the older Hugging Face example style).
  const dp = await analyze(
    {
      'train.py': LOCAL_RANK(
        `${RANKS}\n    if args.n_gpu > 1:\n        device = torch.device("cuda")\n        model = torch.nn.DataParallel(torch.nn.Linear(128, 2))`,
      ),
    },
    'train.py',
  );
  assert.notEqual(stated(dp), 1);
  // must not: torch.distributed.launch starts four processes (the launcher's count stands).
  const launched = await analyze(
    {
      'train.py': LOCAL_RANK(RANKS),
      'run.sh': 'python -m torch.distributed.launch --nproc_per_node 4 train.py --batch_size 32\n',
    },
    'run.sh',
  );
  assert.equal(fact(launched, 'devices')?.value, 4);
  // must not: the switch is read from the environment, which torchrun sets for each process without any option.
  const env = await analyze(
    {
      'train.py': LOCAL_RANK(RANKS).replace(
        '    args = parser.parse_args()\n',
        '    args = parser.parse_args()\n    args.local_rank = int(os.environ.get("LOCAL_RANK", -1))\n',
      ),
    },
    'train.py',
  );
  assert.notEqual(stated(env), 1);
});

const PADDLE = {
  'configs/runtime.yml': 'use_gpu: true\nlog_iter: 20\nsave_dir: output\nsnapshot_epoch: 1\n',
  'configs/det/_base_/optimizer_120e.yml': `epoch: 120

LearningRate:
  base_lr: 0.01

OptimizerBuilder:
  optimizer:
    momentum: 0.9
    type: Momentum
`,
  'configs/det/_base_/reader.yml': `worker_num: 6
TrainReader:
  sample_transforms:
    - Decode: {}
    - RandomFlip: {}
  batch_size: 12
  shuffle: true
EvalReader:
  batch_size: 1
`,
  'configs/det/_base_/optimizer_36e.yml': 'epoch: 36\n',
  'configs/det/det_r50_36e.yml': `_BASE_: [
  '../runtime.yml',
  './_base_/optimizer_120e.yml',
  './_base_/reader.yml',
  './_base_/optimizer_36e.yml',
]

snapshot_epoch: 4
weights: output/det_r50_36e/model_final
`,
};

test('a PaddleDetection config that inherits a _BASE_ list is a run: bases in order, its own keys last', async () => {
  const a = await analyze(PADDLE, 'configs/det/det_r50_36e.yml');
  const v = (k: Parameters<typeof fact>[1]) => fact(a, k)?.value;
  // The later base's `epoch` overrides the earlier one's; the file's own snapshot_epoch overrides runtime.yml's.
  assert.deepEqual([v('epochs'), v('micro_batch'), v('num_workers'), v('optimizer')], [36, 12, 6, 'sgd']);
  assert.deepEqual([v('periodic_save'), fact(a, 'periodic_save')?.note], ['epoch', 'snapshot_epoch: 4']);
  // The trainer's defaults: no AMP unless asked, one optimizer step per batch.
  assert.deepEqual([v('precision'), v('grad_accum')], ['fp32', 1]);
  // must not: the per-card batch says nothing of the card count.
  assert.equal(stated(a), undefined);
  // must not: `amp: true` in the config is mixed precision, not the fp32 default.
  const amp = await analyze(
    { ...PADDLE, 'configs/det/det_r50_36e.yml': `${PADDLE['configs/det/det_r50_36e.yml']}amp: true\n` },
    'configs/det/det_r50_36e.yml',
  );
  assert.notEqual(fact(amp, 'precision')?.value, 'fp32');
});

const APEX = (level: string) => `device: cuda
model:
  name: resnet
  depth: 56
train:
  precision: ${level}
  batch_size: 128
  optimizer: sgd
  base_lr: 0.1
  momentum: 0.9
  weight_decay: 1e-4
scheduler:
  epochs: 160
`;

test('an Apex AMP opt level as the precision: O0 is fp32, O1 and O2 are fp16 mixed', async () => {
  const at = async (level: string) =>
    fact(await analyze({ 'configs/resnet56.yaml': APEX(level) }, 'configs/resnet56.yaml'), 'precision');
  assert.deepEqual(
    [(await at('O0'))?.value, (await at('O1'))?.value, (await at('O2'))?.value],
    ['fp32', 'fp16', 'fp16'],
  );
  // must not: a level Apex does not have is read as no precision.
  assert.equal((await at('O7'))?.value ?? null, null);
});

const DING = (policy: string) => `from easydict import EasyDict

cartpole_ppo_config = dict(
    exp_name='cartpole_ppo_seed0',
    env=dict(collector_env_num=4, evaluator_env_num=4, n_evaluator_episode=4, stop_value=195),
    policy=dict(
        ${policy}
        model=dict(obs_shape=4, action_shape=2),
        learn=dict(epoch_per_collect=2, batch_size=64, learning_rate=3e-4),
        collect=dict(n_sample=256, discount_factor=0.9),
    ),
)
main_config = EasyDict(cartpole_ppo_config)
create_config = EasyDict(dict(env=dict(type='cartpole'), env_manager=dict(type='base'), policy=dict(type='ppo')))

if __name__ == '__main__':
    from ding.entry import serial_pipeline_onpolicy
    serial_pipeline_onpolicy((main_config, create_config), seed=0)
`;

test('a DI-engine config given alone is a run with the framework defaults of its serial pipeline', async () => {
  const a = await analyze({ 'cartpole_ppo_config.py': DING('cuda=True,') }, 'cartpole_ppo_config.py');
  const v = (k: Parameters<typeof fact>[1]) => fact(a, k)?.value;
  assert.deepEqual(
    [v('micro_batch'), v('devices'), v('precision'), v('grad_accum'), v('save_steps'), v('early_stopping')],
    [64, 1, 'fp32', 1, 10000, true],
  );
  // must not: data-parallel over several GPUs is switched on.
  const multi = await analyze(
    { 'cartpole_ppo_config.py': DING('cuda=True, multi_gpu=True,') },
    'cartpole_ppo_config.py',
  );
  assert.notEqual(stated(multi), 1);
  // must not: a policy on the CPU (cuda defaults to False) names no GPU.
  const cpu = await analyze({ 'cartpole_ppo_config.py': DING('') }, 'cartpole_ppo_config.py');
  assert.notEqual(stated(cpu), 1);
});

test('a `save_model: false` switch beside `train_steps` is no OpenNMT-py config (whose save_model is a path)', async () => {
  const cfg = `task: walker-walk
train_steps: 100000
batch_size: 256
lr: 3e-4
horizon: 5
buffer_size: 1000000
save_model: false
`;
  const a = await analyze({ 'cfgs/default.yaml': cfg }, 'cfgs/default.yaml');
  const run = a.runs[0];
  assert.ok(run, 'the config is a run');
  assert.notEqual(run.plan.framework, 'opennmt');
  // must not: OpenNMT-py's checkpoint default (every 5000 steps) on a run that saves nothing.
  assert.notEqual(run.plan.facts.get('save_steps')?.value, 5000);
});
