// A detectron2 or mmengine script that trains in its own process (engine/extract/single-device.ts
// `oneProcessTrainer`): detectron2's DefaultTrainer without `launch()`, mmengine's Runner with launcher 'none', each on
// the default CUDA device — one device. Scripts written for these tests in the style of the frameworks' tutorials.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const D2 = (
  extra = '',
  tail = 'trainer = DefaultTrainer(cfg)\ntrainer.resume_or_load(resume=False)\ntrainer.train()\n',
) =>
  `import os
from detectron2 import model_zoo
from detectron2.config import get_cfg
from detectron2.engine import DefaultTrainer

cfg = get_cfg()
cfg.merge_from_file(model_zoo.get_config_file("COCO-Detection/faster_rcnn_R_50_FPN_3x.yaml"))
cfg.DATASETS.TRAIN = ("parts_train",)
cfg.SOLVER.IMS_PER_BATCH = 4
cfg.SOLVER.MAX_ITER = 1500
${extra}os.makedirs(cfg.OUTPUT_DIR, exist_ok=True)
${tail}`;

const devices = async (text: string) => fact(await analyze({ 'train.py': text }, 'train.py'), 'devices');

test('a detectron2 DefaultTrainer (or a subclass) run without launch() trains on one device', async () => {
  const d = await devices(D2());
  assert.deepEqual([d?.value, d?.origin], [1, 'inferred']);
  const sub = D2(
    'class MyTrainer(DefaultTrainer):\n    pass\n',
    "if __name__ == '__main__':\n    trainer = MyTrainer(cfg)\n    trainer.train()\n",
  );
  assert.equal((await devices(sub))?.value, 1);
  // The one device makes the total batch the batch of that device.
  const a = await analyze({ 'train.py': D2() }, 'train.py');
  assert.equal(fact(a, 'micro_batch')?.value, 4);
});

test('must not: detectron2 under launch(), or moved to the CPU, gets no one-device count', async () => {
  const launched = D2(
    'from detectron2.engine import launch\n',
    'def main():\n    DefaultTrainer(cfg).train()\n\nlaunch(main, 4)\n',
  );
  assert.notEqual((await devices(launched))?.origin, 'inferred');
  const cpu = await devices(D2('cfg.MODEL.DEVICE = "cpu"\n'));
  assert.notEqual(cpu?.origin, 'inferred');
});

const MM = (launcher: string) => `from mmengine.config import Config
from mmengine.runner import Runner

cfg = Config.fromfile('configs/resnet18_parts.py')
cfg.work_dir = './work_dirs/parts'
${launcher}runner = Runner.from_cfg(cfg)
runner.train()
`;

test("an mmengine Runner with launcher 'none' (its default) trains in one process: one device", async () => {
  assert.equal((await devices(MM('')))?.value, 1);
  assert.equal((await devices(MM("cfg.launcher = 'none'\n")))?.value, 1);
});

test('must not: an mmengine script that chooses its launcher is left to that choice', async () => {
  const chosen = MM("import sys\ncfg.launcher = sys.argv[1] if len(sys.argv) > 1 else 'pytorch'\n");
  assert.notEqual((await devices(chosen))?.origin, 'inferred');
});
