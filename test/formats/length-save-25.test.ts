// Run length and checkpoint cadence (development round 25): a step budget passed on the command line ends a run whose
// epoch count is only its script's default (the diffusers and Hugging Face example scripts recompute their epochs from
// `--max_train_steps`); a periodic save under `if accelerator.is_main_process:` is the run's save, not one behind a
// switch (the `Accelerator(...)` it reads is built from options, but it is an object, not a switch); a learning-rate
// scheduler's horizon in a config is not the run's length. Fixtures written for these tests in the style of those
// example scripts and of registry-driven YAML trainers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, launchedFact } from './helpers';

const value = (f: { value: unknown } | undefined) => f?.value ?? null;

const EXAMPLE = `import argparse
import math
import torch
from accelerate import Accelerator

def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--num_train_epochs", type=int, default=1)
    parser.add_argument("--max_train_steps", type=int, default=None, help="Total number of training steps to perform. If provided, overrides num_train_epochs.")
    parser.add_argument("--checkpointing_steps", type=int, default=500)
    parser.add_argument("--mixed_precision", type=str, default=None, choices=["no", "fp16", "bf16"])
    parser.add_argument("--report_to", type=str, default=None)
    return parser.parse_args()

def main(args):
    accelerator = Accelerator(mixed_precision=args.mixed_precision, log_with=args.report_to)
    unet = torch.nn.Linear(8, 8)
    optimizer = torch.optim.AdamW(unet.parameters(), lr=1e-4)
    loader = torch.utils.data.DataLoader(list(range(64)), batch_size=1)
    unet, optimizer, loader = accelerator.prepare(unet, optimizer, loader)
    num_update_steps_per_epoch = len(loader)
    if args.max_train_steps is None:
        args.max_train_steps = args.num_train_epochs * num_update_steps_per_epoch
    args.num_train_epochs = math.ceil(args.max_train_steps / num_update_steps_per_epoch)
    global_step = 0
    for epoch in range(args.num_train_epochs):
        for batch in loader:
            loss = unet(batch).mean()
            accelerator.backward(loss)
            optimizer.step()
            optimizer.zero_grad()
            if accelerator.sync_gradients:
                global_step += 1
                if accelerator.is_main_process:
                    if global_step % args.checkpointing_steps == 0:
                        accelerator.save_state(f"out/checkpoint-{global_step}")
            if global_step >= args.max_train_steps:
                break

if __name__ == "__main__":
    main(parse_args())
`;

const launch = (flags: string) => `#!/bin/bash\naccelerate launch train.py --train_batch_size 1 ${flags}\n`;

test('a step budget on the command line ends the run: the script default epoch count is not reported', async () => {
  const files = { 'train.py': EXAMPLE, 'run.sh': launch('--max_train_steps 2000') };
  const a = await analyze(files, 'run.sh');
  assert.equal(value(launchedFact(a, 'max_steps')), 2000);
  assert.equal(launchedFact(a, 'epochs'), undefined);
  // The script alone has no budget: its default epoch count is its length.
  const s = await analyze(files, 'train.py');
  assert.equal(value(fact(s, 'epochs')), 1);
  assert.equal(fact(s, 'max_steps'), undefined);
});

test('both bounds written for a hand-written loop keep both: the loop stops at whichever comes first', async () => {
  const loop = `import argparse
import torch
parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=10)
parser.add_argument("--max_steps", type=int, default=-1)
args = parser.parse_args()
model = torch.nn.Linear(4, 4).cuda()
opt = torch.optim.SGD(model.parameters(), lr=0.1)
step = 0
for epoch in range(args.epochs):
    for x in loader:
        model(x).sum().backward()
        opt.step()
        step += 1
        if args.max_steps > 0 and step >= args.max_steps:
            break
`;
  const a = await analyze(
    { 'train.py': loop, 'run.sh': '#!/bin/bash\npython train.py --epochs 3 --max_steps 1000\n' },
    'run.sh',
  );
  assert.equal(value(launchedFact(a, 'epochs')), 3);
});

test('a periodic save under `if accelerator.is_main_process:` saves every N steps, whatever the Accelerator is built from', async () => {
  const files = { 'train.py': EXAMPLE, 'run.sh': launch('--max_train_steps 2000') };
  const a = await analyze(files, 'run.sh');
  assert.equal(value(launchedFact(a, 'periodic_save')), 'steps');
  assert.equal(value(launchedFact(a, 'save_steps')), 500);
  // A budget shorter than the interval: the save is never reached.
  const b = await analyze({ ...files, 'run.sh': launch('--max_train_steps 200') }, 'run.sh');
  assert.equal(value(launchedFact(b, 'periodic_save')), 'no');
});

