// Checkpoint cadence and run length read from the code (issues 11 and 12): a save behind a switch that is off by
// default, an option with no default, a step interval the run never reaches, a per-epoch framework default, a
// training loop of any library that saves nothing, a step budget that breaks a loop over the data. Fixtures written
// for these tests.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyze, codes, fact, launchedFact, lineOf } from './helpers';

const keep = <T>(x: T | undefined): T => {
  assert.ok(x !== undefined);
  return x;
};

const GAN = `import argparse
import torch
parser = argparse.ArgumentParser()
parser.add_argument("--n_epochs", type=int, default=200, help="number of epochs of training")
parser.add_argument("--checkpoint_interval", type=int, default=-1, help="interval between model checkpoints")
opt = parser.parse_args()
G = torch.nn.Linear(10, 10).cuda()
optim = torch.optim.Adam(G.parameters())
for epoch in range(opt.n_epochs):
    for i, batch in enumerate(loader):
        loss = G(batch).mean()
        loss.backward()
        optim.step()
    if opt.checkpoint_interval != -1 and epoch % opt.checkpoint_interval == 0:
        torch.save(G.state_dict(), "saved_models/G_%d.pth" % epoch)
`;

test('an epoch-loop save under `interval != -1` with default -1 saves nothing by default, shown on the default', async () => {
  const a = await analyze({ 'gan.py': GAN }, 'gan.py');
  const save = keep(fact(a, 'periodic_save'));
  assert.equal(save.value, 'no');
  assert.equal(save.origin, 'script-default');
  assert.match(save.note ?? '', /--checkpoint_interval is given/);
  assert.equal(lineOf(GAN, keep(save.span).start), 5);
  assert.equal(fact(a, 'epochs')?.value, 200);
  // 200 epochs written and nothing saved: GML301 speaks (information: the length is not estimated).
  const f = a.findings.filter((x) => x.code === 'GML301');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /200 epochs/);
});

test('the same switch on by its default (an interval of 10) is a periodic save, and GML301 is silent', async () => {
  const code = GAN.replace('default=-1, help="interval', 'default=10, help="interval');
  const a = await analyze({ 'gan.py': code }, 'gan.py');
  assert.notEqual(fact(a, 'periodic_save')?.value, 'no');
  assert.ok(!codes(a).includes('GML301'));
});

const STEPS = `import argparse
import torch
parser = argparse.ArgumentParser()
parser.add_argument("--num_epochs", type=int, default=3)
parser.add_argument("--checkpointing_steps", type=int, help="save every N steps")
args = parser.parse_args()
model = torch.nn.Linear(10, 2).cuda()
opt = torch.optim.AdamW(model.parameters())
step = 0
for epoch in range(args.num_epochs):
    for batch in loader:
        loss = model(batch).sum()
        loss.backward()
        opt.step()
        step += 1
        if args.checkpointing_steps and step % args.checkpointing_steps == 0:
            torch.save(model.state_dict(), f"step_{step}.pt")
`;

test('an option declared without default= is None: the save it guards is off unless the flag is given', async () => {
  const a = await analyze({ 'train.py': STEPS }, 'train.py');
  const save = keep(fact(a, 'periodic_save'));
  assert.equal(save.value, 'no');
  assert.match(save.note ?? '', /--checkpointing_steps is given/);
});

test('a launcher that gives that flag turns the save on: no longer "no" (cadence not claimed)', async () => {
  const a = await analyze({ 'train.py': STEPS, 'run.sh': 'python train.py --checkpointing_steps 500\n' }, 'train.py');
  // The script alone keeps its own default (no save); the run as run.sh launches it (a linked run, which the rules
  // judge) saves, so GML301 stays silent (engine/link.ts `linkFile`).
  assert.equal(fact(a, 'periodic_save')?.value, 'no');
  const save = launchedFact(a, 'periodic_save');
  assert.notEqual(save?.value, 'no');
  assert.ok(!codes(a).includes('GML301'));
});

