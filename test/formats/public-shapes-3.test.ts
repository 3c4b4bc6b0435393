// Shapes left over from round 2 of the public-file measurement (docs/evaluation/public-scripts.md, "Round 3").
// Every fixture under fixtures/formats/public-shapes-3/ is written for this project; it reproduces the shape only.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const FIX = path.resolve('test/fixtures/formats/public-shapes-3');
const read = (rel: string) => fs.readFileSync(path.join(FIX, rel), 'utf8');
const one = (rel: string, text = read(rel)) => analyze({ [rel]: text }, rel, {});
const vo = (a: Awaited<ReturnType<typeof one>>, k: string) => [fact(a, k as never)?.value, fact(a, k as never)?.origin];

test('a library loader factory (make_loader(batch_size=, num_workers=)) gives the batch and workers of the training loader', async () => {
  const a = await one('factory_loader.py');
  assert.deepEqual(vo(a, 'micro_batch'), [96, 'script-default']);
  assert.deepEqual(vo(a, 'num_workers'), [6, 'script-default']);
  // An unresolvable value is not reported, and the factory's own defaults are not assumed.
  const b = await one(
    'x.py',
    read('factory_loader.py').replace(
      'batch_size=args.batch_size, num_workers=args.loader_procs, is_training',
      'batch_size=pick(), is_training',
    ),
  );
  assert.equal(fact(b, 'micro_batch'), undefined);
  assert.equal(fact(b, 'num_workers'), undefined);
  // Two factory loaders and neither named for training: nothing is picked.
  const c = await one(
    'y.py',
    read('factory_loader.py')
      .replace('fit_loader = ', 'loader_a = ')
      .replace('one_round(net, fit_loader', 'one_round(net, loader_a')
      .replace('is_training=True', 'pin_memory=True'),
  );
  assert.equal(fact(c, 'micro_batch'), undefined);
});

test('a per-step save behind a flag whose default is 0 is not the default run; the per-epoch save is', async () => {
  const a = await one('factory_loader.py');
  assert.equal(fact(a, 'periodic_save')?.value, 'epoch');
  // With a non-zero default the per-step save runs.
  const b = await one(
    'x.py',
    read('factory_loader.py').replace(
      "'--snapshot-every', type=int, default=0",
      "'--snapshot-every', type=int, default=500",
    ),
  );
  assert.equal(fact(b, 'periodic_save')?.value, 'steps');
  // `if not args.snapshot_every` is not off by default.
  const c = await one(
    'y.py',
    read('factory_loader.py').replace(
      'if keeper is not None and args.snapshot_every and (i + 1)',
      'if not args.snapshot_every or (i + 1)',
    ),
  );
  assert.equal(fact(c, 'periodic_save')?.value, 'steps');
  // The epoch save itself behind a command-line value (accelerate's `if checkpointing_steps == "epoch":`): unknown.
  const d = await one(
    'z.py',
    read('factory_loader.py').replace(
      '        keeper.save_checkpoint(rnd)',
      '        if args.rounds == 3:\n            keeper.save_checkpoint(rnd)',
    ),
  );
  assert.equal(fact(d, 'periodic_save')?.value, null);
});

test('Keras fit(dataset) takes the batch of image_dataset_from_directory; compile(jit_compile=True) is compile on', async () => {
  const a = await one('keras_dir_dataset.py');
  assert.deepEqual(vo(a, 'micro_batch'), [48, 'explicit']);
  assert.deepEqual(vo(a, 'compile'), [true, 'explicit']);
  assert.equal(fact(a, 'epochs')?.value, 12);
  // No batch_size given to the utility: its default, 32.
  const b = await one('x.py', read('keras_dir_dataset.py').replace('    batch_size=per_step,\n', ''));
  assert.deepEqual(vo(b, 'micro_batch'), [32, 'framework-default']);
  // The dataset rebatched before fit: not the utility's batch.
  const c = await one(
    'y.py',
    read('keras_dir_dataset.py').replace(
      'fit_ds = fit_ds.prefetch(tf.data.AUTOTUNE)',
      'fit_ds = fit_ds.unbatch().batch(8)',
    ),
  );
  assert.notEqual(fact(c, 'micro_batch')?.value, 48);
  // jit_compile="auto" or absent: no compile fact from it.
  const d = await one('z.py', read('keras_dir_dataset.py').replace('jit_compile=True', 'jit_compile="auto"'));
  assert.notEqual(fact(d, 'compile')?.value, true);
});

test('a local changed only in a branch that is off by default (resume) keeps its value', async () => {
  const a = await one('resume_branch.py');
  assert.deepEqual(vo(a, 'epochs'), [4, 'explicit']);
  assert.equal(fact(a, 'micro_batch')?.value, 12);
  // When the resume flag has a default, the branch runs: unknown again.
  const b = await one('x.py', read('resume_branch.py').replace('default=None', 'default="out/pass_1"'));
  assert.equal(fact(b, 'epochs')?.value, null);
  // The same change outside any branch: unknown.
  const c = await one(
    'y.py',
    read('resume_branch.py').replace('    for p in range(passes):', '    passes -= 1\n    for p in range(passes):'),
  );
  assert.equal(fact(c, 'epochs')?.value, null);
});

test('SkyPilot file_mounts: the script the task runs from a mounted folder is found beside the task', async () => {
  const files = {
    'task/finetune.yaml': read('task/finetune.yaml'),
    'task/worker/tune.py': read('task/worker/tune.py'),
  };
  const a = await analyze(files, 'task/finetune.yaml', {});
  assert.equal(fact(a, 'epochs')?.value, 9);
  assert.equal(fact(a, 'micro_batch')?.value, 20);
  assert.equal(fact(a, 'hardware')?.value, 'l4');
  // From the script's side the task is its launcher.
  const b = await analyze(files, 'task/worker/tune.py', {});
  assert.equal(fact(b, 'epochs')?.value, 9);
  // A bucket mount or no mount: nothing is linked.
  const c = await analyze(
    { ...files, 'task/finetune.yaml': read('task/finetune.yaml').replace('  /worker: ./worker\n', '') },
    'task/finetune.yaml',
    {},
  );
  assert.equal([...c.runs, ...(c.linked ?? [])].length, 0);
});

test('a Trainer class defined in the file is a hand-written loop, not the transformers Trainer', async () => {
  const a = await one('own_trainer_class.py');
  const run = [...a.runs, ...(a.linked ?? [])];
  assert.equal(run.length, 1);
  assert.equal(run[0].plan.framework, 'pytorch');
  assert.deepEqual(vo(a, 'micro_batch'), [24, 'script-default']);
  // No HF defaults (8 per device, 3 epochs, save every 500 steps) are invented.
  assert.notEqual(fact(a, 'epochs')?.value, 3);
  assert.equal(fact(a, 'save_steps'), undefined);
});
