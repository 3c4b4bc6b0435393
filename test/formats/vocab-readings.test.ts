// What the vocabulary's newer readings must NOT report: each reading added for the development set
// (./vocab-dev.test.ts) beside the case where the same spelling means something else, or nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocumentAnalysis } from '../../server/review/analyze';
import { analyze, fact, theRun } from './helpers';

const runsOf = (a: DocumentAnalysis) => a.runs.length + (a.linked?.length ?? 0);
const one = async (name: string, text: string) => analyze({ [name]: text }, name, { hardware: 'a100' });

test('`!ref <key>` takes a top-level scalar’s value; interpolations, lists and missing keys stay unread', async () => {
  const base = `number_of_epochs: 20
batch_size: 8
sizes: [1, 2]
epoch_counter: !new:speechbrain.utils.epoch_loop.EpochCounter
  limit: !ref <number_of_epochs>
train_dataloader_opts:
  batch_size: !ref <batch_size>
checkpointer: !new:speechbrain.utils.checkpoints.Checkpointer
  checkpoints_dir: !ref <out>/save
`;
  let a = await one('h.yaml', base);
  assert.equal(fact(a, 'epochs')?.value, 20);
  assert.equal(fact(a, 'micro_batch')?.value, 8);
  // The reference names a list, an interpolation, or nothing: no value.
  a = await one(
    'h.yaml',
    base.replace('limit: !ref <number_of_epochs>', 'limit: !ref <sizes>').replace('number_of_epochs: 20\n', ''),
  );
  assert.equal(fact(a, 'epochs'), undefined);
  a = await one('h.yaml', base.replace('batch_size: 8\n', '').replace('!ref <batch_size>', '!ref <batch_size> * 2'));
  assert.equal(fact(a, 'micro_batch'), undefined);
});

test('a SpeechBrain file with no batch or run length (an inference file) is no run; with them it is', async () => {
  const inference = `sample_rate: 16000
encoder: !new:speechbrain.lobes.models.CRDNN.CRDNN
  input_shape: [null, null, 40]
pretrainer: !new:speechbrain.utils.parameter_transfer.Pretrainer
  loadables:
    encoder: !ref <encoder>
`;
  assert.equal(runsOf(await one('hyperparams.yaml', inference)), 0);
  const train = `${inference}number_of_epochs: 5\nbatch_size: 4\n`;
  const a = await one('train.yaml', train);
  assert.equal(theRun(a).plan.framework, 'speechbrain');
  assert.equal(fact(a, 'modality')?.value, 'audio');
  assert.equal(fact(a, 'seq_len'), undefined, 'no sequence length for a speech model');
  assert.equal(fact(a, 'periodic_save'), undefined, 'no Checkpointer: no claim about checkpoints');
});

test('fairseq: `max_tokens` is the tokens of one batch, not the run’s; elsewhere it stays the run’s tokens', async () => {
  const fairseq = `common:
  fp16: true
dataset:
  max_tokens: 4096
optimization:
  max_update: 1000
  update_freq: [1, 2]
task:
  _name: translation
`;
  const a = await one('f.yaml', fairseq);
  assert.equal(theRun(a).plan.framework, 'fairseq');
  assert.equal(fact(a, 'train_tokens'), undefined);
  assert.equal(fact(a, 'grad_accum'), undefined, 'a two-item update_freq (per epoch) is not one accumulation');
  assert.equal(fact(a, 'max_steps')?.value, 1000);
  assert.equal(fact(a, 'periodic_save')?.value, 'epoch', 'fairseq saves every epoch by default');
  assert.equal(fact(a, 'modality'), undefined, 'a translation task is not audio');
  const lit = await one(
    'l.yaml',
    'model_name: pythia-70m\nout_dir: out\ntrain:\n  micro_batch_size: 4\n  max_tokens: 1000000\n  global_batch_size: 16\n',
  );
  assert.equal(fact(lit, 'train_tokens')?.value, 1000000);
});

test('verl: prompts per step and the rollout’s tensor parallelism are not the actor’s batch or degree', async () => {
  const a = await one(
    'ppo.yaml',
    `data:
  train_batch_size: 1024
actor_rollout_ref:
  actor:
    ppo_mini_batch_size: 256
  rollout:
    tensor_model_parallel_size: 4
trainer:
  total_epochs: 2
  n_gpus_per_node: 4
  nnodes: 1
  save_freq: -1
`,
  );
  assert.equal(theRun(a).plan.framework, 'verl');
  assert.equal(fact(a, 'micro_batch'), undefined);
  assert.equal(fact(a, 'global_batch'), undefined);
  assert.equal(fact(a, 'tp'), undefined);
  assert.equal(fact(a, 'devices')?.value, 4);
  assert.equal(fact(a, 'periodic_save')?.value, 'no', 'save_freq: -1 writes no checkpoint');
});

