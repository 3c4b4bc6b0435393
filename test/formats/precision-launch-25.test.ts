// Precision and compile of scripts whose launcher decides them by a flag (session 25): a precision passed by name to
// the option an `Accelerator` is built from (the diffusers examples' `--mixed_precision`), a timm-style `--amp` switch
// beside TF32 matmuls, `--torchcompile`, and the bf16 that torchtitan's FSDP applies in library code to a config's
// run. Fixtures written for these tests in the style of the pattern; no spent-set file is copied.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

/** A diffusers-example-style loop: the Accelerator takes the option's value, `None` = the accelerate config's. */
const DIFFUSERS = (dflt: string) => `import argparse
import torch
from accelerate import Accelerator

parser = argparse.ArgumentParser()
parser.add_argument("--train_batch_size", type=int, default=4)
parser.add_argument("--mixed_precision", type=str, default=${dflt}, choices=["no", "fp16", "bf16"])
args = parser.parse_args()

accelerator = Accelerator(mixed_precision=args.mixed_precision)
model = build_unet()
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)
loader = torch.utils.data.DataLoader(dataset(), batch_size=args.train_batch_size)
model, optimizer, loader = accelerator.prepare(model, optimizer, loader)
for step, batch in enumerate(loader):
    loss = model(batch)
    accelerator.backward(loss)
    optimizer.step()
    optimizer.zero_grad()
`;

const launch = (flags: string) => `accelerate launch training/train.py --train_batch_size 1 ${flags}\n`;

test('a precision the launcher names for the option the Accelerator is built from: that precision', async () => {
  for (const [dflt, flag, want] of [
    ['None', '--mixed_precision fp16', 'fp16'],
    ['None', '--mixed_precision bf16', 'bf16'],
    ['"no"', '--mixed_precision fp16', 'fp16'],
    ['"fp16"', '--mixed_precision no', 'fp32'],
  ]) {
    const a = await analyze(
      { 'proj/training/train.py': DIFFUSERS(dflt), 'proj/scripts/run.sh': launch(flag) },
      'proj/scripts/run.sh',
    );
    assert.equal(fact(a, 'precision')?.value, want, `${dflt} ${flag}`);
  }
});

test('must not claim: the option left to the command line (default None) with no launcher, or a launcher that does not pass it', async () => {
  const alone = await analyze({ 'proj/training/train.py': DIFFUSERS('None') }, 'proj/training/train.py');
  assert.equal(fact(alone, 'precision')?.value ?? null, null);
  const bare = await analyze(
    { 'proj/training/train.py': DIFFUSERS('None'), 'proj/scripts/run.sh': launch('') },
    'proj/scripts/run.sh',
  );
  assert.equal(fact(bare, 'precision')?.value ?? null, null);
  // A default of "no" stated by the script stays the script's own run when nothing replaces it.
  const no = await analyze({ 'proj/training/train.py': DIFFUSERS('"no"') }, 'proj/training/train.py');
  assert.equal(fact(no, 'precision')?.value, 'fp32');
});

/** A timm train.py-style script: TF32 matmuls always, autocast held in a variable behind `--amp`. */
const TIMM = `import argparse
from contextlib import suppress
from functools import partial
import torch
from timm.utils import NativeScaler

parser = argparse.ArgumentParser()
parser.add_argument("--batch-size", type=int, default=128)
parser.add_argument("--amp", action="store_true", default=False)
parser.add_argument("--amp-dtype", default="float16", type=str)
parser.add_argument("--torchcompile", nargs="?", type=str, default=None, const="inductor")


def main():
    args = parser.parse_args()
    torch.backends.cuda.matmul.allow_tf32 = True
    use_amp = None
    amp_dtype = torch.float16
    if args.amp:
        use_amp = "native"
        if args.amp_dtype == "bfloat16":
            amp_dtype = torch.bfloat16
    model = create_model()
    if args.torchcompile:
        model = torch.compile(model, backend=args.torchcompile)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    amp_autocast = suppress
    loss_scaler = None
    if use_amp == "native":
        amp_autocast = partial(torch.autocast, device_type="cuda", dtype=amp_dtype)
        loss_scaler = NativeScaler()
    loader = torch.utils.data.DataLoader(dataset(), batch_size=args.batch_size)
    for epoch in range(10):
        for x, y in loader:
            with amp_autocast():
                loss = model(x, y)
            if loss_scaler is not None:
                loss_scaler(loss, optimizer)
            else:
                loss.backward()
                optimizer.step()


if __name__ == "__main__":
    main()
`;

