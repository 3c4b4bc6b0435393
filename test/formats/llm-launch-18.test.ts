// Facts of language-model training as launched (session 18): the global batch behind an accumulation a Hugging Face
// script computes, DeepSpeed configs passed as a dict, and the folder a launcher's `cd` moves to.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';
import { parseShell } from '../../engine/parse/shell';

const values = (a: Awaited<ReturnType<typeof analyze>>, keys: string[]) =>
  keys.map((k) => fact(a, k as never)?.value ?? null);

// The alpaca-lora shape: a Fire entry whose accumulation is the global batch over the micro-batch, divided again by
// the process count under DDP.
const lora = (accum: string) => `import os
import fire
import transformers

def train(base_model: str = "", batch_size: int = 128, micro_batch_size: int = 4, num_epochs: int = 3):
    gradient_accumulation_steps = batch_size // micro_batch_size
    world_size = int(os.environ.get("WORLD_SIZE", 1))
    ddp = world_size != 1
${accum}
    model = transformers.AutoModelForCausalLM.from_pretrained(base_model)
    trainer = transformers.Trainer(
        model=model,
        args=transformers.TrainingArguments(
            per_device_train_batch_size=micro_batch_size,
            gradient_accumulation_steps=gradient_accumulation_steps,
            num_train_epochs=num_epochs,
            output_dir="out",
        ),
    )
    trainer.train()

if __name__ == "__main__":
    fire.Fire(train)
`;
const perDdp = `    if ddp:\n        gradient_accumulation_steps = gradient_accumulation_steps // world_size`;

test('HF Trainer: an accumulation computed as batch // micro-batch, divided by the processes, reads the global batch', async () => {
  const a = await analyze({ 'finetune.py': lora(perDdp) }, 'finetune.py');
  assert.deepEqual(values(a, ['micro_batch', 'global_batch']), [4, 128]);
  // The launcher's flag for the dividend is the global batch that runs.
  const launch = 'torchrun --nproc_per_node 4 finetune.py --batch_size 256 --micro_batch_size 8\n';
  const b = await analyze({ 'finetune.py': lora(perDdp), 'run.sh': launch }, 'run.sh');
  assert.deepEqual(values(b, ['micro_batch', 'global_batch', 'devices']), [8, 256, 4]);
});

test('HF Trainer: an accumulation of batch // micro-batch that the process count never divides claims no global batch', async () => {
  // Each process then takes batch_size samples per update: the global batch is batch_size × processes, not known here.
  const a = await analyze({ 'finetune.py': lora('') }, 'finetune.py');
  assert.equal(fact(a, 'micro_batch')?.value, 4);
  assert.equal(fact(a, 'global_batch')?.value ?? null, null);
});

const dsPlugin = (plugin: string, accel: string) => `import torch
from accelerate import Accelerator, DeepSpeedPlugin
from transformers import AutoModelForCausalLM

deepspeed_plugin = DeepSpeedPlugin(zero_stage=3, ${plugin})
accelerator = Accelerator(${accel})
model = AutoModelForCausalLM.from_pretrained("gpt2", torch_dtype=torch.bfloat16)
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-5)
loader = torch.utils.data.DataLoader(data, batch_size=1)
model, optimizer, loader = accelerator.prepare(model, optimizer, loader)
for epoch in range(3):
    for batch in loader:
        with accelerator.accumulate(model):
            loss = model(**batch).loss
            accelerator.backward(loss)
            optimizer.step()
            optimizer.zero_grad()
`;

