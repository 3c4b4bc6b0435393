// Hardware is what a file states: a SLURM job that requests no GPU names no hardware, so its run is a CPU run only by
// assumption (`greenml plan` says `assumed`, not that the file says "cpu"), while the rules still treat it as a CPU
// run. A job that names its GPU keeps it as written. Fixtures written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const LOOP = `import torch
from torch import nn

model = nn.Sequential(nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 4)).to("cuda" if torch.cuda.is_available() else "cpu")
opt = torch.optim.SGD(model.parameters(), lr=0.01)
loader = torch.utils.data.DataLoader(dataset, batch_size=64)
for epoch in range(100):
    for x, y in loader:
        loss = nn.functional.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

const job = (opts: string) => `#!/bin/bash
#SBATCH --job-name=train
#SBATCH --time=24:00:00
${opts}

srun python train.py
`;

const hardwareOf = async (opts: string) => {
  const a = await analyze({ 'train.py': LOOP, 'job.sh': job(opts) }, 'job.sh');
  return { fact: fact(a, 'hardware') };
};

test('a SLURM job that requests no GPU: a CPU run assumed, not hardware the file states', async () => {
  const cpu = await hardwareOf('#SBATCH --ntasks=1\n#SBATCH --cpus-per-task=1\n#SBATCH --partition=compute');
  assert.equal(cpu.fact?.value, 'cpu');
  assert.equal(cpu.fact?.origin, 'assumed');
  assert.match(cpu.fact?.note ?? '', /requests no GPU/);
});

test('must not: a job that names its GPU keeps that hardware as written', async () => {
  const gpu = await hardwareOf('#SBATCH --ntasks=1\n#SBATCH --gres=gpu:a100:1');
  assert.equal(gpu.fact?.value, 'a100');
  assert.equal(gpu.fact?.origin, 'explicit');
});
