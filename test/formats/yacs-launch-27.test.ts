// A launcher that starts a detectron2-style `train_net.py` with a yacs config (`--config-file x.yaml`) and `PATH.KEY
// VALUE` overrides: the config is the run even when its solver settings sit in the `_BASE_` file it extends, and the
// overrides replace the config's values. Fixtures written for these tests in the style of detectron2 projects.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const TRAIN_NET = `import os
from detectron2.checkpoint import DetectionCheckpointer
from detectron2.config import get_cfg
from detectron2.engine import DefaultTrainer, default_argument_parser, default_setup, launch
from detectron2.evaluation import COCOEvaluator


class Trainer(DefaultTrainer):
    @classmethod
    def build_evaluator(cls, cfg, dataset_name, output_folder=None):
        return COCOEvaluator(dataset_name, output_dir=output_folder)


def setup(args):
    cfg = get_cfg()
    cfg.merge_from_file(args.config_file)
    cfg.merge_from_list(args.opts)
    cfg.freeze()
    default_setup(cfg, args)
    return cfg


def main(args):
    cfg = setup(args)
    if args.eval_only:
        model = Trainer.build_model(cfg)
        DetectionCheckpointer(model, save_dir=cfg.OUTPUT_DIR).resume_or_load(cfg.MODEL.WEIGHTS, resume=args.resume)
        return Trainer.test(cfg, model)
    trainer = Trainer(cfg)
    trainer.resume_or_load(resume=args.resume)
    return trainer.train()


if __name__ == "__main__":
    args = default_argument_parser().parse_args()
    launch(main, args.num_gpus, num_machines=args.num_machines, args=(args,))
`;

const BASE_SOLVER = `MODEL:
  META_ARCHITECTURE: "GeneralizedRCNN"
  BACKBONE:
    NAME: "build_resnet_fpn_backbone"
DATASETS:
  TRAIN: ("coco_2017_train",)
  TEST: ("coco_2017_val",)
SOLVER:
  IMS_PER_BATCH: 16
  BASE_LR: 0.02
  STEPS: (60000, 80000)
  MAX_ITER: 90000
INPUT:
  MIN_SIZE_TRAIN: (640, 672, 704, 736, 768, 800)
`;

const BASE_MODEL_ONLY = `MODEL:
  META_ARCHITECTURE: "GeneralizedRCNN"
  BACKBONE:
    NAME: "build_resnet_fpn_backbone"
INPUT:
  MIN_SIZE_TRAIN: (640, 672, 704, 736, 768, 800)
`;

const CHILD = `_BASE_: "../Base-RCNN-FPN.yaml"
MODEL:
  WEIGHTS: "detectron2://ImageNetPretrained/MSRA/R-50.pkl"
  MASK_ON: True
  ROI_HEADS:
    NUM_CLASSES: 1230
DATASETS:
  TRAIN: ("lvis_v0.5_train",)
  TEST: ("lvis_v0.5_val",)
`;

const project = (launcher: string, base = BASE_SOLVER) => ({
  'det/README.md': '# det\n',
  'det/tools/train_net.py': TRAIN_NET,
  'det/configs/Base-RCNN-FPN.yaml': base,
  'det/configs/lvis/mask_rcnn_R_50_FPN_1x.yaml': CHILD,
  'det/exec/run.sh': launcher,
});

const VARS = `CFG_FILE="configs/lvis/mask_rcnn_R_50_FPN_1x.yaml"
SRC_FILE="tools/train_net.py"
NUM_GPUS=8

python $SRC_FILE --num-gpus $NUM_GPUS \\
                 --config-file $CFG_FILE
`;

test('--config-file: a config whose solver sits in its _BASE_ is the launched run (batch, steps, devices)', async () => {
  const a = await analyze(project(VARS), 'det/exec/run.sh');
  assert.equal(fact(a, 'global_batch')?.value, 16);
  assert.equal(fact(a, 'max_steps')?.value, 90000);
  assert.equal(fact(a, 'devices')?.value, 8);
  // SOLVER.IMS_PER_BATCH is over all GPUs: two images on each of the eight.
  assert.equal(fact(a, 'micro_batch')?.value, 2);
});

test('must not: a config that states no training setting, nor does its _BASE_, is not the run', async () => {
  const a = await analyze(project(VARS, BASE_MODEL_ONLY), 'det/exec/run.sh');
  assert.equal(fact(a, 'max_steps')?.value ?? null, null);
  assert.equal(fact(a, 'global_batch')?.value ?? null, null);
});

const OVERRIDES = `python3 tools/train_net.py \\
  --config-file configs/lvis/mask_rcnn_R_50_FPN_1x.yaml \\
  --num-gpus 1 \\
  SOLVER.IMS_PER_BATCH 4 \\
  SOLVER.BASE_LR 0.00025 \\
  SOLVER.MAX_ITER 100000
`;

test('PATH.KEY VALUE overrides after the flags replace the config’s values', async () => {
  const a = await analyze(project(OVERRIDES), 'det/exec/run.sh');
  assert.equal(fact(a, 'global_batch')?.value, 4);
  assert.equal(fact(a, 'max_steps')?.value, 100000);
  assert.equal(fact(a, 'micro_batch')?.value, 4);
  assert.equal(fact(a, 'global_batch')?.file, '/proj/det/exec/run.sh');
});

test('must not: the overrides of an --eval-only command after the training are not the training run’s', async () => {
  const launcher = `${OVERRIDES}
python3 tools/train_net.py \\
  --config-file configs/lvis/mask_rcnn_R_50_FPN_1x.yaml \\
  --eval-only MODEL.WEIGHTS output/model_final.pth \\
  SOLVER.IMS_PER_BATCH 1
`;
  const a = await analyze(project(launcher), 'det/exec/run.sh');
  assert.equal(fact(a, 'global_batch')?.value, 4);
});