test('a timm-style --amp switch beside TF32 matmuls: the launcher that gives it trains in the --amp-dtype half type', async () => {
  for (const [flags, want] of [
    ['--amp', 'fp16'],
    ['--amp --amp-dtype bfloat16', 'bf16'],
  ]) {
    const a = await analyze(
      { 'proj/train.py': TIMM, 'proj/run.sh': `python train.py --batch-size 64 ${flags}\n` },
      'proj/run.sh',
    );
    assert.equal(fact(a, 'precision')?.value, want, flags);
  }
});

test('must not claim mixed precision: the same script alone or launched without --amp keeps TF32 matmuls', async () => {
  const alone = await analyze({ 'proj/train.py': TIMM }, 'proj/train.py');
  assert.equal(fact(alone, 'precision')?.value, 'tf32');
  const plain = await analyze(
    { 'proj/train.py': TIMM, 'proj/run.sh': 'python train.py --batch-size 64\n' },
    'proj/run.sh',
  );
  assert.equal(fact(plain, 'precision')?.value, 'tf32');
});

test('torch.compile behind a command-line switch: on where the launcher gives it, off where it does not', async () => {
  const on = await analyze(
    { 'proj/train.py': TIMM, 'proj/run.sh': 'python train.py --amp --torchcompile\n' },
    'proj/run.sh',
  );
  assert.equal(fact(on, 'compile')?.value, true);
  const off = await analyze(
    { 'proj/train.py': TIMM, 'proj/run.sh': 'python train.py --amp\n# --torchcompile\n' },
    'proj/run.sh',
  );
  assert.equal(fact(off, 'compile')?.value, false);
});

/** torchtitan's entry: the model is parallelised (FSDP, with its mixed-precision policy) in library code. */
const TITAN_TRAIN = `import torch
from torchtitan.config_manager import JobConfig
from torchtitan.parallelisms import models_parallelize_fns


def main(job_config: JobConfig):
    model = build_model(job_config.model.name)
    models_parallelize_fns[job_config.model.name](model, world_mesh, parallel_dims, job_config)
    optimizer = build_optimizers(model, job_config)
    data_loader = build_hf_data_loader(job_config.training.dataset, job_config.training.batch_size)
    for step in range(job_config.training.steps):
        batch = next(data_loader)
        loss = model(batch)
        loss.backward()
        optimizer.step()


if __name__ == "__main__":
    config = JobConfig()
    config.parse_args()
    main(config)
`;
const TITAN_TOML = (extra = '') => `[job]
dump_folder = "./outputs"

[model]
name = "llama3"
flavor = "8B"

[optimizer]
name = "AdamW"
lr = 3e-4

[training]
batch_size = 8
seq_len = 8192
steps = 1000
data_parallel_shard_degree = -1
${extra}
[checkpoint]
enable_checkpoint = true
interval = 500
`;

test("a torchtitan config, alone and as its launcher names it: FSDP's bf16 default, not the script's fp32", async () => {
  const files = {
    'proj/train.py': TITAN_TRAIN,
    'proj/train_configs/llama3_8b.toml': TITAN_TOML(),
    'proj/run.sh':
      'CONFIG_FILE=${CONFIG_FILE:-"./train_configs/llama3_8b.toml"}\ntorchrun --nproc_per_node 8 ./train.py --job.config_file ${CONFIG_FILE}\n',
  };
  const cfg = await analyze(files, 'proj/train_configs/llama3_8b.toml');
  assert.equal(fact(cfg, 'precision')?.value, 'bf16');
  const run = await analyze(files, 'proj/run.sh');
  assert.equal(fact(run, 'precision')?.value, 'bf16');
});

