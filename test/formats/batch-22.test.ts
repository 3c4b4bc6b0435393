// Batch and accumulation of pre-training launchers and applied scripts (development round 22): Megatron's
// accumulation from its two batches, fairseq's `--max-sentences`, `expr` in launchers, open_lm's global batch and
// accumulation flags, a DeepSpeed JSON under a script's own flag, DataLoader batch samplers, loaders built by
// repository helpers, and config classes imported from the project. Fixtures written for this project in the style
// of those launchers and scripts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const MEGATRON = (gpus: number, global: number) => `#!/bin/bash
GPUS_PER_NODE=${gpus}
MICRO_BATCH=2
GLOBAL_BATCH=${global}
torchrun --nproc_per_node $GPUS_PER_NODE pretrain_gpt.py \\
    --tensor-model-parallel-size 2 \\
    --pipeline-model-parallel-size 1 \\
    --num-layers 24 --hidden-size 1024 --num-attention-heads 16 \\
    --seq-length 2048 --max-position-embeddings 2048 \\
    --micro-batch-size $MICRO_BATCH \\
    --global-batch-size $GLOBAL_BATCH \\
    --train-iters 50000 --lr 3e-4 --bf16
`;

test('Megatron: the accumulation is global ÷ (micro × data-parallel size) when the launcher states both batches', async () => {
  const a = await analyze({ 'pretrain.sh': MEGATRON(8, 256) }, 'pretrain.sh');
  assert.equal(fact(a, 'devices')?.value, 8);
  // 8 GPUs ÷ tensor-parallel 2 = 4 data-parallel ranks: 256 ÷ (2 × 4) = 32.
  assert.equal(fact(a, 'grad_accum')?.value, 32);
});

test('must not: a global batch the micro-batches of the data-parallel ranks do not divide gives no accumulation', async () => {
  const a = await analyze({ 'pretrain.sh': MEGATRON(8, 250) }, 'pretrain.sh');
  assert.equal(fact(a, 'grad_accum')?.value ?? null, null);
});

const FAIRSEQ = (vars: string, flags: string) => `${vars}
fairseq-train data-bin/wikitext-103 --task masked_lm --criterion masked_lm \\
    --arch roberta_base --sample-break-mode complete --tokens-per-sample 512 \\
    --optimizer adam --lr 0.0005 ${flags} \\
    --max-update 125000
`;

test('fairseq: --max-sentences is the sentences of one batch (the old name of --batch-size)', async () => {
  const a = await analyze(
    {
      'train.sh': FAIRSEQ(
        'MAX_SENTENCES=16\nUPDATE_FREQ=16',
        '--max-sentences $MAX_SENTENCES --update-freq $UPDATE_FREQ',
      ),
    },
    'train.sh',
  );
  assert.equal(fact(a, 'micro_batch')?.value, 16);
  assert.equal(fact(a, 'grad_accum')?.value, 16);
  // A cap of one sentence beside a token cap: every batch holds exactly one.
  const one = await analyze({ 'train.sh': FAIRSEQ('', '--max-sentences 1 --max-tokens 512') }, 'train.sh');
  assert.equal(fact(one, 'micro_batch')?.value, 1);
});

test('must not: --max-sentences beside --max-tokens is a cap, not a count of sentences', async () => {
  const a = await analyze({ 'train.sh': FAIRSEQ('', '--max-sentences 4 --max-tokens 4096') }, 'train.sh');
  assert.equal(fact(a, 'micro_batch')?.value ?? null, null);
});

test('expr in backticks or $(…) is integer arithmetic over the variables the launcher sets', async () => {
  const a = await analyze(
    {
      'train.sh': FAIRSEQ(
        'NUM_NODES=2\nUPDATE_FREQ=`expr 64 / $NUM_NODES`\nMAX_SENTENCES=$(expr $NUM_NODES \\* 2)',
        '--max-sentences $MAX_SENTENCES --update-freq $UPDATE_FREQ',
      ),
    },
    'train.sh',
  );
  assert.equal(fact(a, 'grad_accum')?.value, 32);
  assert.equal(fact(a, 'micro_batch')?.value, 4);
});

test('must not: expr over a variable the launcher never sets, or any other command, stays unknown', async () => {
  const a = await analyze(
    {
      'train.sh': FAIRSEQ(
        'UPDATE_FREQ=`expr 64 / $NUM_NODES`\nMAX_SENTENCES=`cat batch.txt`',
        '--max-sentences $MAX_SENTENCES --update-freq $UPDATE_FREQ',
      ),
    },
    'train.sh',
  );
  assert.notEqual(fact(a, 'grad_accum')?.value, 64);
  assert.equal(fact(a, 'micro_batch')?.value ?? null, null);
});

const OPEN_LM = (flags: string) => `export CUDA_VISIBLE_DEVICES=0,1
torchrun --nproc-per-node=2 -m open_lm.main \\
  --model open_lm_160m \\
  --train-num-samples 3200000000 \\
  --workers 2 \\
  --precision amp_bfloat16 \\
  ${flags} \\
  --fsdp --fsdp-amp \\
  --lr 3e-3 --warmup 2000 --epochs 4
