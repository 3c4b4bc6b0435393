// A config given alone that no reader makes a run of is the run of the launcher beside it that passes it to a training
// script, under any option name (`--gin_file=configs/x.gin`), with the config's own settings over the script's.
// A JAX script that updates through the legacy `flax.optim` optimizer (`optimizer.apply_gradient(grad)`) trains.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, theRun } from './helpers';

// A JAX training entry in the style of 2020–2021 research code: gin-configurable settings, flax.optim, absl flags.
const TRAIN = `from absl import app, flags
import jax
import flax
import gin

FLAGS = flags.FLAGS
flags.DEFINE_multi_string("gin_file", None, "gin files")

@gin.configurable()
class Settings:
    steps = 5000

def loss_fn(params, batch):
    return ((params["w"] * batch) ** 2).sum()

def train_step(optimizer, batch):
    loss, grad = jax.value_and_grad(loss_fn)(optimizer.target, batch)
    return optimizer.apply_gradient(grad), loss

def main(argv):
    gin.parse_config_files_and_bindings(FLAGS.gin_file, None)
    optimizer = flax.optim.Adam(1e-3).create({"w": 1.0})
    step = jax.pmap(train_step, axis_name="batch")
    for i in range(Settings.steps):
        optimizer, loss = step(optimizer, i)

if __name__ == "__main__":
    app.run(main)
`;

const LAUNCH = `#!/bin/bash
python -m train --data_dir=/data --gin_file=configs/small.gin --logtostderr
`;

test('flax.optim: value_and_grad + optimizer.apply_gradient in a loop is a training run with its optimizer', async () => {
  const a = await analyze({ 'README.md': '', 'train.py': TRAIN }, 'train.py');
  assert.equal(fact(a, 'optimizer')?.value, 'adam');
});

test('a gin config given alone is the run of the launcher that passes it with --gin_file', async () => {
  const gin = `Settings.dataset = 'small'\n`;
  const a = await analyze(
    { 'README.md': '', 'train.py': TRAIN, 'configs/small.gin': gin, 'scripts/train_small.sh': LAUNCH },
    'configs/small.gin',
  );
  const run = theRun(a);
  assert.ok(
    run.plan.files.some((f) => f.endsWith('configs/small.gin')),
    run.plan.files.join(', '),
  );
  assert.equal(fact(a, 'optimizer')?.value, 'adam');
});

test('must not: apply_gradient on something that is not an optimizer, or a config only an evaluation launcher passes', async () => {
  const notOpt = TRAIN.replace('optimizer.apply_gradient(grad)', 'model.apply_gradient(grad)').replace(
    'flax.optim.Adam(1e-3).create',
    'dict',
  );
  const a = await analyze({ 'README.md': '', 'train.py': notOpt }, 'train.py');
  assert.equal([...a.runs, ...(a.linked ?? [])].length, 0);
  const evalLaunch = `#!/bin/bash\npython -m eval --gin_file=configs/small.gin\n`;
  const b = await analyze(
    {
      'README.md': '',
      'train.py': TRAIN,
      'eval.py': 'import jax\nprint(1)\n',
      'configs/small.gin': `Settings.dataset = 'small'\n`,
      'scripts/eval_small.sh': evalLaunch,
    },
    'configs/small.gin',
  );
  assert.equal([...b.runs, ...(b.linked ?? [])].length, 0);
});

test('a base_config list is read in order, the later base and the file itself over earlier ones', async () => {
  const files = {
    'README.md': '',
    'configs/base.yaml':
      'lr: 0.001\noptimizer: adamw\nmax_updates: 100000\nbatch_size: 16\naccumulate_grad_batches: 1\n',
    'configs/longer.yaml': 'max_updates: 300000\n',
    'exp/tts.yaml': 'base_config:\n  - configs/base.yaml\n  - ../configs/longer.yaml\nbatch_size: 32\n',
  };
  const a = await analyze(files, 'exp/tts.yaml');
  assert.equal(fact(a, 'max_steps')?.value, 300000, 'the later base wins');
  assert.equal(fact(a, 'micro_batch')?.value, 32, 'the file wins over its bases');
});

test('must not: a base_config list whose bases are missing reads nothing from them', async () => {
  const files = {
    'README.md': '',
    'exp/tts.yaml': 'base_config:\n  - configs/missing.yaml\nlr: 0.001\noptimizer: adamw\nbatch_size: 32\n',
  };
  const a = await analyze(files, 'exp/tts.yaml');
  const runs = [...a.runs, ...(a.linked ?? [])];
  const steps = runs[0]?.plan.facts.get('max_steps');
  assert.ok(!steps || steps.value === null || steps.origin === 'assumed', `max_steps ${steps?.value}`);
});
