// Optimizers that a recipe leaves to the framework or to code it names: a SpeechBrain hyperparameter file's
// `opt_class: !name:torch.optim.Adam`, a Hydra-composed LightningModule (`_target_:`) whose `configure_optimizers`
// builds it, and a module whose optimizer an argparse option chooses (`if args.optimizer == 'sgd': … elif 'adam':`)
// while its loop runs elsewhere; Ultralytics' `optimizer="auto"`, which names no class. Fixtures written for these
// tests in the style of such projects.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const HPARAMS = (opt: string) => `seed: 1986
output_folder: results/xvect
number_of_epochs: 20
batch_size: 16
lr_start: 0.001

dataloader_options:
    batch_size: !ref <batch_size>

embedding_model: !new:speechbrain.lobes.models.Xvector.Xvector
    in_channels: 40

epoch_counter: !new:speechbrain.utils.epoch_loop.EpochCounter
    limit: !ref <number_of_epochs>

${opt}

checkpointer: !new:speechbrain.utils.checkpoints.Checkpointer
    checkpoints_dir: !ref <output_folder>
`;

test('SpeechBrain: `opt_class: !name:torch.optim.Adam` is the run’s optimizer', async () => {
  const a = await analyze(
    { 'hparams/train.yaml': HPARAMS('opt_class: !name:torch.optim.Adam\n    lr: !ref <lr_start>') },
    'hparams/train.yaml',
  );
  assert.equal(fact(a, 'epochs')?.value, 20);
  assert.equal(fact(a, 'optimizer')?.value, 'adam');
});

test('must not: `opt_class` naming a project factory (no torch.optim class) names no optimizer', async () => {
  const a = await analyze(
    { 'hparams/train.yaml': HPARAMS('opt_class: !name:recipe_utils.make_optimizer\n    lr: !ref <lr_start>') },
    'hparams/train.yaml',
  );
  assert.equal(fact(a, 'optimizer')?.value ?? null, null);
});

const TRAIN = `import hydra
from omegaconf import DictConfig


@hydra.main(config_path="configs", config_name="train", version_base=None)
def main(cfg: DictConfig) -> None:
    dm = hydra.utils.instantiate(cfg.dataset)
    model = hydra.utils.instantiate(cfg.task)
    trainer = hydra.utils.instantiate(cfg.trainer)
    trainer.fit(model, dm)


if __name__ == "__main__":
    main()
`;

const TASK = (opt: string) => `import torch
import lightning as L


class Img2Img(L.LightningModule):
    def __init__(self, model, learning_rate=3e-4):
        super().__init__()
        self.model = model
        self.learning_rate = learning_rate

    def training_step(self, batch, batch_idx):
        return self.model(batch[0]).mean()

    def configure_optimizers(self):
        return ${opt}(self.parameters(), lr=self.learning_rate)
`;

const hydraProject = (extra: Record<string, string> = {}) => ({
  'README.md': '',
  'train.py': TRAIN,
  'configs/train.yaml': 'defaults:\n  - _self_\n  - dataset: digits\n  - task: img2img\n  - trainer: default\n',
  'configs/dataset/digits.yaml': '_target_: vae.data.Digits\nbatch_size: 64\nnum_workers: 4\n',
  'configs/task/img2img.yaml': '_target_: vae.tasks.Img2Img\nlearning_rate: 3e-4\n',
  'configs/trainer/default.yaml': '_target_: lightning.Trainer\naccelerator: gpu\ndevices: 1\nmax_epochs: 10\n',
  'vae/__init__.py': '',
  'vae/data.py': 'import lightning as L\n\n\nclass Digits(L.LightningDataModule):\n    pass\n',
  'vae/tasks.py': TASK('torch.optim.AdamW'),
  ...extra,
});

test('Hydra + Lightning: the optimizer the `_target_` LightningModule’s configure_optimizers builds', async () => {
  const a = await analyze(hydraProject(), 'train.py');
  assert.equal(fact(a, 'epochs')?.value, 10);
  assert.equal(fact(a, 'optimizer')?.value, 'adamw');
  assert.equal(fact(a, 'optimizer')?.origin, 'inferred');
});

test('must not: two composed LightningModules that build different optimizers leave it unknown', async () => {
  const a = await analyze(
    hydraProject({
      'configs/train.yaml':
        'defaults:\n  - _self_\n  - dataset: digits\n  - task: img2img\n  - critic: sgd\n  - trainer: default\n',
      'configs/critic/sgd.yaml': '_target_: vae.critic.Img2Img\n',
      'vae/critic.py': TASK('torch.optim.SGD'),
    }),
    'train.py',
  );
  assert.equal(fact(a, 'optimizer')?.value ?? null, null);
});

const MODULE_SCRIPT = (def: string) => `import argparse
import torch
from solver import Solver