test('a required option is never taken as None', async () => {
  const code = STEPS.replace('type=int, help="save every N steps"', 'type=int, required=True');
  const a = await analyze({ 'train.py': code }, 'train.py');
  assert.notEqual(fact(a, 'periodic_save')?.value, 'no');
});

const hf = (args: string) => `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B")
args = TrainingArguments(output_dir="o", bf16=True, per_device_train_batch_size=8, gradient_accumulation_steps=8, ${args})
Trainer(model=model, args=args, train_dataset=ds).train()
`;

test('save_steps past max_steps: periodic_save "no" (past-run) carries the interval, the plan reports no save_steps; GML303 names it on the argument, not GML301', async () => {
  const code = hf('max_steps=3000, save_steps=5000');
  const a = await analyze({ 'sft.py': code }, 'sft.py', { hardware: 'h100' });
  const save = keep(fact(a, 'periodic_save'));
  assert.equal(save.value, 'no');
  assert.equal(save.form, 'past-run');
  // The interval is no cadence of this run: not a save_steps of the plan, but kept (as written) on periodic_save.
  assert.equal(fact(a, 'save_steps'), undefined);
  assert.equal(save.interval?.value, 5000);
  assert.equal(fact(a, 'max_steps')?.value, 3000);
  assert.ok(codes(a).includes('GML303'));
  assert.ok(!codes(a).includes('GML301'));
  // On the interval as written, which the fix replaces.
  const f = keep(a.findings.find((x) => x.code === 'GML303'));
  assert.equal(code.slice(f.span.start, f.span.end), 'save_steps=5000');
});

test('a script default interval past the steps its launcher gives (diffusers-style --checkpointing_steps 500 under --max_train_steps 200): no save_steps; under 3000 steps it is the cadence', async () => {
  const script = `import argparse
import torch
from accelerate import Accelerator
parser = argparse.ArgumentParser()
parser.add_argument("--max_train_steps", type=int, default=None)
parser.add_argument("--checkpointing_steps", type=int, default=500)
args = parser.parse_args()
accelerator = Accelerator()
model = torch.nn.Linear(4, 4)
optimizer = torch.optim.AdamW(model.parameters())
model, optimizer, loader = accelerator.prepare(model, optimizer, loader)
global_step = 0
for epoch in range(100):
    for batch in loader:
        loss = model(batch).mean()
        accelerator.backward(loss)
        optimizer.step()
        global_step += 1
        if global_step % args.checkpointing_steps == 0:
            accelerator.save_state(f"out/checkpoint-{global_step}")
        if global_step >= args.max_train_steps:
            break
`;
  const run = (steps: number) =>
    analyze({ 'train.py': script, 'run.sh': `accelerate launch train.py --max_train_steps ${steps}\n` }, 'run.sh');
  const short = await run(200);
  assert.equal(fact(short, 'max_steps')?.value, 200);
  assert.equal(fact(short, 'periodic_save')?.value, 'no');
  assert.equal(fact(short, 'save_steps'), undefined);
  const long = await run(3000);
  assert.equal(fact(long, 'periodic_save')?.value, 'steps');
  assert.equal(fact(long, 'save_steps')?.value, 500);
});

test('save_steps inside the run stays a step cadence', async () => {
  const a = await analyze({ 'sft.py': hf('max_steps=3000, save_steps=500') }, 'sft.py', { hardware: 'h100' });
  assert.equal(fact(a, 'periodic_save')?.value, 'steps');
  assert.equal(fact(a, 'save_steps')?.value, 500);
  assert.ok(!codes(a).includes('GML303') && !codes(a).includes('GML301'));
});

