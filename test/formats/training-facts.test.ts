// Per-run training facts read through the vocabulary and the script readers (issue 11, round 3): the optimizer a
// script builds in any library, values that reach a call through module-level names, a Keras generator's batch,
// sequence lengths by name, and configs whose checkpoint cadence, Hydra defaults or interpolated overrides need
// care. Every fixture is written here for this project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, theRun } from './helpers';

const loop = (body: string, head = '') => `import argparse
import torch
from torch import optim
${head}
parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=12)
parser.add_argument("--optimizer", type=str, default="adamw")
parser.add_argument("--use-lars", action="store_true")
args = parser.parse_args()
net = torch.nn.Linear(8, 2).cuda()
${body}
for epoch in range(args.epochs):
    for x, y in loader:
        loss = net(x).sum()
        loss.backward()
        opt.step()
`;

const py = async (text: string) => analyze({ 'train.py': text }, 'train.py');

test('the optimizer a PyTorch loop builds, in the spelling every reader shares', async () => {
  const sgd = await py(loop('opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)'));
  assert.deepEqual([fact(sgd, 'optimizer')?.value, fact(sgd, 'optimizer')?.origin], ['sgd', 'explicit']);
  const adamw = await py(loop('opt = optim.AdamW(net.parameters(), lr=3e-4)'));
  assert.equal(fact(adamw, 'optimizer')?.value, 'adamw');
  // apex's FusedAdam defaults to decoupled weight decay.
  const fused = await py(loop('opt = FusedAdam(net.parameters())', 'from apex.optimizers import FusedAdam'));
  assert.equal(fact(fused, 'optimizer')?.value, 'adamw');
});

test('an optimizer chosen by a flag follows the declared default; a branch the default run skips is left out', async () => {
  const chosen = await py(
    loop(`if args.optimizer == "sgd":
    opt = optim.SGD(net.parameters(), lr=0.1)
elif args.optimizer == "adamw":
    opt = optim.AdamW(net.parameters(), lr=1e-3)
else:
    raise ValueError(args.optimizer)`),
  );
  assert.deepEqual([fact(chosen, 'optimizer')?.value, fact(chosen, 'optimizer')?.origin], ['adamw', 'script-default']);
  // A store_true flag is off by default: the plain SGD runs, not the class the flag would pick.
  const flagged = await py(
    loop(
      `opt = optim.SGD(net.parameters(), lr=0.1)
if args.use_lars:
    opt = Lars(net.parameters())`,
      `class Lars(optim.Optimizer):
    pass`,
    ),
  );
  assert.equal(fact(flagged, 'optimizer')?.value, 'sgd');
  // The file's own Optimizer subclass, used unconditionally, is the optimizer.
  const own = await py(loop('opt = Lars(net.parameters())', 'class Lars(torch.optim.Optimizer):\n    pass'));
  assert.equal(fact(own, 'optimizer')?.value, 'lars');
});

test('two optimizers that disagree, with nothing to choose between them, give no optimizer', async () => {
  const gan = await py(
    loop(`opt = optim.Adam(net.parameters(), lr=2e-4)
opt_d = optim.SGD(net.parameters(), lr=0.01)`),
  );
  assert.equal(fact(gan, 'optimizer'), undefined);
  // Unknown choice (a flag without a default): nothing either.
  const open = await py(
    loop(`if args.opt_name == "sgd":
    opt = optim.SGD(net.parameters(), lr=0.1)
else:
    opt = optim.Adam(net.parameters())`),
  );
  assert.equal(fact(open, 'optimizer'), undefined);
});

test('an HF Trainer script: an optimizer the script builds counts only when the Trainer is given it', async () => {
  const script = (pass: boolean) => `import torch
from transformers import Trainer, TrainingArguments
args = TrainingArguments(output_dir="out", per_device_train_batch_size=4)
opt = torch.optim.SGD(model.parameters(), lr=0.01)
trainer = Trainer(model=model, args=args${pass ? ', optimizers=(opt, None)' : ''})
trainer.train()
`;
  const given = await py(script(true));
  assert.equal(fact(given, 'optimizer')?.value, 'sgd');
  const unused = await py(script(false));
  assert.notEqual(fact(unused, 'optimizer')?.value, 'sgd');
});

