// Precision as fresh training code writes it (session 30, lane precision):
// - an autocast whose dtype the machine picks (`torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16`,
//   written inline or bound to a name): unknown alone, decided by the GPU's bf16 support once the hardware is known;
// - a hand-written loop over a model loaded in a half type (`from_pretrained(…, torch_dtype=torch.bfloat16)`) and no
//   autocast: pure bf16, not "mixed precision set up in a way not read";
// - `autocast(enabled=args.amp)` with a store_true flag: fp32 by default, the launcher's `--amp` turns it on;
// - a trainer built from a config at run time (Hydra's `instantiate(cfg.trainer)`, `Trainer(**cfg.trainer…)`) whose
//   config is not in view: precision unknown, never PyTorch's fp32 default.
// Fixtures written for these tests; no file of a studied repository is copied.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, codes, fact, launchedFact } from './helpers';

const LOOP = (head: string, cast: string) => `import torch
from torch import nn
${head}
model = nn.Linear(16, 4).cuda()
opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
for epoch in range(5):
    for x, y in loader:
        with ${cast}:
            loss = nn.functional.mse_loss(model(x.cuda()), y.cuda())
        loss.backward()
        opt.step()
        opt.zero_grad()
`;

test('autocast dtype bound to an is_bf16_supported() choice: unknown alone, bf16 on an A100, fp16 on a V100', async () => {
  const text = LOOP(
    'amp_dtype = torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16',
    'torch.autocast(device_type="cuda", dtype=amp_dtype)',
  );
  const alone = await analyze({ 'train.py': text }, 'train.py');
  assert.equal(fact(alone, 'precision')?.value, null);
  assert.match(fact(alone, 'precision')?.note ?? '', /bf16 on a GPU with bf16 support, else fp16/);
  const a100 = await analyze({ 'train.py': text }, 'train.py', { hardware: 'a100' });
  assert.equal(fact(a100, 'precision')?.value, 'bf16');
  const v100 = await analyze({ 'train.py': text }, 'train.py', { hardware: 'v100' });
  assert.equal(fact(v100, 'precision')?.value, 'fp16');
});

test('the choice written inline, reversed: fp16 where the GPU has bf16, bf16 elsewhere', async () => {
  const text = LOOP(
    '',
    'torch.autocast("cuda", dtype=torch.float16 if torch.cuda.is_bf16_supported() else torch.bfloat16)',
  );
  const a100 = await analyze({ 'train.py': text }, 'train.py', { hardware: 'a100' });
  assert.equal(fact(a100, 'precision')?.value, 'fp16');
});

test('must not: an autocast dtype chosen by anything else stays unknown, never fp32', async () => {
  const text = LOOP(
    'amp_dtype = torch.bfloat16 if cfg.use_bf16 else torch.float16',
    'torch.autocast(device_type="cuda", dtype=amp_dtype)',
  );
  const a100 = await analyze({ 'train.py': text }, 'train.py', { hardware: 'a100' });
  assert.equal(fact(a100, 'precision')?.value, null);
  assert.ok(!codes(a100).includes('GML101'));
});

const HF_LOOP = (load: string, extra = '') => `import torch
from transformers import AutoModelForCausalLM
model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-0.5B"${load}).cuda()
opt = torch.optim.AdamW(model.parameters(), lr=1e-5)
for epoch in range(2):
    for batch in loader:
${extra}        loss = model(**batch).loss
        loss.backward()
        opt.step()
        opt.zero_grad()
`;

test('a model loaded in bfloat16 and trained by a plain loop: pure bf16', async () => {
  const a = await analyze({ 'sft.py': HF_LOOP(', torch_dtype=torch.bfloat16') }, 'sft.py');
  assert.equal(fact(a, 'precision')?.value, 'bf16');
  assert.match(fact(a, 'precision')?.note ?? '', /pure bf16/);
});

test('must not: a bf16 load with another sign of mixed precision this review does not read stays unknown', async () => {
  const a = await analyze(
    { 'sft.py': HF_LOOP(', torch_dtype=torch.bfloat16', '        ctx = amp_ctx(torch.float16)\n') },
    'sft.py',
  );
  assert.equal(fact(a, 'precision')?.value, null);
});

test('must not: a model loaded with no dtype keeps the fp32 default (and only it)', async () => {
  const a = await analyze({ 'sft.py': HF_LOOP('') }, 'sft.py');
  assert.equal(fact(a, 'precision')?.value, 'fp32');
});

