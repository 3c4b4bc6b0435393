// Optimizers and loader workers a run leaves to a library's defaults or to another file of its project: a
// stable-baselines3 agent's default optimizer (RMSprop for A2C, Adam for the others); a detectron2 config that a
// launcher passes to `train_net.py` (SGD, as for the config alone); a YAML config read by a Keras 2 script that
// trains with `fit_generator(workers=4)`; a Lightning CLI config whose DataModule, given in code, takes its loader
// workers from a `data:` key of its own name. Fixtures written for this project in the style of these patterns.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const SB3 = (build: string, imports = 'from stable_baselines3 import A2C, PPO') => `import sys
${imports}
from stable_baselines3.common.env_util import make_vec_env

env = make_vec_env("CartPole-v1", n_envs=4)
${build}
model.learn(total_timesteps=int(sys.argv[1]))
model.save("agent")
`;

test("a stable-baselines3 A2C agent trains with RMSprop, the library's default", async () => {
  const a = await analyze({ 'train.py': SB3('model = A2C("MlpPolicy", env, verbose=1)') }, 'train.py');
  assert.equal(fact(a, 'optimizer')?.value, 'rmsprop');
  assert.equal(fact(a, 'optimizer')?.origin, 'framework-default');
});

test('a stable-baselines3 PPO agent trains with Adam; use_rms_prop=False gives A2C Adam too', async () => {
  const ppo = await analyze(
    { 'train.py': SB3('model = PPO("MlpPolicy", env, n_steps=512, batch_size=64)') },
    'train.py',
  );
  assert.equal(fact(ppo, 'optimizer')?.value, 'adam');
  const a2c = await analyze({ 'train.py': SB3('model = A2C("MlpPolicy", env, use_rms_prop=False)') }, 'train.py');
  assert.equal(fact(a2c, 'optimizer')?.value, 'adam');
});

test("a policy_kwargs optimizer_class replaces the agent's default", async () => {
  const build = [
    'import torch as th',
    'kw = dict(net_arch=[64, 64], optimizer_class=th.optim.AdamW)',
    'model = PPO("MlpPolicy", env, policy_kwargs=kw)',
  ].join('\n');
  const a = await analyze({ 'train.py': SB3(build) }, 'train.py');
  assert.equal(fact(a, 'optimizer')?.value, 'adamw');
});

test('no stable-baselines3 default where the agent class is not the library one or its kwargs are unread', async () => {
  // Must-not: a project's own `A2C` class (its optimizer is its own), and policy_kwargs unpacked from elsewhere.
  const own = await analyze(
    { 'train.py': SB3('model = A2C("MlpPolicy", env)', 'from agents import A2C\nimport stable_baselines3') },
    'train.py',
  );
  assert.equal(own.runs.length === 0 ? null : (fact(own, 'optimizer')?.value ?? null), null);
  const splat = await analyze(
    { 'train.py': SB3('model = PPO("MlpPolicy", env, policy_kwargs=dict(**BASE_KW, net_arch=[64]))') },
    'train.py',
  );
  assert.equal(fact(splat, 'optimizer')?.value ?? null, null);
});

const D2_CONFIG = `MODEL:
  META_ARCHITECTURE: "GeneralizedRCNN"
  WEIGHTS: "detectron2://ImageNetPretrained/MSRA/R-50.pkl"
DATASETS:
  TRAIN: ("my_train",)
SOLVER:
  IMS_PER_BATCH: 8
  BASE_LR: 0.005
  MAX_ITER: 20000
`;

const D2_TRAIN = (override: string) => `import torch
from detectron2.config import get_cfg
from detectron2.engine import DefaultTrainer, default_argument_parser, default_setup, launch


class Trainer(DefaultTrainer):
${override || '    pass'}


def main(args):
    cfg = get_cfg()
    cfg.merge_from_file(args.config_file)
    cfg.merge_from_list(args.opts)
    cfg.freeze()
    default_setup(cfg, args)
    trainer = Trainer(cfg)
    trainer.resume_or_load(resume=args.resume)
    return trainer.train()


if __name__ == "__main__":
    args = default_argument_parser().parse_args()
    launch(main, args.num_gpus, args=(args,))
`;

const D2_LAUNCH = 'python3 train_net.py --config-file configs/mine.yaml --num-gpus 2 SOLVER.BASE_LR 0.01\n';

test('a detectron2 config a launcher passes to train_net.py trains with SGD, as the config alone does', async () => {
  const files = { 'configs/mine.yaml': D2_CONFIG, 'train_net.py': D2_TRAIN(''), 'train.sh': D2_LAUNCH };
  const alone = await analyze(files, 'configs/mine.yaml');
  assert.equal(fact(alone, 'optimizer')?.value, 'sgd');
  const launched = await analyze(files, 'train.sh');
  assert.equal(fact(launched, 'optimizer')?.value, 'sgd');
});

test("a launched detectron2 config whose project overrides build_optimizer takes the override's class", async () => {
  // Must-not: not detectron2's SGD when the project's Trainer builds AdamW.
  const override = [
    '    @classmethod',
    '    def build_optimizer(cls, cfg, model):',
    '        return torch.optim.AdamW(model.parameters(), lr=cfg.SOLVER.BASE_LR)',
  ].join('\n');
  const files = { 'configs/mine.yaml': D2_CONFIG, 'train_net.py': D2_TRAIN(override), 'train.sh': D2_LAUNCH };
  const launched = await analyze(files, 'train.sh');
  assert.equal(fact(launched, 'optimizer')?.value, 'adamw');
});

const KERAS_CONFIG = `model:
    name: cnn
    input_shape: [32, 32, 3]