test('Keras: compile(optimizer="rmsprop"), an optimizer class wrapped by a factory, and a generator brings its batch', async () => {
  const keras = (compile: string, fit: string, head = '') => `import numpy as np
from tensorflow import keras
from tensorflow.keras.optimizers import Adam
${head}
maxlen = 200
batch_size = 24
model = keras.Sequential([keras.layers.Dense(2)])
model.compile(loss="mse", ${compile})
${fit}
`;
  const named = await py(keras('optimizer="rmsprop"', 'model.fit(x_train, y_train, epochs=3)'));
  assert.deepEqual(
    [fact(named, 'optimizer')?.value, fact(named, 'micro_batch')?.value, fact(named, 'seq_len')?.value],
    ['rmsprop', 32, 200],
  );
  const wrapped = await py(
    keras(
      'optimizer=WarmAdam(learning_rate=1e-4)',
      'gen = make_batches(train_rows, batch_size)\nmodel.fit(gen.forever(), steps_per_epoch=100, epochs=3)',
      'WarmAdam = with_warmup(Adam, name="WarmAdam")',
    ),
  );
  const mb = fact(wrapped, 'micro_batch');
  assert.deepEqual([fact(wrapped, 'optimizer')?.value, mb?.value, mb?.origin], ['adam', 24, 'inferred']);
  // A generator whose batch is not readable: no batch at all, never Keras' 32 for arrays.
  const unread = await py(keras('optimizer="adam"', 'gen = Loader(rows)\nmodel.fit(gen, epochs=3)'));
  assert.equal(fact(unread, 'micro_batch')?.value ?? null, null);
});

test('optax: an optimizer written as a chain of building blocks', async () => {
  const text = (chain: string) => `import jax
import optax
opt = optax.chain(${chain})
state = opt.init(params)
@jax.jit
def step(params, state, batch):
    grads = jax.grad(loss_fn)(params, batch)
    updates, state = opt.update(grads, state, params)
    return optax.apply_updates(params, updates), state
for i in range(1000):
    params, state = step(params, state, next(batches))
`;
  const adamw = await py(
    text('optax.clip_by_global_norm(1.0), optax.scale_by_adam(), optax.add_decayed_weights(0.1), optax.scale(-1e-3)'),
  );
  assert.equal(fact(adamw, 'optimizer')?.value, 'adamw');
  const sgd = await py(text('optax.trace(decay=0.9), optax.scale_by_schedule(sched), optax.scale(-1)'));
  assert.equal(fact(sgd, 'optimizer')?.value, 'sgd');
  const direct = await py(text('optax.clip_by_global_norm(1.0), optax.lion(1e-4)'));
  assert.equal(fact(direct, 'optimizer')?.value, 'lion');
});

test('values set once at module level reach the loop: EPOCHS = args.epochs, BATCH = args.batch_size', async () => {
  const a = await py(`import argparse
import torch
from torch.utils.data import DataLoader
p = argparse.ArgumentParser()
p.add_argument("--epochs", type=int, default=7)
p.add_argument("--batch_size", type=int, default=48)
args = p.parse_args()
EPOCHS = args.epochs
BATCH = args.batch_size
dl = DataLoader(ds, BATCH, shuffle=True)
opt = torch.optim.Adam(net.parameters())
for epoch in range(EPOCHS):
    for x in dl:
        net(x).sum().backward()
        opt.step()
`);
  assert.deepEqual([fact(a, 'epochs')?.value, fact(a, 'micro_batch')?.value], [7, 48]);
});

test('a sequence length by name only in text runs, and only when the names agree', async () => {
  const text = (consts: string) => `import torch
${consts}
opt = torch.optim.AdamW(model.parameters())
for batch in loader:
    model(batch).loss.backward()
    opt.step()
`;
  const one = await py(text('SEQ_LEN = 256'));
  assert.deepEqual([fact(one, 'seq_len')?.value, fact(one, 'seq_len')?.origin], [256, 'inferred']);
  const two = await py(text('max_len = 128\nmax_seq_length = 512'));
  assert.notEqual(fact(two, 'seq_len')?.origin, 'inferred');
  const image = await py(`import torch, torchvision
max_len = 100
model = torchvision.models.resnet50()
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for x, y in loader:
    model(x).sum().backward()
    opt.step()
`);
  assert.notEqual(fact(image, 'seq_len')?.origin, 'inferred');
});

