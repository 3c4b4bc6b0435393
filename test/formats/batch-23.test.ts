// Batch readers of development round 23: datasets that pack their own batches under a loader of one item per step,
// the training loader among loaders built in split branches, OpenMMLab config names that no longer describe an edited
// copy, and no accumulation where nothing in a repository accumulates. Fixtures written for this project in the style
// of those scripts and repositories.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const PACKED = (dataset: string, loaderBatch = '1') => `import torch
from torch.utils.data import DataLoader
from dataset import UttDataset

configs = {"num_epochs": 50, "batchsize": 32}

if __name__ == "__main__":
    train_set = ${dataset}
    train_loader = DataLoader(dataset=train_set, batch_size=${loaderBatch}, shuffle=True, num_workers=8)
    model = torch.nn.Linear(80, 80).cuda()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(configs["num_epochs"]):
        for batch in train_loader:
            loss = model(batch[0].squeeze(0).cuda()).pow(2).mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
`;

test('a dataset that packs its own batches under DataLoader(batch_size=1): the batch is the dataset one', async () => {
  const a = await analyze(
    { 'train.py': PACKED('UttDataset("lists/train.lst", batch_size=configs["batchsize"], dur=3)') },
    'train.py',
  );
  assert.equal(fact(a, 'micro_batch')?.value, 32);
});

test('must not: a loader that batches items itself, or a dataset given no batch size, keeps the loader batch', async () => {
  const items = await analyze({ 'train.py': PACKED('UttDataset("lists/train.lst", dur=3)') }, 'train.py');
  assert.equal(fact(items, 'micro_batch')?.value, 1);
  const ds = 'UttDataset("lists/train.lst", batch_size=configs["batchsize"], dur=3)';
  const loader = await analyze({ 'train.py': PACKED(ds, '4') }, 'train.py');
  assert.equal(fact(loader, 'micro_batch')?.value, 4);
});

const SPLITS = (cond: string) => `import argparse
import torch
from torch.utils.data import DataLoader

parser = argparse.ArgumentParser()
parser.add_argument("--batch_size", type=int, default=14)
args = parser.parse_args()

def get_dataloader(args, split):
    dataset = SceneDataset(split=split)
    if ${cond}:
        dataloader = DataLoader(dataset, batch_size=1, num_workers=4, drop_last=True)
    else:
        dataloader = DataLoader(dataset, batch_size=args.batch_size, num_workers=4, drop_last=True)
    return dataset, dataloader

def main(args):
    _, loader = get_dataloader(args, "train")
    model = Net().cuda()
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)
    for epoch in range(40):
        for data in loader:
            loss = model(data).mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()

if __name__ == "__main__":
    main(args)
`;

test('loaders built in split branches: the training loader is the one outside the evaluation branch', async () => {
  const a = await analyze({ 'train.py': SPLITS("split == 'val'") }, 'train.py');
  assert.equal(fact(a, 'micro_batch')?.value, 14);
});

test('must not: a branch that does not pick an evaluation split leaves the training loader undecided', async () => {
  const a = await analyze({ 'train.py': SPLITS("split == 'small'") }, 'train.py');
  assert.equal(fact(a, 'micro_batch')?.value ?? null, null);
});

const MMDET = (batch: number) => `model = dict(type='YOLOV3', backbone=dict(type='MobileNetV2', out_indices=(2, 4, 6)))
train_dataloader = dict(
    batch_size=${batch},
    num_workers=4,
    dataset=dict(type='CocoDataset', data_root='data/banana/'))
train_cfg = dict(max_epochs=30)
optim_wrapper = dict(type='OptimWrapper', optimizer=dict(type='SGD', lr=0.003, momentum=0.9, weight_decay=0.0005))
`;

test('an OpenMMLab config whose batch is its name’s (8xb24 with batch 24): the name’s 8 GPUs told, not claimed', async () => {
  // The count is the launcher's (`tools/dist_train.sh config.py 4`); the name records the authors' setup.
  const name = 'configs/yolov3_mobilenetv2_8xb24-ms-416-300e_coco.py';
  const a = await analyze({ [name]: MMDET(24) }, name);
  assert.equal(fact(a, 'micro_batch')?.value, 24);
  const devices = fact(a, 'devices');
  assert.equal(devices?.value ?? null, null);
  assert.match(devices?.note ?? '', /8xb24/);
  assert.equal(fact(a, 'global_batch')?.value ?? null, null);
});

test('must not: an edited copy that trains another batch than its 8xb24 name gives no devices or global batch', async () => {
  const name = 'configs/yolov3_mobilenetv2_8xb24-ms-416-300e_banana.py';
  const a = await analyze({ [name]: MMDET(2) }, name);
  assert.equal(fact(a, 'micro_batch')?.value, 2);
  const devices = fact(a, 'devices');
  assert.ok(!devices || devices.origin === 'assumed', `devices ${devices?.value} (${devices?.origin})`);
  assert.equal(fact(a, 'global_batch')?.value ?? null, null);
});

const RL_CONFIG = `experiment: pendulum
algorithm:
  batch_size: 256
  num_epochs: 300
  lr: 0.0003
`;
const LEARNER = (update: string) => `import torch


class Learner:
    def __init__(self, policy, lr):
        self.policy = policy.to("cuda")
        self.opt = torch.optim.Adam(policy.parameters(), lr=lr)

    def update(self, step, batch):
        loss = self.policy.loss(batch)
${update}
`;
const RL_REPO = (update: string) => ({
  'proj/README.md': 'an RL project\n',
  'proj/configs/pendulum.yaml': RL_CONFIG,
  'proj/agents/learner.py': LEARNER(update),
  'proj/agents/policy.py': 'import torch\n\n\nclass Policy(torch.nn.Module):\n    pass\n',
  'proj/run.py':
    'import yaml\nfrom agents.learner import Learner\n\n\ndef main(path):\n    cfg = yaml.safe_load(open(path))\n    run(Learner(Policy(), cfg["algorithm"]["lr"]), cfg)\n',
});
const EVERY_STEP = '        self.opt.zero_grad()\n        loss.backward()\n        self.opt.step()';

test('a repository that never accumulates gradients: one step per batch, so the global batch is the batch', async () => {
  const a = await analyze(RL_REPO(EVERY_STEP), 'proj/configs/pendulum.yaml');
  assert.equal(fact(a, 'grad_accum')?.value, 1);
  assert.equal(fact(a, 'grad_accum')?.origin, 'inferred');
  assert.equal(fact(a, 'micro_batch')?.value, 256);
  assert.equal(fact(a, 'global_batch')?.value, 256);
});

test('must not: a step every N batches anywhere in the repository leaves the accumulation unknown', async () => {
  const every =
    '        (loss / 4).backward()\n        if (step + 1) % 4 == 0:\n            self.opt.step()\n            self.opt.zero_grad()';
  const a = await analyze(RL_REPO(every), 'proj/configs/pendulum.yaml');
  assert.equal(fact(a, 'grad_accum')?.value ?? null, null);
  assert.equal(fact(a, 'global_batch')?.value ?? null, null);
  // A setting of that name in any file does the same.
  const named = await analyze(
    { ...RL_REPO(EVERY_STEP), 'proj/configs/long.yaml': 'algorithm:\n  grad_accum_steps: 8\n' },
    'proj/configs/pendulum.yaml',
  );
  assert.equal(fact(named, 'grad_accum')?.value ?? null, null);
});
