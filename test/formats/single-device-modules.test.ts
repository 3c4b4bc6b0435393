// Issue 11: a plain script gets its one device when the modules it imports only look multi-device — a trainer class of
// the project's own named like a library's (`class SFTTrainer(Trainer)` over `class Trainer:`), a module whose other
// classes (never used by the script) set up FSDP or accelerate, a yacs config that writes `_C.LOCAL_RANK = 0`, a data
// path named `..._unprocessed`. What the run uses still decides: the FSDP class used, a subclass of Hugging Face's
// Trainer, a rank read from the environment, a multi-GPU switch turned on. Fixtures written for this project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocumentAnalysis } from '../../server/review/analyze';
import { analyze, fact } from './helpers';

/** The device count the files state or imply (not the one the plan assumes when nothing does). */
const stated = (a: DocumentAnalysis) => {
  const f = fact(a, 'devices');
  return f?.origin === 'assumed' ? undefined : f?.value;
};

const TRAINERS = `import torch
from torch.distributed.fsdp import FullyShardedDataParallel as FSDP
from accelerate import Accelerator


class Trainer:
    def __init__(self, cfg, device, model):
        self.cfg = cfg
        self.device = device
        self.model = model


class SFTTrainer(Trainer):
    def fit(self, loader):
        self.model.to(self.device)
        opt = torch.optim.AdamW(self.model.parameters(), lr=self.cfg.lr)
        for epoch in range(self.cfg.epochs):
            for x, y in loader:
                loss = torch.nn.functional.cross_entropy(self.model(x.to(self.device)), y.to(self.device))
                opt.zero_grad()
                loss.backward()
                opt.step()


class FSDPTrainer(Trainer):
    def fit(self, loader):
        model = FSDP(self.model)
        opt = torch.optim.AdamW(model.parameters(), lr=self.cfg.lr)
        for x, y in loader:
            loss = model(x).sum()
            loss.backward()
            opt.step()


class AcceleratorTrainer(Trainer):
    def fit(self, loader):
        acc = Accelerator()
        model, opt = acc.prepare(self.model, torch.optim.AdamW(self.model.parameters()))
        for x, y in loader:
            acc.backward(model(x).sum())
            opt.step()
`;
const SCRIPT = (cls: string) => `import argparse
import torch
from trainers import ${cls}
from model import Net
from data import make_loader


def main(args):
    device = "cuda"
    trainer = ${cls}(args, device, Net())
    trainer.fit(make_loader(args.batch_size))


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--lr", type=float, default=1e-4)
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--batch_size", type=int, default=8)
    main(p.parse_args())
`;
const project = (script: string, trainers = TRAINERS) => ({
  'proj/README.md': '# proj',
  'proj/src/trainers.py': trainers,
  'proj/src/train.py': script,
});

test("a script that builds its project's own SFTTrainer runs on one device; the module's unused FSDP class does not count", async () => {
  const a = await analyze(project(SCRIPT('SFTTrainer')), 'proj/src/train.py');
  const dev = fact(a, 'devices');
  assert.deepEqual([dev?.value, dev?.origin], [1, 'inferred']);
  // must not: the script builds the FSDP trainer of the same module.
  const fsdp = await analyze(project(SCRIPT('FSDPTrainer')), 'proj/src/train.py');
  assert.equal(stated(fsdp), undefined);
  // must not: the accelerate trainer (every visible GPU under `accelerate launch`).
  const acc = await analyze(project(SCRIPT('AcceleratorTrainer')), 'proj/src/train.py');
  assert.equal(stated(acc), undefined);
});

