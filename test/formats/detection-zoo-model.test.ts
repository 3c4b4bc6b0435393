// The detector a detection script or config trains, from the name the model zoos give it
// (engine/extract/detection-models.ts → core/data/detection-zoo.ts): detectron2's model_zoo calls and zoo-named yacs
// YAMLs, OpenMMLab configs named for (or inheriting) a zoo config, torchvision's detection builders. A name the core
// refuses (cascade, GN, deformable convolutions), or a config that turns the network into another, gets no model.
// Fixtures written for these tests in the style of detectron2's "Getting Started" Colab and mmdetection's configs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, theRun } from './helpers';

const d2Script = (zoo: string, extra = '') => `from detectron2 import model_zoo
from detectron2.config import get_cfg
from detectron2.engine import DefaultTrainer

cfg = get_cfg()
cfg.merge_from_file(model_zoo.get_config_file("${zoo}"))
cfg.DATASETS.TRAIN = ("balloon_train",)
cfg.MODEL.WEIGHTS = model_zoo.get_checkpoint_url("${zoo}")
cfg.SOLVER.IMS_PER_BATCH = 2
cfg.SOLVER.MAX_ITER = 3000
${extra}trainer = DefaultTrainer(cfg)
trainer.resume_or_load(resume=False)
trainer.train()
`;

test('a detectron2 script on a model-zoo config gets the detector and a footprint estimate', async () => {
  const a = await analyze(
    { 'train.py': d2Script('COCO-InstanceSegmentation/mask_rcnn_R_50_FPN_3x.yaml') },
    'train.py',
    { hardware: 'a100' },
  );
  // The network, named as the zoo names it without its schedule (`_3x`: MODEL_ZOO.md's training recipe).
  assert.equal(fact(a, 'model')?.value, 'mask_rcnn_R_50_FPN');
  const e = theRun(a).estimate;
  assert.equal(e.method, 'flops');
  assert.ok(e.gpuHours.mid > 0);
});

test("a script that merges a 3x zoo config and sets no MAX_ITER trains the config's 270,000 iterations, not defaults.py's 40,000", async () => {
  const text = d2Script('COCO-InstanceSegmentation/mask_rcnn_R_50_FPN_3x.yaml').replace(
    /cfg\.SOLVER\.MAX_ITER = 3000\n/,
    '',
  );
  const a = await analyze({ 'train.py': text }, 'train.py', { hardware: 'v100', devices: 8 });
  assert.equal(fact(a, 'max_steps')?.value, 270_000);
  assert.equal(fact(a, 'max_steps')?.origin, 'framework-default');
  // A 1x config: 90,000 iterations.
  const one = await analyze(
    { 'train.py': text.replace(/mask_rcnn_R_50_FPN_3x/g, 'faster_rcnn_R_50_FPN_1x') },
    'train.py',
  );
  assert.equal(fact(one, 'max_steps')?.value, 90_000);
});

test('must not: a MAX_ITER the script sets, read or not, is the run length, not the zoo schedule', async () => {
  const zoo = 'COCO-InstanceSegmentation/mask_rcnn_R_50_FPN_3x.yaml';
  const set = await analyze({ 'train.py': d2Script(zoo) }, 'train.py');
  assert.equal(fact(set, 'max_steps')?.value, 3000);
  const unread = await analyze(
    { 'train.py': d2Script(zoo).replace('cfg.SOLVER.MAX_ITER = 3000', 'cfg.SOLVER.MAX_ITER = args.max_iter') },
    'train.py',
  );
  assert.notEqual(fact(unread, 'max_steps')?.value, 270_000);
});

test('must not: a cascade, GN or deformable zoo config gives the script no model (and no estimate)', async () => {
  for (const zoo of [
    'COCO-InstanceSegmentation/cascade_mask_rcnn_R_50_FPN_3x.yaml',
    'Misc/mask_rcnn_R_50_FPN_3x_gn.yaml',
    'Misc/mask_rcnn_R_50_FPN_3x_dconv_c3-c5.yaml',
  ]) {
    const a = await analyze({ 'train.py': d2Script(zoo) }, 'train.py', { hardware: 'a100' });
    assert.equal(fact(a, 'model')?.value ?? null, null, zoo);
  }
});

