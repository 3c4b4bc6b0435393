// Devices from every place a launcher, a cluster spec or a script states them: the `devices` fact is the total
// number of accelerators (per node × nodes), with the file, span and a note naming the source. A count that is not
// written (`devices="auto"`, `--nproc_per_node=$NGPU`, elastic `--nnodes=1:4`) is unknown, never 1.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, launchedRun, lineOf, theRun } from './helpers';

/** The run a launcher starts when its script is not in the tree (files: only the launcher). */
async function launch(sh: string, name = 'run.sh') {
  return analyze({ [name]: sh }, name);
}

const LAUNCHERS: { name: string; sh: string; devices: number | null; note: RegExp; line?: number }[] = [
  {
    name: 'composer -n per node',
    sh: 'composer -n 8 train.py yamls/mpt-125m.yaml\n',
    devices: 8,
    note: /composer -n 8/,
  },
  {
    name: 'composer --world_size total',
    sh: 'composer --world_size 16 --nproc 8 --node_rank 0 train.py\n',
    devices: 16,
    note: /--world_size 16/,
  },
  {
    name: 'Fabric run devices × nodes',
    sh: 'fabric run --accelerator cuda --devices 4 --num-nodes 2 train.py\n',
    devices: 8,
    note: /--devices 4 × --num-nodes 2/,
  },
  {
    name: 'deepspeed --hostfile: the hosts are in another file',
    sh: 'deepspeed --hostfile hostfile --num_gpus 8 train.py\n',
    devices: null,
    note: /host count is not in this file/,
  },
  {
    name: 'torchrun per node × nodes',
    sh: 'torchrun --nnodes=2 --nproc_per_node=8 train.py\n',
    devices: 16,
    note: /--nproc_per_node=8 × --nnodes=2/,
  },
  {
    name: 'torchrun dashed option',
    sh: 'torchrun --nproc-per-node 4 train.py --lr 1e-4\n',
    devices: 4,
    note: /--nproc-per-node 4/,
  },
  {
    name: 'python -m torch.distributed.run',
    sh: 'python -m torch.distributed.run --nproc_per_node 8 train.py\n',
    devices: 8,
    note: /torch\.distributed\.run/,
  },
  {
    name: 'python -m torch.distributed.launch',
    sh: 'python3 -m torch.distributed.launch --nproc_per_node=2 --use_env train.py\n',
    devices: 2,
    note: /launch --nproc_per_node=2/,
  },
  {
    name: 'CUDA_VISIBLE_DEVICES on the command',
    sh: 'CUDA_VISIBLE_DEVICES=0,1,2,3 python train.py\n',
    devices: 4,
    note: /CUDA_VISIBLE_DEVICES=0,1,2,3/,
  },
  {
    name: 'exported CUDA_VISIBLE_DEVICES',
    sh: 'export CUDA_VISIBLE_DEVICES=4,5\npython train.py\n',
    devices: 2,
    note: /exported/,
    line: 2,
  },
  {
    name: 'accelerate: --num_processes is the total',
    sh: 'accelerate launch --num_machines 2 --num_processes 16 train.py\n',
    devices: 16,
    note: /total over --num_machines 2/,
  },
  {
    name: 'deepspeed --num_gpus × --num_nodes',
    sh: 'deepspeed --num_nodes 2 --num_gpus 8 train.py\n',
    devices: 16,
    note: /--num_gpus 8 × --num_nodes 2/,
  },
  {
    name: 'deepspeed --include one host',
    sh: 'deepspeed --include localhost:0,1,2 train.py\n',
    devices: 3,
    note: /localhost:0,1,2/,
  },
  {
    name: 'deepspeed --include two hosts',
    sh: 'deepspeed --include "n1:0,1@n2:0,1" train.py\n',
    devices: 4,
    note: /2 hosts/,
  },
  {
    name: 'deepspeed on every visible GPU',
    sh: 'CUDA_VISIBLE_DEVICES=0,1 deepspeed train.py\n',
    devices: 2,
    note: /every visible GPU/,
  },
  { name: 'mpirun -np', sh: 'mpirun -np 8 --allow-run-as-root python train.py\n', devices: 8, note: /mpirun -np 8/ },
  {
    name: 'SLURM --gres with a GPU type × --nodes',
    sh: '#!/bin/bash\n#SBATCH --nodes=2\n#SBATCH --gres=gpu:a100:4\nsrun python train.py\n',
    devices: 8,
    note: /--gres=gpu:a100:4: 4 GPUs per node × 2 nodes/,
    line: 3,
  },
  {
    name: 'SLURM short options with spaces and the $SLURM_* variables torchrun reads',
    sh: '#SBATCH -N 2\n#SBATCH --gpus-per-node 8\nsrun torchrun --nnodes $SLURM_NNODES --nproc_per_node $SLURM_GPUS_ON_NODE train.py\n',
    devices: 16,
    note: /\$SLURM_GPUS_ON_NODE × --nnodes \$SLURM_NNODES/,
    line: 3,
  },
  {
    name: 'SLURM --gpus for the whole job',
    sh: '#SBATCH --gpus=16\n#SBATCH --nodes=2\nsrun python train.py\n',
    devices: 16,
    note: /16 GPUs for the job/,
  },
  {
    name: 'SLURM --gpus-per-task × tasks',
    sh: '#SBATCH --nodes=2\n#SBATCH --ntasks-per-node=4\n#SBATCH --gpus-per-task=1\nsrun python train.py\n',
    devices: 8,
    note: /--gpus-per-task=1 × 8 tasks/,
  },
  { name: 'srun options', sh: 'srun --nodes=2 --gres=gpu:4 python train.py\n', devices: 8, note: /srun --gres=gpu:4/ },
  {
    name: 'srun short options',
    sh: 'srun -N 2 --gpus-per-node=4 python train.py\n',
    devices: 8,
    note: /× 2 nodes \(srun -N 2\)/,
  },
  {
    name: 'a commented-out #SBATCH line is ignored',
    sh: '#SBATCH --gres=gpu:2\n##SBATCH --gres=gpu:8\n# SBATCH --nodes=4\nsrun python train.py\n',
    devices: 2,
    note: /gpu:2/,
    line: 1,
  },
  {
    name: 'SLURM --gres with other resources',
    sh: '#SBATCH --gres=tmpfs:10G,gpu:h100:8  # one node\nsrun python train.py\n',
    devices: 8,
    note: /8 GPUs per node/,
  },
  {
    name: 'PBS select chunks',
    sh: '#PBS -l select=2:ngpus=4:ncpus=32\nmpiexec python train.py\n',
    devices: 8,
    note: /ngpus=4/,
  },
  {
    name: 'torchrun --nproc_per_node=gpu takes the SLURM allocation',
    sh: '#SBATCH --gres=gpu:4\ntorchrun --nproc_per_node=gpu train.py\n',
    devices: 4,
    note: /every visible GPU: 4 per node/,
  },
  {
    name: 'a count in an unknown variable is unknown',
    sh: 'torchrun --nproc_per_node=$NGPU train.py\n',
    devices: null,
    note: /not written in this file/,
  },
  {
    name: 'an elastic node range is unknown',
    sh: 'torchrun --nnodes=1:4 --nproc_per_node=8 train.py\n',
    devices: null,
    note: /chosen at launch/,
  },
  {
    name: 'a count in a variable falls back to the scheduler',
    sh: '#SBATCH --nodes=1\n#SBATCH --gres=gpu:4\nsrun torchrun --nproc_per_node=$GPUS train.py\n',
    devices: 4,
    note: /4 GPUs per node/,
  },
];

