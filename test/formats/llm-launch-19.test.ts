// Facts of language-model training as launched (session 19): nanoGPT-style scripts whose accumulation is divided by
// the process count and whose dtype the GPU decides, lit-gpt / TinyLlama loops counted in micro-batches, optimizers
// built by a method of the project's model class, and an early-stopping callback behind a switch.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const values = (a: Awaited<ReturnType<typeof analyze>>, keys: string[]) =>
  keys.map((k) => {
    const f = fact(a, k as never);
    return f && f.origin !== 'assumed' ? (f.value ?? null) : null;
  });

// The shape of nanoGPT's train.py: globals a config file overwrites, the accumulation divided under DDP.
const nano = (opts: { dtype?: string; accum?: string; divide?: boolean; assert?: boolean } = {}) => `import os
import torch
from model import GPTConfig, GPT
out_dir = 'out'
eval_interval = 2000
always_save_checkpoint = True
gradient_accumulation_steps = ${opts.accum ?? '5 * 8'}
batch_size = 12
block_size = 1024
max_iters = 600000
dtype = ${opts.dtype ?? "'bfloat16' if torch.cuda.is_available() and torch.cuda.is_bf16_supported() else 'float16'"}
compile = True
exec(open('configurator.py').read())
ddp = int(os.environ.get('RANK', -1)) != -1
if ddp:
    ddp_world_size = int(os.environ['WORLD_SIZE'])
${opts.assert === false ? '' : '    assert gradient_accumulation_steps % ddp_world_size == 0\n'}${opts.divide === false ? '' : '    gradient_accumulation_steps //= ddp_world_size\n'}model = GPT(GPTConfig())
optimizer = model.configure_optimizers(0.1, 6e-4, (0.9, 0.95), 'cuda')
while True:
    for micro_step in range(gradient_accumulation_steps):
        logits, loss = model(X, Y)
        scaler.scale(loss).backward()
    scaler.step(optimizer)
    scaler.update()
`;

const MODEL = (optimizer: string) => `import torch
import torch.nn as nn

class GPTConfig:
    n_layer: int = 12

class GPT(nn.Module):
    def __init__(self, config):
        super().__init__()

    def configure_optimizers(self, weight_decay, learning_rate, betas, device_type):
        groups = [{'params': [p for p in self.parameters()], 'weight_decay': weight_decay}]
        optimizer = ${optimizer}(groups, lr=learning_rate, betas=betas)
        return optimizer
`;

test('nanoGPT: the accumulation divided by the process count is per process only once the count is known', async () => {
  const alone = await analyze({ 'train.py': nano() }, 'train.py');
  assert.deepEqual(values(alone, ['micro_batch', 'global_batch', 'grad_accum', 'devices']), [12, 480, null, null]);
  const launched = await analyze(
    { 'train.py': nano(), 'run.sh': 'torchrun --standalone --nproc_per_node=8 train.py\n' },
    'run.sh',
  );
  assert.deepEqual(values(launched, ['global_batch', 'grad_accum', 'devices']), [480, 5, 8]);
  // A device count the user sets divides it too.
  const set = await analyze({ 'train.py': nano() }, 'train.py', { devices: 4 });
  assert.equal(fact(set, 'grad_accum')?.value, 10);
  // A script that does not divide keeps its accumulation per process.
  const kept = await analyze({ 'train.py': nano({ divide: false, assert: false }) }, 'train.py');
  assert.deepEqual(values(kept, ['grad_accum', 'global_batch']), [40, null]);
});

test('nanoGPT: an accumulation of 1 asserted to divide by the process count runs on one process', async () => {
  const one = await analyze({ 'train.py': nano({ accum: '1' }) }, 'train.py');
  assert.deepEqual(values(one, ['devices', 'grad_accum', 'global_batch']), [1, 1, 12]);
  // Without the assert any process count runs it (each process then accumulates 0 steps — not judged): no device.
  const open = await analyze({ 'train.py': nano({ accum: '1', assert: false }) }, 'train.py');
  assert.equal(values(open, ['devices'])[0], null);
});

test('nanoGPT: bf16 where the GPU supports it, else fp16 — unknown until the hardware is named', async () => {
  const unknown = await analyze({ 'train.py': nano() }, 'train.py');
  assert.equal(fact(unknown, 'precision')?.value ?? null, null);
  assert.match(fact(unknown, 'precision')?.note ?? '', /not known until the hardware is/);
  const a100 = await analyze({ 'train.py': nano() }, 'train.py', { hardware: 'a100' });
  assert.equal(fact(a100, 'precision')?.value, 'bf16');
  const v100 = await analyze({ 'train.py': nano() }, 'train.py', { hardware: 'v100' });
  assert.equal(fact(v100, 'precision')?.value, 'fp16');
  // A condition that is not the GPU's bf16 support decides nothing here.
  const other = await analyze({ 'train.py': nano({ dtype: "'bfloat16' if use_bf16 else 'float16'" }) }, 'train.py', {
    hardware: 'a100',
  });
  assert.equal(fact(other, 'precision')?.value ?? null, null);
});

