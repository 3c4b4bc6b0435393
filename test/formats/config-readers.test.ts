// A config and the script that reads it are one run, whichever is analysed: a config given alone gets what the
// training script of its own project fixes — the mixed-precision switch a key turns on, the epoch loop's bound, the
// loader's workers, checkpoints saved in the loop, the schema's defaults for keys it leaves out — as `inferred`, never
// over what the config states; a data config, a config whose project holds no reader, and a sibling project's script
// are not linked. Fixtures written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, theRun } from './helpers';

const SCHEMA = `from yacs.config import CfgNode as CN

_C = CN()
_C.WORKERS = 4
_C.MODEL = CN()
_C.MODEL.NAME = 'convnet'
_C.MODEL.DEPTH = 18
_C.MODEL.WIDTH = 64
_C.AMP = CN()
_C.AMP.ENABLED = False
_C.TRAIN = CN()
_C.TRAIN.BATCH_PER_GPU = 64
_C.TRAIN.FIRST_EPOCH = 0
_C.TRAIN.LAST_EPOCH = 90
_C.TRAIN.LR = 0.1
`;
const TRAIN = `import torch
from torch.utils.data import DataLoader
from config import cfg
from engine import run_one_epoch, build_model, build_data


def main():
    model = build_model(cfg).cuda()
    opt = torch.optim.SGD(model.parameters(), lr=cfg.TRAIN.LR, momentum=0.9)
    scaler = None
    if cfg.AMP.ENABLED:
        scaler = torch.cuda.amp.GradScaler()
    loader = DataLoader(build_data(cfg), batch_size=cfg.TRAIN.BATCH_PER_GPU, num_workers=cfg.WORKERS, shuffle=True)
    for epoch in range(cfg.TRAIN.FIRST_EPOCH, cfg.TRAIN.LAST_EPOCH):
        run_one_epoch(model, loader, opt, scaler)
        torch.save(model.state_dict(), f"ckpt_{epoch}.pt")


if __name__ == "__main__":
    main()
`;
const project = (exp: string) => ({
  'proj/README.md': 'convnets\n',
  'proj/lib/config/__init__.py': 'from .defaults import _C as cfg\n',
  'proj/lib/config/defaults.py': SCHEMA,
  'proj/tools/train.py': TRAIN,
  'proj/tools/evaluate.py': 'import torch\nfrom config import cfg\nmodel = torch.load(cfg.MODEL.NAME)\nmodel.eval()\n',
  'proj/experiments/exp.yaml': exp,
  'proj/experiments/data_paths.yaml': 'DATA:\n  ROOT: /data/images\n  TRAIN_LIST: train.txt\n  VAL_LIST: val.txt\n',
});

test('a yacs experiment file of model keys: the schema and tools/train.py that imports it make its run', async () => {
  const a = await analyze(project('MODEL:\n  NAME: convnet\n  DEPTH: 50\n  WIDTH: 128\n'), 'proj/experiments/exp.yaml');
  // Left out by the config: the schema's defaults, read the way the script reads them.
  assert.equal(fact(a, 'epochs')?.value, 90);
  assert.equal(fact(a, 'micro_batch')?.value, 64);
  assert.equal(fact(a, 'num_workers')?.value, 4);
  // AMP.ENABLED defaults to False: the switch in train.py leaves mixed precision off.
  assert.equal(fact(a, 'precision')?.value, 'fp32');
  assert.equal(fact(a, 'precision')?.origin, 'inferred');
  assert.match(fact(a, 'precision')?.note ?? '', /AMP\.ENABLED.*train\.py/);
  assert.equal(fact(a, 'periodic_save')?.value, 'epoch');
  assert.equal(fact(a, 'optimizer')?.value, 'sgd');
});

test('what the config states wins over the schema; the key that turns the switch on is the config’s', async () => {
  const exp = 'WORKERS: 2\nAMP:\n  ENABLED: true\nTRAIN:\n  BATCH_PER_GPU: 16\n  LAST_EPOCH: 30\n';
  const a = await analyze(project(exp), 'proj/experiments/exp.yaml');
  assert.equal(fact(a, 'precision')?.value, 'fp16');
  assert.equal(fact(a, 'num_workers')?.value, 2);
  assert.equal(fact(a, 'micro_batch')?.value, 16);
  assert.equal(fact(a, 'epochs')?.value, 30);
});

test('a data config of the same project and a config of a project with no training script are not runs', async () => {
  const files = {
    ...project('MODEL:\n  DEPTH: 50\n'),
    // A sibling project side by side, with its own root and no script: the other project's train.py is not its reader.
    'other/README.md': 'other project\n',
    'other/configs/exp.yaml': 'MODEL:\n  NAME: convnet\n  DEPTH: 50\n  WIDTH: 128\nWORKERS: 2\n',
  };
  const data = await analyze(files, 'proj/experiments/data_paths.yaml');
  assert.equal(data.runs.length + (data.linked?.length ?? 0), 0);
  const sibling = await analyze(files, 'other/configs/exp.yaml');
  for (const r of [...sibling.runs, ...(sibling.linked ?? [])])
    assert.ok(!r.plan.files.some((f) => f.includes('/proj/')), r.plan.files.join(', '));
});