const AMP_FLAG = (dtype: string) => `import argparse
import torch
p = argparse.ArgumentParser()
p.add_argument("--amp", action="store_true")
args = p.parse_args()
scaler = torch.cuda.amp.GradScaler(enabled=args.amp)
for epoch in range(10):
    for x, y in loader:
        with torch.autocast("cuda", enabled=args.amp${dtype}):
            loss = model(x).sum()
        scaler.scale(loss).backward()
        scaler.step(opt)
        scaler.update()
`;

test('autocast(enabled=args.amp): fp32 alone; a launcher that passes --amp runs it in fp16', async () => {
  const alone = await analyze({ 'train.py': AMP_FLAG('') }, 'train.py');
  assert.equal(fact(alone, 'precision')?.value, 'fp32');
  assert.equal(fact(alone, 'precision')?.origin, 'script-default');
  const files = { 'train.py': AMP_FLAG(''), 'run.sh': 'python train.py --amp\n' };
  const launched = await analyze(files, 'train.py');
  assert.equal(launchedFact(launched, 'precision')?.value, 'fp16');
  const sh = await analyze(files, 'run.sh');
  assert.ok(!codes(sh).includes('GML101'), 'no fp32 finding on a launcher that turns AMP on');
});

test('autocast(enabled=args.amp, dtype=torch.bfloat16) turned on by --amp: bf16', async () => {
  const files = { 'train.py': AMP_FLAG(', dtype=torch.bfloat16'), 'run.sh': 'python train.py --amp\n' };
  const a = await analyze(files, 'train.py');
  assert.equal(launchedFact(a, 'precision')?.value, 'bf16');
});

test('must not: a launcher that does not pass --amp leaves the fp32 default', async () => {
  const files = { 'train.py': AMP_FLAG(''), 'run.sh': 'python train.py --epochs 3\n' };
  const a = await analyze(files, 'train.py');
  assert.equal(launchedFact(a, 'precision')?.value, 'fp32');
});

const HYDRA_TRAIN = `import hydra
import lightning as L
import torch
from lightning import LightningDataModule, LightningModule, Trainer
from omegaconf import DictConfig


def train(cfg: DictConfig):
    datamodule: LightningDataModule = hydra.utils.instantiate(cfg.data)
    model: LightningModule = hydra.utils.instantiate(cfg.model)
    trainer: Trainer = hydra.utils.instantiate(cfg.trainer, callbacks=[])
    if cfg.get("train"):
        trainer.fit(model=model, datamodule=datamodule, ckpt_path=cfg.get("ckpt_path"))
    return trainer.callback_metrics


@hydra.main(version_base="1.3", config_path="../configs", config_name="train.yaml")
def main(cfg: DictConfig):
    metrics = train(cfg)
    return metrics.get("val/acc")


if __name__ == "__main__":
    main()
`;

test('must not: a Hydra-instantiated trainer whose trainer config is missing gets no fp32 default', async () => {
  const files = {
    'src/train.py': HYDRA_TRAIN,
    'configs/train.yaml': 'defaults:\n  - _self_\n  - data: mine\n  - model: net\n  - trainer: gpu\n\nseed: 1\n',
    'configs/data/mine.yaml': '_target_: src.data.MyDataModule\nbatch_size: 32\n',
    'configs/model/net.yaml': '_target_: src.models.Net\nlr: 0.001\n',
  };
  const a = await analyze(files, 'src/train.py');
  const p = fact(a, 'precision');
  assert.notEqual(p?.value, 'fp32');
  assert.ok(!codes(a).includes('GML101'));
});

test('a Hydra-instantiated trainer whose trainer config is in view takes its precision', async () => {
  const files = {
    'src/train.py': HYDRA_TRAIN,
    'configs/train.yaml': 'defaults:\n  - _self_\n  - trainer: gpu\n\nseed: 1\n',
    'configs/trainer/gpu.yaml':
      '_target_: lightning.pytorch.trainer.Trainer\naccelerator: gpu\ndevices: 1\nmax_epochs: 20\nprecision: bf16-mixed\n',
  };
  const a = await analyze(files, 'src/train.py');
  assert.equal(fact(a, 'precision')?.value, 'bf16');
});

test('must not: Trainer(**cfg.trainer.params) from a config not in view gets no fp32 default', async () => {
  const text = `import torch
import lightning as L
from omegaconf import OmegaConf
cfg = OmegaConf.load(path)
trainer = L.Trainer(**cfg.trainer.params)
trainer.fit(model, dm)
`;
  const a = await analyze({ 'fit.py': text }, 'fit.py');
  assert.notEqual(fact(a, 'precision')?.value, 'fp32');
});
