// Precision, ZeRO stage and optimizer of runs whose launcher decides them (session 22). Fixtures written for these
// tests in the style of the pattern; no spent-set file is copied.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const values = (a: Awaited<ReturnType<typeof analyze>>, keys: string[]) =>
  keys.map((k) => fact(a, k as never)?.value ?? null);

/** A loop whose DeepSpeed config is whatever option the project declares for it. */
const SCRIPT = `import argparse
import deepspeed
import torch

parser = argparse.ArgumentParser()
parser.add_argument("--ds_cfg_name", type=str, default=None)
parser.add_argument("--data_config", type=str, default=None)
args = parser.parse_args()
cfg = load_settings(args)
model = build_model()
engine, _, _, _ = deepspeed.initialize(model=model, model_parameters=model.parameters(), config=cfg.deepspeed_file)
for step in range(1000):
    loss = engine(batch())
    engine.backward(loss)
    engine.step()
`;
const DS = `{
  "train_micro_batch_size_per_gpu": 6,
  "gradient_accumulation_steps": 32,
  "optimizer": {"type": "AdamW", "params": {"lr": 1e-5}},
  "fp16": {"enabled": true},
  "zero_optimization": {"stage": 1}
}
`;

test("a project's own option for the DeepSpeed JSON (--deepspeed_cfg, --ds_config) on the launcher: its precision, ZeRO stage and optimizer", async () => {
  for (const flag of ['--deepspeed_cfg', '--ds_config']) {
    const a = await analyze(
      {
        'proj/train.py': SCRIPT,
        'proj/config/pretrain.json': DS,
        'proj/scripts/run.sh': `cd "$(dirname "$0")/.."\nARGS="\n    ${flag} ./config/pretrain.json \\\n    --log_path ./tmp\n"\ndeepspeed --num_gpus=2 train.py $ARGS\n`,
      },
      'proj/scripts/run.sh',
    );
    assert.deepEqual(values(a, ['precision', 'zero_stage', 'optimizer']), ['fp16', 1, 'adamw'], flag);
  }
});

test('must not read: a .json under another option, or one under such a name that is no DeepSpeed config', async () => {
  const other = await analyze(
    {
      'proj/train.py': SCRIPT,
      'proj/config/pretrain.json': DS,
      'proj/run.sh': 'deepspeed --num_gpus=2 train.py --data_config config/pretrain.json\n',
    },
    'proj/run.sh',
  );
  assert.deepEqual(values(other, ['precision', 'zero_stage']), [null, null]);
  const notDs = await analyze(
    {
      'proj/train.py': SCRIPT,
      'proj/config/pretrain.json': '{"fp16": true, "layers": 12, "hidden": 768}\n',
      'proj/run.sh': 'deepspeed --num_gpus=2 train.py --ds_config config/pretrain.json\n',
    },
    'proj/run.sh',
  );
  assert.deepEqual(values(notDs, ['precision', 'zero_stage']), [null, null]);
});

const ARGS_BLOCK = (ds: string) => `seed: 0
train:
  model_path_or_name: "gpt2"
  training_args:
    per_device_train_batch_size: 1
    gradient_accumulation_steps: 16
    num_train_epochs: 1
    save_steps: 75
${ds}`;
const ZERO3 =
  '{"zero_optimization": {"stage": 3}, "bf16": {"enabled": true}, "train_micro_batch_size_per_gpu": "auto"}\n';

test('a TrainingArguments block in a YAML that names its DeepSpeed JSON: the ZeRO stage and precision are that file’s; workers default to 0', async () => {
  const a = await analyze(
    {
      'proj/README.md': 'x\n',
      'proj/configs/main.yaml': ARGS_BLOCK('    deepspeed: "configs/ds_config.json"\n'),
      'proj/configs/ds_config.json': ZERO3,
    },
    'proj/configs/main.yaml',
  );
  assert.deepEqual(values(a, ['zero_stage', 'precision', 'num_workers']), [3, 'bf16', 0]);
});

test('must not read: a deepspeed key naming a file that is no DeepSpeed config, or none at all', async () => {
  const other = await analyze(
    {
      'proj/README.md': 'x\n',
      'proj/configs/main.yaml': ARGS_BLOCK('    deepspeed: "configs/labels.json"\n'),
      'proj/configs/labels.json': '{"zero": 3, "classes": ["a", "b"]}\n',
    },
    'proj/configs/main.yaml',
  );
  assert.deepEqual(values(other, ['zero_stage', 'precision']), [null, 'fp32']);
  const none = await analyze(
    { 'proj/README.md': 'x\n', 'proj/configs/main.yaml': ARGS_BLOCK('') },
    'proj/configs/main.yaml',
  );
  assert.equal(fact(none, 'zero_stage'), undefined);
});

