// Shapes found in round 2 of the public-file measurement (docs/evaluation/public-scripts.md, "Round 2").
// Every fixture under fixtures/formats/public-shapes-2/ is written for this project; it reproduces the shape only.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze, codes, fact } from './helpers';

const FIX = path.resolve('test/fixtures/formats/public-shapes-2');
const read = (rel: string) => fs.readFileSync(path.join(FIX, rel), 'utf8');
const one = (rel: string, text = read(rel)) => analyze({ [rel]: text }, rel, {});
const vo = (a: Awaited<ReturnType<typeof one>>, k: string) => [fact(a, k as never)?.value, fact(a, k as never)?.origin];

test('accelerate examples: values from a dict literal passed to the training function, int(...), and a cap that leaves them unchanged', async () => {
  const a = await one('hparam_dict_loop.py');
  assert.deepEqual(vo(a, 'epochs'), [5, 'explicit']);
  assert.deepEqual(vo(a, 'micro_batch'), [24, 'explicit']);
  // accumulate = 1, or per_step // STEP_LIMIT = 24 // 24 = 1 when capped: both give 1.
  assert.equal(fact(a, 'grad_accum')?.value, 1);
  assert.deepEqual(vo(a, 'precision'), ['fp32', 'script-default']);
  // A cap that does change the batch: the assignments disagree, so nothing is guessed.
  const b = await one('x.py', read('hparam_dict_loop.py').replace('"per_step": 24', '"per_step": 96'));
  assert.equal(fact(b, 'micro_batch')?.value, null);
  assert.equal(fact(b, 'grad_accum')?.value, null);
  // Two callers that pass different dicts: unknown, not either one.
  const c = await one(
    'y.py',
    read('hparam_dict_loop.py').replace(
      '    fit(knobs, cli)\n',
      '    fit(knobs, cli)\n    fit({"lr": 0.1, "rounds": 9, "per_step": 24}, cli)\n',
    ),
  );
  assert.equal(fact(c, 'epochs')?.value, null);
});

test('a loop-local that is rebound another way (+=, unpacking) stays unknown', async () => {
  const a = await one(
    'z.py',
    read('hparam_dict_loop.py').replace(
      '    rounds = int(cfg["rounds"])\n',
      '    rounds = int(cfg["rounds"])\n    rounds -= 1\n',
    ),
  );
  assert.equal(fact(a, 'epochs')?.value, null);
});

test('code under a switch that is off by default says nothing about the default run; save_image is not a checkpoint', async () => {
  const a = await one('flag_gated.py');
  assert.deepEqual(vo(a, 'precision'), ['fp32', 'script-default']);
  assert.match(fact(a, 'precision')?.note ?? '', /--halve/);
  // The adapter runs only with --adapter: the script's own default run trains every weight.
  assert.deepEqual(vo(a, 'peft'), ['none', 'script-default']);
  assert.match(fact(a, 'peft')?.note ?? '', /--adapter/);
  // The default run saves nothing before it ends: `no`, naming the switch.
  assert.deepEqual(vo(a, 'periodic_save'), ['no', 'script-default']);
  assert.match(fact(a, 'periodic_save')?.note ?? '', /--snapshot_every/);
  assert.deepEqual(vo(a, 'num_workers'), [3, 'script-default']);
  assert.deepEqual(vo(a, 'epochs'), [7, 'script-default']);
  assert.deepEqual(
    codes(a).filter((c) => c !== 'GML101'),
    [],
  );
  // Without the switch, the same calls are read as before.
  const b = await one(
    'w.py',
    read('flag_gated.py')
      .replace('if opts.halve:\n    net = net.half()', 'net = net.half()')
      .replace('if opts.adapter:\n    net = get_peft_model', 'if True:\n    net = get_peft_model'),
  );
  assert.deepEqual(vo(b, 'precision'), ['fp16', 'explicit']);
  assert.deepEqual(vo(b, 'peft'), ['lora', 'explicit']);
  // Only image saves in the loop: no periodic checkpoint.
  const c = await one('v.py', read('flag_gated.py').replace(/ {8}if opts.snapshot_every:\n.*\n.*\n/, ''));
  assert.equal(fact(c, 'periodic_save')?.value, 'no');
});

test('epochs from a keyword default of the looping function that its caller leaves out', async () => {
  const a = await one('epochs_param_default.py');
  assert.deepEqual(vo(a, 'epochs'), [12, 'script-default']);
  const b = await one(
    'u.py',
    read('epochs_param_default.py').replace('run_epochs(model, opt, loader)', 'run_epochs(model, opt, loader, laps=4)'),
  );
  assert.deepEqual(vo(b, 'epochs'), [4, 'explicit']);
});