test('a 999999-step interval means never, even with the run length unknown in steps', async () => {
  const a = await analyze({ 'sft.py': hf('num_train_epochs=2, save_steps=999999') }, 'sft.py');
  const save = keep(fact(a, 'periodic_save'));
  assert.equal(save.value, 'no');
  assert.match(save.note ?? '', /written to mean never/);
  // 500,000 is a long interval, not a sentinel.
  const b = await analyze({ 'sft.py': hf('num_train_epochs=2, save_steps=500000') }, 'sft.py');
  assert.equal(fact(b, 'periodic_save')?.value, 'steps');
});

test('the Trainer default reports no max_steps (-1 means "the epochs decide")', async () => {
  const a = await analyze({ 'sft.py': hf('num_train_epochs=2') }, 'sft.py');
  assert.equal(fact(a, 'max_steps'), undefined);
  assert.equal(fact(a, 'epochs')?.value, 2);
  assert.equal(fact(a, 'periodic_save')?.value, 'steps');
});

test('a per-epoch framework save over one epoch is still a per-epoch cadence (torchtune)', async () => {
  const yaml = `output_dir: /tmp/out\nmodel:\n  _component_: torchtune.models.llama3_2.llama3_2_1b\ncheckpointer:\n  _component_: torchtune.training.FullModelHFCheckpointer\n  checkpoint_dir: /tmp/x/\n  model_type: LLAMA3_2\ndataset:\n  _component_: torchtune.datasets.alpaca_cleaned_dataset\nbatch_size: 4\nepochs: 1\ngradient_accumulation_steps: 2\ndtype: bf16\ndevice: cuda\n`;
  const a = await analyze({ 'ft.yaml': yaml }, 'ft.yaml');
  const save = keep(fact(a, 'periodic_save'));
  assert.equal(save.value, 'epoch');
  assert.match(save.note ?? '', /falls at the end of the run/);
  assert.ok(!codes(a).includes('GML301'));
});

const TF2 = `import argparse
import tensorflow as tf
parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=250)
parser.add_argument("--max_steps", type=int, default=100000)
parser.add_argument("--batch_size", type=int, default=128)
args = parser.parse_args()
model = tf.keras.applications.VGG16(weights=None, classes=10)
optimizer = tf.keras.optimizers.Adam(1e-4)
ds = tf.data.Dataset.from_tensor_slices((x, y)).batch(args.batch_size)
for epoch in range(args.epochs):
    for step, (xb, yb) in enumerate(ds):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.keras.losses.sparse_categorical_crossentropy(yb, model(xb)))
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
`;

test('a TF2 tape loop: the epoch loop decides the length (an unused --max_steps is no step count), nothing saved', async () => {
  const a = await analyze({ 'main.py': TF2 }, 'main.py');
  assert.equal(fact(a, 'epochs')?.value, 250);
  assert.equal(fact(a, 'max_steps'), undefined);
  assert.equal(fact(a, 'periodic_save')?.value, 'no');
  assert.ok(codes(a).includes('GML301'));
});

test('the same TF2 loop with a tf.train.CheckpointManager save each epoch: not "no", GML301 silent', async () => {
  const code = TF2.replace(
    'ds = tf.data',
    'ckpt = tf.train.Checkpoint(model=model, optimizer=optimizer)\nmanager = tf.train.CheckpointManager(ckpt, "ckpt", max_to_keep=3)\nds = tf.data',
  ).concat('    manager.save()\n');
  const a = await analyze({ 'main.py': code }, 'main.py');
  assert.notEqual(fact(a, 'periodic_save')?.value, 'no');
  assert.ok(!codes(a).includes('GML301'));
});

const STREAM = `import argparse
import torch
parser = argparse.ArgumentParser()
parser.add_argument("--num_training_steps", type=int, default=20000)
args = parser.parse_args()
model = torch.nn.Linear(10, 2).cuda()
opt = torch.optim.AdamW(model.parameters())
update_step = 0
for batch in loader:
    loss = model(batch).sum()
    loss.backward()
    opt.step()
    update_step += 1
    if update_step >= args.num_training_steps:
        break
    if update_step % 1000 == 0:
        torch.save(model.state_dict(), "ckpt.pt")
`;