for (const c of LAUNCHERS)
  test(`devices from a launcher: ${c.name}`, async () => {
    const a = await launch(c.sh);
    const d = fact(a, 'devices')!;
    assert.equal(d.value, c.devices, `${c.name}: ${d.note}`);
    assert.equal(d.origin, 'explicit');
    assert.match(d.note ?? '', c.note);
    assert.ok(d.file?.endsWith('run.sh'));
    if (c.line) assert.equal(lineOf(c.sh, d.span!.start), c.line);
  });

test('SLURM --gres=gpu:TYPE:N and --constraint name the hardware; a choice of GPUs names none', async () => {
  for (const [sh, hw] of [
    ['#SBATCH --gres=gpu:a100:8\nsrun python train.py\n', 'a100'],
    ['#SBATCH --gpus-per-node=h100:4\nsrun python train.py\n', 'h100'],
    ['#SBATCH --constraint=a100-80gb\n#SBATCH --gres=gpu:2\nsrun python train.py\n', 'a100-80gb'],
    ['#SBATCH -C h100\n#SBATCH --gres=gpu:2\nsrun python train.py\n', 'h100'],
    ['#SBATCH --constraint="a100|h100"\n#SBATCH --gres=gpu:2\nsrun python train.py\n', null],
  ] as const) {
    const a = await launch(sh);
    assert.equal(fact(a, 'hardware')?.value ?? null, hw, sh);
  }
});

