// Devices fixed by the files, and only those: device-id lists and yacs `GPUS`, a job count that can only be a node
// count, training-operator jobs whose image runs the training, Azure ML command jobs, DataParallel over `range(n)`,
// one `.cuda()` device, and the launchers of the script's repository. Each case has its counterpart that must stay
// unknown (a count the launch chooses). Fixtures written for these tests in the style of public research code.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocumentAnalysis } from '../../server/review/analyze';
import { analyze, fact, launchedRun } from './helpers';

const TRAIN_KEYS = 'TRAIN:\n  arch: psp\n  base_lr: 0.01\n  epochs: 50\n  batch_size: 16\n  momentum: 0.9\n';

test('device-id lists count their ids; a world size below one node is the node count; yacs GPUS are ids', async () => {
  const ids = await analyze(
    { 'cfg.yaml': `${TRAIN_KEYS}  train_gpu: [0, 1, 2, 3, 4, 5, 6, 7]\nDistributed:\n  world_size: 1\n` },
    'cfg.yaml',
  );
  assert.equal(fact(ids, 'devices')?.value, 8);
  assert.match(fact(ids, 'devices')!.note!, /per node × world_size: 1/);
  const twoNodes = await analyze(
    { 'cfg.yaml': `${TRAIN_KEYS}  train_gpu: [0, 1, 2, 3]\nDistributed:\n  world_size: 2\n` },
    'cfg.yaml',
  );
  assert.equal(fact(twoNodes, 'devices')?.value, 8);
  for (const [gpus, n] of [
    ["'0'", 1],
    ["'0,1'", 2],
    ['(0,1,2,3)', 4],
  ] as const) {
    const a = await analyze(
      { 'exp.yaml': `GPUS: ${gpus}\nTRAIN:\n  LR: 0.001\n  END_EPOCH: 140\n  BATCH_SIZE: 32\n  OPTIMIZER: adam\n` },
      'exp.yaml',
    );
    assert.equal(fact(a, 'devices')?.value, n, gpus);
  }
  // must not: `gpu_id: -1` is the CPU; lower-case `gpus: "0"` is Lightning's "no GPU", not GPU 0.
  const cpu = await analyze({ 'cfg.yaml': `${TRAIN_KEYS}  gpu_id: -1\n` }, 'cfg.yaml');
  assert.equal(fact(cpu, 'devices')?.origin, 'assumed');
  const pl = await analyze({ 'cfg.yaml': `${TRAIN_KEYS}  gpus: "0"\n` }, 'cfg.yaml');
  assert.equal(fact(pl, 'devices')?.origin, 'assumed');
});

const JOB = (kind: string, gpu: string, command = '') => `apiVersion: kubeflow.org/v1
kind: ${kind}
metadata:
  name: mnist-ddp
spec:
  pytorchReplicaSpecs:
    Master:
      replicas: 1
      template:
        spec:
          containers:
            - name: pytorch
              image: registry.example/mnist:latest${command}
              args: ["--backend", "nccl"]
              resources:
                limits:
                  ${gpu}
    Worker:
      replicas: 3
      template:
        spec:
          containers:
            - name: pytorch
              image: registry.example/mnist:latest${command}
              args: ["--backend", "nccl"]
              resources:
                limits:
                  ${gpu}
`;

test('a training-operator job whose image runs the training is a run of what it requests; a service is not', async () => {
  const a = await analyze({ 'job.yaml': JOB('PyTorchJob', 'nvidia.com/gpu: 2') }, 'job.yaml');
  assert.equal(fact(a, 'devices')?.value, 8);
  assert.match(fact(a, 'devices')!.note!, /Master: 1 × nvidia.com\/gpu: 2 \+ PyTorchJob Worker: 3/);
  // must not: a job asking for no accelerator states no device count; a Deployment serves, it does not train.
  const cpu = await analyze({ 'job.yaml': JOB('PyTorchJob', 'cpu: 4') }, 'job.yaml');
  assert.equal(cpu.runs.length, 0);
  const svc = await analyze(
    { 'svc.yaml': JOB('Deployment', 'nvidia.com/gpu: 1').replace('pytorchReplicaSpecs', 'replicas: 2\n  x') },
    'svc.yaml',
  );
  assert.equal(svc.runs.length, 0);
});

