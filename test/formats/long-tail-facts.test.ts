// Facts of the long tail that used to come back unread (issue 11): values a config names through a YAML alias or an
// OmegaConf interpolation, zero loader workers, optimizers under a framework's registry name, the documented defaults
// of frameworks recognised from content (Megatron-LM, mmengine, MMF, CoreNet, Hugging Face flags in a launcher), and
// builder-style Python configs. Fixtures are written here for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, theRun } from './helpers';

const one = async (name: string, text: string) => analyze({ [name]: text }, name, { hardware: 'a100' });

test('a YAML alias reads as its anchor’s value, and whole-value interpolations of keys in the file resolve', async () => {
  const yaml = `ctx: &ctx 1024
trainer:
  devices: 4
  precision: bf16
  max_steps: \${.loop.max_steps}
  loop:
    every: 250
    max_steps: 6000
    save_interval: \${.every}
model:
  seq_length: *ctx
  micro_batch_size: \${.data.mbs}
  global_batch_size: \${model.data.gbs}
  data:
    mbs: 2
    gbs: 64
    num_workers: \${oc.env:WORKERS}
exp_manager:
  name: demo
`;
  const a = await one('run.yaml', yaml);
  assert.equal(fact(a, 'seq_len')?.value, 1024);
  assert.equal(fact(a, 'max_steps')?.value, 6000);
  assert.equal(fact(a, 'save_steps')?.value, 250, 'relative `${.every}` is the sibling key');
  assert.equal(fact(a, 'micro_batch')?.value, 2);
  assert.equal(fact(a, 'global_batch')?.value, 64);
  assert.equal(fact(a, 'num_workers'), undefined, 'a resolver call (`oc.env`) stays unread');
  // An interpolation of a key the file does not write stays unread.
  const b = await one('run.yaml', yaml.replace('    gbs: 64\n', ''));
  assert.equal(fact(b, 'global_batch'), undefined);
});

test('zero loader workers is a value (loading in the training process), not a missing one', async () => {
  const a = await one('train.yaml', 'batch_size: 32\nepochs: 10\nlr: 0.1\noptimizer: sgd\nnum_workers: 0\n');
  assert.equal(fact(a, 'num_workers')?.value, 0);
  const b = await one('train.yaml', 'batch_size: 32\nepochs: 10\nlr: 0.1\noptimizer: sgd\nnum_workers: -1\n');
  assert.equal(fact(b, 'num_workers'), undefined, '-1 (all CPUs) is not a count');
});

test('optimizers under a framework’s registry name read as the algorithm', async () => {
  const cfg = (name: string) => `global_train_batch_size: 256
device_train_microbatch_size: 16
max_seq_len: 512
max_duration: 1000ba
optimizer:
  name: ${name}
  lr: 1.0e-4
`;
  const want: Record<string, string> = {
    decoupled_adamw: 'adamw',
    adam_w: 'adamw',
    distributed_fused_adam: 'adamw',
    momentum: 'sgd',
    scale_by_adam: 'adam',
    adamw_torch_fused: 'adamw_torch_fused',
  };
  for (const [name, value] of Object.entries(want))
    assert.equal(fact(await one('c.yaml', cfg(name)), 'optimizer')?.value, value, name);
});

test('a Megatron-LM launcher gets the documented optimizer and loader defaults, and GPT-2’s vocabulary from its BPE file', async () => {
  const sh = (extra = '') => `#!/bin/bash
torchrun --nproc_per_node 1 pretrain_gpt.py \\
  --num-layers 12 --hidden-size 768 --num-attention-heads 12 \\
  --micro-batch-size 8 --global-batch-size 64 --seq-length 1024 \\
  --train-iters 20000 --vocab-file data/gpt2-vocab.json --merge-file data/gpt2-merges.txt \\
  --bf16${extra}
`;
  const a = await one('launch.sh', sh());
  assert.equal(theRun(a).plan.framework, 'megatron');
  assert.equal(fact(a, 'optimizer')?.value, 'adamw');
  assert.equal(fact(a, 'optimizer')?.origin, 'framework-default');
  assert.equal(fact(a, 'num_workers')?.value, 2);
  // 12 × 12 · 768² + 50,257 × 768 ≈ 123.5 M (GPT-2 small is 124 M).
  const p = fact(a, 'params')?.value as number;
  assert.ok(Math.abs(p / 124e6 - 1) < 0.02, `params ${p}`);
  const b = await one('launch.sh', sh(' --optimizer sgd --num-workers 6'));
  assert.equal(fact(b, 'optimizer')?.value, 'sgd');
  assert.equal(fact(b, 'num_workers')?.value, 6);
  // Another tokenizer's files say nothing about the vocabulary: embeddings are left out, as before.
  const c = await one('launch.sh', sh().replace('data/gpt2-vocab.json', 'data/my-vocab.json'));
  assert.ok((fact(c, 'params')?.value as number) < 90e6);
});