test("nanoGPT: the optimizer built by the model class's configure_optimizers in the project's model module", async () => {
  const a = await analyze({ 'train.py': nano(), 'model.py': MODEL('torch.optim.AdamW') }, 'train.py');
  const o = fact(a, 'optimizer');
  assert.deepEqual([o?.value, o?.origin], ['adamw', 'inferred']);
  assert.match(o?.note ?? '', /GPT\.configure_optimizers\(\)/);
  // The method builds its optimizer from a choice the code does not fix: nothing.
  const chosen = await analyze(
    { 'train.py': nano(), 'model.py': MODEL("getattr(torch.optim, 'AdamW' if betas else 'SGD')") },
    'train.py',
  );
  assert.equal(fact(chosen, 'optimizer')?.value ?? null, null);
  // The class is not in the project (a library's): nothing.
  const missing = await analyze({ 'train.py': nano() }, 'train.py');
  assert.equal(fact(missing, 'optimizer')?.value ?? null, null);
});

test('nanoGPT: a config file that imports what its values use (`import time`) is still a config of train.py', async () => {
  const cfg = `import time
out_dir = 'out-shakespeare'
wandb_run_name = 'ft-' + str(time.time())
init_from = 'gpt2-xl'
always_save_checkpoint = False
batch_size = 1
gradient_accumulation_steps = 32
max_iters = 20
`;
  const a = await analyze({ 'train.py': nano(), 'config/finetune.py': cfg }, 'config/finetune.py');
  assert.deepEqual(values(a, ['micro_batch', 'global_batch', 'grad_accum', 'model']), [1, 32, null, 'gpt2-xl']);
  // A file with code beyond its globals is no config of train.py.
  const code = `${cfg}print(time.time())\n`;
  const b = await analyze({ 'train.py': nano(), 'config/finetune.py': code }, 'config/finetune.py');
  assert.ok(
    !b.linked?.some((r) => r.plan.framework === 'nanogpt') && !b.runs.some((r) => r.plan.framework === 'nanogpt'),
  );
});

// lit-gpt / TinyLlama pretraining: globals per device, max_iters counted in micro-batches.
const tiny = (maxIters: string) => `import lightning as L
import torch
num_of_devices = 8
global_batch_size = 512
micro_batch_size = 8
max_step = 100000
save_step_interval = 5000
batch_size = global_batch_size // num_of_devices
gradient_accumulation_steps = batch_size // micro_batch_size
max_iters = ${maxIters}

def setup(devices: int = num_of_devices):
    fabric = L.Fabric(devices=devices, precision="bf16-mixed")
    main(fabric)

def main(fabric):
    model = build()
    optimizer = torch.optim.AdamW(model.parameters(), lr=4e-4, weight_decay=0.1, betas=(0.9, 0.95))
    state = {"model": model, "optimizer": optimizer, "iter_num": 0, "step_count": 0}
    for train_data in loader:
        if state["iter_num"] >= max_iters:
            break
        state["iter_num"] += 1
        is_accumulating = state["iter_num"] % gradient_accumulation_steps != 0
        loss = model(train_data)
        fabric.backward(loss / gradient_accumulation_steps)
        if not is_accumulating:
            optimizer.step()
            state["step_count"] += 1
        if not is_accumulating and state["step_count"] % save_step_interval == 0:
            checkpoint_path = out_dir / f"iter-{state['iter_num']:06d}-ckpt.pth"
            fabric.print(f"Saving checkpoint to {str(checkpoint_path)!r}")
            fabric.barrier()
            fabric.print("saving")
            fabric.save(checkpoint_path, state)
`;

test('lit-gpt / TinyLlama: per-device accumulation kept on 8 devices, max_iters in micro-batches, the AdamW it builds', async () => {
  const a = await analyze({ 'pretrain.py': tiny('max_step * gradient_accumulation_steps') }, 'pretrain.py');
  assert.deepEqual(
    values(a, ['devices', 'micro_batch', 'grad_accum', 'global_batch', 'max_steps', 'save_steps', 'optimizer']),
    [8, 8, 8, 512, 100000, 5000, 'adamw'],
  );
  // A max_iters that is not the optimizer steps times the accumulation is not turned into optimizer steps.
  const b = await analyze({ 'pretrain.py': tiny('max_step * 2') }, 'pretrain.py');
  assert.equal(values(b, ['max_steps'])[0], null);
});

test('HF script: an EarlyStoppingCallback behind a dataclass switch that is off by default is no early stopping', async () => {
  const script = (patience: string) => `from dataclasses import dataclass, field
from transformers import HfArgumentParser, Seq2SeqTrainer, Seq2SeqTrainingArguments, EarlyStoppingCallback, AutoModelForSeq2SeqLM

@dataclass
class ModelArguments:
    model_name_or_path: str = field(default="google/flan-t5-base")
    early_stopping_patience: int = field(default=${patience})

parser = HfArgumentParser((ModelArguments, Seq2SeqTrainingArguments))
model_args, training_args = parser.parse_args_into_dataclasses()
model = AutoModelForSeq2SeqLM.from_pretrained(model_args.model_name_or_path)
cbs = None
if model_args.early_stopping_patience > 0:
    cbs = [EarlyStoppingCallback(early_stopping_patience=model_args.early_stopping_patience)]
trainer = Seq2SeqTrainer(model=model, args=training_args, callbacks=cbs)
trainer.train()
`;
  const off = await analyze({ 'train.py': script('-1') }, 'train.py');
  assert.notEqual(fact(off, 'early_stopping')?.value, true, 'no early stopping claimed for the default run');
  const on = await analyze({ 'train.py': script('3') }, 'train.py');
  assert.equal(fact(on, 'early_stopping')?.value, true);
});