test('a launcher whose script is not in the tree is a run of what the launcher says, with a note', async () => {
  const sh =
    '#!/bin/bash\n#SBATCH --nodes=4\n#SBATCH --gres=gpu:h100:8\nsrun torchrun --nnodes $SLURM_NNODES --nproc_per_node 8 pretrain_gpt.py \\\n  --tensor-model-parallel-size 4 --pipeline-model-parallel-size 2 \\\n  --micro-batch-size 2 --seq-length 4096 --train-iters 50000 --bf16\n';
  const a = await launch(sh, 'job.slurm');
  const run = theRun(a);
  assert.match(run.plan.entry.label, /pretrain_gpt\.py not found: read from the launcher only/);

  const v = (k: string) => fact(a, k as never)?.value;
  assert.deepEqual(
    ['devices', 'hardware', 'tp', 'pp', 'dp', 'precision', 'micro_batch', 'seq_len', 'max_steps'].map(v),
    [32, 'h100', 4, 2, 4, 'bf16', 2, 4096, 50000],
  );
  assert.match(fact(a, 'dp')!.note!, /32 devices \/ \(tp 4 × pp 2\)/);
  // HF-style flags and accelerate's --mixed_precision on a launch of a missing script.
  const hf = await launch(
    'accelerate launch --num_processes 8 --mixed_precision bf16 finetune.py --per_device_train_batch_size 4 --num_train_epochs 3\n',
  );
  assert.deepEqual(
    ['devices', 'precision', 'micro_batch', 'epochs'].map((k) => fact(hf, k as never)?.value),
    [8, 'bf16', 4, 3],
  );
});

test('parallel degrees: torchtitan shard × tp gives the devices; an inferred degree (-1) gives none', async () => {
  let a = await launch(
    'python train.py --parallelism.data_parallel_shard_degree 4 --parallelism.tensor_parallel_degree 2\n',
  );
  assert.deepEqual(
    ['dp', 'tp', 'devices'].map((k) => fact(a, k as never)?.value),
    [4, 2, 8],
  );
  a = await launch(
    'torchrun --nproc_per_node 8 train.py --parallelism.data_parallel_shard_degree -1 --parallelism.tensor_parallel_degree 2\n',
  );
  assert.deepEqual(
    ['dp', 'tp', 'devices'].map((k) => fact(a, k as never)?.value),
    [null, 2, 8],
    'the world size comes from torchrun',
  );
});

test('must not: launches that are not training, or whose script is a variable, give no run', async () => {
  for (const sh of [
    'torchrun --nproc_per_node 8 eval.py --ckpt out\n',
    'python preprocess_data.py --input x.json\n',
    'python -m vllm.entrypoints.openai.api_server --model m\n',
    'torchrun --nproc_per_node 8 $SCRIPT\n',
    'python helper.py\n',
  ]) {
    const a = await launch(sh);
    assert.equal(a.runs.length, 0, sh);
  }
});

const trainer = (args: string) =>
  `import lightning as L\nmodel = M()\ntrainer = L.Trainer(${args})\ntrainer.fit(model)\n`;

test('Lightning Trainer: devices × num_nodes; "auto" and -1 are unknown, not 1; a setting fills them', async () => {
  const cases: [string, number | null][] = [
    ['devices=4, num_nodes=2', 8],
    ['devices=[0, 1], accelerator="gpu"', 2],
    ['devices="auto"', null],
    ['devices=-1, num_nodes=2', null],
  ];
  for (const [args, want] of cases) {
    const a = await analyze({ 'train.py': trainer(args) }, 'train.py');
    const d = fact(a, 'devices')!;
    assert.deepEqual([d.value, d.origin], [want, 'explicit'], args);
  }
  const auto = await analyze({ 'train.py': trainer('devices="auto"') }, 'train.py');
  assert.match(fact(auto, 'devices')!.note!, /count is not in the file/);
  assert.ok(
    theRun(auto).estimate.assumptions.some((x) => x.key === 'devices'),
    'the estimate states its own device assumption',
  );
  const set = await analyze({ 'train.py': trainer('devices="auto"') }, 'train.py', { devices: 4 });
  assert.deepEqual([fact(set, 'devices')?.value, fact(set, 'devices')?.origin], [4, 'setting']);
});

const ray = (scaling: string) => `import torch
from ray.train import ScalingConfig
from ray.train.torch import TorchTrainer, prepare_model

def train_func(config):
    model = prepare_model(torch.nn.Linear(8, 2))
    opt = torch.optim.AdamW(model.parameters())
    for epoch in range(3):
        for x, y in loader:
            loss = torch.nn.functional.mse_loss(model(x), y)
            loss.backward()
            opt.step()
            opt.zero_grad()

trainer = TorchTrainer(train_func, scaling_config=${scaling})
trainer.fit()
`;

