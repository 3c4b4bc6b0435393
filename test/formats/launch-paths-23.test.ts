// Launchers whose script or config this review found nowhere (session 23): paths written for the author's cluster
// (`~/proj/…`, `/home/me/proj/config/x.yaml`) that name a file of the checkout, and a job that runs another launcher
// whose run only its flags tell. Fixtures written for these tests in the style of the pattern; no spent-set file is
// copied.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const values = (a: Awaited<ReturnType<typeof analyze>>, keys: string[]) =>
  keys.map((k) => fact(a, k as never)?.value ?? null);

/** A segmentation loop (its own minibatch iterator) that takes its settings from the YAML file given by --config_path. */
const SEG = `import argparse
import torch
import yaml

parser = argparse.ArgumentParser()
parser.add_argument("--config_path", type=str, required=True)
args = parser.parse_args()
with open(args.config_path) as f:
    config = yaml.safe_load(f)
model = UNet().cuda()
optimizer = torch.optim.Adam(model.parameters(), lr=config["lr"])
for epoch in range(20):
    for x, y in iterate_minibatches(images, labels, config["batch_size"]):
        loss = model(x.cuda()).sum()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;
const CONFIG = 'lr: 0.001\nbatch_size: 6\n';
const JOB = (path: string) => `#!/bin/bash
#SBATCH --gres=gpu:1
CONFIG_PATH="${path}"
exec python -u ../src/train.py --config_path "$CONFIG_PATH"
`;

test("a job naming its config by a path on the author's cluster reads the checkout's file with those folders and name", async () => {
  for (const p of ['/cluster/home/me/seg-project/config/train.yaml', '~/seg-project/config/train.yaml']) {
    const a = await analyze(
      {
        'proj/README.md': 'x\n',
        'proj/src/train.py': SEG,
        'proj/config/train.yaml': CONFIG,
        'proj/scripts/train.sh': JOB(p),
      },
      'proj/scripts/train.sh',
    );
    assert.equal(fact(a, 'micro_batch')?.value, 6, p);
  }
});

test('must not link: a cluster path whose folder the checkout does not hold, or a bare file name', async () => {
  for (const p of ['/cluster/home/me/seg-project/other/train.yaml', '/scratch/train.yaml']) {
    const a = await analyze(
      {
        'proj/README.md': 'x\n',
        'proj/src/train.py': SEG,
        'proj/config/train.yaml': CONFIG,
        'proj/train.yaml': CONFIG,
        'proj/scripts/train.sh': JOB(p),
      },
      'proj/scripts/train.sh',
    );
    assert.equal(fact(a, 'micro_batch')?.value ?? null, null, p);
  }
});

test('must not: the config, analysed itself, keeps its own values when a job names it by a cluster path', async () => {
  // A config given alone is labelled with its own values in every held-out set; the job's overrides would reach it.
  const files = {
    'proj/README.md': 'x\n',
    'proj/src/train.py': SEG,
    'proj/config/train.yaml': `${CONFIG}epochs: 20\noptimizer: adam\nnum_workers: 4\n`,
    'proj/scripts/train.sh': JOB('/cluster/home/me/seg-project/config/train.yaml').replace(
      '--gres=gpu:1',
      '--gres=gpu:2',
    ),
  };
  const alone = await analyze(files, 'proj/config/train.yaml');
  const runs = [...alone.runs, ...(alone.linked ?? [])];
  assert.ok(runs.length > 0, 'the config is a run');
  assert.ok(runs.every((r) => r.plan.facts.get('devices')?.value !== 2));
});

/** A Megatron-DeepSpeed launcher: its script lives outside the checkout (under $HOME), its options say the run. */
const MEGATRON = `#!/bin/bash
megatron_dir="\${HOME}/Megatron-DeepSpeed"
seq_len=2048
batch_size=8
global_batch_size=128
megatron_options=" \\
  --micro-batch-size \${batch_size} \\
  --global-batch-size \${global_batch_size} \\
  --seq-length \${seq_len} \\
  --train-iters 5000 \\
  --fp16"