test('configs: the most frequent checkpoint cadence; an evaluation batch is not the training batch; max_epoch counts', async () => {
  const cadence = await analyze(
    {
      'run.yaml': `trainer:
  max_steps: 20000
  precision: bf16
data:
  batch_size: 8
callbacks:
  best:
    every_n_train_steps: 250
  archive:
    every_n_train_steps: 10000
`,
    },
    'run.yaml',
  );
  assert.equal(fact(cadence, 'save_steps')?.value, 250);
  const blip = await analyze(
    {
      'caption.yaml': `batch_size: 24
init_lr: 2e-5
max_epoch: 6
evaluate:
  batch_size: 256
image_size: 384
max_length: 30
`,
    },
    'caption.yaml',
  );
  assert.deepEqual([fact(blip, 'micro_batch')?.value, fact(blip, 'epochs')?.value], [24, 6]);
  assert.equal(fact(blip, 'global_batch'), undefined);
});

test('a speech config: a frame filter called max_length is not a sequence length', async () => {
  const a = await analyze(
    {
      'train_asr.yaml': `dataset_conf:
  filter_conf:
    max_length: 20000
  fbank_conf:
    num_mel_bins: 80
  batch_conf:
    batch_size: 12
accum_grad: 2
max_epoch: 100
optim: adam
`,
    },
    'train_asr.yaml',
  );
  const f = theRun(a).plan.facts;
  assert.deepEqual(
    [f.get('micro_batch')?.value, f.get('grad_accum')?.value, f.get('optimizer')?.value, f.get('modality')?.value],
    [12, 2, 'adam', 'audio'],
  );
  assert.ok(!f.get('seq_len') || f.get('seq_len')?.origin === 'assumed');
});

test('Hydra: the optimizer group chosen in defaults, experiments merged from the config root, an interpolated override is unknown', async () => {
  const files = {
    'conf/optimizer/adamw-fused.yaml': '_target_: torch.optim.AdamW\n',
    'conf/experiment/lm/base.yaml': `# @package _global_
defaults:
  - override /optimizer: adamw-fused
trainer:
  devices: 4
  max_steps: 5000
  precision: bf16
data:
  batch_size: 8
  max_length: 2048
train:
  global_batch_size: 64
`,
    'conf/experiment/lm/large.yaml': `# @package _global_
defaults:
  - /experiment/lm/base.yaml
data:
  batch_size: \${eval:"4 if \${train.gpu_mem} < 40 else 8"}
`,
  };
  const base = await analyze(files, 'conf/experiment/lm/base.yaml');
  assert.deepEqual(
    [fact(base, 'optimizer')?.value, fact(base, 'grad_accum')?.value, fact(base, 'micro_batch')?.value],
    ['adamw', 2, 8],
  );
  const large = await analyze(files, 'conf/experiment/lm/large.yaml');
  const f = theRun(large).plan.facts;
  assert.deepEqual(
    [f.get('max_steps')?.value, f.get('seq_len')?.value, f.get('precision')?.value, f.get('optimizer')?.value],
    [5000, 2048, 'bf16', 'adamw'],
  );
  // Its batch depends on the GPU: neither the base's 8 nor 64 ÷ 4 devices.
  assert.equal(f.get('micro_batch')?.value ?? null, null);
});

test('a batch divided over the processes before the DataLoader is the global batch; per device it is unknown', async () => {
  const a = await py(`import argparse
import torch
import torch.distributed as dist
from torch.utils.data import DataLoader
p = argparse.ArgumentParser()
p.add_argument("--batch-size", type=int, default=1024)
args = p.parse_args()
world = dist.get_world_size()
per_gpu = args.batch_size // world
loader = DataLoader(ds, batch_size=per_gpu, num_workers=6)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for epoch in range(10):
    for x in loader:
        net(x).sum().backward()
        opt.step()
`);
  assert.deepEqual(
    [fact(a, 'global_batch')?.value, fact(a, 'micro_batch')?.value, fact(a, 'num_workers')?.value],
    [1024, null, 6],
  );
});

test('Keras 2 fit_generator(workers=n) is the number of data workers', async () => {
  const a = await py(`from keras.optimizers import SGD
model.compile(loss="mse", optimizer=SGD(0.01))
model.fit_generator(generator=gen, steps_per_epoch=50, epochs=4, workers=3)
`);
  assert.deepEqual(
    [fact(a, 'num_workers')?.value, fact(a, 'epochs')?.value, fact(a, 'optimizer')?.value],
    [3, 4, 'sgd'],
  );
});