const MM_BASE = `train_dataloader = dict(batch_size=8, num_workers=4, dataset=dict(type='D'))
optim_wrapper = dict(type='OptimWrapper', optimizer=dict(type='SGD', lr=0.01))
train_cfg = dict(type='EpochBasedTrainLoop', max_epochs=24)
default_hooks = dict(checkpoint=dict(type='CheckpointHook', interval=4))
`;

test('mmengine: accumulation defaults to 1 unless the optimizer wrapper accumulates; `_base_.x = v` edits the base', async () => {
  const child = `_base_ = ['./base.py']
_base_.train_dataloader.num_workers = 12
`;
  let a = await analyze({ 'base.py': MM_BASE, 'child.py': child }, 'child.py');
  assert.equal(fact(a, 'grad_accum')?.value, 1);
  assert.equal(fact(a, 'grad_accum')?.origin, 'framework-default');
  assert.equal(fact(a, 'num_workers')?.value, 12);
  assert.equal(fact(a, 'micro_batch')?.value, 8);
  a = await analyze(
    { 'base.py': MM_BASE, 'child.py': `${child}optim_wrapper = dict(accumulative_counts=4)\n` },
    'child.py',
  );
  assert.equal(fact(a, 'grad_accum')?.value, 4);
});

test('MMF: `training.batch_size` is the global batch, updates are steps, and defaults.yaml fills the rest', async () => {
  const yaml = `includes:
- configs/datasets/memes/bert.yaml
optimizer:
  type: adam_w
  params:
    lr: 5.0e-5
training:
  batch_size: 48
  max_updates: 12000
`;
  const a = await one('defaults.yaml', yaml);
  assert.equal(theRun(a).plan.framework, 'mmf');
  assert.equal(fact(a, 'global_batch')?.value, 48);
  assert.equal(fact(a, 'micro_batch'), undefined, 'not also a per-device batch');
  assert.equal(fact(a, 'max_steps')?.value, 12000);
  assert.equal(fact(a, 'optimizer')?.value, 'adamw');
  assert.equal(fact(a, 'num_workers')?.value, 4);
  assert.equal(fact(a, 'grad_accum')?.value, 1);
  assert.equal(fact(a, 'save_steps')?.value, 1000);
  assert.equal(fact(a, 'precision')?.value, 'fp32');
  const b = await one(
    'defaults.yaml',
    yaml.replace('  max_updates: 12000\n', '  max_updates: 12000\n  fp16: true\n  checkpoint_interval: 500\n'),
  );
  assert.equal(fact(b, 'precision')?.value, 'fp16');
  assert.equal(fact(b, 'save_steps')?.value, 500);
});

test('CoreNet: per-GPU batch, iterations between checkpoints, a model name stating its size, modality from the task', async () => {
  const lm = `common:
  run_label: train
  save_interval_freq: 2000
  mixed_precision: true
  mixed_precision_dtype: bfloat16
dataset:
  category: language_modeling
  train_batch_size0: 12
  workers: 6
  language_modeling:
    sequence_length: 1024
optim:
  name: adamw
scheduler:
  max_iterations: 90000
model:
  language_modeling:
    general_gpt:
      model_name: TinyDecoder-270M
`;
  const a = await one('lm.yaml', lm);
  assert.equal(theRun(a).plan.framework, 'corenet');
  assert.equal(fact(a, 'micro_batch')?.value, 12);
  assert.equal(fact(a, 'save_steps')?.value, 2000);
  assert.equal(fact(a, 'grad_accum')?.value, 1);
  assert.equal(fact(a, 'precision')?.value, 'bf16');
  assert.equal(fact(a, 'model')?.value, 'TinyDecoder-270M');
  assert.equal(fact(a, 'params')?.value, 270e6);
  const vision = lm
    .replace('language_modeling\n', 'classification\n')
    .replace(/ {2}language_modeling:\n {4}sequence_length: 1024\n/, '')
    .replace('  mixed_precision_dtype: bfloat16\n', '');
  const b = await one('vit.yaml', vision);
  assert.equal(fact(b, 'modality')?.value, 'vision');
  assert.equal(fact(b, 'seq_len'), undefined);
  assert.equal(fact(b, 'precision')?.value, 'fp16', 'mixed precision on, dtype left at its float16 default');
});