test('JSON hyper-parameters read as `hps.train.*`: the apex switch key, the inclusive epoch loop, the loader', async () => {
  const files = {
    'tts/configs/small.json': JSON.stringify(
      { train: { epochs: 500, batch_size: 24, learning_rate: 0.0002, fp16_run: true, seed: 7 }, data: { sr: 22050 } },
      null,
      2,
    ),
    'tts/utils.py': 'import json\n\ndef get_hparams(path="configs/small.json"):\n    return json.load(open(path))\n',
    'tts/train.py': `import torch
from torch.utils.data import DataLoader
from apex import amp
import utils


def main():
    hps = utils.get_hparams()
    model = torch.nn.Linear(4, 4).cuda()
    opt = torch.optim.AdamW(model.parameters(), lr=hps.train.learning_rate)
    if hps.train.fp16_run:
        model, opt = amp.initialize(model, opt, opt_level="O1")
    loader = DataLoader(range(10), batch_size=hps.train.batch_size, num_workers=4)
    for epoch in range(1, hps.train.epochs + 1):
        for x in loader:
            loss = model(x).sum()
            loss.backward()
            opt.step()


if __name__ == "__main__":
    main()
`,
  };
  const a = await analyze(files, 'tts/configs/small.json');
  assert.equal(fact(a, 'precision')?.value, 'fp16');
  assert.equal(fact(a, 'epochs')?.value, 500);
  assert.equal(fact(a, 'micro_batch')?.value, 24);
  assert.equal(fact(a, 'num_workers')?.value, 4);
  assert.equal(fact(a, 'optimizer')?.value, 'adamw');
  assert.equal(fact(a, 'grad_accum')?.value, 1);
});

test('a script analysed alone reads the config its --config option defaults to; what the script states stays', async () => {
  const files = {
    'seg/configs/base.yaml': 'train:\n  epochs: 40\n  batch_size: 12\n  use_amp: true\n  workers: 6\n',
    'seg/train.py': `import argparse
import torch
import yaml
from torch.utils.data import DataLoader

parser = argparse.ArgumentParser()
parser.add_argument("--config", default="configs/base.yaml")
args = parser.parse_args()
cfg = yaml.safe_load(open(args.config))

model = torch.nn.Conv2d(3, 8, 3).cuda()
opt = torch.optim.SGD(model.parameters(), lr=0.01)
scaler = torch.cuda.amp.GradScaler(enabled=cfg["train"]["use_amp"])
loader = DataLoader(range(100), batch_size=cfg["train"]["batch_size"], num_workers=2)
for epoch in range(cfg["train"]["epochs"]):
    for x in loader:
        with torch.autocast("cuda", enabled=cfg["train"]["use_amp"]):
            loss = model(x).mean()
        scaler.scale(loss).backward()
        scaler.step(opt)
        scaler.update()
`,
  };
  const a = await analyze(files, 'seg/train.py');
  assert.equal(fact(a, 'epochs')?.value, 40);
  assert.equal(fact(a, 'micro_batch')?.value, 12);
  assert.equal(fact(a, 'precision')?.value, 'fp16');
  // The script writes its workers: the config's `workers: 6` does not replace them.
  assert.equal(fact(a, 'num_workers')?.value, 2);
  assert.ok(theRun(a).plan.files.some((f) => f.endsWith('configs/base.yaml')));
});

test('two training scripts that read the same keys and name neither config: no reader is guessed', async () => {
  const loop = (name: string) => `import torch
from torch.utils.data import DataLoader
import options

opt = options.parse()
loader = DataLoader(range(8), batch_size=opt["train"]["batch_size"], num_workers=opt["train"]["workers"])
model = torch.nn.Linear(2, 2).cuda()
optim = torch.optim.Adam(model.parameters(), lr=opt["train"]["lr"])
for step in range(opt["train"]["total_steps"]):
    for x in loader:
        model(x).sum().backward()
        optim.step()
    if step % opt["train"]["save_every"] == 0:
        torch.save(model.state_dict(), "${name}.pt")
`;
  const files = {
    'restore/main_train_denoise.py': loop('denoise'),
    'restore/main_train_deblur.py': loop('deblur'),
    'restore/options/train_sr.json':
      '{"train": {"batch_size": 8, "workers": 4, "lr": 0.0001, "total_steps": 500000, "save_every": 5000}}',
  };
  const a = await analyze(files, 'restore/options/train_sr.json');
  for (const r of [...a.runs, ...(a.linked ?? [])]) assert.ok(!r.plan.files.some((f) => f.endsWith('.py')));
});