test('must not override: a torchtitan entry that autocasts itself keeps its own half type', async () => {
  const own = TITAN_TRAIN.replace(
    '        loss = model(batch)\n',
    '        with torch.autocast("cuda", dtype=torch.float16):\n            loss = model(batch)\n',
  );
  const files = {
    'proj/train.py': own,
    'proj/train_configs/llama3_8b.toml': TITAN_TOML(),
    'proj/run.sh': 'torchrun --nproc_per_node 8 ./train.py --job.config_file ./train_configs/llama3_8b.toml\n',
  };
  const run = await analyze(files, 'proj/run.sh');
  assert.equal(fact(run, 'precision')?.value, 'fp16');
});

test('must not override: a torchtitan config that sets its mixed-precision dtype to float32', async () => {
  const files = {
    'proj/train.py': TITAN_TRAIN,
    'proj/train_configs/llama3_8b.toml': TITAN_TOML('mixed_precision_param = "float32"\n'),
    'proj/run.sh': 'torchrun --nproc_per_node 8 ./train.py --job.config_file ./train_configs/llama3_8b.toml\n',
  };
  const cfg = await analyze(files, 'proj/train_configs/llama3_8b.toml');
  assert.equal(fact(cfg, 'precision')?.value, 'fp32');
  const run = await analyze(files, 'proj/run.sh');
  assert.equal(fact(run, 'precision')?.value, 'fp32');
});

/** A loop whose autocast runs when the caller hands it a GradScaler, made only with `--is_amp`. */
const SCALER_SWITCH = (decl: string) => `import argparse
import torch

parser = argparse.ArgumentParser()
parser.add_argument("--is_amp", ${decl})
parser.add_argument("--batch_size", type=int, default=8)
args = parser.parse_args()


def train(model, loader, optimizer, scaler):
    for x, y in loader:
        optimizer.zero_grad()
        if scaler is not None:
            with torch.cuda.amp.autocast():
                loss = model(x, y)
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
        else:
            loss = model(x, y)
            loss.backward()
            optimizer.step()


def main():
    model = build().cuda()
    optimizer = torch.optim.Adam(model.parameters())
    loader = torch.utils.data.DataLoader(dataset(), batch_size=args.batch_size)
    if args.is_amp:
        scaler = torch.cuda.amp.GradScaler()
    else:
        scaler = None
    for epoch in range(10):
        train(model, loader, optimizer, scaler)


if __name__ == "__main__":
    main()
`;

test('must not claim fp16: an autocast under `if scaler is not None:` whose GradScaler only an option left off makes', async () => {
  const a = await analyze({ 'proj/train.py': SCALER_SWITCH('action="store_true"') }, 'proj/train.py');
  assert.equal(fact(a, 'precision')?.value, 'fp32');
});

test('the launcher that gives that option trains in fp16; `type=bool` turns it on for any value, "False" included', async () => {
  const on = await analyze(
    { 'proj/train.py': SCALER_SWITCH('action="store_true"'), 'proj/run.sh': 'python train.py --is_amp\n' },
    'proj/run.sh',
  );
  assert.equal(fact(on, 'precision')?.value, 'fp16');
  const trap = await analyze(
    { 'proj/train.py': SCALER_SWITCH('type=bool, default=False'), 'proj/run.sh': 'python train.py --is_amp False\n' },
    'proj/run.sh',
  );
  assert.equal(fact(trap, 'precision')?.value, 'fp16');
});

test('an autocast under `if scaler is not None:` with a GradScaler the script always makes: fp16', async () => {
  const always = SCALER_SWITCH('action="store_true"').replace(
    '    if args.is_amp:\n        scaler = torch.cuda.amp.GradScaler()\n    else:\n        scaler = None\n',
    '    scaler = torch.cuda.amp.GradScaler()\n',
  );
  assert.ok(!always.includes('scaler = None'));
  const a = await analyze({ 'proj/train.py': always }, 'proj/train.py');
  assert.equal(fact(a, 'precision')?.value, 'fp16');
});