test('a launcher of a Hugging Face script outside the tree: accumulation 1 and no loader workers by default', async () => {
  const sh = `#!/bin/bash
torchrun --nproc_per_node 2 -m somepkg.finetune \\
  --model_name_or_path org/encoder-base \\
  --output_dir ./out --num_train_epochs 2 --per_device_train_batch_size 16 --learning_rate 2e-5 --bf16
`;
  const a = await one('finetune.sh', sh);
  assert.equal(fact(a, 'grad_accum')?.value, 1);
  assert.equal(fact(a, 'grad_accum')?.origin, 'framework-default');
  assert.equal(fact(a, 'num_workers')?.value, 0);
  assert.equal(fact(a, 'micro_batch')?.origin, 'inferred', 'the flags are still read through the vocabulary');
  const b = await one('finetune.sh', sh.replace('--bf16', '--bf16 --gradient_accumulation_steps 8'));
  assert.equal(fact(b, 'grad_accum')?.value, 8);
});

test('a config builder’s `x if flag else y` takes the branch of the flag’s false default', async () => {
  const py = (def: string) => `import ml_collections

def get_config(runlocal=${def}):
  config = ml_collections.ConfigDict()
  config.batch_size = 8 if runlocal else 1024
  config.num_training_epochs = 300
  config.model_dtype_str = 'float32'
  config.optimizer = 'momentum'
  config.lr = 0.1
  return config
`;
  const a = await one('cfg.py', py("''"));
  assert.equal(fact(a, 'global_batch')?.value, 1024);
  assert.equal(fact(a, 'epochs')?.value, 300);
  assert.equal(fact(a, 'precision')?.value, 'fp32');
  assert.equal(fact(a, 'optimizer')?.value, 'sgd');
  const b = await one('cfg.py', py('True'));
  assert.equal(fact(b, 'global_batch'), undefined, 'a true default: the value is the other branch’s, unread');
});

test('LoRA over NF4-quantized weights in an OpenNMT-py config is QLoRA', async () => {
  const yaml = `save_model: out/lm
train_steps: 2000
batch_type: sents
batch_size: 4
model_dtype: fp16
lora_rank: 8
quant_type: bnb_NF4
`;
  assert.equal(fact(await one('ft.yaml', yaml), 'peft')?.value, 'qlora');
  assert.equal(fact(await one('ft.yaml', yaml.replace('quant_type: bnb_NF4\n', '')), 'peft')?.value, 'lora');
});

test('detectron2 and timm configs step the optimizer every batch unless they say otherwise', async () => {
  const d2 = `SOLVER:
  IMS_PER_BATCH: 32
  MAX_ITER: 90000
MODEL:
  WEIGHTS: detectron2://ImageNetPretrained/MSRA/R-50.pkl
`;
  const a = await one('faster_rcnn.yaml', d2);
  assert.equal(fact(a, 'grad_accum')?.value, 1);
  assert.equal(fact(a, 'grad_accum')?.origin, 'framework-default');
  const timm = `model: resnet50
batch_size: 128
epochs: 100
aa: rand-m9-mstd0.5
smoothing: 0.1
grad_accum_steps: 2
`;
  assert.equal(fact(await one('args.yaml', timm), 'grad_accum')?.value, 2);
  assert.equal(fact(await one('args.yaml', timm.replace('grad_accum_steps: 2\n', '')), 'grad_accum')?.value, 1);
});

