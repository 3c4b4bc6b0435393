// Device counts a launcher computes from what its scheduler sets (`NNODES=$SLURM_NNODES`, `num_node=$NHOSTS`,
// `$((NNODES * GPUS_PER_NODE))`), and a torchtitan job config's count from its parallel degrees. A count the file
// leaves to a variable nothing in it sets stays unknown: never one device, never a guess.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const launch = (sh: string) => analyze({ 'job.sh': sh }, 'job.sh');
const devices = async (sh: string) => fact(await launch(sh), 'devices')?.value ?? null;

const SCRIPT = `import torch
import argparse
p = argparse.ArgumentParser()
p.add_argument("--lr", type=float, default=1e-3)
args = p.parse_args()
model = torch.nn.Linear(2, 2).cuda()
opt = torch.optim.SGD(model.parameters(), lr=args.lr)
for epoch in range(3):
    loss = model(torch.randn(4, 2).cuda()).sum()
    loss.backward()
    opt.step()
`;

test('SLURM: the node count the #SBATCH lines request, read through variables the script computes with', async () => {
  const head = '#!/bin/bash\n#SBATCH --nodes=4\n#SBATCH --gpus-per-node=8\n';
  assert.equal(
    await devices(
      `${head}NNODES=$SLURM_NNODES\nGPUS_PER_NODE=8\ntorchrun --nnodes $NNODES --nproc_per_node $GPUS_PER_NODE train.py\n`,
    ),
    32,
  );
  assert.equal(
    await devices(`${head}WORLD_SIZE=$((SLURM_JOB_NUM_NODES * 8))\nmpirun -np $WORLD_SIZE python train.py\n`),
    32,
  );
});

test('must not: a node count no directive of this file sets stays unknown', async () => {
  // No #SBATCH node count: $SLURM_NNODES is the caller's.
  assert.equal(
    await devices('#!/bin/bash\nNNODES=$SLURM_NNODES\ntorchrun --nnodes $NNODES --nproc_per_node 8 train.py\n'),
    null,
  );
});

test('Grid Engine on ABCI: `#$ -l rt_AF=N` is N hosts ($NHOSTS), times the per-node count the script sets', async () => {
  const body = 'num_gpus_pernode=8\nnum_node=$NHOSTS\nnum_gpus=$((${num_gpus_pernode} * ${num_node}))\n';
  const run = 'mpirun -np $num_gpus --npernode $num_gpus_pernode python train.py\n';
  assert.equal(await devices(`#!/bin/bash\n#$ -l rt_AF=2\n#$ -l h_rt=1:00:00\n${body}${run}`), 16);
  assert.equal(await devices(`#!/bin/bash\n#$ -l rt_F=3,h_rt=1:00:00\n${body}${run}`), 24);
});

test('must not: $NHOSTS without a whole-node request, or an mpirun count left to it, is no count', async () => {
  const body = 'num_node=$NHOSTS\nnum_gpus=$((8 * num_node))\nmpirun -np $num_gpus python train.py\n';
  // rt_G.large is part of a node: how many hosts the job spans is not stated.
  assert.equal(await devices(`#!/bin/bash\n#$ -l rt_G.large=1\n${body}`), null);
  assert.equal(await devices(`#!/bin/bash\n${body}`), null);
  // With the script beside it, an unknown process count is not the single process of a plain `python train.py`.
  const a = await analyze({ 'job.sh': `#!/bin/bash\n${body}`, 'train.py': SCRIPT }, 'job.sh');
  assert.equal(fact(a, 'devices')?.value ?? null, null);
});

const titan = (parallelism: string, section = 'parallelism') =>
  `[job]\ndump_folder = "./outputs"\n\n[model]\nname = "llama3"\nflavor = "8B"\n\n[training]\nbatch_size = 2\nseq_len = 4096\nsteps = 1000\n\n[${section}]\n${parallelism}`;

test('torchtitan job config: replicate × shard × tensor × pipeline degrees, in either layout', async () => {
  const now = await analyze(
    {
      'llama.toml': titan(
        'data_parallel_replicate_degree = 4\ndata_parallel_shard_degree = 8\ntensor_parallel_degree = 2\npipeline_parallel_degree = 1\n',
      ),
    },
    'llama.toml',
  );
  assert.equal(fact(now, 'devices')?.value, 64);
  // torchtitan 2024: the degrees under [training], pipeline under [experimental].
  const old = await analyze(
    {
      'llama.toml': titan(
        'data_parallel_replicate_degree = 2\ndata_parallel_shard_degree = 32\ntensor_parallel_degree = 8\n\n[experimental]\npipeline_parallel_degree = 1\n',
        'training.x',
      ).replace('[training.x]\n', ''),
    },
    'llama.toml',
  );
  assert.equal(fact(old, 'devices')?.value, 512);
});

test('must not: a torchtitan shard degree of -1 or unwritten (the rest of the world size) states no count', async () => {
  for (const p of [
    'data_parallel_replicate_degree = 1\ndata_parallel_shard_degree = -1\ntensor_parallel_degree = 2\n',
    'data_parallel_replicate_degree = 2\ntensor_parallel_degree = 2\n',
  ]) {
    const a = await analyze({ 'llama.toml': titan(p) }, 'llama.toml');
    const d = fact(a, 'devices');
    assert.ok(!d || d.value === null || d.origin === 'assumed', `${p}: ${d?.value} (${d?.origin})`);
  }
});