test('one pass over a loader that breaks at a step budget: max_steps is that budget, not one epoch', async () => {
  const a = await analyze({ 'train.py': STREAM }, 'train.py');
  assert.equal(fact(a, 'max_steps')?.value, 20000);
  assert.equal(fact(a, 'epochs'), undefined);
  assert.equal(fact(a, 'periodic_save')?.value, 'steps');
  assert.equal(fact(a, 'save_steps')?.value, 1000);
});

test('a break at the end of the data (len(loader)) is no step budget', async () => {
  const code = STREAM.replace('args.num_training_steps:', 'len(loader):');
  const a = await analyze({ 'train.py': code }, 'train.py');
  assert.notEqual(fact(a, 'max_steps')?.value, 20000);
  assert.equal(fact(a, 'max_steps'), undefined);
});

test('a save on rank 0 (`args.local_rank == 0`, default -1) is not a switch the user leaves off', async () => {
  const code = STEPS.replace(
    'parser.add_argument("--checkpointing_steps", type=int, help="save every N steps")',
    'parser.add_argument("--local_rank", type=int, default=-1)',
  ).replace(
    'if args.checkpointing_steps and step % args.checkpointing_steps == 0:',
    'if args.local_rank == 0 and step % 1000 == 0:',
  );
  const a = await analyze({ 'train.py': code }, 'train.py');
  assert.equal(fact(a, 'periodic_save')?.value, 'steps');
});

test('an epoch save behind a saver that a negated switch keeps (`saver if not args.no_saver else None`) runs by default', async () => {
  const code = `import argparse
import torch
parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=300)
parser.add_argument("--no_saver", action="store_true", default=False)
parser.add_argument("--recovery_interval", type=int, default=0)
args = parser.parse_args()
model = torch.nn.Linear(10, 2).cuda()
opt = torch.optim.AdamW(model.parameters())
saver = None
saver = Saver(model, opt)


def train_one_epoch(epoch, saver=None):
    for i, batch in enumerate(loader):
        loss = model(batch).sum()
        loss.backward()
        opt.step()
        if saver is not None and args.recovery_interval and (i + 1) % args.recovery_interval == 0:
            saver.save_recovery(epoch, i)


for epoch in range(args.epochs):
    saver = saver if not args.no_saver else None
    train_one_epoch(epoch, saver=saver)
    if saver is not None:
        saver.save_checkpoint(epoch)
`;
  const a = await analyze({ 'train.py': code }, 'train.py');
  assert.equal(fact(a, 'periodic_save')?.value, 'epoch');
  assert.ok(!codes(a).includes('GML301'));
  // `if not args.no_saver:` around the epoch save is never read as a switch left off.
  const b = await analyze(
    { 'train.py': code.replace('    if saver is not None:\n', '    if not args.no_saver:\n') },
    'train.py',
  );
  assert.notEqual(fact(b, 'periodic_save')?.value, 'no');
});

test('a helper of the file that saves through any `save_…` method is a save when the loop calls it; sample writers are not', async () => {
  const code = `import torch
model = Generator().cuda()
opt = torch.optim.AdamW(model.parameters())


def checkpoint(model, path):
    model.save_to_folder(path, {"optimizer.pth": opt.state_dict()})


def save_samples(model, path):
    model.save_to_folder(path + "/samples", {})


for step, batch in enumerate(loader):
    loss = model(batch).mean()
    loss.backward()
    opt.step()
    if step % 1000 == 0:
        checkpoint(model, "ckpt")
`;
  const a = await analyze({ 'train.py': code }, 'train.py');
  assert.equal(fact(a, 'periodic_save')?.value, 'steps');
  assert.equal(fact(a, 'save_steps')?.value, 1000);
  // Only the sample writer in the loop: no checkpoint.
  const b = await analyze(
    { 'train.py': code.replace('checkpoint(model, "ckpt")', 'save_samples(model, "out")') },
    'train.py',
  );
  assert.equal(fact(b, 'periodic_save')?.value, 'no');
});