parser = argparse.ArgumentParser("seq2seq")
parser.add_argument('--optimizer', default='${def}', type=str, choices=['sgd', 'adam'])
parser.add_argument('--lr', default=1e-3, type=float)


def main(args):
    model = build_model(args)
    model.cuda()
    if args.optimizer == 'sgd':
        optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9)
    elif args.optimizer == 'adam':
        optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    else:
        return
    solver = Solver(model, optimizer, args)
    solver.train()


if __name__ == '__main__':
    main(parser.parse_args())
`;

test('a module whose loop runs elsewhere: the optimizer branch its argparse default takes', async () => {
  const a = await analyze({ 'src/bin/train.py': MODULE_SCRIPT('adam') }, 'src/bin/train.py');
  assert.equal(fact(a, 'optimizer')?.value, 'adam');
});

test('must not: the other branch of the option is not the run’s optimizer (default sgd)', async () => {
  const a = await analyze({ 'src/bin/train.py': MODULE_SCRIPT('sgd') }, 'src/bin/train.py');
  assert.equal(fact(a, 'optimizer')?.value, 'sgd');
});

const YOLO = (opt: string) => `from ultralytics import YOLO

model = YOLO("yolov8n.pt")
model.train(data="coco128.yaml", epochs=50, imgsz=640, batch=16, optimizer="${opt}")
`;

test('must not: Ultralytics `optimizer="auto"` names no optimizer (SGD or AdamW by iteration count)', async () => {
  const auto = await analyze({ 'train.py': YOLO('auto') }, 'train.py');
  assert.equal(fact(auto, 'optimizer')?.value ?? null, null);
  assert.match(fact(auto, 'optimizer')?.note ?? '', /SGD or AdamW/);
  const sgd = await analyze({ 'train.py': YOLO('SGD') }, 'train.py');
  assert.equal(fact(sgd, 'optimizer')?.value, 'sgd');
});

const LDM_CONFIG = `model:
  base_learning_rate: 1.0e-04
  target: ldm.models.edit.EditDiffusion
  params:
    timesteps: 1000
data:
  target: main.DataModuleFromConfig
  params:
    batch_size: 8
lightning:
  trainer:
    max_epochs: 100
`;

const LDM_MAIN = (syspath: string) => `import sys
${syspath}
import pytorch_lightning as pl
from omegaconf import OmegaConf
from ldm.util import instantiate_from_config

if __name__ == "__main__":
    config = OmegaConf.load(sys.argv[1])
    model = instantiate_from_config(config.model)
    trainer = pl.Trainer(**OmegaConf.to_container(config.lightning.trainer))
    trainer.fit(model)
`;

const ldmProject = (syspath: string) => ({
  'README.md': '',
  'main.py': LDM_MAIN(syspath),
  'configs/train.yaml': LDM_CONFIG,
  'vendored_sd/ldm/__init__.py': '',
  'vendored_sd/ldm/models/__init__.py': '',
  'vendored_sd/ldm/models/edit.py': TASK('torch.optim.AdamW').replace('class Img2Img', 'class EditDiffusion'),
});

test('a config’s LightningModule in a folder the project’s main.py puts on sys.path', async () => {
  const a = await analyze(ldmProject('sys.path.append("./vendored_sd")'), 'configs/train.yaml');
  assert.equal(fact(a, 'optimizer')?.value, 'adamw');
});

test('must not: the same vendored module no script puts on sys.path is not the config’s class', async () => {
  const a = await analyze(ldmProject(''), 'configs/train.yaml');
  assert.equal(fact(a, 'optimizer')?.value ?? null, null);
});