test('an ml_collections config built on another module’s builder is read with that base', async () => {
  const files = {
    'configs/base_cfg.py': `import ml_collections

def get_base_config():
  config = ml_collections.ConfigDict()
  config.training = training = ml_collections.ConfigDict()
  training.batch_size = 64
  training.n_iters = 200000
  training.snapshot_freq = 5000
  config.optim = optim = ml_collections.ConfigDict()
  optim.optimizer = 'AdamW'
  optim.lr = 1e-4
  return config
`,
    'configs/exp/large.py': `from configs.base_cfg import get_base_config

def get_config():
  config = get_base_config()
  config.training.n_iters = 400000
  return config
`,
  };
  const a = await analyze(files, 'configs/exp/large.py');
  const f = theRun(a).plan.facts;
  assert.deepEqual(
    [f.get('max_steps')?.value, f.get('save_steps')?.value, f.get('optimizer')?.value],
    [400000, 5000, 'adamw'],
  );
});

test('a batch option rescaled in place per process (`args.batch_size = int(args.batch_size / args.world_size)`) is the global batch', async () => {
  const a = await py(`import argparse
import torch
p = argparse.ArgumentParser()
p.add_argument("--batch-size", type=int, default=2048)
p.add_argument("--world-size", type=int, default=-1)
args = p.parse_args()
args.batch_size = int(args.batch_size / args.world_size)
loader = torch.utils.data.DataLoader(ds, batch_size=args.batch_size, num_workers=8)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for epoch in range(5):
    for x in loader:
        net(x).sum().backward()
        opt.step()
`);
  assert.deepEqual([fact(a, 'global_batch')?.value, fact(a, 'micro_batch')?.value], [2048, null]);
});

test('a BasicSR option file alone is a run: per-GPU loader, iterations, the generator optimizer, checkpoint cadence', async () => {
  const a = await analyze(
    {
      'options/train_sr.yml': `name: sr_x4
model_type: SRModel
num_gpu: 2
datasets:
  train:
    name: pairs
    gt_size: 192
    num_worker_per_gpu: 3
    batch_size_per_gpu: 8
  val:
    name: holdout
    batch_size_per_gpu: 1
train:
  optim_g:
    type: AdamW
    lr: !!float 2e-4
  optim_d:
    type: Adam
    lr: !!float 1e-4
  total_iter: 250000
logger:
  save_checkpoint_freq: !!float 1e4
`,
    },
    'options/train_sr.yml',
  );
  const f = theRun(a).plan.facts;
  assert.deepEqual(
    ['micro_batch', 'num_workers', 'optimizer', 'max_steps', 'save_steps'].map((k) => f.get(k as never)?.value),
    [8, 3, 'adamw', 250000, 10000],
  );
  assert.ok(!f.get('seq_len') || f.get('seq_len')?.origin === 'assumed');
});

test('AMP behind a store_true flag (`GradScaler(enabled=args.amp)`) is fp32 unless the flag is given', async () => {
  const a = await py(`import argparse
import torch
p = argparse.ArgumentParser()
p.add_argument("--amp", action="store_true")
args = p.parse_args()
scaler = torch.cuda.amp.GradScaler(enabled=args.amp)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for x in loader:
    with torch.cuda.amp.autocast(enabled=args.amp):
        loss = net(x).sum()
    scaler.scale(loss).backward()
    scaler.step(opt)
`);
  assert.deepEqual([fact(a, 'precision')?.value, fact(a, 'precision')?.origin], ['fp32', 'script-default']);
  const on = await py(`import torch
scaler = torch.cuda.amp.GradScaler()
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for x in loader:
    loss = net(x).sum()
    scaler.scale(loss).backward()
    scaler.step(opt)
`);
  assert.equal(fact(on, 'precision')?.value, 'fp16');
});

test('an epoch loop behind a progress bar (`tqdm(range(n))`, `trange(n)`) still counts its epochs', async () => {
  const run = (head: string, loop: string) =>
    py(`import torch
${head}
N_EPOCHS = 14
opt = torch.optim.Adam(net.parameters())
${loop}
    for x in loader:
        net(x).sum().backward()
        opt.step()
`);
  const bar = await run('from tqdm import tqdm', 'for epoch in tqdm(range(N_EPOCHS), desc="epochs"):');
  const tr = await run('from tqdm import trange', 'for epoch in trange(N_EPOCHS):');
  const counted = await run('', 'for i, epoch in enumerate(range(N_EPOCHS)):');
  assert.deepEqual(
    [bar, tr, counted].map((a) => fact(a, 'epochs')?.value),
    [14, 14, 14],
  );
});

