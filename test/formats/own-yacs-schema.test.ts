// A yacs YAML of detectron2's shape (SOLVER, MODEL, INPUT) in a project that defines its own schema (`_C = CN()` in
// its config/defaults.py, as maskrcnn-benchmark and its forks do) is merged over that schema, not over detectron2's:
// the values it leaves out are the project's (engine/link/own-schema.ts). Fixtures written for this project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const DEFAULTS = (extra: string) => `from yacs.config import CfgNode as CN

_C = CN()
_C.MODEL = CN()
_C.MODEL.NUM_CLASSES = 81
_C.MODEL.BACKBONE = CN()
_C.MODEL.BACKBONE.NAME = 'resnet50'
_C.INPUT = CN()
_C.INPUT.MIN_SIZE_TRAIN = 800
_C.DATASETS = CN()
_C.DATASETS.TRAIN = ()
_C.SOLVER = CN()
_C.SOLVER.MAX_ITER = 40000
_C.SOLVER.BASE_LR = 0.01
_C.SOLVER.IMS_PER_BATCH = 16
${extra}`;

const YAML = `MODEL:
  NUM_CLASSES: 21
  BACKBONE:
    NAME: "resnet101"
INPUT:
  MIN_SIZE_TRAIN: 600
DATASETS:
  TRAIN: ("voc_2007_train",)
SOLVER:
  BASE_LR: 0.02
  MAX_ITER: 90000
  IMS_PER_BATCH: 8
`;

const TRAIN = `import argparse
from detkit.config import cfg
from detkit.engine.trainer import do_train

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--config-file', default='')
    args = parser.parse_args()
    cfg.merge_from_file(args.config_file)
    do_train(cfg)

if __name__ == '__main__':
    main()
`;

const project = (schemaExtra: string) => ({
  'setup.py': '',
  'train.py': TRAIN,
  'detkit/__init__.py': '',
  'detkit/config/__init__.py': 'from .defaults import _C as cfg\n',
  'detkit/config/defaults.py': DEFAULTS(schemaExtra),
  'configs/voc_r101.yaml': YAML,
});

test('a yacs YAML over the project’s own schema takes the schema’s checkpoint period and workers, not detectron2’s', async () => {
  const a = await analyze(
    project(
      `_C.DATALOADER = CN()\n_C.DATALOADER.NUM_WORKERS = 6\n_C.SOLVER.CHECKPOINT_PERIOD = 2000\n_C.OUTPUT_DIR = '.'\n`,
    ),
    'configs/voc_r101.yaml',
  );
  assert.equal(fact(a, 'max_steps')?.value, 90000);
  assert.equal(fact(a, 'num_workers')?.value, 6);
  assert.equal(fact(a, 'save_steps')?.value, 2000);
});

test('must not: detectron2’s checkpoint period and workers for a project whose schema sets neither', async () => {
  const a = await analyze(project(`_C.OUTPUT_DIR = '.'\n_C.TEST = CN()\n`), 'configs/voc_r101.yaml');
  assert.equal(fact(a, 'max_steps')?.value, 90000);
  assert.notEqual(fact(a, 'save_steps')?.value, 5000);
  assert.notEqual(fact(a, 'num_workers')?.value, 4);
  assert.notEqual(fact(a, 'periodic_save')?.origin, 'framework-default');
});

test('a detectron2 YAML in a project with no schema of its own keeps detectron2’s defaults', async () => {
  const a = await analyze(
    { 'setup.py': '', 'train.py': TRAIN.replace('detkit.config', 'detectron2.config'), 'configs/voc_r101.yaml': YAML },
    'configs/voc_r101.yaml',
  );
  assert.equal(fact(a, 'save_steps')?.value, 5000);
  assert.equal(fact(a, 'num_workers')?.value, 4);
});
