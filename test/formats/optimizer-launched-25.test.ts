// The optimizer a run steps, where a launcher names it or a config spells it as a class: timm's training script
// building it from `--opt` (`create_optimizer_v2(model, **optimizer_kwargs(cfg=args))`) under a launcher that passes
// `--opt adamw`; torchtune's `_component_` classes in the fact's spelling. Fixtures written for this project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

/** timm's train.py pattern: `--opt` declared with timm's default "sgd", the optimizer built from all the options. */
const TIMM_TRAIN = [
  'import argparse',
  'import torch',
  'from timm.models import create_model',
  'from timm.optim import create_optimizer_v2, optimizer_kwargs',
  '',
  "parser = argparse.ArgumentParser(description='PyTorch ImageNet Training')",
  "parser.add_argument('--model', default='resnet50', type=str)",
  "parser.add_argument('-b', '--batch-size', type=int, default=128)",
  "parser.add_argument('--epochs', type=int, default=300)",
  "parser.add_argument('--opt', default='sgd', type=str, metavar='OPTIMIZER')",
  "parser.add_argument('--opt-eps', default=None, type=float)",
  "parser.add_argument('--lr', type=float, default=None)",
  '',
  '',
  'def main():',
  '    args = parser.parse_args()',
  '    model = create_model(args.model).cuda()',
  '    optimizer = create_optimizer_v2(model, **optimizer_kwargs(cfg=args))',
  '    loader = torch.utils.data.DataLoader(dataset, batch_size=args.batch_size, shuffle=True)',
  '    for epoch in range(args.epochs):',
  '        for x, y in loader:',
  '            loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())',
  '            loss.backward()',
  '            optimizer.step()',
  '            optimizer.zero_grad()',
  '',
  '',
  "if __name__ == '__main__':",
  '    main()',
  '',
].join('\n');

test("a launcher's --opt replaces the optimizer timm's create_optimizer_v2 reads from the options", async () => {
  const launcher = 'python train.py --model convnext_tiny --batch-size 64 --opt adamw --lr 1e-4\n';
  const a = await analyze({ 'train.py': TIMM_TRAIN, 'run.sh': launcher }, 'run.sh');
  assert.equal(fact(a, 'optimizer')?.value, 'adamw');
  assert.equal(fact(a, 'optimizer')?.origin, 'explicit');
  assert.equal(fact(a, 'micro_batch')?.value, 64);
});

test("a launcher that names another --opt-* option keeps the script's default optimizer", async () => {
  // Must-not: `--opt-eps` is not `--opt`; the default "sgd" stands.
  const launcher = 'python train.py --opt-eps 1e-8 --lr 0.1\n';
  const a = await analyze({ 'train.py': TIMM_TRAIN, 'run.sh': launcher }, 'run.sh');
  assert.equal(fact(a, 'optimizer')?.value, 'sgd');
  assert.equal(fact(a, 'optimizer')?.origin, 'script-default');
  // The script analysed alone: its own default.
  const alone = await analyze({ 'train.py': TIMM_TRAIN }, 'train.py');
  assert.equal(fact(alone, 'optimizer')?.value, 'sgd');
});

test('a launcher passing --opt with a value it cannot read: no optimizer, not the default', async () => {
  // Must-not: the script's "sgd" is not this run's optimizer.
  const launcher = 'OPT=$1\npython train.py --opt $OPT --lr 1e-4\n';
  const a = await analyze({ 'train.py': TIMM_TRAIN, 'run.sh': launcher }, 'run.sh');
  assert.equal(fact(a, 'optimizer')?.value ?? null, null);
});

/** A torchtune recipe config (written for these tests) with the optimizer class given. */
const TUNE = (cls: string) =>
  [
    'model:',
    '  _component_: torchtune.models.llama3_2.llama3_2_1b',
    'checkpointer:',
    '  _component_: torchtune.training.FullModelHFCheckpointer',
    '  checkpoint_dir: /tmp/Llama-3.2-1B-Instruct/',
    'dataset:',
    '  _component_: torchtune.datasets.alpaca_dataset',
    'batch_size: 4',
    'epochs: 1',
    'optimizer:',
    `  _component_: ${cls}`,
    '  lr: 2e-5',
    'loss:',
    '  _component_: torchtune.modules.loss.CEWithChunkedOutputLoss',
    'dtype: bf16',
    '',
  ].join('\n');

