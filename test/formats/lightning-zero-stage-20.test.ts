// Lightning's DeepSpeed strategy runs ZeRO stage 2 unless told otherwise (`DeepSpeedStrategy(stage: int = 2)`, and
// `strategy="deepspeed"` is that strategy with its defaults): a Trainer given it, in Python or through a Hydra
// `strategy` group, trains with ZeRO stage 2. A stage written, or a DeepSpeed config of its own, decides instead.
// Fixtures written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const script = (strategy: string) => `import lightning as L
from lightning.pytorch.strategies import DeepSpeedStrategy
from model import LitModel

trainer = L.Trainer(max_epochs=10, devices=4, accelerator="gpu", strategy=${strategy})
trainer.fit(LitModel())
`;
const stage = async (strategy: string) => {
  const f = fact(await analyze({ 'train.py': script(strategy) }, 'train.py'), 'zero_stage');
  return f ? [f.value, f.origin] : undefined;
};

test('Trainer(strategy="deepspeed") and DeepSpeedStrategy() run ZeRO stage 2, the framework default', async () => {
  assert.deepEqual(await stage('"deepspeed"'), [2, 'framework-default']);
  assert.deepEqual(await stage('DeepSpeedStrategy()'), [2, 'framework-default']);
  assert.deepEqual(await stage('"deepspeed_stage_3_offload"'), [3, 'explicit']);
  assert.deepEqual(await stage('DeepSpeedStrategy(stage=3)'), [3, 'explicit']);
});

test('must not: a DeepSpeed config of its own, or another strategy whose name starts alike, says no stage 2', async () => {
  assert.equal(await stage('DeepSpeedStrategy(config="ds_config.json")'), undefined);
  assert.equal(await stage('"deepspeed_custom"'), undefined);
  assert.equal(await stage('"ddp"'), undefined);
});

const hydra = (strategyGroup: string) => ({
  'conf/config.yaml': 'defaults:\n  - trainer: default\n  - strategy: deepspeed\n  - _self_\n\nseed: 3\n',
  'conf/trainer/default.yaml':
    '_target_: lightning.Trainer\naccelerator: gpu\nstrategy: ${strategy}\ndevices: 2\nmax_epochs: 20\n',
  'conf/strategy/deepspeed.yaml': strategyGroup,
  'train.py':
    'import hydra\n\n@hydra.main(version_base=None, config_path="conf", config_name="config")\ndef main(cfg):\n    hydra.utils.instantiate(cfg.trainer).fit(model)\n',
});

test('Hydra: a strategy group that instantiates DeepSpeedStrategy gives its stage, else stage 2', async () => {
  const dflt = fact(
    await analyze(hydra('_target_: lightning.pytorch.strategies.DeepSpeedStrategy\n'), 'conf/config.yaml'),
    'zero_stage',
  );
  assert.deepEqual([dflt?.value, dflt?.origin], [2, 'framework-default']);
  const three = fact(
    await analyze(hydra('_target_: lightning.pytorch.strategies.DeepSpeedStrategy\nstage: 3\n'), 'conf/config.yaml'),
    'zero_stage',
  );
  assert.equal(three?.value, 3);
  // Must not: a DDP strategy group.
  const ddp = fact(
    await analyze(hydra('_target_: lightning.pytorch.strategies.DDPStrategy\n'), 'conf/config.yaml'),
    'zero_stage',
  );
  assert.equal(ddp, undefined);
});