test('a LitGPT pre-training config is compiled (pretrain.py always calls torch.compile); a finetuning config is not', async () => {
  const pretrain = `model_name: tiny-llama-1.1b
out_dir: out/pretrain/tiny
precision: bf16-mixed
initial_checkpoint_dir: checkpoints/TinyLlama
train:
  save_interval: 1000
  global_batch_size: 512
  micro_batch_size: 8
  max_tokens: 3000000000
  max_seq_length: 2048
devices: auto
`;
  const a = await analyze({ 'pretrain.yaml': pretrain }, 'pretrain.yaml');
  assert.equal(fact(a, 'compile')?.value, true);
  const finetune = `checkpoint_dir: checkpoints/meta-llama/Llama-3.2-1B
out_dir: out/finetune/lora
precision: bf16-true
train:
  global_batch_size: 16
  micro_batch_size: 1
  epochs: 2
  max_seq_length: 512
`;
  const b = await analyze({ 'lora.yaml': finetune }, 'lora.yaml');
  assert.equal(fact(b, 'compile')?.value ?? false, false);
});

const SEG = `import argparse
import torch
from torch.utils.data import DataLoader

parser = argparse.ArgumentParser()
parser.add_argument("--batch_size", type=int, default=4)
parser.add_argument("--workers", type=int, default=8)
args = parser.parse_args()
model = Net().cuda()
loader = DataLoader(ds, batch_size=args.batch_size, num_workers=args.workers)
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
for epoch in range(100):
    for x, y in loader:
        loss = model(x.cuda()).sum()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;

test("an SGE/SLURM job whose working folder is a cluster path ending in the checkout's folder runs the script there", async () => {
  for (const header of ['#$ -wd /cluster/home/me/proj/code/', '#SBATCH --chdir=/cluster/home/me/proj/code']) {
    const a = await analyze(
      {
        'proj/README.md': 'x\n',
        'proj/code/train_seg.py': SEG,
        'proj/cluster_configs/job.sh': `#!/bin/bash\n${header}\n#$ -l gpu=true\n\npython train_seg.py --batch_size 2\n`,
      },
      'proj/cluster_configs/job.sh',
    );
    assert.deepEqual(values(a, ['optimizer', 'num_workers', 'micro_batch']), ['adamw', 8, 2], header);
  }
});

test('must not link: a working folder whose name the checkout does not hold', async () => {
  for (const header of ['#$ -wd /cluster/home/me/elsewhere/', '#SBATCH -D /scratch/me/run']) {
    const a = await analyze(
      {
        'proj/README.md': 'x\n',
        'proj/code/train_seg.py': SEG,
        'proj/cluster_configs/job.sh': `#!/bin/bash\n${header}\n\npython train_seg.py --batch_size 2\n`,
      },
      'proj/cluster_configs/job.sh',
    );
    assert.deepEqual(values(a, ['optimizer', 'num_workers']), [null, null], header);
  }
});

const LOOP = (extra: string) => `import argparse
import torch

parser = argparse.ArgumentParser()
parser.add_argument("--export", action="store_true", help="also save the weights as float16 for serving")
${extra}
args = parser.parse_args()
model = Net().cuda()
optimizer = torch.optim.Adam(model.parameters())
for epoch in range(10):
    for x, y in loader:
        loss = model(x.cuda()).sum()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;

test('a precision named only in a help text or a comment sets nothing up: the loop trains in fp32', async () => {
  const a = await analyze({ 'train.py': LOOP('# TODO: try bfloat16 autocast') }, 'train.py');
  assert.equal(fact(a, 'precision')?.value, 'fp32');
});

test('must not claim fp32: a dtype value the code passes, or a scaler object it builds', async () => {
  const dtype = await analyze({ 'train.py': LOOP('policy = make_policy(compute_dtype="bfloat16")') }, 'train.py');
  assert.equal(fact(dtype, 'precision')?.value, null);
  const scaler = await analyze({ 'train.py': LOOP('loss_scaler = NativeScaler()') }, 'train.py');
  assert.equal(fact(scaler, 'precision')?.value, null);
});

test('a precision switch computed by comparing a known setting (bf16=True if mixed == "bf16" else False) is read', async () => {
  const hf = (mixed: string) => `from transformers import Trainer, TrainingArguments

mixed = "${mixed}"
args = TrainingArguments(
    output_dir="out",
    per_device_train_batch_size=8,
    bf16=True if mixed == "bf16" else False,
    fp16=mixed == "fp16",
)
Trainer(model=model, args=args, train_dataset=ds).train()
`;
  assert.equal(fact(await analyze({ 'train.py': hf('bf16') }, 'train.py'), 'precision')?.value, 'bf16');
  assert.equal(fact(await analyze({ 'train.py': hf('fp16') }, 'train.py'), 'precision')?.value, 'fp16');
  // Neither: the Trainer's fp32.
  assert.equal(fact(await analyze({ 'train.py': hf('no') }, 'train.py'), 'precision')?.value, 'fp32');
});

test('must not read: a comparison with a value not known here', async () => {
  const text = `import sys
from transformers import Trainer, TrainingArguments
args = TrainingArguments(output_dir="out", bf16=True if sys.argv[1] == "bf16" else False)
Trainer(model=model, args=args, train_dataset=ds).train()
`;
  assert.equal(fact(await analyze({ 'train.py': text }, 'train.py'), 'precision')?.value, null);
});