test("torchtune's optimizer classes in the fact's spelling: bitsandbytes' PagedAdamW is paged_adamw", async () => {
  const paged = await analyze({ 'full.yaml': TUNE('bitsandbytes.optim.PagedAdamW') }, 'full.yaml');
  assert.equal(fact(paged, 'optimizer')?.value, 'paged_adamw');
  const torch = await analyze({ 'full.yaml': TUNE('torch.optim.AdamW') }, 'full.yaml');
  assert.equal(fact(torch, 'optimizer')?.value, 'adamw');
  const paged8 = await analyze({ 'full.yaml': TUNE('bitsandbytes.optim.PagedAdamW8bit') }, 'full.yaml');
  assert.equal(fact(paged8, 'optimizer')?.value, 'paged_adamw_8bit');
});

test('an 8-bit optimizer that is not AdamW is not read as adamw_8bit', async () => {
  // Must-not: bitsandbytes' 8-bit Lion is Lion.
  const a = await analyze({ 'full.yaml': TUNE('bitsandbytes.optim.Lion8bit') }, 'full.yaml');
  assert.equal(fact(a, 'optimizer')?.value, 'lion_8bit');
});

/** A project whose loader helper reads the worker count from a config class the helper's module imports. */
const HELPER_PROJECT = (workers: string, configExtra = ''): Record<string, string> => ({
  'src/train.py': `import torch
from config import Config
import data.datasets as data

model = torch.nn.Linear(16, 2).cuda()
optimizer = torch.optim.Adam(model.parameters(), lr=Config.lr)
train_loader = data.initialize_loader(data.build_dataset('train'), shuffle=True)
for epoch in range(Config.epochs):
    for x, y in train_loader:
        loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`,
  'src/config.py': `class Config:
    lr: float = 3e-4
    epochs: int = 20
    num_workers: int = ${workers}
${configExtra}`,
  'src/data/__init__.py': '',
  'src/data/datasets.py': `from torch.utils.data import DataLoader
from config import Config


def build_dataset(split):
    return list(range(100))


def initialize_loader(dataset, shuffle: bool):
    return DataLoader(dataset, batch_size=8, num_workers=Config.num_workers, shuffle=shuffle)
`,
});

test("a loader helper's workers read from a config class its module imports", async () => {
  const a = await analyze(HELPER_PROJECT('2'), 'src/train.py');
  assert.equal(fact(a, 'num_workers')?.value, 2);
});

test('must not: a config class attribute a method also sets gives no loader workers', async () => {
  // `Config.num_workers` is changed at run time (set from the CPU count): not the literal's.
  const extra = '\n    def __init__(self):\n        self.num_workers = os.cpu_count()\n';
  const a = await analyze(HELPER_PROJECT('2', extra), 'src/train.py');
  assert.equal(fact(a, 'num_workers')?.value ?? null, null);
});

test('a Lightning script fitting on a loader its project helper builds: that helper’s workers', async () => {
  const files = HELPER_PROJECT('3');
  files['src/model.py'] = `import torch
import pytorch_lightning as pl


class Net(pl.LightningModule):
    def __init__(self):
        super().__init__()
        self.layer = torch.nn.Linear(16, 2)

    def training_step(self, batch, batch_idx):
        x, y = batch
        return torch.nn.functional.cross_entropy(self.layer(x), y)

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=1e-3)
`;
  files['src/train.py'] = `import pytorch_lightning as pl
from config import Config
from model import Net
import data.datasets as data

train_loader = data.initialize_loader(data.build_dataset('train'), shuffle=True)
trainer = pl.Trainer(max_epochs=Config.epochs, accelerator='gpu', devices=1)
trainer.fit(Net(), train_loader)
`;
  const a = await analyze(files, 'src/train.py');
  assert.equal(fact(a, 'num_workers')?.value, 3);
  assert.equal(fact(a, 'num_workers')?.origin, 'inferred');
});