`;

// The launched module is in the tree (a user fork of open_lm): its own reader reads no batch from it.
const OPEN_LM_MAIN = `import argparse
import torch

def main(args):
    parser = argparse.ArgumentParser()
    parser.add_argument('--global-batch-size', type=int, default=64)
    parser.add_argument('--total_batch_size', type=int, default=0)
    parser.add_argument('--accum-freq', type=int, default=1)
    args = parser.parse_args(args)
    per_gpu = args.global_batch_size // world_size
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr)
    for epoch in range(args.epochs):
        for i, batch in enumerate(loader):
            for chunk in batch.chunk(args.accum_freq):
                loss = model(chunk).mean()
                loss.backward()
            optimizer.step()
            optimizer.zero_grad()

if __name__ == '__main__':
    main(sys.argv[1:])
`;

test('open_lm: --global-batch-size is global, --accum-freq the accumulation, the micro-batch what each step takes', async () => {
  const a = await analyze(
    { 'run.sh': OPEN_LM('--global-batch-size 512 --accum-freq 32'), 'open_lm/main.py': OPEN_LM_MAIN },
    'run.sh',
  );
  assert.equal(fact(a, 'global_batch')?.value, 512);
  assert.equal(fact(a, 'grad_accum')?.value, 32);
  // 512 over 2 GPUs in 32 chunks: 8 sequences per micro-step.
  assert.equal(fact(a, 'micro_batch')?.value, 8);
});

test('must not: --total_batch_size is no global batch of sequences (nanoGPT-style scripts count tokens with it)', async () => {
  const a = await analyze(
    { 'run.sh': OPEN_LM('--total_batch_size 524288 --accum-freq 8'), 'open_lm/main.py': OPEN_LM_MAIN },
    'run.sh',
  );
  assert.equal(fact(a, 'global_batch')?.value ?? null, null);
  assert.equal(fact(a, 'micro_batch')?.value ?? null, null);
});

const DS_TRAIN = `import argparse
import deepspeed
import torch

parser = argparse.ArgumentParser()
parser.add_argument('--config_json', type=str)
parser.add_argument('--local_rank', type=int, default=-1)
args = parser.parse_args()

model = build_model()
engine, optimizer, loader, _ = deepspeed.initialize(model=model, model_parameters=model.parameters(), config=args.config_json, training_data=ds)
for epoch in range(3):
    for batch in loader:
        loss = engine(batch)
        engine.backward(loss)
        engine.step()
`;
const DS_JSON = `{
  "train_micro_batch_size_per_gpu": 6,
  "gradient_accumulation_steps": 4,
  "fp16": { "enabled": true },
  "zero_optimization": { "stage": 1 }
}
`;

test('a DeepSpeed JSON the launcher hands the script under its own flag (--ds_config) is the run’s config', async () => {
  const files = {
    'train.py': DS_TRAIN.replace(/config_json/g, 'ds_config'),
    'config/ds.json': DS_JSON,
    'run.sh': 'deepspeed --num_gpus=2 train.py --ds_config config/ds.json\n',
  };
  const a = await analyze(files, 'run.sh');
  assert.equal(fact(a, 'micro_batch')?.value, 6);
  assert.equal(fact(a, 'grad_accum')?.value, 4);
  assert.equal(fact(a, 'global_batch')?.value, 48);
});

test('must not: a JSON under a flag that does not name DeepSpeed (--config_json) is not read as its config', async () => {
  const files = {
    'train.py': DS_TRAIN,
    'config/ds.json': DS_JSON,
    'run.sh': 'deepspeed --num_gpus=2 train.py --config_json config/ds.json\n',
  };
  const a = await analyze(files, 'run.sh');
  assert.notEqual(fact(a, 'micro_batch')?.value, 6);
});

const SEMI = (sampler: string) => `import argparse
import torch
from torch.utils.data import DataLoader
from dataloaders.dataset import BaseDataSets, TwoStreamBatchSampler, ClusterSampler