test("a trainer class derived from Hugging Face's Trainer is the library's: no one-device claim", async () => {
  const hf = `import torch
from transformers import Trainer


class SFTTrainer(Trainer):
    def __init__(self, cfg, device, model):
        super().__init__(model=model.to(device))
        self.cfg = cfg

    def fit(self, loader):
        opt = torch.optim.AdamW(self.model.parameters(), lr=self.cfg.lr)
        for x, y in loader:
            loss = self.compute_loss(self.model, {"input_ids": x, "labels": y})
            opt.zero_grad()
            loss.backward()
            opt.step()
`;
  const a = await analyze(project(SCRIPT('SFTTrainer'), hf), 'proj/src/train.py');
  assert.equal(stated(a), undefined);
});

const CONFIG = (rank: string) => `from yacs.config import CfgNode as CN

_C = CN()
_C.MODEL = CN()
_C.MODEL.TYPE = "swin"
_C.MODEL.NAME = "swin_tiny_patch4_window7_224"
_C.MODEL.DROP_PATH_RATE = 0.1
_C.TRAIN = CN()
_C.TRAIN.EPOCHS = 300
# local rank for DistributedDataParallel, given by command line argument
${rank}


def get_config(args):
    config = _C.clone()
    config.merge_from_file(args.cfg)
    return config
`;
const SEG = `import argparse
import torch
import torch.optim as optim
from config import get_config
from networks import SwinUnet

parser = argparse.ArgumentParser()
parser.add_argument("--cfg", type=str, default="configs/swin_tiny.yaml")
parser.add_argument("--max_iterations", type=int, default=30000)
parser.add_argument("--batch_size", type=int, default=16)
args = parser.parse_args()
config = get_config(args)


def train(args):
    model = SwinUnet(config).cuda()
    opt = optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    for it in range(args.max_iterations):
        x = torch.randn(args.batch_size, 1, 224, 224).cuda()
        loss = model(x).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()


if __name__ == "__main__":
    train(args)
`;

test('a script importing a yacs config whose LOCAL_RANK is a literal default runs on one device', async () => {
  const files = (cfg: string) => ({
    'proj/README.md': '# seg',
    'proj/code/config.py': cfg,
    'proj/code/configs/swin_tiny.yaml':
      'MODEL:\n  TYPE: swin\n  NAME: swin_tiny_patch4_window7_224\n  DROP_PATH_RATE: 0.2\n',
    'proj/code/train.py': SEG,
  });
  const a = await analyze(files(CONFIG('_C.LOCAL_RANK = 0')), 'proj/code/train.py');
  assert.deepEqual([fact(a, 'devices')?.value, fact(a, 'devices')?.origin], [1, 'inferred']);
  // must not: the rank read from the launcher's environment (torchrun sets LOCAL_RANK for each of its processes).
  const env = await analyze(
    files(CONFIG('import os\n_C.LOCAL_RANK = int(os.environ["LOCAL_RANK"])')),
    'proj/code/train.py',
  );
  assert.equal(stated(env), undefined);
  // must not: a multi-GPU switch turned on in the config module.
  const on = await analyze(files(CONFIG('_C.LOCAL_RANK = 0\nmulti_gpu = True')), 'proj/code/train.py');
  assert.equal(stated(on), undefined);
});

test('a data path named "..._unprocessed" is no process count', async () => {
  const script = (extra: string) => `import os
import torch
from net import Embedder

train_path_unprocessed = "./TIMIT/TRAIN/*.wav"
${extra}
device = torch.device("cuda")
model = Embedder().to(device)
opt = torch.optim.SGD(model.parameters(), lr=0.01)
for epoch in range(950):
    for x in loader(train_path_unprocessed):
        loss = model(x.to(device)).sum()
        opt.zero_grad()
        loss.backward()
        opt.step()
`;
  const a = await analyze({ 'proj/train.py': script('') }, 'proj/train.py');
  assert.equal(stated(a), 1);
  // must not: a process count the script takes from its launcher's environment.
  const np = await analyze(
    { 'proj/train.py': script('nproc_per_node = int(os.environ["NPROC_PER_NODE"])') },
    'proj/train.py',
  );
  assert.equal(stated(np), undefined);
});