test('accelerate: the DeepSpeedPlugin handed to the Accelerator sets the accumulation', async () => {
  const a = await analyze(
    { 'train.py': dsPlugin('gradient_accumulation_steps=2', 'deepspeed_plugin=deepspeed_plugin') },
    'train.py',
  );
  assert.deepEqual(values(a, ['zero_stage', 'grad_accum', 'micro_batch']), [3, 2, 1]);
  const launch = 'accelerate launch --num_processes=2 --use_deepspeed train.py\n';
  const b = await analyze(
    {
      'train.py': dsPlugin('gradient_accumulation_steps=2', 'deepspeed_plugin=deepspeed_plugin'),
      'run.sh': launch,
    },
    'run.sh',
  );
  assert.deepEqual(values(b, ['grad_accum', 'devices', 'global_batch']), [2, 2, 4]);
  // The Accelerator's own count decides over the plugin's.
  const own = await analyze(
    {
      'train.py': dsPlugin(
        'gradient_accumulation_steps=2',
        'gradient_accumulation_steps=8, deepspeed_plugin=deepspeed_plugin',
      ),
    },
    'train.py',
  );
  assert.equal(fact(own, 'grad_accum')?.value, 8);
});

test('accelerate: a DeepSpeedPlugin count that is not readable, or a plugin the Accelerator never gets, claims nothing', async () => {
  const unread = await analyze(
    { 'train.py': dsPlugin('gradient_accumulation_steps=args.accum', 'deepspeed_plugin=deepspeed_plugin') },
    'train.py',
  );
  assert.equal(fact(unread, 'grad_accum')?.value ?? null, null);
  const unused = await analyze({ 'train.py': dsPlugin('gradient_accumulation_steps=2', '') }, 'train.py');
  assert.notEqual(fact(unused, 'grad_accum')?.value, 2);
});

test("accelerate: the launch's bf16 reaches an Accelerator() whose script shows casts this review does not read", async () => {
  const script = dsPlugin('gradient_accumulation_steps=2', 'deepspeed_plugin=deepspeed_plugin');
  const bf16 = await analyze(
    { 'train.py': script, 'run.sh': 'accelerate launch --mixed_precision=bf16 --num_processes=2 train.py\n' },
    'run.sh',
  );
  assert.equal(fact(bf16, 'precision')?.value, 'bf16');
  // Launched with mixed precision off, the bfloat16 weights leave the precision unjudged, never fp32.
  const off = await analyze(
    { 'train.py': script, 'run.sh': 'accelerate launch --mixed_precision=no --num_processes=2 train.py\n' },
    'run.sh',
  );
  assert.equal(fact(off, 'precision')?.value ?? null, null);
  // Alone, the launch is unknown: no precision claimed.
  const alone = await analyze({ 'train.py': script }, 'train.py');
  assert.equal(fact(alone, 'precision')?.value ?? null, null);
});

const dsDict = (extra = '', config = 'ds_config') => `import torch
import deepspeed
from transformers import AutoModelForCausalLM

micro = 4
ds_config = {
    "train_micro_batch_size_per_gpu": micro,
    "gradient_accumulation_steps": 8,
    "optimizer": {"type": "AdamW", "params": {"lr": 1e-6}},
    "bf16": {"enabled": True},
    "zero_optimization": {"stage": 2, "overlap_comm": True},
}
${extra}
model = AutoModelForCausalLM.from_pretrained("gpt2")
engine, optimizer, _, _ = deepspeed.initialize(config=${config}, model=model, model_parameters=model.parameters())
for step in range(1000):
    loss = engine(batch()).loss
    engine.backward(loss)
    engine.step()
`;

test('deepspeed.initialize(config=dict): the engine config written in the script', async () => {
  const a = await analyze({ 'grpo.py': dsDict() }, 'grpo.py');
  assert.deepEqual(values(a, ['micro_batch', 'grad_accum', 'precision', 'zero_stage', 'optimizer']), [
    4,
    8,
    'bf16',
    2,
    'adamw',
  ]);
  // A path instead of a dict: the JSON file it names.
  const json =
    '{"train_micro_batch_size_per_gpu": 2, "gradient_accumulation_steps": 1, "zero_optimization": {"stage": 3}}';
  const b = await analyze({ 'grpo.py': dsDict('', '"ds.json"'), 'ds.json': json }, 'grpo.py');
  assert.deepEqual(values(b, ['micro_batch', 'grad_accum', 'zero_stage']), [2, 1, 3]);
});