test('a top-level `steps` is a run length only in MaxText; a time cadence is a time-based save', async () => {
  const a = await one('s.yaml', 'steps: 100\nbatch_size: 8\nepochs: 3\nlr: 0.1\noptimizer: adam\n');
  assert.equal(fact(a, 'max_steps'), undefined);
  const l = await one(
    'lev.yaml',
    'trainer:\n  mp: p=f32,c=bfloat16\n  train_batch_size: 64\n  num_train_steps: 10000\n  checkpointer:\n    save_interval: 1000\n',
  );
  assert.equal(fact(l, 'periodic_save')?.value, 'steps', 'a bare number stays steps');
  assert.equal(fact(l, 'save_steps')?.value, 1000);
});

test('NeMo’s trainer.enable_checkpointing: false is exp_manager’s requirement; in a Lightning config it means no checkpoints', async () => {
  const nemo = `trainer:
  devices: 2
  precision: bf16
  enable_checkpointing: false
  max_steps: 1000
exp_manager:
  create_checkpoint_callback: true
model:
  micro_batch_size: 4
  global_batch_size: 8
`;
  const a = await one('n.yaml', nemo);
  assert.equal(theRun(a).plan.framework, 'nemo');
  assert.notEqual(fact(a, 'periodic_save')?.value, 'no');
  const lightning =
    'trainer:\n  max_epochs: 3\n  enable_checkpointing: false\nmodel:\n  lr: 0.1\ndata:\n  batch_size: 8\n';
  assert.equal(fact(await one('l.yaml', lightning), 'periodic_save')?.value, 'no');
});

test('an image size is a resolution only for an image model; Ultralytics files of other modes are no run', async () => {
  const vlm = await one(
    'v.yaml',
    'model_name_or_path: llava-hf/llava-1.5-7b-hf\nimage_size: 336\nmax_seq_length: 2048\nper_device_train_batch_size: 4\nnum_train_epochs: 1\nbf16: true\n',
  );
  assert.equal(fact(vlm, 'resolution'), undefined);
  assert.equal(fact(vlm, 'seq_len')?.value, 2048);
  const predict = 'task: detect\nmode: predict\nmodel: yolov8n.pt\nimgsz: 640\nbatch: 1\nconf: 0.25\nsource: images/\n';
  assert.equal(runsOf(await one('p.yaml', predict)), 0);
});

test('parallel degrees as written: TP and PP are facts; torchtitan’s shard/replicate degrees are not one DP degree', async () => {
  const t = await one(
    't.toml',
    '[job]\ndump_folder = "o"\n[training]\nlocal_batch_size = 1\nseq_len = 4096\nsteps = 10\n[parallelism]\ndata_parallel_replicate_degree = 1\ndata_parallel_shard_degree = -1\ntensor_parallel_degree = 4\npipeline_parallel_degree = 2\n',
  );
  assert.equal(fact(t, 'tp')?.value, 4);
  assert.equal(fact(t, 'pp')?.value, 2);
  assert.equal(fact(t, 'dp'), undefined);
});

test('`batch_size` counted in tokens or frames is not a per-device sample batch; counted in sentences it is', async () => {
  const onmt = (t: string) =>
    `save_model: run/m\nsrc_vocab: v.src\ntrain_steps: 1000\nbatch_type: ${t}\nbatch_size: 4096\nworld_size: 2\n`;
  assert.equal(fact(await one('o.yaml', onmt('tokens')), 'micro_batch'), undefined);
  assert.equal(fact(await one('o.yaml', onmt('sents').replace('4096', '64')), 'micro_batch')?.value, 64);
});

test('devices from parallel degrees only when data, tensor and pipeline degrees are all written', async () => {
  const cfg = (par: string) =>
    `parallelism:\n${par}tokens:\n  micro_batch_size: 2\n  sequence_length: 1024\n  train_steps: 100\nmodel:\n  dtype: bfloat16\n`;
  const all3 = await one('n.yaml', cfg('  dp: 2\n  tp: 2\n  pp: 2\n'));
  assert.equal(fact(all3, 'devices')?.value, 8);
  assert.equal(fact(all3, 'devices')?.origin, 'inferred');
  const tpOnly = await one('n.yaml', cfg('  tp: 2\n'));
  assert.notEqual(fact(tpOnly, 'devices')?.origin, 'inferred', 'TP alone does not say how many devices');
});

test('a default is not applied over a written value it cannot read (`batch: -1` is AutoBatch)', async () => {
  const y = (b: string) => `task: detect\nmode: train\nmodel: yolov8n.pt\nimgsz: 640\nepochs: 10\nbatch: ${b}\n`;
  assert.equal(fact(await one('y.yaml', y('-1')), 'global_batch'), undefined);
  assert.equal(fact(await one('y.yaml', y('null')), 'global_batch')?.origin, 'framework-default', 'null: the default');
});

test('a square size reads as one side; a rectangle gives no resolution', async () => {
  const k = (r: string) =>
    `[training_arguments]\ntrain_batch_size = 2\nmax_train_epochs = 4\nmixed_precision = "fp16"\n[dataset_arguments]\nresolution = "${r}"\n`;
  assert.equal(fact(await one('k.toml', k('768,768')), 'resolution')?.value, 768);
  assert.equal(fact(await one('k.toml', k('1024,768')), 'resolution'), undefined);
});