/** A Lightning CLI project (written for these tests): the classes given in code, the config naming neither. */
const CLI_PROJECT = (cli: string, extra: Record<string, string> = {}): Record<string, string> => ({
  'pyproject.toml': '[project]\nname = "tinygpt"\n',
  'configs/ddp.yaml': `trainer:
  max_epochs: 10
  accelerator: gpu
  devices: 2
  strategy: ddp
model:
  n_embd: 384
  lr: 0.0003
data:
  batch_size: 64
`,
  'src/tinygpt/__init__.py': '',
  'src/tinygpt/model.py': `import torch
import lightning as L


class TinyGPT(L.LightningModule):
    def __init__(self, n_embd: int = 128, lr: float = 1e-3):
        super().__init__()
        self.save_hyperparameters()
        self.head = torch.nn.Linear(n_embd, 65)

    def training_step(self, batch, batch_idx):
        x, y = batch
        return torch.nn.functional.cross_entropy(self.head(x), y)

    def configure_optimizers(self):
        return torch.optim.AdamW(self.parameters(), lr=self.hparams.lr)
`,
  'src/tinygpt/main.py': `from lightning.pytorch.cli import LightningCLI

from tinygpt.data import CharDataModule
from tinygpt.model import TinyGPT


def main():
    ${cli}


if __name__ == "__main__":
    main()
`,
  'src/tinygpt/data.py': `import lightning as L


class CharDataModule(L.LightningDataModule):
    def __init__(self, batch_size: int = 32):
        super().__init__()
`,
  ...extra,
});

test('a Lightning CLI config naming no model class: the optimizer of the class LightningCLI is given in code', async () => {
  const a = await analyze(CLI_PROJECT('LightningCLI(TinyGPT, CharDataModule)'), 'configs/ddp.yaml');
  assert.equal(fact(a, 'optimizer')?.value, 'adamw');
  assert.equal(fact(a, 'optimizer')?.origin, 'inferred');
});

test('must not: a Lightning CLI whose model class comes from the config (subclass mode) gives no optimizer', async () => {
  // `LightningCLI()` with no class: the config must name one, and this one names none.
  const a = await analyze(CLI_PROJECT('LightningCLI(subclass_mode_model=True)'), 'configs/ddp.yaml');
  assert.equal(fact(a, 'optimizer')?.value ?? null, null);
});

test('must not: two Lightning CLI scripts whose models build different optimizers give none', async () => {
  const other = {
    'src/tinygpt/sgd_main.py': `from lightning.pytorch.cli import LightningCLI
import torch
import lightning as L


class SGDNet(L.LightningModule):
    def __init__(self, n_embd: int = 8, lr: float = 0.1):
        super().__init__()

    def configure_optimizers(self):
        return torch.optim.SGD(self.parameters(), lr=0.1)


LightningCLI(SGDNet)
`,
  };
  const a = await analyze(CLI_PROJECT('LightningCLI(TinyGPT, CharDataModule)', other), 'configs/ddp.yaml');
  assert.equal(fact(a, 'optimizer')?.value ?? null, null);
});

test('must not: a LightningCLI model class that does not take the config’s model keys is not this config’s', async () => {
  // LightningCLI rejects `model:` keys its class's __init__ does not take: `n_heads` is not TinyGPT's.
  const files = CLI_PROJECT('LightningCLI(TinyGPT, CharDataModule)');
  files['configs/ddp.yaml'] = files['configs/ddp.yaml'].replace('  lr: 0.0003', '  lr: 0.0003\n  n_heads: 6');
  const a = await analyze(files, 'configs/ddp.yaml');
  assert.equal(fact(a, 'optimizer')?.value ?? null, null);
});

test('must not: a LightningCLI script of another project folder is not the config’s', async () => {
  const files = CLI_PROJECT('LightningCLI(TinyGPT, CharDataModule)');
  const moved: Record<string, string> = {};
  for (const [k, v] of Object.entries(files)) moved[k.startsWith('configs/') ? `other/run/${k.slice(8)}` : k] = v;
  const a = await analyze(moved, 'other/run/ddp.yaml');
  assert.equal(fact(a, 'optimizer')?.value ?? null, null);
});