test('a save period that names no unit, in a run measured in epochs, counts epochs; a spelling with steps keeps steps', async () => {
  const yacs = `MODEL:\n  TYPE: vit\n  NAME: pretrain_base\nDATA:\n  IMG_SIZE: 224\n  BATCH_SIZE: 128\nTRAIN:\n  EPOCHS: 100\n  BASE_LR: 1e-4\n  WEIGHT_DECAY: 0.05\nSAVE_FREQ: 5\n`;
  const a = await analyze({ 'pretrain.yaml': yacs }, 'pretrain.yaml');
  assert.equal(fact(a, 'epochs')?.value, 100);
  assert.equal(fact(a, 'periodic_save')?.value, 'epoch');
  assert.equal(fact(a, 'save_steps'), undefined);
  // With the run's steps written, the same period stays a step interval.
  const b = await analyze(
    { 'pretrain.yaml': yacs.replace('  EPOCHS: 100\n', '  MAX_STEPS: 100000\n') },
    'pretrain.yaml',
  );
  assert.equal(fact(b, 'save_steps')?.value, 5);
  const hfArgs = `model_name_or_path: gpt2\noutput_dir: out\nper_device_train_batch_size: 8\nnum_train_epochs: 10\nsave_steps: 5\n`;
  const c = await analyze({ 'sft.yaml': hfArgs }, 'sft.yaml');
  assert.equal(fact(c, 'save_steps')?.value, 5);
  assert.equal(fact(c, 'periodic_save')?.value, 'steps');
});

test('a framework default step budget never stands over epochs the config writes (a yacs config with MAX_EPOCH)', async () => {
  const slowfast = `TRAIN:\n  ENABLE: True\n  DATASET: kinetics\n  BATCH_SIZE: 8\n  CHECKPOINT_PERIOD: 5\nSOLVER:\n  BASE_LR: 0.005\n  MAX_EPOCH: 15\n  OPTIMIZING_METHOD: sgd\nMODEL:\n  ARCH: vit\n  NUM_CLASSES: 400\nNUM_GPUS: 8\n`;
  const a = await analyze({ 'k400.yaml': slowfast }, 'k400.yaml');
  assert.equal(fact(a, 'epochs')?.value, 15);
  assert.equal(fact(a, 'max_steps'), undefined);
  assert.equal(fact(a, 'periodic_save')?.value, 'epoch');
  assert.equal(fact(a, 'save_steps'), undefined);
});

test('a save after the step loop, in the function an outer loop calls, runs once per outer iteration', async () => {
  const code = `import torch
N_CHUNKS = 360
model = build_model().cuda()
optimizer = torch.optim.AdamW(model.parameters())


def train_chunk(model, examples, chunk_idx):
    for i in range(0, len(examples), 8):
        loss = model(examples[i : i + 8]).mean()
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    save_checkpoint(model=model, optimizer=optimizer, save_dir=f"ckpt_{chunk_idx}")


def main():
    for chunk_idx in range(N_CHUNKS):
        train_chunk(model, load_chunk(chunk_idx), chunk_idx)


if __name__ == "__main__":
    main()
`;
  const a = await analyze({ 'main.py': code }, 'main.py');
  const save = keep(fact(a, 'periodic_save'));
  assert.equal(save.value, 'epoch');
  assert.match(save.note ?? '', /once per iteration of the loop that calls it/);
  // Without that save, nothing saves.
  const b = await analyze(
    {
      'main.py': code.replace(
        '    save_checkpoint(model=model, optimizer=optimizer, save_dir=f"ckpt_{chunk_idx}")\n',
        '',
      ),
    },
    'main.py',
  );
  assert.equal(fact(b, 'periodic_save')?.value, 'no');
});
