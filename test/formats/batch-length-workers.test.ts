// Per-device batch, sequence length and activation checkpointing where a run's code decides them: a dataset that
// batches itself, a tokenizer's length from the script's options, a checkpointing switch behind an option that is
// off unless given, options the shared vocabulary names, a config batch the reading script divides over its
// processes, and PySlowFast-style video configs. Fixtures written for this project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const STREAM_TRAIN = [
  'import argparse',
  'import torch',
  'from transformers import AutoTokenizer',
  '',
  'def main():',
  '    p = argparse.ArgumentParser()',
  '    p.add_argument("--batch_size", type=int, required=True)',
  '    p.add_argument("--max_length", type=int, default=384)',
  '    p.add_argument("--ckpt_activations", action="store_true")',
  '    args = p.parse_args()',
  '    tok = AutoTokenizer.from_pretrained("gpt2", model_max_length=args.max_length)',
  '    data = TokenStream(tok, batch_size=args.batch_size, max_length=args.max_length)',
  '    loader = torch.utils.data.DataLoader(data, batch_size=None, num_workers=2)',
  '    model = build().cuda()',
  '    if args.ckpt_activations:',
  '        model.gradient_checkpointing_enable()',
  '    opt = torch.optim.AdamW(model.parameters())',
  '    for batch in loader:',
  '        loss = model(**batch).loss',
  '        loss.backward()',
  '        opt.step()',
  '        opt.zero_grad()',
  '',
  'main()',
  '',
].join('\n');

test('a dataset that batches itself: the batch its constructor is given, filled by the launcher', async () => {
  const files = {
    'stream_train.py': STREAM_TRAIN,
    'run.sh': 'torchrun --nproc_per_node 2 stream_train.py --batch_size 24\n',
  };
  const alone = await analyze({ 'stream_train.py': STREAM_TRAIN }, 'stream_train.py');
  assert.equal(fact(alone, 'micro_batch')?.value, null, 'a required option without its launcher is unknown');
  assert.equal(fact(alone, 'seq_len')?.value, 384, "the tokenizer's length from the option's default");
  assert.equal(fact(alone, 'grad_checkpointing')?.value, false, 'off unless --ckpt_activations is given');
  const launched = await analyze(files, 'run.sh');
  assert.equal(fact(launched, 'micro_batch')?.value, 24);
  assert.equal(fact(launched, 'grad_checkpointing')?.value, false);
});

test('a checkpointing switch turned on by the launcher; unknown when the launcher passes unread arguments', async () => {
  const on = await analyze(
    { 'stream_train.py': STREAM_TRAIN, 'run.sh': 'python stream_train.py --batch_size 8 --ckpt_activations\n' },
    'run.sh',
  );
  assert.equal(fact(on, 'grad_checkpointing')?.value, true);
  const opaque = await analyze(
    { 'stream_train.py': STREAM_TRAIN, 'run.sh': 'python stream_train.py --batch_size 8 $EXTRA\n' },
    'run.sh',
  );
  assert.equal(fact(opaque, 'grad_checkpointing')?.value, null);
});

test('a negated switch is not read as off by default', async () => {
  const text = STREAM_TRAIN.replace('    if args.ckpt_activations:', '    if not args.ckpt_activations:');
  const a = await analyze({ 'stream_train.py': text }, 'stream_train.py');
  assert.equal(fact(a, 'grad_checkpointing')?.value, true);
});

test('options the vocabulary names: context length and a numeric checkpointing switch, set by the launcher', async () => {
  const script = [
    'import argparse',
    'import torch',
    'p = argparse.ArgumentParser()',
    'p.add_argument("--ctx_len", type=int, default=1024)',
    'p.add_argument("--grad_cp", type=int, default=0)',
    'p.add_argument("--micro_bsz", type=int, default=4)',
    'args = p.parse_args()',
    'loader = torch.utils.data.DataLoader(make_data(args.ctx_len), batch_size=args.micro_bsz, num_workers=1)',
    'model = Net(args).cuda()',
    'opt = torch.optim.Adam(model.parameters())',
    'for x in loader:',
    '    model(x).backward()',
    '    opt.step()',
    '',
  ].join('\n');
  const files = { 'trainer.py': script, 'go.sh': 'python trainer.py --ctx_len 256 --grad_cp 1 --micro_bsz 12\n' };
  const a = await analyze(files, 'go.sh');
  assert.equal(fact(a, 'seq_len')?.value, 256);
  assert.equal(fact(a, 'seq_len')?.origin, 'inferred');
  assert.equal(fact(a, 'grad_checkpointing')?.value, true);
  assert.equal(fact(a, 'micro_batch')?.value, 12);
  const alone = await analyze({ 'trainer.py': script }, 'trainer.py');
  assert.equal(fact(alone, 'grad_checkpointing')?.value, false);
  assert.equal(fact(alone, 'seq_len')?.value, 1024);
});