test('a GPT-Neo mesh config: the batch is the whole mesh’s, n_ctx the trained context, fp32 unless it says otherwise', async () => {
  const json = (extra = '') => `{
  "n_head": 8, "n_vocab": 50257, "n_embd": 512, "n_layer": 8, "n_ctx": 512,
  "opt_name": "adam", "lr": 0.0003, "train_batch_size": 256, "train_steps": 40000,
  "mesh_shape": "all:8", "layout": "batch:all", "recompute_grad": true${extra}
}`;
  const a = await one('neo.json', json());
  assert.equal(theRun(a).plan.framework, 'gpt-neo');
  assert.equal(fact(a, 'global_batch')?.value, 256);
  assert.equal(fact(a, 'micro_batch'), undefined);
  assert.equal(fact(a, 'seq_len')?.value, 512);
  assert.equal(fact(a, 'optimizer')?.value, 'adam');
  assert.equal(fact(a, 'grad_checkpointing')?.value, true);
  assert.equal(fact(a, 'precision')?.value, 'fp32');
  assert.equal(fact(a, 'precision')?.origin, 'framework-default');
  assert.equal(fact(await one('neo.json', json(', "precision": "bfloat16"')), 'precision')?.value, 'bf16');
  // Outside such a config, `n_ctx` (a Hugging Face GPT-2 config's position table) is no training length.
  const hf = await one(
    'train.json',
    '{"n_ctx": 1024, "per_device_train_batch_size": 8, "num_train_epochs": 3, "learning_rate": 5e-5, "optim": "adamw_torch"}',
  );
  assert.notEqual(fact(hf, 'seq_len')?.value, 1024);
});

test('a research launcher’s `--save_ckpt_step N` is a checkpoint every N steps', async () => {
  const sh = `torchrun --nproc_per_node 4 train_vae.py --batch_size 2 --epochs 10 --lr 1e-4 --save_ckpt_step 2500\n`;
  const a = await one('train_vae.sh', sh);
  assert.equal(fact(a, 'save_steps')?.value, 2500);
  assert.equal(fact(a, 'periodic_save')?.value, 'steps');
});

test('a trainer config’s `zero_stage` is the ZeRO stage, 0 included; an out-of-range number is not', async () => {
  const yaml = (stage: string) =>
    `micro_batch_size: 4\nmax_steps: 1000\nlearning_rate: 1.0e-4\noptimizer: adamw\nzero_stage: ${stage}\n`;
  assert.equal(fact(await one('t.yaml', yaml('2')), 'zero_stage')?.value, 2);
  assert.equal(fact(await one('t.yaml', yaml('0')), 'zero_stage')?.value, 0);
  assert.equal(fact(await one('t.yaml', yaml('7')), 'zero_stage'), undefined);
});

test('4-bit loading under `if qlora:` of a function parameter is the caller’s choice: no QLoRA claim', async () => {
  const py = (guard: boolean) => `import transformers
from transformers import AutoModelForCausalLM, BitsAndBytesConfig, Trainer, TrainingArguments


def load(path, qlora=False):
${
  guard
    ? `    if qlora:
        model = AutoModelForCausalLM.from_pretrained(path, quantization_config=BitsAndBytesConfig(load_in_4bit=True))
    else:
        model = AutoModelForCausalLM.from_pretrained(path)`
    : `    model = AutoModelForCausalLM.from_pretrained(path, quantization_config=BitsAndBytesConfig(load_in_4bit=True))`
}
    return model


model = load("org/small-lm")
args = TrainingArguments(output_dir="out", per_device_train_batch_size=4, bf16=True)
Trainer(model=model, args=args).train()
`;
  assert.notEqual(fact(await one('ft.py', py(true)), 'peft')?.value, 'qlora');
  assert.equal(fact(await one('ft.py', py(false)), 'peft')?.value, 'qlora');
});

test('a LLaMA-Factory config without `optim` trains with TrainingArguments’ AdamW', async () => {
  const yaml = `model_name_or_path: org/small-lm
stage: sft
do_train: true
finetuning_type: full
dataset: alpaca_en
template: default
per_device_train_batch_size: 2
num_train_epochs: 1.0
bf16: true
output_dir: out
`;
  const a = await one('sft.yaml', yaml);
  assert.equal(fact(a, 'optimizer')?.value, 'adamw_torch');
  assert.equal(fact(a, 'optimizer')?.origin, 'framework-default');
  assert.equal(fact(await one('sft.yaml', `${yaml}optim: adafactor\n`), 'optimizer')?.value, 'adafactor');
});