test('a local assigned from a switch that is off by default still turns its save off', async () => {
  const code = EXAMPLE.replace(
    '    parser.add_argument("--report_to", type=str, default=None)\n',
    '    parser.add_argument("--report_to", type=str, default=None)\n    parser.add_argument("--save_ckpt", action="store_true")\n',
  )
    .replace('    global_step = 0\n', '    global_step = 0\n    do_save = args.save_ckpt\n')
    .replace('if accelerator.is_main_process:', 'if do_save:');
  const a = await analyze({ 'train.py': code }, 'train.py');
  assert.equal(value(fact(a, 'periodic_save')), 'no');
  assert.match(fact(a, 'periodic_save')?.note ?? '', /--save_ckpt/);
});

const YAML = `device: "cuda"
dataset:
  name: "cifar100"
  batch_size: 256
optimizer:
  name: "adamw"
  lr: 3e-4
scheduler:
  name: "cosine_schedule_with_warmup"
  num_warmup_steps: 2000
  num_training_steps: 40000
trainer:
  name: "classifier_trainer"
  epochs: 200
`;

test("a scheduler's num_training_steps is its horizon, not a step budget: the trainer's epochs are the length", async () => {
  const a = await analyze({ 'configs/vit.yaml': YAML }, 'configs/vit.yaml');
  assert.equal(fact(a, 'max_steps'), undefined);
  assert.equal(value(fact(a, 'epochs')), 200);
  // The same key at the top level of a config is the run's budget.
  const top = YAML.replace('  num_training_steps: 40000\n', '').replace(
    'trainer:\n',
    'num_training_steps: 40000\ntrainer:\n',
  );
  const b = await analyze({ 'configs/vit.yaml': top }, 'configs/vit.yaml');
  assert.equal(value(fact(b, 'max_steps')), 40000);
});

test("the launcher's interval replaces the option's default in a `step % args.checkpointing_steps` save", async () => {
  const files = { 'train.py': EXAMPLE, 'run.sh': launch('--max_train_steps 500 --checkpointing_steps=100') };
  const a = await analyze(files, 'run.sh');
  assert.equal(value(launchedFact(a, 'save_steps')), 100);
  assert.equal(value(launchedFact(a, 'periodic_save')), 'steps');
  const s = await analyze(files, 'train.py');
  assert.equal(value(fact(s, 'save_steps')), 500);
  assert.equal(fact(s, 'save_steps')?.origin, 'script-default');
});

const HF_ARGS = `# quick check of the loop
per_device_train_batch_size: 1
gradient_accumulation_steps: 2
max_steps: 5
learning_rate: 2.0e-4
bf16: true
save_strategy: "no"
save_steps: 500
eval_strategy: steps
eval_steps: 3
optim: adamw_torch_fused
`;

test('an HF-args config with `save_strategy: "no"` saves nothing: its leftover save_steps is no cadence', async () => {
  const a = await analyze({ 'config/training/smoke.yaml': HF_ARGS }, 'config/training/smoke.yaml');
  assert.equal(value(fact(a, 'periodic_save')), 'no');
  assert.equal(fact(a, 'save_steps'), undefined);
  // With the step strategy the interval is the cadence.
  const steps = HF_ARGS.replace('save_strategy: "no"', 'save_strategy: steps').replace(
    'max_steps: 5',
    'max_steps: 5000',
  );
  const b = await analyze({ 'config/training/smoke.yaml': steps }, 'config/training/smoke.yaml');
  assert.equal(value(fact(b, 'periodic_save')), 'steps');
  assert.equal(value(fact(b, 'save_steps')), 500);
});

const HF_SCRIPT = `import argparse
from transformers import AutoModelForCausalLM, HfArgumentParser, Trainer, TrainingArguments

parser = HfArgumentParser(TrainingArguments)
(training_args,) = parser.parse_args_into_dataclasses()
model = AutoModelForCausalLM.from_pretrained("gpt2")
trainer = Trainer(model=model, args=training_args, train_dataset=train_dataset)
trainer.train()
`;