test('must not: a script that changes the zoo network (depth, backbone) keeps no zoo model', async () => {
  const zoo = 'COCO-Detection/faster_rcnn_R_50_FPN_1x.yaml';
  const deeper = await analyze({ 'train.py': d2Script(zoo, 'cfg.MODEL.RESNETS.DEPTH = 101\n') }, 'train.py');
  assert.equal(fact(deeper, 'model')?.value ?? null, null);
  const same = await analyze({ 'train.py': d2Script(zoo, 'cfg.MODEL.RESNETS.DEPTH = 50\n') }, 'train.py');
  assert.equal(fact(same, 'model')?.value, 'faster_rcnn_R_50_FPN');
});

test('a zoo config named through a variable the script binds once is the model', async () => {
  const text = d2Script('COCO-Detection/faster_rcnn_X_101_32x8d_FPN_3x.yaml').replace(
    /model_zoo\.get_config_file\("[^"]+"\)/,
    'model_zoo.get_config_file(config_file)',
  );
  const a = await analyze(
    { 'train.py': `config_file = "COCO-Detection/faster_rcnn_X_101_32x8d_FPN_3x.yaml"\n${text}` },
    'train.py',
  );
  // Must not: `32x8d` (ResNeXt groups × width) is the backbone's, not a schedule.
  assert.equal(fact(a, 'model')?.value, 'faster_rcnn_X_101_32x8d_FPN');
});