test('a Hydra primary config is read with the script whose @hydra.main composes it', async () => {
  const files = {
    'asr/conf/train.yaml': 'optim:\n  lr: 0.001\ntrainer:\n  max_epochs: 25\n  batch_size: 32\n  use_bf16: true\n',
    'asr/run_train.py': `import hydra
import torch
from torch.utils.data import DataLoader


@hydra.main(config_path="conf", config_name="train")
def main(cfg):
    model = torch.nn.Linear(80, 32).cuda()
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.optim.lr)
    loader = DataLoader(range(64), batch_size=cfg.trainer.batch_size, num_workers=8)
    for epoch in range(cfg.trainer.max_epochs):
        for x in loader:
            with torch.autocast("cuda", dtype=torch.bfloat16, enabled=cfg.trainer.use_bf16):
                loss = model(x).mean()
            loss.backward()
            opt.step()
        torch.save(model.state_dict(), "last.pt")


if __name__ == "__main__":
    main()
`,
  };
  const a = await analyze(files, 'asr/conf/train.yaml');
  assert.equal(fact(a, 'precision')?.value, 'bf16');
  assert.equal(fact(a, 'num_workers')?.value, 8);
  assert.equal(fact(a, 'optimizer')?.value, 'adamw');
  assert.equal(fact(a, 'periodic_save')?.value, 'epoch');
  assert.match(fact(a, 'num_workers')?.note ?? '', /run_train\.py composes it/);
});

test('what the reading script decides in code alone (an unconditional bf16 autocast, accumulation) reaches the config', async () => {
  const files = {
    'pose/configs/hrnet_w32.yaml':
      'data:\n  batch: 48\n  workers: 6\nsolver:\n  epochs: 210\n  base_lr: 0.001\n  warmup: 500\n',
    'pose/train.py': `import torch
from torch.utils.data import DataLoader
from omegaconf import OmegaConf


def main(path):
    cfg = OmegaConf.load(path)
    model = torch.nn.Linear(8, 8).cuda()
    opt = torch.optim.Adam(model.parameters(), lr=cfg.solver.base_lr)
    loader = DataLoader(range(96), batch_size=cfg.data.batch, num_workers=cfg.data.workers)
    for epoch in range(cfg.solver.epochs):
        for i, x in enumerate(loader):
            with torch.autocast("cuda", dtype=torch.bfloat16):
                loss = model(x).mean() / 4
            loss.backward()
            if (i + 1) % 4 == 0:
                opt.step()
                opt.zero_grad()


if __name__ == "__main__":
    main("configs/hrnet_w32.yaml")
`,
  };
  const a = await analyze(files, 'pose/configs/hrnet_w32.yaml');
  assert.equal(fact(a, 'precision')?.value, 'bf16');
  assert.equal(fact(a, 'precision')?.origin, 'inferred');
  assert.equal(fact(a, 'epochs')?.value, 210);
  assert.equal(fact(a, 'micro_batch')?.value, 48);
  assert.equal(fact(a, 'num_workers')?.value, 6);
  assert.equal(fact(a, 'optimizer')?.value, 'adam');
  // A step every fourth batch: not "no accumulation".
  assert.notEqual(fact(a, 'grad_accum')?.value, 1);
});

test('a loop over the iterations of one epoch (`range(cfg.TRAIN.epoch_iters)`) is no epoch count: the epoch loop around the call is', async () => {
  const files = {
    'seg/config/ade20k.yaml':
      'TRAIN:\n  batch_size_per_gpu: 2\n  num_epoch: 20\n  start_epoch: 0\n  epoch_iters: 5000\n',
    'seg/train.py': `import torch
from omegaconf import OmegaConf


def train(module, iterator, optimizer, epoch, cfg):
    for i in range(cfg.TRAIN.epoch_iters):
        batch = next(iterator)
        loss = module(batch).mean()
        loss.backward()
        optimizer.step()


def main(cfg):
    module = torch.nn.Linear(8, 8).cuda()
    optimizer = torch.optim.SGD(module.parameters(), lr=0.02)
    iterator = iter(range(10))
    for epoch in range(cfg.TRAIN.start_epoch, cfg.TRAIN.num_epoch):
        train(module, iterator, optimizer, epoch + 1, cfg)


if __name__ == "__main__":
    main(OmegaConf.load("config/ade20k.yaml"))
`,
  };
  for (const f of ['seg/config/ade20k.yaml', 'seg/train.py']) {
    const a = await analyze(files, f);
    assert.notEqual(fact(a, 'epochs')?.value, 5000, f);
  }
  assert.equal(fact(await analyze(files, 'seg/config/ade20k.yaml'), 'epochs')?.value, 20);
});