deepspeed --master_port 29600 \${megatron_dir}/pretrain_gpt.py \${megatron_options} 2>&1 | tee log.txt
`;

test("a job that runs another launcher by its path on the cluster has that launcher's run, on the job's GPUs", async () => {
  const a = await analyze(
    {
      'proj/README.md': 'x\n',
      'proj/train/scripts/gpt_small/pretrain.sh': MEGATRON,
      'proj/train/jobs/job.sh': `#!/bin/bash
#SBATCH --gpus-per-node=4
bash ~/proj/train/scripts/gpt_small/pretrain.sh --save_interval 700
`,
    },
    'proj/train/jobs/job.sh',
  );
  assert.deepEqual(
    values(a, ['micro_batch', 'global_batch', 'seq_len', 'devices', 'grad_accum']),
    [8, 128, 2048, 4, 4],
  );
});

test('must not link: a job running a launcher the checkout holds under another folder', async () => {
  const a = await analyze(
    {
      'proj/README.md': 'x\n',
      'proj/train/scripts/gpt_small/pretrain.sh': MEGATRON,
      'proj/train/jobs/job.sh': `#!/bin/bash
#SBATCH --gpus-per-node=4
bash ~/proj/train/scripts/gpt_large/pretrain.sh
`,
    },
    'proj/train/jobs/job.sh',
  );
  assert.equal(a.runs.length + (a.linked?.length ?? 0), 0);
});

/** A torchtitan job config (https://github.com/pytorch/torchtitan, train_configs/*.toml). */
const TITAN = `[job]
dump_folder = "./outputs"

[model]
name = "llama3"
flavor = "1B"

[optimizer]
name = "AdamW"
lr = 3e-4

[training]
local_batch_size = 16
seq_len = 2048
steps = 3000
`;

test('torchtitan: the TOML given by --job.config_file is the run, under the launcher', async () => {
  const a = await analyze(
    {
      'proj/README.md': 'x\n',
      'proj/config/llama_1b.toml': TITAN,
      'proj/train.sh': `#!/bin/bash
NGPU=4
CONFIG_FILE="config/llama_1b.toml"
torchrun --nproc_per_node=\${NGPU} -m torchtitan.train --job.config_file \${CONFIG_FILE}
`,
    },
    'proj/train.sh',
  );
  assert.deepEqual(values(a, ['micro_batch', 'seq_len', 'max_steps', 'optimizer', 'devices']), [
    16,
    2048,
    3000,
    'adamw',
    4,
  ]);
});

test('must not read: a TOML given by another dotted option (--validation.config_file)', async () => {
  const a = await analyze(
    {
      'proj/README.md': 'x\n',
      'proj/config/llama_1b.toml': TITAN,
      'proj/train.sh': `#!/bin/bash
torchrun --nproc_per_node=4 -m torchtitan.train --validation.config_file config/llama_1b.toml
`,
    },
    'proj/train.sh',
  );
  const runs = [...a.runs, ...(a.linked ?? [])];
  assert.ok(runs.every((r) => r.plan.facts.get('micro_batch')?.value == null));
});

/** A loop whose batch and length come from a settings dict built under the main guard and handed to the workers. */
const DICT = (extra = '') => `import argparse
import torch
import torch.multiprocessing as mp
from torch.utils.data import DataLoader


def train(rank, world_size, hp):
    loader = DataLoader(dataset, batch_size=hp["batch_size"], shuffle=True)
    optimizer = torch.optim.Adam(model.parameters(), lr=hp["lr"])
    for epoch in range(hp["epochs"]):
        for x in loader:
            loss = model(x.to(rank)).mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()


if __name__ == "__main__":
    hyperparams = {"batch_size": 50, "epochs": 300, "lr": 1e-3}
    ${extra}
    mp.spawn(train, args=(2, hyperparams), nprocs=2)
