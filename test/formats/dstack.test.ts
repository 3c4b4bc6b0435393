// dstack task configurations as launchers: `resources.gpu` gives the scripts in `commands:` their GPU model and
// device count (per node × `nodes`); the command lines are read like a shell launcher's, with `env:` expanded and
// positions in the YAML. A GPU spec without a count leaves the count unknown; other YAML gets no run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, launchedRun, lineOf, theRun } from './helpers';

const task = (gpu: string, commands: string, extra = '') => `type: task
name: sft-7b
python: "3.11"
${extra}env:
  - HF_TOKEN
  - MODEL_ID=Qwen/Qwen2.5-7B
commands:
${commands}
resources:
  gpu: ${gpu}
  disk: 500GB
`;

const torchrun = `  - uv pip install -r requirements.txt
  - torchrun --nproc_per_node=$DSTACK_GPUS_PER_NODE --nnodes=$DSTACK_NODES_NUM --node_rank=$DSTACK_NODE_RANK
      --master_addr=$DSTACK_MASTER_NODE_IP train.py --model_name_or_path $MODEL_ID --bf16 True --num_train_epochs 2`;

test('dstack: H100:8 × nodes: 2 is 16 H100s for the torchrun script, whose flags come from commands:', async () => {
  const yaml = task('H100:8', torchrun, 'nodes: 2\n');
  const a = await analyze({ 'train.dstack.yml': yaml }, 'train.dstack.yml');
  const run = theRun(a);
  assert.match(run.plan.entry.label, /train\.py/);
  const d = fact(a, 'devices');
  assert.deepEqual([d?.value, d?.origin], [16, 'explicit'], d?.note);
  assert.match(d?.note ?? '', /H100:8 × nodes: 2/);
  assert.match(yaml.split('\n')[lineOf(yaml, d!.span!.start) - 1], /gpu: H100:8/);
  assert.equal(fact(a, 'hardware')?.value, 'h100');
  assert.equal(fact(a, 'precision')?.value, 'bf16');
  assert.match(yaml.split('\n')[lineOf(yaml, fact(a, 'precision')!.span!.start) - 1], /--bf16 True/);
  assert.equal(fact(a, 'epochs')?.value, 2);
  assert.equal(fact(a, 'model')?.value, 'Qwen/Qwen2.5-7B', 'the env: value reaches $MODEL_ID');
});

test('dstack: GPU spec forms — name:memory:count, memory:count, a name list with a count', async () => {
  const cmd = '  - python train.py --num_train_epochs 1';
  for (const [gpu, devices, hardware] of [
    ['A100:40GB:2', 2, 'a100'],
    ['80GB:8', 8, undefined],
    ['24GB..:1', 1, undefined],
    ['{name: [H100, A100], count: 8}', 8, null],
  ] as const) {
    const a = await analyze({ '.dstack.yml': task(gpu, cmd) }, '.dstack.yml');
    assert.deepEqual([fact(a, 'devices')?.value, fact(a, 'devices')?.origin], [devices, 'explicit'], gpu);
    if (hardware !== undefined) assert.equal(fact(a, 'hardware')?.value, hardware, gpu);
    else assert.notEqual(fact(a, 'hardware')?.origin, 'explicit', gpu);
  }
});

test('must not: a dstack GPU spec without a count (one or more) gives no device count', async () => {
  for (const gpu of ['H100', '24GB..', 'A100:1..2']) {
    const a = await analyze({ '.dstack.yml': task(gpu, '  - python train.py --num_train_epochs 1') }, '.dstack.yml');
    assert.match(theRun(a).plan.entry.label, /train\.py/);
    assert.notEqual(typeof fact(a, 'devices')?.value === 'number' && fact(a, 'devices')?.origin, 'explicit', gpu);
  }
});

test('must not: YAML that is not a dstack task gets no run from its commands', async () => {
  const service = task('H100:8', '  - python train.py --num_train_epochs 1').replace('type: task', 'type: service');
  const other = 'type: task\ncommands:\n  - python train.py --num_train_epochs 1\n';
  for (const [name, yaml] of [
    ['serve.dstack.yml', service],
    ['ci.yml', other],
  ]) {
    const a = await analyze({ [name]: yaml }, name);
    assert.equal([...a.runs, ...(a.linked ?? [])].length, 0, name);
  }
});

test('dstack: the script in the tree is one run with the task: its GPUs and the flags of commands:', async () => {
  const yaml = task('A100:80GB:4', '  - python train.py --output_dir out --bf16 True --num_train_epochs 3');
  const script =
    'from transformers import HfArgumentParser, Trainer, TrainingArguments\n(args,) = HfArgumentParser(TrainingArguments).parse_args_into_dataclasses()\nTrainer(model=m, args=args).train()\n';
  // From the task, its run; from the script planned alone, the same run as its launched run (the script's own run
  // keeps its own values: engine/link.ts `linkFile`).
  for (const target of ['train.py', '.dstack.yml']) {
    const a = await analyze({ '.dstack.yml': yaml, 'train.py': script }, target);
    const run = target === 'train.py' ? launchedRun(a) : theRun(a);
    const at = (k: string) => run.plan.facts.get(k as never);
    assert.equal(run.plan.entry.file.split('/').pop(), 'train.py', target);
    assert.deepEqual([at('devices')?.value, at('devices')?.file?.split('/').pop()], [4, '.dstack.yml']);
    assert.equal(at('hardware')?.value, 'a100', target);
    assert.equal(at('epochs')?.value, 3, target);
  }
  const alone = await analyze({ '.dstack.yml': yaml, 'train.py': script }, 'train.py');
  assert.notEqual(fact(alone, 'devices')?.value, 4);
});
