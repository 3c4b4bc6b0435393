// The optimizer of a detectron2 config (engine/link/detectron2-optimizer.ts): detectron2's DefaultTrainer builds
// torch.optim.SGD unless the project's Trainer overrides `build_optimizer`; an override that reads
// `cfg.SOLVER.OPTIMIZER` builds the class the project's `add_*_config` declares (the config's own key over it); a
// LazyConfig names its optimizer object. Fixtures written for these tests in the style of detectron2 projects.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const CONFIG = `_BASE_: "Base-Seg.yaml"
MODEL:
  WEIGHTS: "detectron2://ImageNetPretrained/torchvision/R-50.pkl"
SOLVER:
  IMS_PER_BATCH: 32
  BASE_LR: 0.0001
  MAX_ITER: 90000
`;

const BASE = `MODEL:
  META_ARCHITECTURE: "SegNet"
DATASETS:
  TRAIN: ("coco_2017_train",)
INPUT:
  FORMAT: "RGB"
`;

const ADD_CONFIG = (optimizer: string) => `from detectron2.config import CfgNode as CN


def add_seg_config(cfg):
    cfg.MODEL.SEG = CN()
    cfg.MODEL.SEG.NUM_CLASSES = 80
${optimizer ? `    cfg.SOLVER.OPTIMIZER = "${optimizer}"\n` : ''}    cfg.SOLVER.BACKBONE_MULTIPLIER = 0.1
`;

const OVERRIDE = `
    @classmethod
    def build_optimizer(cls, cfg, model):
        params = [p for p in model.parameters() if p.requires_grad]
        optimizer_type = cfg.SOLVER.OPTIMIZER
        if optimizer_type == "SGD":
            return torch.optim.SGD(params, cfg.SOLVER.BASE_LR, momentum=cfg.SOLVER.MOMENTUM)
        elif optimizer_type == "ADAMW":
            return torch.optim.AdamW(params, cfg.SOLVER.BASE_LR)
        raise NotImplementedError(optimizer_type)
`;

const trainNet = (override: string) => `import torch
from detectron2.config import get_cfg
from detectron2.engine import DefaultTrainer, default_argument_parser, launch
from seg import add_seg_config


class Trainer(DefaultTrainer):
    @classmethod
    def build_evaluator(cls, cfg, dataset_name):
        return None
${override}

def main(args):
    cfg = get_cfg()
    add_seg_config(cfg)
    cfg.merge_from_file(args.config_file)
    trainer = Trainer(cfg)
    trainer.resume_or_load(resume=args.resume)
    return trainer.train()


if __name__ == "__main__":
    args = default_argument_parser().parse_args()
    launch(main, args.num_gpus, args=(args,))
`;

const project = (override: string, declared: string, config = CONFIG) => ({
  'segproj/README.md': '# seg\n',
  'segproj/seg/__init__.py': 'from .config import add_seg_config\n',
  'segproj/seg/config.py': ADD_CONFIG(declared),
  'segproj/train_net.py': trainNet(override),
  'segproj/configs/Base-Seg.yaml': BASE,
  'segproj/configs/seg_R50.yaml': config,
});

test('a detectron2 config whose project keeps DefaultTrainer.build_optimizer trains with SGD', async () => {
  const a = await analyze(project('', ''), 'segproj/configs/seg_R50.yaml');
  assert.equal(fact(a, 'optimizer')?.value, 'sgd');
  assert.equal(fact(a, 'optimizer')?.origin, 'framework-default');
});

test('an overridden build_optimizer builds the SOLVER.OPTIMIZER class the project declares (ADAMW)', async () => {
  const a = await analyze(project(OVERRIDE, 'ADAMW'), 'segproj/configs/seg_R50.yaml');
  assert.equal(fact(a, 'optimizer')?.value, 'adamw');
});

test('the config’s own SOLVER.OPTIMIZER stands over the project’s declared default', async () => {
  const a = await analyze(
    project(OVERRIDE, 'ADAMW', CONFIG.replace('  MAX_ITER: 90000\n', '  MAX_ITER: 90000\n  OPTIMIZER: "SGD"\n')),
    'segproj/configs/seg_R50.yaml',
  );
  assert.equal(fact(a, 'optimizer')?.value, 'sgd');
});

test('must not: an override reading SOLVER.OPTIMIZER with no declared default is not SGD', async () => {
  const a = await analyze(project(OVERRIDE, ''), 'segproj/configs/seg_R50.yaml');
  assert.equal(fact(a, 'optimizer')?.value ?? null, null);
});

test('must not: the override of a sub-project with configs of its own is not the config’s', async () => {
  const files = {
    ...project('', ''),
    'segproj/projects/Panoptic/train_net.py': trainNet(OVERRIDE),
    'segproj/projects/Panoptic/panoptic/config.py': ADD_CONFIG('ADAM'),
    'segproj/projects/Panoptic/configs/panoptic.yaml': CONFIG,
  };
  const a = await analyze(files, 'segproj/configs/seg_R50.yaml');
  assert.equal(fact(a, 'optimizer')?.value, 'sgd');
});

test('must not: a yacs project that does not use detectron2 gets no detectron2 default', async () => {
  const files = {
    'det/setup.py': 'from setuptools import setup\nsetup(name="det")\n',
    'det/tools/train.py': 'import torch\n\ndef main():\n    loss.backward()\n',
    'det/configs/Base-Seg.yaml': BASE,
    'det/configs/seg_R50.yaml': CONFIG,
  };
  const a = await analyze(files, 'det/configs/seg_R50.yaml');
  assert.equal(fact(a, 'optimizer')?.value ?? null, null);
});

test('a LazyConfig names its optimizer: detectron2’s common AdamW imported as `optimizer`', async () => {
  const lazy = `from detectron2.config import LazyCall as L
from ..common.optim import AdamW as optimizer
from ..common.train import train

train.max_iter = 184375
optimizer.lr = 1e-4
`;
  const a = await analyze(
    {
      'lazyproj/README.md': '',
      'lazyproj/configs/common/optim.py': 'import torch\nfrom detectron2.config import LazyCall as L\n',
      'lazyproj/configs/new/seg_100ep.py': lazy,
    },
    'lazyproj/configs/new/seg_100ep.py',
  );
  assert.equal(fact(a, 'optimizer')?.value, 'adamw');
});