test('absl flags declare defaults like argparse: FLAGS.epochs and a flag holder’s .value', async () => {
  const a = await py(`from absl import app, flags
import torch
FLAGS = flags.FLAGS
flags.DEFINE_integer("epochs", 6, "passes over the data")
_BATCH = flags.DEFINE_integer("batch", 96, "per-step batch")

def main(argv):
    loader = torch.utils.data.DataLoader(ds, batch_size=_BATCH.value, num_workers=2)
    opt = torch.optim.Adam(net.parameters())
    for epoch in range(FLAGS.epochs):
        for x in loader:
            net(x).sum().backward()
            opt.step()

app.run(main)
`);
  assert.deepEqual(
    [fact(a, 'epochs')?.value, fact(a, 'micro_batch')?.value, fact(a, 'micro_batch')?.origin],
    [6, 96, 'script-default'],
  );
});

test('DeepSpeed: train_batch_size is the global batch, optimizer.type the optimizer ("Adam" runs in AdamW mode)', async () => {
  const a = await analyze(
    {
      'ds.json': `{
  "train_batch_size": 512,
  "train_micro_batch_size_per_gpu": 16,
  "gradient_accumulation_steps": 4,
  "optimizer": { "type": "Adam", "params": { "lr": 3e-4 } },
  "bf16": { "enabled": true }
}`,
    },
    'ds.json',
  );
  assert.deepEqual(
    [fact(a, 'global_batch')?.value, fact(a, 'devices')?.value, fact(a, 'optimizer')?.value],
    [512, 8, 'adamw'],
  );
  const lamb = await analyze(
    { 'ds.json': '{"train_micro_batch_size_per_gpu": 8, "optimizer": {"type": "Lamb"}, "fp16": {"enabled": true}}' },
    'ds.json',
  );
  assert.deepEqual([fact(lamb, 'optimizer')?.value, fact(lamb, 'global_batch')], ['lamb', undefined]);
});

test('the global batch when the files close the arithmetic (micro × accumulation × data-parallel devices), never from assumed devices', async () => {
  const launcher = `torchrun --nproc_per_node 4 --nnodes 2 finetune.py \\
  --per_device_train_batch_size 2 \\
  --gradient_accumulation_steps 8 \\
  --num_train_epochs 1
`;
  const a = await analyze({ 'run.sh': launcher }, 'run.sh');
  assert.deepEqual([fact(a, 'devices')?.value, fact(a, 'global_batch')?.value], [8, 128]);
  // The same flags without a device count: the global batch depends on the machine.
  const alone = await analyze(
    { 'run.sh': launcher.replace('torchrun --nproc_per_node 4 --nnodes 2', 'python') },
    'run.sh',
  );
  assert.equal(fact(alone, 'global_batch'), undefined);
  // Tensor and pipeline parallel ranks hold one model replica between them.
  const mp = await analyze(
    {
      'pretrain.yaml': `trainer:
  devices: 8
  max_steps: 1000
model:
  micro_batch_size: 2
  tensor_model_parallel_size: 2
  pipeline_model_parallel_size: 2
  gradient_accumulation_steps: 4
`,
    },
    'pretrain.yaml',
  );
  assert.equal(fact(mp, 'global_batch')?.value, 16);
});

test('Keras compile("adam", …): the optimizer passed first, by position', async () => {
  const a = await py(`from tensorflow import keras
model = keras.Sequential([keras.layers.Dense(1)])
model.compile("adagrad", loss="mse")
model.fit(x_train, y_train, batch_size=16, epochs=2)
`);
  assert.equal(fact(a, 'optimizer')?.value, 'adagrad');
  // A regular expression compiled in the same file is not an optimizer.
  const re = await py(`import re
from tensorflow import keras
PAT = re.compile("adam")
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(loss="mse", optimizer=keras.optimizers.SGD(0.1))
model.fit(x_train, y_train, epochs=2)
`);
  assert.equal(fact(re, 'optimizer')?.value, 'sgd');
});

test('a CPU run (use_cpu=True) gets no GPU estimate: footprint unknown, saying it is a CPU, and no unknown-GPU message', async () => {
  const script = `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
model = AutoModelForCausalLM.from_pretrained("openai-community/gpt2")
args = TrainingArguments(output_dir="o", use_cpu=True, max_steps=1000, per_device_train_batch_size=8)
Trainer(model=model, args=args).train()
`;
  const a = await analyze({ 'train.py': script }, 'train.py');
  const run = theRun(a);
  assert.equal(run.plan.facts.get('hardware')?.value, 'cpu');
  assert.equal(run.estimate.method, 'insufficient-inputs');
  assert.ok(
    run.estimate.warnings.some((w) => /is a CPU/.test(w)),
    JSON.stringify(run.estimate.warnings),
  );
  assert.ok(!a.messages.some((m) => /Unknown accelerator/.test(m)), a.messages.join('; '));
  assert.deepEqual(a.findings, []);
});