test('must not: a config chosen on the command line is not the network of the checkpoint URL', async () => {
  const text = d2Script('COCO-Detection/faster_rcnn_R_50_FPN_3x.yaml').replace(
    /cfg\.merge_from_file\(model_zoo\.get_config_file\("[^"]+"\)\)/,
    'cfg.merge_from_file(args.config_file)',
  );
  const a = await analyze({ 'train.py': text }, 'train.py');
  assert.equal(fact(a, 'model')?.value ?? null, null);
});

const yaml = (extra = '') => `_BASE_: "../Base-RCNN-FPN.yaml"
MODEL:
  WEIGHTS: "detectron2://ImageNetPretrained/MSRA/R-101.pkl"
  MASK_ON: True
  RESNETS:
    DEPTH: 101
${extra}SOLVER:
  STEPS: (210000, 250000)
  MAX_ITER: 270000
`;

test('a detectron2 YAML given alone is the detector its name gives', async () => {
  const a = await analyze({ 'configs/mask_rcnn_R_101_FPN_3x.yaml': yaml() }, 'configs/mask_rcnn_R_101_FPN_3x.yaml');
  assert.equal(fact(a, 'model')?.value, 'mask_rcnn_R_101_FPN');
  assert.ok((fact(a, 'params')?.value as number) > 5e7, 'Mask R-CNN R101-FPN is sized');
});

test('must not: a YAML named cascade, or one that turns on GN or another meta-architecture, gets no model', async () => {
  for (const [name, text] of [
    ['configs/cascade_mask_rcnn_R_101_FPN_3x.yaml', yaml()],
    ['configs/mask_rcnn_R_101_FPN_3x.yaml', yaml('  FPN:\n    NORM: "GN"\n')],
    ['configs/faster_rcnn_R_101_FPN_sup10.yaml', yaml('  META_ARCHITECTURE: "TwoStagePseudoLabGeneralizedRCNN"\n')],
    ['configs/mask_rcnn_R_101_FPN_1x.yaml', yaml('  RESNETS:\n    DEFORM_ON_PER_STAGE: [False, True, True, True]\n')],
  ]) {
    const a = await analyze({ [name]: text }, name);
    assert.equal(fact(a, 'model')?.value ?? null, null, name);
  }
});

test('an mmdetection config named for a zoo config, or inheriting one, gets the detector with its depth', async () => {
  const r101 = `_base_ = './faster_rcnn_r50_fpn_1x_coco.py'
model = dict(backbone=dict(depth=101, init_cfg=dict(type='Pretrained', checkpoint='torchvision://resnet101')))
`;
  const a = await analyze(
    { 'configs/faster_rcnn_r101_fpn_1x_coco.py': r101 },
    'configs/faster_rcnn_r101_fpn_1x_coco.py',
  );
  assert.equal(fact(a, 'model')?.value, 'faster_rcnn_r101_fpn_1x_coco');
  const own = `_base_ = './retinanet_r50_fpn_1x_coco.py'
data = dict(samples_per_gpu=4, workers_per_gpu=2)
runner = dict(type='EpochBasedRunner', max_epochs=12)
`;
  const b = await analyze({ 'configs/my_retina.py': own }, 'configs/my_retina.py');
  assert.equal(fact(b, 'model')?.value, 'retinanet_r50_fpn_1x_coco');
});

test('must not: an mmdetection config with deformable convolutions or a cascade name gets no model', async () => {
  const dcn = `_base_ = '../faster_rcnn/faster_rcnn_r50_fpn_1x_coco.py'
model = dict(backbone=dict(dcn=dict(type='DCN', deform_groups=1), stage_with_dcn=(False, True, True, True)))
`;
  const a = await analyze({ 'configs/my_dcn.py': dcn }, 'configs/my_dcn.py');
  assert.equal(fact(a, 'model')?.value ?? null, null);
  const ownDcn = `_base_ = ['../_base_/models/faster_rcnn_r50_fpn.py', '../_base_/schedules/schedule_1x.py']
model = dict(backbone=dict(dcn=dict(type='DCN', deform_groups=1), stage_with_dcn=(False, True, True, True)))
`;
  const c = await analyze({ 'configs/my_dcn2.py': ownDcn }, 'configs/my_dcn2.py');
  assert.equal(fact(c, 'model')?.value ?? null, null, 'a models/ base with deformable convolutions switched on');
  const plain = await analyze({ 'configs/my_frcnn.py': ownDcn.replace(/^model = .*\n/m, '') }, 'configs/my_frcnn.py');
  assert.equal(fact(plain, 'model')?.value, 'faster_rcnn_r50_fpn');
  const doubleHead = await analyze(
    {
      'configs/dh_faster_rcnn_r50_fpn_1x_coco.py': ownDcn.replace(
        /^model = .*$/m,
        "model = dict(roi_head=dict(type='DoubleHeadRoIHead', reg_roi_scale_factor=1.3))",
      ),
    },
    'configs/dh_faster_rcnn_r50_fpn_1x_coco.py',
  );
  assert.equal(fact(doubleHead, 'model')?.value ?? null, null, 'another RoI head is another network');
  const cascade = `_base_ = ['../_base_/models/mask_rcnn_r50_fpn.py', '../_base_/schedules/schedule_1x.py']
data = dict(samples_per_gpu=2)
`;
  const name = 'configs/cascade_mask_rcnn_r50_fpn_1x_coco.py';
  const b = await analyze({ [name]: cascade }, name);
  assert.equal(fact(b, 'model')?.value ?? null, null);
});

test("a torchvision Keypoint R-CNN builder is the run's model", async () => {
  const script = `import torch
from torchvision.models.detection import keypointrcnn_resnet50_fpn
model = keypointrcnn_resnet50_fpn(weights="DEFAULT").cuda()
opt = torch.optim.SGD(model.parameters(), lr=0.01)
loader = torch.utils.data.DataLoader(ds, batch_size=4)
for epoch in range(10):
    for images, targets in loader:
        loss = sum(model(images, targets).values())
        opt.zero_grad()
        loss.backward()
        opt.step()
`;
  const a = await analyze({ 'train.py': script }, 'train.py');
  assert.equal(fact(a, 'model')?.value, 'keypointrcnn_resnet50_fpn');
});

const mrcnnBenchmark = (body: string) => `MODEL:
  META_ARCHITECTURE: "GeneralizedRCNN"
  WEIGHTS: "catalog://ImageNetPretrained/MSRA/R-101"
  BACKBONE:
    CONV_BODY: "${body}"
  RPN:
    USE_FPN: True
DATASETS:
  TRAIN: ("coco_2014_train", "coco_2014_valminusminival")
SOLVER:
  BASE_LR: 0.02
  STEPS: (60000, 80000)
  MAX_ITER: 90000
`;

test('a maskrcnn-benchmark YAML is the detector its name gives when its CONV_BODY agrees', async () => {
  const name = 'configs/e2e_faster_rcnn_R_101_FPN_1x.yaml';
  const a = await analyze({ [name]: mrcnnBenchmark('R-101-FPN') }, name);
  assert.equal(fact(a, 'model')?.value, 'e2e_faster_rcnn_R_101_FPN');
  const b = await analyze({ [name]: mrcnnBenchmark('R-50-C4') }, name);
  assert.equal(fact(b, 'model')?.value ?? null, null, 'a body of another depth and neck is another network');
});