parser = argparse.ArgumentParser()
parser.add_argument('--batch_size', type=int, default=24, help='batch_size per gpu')
parser.add_argument('--labeled_bs', type=int, default=12, help='labeled_batch_size per gpu')
args = parser.parse_args()

def train(args):
    batch_size = args.batch_size
    model = net().cuda()
    db_train = BaseDataSets(split="train")
    batch_sampler = ${sampler}
    trainloader = DataLoader(db_train, batch_sampler=batch_sampler, num_workers=4, pin_memory=True)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    for epoch in range(100):
        for batch in trainloader:
            loss = model(batch['image'].cuda()).mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()

if __name__ == "__main__":
    train(args)
`;

test('DataLoader(batch_sampler=…): the batch is the size the sampler is built with', async () => {
  const two = await analyze(
    {
      'train.py': SEMI('TwoStreamBatchSampler(labeled_idxs, unlabeled_idxs, batch_size, batch_size - args.labeled_bs)'),
    },
    'train.py',
  );
  assert.equal(fact(two, 'micro_batch')?.value, 24);
  const torchs = await analyze(
    { 'train.py': SEMI('torch.utils.data.BatchSampler(sampler, batch_size=8, drop_last=True)') },
    'train.py',
  );
  assert.equal(fact(torchs, 'micro_batch')?.value, 8);
});

test('must not: a batch sampler of unknown shape gives no batch (not a guess from its arguments)', async () => {
  const a = await analyze({ 'train.py': SEMI('ClusterSampler(labeled_idxs, 4, batch_size)') }, 'train.py');
  assert.equal(fact(a, 'micro_batch')?.value ?? null, null);
});

const HELPER_SCRIPT = (call: string) => `import argparse
import torch
from qm9 import dataset

parser = argparse.ArgumentParser()
parser.add_argument('--batch_size', type=int, default=96)
parser.add_argument('--epochs', type=int, default=1000)
args = parser.parse_args()

${call}
model = Net().cuda()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(args.epochs):
    for data in dataloaders['train']:
        loss = model(data).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;
const HELPER_MODULE = `from torch.utils.data import DataLoader

def retrieve_dataloaders(batch_size, num_workers=1):
    datasets = load_all()
    return {split: DataLoader(ds, batch_size=batch_size, shuffle=(split == 'train'), num_workers=num_workers)
            for split, ds in datasets.items()}
`;

test('a DataLoader built by a repository helper takes the batch the script passes it', async () => {
  const a = await analyze(
    {
      'main.py': HELPER_SCRIPT('dataloaders = dataset.retrieve_dataloaders(args.batch_size, 4)'),
      'qm9/dataset.py': HELPER_MODULE,
    },
    'main.py',
  );
  assert.equal(fact(a, 'micro_batch')?.value, 96);
  const kw = await analyze(
    {
      'main.py': HELPER_SCRIPT('dataloaders = dataset.retrieve_dataloaders(num_workers=2, batch_size=32)'),
      'qm9/dataset.py': HELPER_MODULE,
    },
    'main.py',
  );
  assert.equal(fact(kw, 'micro_batch')?.value, 32);
});

test('must not: calls of the helper that pass different batches give none', async () => {
  const a = await analyze(
    {
      'main.py': HELPER_SCRIPT(
        'dataloaders = dataset.retrieve_dataloaders(args.batch_size)\nextra = dataset.retrieve_dataloaders(8)',
      ),
      'qm9/dataset.py': HELPER_MODULE,
    },
    'main.py',
  );
  assert.equal(fact(a, 'micro_batch')?.value ?? null, null);
});