`;

test("a SLURM job running the script with no arguments keeps what the script's own settings show", async () => {
  const files = {
    'proj/README.md': 'x\n',
    'proj/train.py': DICT(),
    'proj/main.sh': '#!/bin/bash\n#SBATCH --gres=gpu:1\n#SBATCH -p a100\n\npython3 train.py\n',
  };
  const alone = await analyze(files, 'proj/train.py');
  const job = await analyze(files, 'proj/main.sh');
  assert.deepEqual(values(alone, ['micro_batch', 'epochs']), [50, 300]);
  assert.deepEqual(values(job, ['micro_batch', 'epochs']), [50, 300]);
});

test('must not fill: a job that passes the script arguments (an unread value, a saved run to resume)', async () => {
  const PARSE = `parser = argparse.ArgumentParser()
    parser.add_argument("--batch_size", type=int, default=50)
    parser.add_argument("--resume", default=None)
    args = parser.parse_args()
    hyperparams["batch_size"] = args.batch_size
    if args.resume:
        hyperparams = torch.load(args.resume)["hyperparams"]`;
  for (const flags of ['--batch_size "$BS"', '--resume runs/model_0980000.pt']) {
    const a = await analyze(
      {
        'proj/README.md': 'x\n',
        'proj/train.py': DICT(PARSE),
        'proj/main.sh': `#!/bin/bash\n#SBATCH --gres=gpu:1\n\npython3 train.py ${flags}\n`,
      },
      'proj/main.sh',
    );
    assert.equal(fact(a, 'micro_batch')?.value ?? null, null, flags);
  }
});

/** An argparse training script a job runs. */
const RUN_PY = `import argparse
import torch
import torch.optim as optim
from torch.utils.data import DataLoader

parser = argparse.ArgumentParser()
parser.add_argument("--batch_size", type=int, default=100)
parser.add_argument("--epochs", type=int, default=40)
parser.add_argument("--arc", default="LeNet")
args = parser.parse_args()
model = build(args.arc).cuda()
optimizer = optim.Adam(model.parameters(), lr=1e-3)
loader = DataLoader(train_set, batch_size=args.batch_size, shuffle=True, num_workers=8)
for epoch in range(args.epochs):
    for x, y in loader:
        loss = model(x.cuda()).sum()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;

test('a job script named otherwise than *.sh (runbatch.s, train.job, an extensionless file) is read as a launcher', async () => {
  const jobs: Record<string, string> = {
    'proj/runbatch.s': '#!/bin/bash\n#SBATCH --gres=gpu:1\nmodule load anaconda3\npython run.py --epochs 12\n',
    'proj/train.job': '#SBATCH --gres=gpu:1\n#SBATCH --time=10:00:00\npython run.py --epochs 12\n',
    'proj/train': '#!/usr/bin/env bash\npython run.py --epochs 12\n',
  };
  for (const [name, text] of Object.entries(jobs)) {
    const a = await analyze({ 'proj/README.md': 'x\n', 'proj/run.py': RUN_PY, [name]: text }, name);
    assert.deepEqual(values(a, ['epochs', 'micro_batch', 'num_workers']), [12, 100, 8], name);
  }
});

test('must not read as a launcher: an assembly file, a text file or an untagged file naming a script', async () => {
  const others: Record<string, string> = {
    'proj/start.s': '\t.text\n\t.globl main\nmain:\n\tret\n',
    'proj/notes.txt': '#!/bin/bash\npython run.py --epochs 12\n',
    'proj/howto': 'python run.py --epochs 12\n',
  };
  for (const [name, text] of Object.entries(others)) {
    const a = await analyze({ 'proj/README.md': 'x\n', 'proj/run.py': RUN_PY, [name]: text }, name);
    assert.equal(a.runs.length + (a.linked?.length ?? 0), 0, name);
  }
});