test('Ray Train ScalingConfig: workers × GPUs per worker; CPU workers without use_gpu', async () => {
  const cases: [string, number | null, string | null][] = [
    ['ScalingConfig(num_workers=4, use_gpu=True)', 4, null],
    ['ScalingConfig(num_workers=2, use_gpu=True, resources_per_worker={"GPU": 2})', 4, null],
    ['ScalingConfig(num_workers=2)', 2, 'cpu'],
    ['ScalingConfig(num_workers=n, use_gpu=True)', null, null],
  ];
  for (const [sc, devices, hw] of cases) {
    const a = await analyze({ 'train.py': ray(sc) }, 'train.py');
    assert.deepEqual([fact(a, 'devices')?.value, fact(a, 'devices')?.origin], [devices, 'explicit'], sc);
    assert.equal(fact(a, 'hardware')?.value ?? null, hw, sc);
  }
});

const plainLoop = (head: string, tail = '') => `import argparse
import torch
import torch.nn as nn
${head}
def main():
    model = nn.Linear(8, 2).cuda()
    opt = torch.optim.AdamW(model.parameters())
    for epoch in range(3):
        for x, y in loader:
            loss = nn.functional.mse_loss(model(x.cuda()), y.cuda())
            loss.backward()
            opt.step()
            opt.zero_grad()
${tail}
`;

test('a script states its own devices: DataParallel ids, spawn nprocs, argparse defaults and constants; a launcher flag replaces the default', async () => {
  const cases: [string, string, number, string][] = [
    ['', '\nmodel = nn.DataParallel(nn.Linear(8, 2), device_ids=[0, 1, 2])', 3, 'explicit'],
    ['', '\ntorch.multiprocessing.spawn(main, nprocs=4)', 4, 'explicit'],
    [
      'p = argparse.ArgumentParser()\np.add_argument("--num_gpus", type=int, default=8)\nargs = p.parse_args()',
      '',
      8,
      'script-default',
    ],
    ['NUM_GPUS = 2', '', 2, 'explicit'],
  ];
  for (const [head, tail, n, origin] of cases) {
    const a = await analyze({ 'train.py': plainLoop(head, tail) }, 'train.py');
    assert.deepEqual([fact(a, 'devices')?.value, fact(a, 'devices')?.origin], [n, origin], head + tail);
  }
  const withFlag = await analyze(
    {
      'train.py': plainLoop(
        'p = argparse.ArgumentParser()\np.add_argument("--num_gpus", type=int, default=8)\nargs = p.parse_args()',
      ),
      'run.sh': 'python train.py --num_gpus 2\n',
    },
    'train.py',
  );
  // The script planned alone keeps its own default (every labelled set labels a file given alone so); the run the
  // launcher starts, with its flag over the default, is the script's launched run (engine/link.ts `linkFile`).
  assert.deepEqual([fact(withFlag, 'devices')?.value, fact(withFlag, 'devices')?.origin], [8, 'script-default']);
  const launched = launchedRun(withFlag).plan.facts.get('devices');
  assert.deepEqual([launched?.value, launched?.origin], [2, 'explicit']);
  // must not: a world size left to the environment (-1) is no count.
  const env = await analyze(
    { 'train.py': plainLoop('p = argparse.ArgumentParser()\np.add_argument("--world-size", default=-1, type=int)') },
    'train.py',
  );
  assert.equal(fact(env, 'devices')?.origin, 'assumed');
});

test('DeepSpeed config: train_batch_size / (micro × accumulation) is the world size; Lightning 1.x gpus= is devices', async () => {
  const ds =
    '{"train_batch_size": 256, "train_micro_batch_size_per_gpu": 8, "gradient_accumulation_steps": 4, "zero_optimization": {"stage": 2}}';
  const a = await analyze({ 'ds.json': ds }, 'ds.json');
  assert.deepEqual([fact(a, 'devices')?.value, fact(a, 'micro_batch')?.value], [8, 8]);
  assert.match(
    fact(a, 'devices')!.note!,
    /256 \/ \(train_micro_batch_size_per_gpu 8 × gradient_accumulation_steps 4\)/,
  );
  const auto = await analyze(
    { 'ds.json': ds.replace('"train_micro_batch_size_per_gpu": 8', '"train_micro_batch_size_per_gpu": "auto"') },
    'ds.json',
  );
  assert.equal(fact(auto, 'devices')?.origin, 'assumed');
  const pl = await analyze({ 'train.py': trainer('gpus=4, num_nodes=2') }, 'train.py');
  assert.equal(fact(pl, 'devices')?.value, 8);
});

test('CUDA_VISIBLE_DEVICES is per node: the SLURM node count multiplies it', async () => {
  const a = await launch(
    '#SBATCH --nodes=2\n#SBATCH --gpus-per-node=2\nexport CUDA_VISIBLE_DEVICES=0,1\nsrun python train.py\n',
  );
  assert.equal(fact(a, 'devices')?.value, 4);
  assert.match(fact(a, 'devices')!.note!, /CUDA_VISIBLE_DEVICES=0,1 \(exported\): 2 GPUs visible × 2 nodes/);
});
