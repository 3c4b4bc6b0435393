// A config that names the LightningModule to instantiate (`model.target`, latent-diffusion style): the optimizer is
// the one that module's `configure_optimizers()` builds, read from the project's own module, as `inferred`. Where the
// method's branches build different optimizers, where it builds none itself (a scheduler, an EMA, a helper it
// calls), or where the class is not in the project, the optimizer stays unknown. Fixtures written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const CONFIG = (target = 'sketch.models.diffusion.Denoiser') => `model:
  base_learning_rate: 1.0e-04
  target: ${target}
  params:
    timesteps: 1000
    channels: 64
data:
  target: main.DataModuleFromConfig
  params:
    batch_size: 4
    num_workers: 4
    train:
      target: sketch.data.Faces
      params:
        size: 64
lightning:
  trainer:
    max_steps: 20000
`;

const MAIN = `import argparse
import pytorch_lightning as pl
from omegaconf import OmegaConf
from sketch.util import instantiate_from_config

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", nargs="*", default=[])
    opt = parser.parse_args()
    config = OmegaConf.merge(*[OmegaConf.load(c) for c in opt.base])
    model = instantiate_from_config(config.model)
    data = instantiate_from_config(config.data)
    trainer = pl.Trainer(**OmegaConf.to_container(config.lightning.trainer))
    trainer.fit(model, data)
`;

const module = (configure: string) => `import torch
import pytorch_lightning as pl
from torch.optim.lr_scheduler import LambdaLR
from sketch.ema import LitEma


class Base(pl.LightningModule):
${configure}


class Denoiser(Base):
    def __init__(self, timesteps=1000, channels=64):
        super().__init__()
        self.model = torch.nn.Conv2d(channels, channels, 3)
        self.ema = LitEma(self.model)
`;

const project = (configure: string, target?: string) => ({
  'sketch/README.md': 'a diffusion sketch\n',
  'sketch/main.py': MAIN,
  'sketch/configs/faces.yaml': CONFIG(target),
  'sketch/sketch/__init__.py': '',
  'sketch/sketch/models/__init__.py': '',
  'sketch/sketch/models/diffusion.py': module(configure),
});

const ADAMW = `    def configure_optimizers(self):
        params = list(self.model.parameters())
        if self.learn_logvar:
            params.append(self.logvar)
        return torch.optim.AdamW(params, lr=self.learning_rate)`;

const unknown = (a: Awaited<ReturnType<typeof analyze>>) => {
  const f = fact(a, 'optimizer');
  assert.ok(!f || f.value === null || f.origin === 'assumed', JSON.stringify(f?.value));
};

test('the optimizer of the LightningModule a config instantiates: configure_optimizers of its base class', async () => {
  const a = await analyze(project(ADAMW), 'sketch/configs/faces.yaml');
  const f = fact(a, 'optimizer');
  assert.equal(f?.value, 'adamw');
  assert.equal(f?.origin, 'inferred');
  assert.match(f?.note ?? '', /configure_optimizers\(\)/);
});

test('configure_optimizers choosing between two optimizers on a setting it cannot read: unknown', async () => {
  const a = await analyze(
    project(`    def configure_optimizers(self):
        if self.use_sgd:
            return torch.optim.SGD(self.parameters(), lr=self.learning_rate, momentum=0.9)
        return torch.optim.Adam(self.parameters(), lr=self.learning_rate)`),
    'sketch/configs/faces.yaml',
  );
  unknown(a);
});

test('a scheduler and an EMA around an optimizer built elsewhere are no optimizer: unknown', async () => {
  const a = await analyze(
    project(`    def configure_optimizers(self):
        opt = self.make_optimizer(self.parameters())
        self.ema = LitEma(self.model)
        sched = LambdaLR(opt, lr_lambda=lambda step: min(1.0, step / 1000))
        return [opt], [sched]`),
    'sketch/configs/faces.yaml',
  );
  unknown(a);
});

test('a model class the project does not define (an installed package’s): unknown', async () => {
  const a = await analyze(project(ADAMW, 'otherlib.models.Denoiser'), 'sketch/configs/faces.yaml');
  unknown(a);
});
