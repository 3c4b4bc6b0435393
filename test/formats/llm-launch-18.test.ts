// Facts of language-model training as launched (session 18): the global batch behind an accumulation a Hugging Face
// script computes, DeepSpeed configs passed as a dict, and the folder a launcher's `cd` moves to.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

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
