// accelerate and DeepSpeed configs are launcher-agnostic: a config several launchers pass to their scripts reports
// what it states (processes, mixed precision, ZeRO stage), never the batch, length, model or optimizer of one of
// them; and `max_steps: -1` (TrainingArguments' "no step limit") is no step count.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, launchedFact, theRun } from './helpers';

const ACCELERATE = [
  'compute_environment: LOCAL_MACHINE',
  'distributed_type: DEEPSPEED',
  'deepspeed_config:',
  '  zero_stage: 2',
  '  offload_optimizer_device: none',
  'mixed_precision: bf16',
  'num_machines: 1',
  'num_processes: 8',
  '',
].join('\n');

const TRAIN = [
  'from dataclasses import dataclass, field',
  'from transformers import HfArgumentParser, Trainer, TrainingArguments, AutoModelForCausalLM',
  '',
  '@dataclass',
  'class ModelArguments:',
  '    model_name_or_path: str = field(default="org/base-1b")',
  '',
  'def main():',
  '    parser = HfArgumentParser((ModelArguments, TrainingArguments))',
  '    margs, targs = parser.parse_args_into_dataclasses()',
  '    model = AutoModelForCausalLM.from_pretrained(margs.model_name_or_path)',
  '    Trainer(model=model, args=targs).train()',
  '',
  'main()',
  '',
].join('\n');

const launcher = (batch: number, epochs: number) =>
  [
    '#!/bin/bash',
    'accelerate launch --config_file configs/zero2.yaml train.py \\',
    `  --per_device_train_batch_size ${batch} --num_train_epochs ${epochs} --bf16 True --output_dir out`,
    '',
  ].join('\n');

test('accelerate config two launchers share: its own devices, precision and ZeRO stage; no launcher batch, epochs, model or optimizer', async () => {
  const files = {
    'configs/zero2.yaml': ACCELERATE,
    'train.py': TRAIN,
    'scripts/small.sh': launcher(4, 1),
    'scripts/large.sh': launcher(16, 3),
  };
  const a = await analyze(files, 'configs/zero2.yaml');
  assert.deepEqual(
    ['devices', 'precision', 'zero_stage'].map((k) => fact(a, k as never)?.value),
    [8, 'bf16', 2],
  );
  for (const k of ['micro_batch', 'epochs', 'max_steps', 'model', 'optimizer', 'global_batch'])
    assert.equal(fact(a, k as never), undefined, k);
  // The launchers themselves still take the config's values.
  const s = await analyze(files, 'scripts/small.sh');
  assert.deepEqual(
    ['micro_batch', 'epochs', 'zero_stage'].map((k) => fact(s, k as never)?.value),
    [4, 1, 2],
  );
});

test('accelerate config one launcher uses: that launcher’s run is its linked run; alone it keeps what it states', async () => {
  const files = { 'configs/zero2.yaml': ACCELERATE, 'train.py': TRAIN, 'scripts/small.sh': launcher(4, 1) };
  const a = await analyze(files, 'configs/zero2.yaml');
  // A file planned alone is its own run (engine/link.ts `linkFile`): the launcher's batch only in the launched run.
  assert.deepEqual(
    ['micro_batch', 'zero_stage', 'devices'].map((k) => launchedFact(a, k as never)?.value),
    [4, 2, 8],
  );
  assert.equal(fact(a, 'micro_batch'), undefined);
});

test('DeepSpeed JSON two launchers share: its own micro-batch and stage; no launcher epochs or devices', async () => {
  const ds = JSON.stringify({
    train_micro_batch_size_per_gpu: 2,
    zero_optimization: { stage: 3 },
    bf16: { enabled: true },
  });
  const run = (n: number, e: number) =>
    `#!/bin/bash\ndeepspeed --num_gpus ${n} train.py --deepspeed ds/ds_z3.json --num_train_epochs ${e} --output_dir out\n`;
  const files = { 'ds/ds_z3.json': ds, 'train.py': TRAIN, 'scripts/a.sh': run(2, 1), 'scripts/b.sh': run(4, 5) };
  const a = await analyze(files, 'ds/ds_z3.json');
  assert.equal(theRun(a).plan.framework, 'deepspeed');
  assert.deepEqual(
    ['micro_batch', 'zero_stage', 'precision'].map((k) => fact(a, k as never)?.value),
    [2, 3, 'bf16'],
  );
  for (const k of ['epochs', 'model']) assert.equal(fact(a, k as never), undefined, k);
  // No launcher's --num_gpus: at most the review's stated assumption.
  assert.notEqual(fact(a, 'devices')?.origin, 'explicit');
});

test('max_steps -1 (no step limit) is not a step count; a positive max_steps still is', async () => {
  const yaml = (steps: number) =>
    `model_name_or_path: org/base-1b\nper_device_train_batch_size: 4\nnum_train_epochs: 2\nmax_steps: ${steps}\nbf16: true\noutput_dir: out\n`;
  const none = await analyze({ 'args.yaml': yaml(-1) }, 'args.yaml');
  assert.equal(fact(none, 'max_steps'), undefined);
  assert.equal(fact(none, 'epochs')?.value, 2);
  const some = await analyze({ 'args.yaml': yaml(500) }, 'args.yaml');
  assert.equal(fact(some, 'max_steps')?.value, 500);
  const py = (steps: number) =>
    `from transformers import Trainer, TrainingArguments\nargs = TrainingArguments(output_dir="o", num_train_epochs=2, max_steps=${steps})\nTrainer(model=model, args=args).train()\n`;
  assert.equal(fact(await analyze({ 't.py': py(-1) }, 't.py'), 'max_steps'), undefined);
  assert.equal(fact(await analyze({ 't.py': py(0) }, 't.py'), 'max_steps'), undefined);
  assert.equal(fact(await analyze({ 't.py': py(300) }, 't.py'), 'max_steps')?.value, 300);
});