optimizer:
    name: Adam
    lr: 0.001
training:
    batch_size: 64
    n_epochs: 20
    loss: categorical_crossentropy
`;

const KERAS_TRAIN = (fit: string) => `import argparse
import yaml
import keras
from data import get_datasets
from models import get_model


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('config', nargs='?', default='configs/cnn.yaml')
    args = parser.parse_args()
    with open(args.config) as f:
        config = yaml.safe_load(f)
    train = config['training']
    train_gen, valid_gen = get_datasets(batch_size=train['batch_size'])
    model = get_model(**config['model'])
    opt = getattr(keras.optimizers, config['optimizer']['name'])(lr=config['optimizer']['lr'])
    model.compile(loss=train['loss'], optimizer=opt)
    ${fit}


if __name__ == '__main__':
    main()
`;

test('a YAML config read by a Keras 2 script that trains with fit_generator(workers=4) has 4 loader workers', async () => {
  const fit = "model.fit_generator(train_gen, epochs=train['n_epochs'], validation_data=valid_gen, workers=4)";
  const a = await analyze({ 'configs/cnn.yaml': KERAS_CONFIG, 'train.py': KERAS_TRAIN(fit) }, 'configs/cnn.yaml');
  assert.equal(fact(a, 'num_workers')?.value, 4);
  assert.equal(fact(a, 'epochs')?.value, 20);
});

test('a script that only evaluates with the config is not its reader: no workers', async () => {
  // Must-not: `evaluate_generator(workers=4)` is not training; the config's run takes no workers from it.
  const fit = 'model.evaluate_generator(valid_gen, workers=4)';
  const a = await analyze({ 'configs/cnn.yaml': KERAS_CONFIG, 'train.py': KERAS_TRAIN(fit) }, 'configs/cnn.yaml');
  assert.equal(fact(a, 'num_workers')?.value ?? null, null);
});

const CLI_MAIN = `from lightning.pytorch.cli import LightningCLI
from proj.model import LitModel
from proj.data import TextData


def cli_main():
    LightningCLI(LitModel, TextData, save_config_callback=None)


if __name__ == "__main__":
    cli_main()
`;

const CLI_MODEL = `import torch
import lightning as L


class LitModel(L.LightningModule):
    def __init__(self, n_embd: int = 128, lr: float = 3e-4):
        super().__init__()
        self.save_hyperparameters()
        self.net = torch.nn.Linear(n_embd, n_embd)

    def training_step(self, batch, batch_idx):
        return self.net(batch).sum()

    def configure_optimizers(self):
        return torch.optim.AdamW(self.parameters(), lr=self.hparams.lr)
`;

const CLI_DATA = (loaders: string) => `import lightning as L
from torch.utils.data import DataLoader


class TextData(L.LightningDataModule):
    def __init__(self, path: str = "data.txt", batch_size: int = 32, loader_workers: int = 6, streaming: bool = False):
        super().__init__()
        self.save_hyperparameters()

    def train_dataloader(self):
${loaders}
`;

const ONE_LOADER =
  '        return DataLoader(self.train_set, batch_size=self.hparams.batch_size, num_workers=self.hparams.loader_workers)';

const CLI_CONFIG = (data: string) => `trainer:
  max_epochs: 5
model:
  n_embd: 256
data:
  batch_size: 64
${data}`;

const cliProject = (data: string, loaders = ONE_LOADER) => ({
  'main.py': CLI_MAIN,
  'proj/__init__.py': '',
  'proj/model.py': CLI_MODEL,
  'proj/data.py': CLI_DATA(loaders),
  'configs/default.yaml': CLI_CONFIG(data),
});

test("a Lightning CLI config's data: key that the DataModule's training loader takes as num_workers", async () => {
  const a = await analyze(cliProject('  loader_workers: 10\n'), 'configs/default.yaml');
  assert.equal(fact(a, 'num_workers')?.value, 10);
  assert.equal(fact(a, 'optimizer')?.value, 'adamw');
  // Left out of the config: the DataModule's own default.
  const d = await analyze(cliProject(''), 'configs/default.yaml');
  assert.equal(fact(d, 'num_workers')?.value, 6);
});

test('a DataModule whose training loader is one of two the code chooses between gives no workers', async () => {
  // Must-not: two loaders in train_dataloader (streaming or not) cannot be told apart.
  const two = [
    '        if self.hparams.streaming:',
    '            return DataLoader(self.stream, batch_size=self.hparams.batch_size, num_workers=1)',
    ONE_LOADER,
  ].join('\n');
  const a = await analyze(cliProject('  loader_workers: 10\n', two), 'configs/default.yaml');
  assert.equal(fact(a, 'num_workers')?.value ?? null, null);
});