test('the Trainer under `--save_strategy epoch` never reads a `--save_steps` the launcher also passes', async () => {
  const run = (flags: string) => `#!/bin/bash\npython train.py --output_dir out --num_train_epochs 3 ${flags}\n`;
  const a = await analyze({ 'train.py': HF_SCRIPT, 'run.sh': run('--save_strategy epoch --save_steps 1') }, 'run.sh');
  assert.equal(value(launchedFact(a, 'periodic_save')), 'epoch');
  assert.equal(launchedFact(a, 'save_steps'), undefined);
  const b = await analyze({ 'train.py': HF_SCRIPT, 'run.sh': run('--save_strategy steps --save_steps 200') }, 'run.sh');
  assert.equal(value(launchedFact(b, 'save_steps')), 200);
});

const FULL_BATCH = `import argparse
import torch
parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=15000)
args = parser.parse_args()
model = torch.nn.Linear(16, 3).cuda()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
x, y = torch.randn(512, 16).cuda(), torch.randn(512, 3).cuda()
for epoch in range(args.epochs):
    optimizer.zero_grad()
    loss = torch.nn.functional.l1_loss(model(x), y)
    loss.backward()
    optimizer.step()
    if (epoch + 1) % 100 == 0:
        torch.save(model.state_dict(), f"weights/model_epoch_{epoch}.pt")
`;

test('a full-batch loop (one update per epoch) saving every 100 passes saves by epoch: no step interval', async () => {
  const a = await analyze({ 'train.py': FULL_BATCH }, 'train.py');
  assert.equal(value(fact(a, 'epochs')), 15000);
  assert.equal(value(fact(a, 'periodic_save')), 'epoch');
  assert.equal(fact(a, 'save_steps'), undefined);
  // Over mini-batches, the same guard on the batch counter is a step interval.
  const batched = FULL_BATCH.replace(
    'for epoch in range(args.epochs):\n',
    'step = 0\nfor epoch in range(args.epochs):\n  for x, y in loader:\n',
  )
    .replace(/\n {4}/g, '\n      ')
    .replace('(epoch + 1) % 100', 'step % 100')
    .replace('    optimizer.step()\n', '    optimizer.step()\n      step += 1\n');
  const b = await analyze({ 'train.py': batched }, 'train.py');
  assert.equal(value(fact(b, 'periodic_save')), 'steps');
  assert.equal(value(fact(b, 'save_steps')), 100);
});

const TITAN_TRAIN = `import torch
from torchtitan.checkpoint import CheckpointManager
from torchtitan.config_manager import JobConfig

def main(job_config):
    model = build_model(job_config).cuda()
    optimizer = torch.optim.AdamW(model.parameters(), lr=job_config.optimizer.lr)
    checkpoint = CheckpointManager(model=model, optimizer=optimizer, job_config=job_config)
    step = 0
    while step < job_config.training.steps:
        step += 1
        batch = next(data_iterator)
        loss = model(batch).mean()
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        checkpoint.save(step, force=(step == job_config.training.steps))

if __name__ == "__main__":
    config = JobConfig()
    config.parse_args()
    main(config)
`;

const titanConfig = (enable: string) => `[job]
dump_folder = "./outputs"

[optimizer]
name = "AdamW"
lr = 3e-4

[training]
batch_size = 12
seq_len = 4096
steps = 500000

[checkpoint]
enable_checkpoint = ${enable}
folder = "checkpoint"
interval_type = "steps"
interval = 500
`;

const TITAN_JOB = `#!/bin/bash
#SBATCH --nodes=2
CONFIG_FILE=\${CONFIG_FILE:-"./train_configs/llama3_1b.toml"}
srun torchrun --nnodes 2 --nproc_per_node 8 ./train.py --job.config_file \${CONFIG_FILE}
`;

test("the config a launcher names turns checkpointing off: the loop's `checkpoint.save(step)` saves nothing", async () => {
  const files = { 'train.py': TITAN_TRAIN, 'train_configs/llama3_1b.toml': titanConfig('false'), 'job.sh': TITAN_JOB };
  const a = await analyze(files, 'job.sh');
  assert.equal(value(launchedFact(a, 'periodic_save')), 'no');
  assert.equal(launchedFact(a, 'save_steps'), undefined);
  // Switched on, the config's interval is the loop's cadence.
  const on = await analyze({ ...files, 'train_configs/llama3_1b.toml': titanConfig('true') }, 'job.sh');
  assert.equal(value(launchedFact(on, 'periodic_save')), 'steps');
  assert.equal(value(launchedFact(on, 'save_steps')), 500);
});
