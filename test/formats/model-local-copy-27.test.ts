// A model loaded from a local copy of a hub checkpoint is that checkpoint: a cluster's shared mirror in the hub's
// `<owner>/<name>` layout, the Hugging Face cache's `models--<owner>--<name>` folder, a folder named exactly as one
// publisher's release. A run's own output folder still names no model. Fixtures written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const trainer = (
  path: string,
) => `from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments

tokenizer = AutoTokenizer.from_pretrained("${path}")
model = AutoModelForCausalLM.from_pretrained("${path}")
args = TrainingArguments(output_dir="out", per_device_train_batch_size=4, num_train_epochs=1)
trainer = Trainer(model=model, args=args, train_dataset=train_ds, tokenizer=tokenizer)
trainer.train()
`;

const modelOf = async (path: string) =>
  fact(await analyze({ 'train.py': trainer(path) }, 'train.py'), 'model')?.value ?? null;

test('a shared mirror in the hub layout is the hub checkpoint it copies', async () => {
  assert.equal(await modelOf('/scratch/public_models/huggingface/Qwen/Qwen3-4B'), 'Qwen/Qwen3-4B');
  // An owner the size table does not know: the mirror still names the checkpoint.
  assert.equal(
    await modelOf('/scratch/public_models/huggingface/deepseek-ai/DeepSeek-R1-Distill-Qwen-7B'),
    'deepseek-ai/DeepSeek-R1-Distill-Qwen-7B',
  );
  assert.equal(
    await modelOf('/home/me/.cache/huggingface/hub/models--mistralai--Mistral-7B-v0.1/snapshots/26bca36bde'),
    'mistralai/Mistral-7B-v0.1',
  );
});

test('a folder named as a release is a clone of that release', async () => {
  assert.equal(
    await modelOf('/lustre/isaac/proj/UTK0281/CodeLlama-7b-Instruct-hf'),
    'codellama/CodeLlama-7b-Instruct-hf',
  );
});

test("must not: a run's own output folder, or a folder under an unknown owner, names no model", async () => {
  assert.equal(await modelOf('/scratch/me/runs/llama-sft/checkpoint-500'), null);
  assert.equal(await modelOf('/data/my-lab/my-llama-finetune'), null);
  // A known owner's folder holding a save, not a release.
  assert.equal(await modelOf('/data/mirror/Qwen/checkpoint-200'), null);
  assert.equal(await modelOf('/data/mirror/nvidia/checkpoints'), null);
  // A renamed copy (Qwen2.5 was never released as "-chat"): no hub id is made up; the folder stays as written.
  assert.equal(await modelOf('/data/models/qwen2.5-7B-chat'), '/data/models/qwen2.5-7B-chat');
});
