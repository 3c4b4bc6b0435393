// A yacs config of a project with its own schema (maskrcnn-benchmark and its forks: `_C.SOLVER = CN()` in the
// project's defaults.py) looks like detectron2's but is not detectron2: the project's schema states its defaults,
// and detectron2's documented numbers are not this code's. The optimizer a training script builds through a package
// that re-exports its helper (`from .build import make_optimizer` in `solver/__init__.py`) is read there. Fixtures
// written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const schema = (extra: string) => `from yacs.config import CfgNode as CN

_C = CN()
_C.MODEL = CN()
_C.MODEL.META_ARCHITECTURE = "OneStage"
_C.MODEL.WEIGHT = ""
_C.INPUT = CN()
_C.INPUT.MIN_SIZE_TRAIN = (800,)
_C.DATASETS = CN()
_C.DATASETS.TRAIN = ()
_C.DATALOADER = CN()
_C.SOLVER = CN()
_C.SOLVER.MAX_ITER = 40000
_C.SOLVER.BASE_LR = 0.001
_C.SOLVER.IMS_PER_BATCH = 16
${extra}`;

const TRAIN_NET = `import argparse
import torch
from detlab.config import cfg
from detlab.data import make_data_loader
from detlab.solver import make_optimizer
from detlab.engine.trainer import do_train
from detlab.modeling import build_model


def train(cfg):
    model = build_model(cfg).cuda()
    optimizer = make_optimizer(cfg, model)
    loader = make_data_loader(cfg, is_train=True)
    do_train(model, loader, optimizer, cfg.SOLVER.CHECKPOINT_PERIOD)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config-file", default="")
    args = parser.parse_args()
    cfg.merge_from_file(args.config_file)
    train(cfg)


if __name__ == "__main__":
    main()
`;

const BUILD = (body: string) => `import torch


def make_optimizer(cfg, model):
    params = [p for p in model.parameters() if p.requires_grad]
    ${body}
`;

const CONFIG = `MODEL:
  META_ARCHITECTURE: "OneStage"
  WEIGHT: "catalog://ImageNetPretrained/MSRA/R-50"
DATASETS:
  TRAIN: ("coco_2017_train",)
INPUT:
  MIN_SIZE_TRAIN: (800,)
SOLVER:
  BASE_LR: 0.01
  MAX_ITER: 90000
  IMS_PER_BATCH: 16
`;

const project = (extra: string, optimizer = 'return torch.optim.SGD(params, lr=cfg.SOLVER.BASE_LR, momentum=0.9)') => ({
  'detlab/setup.py': 'from setuptools import setup\nsetup(name="detlab")\n',
  'detlab/detlab/__init__.py': '',
  'detlab/detlab/config/__init__.py': 'from .defaults import _C as cfg\n',
  'detlab/detlab/config/defaults.py': schema(extra),
  'detlab/detlab/solver/__init__.py': 'from .build import make_optimizer\n',
  'detlab/detlab/solver/build.py': BUILD(optimizer),
  'detlab/tools/train_net.py': TRAIN_NET,
  'detlab/configs/onestage_R_50_1x.yaml': CONFIG,
});

test('a yacs config of a project with its own solver schema takes that schema’s defaults, not detectron2’s', async () => {
  const a = await analyze(
    project('_C.SOLVER.CHECKPOINT_PERIOD = 2500\n_C.DATALOADER.NUM_WORKERS = 6\n'),
    'detlab/configs/onestage_R_50_1x.yaml',
  );
  assert.equal(fact(a, 'max_steps')?.value, 90000);
  assert.equal(fact(a, 'save_steps')?.value, 2500);
  assert.equal(fact(a, 'periodic_save')?.value, 'steps');
  assert.equal(fact(a, 'num_workers')?.value, 6);
  // train_net.py calls make_optimizer from the package, which re-exports it from solver/build.py.
  assert.equal(fact(a, 'optimizer')?.value, 'sgd');
});

test('a key the project’s own schema does not set keeps no detectron2 default', async () => {
  const a = await analyze(project(''), 'detlab/configs/onestage_R_50_1x.yaml');
  // detectron2's SOLVER.CHECKPOINT_PERIOD 5000 and DATALOADER.NUM_WORKERS 4 describe detectron2's schema only.
  assert.notEqual(fact(a, 'save_steps')?.value, 5000);
  assert.equal(fact(a, 'save_steps')?.value ?? null, null);
  assert.notEqual(fact(a, 'num_workers')?.value, 4);
  assert.equal(fact(a, 'max_steps')?.value, 90000);
});

test('a re-exported helper that builds no optimizer class names none', async () => {
  const a = await analyze(
    project('_C.SOLVER.CHECKPOINT_PERIOD = 2500\n', 'return build_from_registry(cfg.SOLVER.NAME, params)'),
    'detlab/configs/onestage_R_50_1x.yaml',
  );
  assert.equal(fact(a, 'optimizer')?.value ?? null, null);
});

test('a detectron2 config with no schema of its project keeps detectron2’s documented defaults', async () => {
  const a = await analyze(
    {
      'proj/setup.py': 'from setuptools import setup\nsetup(name="proj")\n',
      'proj/configs/mask_rcnn_R_50_FPN_1x.yaml': CONFIG.replace('  MAX_ITER: 90000\n', ''),
    },
    'proj/configs/mask_rcnn_R_50_FPN_1x.yaml',
  );
  assert.equal(fact(a, 'save_steps')?.value, 5000);
  assert.equal(fact(a, 'num_workers')?.value, 4);
});

// nanoGPT-style trainers (karpathy/nanoGPT, llama2.c and their forks): the optimizer is built by the model class's
// `configure_optimizers`, and `gradient_accumulation_steps` is written for the whole job and divided by the process
// count at start-up.
const GPT_TRAIN = `import os
import torch
from model import GPTConfig, GPT