test('Megatron `--swiglu` makes the MLP gated in the size from architecture flags', async () => {
  const sh = (extra: string) =>
    `torchrun --nproc_per_node 8 pretrain_llama.py --num-layers 32 --hidden-size 4096 --num-attention-heads 32 --ffn-hidden-size 11008 --micro-batch-size 4 --global-batch-size 256 --train-iters 1000 --seq-length 4096 --bf16${extra}\n`;
  const gated = fact(await one('run.sh', sh(' --swiglu')), 'params')?.value as number;
  const plain = fact(await one('run.sh', sh('')), 'params')?.value as number;
  // 32 × (4·4096² + 3·4096·11008) ≈ 6.48 B with the gate; 2·4096·11008 per layer without it ≈ 5.03 B.
  assert.ok(Math.abs(gated / 6.48e9 - 1) < 0.01, `gated ${gated}`);
  assert.ok(Math.abs(plain / 5.03e9 - 1) < 0.01, `plain ${plain}`);
});

test('an mmengine checkpoint hook with `by_epoch=False` saves every N iterations, otherwise every N epochs', async () => {
  const cfg = (byEpoch: string) => `train_dataloader = dict(batch_size=16, num_workers=4)
optim_wrapper = dict(type='OptimWrapper', optimizer=dict(type='Adam', lr=1e-4))
train_cfg = dict(type='IterBasedTrainLoop', max_iters=300000)
default_hooks = dict(checkpoint=dict(type='CheckpointHook', interval=5000${byEpoch}))
`;
  const a = await one('sr.py', cfg(', by_epoch=False'));
  assert.equal(fact(a, 'save_steps')?.value, 5000);
  assert.equal(fact(a, 'periodic_save')?.value, 'steps');
  const b = await one('sr.py', cfg(''));
  assert.equal(fact(b, 'periodic_save')?.value, 'epoch');
  assert.equal(fact(b, 'save_steps'), undefined);
});

test('click options declare script defaults like argparse; the optimizer the script builds is read too', async () => {
  const py = `import click
import torch


@click.command()
@click.option('--batch-size', help='Images per GPU', type=int, default=64)
@click.option('--epochs', type=int, default=40)
@click.option('--lr', type=float, default=3e-4)
@click.option('--workers', type=int, default=6)
@click.option('--amp', help='Mixed precision', is_flag=True)
def main(batch_size, epochs, lr, workers, amp):
    model = build()
    opt = torch.optim.AdamW(model.parameters(), lr=lr)
    for epoch in range(epochs):
        step(model, opt, batch_size, workers, amp)


if __name__ == '__main__':
    main()
`;
  const a = await one('train.py', py);
  assert.equal(fact(a, 'micro_batch')?.value, 64);
  assert.equal(fact(a, 'micro_batch')?.origin, 'inferred');
  assert.equal(fact(a, 'epochs')?.value, 40);
  assert.equal(fact(a, 'num_workers')?.value, 6);
  assert.equal(fact(a, 'optimizer')?.value, 'adamw');
  assert.equal(fact(a, 'precision')?.value, 'fp32', 'an `--amp` flag off by default');
});

test('a Composer YAML that leaves `save_folder` empty writes no checkpoint, whatever `save_interval` says', async () => {
  const yaml = (folder: string) => `max_duration: 90ep
device_train_microbatch_size: auto
train_dataset:
  batch_size: 256
optimizer:
  lr: 0.4
save_folder: ${folder}
save_interval: 5ep
`;
  const a = await one('r.yaml', yaml(''));
  assert.equal(fact(a, 'periodic_save')?.value, 'no');
  assert.equal(fact(a, 'save_steps'), undefined);
  assert.equal(fact(await one('r.yaml', yaml('./ckpt')), 'periodic_save')?.value, 'epoch');
});

test('settings read from the environment with a default take that default; without one they stay unread', async () => {
  const py = `import os
from ultralytics import YOLO

EPOCHS = int(os.environ.get("EPOCHS", "50"))
BATCH = int(os.getenv("BATCH", 16))
WORKERS = int(os.environ["WORKERS"])

model = YOLO("yolov8n.pt")
model.train(data="coco128.yaml", epochs=EPOCHS, batch=BATCH, workers=WORKERS, imgsz=640)
`;
  const a = await one('train.py', py);
  assert.equal(fact(a, 'epochs')?.value, 50);
  // The environment's default batch 16, accumulated round(nbs 64 / 16) = 4 times by Ultralytics.
  assert.equal(fact(a, 'micro_batch')?.value, 16);
  assert.equal(fact(a, 'grad_accum')?.value, 4);
  assert.notEqual(fact(a, 'num_workers')?.origin, 'explicit', 'no default: the environment decides');
});