const AML = `$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
code: src
command: >-
  python train.py --epochs \${{inputs.epochs}} --lr 0.1
inputs:
  epochs: 12
environment: azureml:torch-env@latest
compute: azureml:gpu-cluster
distribution:
  type: pytorch
  process_count_per_instance: 4
resources:
  instance_count: 2
`;
const DDP_SCRIPT = `import argparse
import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel as DDP

p = argparse.ArgumentParser()
p.add_argument("--epochs", type=int, default=1)
p.add_argument("--lr", type=float, default=0.01)
args = p.parse_args()
dist.init_process_group("nccl")
model = DDP(torch.nn.Linear(10, 2).cuda())
opt = torch.optim.SGD(model.parameters(), lr=args.lr)
for epoch in range(args.epochs):
    for x, y in []:
        loss = torch.nn.functional.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

test('an Azure ML command job runs its command in its code folder on per-instance × instances processes', async () => {
  const files = { 'job.yml': AML, 'src/train.py': DDP_SCRIPT };
  const job = await analyze(files, 'job.yml');
  assert.equal(fact(job, 'devices')?.value, 8);
  assert.equal(fact(job, 'epochs')?.value, 12);
  // The script planned alone keeps its own values; the job's run is its launched run.
  const script = await analyze(files, 'src/train.py');
  assert.notEqual(fact(script, 'devices')?.value, 8);
  assert.equal(fact(script, 'epochs')?.value, 1);
  assert.equal(launchedRun(script).plan.facts.get('devices')?.value, 8);
  assert.equal(launchedRun(script).plan.facts.get('epochs')?.value, 12);
  // One process per instance when the distribution writes no count.
  const one = await analyze({ ...files, 'job.yml': AML.replace('  process_count_per_instance: 4\n', '') }, 'job.yml');
  assert.equal(fact(one, 'devices')?.value, 2);
  // must not: without `distribution:` the command starts once and the script decides.
  const plain = await analyze({ ...files, 'job.yml': AML.replace(/distribution:\n( {2}.*\n)+/, '') }, 'src/train.py');
  assert.notEqual(fact(plain, 'devices')?.origin, 'explicit');
});

const LOOP = (head: string, model: string) => `import argparse
import torch
import torch.nn as nn
${head}
model = ${model}
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(10):
    for x, y in loader:
        loss = nn.functional.cross_entropy(model(x.cuda()), y.cuda())
        opt.zero_grad()
        loss.backward()
        opt.step()
`;
const ARGS = (line: string) => `p = argparse.ArgumentParser()\n${line}\nargs = p.parse_args()`;

test('a script fixes its devices: DataParallel over range(ngpu), one .cuda() device; a recomputed world size is no count', async () => {
  const dp = await analyze(
    {
      'train.py': LOOP(
        ARGS('p.add_argument("--ngpu", type=int, default=2)'),
        'nn.DataParallel(nn.Linear(8, 2), device_ids=range(args.ngpu)).cuda()',
      ),
    },
    'train.py',
  );
  assert.deepEqual([fact(dp, 'devices')?.value, fact(dp, 'devices')?.origin], [2, 'script-default']);
  const one = await analyze({ 'train.py': LOOP('', 'nn.Linear(8, 2).cuda()') }, 'train.py');
  assert.deepEqual([fact(one, 'devices')?.value, fact(one, 'devices')?.origin], [1, 'inferred']);
  // must not: DataParallel over every visible GPU; a world size the script multiplies by the GPUs it finds.
  const all = await analyze({ 'train.py': LOOP('', 'nn.DataParallel(nn.Linear(8, 2)).cuda()') }, 'train.py');
  assert.equal(fact(all, 'devices')?.origin, 'assumed');
  const world = await analyze(
    {
      'train.py': LOOP(
        `${ARGS('p.add_argument("--world-size", type=int, default=1)')}\nngpus_per_node = torch.cuda.device_count()\nargs.world_size = ngpus_per_node * args.world_size`,
        'nn.Linear(8, 2).cuda()',
      ),
    },
    'train.py',
  );
  assert.equal(fact(world, 'devices')?.origin, 'assumed');
});

const SCRIPT = LOOP('', 'nn.DataParallel(nn.Linear(8, 2)).cuda()');
const RUN = (gpus: string) => `GPU=${gpus}\nCUDA_VISIBLE_DEVICES=\${GPU} python example/main.py --epochs 10\n`;

test('a script takes the count its repository launchers agree on, from any folder of the repository', async () => {
  const repo = { 'proj/README.md': '# pose', 'proj/example/main.py': SCRIPT };
  const agree = await analyze(
    { ...repo, 'proj/experiments/mpii/hg.sh': RUN('0'), 'proj/experiments/coco/hg.sh': RUN('0') },
    'proj/example/main.py',
  );
  // The script planned alone states no count (a file planned alone keeps its own values); the runs its launchers
  // start are its launched run, with the count they agree on.
  assert.notEqual(fact(agree, 'devices')?.origin, 'explicit');
  const dev = (a: DocumentAnalysis) => launchedRun(a).plan.facts.get('devices');
  assert.equal(dev(agree)?.value, 1);
  assert.match(dev(agree)!.note!, /experiments\/coco\/hg\.sh, the launcher that runs this script/);
  // must not: launchers that state different counts leave the count to the launch.
  const differ = await analyze(
    { ...repo, 'proj/experiments/mpii/hg.sh': RUN('0'), 'proj/experiments/coco/hg.sh': RUN('0,1,2,3') },
    'proj/example/main.py',
  );
  assert.equal(dev(differ)?.value, null);
  assert.match(dev(differ)!.note!, /different counts/);
  // must not: two launchers beside the script (no repository folder recognised) that state different counts.
  const beside = await analyze(
    {
      'train.py': SCRIPT,
      'one.sh': 'CUDA_VISIBLE_DEVICES=0 python train.py\n',
      'four.sh': 'CUDA_VISIBLE_DEVICES=0,1,2,3 python train.py\n',
    },
    'train.py',
  );
  assert.equal(dev(beside)?.value, null);
  // must not: another repository beside this one (its own README) is not searched.
  const sideBySide = await analyze(
    {
      'repos/a/README.md': '# a',
      'repos/a/example/main.py': SCRIPT,
      'repos/b/README.md': '# b',
      'repos/b/experiments/run.sh': RUN('0,1'),
    },
    'repos/a/example/main.py',
  );
  assert.equal(fact(sideBySide, 'devices')?.origin, 'assumed');
});

test('one device id chosen by a setting is one device; a multi-GPU switch left off drops the id list', async () => {
  for (const use of ['device = torch.device(f"cuda:{args.gpu}")', 'torch.cuda.set_device(args.gpu)\ndevice = "cuda"']) {
    const a = await analyze(
      {
        'train.py': LOOP(
          `${ARGS('p.add_argument("--gpu", type=int, default=0)')}\n${use}`,
          'nn.Linear(8, 2).to(device)',
        ).replace(/\.cuda\(\)/g, '.to(device)'),
      },
      'train.py',
    );
    assert.deepEqual([fact(a, 'devices')?.value, fact(a, 'devices')?.origin], [1, 'inferred'], use);
  }
  // must not: the training model is spread by DataParallel over every visible GPU.
  const dp = await analyze(
    {
      'train.py': LOOP(
        `${ARGS('p.add_argument("--gpu", type=int, default=0)')}\ntorch.cuda.set_device(args.gpu)`,
        'nn.DataParallel(nn.Linear(8, 2)).cuda()',
      ),
    },
    'train.py',
  );
  assert.equal(fact(dp, 'devices')?.origin, 'assumed');
  const script = (multi: string) => `import argparse