out_dir = 'out'
eval_interval = 2000
always_save_checkpoint = True
gradient_accumulation_steps = 5 * 8
batch_size = 12
block_size = 1024
learning_rate = 6e-4
max_iters = 600000
weight_decay = 1e-1
compile = False
exec(open('configurator.py').read())

ddp = int(os.environ.get('RANK', -1)) != -1
if ddp:
    ddp_world_size = int(os.environ['WORLD_SIZE'])
    gradient_accumulation_steps //= ddp_world_size

model = GPT(GPTConfig(block_size=block_size))
model.to('cuda')
optimizer = model.configure_optimizers(weight_decay, learning_rate, (0.9, 0.95), 'cuda')
iter_num = 0
while iter_num < max_iters:
    for micro_step in range(gradient_accumulation_steps):
        X, Y = get_batch('train')
        logits, loss = model(X, Y)
        loss = loss / gradient_accumulation_steps
        loss.backward()
    optimizer.step()
    optimizer.zero_grad(set_to_none=True)
    iter_num += 1
`;

const gptModel = (build: string) => `import torch
import torch.nn as nn


class Block(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.fc = nn.Linear(n, n)


class GPT(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.config = config

    def configure_optimizers(self, weight_decay, learning_rate, betas, device_type):
        groups = [{'params': [p for p in self.parameters() if p.dim() >= 2], 'weight_decay': weight_decay}]
        ${build}
        return optimizer


class Probe(nn.Module):
    def fit_probe(self):
        return torch.optim.SGD(self.parameters(), lr=0.1)
`;

const gpt = (build: string, extra: Record<string, string> = {}) => ({
  'gpt/README.md': 'gpt\n',
  'gpt/configurator.py': 'import sys\nfor arg in sys.argv[1:]:\n    exec(open(arg).read())\n',
  'gpt/model.py': gptModel(build),
  'gpt/train.py': GPT_TRAIN,
  ...extra,
});

test('the optimizer a model class’s configure_optimizers builds is the run’s (nanoGPT, llama2.c)', async () => {
  const a = await analyze(gpt('optimizer = torch.optim.AdamW(groups, lr=learning_rate, betas=betas)'), 'gpt/train.py');
  assert.equal(fact(a, 'optimizer')?.value, 'adamw');
  assert.match(fact(a, 'optimizer')?.file ?? '', /model\.py$/);
});

test('a configure_optimizers that builds no class it names, or another class of the module, names no optimizer', async () => {
  const a = await analyze(gpt('optimizer = self.make_optimizer(groups, learning_rate)'), 'gpt/train.py');
  // Probe.fit_probe builds SGD, but the script calls no method of Probe.
  assert.equal(fact(a, 'optimizer')?.value ?? null, null);
});

test('nanoGPT accumulation written for the whole job: per process unknown without a process count', async () => {
  const a = await analyze(gpt('optimizer = torch.optim.AdamW(groups, lr=learning_rate)'), 'gpt/train.py');
  assert.equal(fact(a, 'grad_accum')?.value, null);
  // The global batch does not depend on the process count.
  assert.equal(fact(a, 'global_batch')?.value, 480);
});

test('nanoGPT accumulation with the process count a launcher states: divided; with one process: as written', async () => {
  const eight = await analyze(
    gpt('optimizer = torch.optim.AdamW(groups, lr=learning_rate)', {
      'gpt/run.sh': 'torchrun --standalone --nproc_per_node=8 train.py\n',
    }),
    'gpt/run.sh',
  );
  assert.equal(fact(eight, 'grad_accum')?.value, 5);
  const one = await analyze(gpt('optimizer = torch.optim.AdamW(groups, lr=learning_rate)'), 'gpt/train.py', {
    devices: 1,
  });
  assert.equal(fact(one, 'grad_accum')?.value, 40);
});
