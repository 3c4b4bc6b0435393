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