test('deepspeed.initialize(config=dict): a dict changed after it is written, or spread from another, claims nothing', async () => {
  const changed = await analyze(
    { 'grpo.py': dsDict('ds_config["zero_optimization"]["stage"] = int(os.environ["STAGE"])') },
    'grpo.py',
  );
  assert.deepEqual(values(changed, ['zero_stage', 'grad_accum']), [null, null]);
  const updated = await analyze({ 'grpo.py': dsDict('ds_config.update(load_overrides())') }, 'grpo.py');
  assert.equal(fact(updated, 'zero_stage')?.value ?? null, null);
  const spread = await analyze({ 'grpo.py': dsDict('', '{**base_config, "bf16": {"enabled": True}}') }, 'grpo.py');
  assert.deepEqual(values(spread, ['zero_stage', 'precision']), [null, null]);
  // "auto" leaves the value to something else: not claimed.
  const auto = await analyze(
    { 'grpo.py': dsDict().replace('"gradient_accumulation_steps": 8', '"gradient_accumulation_steps": "auto"') },
    'grpo.py',
  );
  assert.equal(fact(auto, 'grad_accum')?.value ?? null, null);
});

test('deepspeed.initialize(args=args): the config on the command line decides; alone, no PyTorch default is claimed', async () => {
  const script = dsDict('', 'None').replace('config=None, ', 'args=args, ');
  const alone = await analyze({ 'train.py': script }, 'train.py');
  assert.deepEqual(values(alone, ['precision', 'grad_accum']), [null, null]);
  const json = '{"train_micro_batch_size_per_gpu": 2, "gradient_accumulation_steps": 4, "fp16": {"enabled": true}}';
  const launched = await analyze(
    {
      'train.py': script,
      'ds.json': json,
      'run.sh': 'deepspeed --num_gpus 4 train.py --deepspeed --deepspeed_config ds.json\n',
    },
    'run.sh',
  );
  assert.deepEqual(values(launched, ['precision', 'grad_accum', 'devices']), ['fp16', 4, 4]);
});

test('deepspeed.initialize(config=dict): a global train_batch_size leaves the accumulation to the process count', async () => {
  const script = dsDict().replace('"gradient_accumulation_steps": 8,', '"train_batch_size": 1024,');
  const a = await analyze({ 'train.py': script }, 'train.py');
  assert.deepEqual(values(a, ['micro_batch', 'global_batch', 'grad_accum']), [4, 1024, null]);
  // The engine's bf16 decides over a .half() the script writes for its saved copies.
  const saved = await analyze(
    { 'train.py': `${script}    torch.save({k: v.half() for k, v in engine.module.state_dict().items()}, "ema.pt")\n` },
    'train.py',
  );
  assert.equal(fact(saved, 'precision')?.value, 'bf16');
});

test("shell: bash's older arithmetic $[…] is read like $((…)); an unknown operand leaves it unread", () => {
  const words = (t: string) => parseShell(t).commands[0].words.map((w) => [w.text, w.unresolved]);
  const known =
    'full=128\nmicro=8\ngpus=4\nGA=$[$full/($micro*$gpus)]\ntorchrun train.py --gradient_accumulation_steps $GA\n';
  assert.deepEqual(words(known).slice(-1), [['4', false]]);
  const unknown = 'micro=8\nGA=$[$FULL/$micro]\ntorchrun train.py --gradient_accumulation_steps $GA\n';
  assert.equal(words(unknown).slice(-1)[0][1], true);
});

