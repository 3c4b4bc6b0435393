// INI-style configs through the generic reader (engine/extract/generic/ini.ts): a `configparser` defaults file of a
// training script and a spaCy-style `config.cfg` are runs given alone; the INI files every Python project has
// (setup.cfg, tox.ini) are not; a half-typed file gives no crash. Fixtures are written here for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { iniEntries } from '../../engine/extract/generic/ini';
import { analyze, applyEdits, theRun } from './helpers';

const DEFAULTS_INI = `
[DEFAULTS]

# run name for the logger
name = audio_diffusion

# per-GPU batch
batch_size = 8

# Lightning precision string
precision = "bf16-mixed"

# loader processes
num_workers = 12

# steps between checkpoints
checkpoint_every = 5000

# where checkpoints go
save_dir = ''
`;

const SPACY_CFG = `[paths]
train = "corpus/train.spacy"
dev = "corpus/dev.spacy"

[system]
gpu_allocator = "pytorch"
seed = 0

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
max_epochs = 20
max_steps = 20000
eval_frequency = 200

[training.optimizer]
@optimizers = "Adam.v1"
learn_rate = 0.001
`;

const SETUP_CFG = `[metadata]
name = my_package
version = 1.2.0

[options]
packages = find:
python_requires = >=3.9

[flake8]
max-line-length = 120
`;

const TOX_INI = `[tox]
envlist = py39, py310

[testenv]
deps = pytest
commands = pytest -x
`;

test('a configparser defaults file of a training script is a run: batch, precision, workers, checkpoint cadence', async () => {
  const a = await analyze({ 'defaults.ini': DEFAULTS_INI }, 'defaults.ini');
  const run = theRun(a);
  const get = (k: Parameters<typeof run.plan.facts.get>[0]) => run.plan.facts.get(k);
  assert.equal(get('micro_batch')?.value, 8);
  assert.equal(get('precision')?.value, 'bf16');
  assert.equal(get('num_workers')?.value, 12);
  assert.equal(get('save_steps')?.value, 5000);
  // No framework reader: what the vocabulary reads is inferred, and the hover says from which key.
  assert.equal(get('micro_batch')?.origin, 'inferred');
  assert.match(get('micro_batch')?.note ?? '', /batch_size/);
  // The span is the key's own line.
  const span = get('save_steps')?.span;
  assert.ok(span);
  assert.equal(DEFAULTS_INI.slice(span.start, span.end), 'checkpoint_every = 5000');
});

test('a spaCy-style config.cfg with dotted sections is a run: its steps, epochs and learning rate', async () => {
  const run = theRun(await analyze({ 'config.cfg': SPACY_CFG }, 'config.cfg'));
  assert.equal(run.plan.facts.get('max_steps')?.value, 20000);
  assert.equal(run.plan.facts.get('epochs')?.value, 20);
});

test('setup.cfg and tox.ini are not runs, and a half-typed INI file gives no run and no crash', async () => {
  for (const [name, text] of [
    ['setup.cfg', SETUP_CFG],
    ['tox.ini', TOX_INI],
    ['train.ini', '[train\nbatch_size = \n= 5\n\u0000\u0001'],
  ]) {
    const a = await analyze({ [name]: text }, name);
    assert.equal(a.runs.length, 0, name);
  }
});

test('an INI entry is written back in its own syntax: numbers bare, quoted strings quoted', () => {
  const set = iniEntries('/proj/defaults.ini', DEFAULTS_INI);
  assert.ok(set);
  const entry = (k: string) => set.entries.find((e) => e.path.join('.') === `DEFAULTS.${k}`);
  assert.deepEqual(
    set.entries.map((e) => e.path.join('.')),
    [
      'DEFAULTS.name',
      'DEFAULTS.batch_size',
      'DEFAULTS.precision',
      'DEFAULTS.num_workers',
      'DEFAULTS.checkpoint_every',
      'DEFAULTS.save_dir',
    ],
  );
  const batch = entry('batch_size')?.set?.(16);
  assert.ok(batch);
  assert.match(applyEdits(DEFAULTS_INI, batch), /\nbatch_size = 16\n/);
  const precision = entry('precision')?.set?.('16-mixed');
  assert.ok(precision);
  assert.match(applyEdits(DEFAULTS_INI, precision), /\nprecision = "16-mixed"\n/);
  // A value continued on indented lines has no writer (its extent is not one line).
  const multi = iniEntries('/proj/m.ini', '[train]\ncallbacks = a\n    b\nepochs = 3\n');
  assert.equal(multi?.entries.find((e) => e.path.join('.') === 'train.callbacks')?.set, undefined);
  assert.equal(multi?.entries.find((e) => e.path.join('.') === 'train.epochs')?.value, 3);
});