from exp.exp_main import Exp_Main

parser = argparse.ArgumentParser()
parser.add_argument('--train_epochs', type=int, default=10)
parser.add_argument('--batch_size', type=int, default=32)
parser.add_argument('--learning_rate', type=float, default=0.0001)
parser.add_argument('--use_multi_gpu', action='store_true', default=${multi})
parser.add_argument('--devices', type=str, default='0,1,2,3')
args = parser.parse_args()
Exp_Main(args).train(setting='run')
`;
  const on = await analyze({ 'run.py': script('True') }, 'run.py');
  assert.equal(fact(on, 'devices')?.value, 4);
  // With the switch off the script uses one device, not the list: said at the switch, as inferred.
  const off = await analyze({ 'run.py': script('False') }, 'run.py');
  assert.equal(fact(off, 'devices')?.value, 1);
  assert.equal(fact(off, 'devices')?.origin, 'inferred');
  assert.match(fact(off, 'devices')?.note ?? '', /use_multi_gpu is off/);
});

test('a module of training functions that moves tensors with .cuda() fixes no device count: its caller places the model', async () => {
  const mod = `import torch


def train(loader, model, criterion, optimizer, epoch):
    model.train()
    for x, y in loader:
        out = model(x.cuda(non_blocking=True))
        loss = criterion(out, y.cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;
  const a = await analyze({ 'lib/function.py': mod }, 'lib/function.py');
  for (const r of a.runs) assert.notEqual(r.plan.facts.get('devices')?.origin, 'inferred');
  // The same loop run at the top level of a script: one device.
  const script = `${mod}\n\nmodel = torch.nn.Linear(4, 2).cuda()\ntrain([], model, torch.nn.MSELoss(), torch.optim.SGD(model.parameters(), lr=0.1), 0)\n`;
  const b = await analyze({ 'train.py': script }, 'train.py');
  assert.equal(fact(b, 'devices')?.value, 1);
});

test('a submitit-style `nodes` beside `tasks_per_node` multiplies it; a bare `nodes` elsewhere counts no machines', async () => {
  const cfg = (head: string) =>
    `${head}\ndata:\n  batch_size: 24\n  num_workers: 8\noptimization:\n  epochs: 300\n  lr: 0.001\n`;
  const a = await analyze({ 'configs/pretrain.yaml': cfg('nodes: 16\ntasks_per_node: 8') }, 'configs/pretrain.yaml');
  assert.equal(fact(a, 'devices')?.value, 128);
  // The same as submit options: `sbatch --nodes=4 --gpus-per-node=2 $LAUNCH_SCRIPT config.yaml key=value …`.
  const sb = await analyze(
    {
      'run.sh':
        'sbatch --nodes=4 --gpus-per-node=2 $LAUNCH_SCRIPT cfg.yaml global_train_batch_size=32 max_duration=3200ba\n',
    },
    'run.sh',
  );
  assert.equal(fact(sb, 'devices')?.value, 8);
  // must not: a graph's node count beside a plain GPU count.
  const g = await analyze({ 'configs/gnn.yaml': cfg('gpus: 2\ngraph:\n  nodes: 2708') }, 'configs/gnn.yaml');
  assert.equal(fact(g, 'devices')?.value, 2);
});