test("shell: a folder named through the launcher's own path is read relative to it; any other folder stays unread", async () => {
  const launcher = (root: string) => `PROJECT_ROOT="${root}"
export REPO_HOME="\${PROJECT_ROOT}"
torchrun --nproc_per_node="8" src/grpo.py \\
    --per_device_train_batch_size 8 \\
    --bf16 \\
    --deepspeed \${REPO_HOME}/local_scripts/zero2.json
`;
  const ds = '{"train_micro_batch_size_per_gpu": "auto", "zero_optimization": {"stage": 2}}';
  const files = (root: string) => ({
    'run_scripts/run_grpo.sh': launcher(root),
    'local_scripts/zero2.json': ds,
  });
  const a = await analyze(files('$( cd "$( dirname "${BASH_SOURCE[0]}" )/.." && pwd )'), 'run_scripts/run_grpo.sh');
  assert.equal(fact(a, 'zero_stage')?.value, 2);
  // The folder of some other path: not known here, so no config is read.
  const b = await analyze(files('$( cd "$( dirname "$CONFIG" )/.." && pwd )'), 'run_scripts/run_grpo.sh');
  assert.equal(fact(b, 'zero_stage')?.value ?? null, null);
});

const budgetLoop = (budget: string, counter = 'global_step') => `import argparse
import torch
from accelerate import Accelerator

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=1400)
parser.add_argument("--max-train-steps", type=int, default=${budget})
args = parser.parse_args()
accelerator = Accelerator()
loader = torch.utils.data.DataLoader(data, batch_size=32)
global_step = 0
for epoch in range(args.epochs):
    for step, batch in enumerate(loader):
        loss = model(batch)
        accelerator.backward(loss)
        optimizer.step()
        optimizer.zero_grad()
        global_step += 1
        if ${counter} >= args.max_train_steps:
            break
    if global_step >= args.max_train_steps:
        break
`;

test('a batch loop inside an epoch loop that breaks at a run-wide step budget: max_steps beside the epochs', async () => {
  const a = await analyze({ 'train.py': budgetLoop('400000') }, 'train.py');
  assert.deepEqual(values(a, ['max_steps', 'epochs']), [400000, 1400]);
  // The launcher's value replaces the default.
  const b = await analyze(
    { 'train.py': budgetLoop('400000'), 'run.sh': 'accelerate launch train.py --max-train-steps 2000\n' },
    'run.sh',
  );
  assert.equal(fact(b, 'max_steps')?.value, 2000);
});

test('a break at the batch index, or at a budget with no number, is no run-wide step budget', async () => {
  // `step` restarts every epoch: a cap on batches per epoch, not on the run.
  const perEpoch = await analyze({ 'train.py': budgetLoop('400000', 'step') }, 'train.py');
  assert.equal(fact(perEpoch, 'max_steps')?.value ?? null, null);
  // diffusers' default None (computed from the epochs later): no budget claimed.
  const none = await analyze({ 'train.py': budgetLoop('None') }, 'train.py');
  assert.equal(fact(none, 'max_steps')?.value ?? null, null);
  assert.equal(fact(none, 'epochs')?.value, 1400);
  // A break at every multiple leaves the batch loop again and again; the epochs go on.
  const multiple = budgetLoop('1000').replace(
    'if global_step >= args.max_train_steps:\n            break',
    'if global_step % args.max_train_steps == 0:\n            break',
  );
  assert.equal(fact(await analyze({ 'train.py': multiple }, 'train.py'), 'max_steps')?.value ?? null, null);
});

test('a loop over a name bound to a range counts steps: no "one pass over the data"', async () => {
  const steps = dsDict().replace(
    'for step in range(1000):',
    'progress = range(1, all_steps + 1)\nif rank == 0:\n    progress = tqdm(progress)\nfor step in progress:',
  );
  const a = await analyze({ 'grpo.py': `all_steps = 1000\n${steps}` }, 'grpo.py');
  assert.equal(fact(a, 'epochs')?.value ?? null, null);
  // A loop over the data itself, with no epoch loop, is still one pass.
  const data = dsDict().replace('for step in range(1000):', 'for batch in loader:');
  const b = await analyze({ 'grpo.py': data }, 'grpo.py');
  assert.equal(fact(b, 'epochs')?.value, 1);
});