test('jmp precision policies: the compute dtype decides; params alone compute in their dtype', async () => {
  const lev = (mp: string) =>
    `trainer:\n  mp: ${mp}\n  train_batch_size: 8\n  num_train_steps: 10\nmodel:\n  seq_len: 512\n`;
  assert.equal(fact(await one('l.yaml', lev('p=f32,c=bfloat16')), 'precision')?.value, 'bf16');
  assert.equal(fact(await one('l.yaml', lev('p=f32')), 'precision')?.value, 'fp32');
  assert.equal(fact(await one('l.yaml', lev('p=f32,c=f16')), 'precision')?.value, 'fp16');
});

test('a tokenizer’s max length is the sequence length only when nothing else states one', async () => {
  const cfg = (more: string) => `batch_size: 4\nepochs: 2\noptimizer: adamw\nmodel_max_length: 4096\n${more}`;
  assert.equal(fact(await one('c.yaml', cfg('')), 'seq_len')?.value, 4096);
  assert.equal(fact(await one('c.yaml', cfg('block_size: 512\n')), 'seq_len')?.value, 512);
});

test('a `_BASE_` list is not detectron2 (whose `_BASE_` names one file): no detectron2 defaults', async () => {
  const a = await one('p.yml', "_BASE_: ['a.yml', 'b.yml']\nepoch: 12\nworker_num: 2\nTrainReader:\n  batch_size: 4\n");
  assert.notEqual(theRun(a).plan.framework, 'detectron2');
  assert.equal(fact(a, 'max_steps'), undefined);
  assert.equal(fact(a, 'global_batch'), undefined);
});

test('mappings inside lists are read (a trainer job of processes); Hydra’s `defaults:` list is not', async () => {
  const job = `config:\n  process:\n    - type: trainer\n      train:\n        batch_size: 2\n        steps: 500\n        dtype: bf16\n        gradient_checkpointing: true\n`;
  const a = await one('job.yaml', job);
  assert.equal(fact(a, 'max_steps')?.value, 500);
  assert.equal(fact(a, 'micro_batch')?.value, 2);
  const hydraish = 'defaults:\n  - model: gpt2-xl\n  - _self_\nbatch_size: 8\nepochs: 3\nlr: 0.1\noptimizer: adam\n';
  const h = await one('cfg.yaml', hydraish);
  for (const r of [...h.runs, ...(h.linked ?? [])]) assert.notEqual(r.plan.facts.get('model')?.value, 'gpt2-xl');
});

test('a learning rate counts as a training setting, but a batch and a rate alone are not a run', async () => {
  assert.equal(fact(await one('m.yaml', 'epochs: 5\nbatch_size: 16\nlr: 0.01\n'), 'epochs')?.value, 5);
  assert.equal(runsOf(await one('m.yaml', 'batch_size: 16\nlr: 0.01\nseed: 1\n')), 0);
});

test('script arguments of a diffusers example are not TrainingArguments (no TrainingArguments defaults)', async () => {
  const args =
    'output_dir: out\nlearning_rate: 1e-4\ntrain_batch_size: 2\nmax_train_steps: 800\nmixed_precision: bf16\n';
  const a = await one('args.yaml', args);
  assert.equal(fact(a, 'micro_batch')?.value, 2);
  assert.equal(fact(a, 'max_steps')?.value, 800);
  assert.equal(fact(a, 'save_steps'), undefined, 'no save_steps: 500 from TrainingArguments');
  const hf = 'output_dir: out\nper_device_train_batch_size: 4\nnum_train_epochs: 2\nbf16: true\n';
  assert.match(theRun(await one('hf.yaml', hf)).plan.framework, /^hf/);
});

test('OpenRLHF flags: the micro-batch per GPU, the global batch, the length; `--save_steps -1` saves nothing', async () => {
  const sh = `deepspeed --num_gpus 4 --module openrlhf.cli.train_rm \\
   --pretrain org/base-7b \\
   --train_batch_size 128 \\
   --micro_train_batch_size 4 \\
   --max_len 4096 \\
   --max_epochs 2 \\
   --save_steps -1 \\
   --bf16
`;
  const a = await one('train_rm.sh', sh);
  assert.equal(theRun(a).plan.framework, 'openrlhf');
  assert.equal(fact(a, 'micro_batch')?.value, 4);
  assert.equal(fact(a, 'global_batch')?.value, 128);
  assert.equal(fact(a, 'grad_accum')?.value, 8);
  assert.equal(fact(a, 'seq_len')?.value, 4096);
  assert.equal(fact(a, 'periodic_save')?.value, 'no');
  // Elsewhere `--train_batch_size` stays a per-device batch (diffusers/accelerate scripts).
  const other = 'accelerate launch train.py --train_batch_size 16 --max_train_steps 100 --mixed_precision fp16\n';
  const b = await one('run.sh', other);
  for (const r of [...b.runs, ...(b.linked ?? [])]) assert.notEqual(r.plan.facts.get('global_batch')?.value, 16);
});
