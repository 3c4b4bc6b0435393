// The GPU and the device count a job script's scheduler options request (engine/extract/scheduler-options.ts,
// scheduler-resources.ts): LSF `#BSUB -q`/`-gpu`, and partitions or queues that write the GPU's name glued to a site's
// words (`gpuv100`, `amd_a100nv_8`). Job scripts written for these tests in the style of cluster user guides.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const LSF = (opts: string[], cmd = 'python src/train.py --epochs 200 --batch_size 64') =>
  `#!/bin/sh\n${opts.map((o) => `#BSUB ${o}`).join('\n')}\n#BSUB -W 12:00\nmodule load python3\n${cmd}\n`;

const facts = async (sh: string) => {
  const a = await analyze({ 'job.sh': sh }, 'job.sh');
  return { hardware: fact(a, 'hardware'), devices: fact(a, 'devices') };
};

test('an LSF job on a GPU queue: the queue names the GPU, `-gpu "num=N"` the GPUs of the host', async () => {
  const one = await facts(LSF(['-q gpuv100', '-gpu "num=1:mode=exclusive_process"', '-n 4']));
  assert.equal(one.hardware?.value, 'v100');
  assert.deepEqual([one.devices?.value, one.devices?.origin], [1, 'explicit']);
  const two = await facts(LSF(['-q normal', '-gpu "num=2:gmodel=NVIDIAA100_SXM4_80GB"']));
  assert.equal(two.hardware?.value, 'a100', 'the model the GPU request names');
  assert.equal(two.devices?.value, 2);
});

test('must not: an LSF job without `-gpu` is no CPU run, and a queue named `gpu` names no GPU', async () => {
  // LSF may give the job GPUs from its queue's or the cluster's default GPU requirement.
  const bare = await facts(LSF(['-q hpc', '-n 8', '-R "rusage[mem=4GB]"']));
  assert.notEqual(bare.hardware?.value, 'cpu');
  const generic = await facts(LSF(['-q gpu', '-gpu "num=1"']));
  assert.notEqual(generic.hardware?.origin, 'explicit');
});

test('a partition that writes the GPU after `gpu` or before an `nv` tag names it; other glued words do not', async () => {
  const job = (p: string) => `#!/bin/bash\n#SBATCH -p ${p}\n#SBATCH --gres=gpu:1\npython3 train.py\n`;
  assert.equal((await facts(job('amd_a100nv_8'))).hardware?.value, 'a100');
  assert.equal((await facts(job('cas_v100nv_4'))).hardware?.value, 'v100');
  assert.equal((await facts(job('gpua100'))).hardware?.value, 'a100');
  // must not: a GPU word inside another word is no GPU name.
  for (const p of ['a100nvme', 'xa100', 'multigpu'])
    assert.notEqual((await facts(job(p))).hardware?.origin, 'explicit', p);
});

test('a partition named for an older or consumer GPU names it (`gypsum-m40`, `gypsum-1080ti`, `-p 3090`)', async () => {
  const job = (p: string) => `#!/bin/bash\n#SBATCH --partition=${p}\n#SBATCH --gpus=1\npython3 train.py\n`;
  assert.equal((await facts(job('gypsum-m40'))).hardware?.value, 'm40');
  assert.equal((await facts(job('gypsum-1080ti'))).hardware?.value, '1080ti');
  assert.equal((await facts(job('gypsum-titanx'))).hardware?.value, 'titanx');
  assert.equal((await facts(job('3090'))).hardware?.value, '3090');
  // must not: a number inside another word, or a file named for a size, is no GPU.
  for (const p of ['node1080', 'gpu-long', 'x3090'])
    assert.notEqual((await facts(job(p))).hardware?.origin, 'explicit', p);
  const sized = await analyze({ 'train_1080.sh': 'python3 train.py --size 1080\n' }, 'train_1080.sh');
  assert.equal(fact(sized, 'hardware')?.origin === 'inferred' && fact(sized, 'hardware')?.value, false);
});