const NCF = (choice: string) => `import torch
from data import SampleGenerator

gmf_config = {'num_epoch': 200, 'batch_size': 1024, 'optimizer': 'adam'}
mlp_config = {'num_epoch': 200, 'batch_size': 256, 'optimizer': 'adam'}
sample_generator = SampleGenerator(ratings=ratings)
${choice}
model = GMF(config).cuda()
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(config['num_epoch']):
    train_loader = sample_generator.instance_a_train_loader(4, config['batch_size'])
    for users, items, ratings in train_loader:
        opt.zero_grad()
        loss = model(users, items).mean()
        loss.backward()
        opt.step()
`;
const NCF_DATA = `from torch.utils.data import DataLoader

class SampleGenerator(object):
    def __init__(self, ratings):
        self.ratings = ratings

    def instance_a_train_loader(self, num_negatives, batch_size):
        dataset = build(self.ratings, num_negatives)
        return DataLoader(dataset, batch_size=batch_size, shuffle=True)
`;

test('a method of an imported class builds the loader; the dict the script chose at the top level gives its batch', async () => {
  const a = await analyze({ 'train.py': NCF('config = gmf_config'), 'data.py': NCF_DATA }, 'train.py');
  assert.equal(fact(a, 'micro_batch')?.value, 1024);
});

test('must not: a config dict chosen in a branch is not known before the run', async () => {
  const a = await analyze(
    {
      'train.py': NCF('if use_mlp:\n    config = mlp_config\nelse:\n    config = gmf_config'),
      'data.py': NCF_DATA,
    },
    'train.py',
  );
  assert.equal(fact(a, 'micro_batch')?.value ?? null, null);
});

const CONFIG_PY = `from dataclasses import dataclass

@dataclass
class TrainConfig:
    epochs: int = 8
    batch_size_per_gpu: int = 16
    gradient_accumulation_steps: int = 8
    output_dir: str = './model_save'
`;
const HF_SCRIPT = (main: string) => `from transformers import Trainer, TrainingArguments
from config import TrainConfig
from model import build_model, load_config


def pre_train(config: TrainConfig) -> None:
    model = build_model()
    args = TrainingArguments(
        output_dir=config.output_dir,
        per_device_train_batch_size=config.batch_size_per_gpu,
        gradient_accumulation_steps=config.gradient_accumulation_steps,
        num_train_epochs=config.epochs,
        bf16=True,
    )
    trainer = Trainer(model=model, args=args, train_dataset=dataset)
    trainer.train()


if __name__ == '__main__':
    ${main}
`;

test('a config class imported from the project and built with its defaults gives the Trainer its batch and accumulation', async () => {
  const a = await analyze(
    { 'pre_train.py': HF_SCRIPT('config = TrainConfig()\n    pre_train(config)'), 'config.py': CONFIG_PY },
    'pre_train.py',
  );
  assert.equal(fact(a, 'micro_batch')?.value, 16);
  assert.equal(fact(a, 'grad_accum')?.value, 8);
});

test('must not: with auto_find_batch_size the written batch is only where the Trainer starts', async () => {
  const script = HF_SCRIPT('config = TrainConfig()\n    pre_train(config)').replace(
    '        bf16=True,',
    '        bf16=True,\n        auto_find_batch_size=True,',
  );
  const a = await analyze({ 'pre_train.py': script, 'config.py': CONFIG_PY }, 'pre_train.py');
  assert.equal(fact(a, 'micro_batch')?.value ?? null, null);
  assert.equal(fact(a, 'grad_accum')?.value, 8);
});

test('must not: a config class filled from a file (TrainConfig(**yaml), a loader) keeps its values unknown', async () => {
  for (const main of [
    "config = TrainConfig(**load_config('train.yaml'))\n    pre_train(config)",
    "config = load_config('train.yaml')\n    pre_train(config)",
    "pre_train(TrainConfig.from_yaml('train.yaml'))",
  ]) {
    const a = await analyze({ 'pre_train.py': HF_SCRIPT(main), 'config.py': CONFIG_PY }, 'pre_train.py');
    assert.equal(fact(a, 'grad_accum')?.value ?? null, null, main);
  }
});