test('a launcher whose script holds no loop: per-device batch and length from flags the vocabulary lists', async () => {
  const a = await analyze(
    { 'launch.sh': 'torchrun --nproc_per_node 4 pretrain.py --micro_bsz 6 --ctx_len 2048 --grad_cp 1 --lr 1e-4\n' },
    'launch.sh',
  );
  assert.equal(fact(a, 'micro_batch')?.value, 6);
  assert.equal(fact(a, 'seq_len')?.value, 2048);
  assert.equal(fact(a, 'grad_checkpointing')?.value, true);
});

test('a config batch the reading script divides by the process count is global: no per-device value', async () => {
  const files = {
    'configs/run.yaml': ['base:', '  batch_size: 32', '  max_epochs: 40', '  lr: 0.001', '  optimizer: adam', ''].join(
      '\n',
    ),
    'train.py': [
      'import os',
      'import torch',
      'from utils import YParams',
      'params = YParams("configs/run.yaml", "base")',
      "params['world_size'] = int(os.environ.get('WORLD_SIZE', 1))",
      "params['batch_size'] = params.batch_size // params['world_size']",
      'loader = torch.utils.data.DataLoader(make_data(), batch_size=params.batch_size)',
      'model = Net().cuda()',
      'opt = torch.optim.Adam(model.parameters(), lr=params.lr)',
      'for epoch in range(params.max_epochs):',
      '    for x in loader:',
      '        model(x).backward()',
      '        opt.step()',
      '',
    ].join('\n'),
  };
  const a = await analyze(files, 'configs/run.yaml');
  const mb = fact(a, 'micro_batch');
  assert.ok(mb === undefined || mb.value === null, `per-device batch must not be 32: ${JSON.stringify(mb?.value)}`);
});

test('PySlowFast-style video config: TRAIN.BATCH_SIZE is split over NUM_GPUS, the period is in epochs', async () => {
  const cfg = [
    'TRAIN:',
    '  ENABLE: True',
    '  DATASET: kinetics',
    '  BATCH_SIZE: 16',
    '  CHECKPOINT_PERIOD: 2',
    'DATA:',
    '  NUM_FRAMES: 16',
    '  SAMPLING_RATE: 4',
    '  TRAIN_CROP_SIZE: 224',
    'SOLVER:',
    '  BASE_LR: 0.1',
    '  MAX_EPOCH: 30',
    '  OPTIMIZING_METHOD: sgd',
    'NUM_GPUS: 4',
    'DATA_LOADER:',
    '  NUM_WORKERS: 6',
    '',
  ].join('\n');
  const a = await analyze({ 'configs/clip16.yaml': cfg }, 'configs/clip16.yaml');
  assert.equal(fact(a, 'micro_batch')?.value, 4);
  assert.equal(fact(a, 'num_workers')?.value, 6);
  assert.equal(fact(a, 'save_steps'), undefined, 'a period in epochs is no step cadence');
  assert.equal(fact(a, 'seq_len'), undefined, 'video clips have no sequence length');
});

test('NeMo / Megatron: a checkpointing method without a granularity recomputes nothing', async () => {
  const cfg = (granularity: string) =>
    [
      'trainer:',
      '  devices: 8',
      '  max_steps: 1000',
      'model:',
      '  micro_batch_size: 2',
      '  global_batch_size: 64',
      '  encoder_seq_length: 2048',
      `  activations_checkpoint_granularity: ${granularity}`,
      '  activations_checkpoint_method: uniform',
      '  activations_checkpoint_num_layers: 1',
      '',
    ].join('\n');
  const off = await analyze({ 'conf/gpt.yaml': cfg('null') }, 'conf/gpt.yaml');
  assert.equal(fact(off, 'grad_checkpointing')?.value, false);
  const on = await analyze({ 'conf/gpt.yaml': cfg('full') }, 'conf/gpt.yaml');
  assert.equal(fact(on, 'grad_checkpointing')?.value, true);
  const flags = await analyze(
    { 'run.sh': 'torchrun --nproc_per_node 8 pretrain_gpt.py --micro-batch-size 2 --recompute-method uniform\n' },
    'run.sh',
  );
  assert.notEqual(fact(flags, 'grad_checkpointing')?.value, true, 'a method alone turns nothing on');
});
