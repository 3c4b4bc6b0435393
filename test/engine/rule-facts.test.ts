// The facts the rules beyond the footprint read (engine/extract/python-hints.ts, the loader and TrainingArguments
// fields): value, origin and the span of the text that decides each one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryReader } from '../../engine/link';
import { mergeSettings } from '../../engine/settings';
import type { FactKey } from '../../engine/types';
import { analyzeText } from '../../server/review/analyze-file';

const settings = mergeSettings({ values: { hardware: 'a100' }, source: 'test' });
async function plan(code: string, file = '/f/train.py', files: Record<string, string> = {}) {
  const a = await analyzeText(file, code, settings, memoryReader({ ...files, [file]: code }));
  const run = a.runs[0] ?? a.linked?.[0];
  assert.ok(run, 'a run');
  const at = (k: FactKey) => {
    const f = run.plan.facts.get(k);
    const src = f?.file === file ? code : f?.file ? files[f.file] : undefined;
    return f
      ? { value: f.value, origin: f.origin, text: f.span && src ? src.slice(f.span.start, f.span.end) : undefined }
      : undefined;
  };
  return { at, run };
}

test('TrainingArguments fields: logging, evaluation, hub, loader, saving', async () => {
  const { at } = await plan(`from transformers import Trainer, TrainingArguments
args = TrainingArguments(output_dir="o", logging_steps=10, eval_strategy="steps", eval_steps=50, push_to_hub=True, hub_private_repo=False, dataloader_pin_memory=False, save_total_limit=2, save_only_model=True, hub_strategy="all_checkpoints")
Trainer(model="Qwen/Qwen2.5-0.5B", args=args).train()
`);
  assert.deepEqual(at('logging_steps'), { value: 10, origin: 'explicit', text: 'logging_steps=10' });
  assert.deepEqual(at('eval_strategy')?.value, 'steps');
  assert.deepEqual(at('eval_steps')?.text, 'eval_steps=50');
  assert.deepEqual([at('push_to_hub')?.value, at('hub_private')?.value], [true, false]);
  assert.deepEqual([at('pin_memory')?.value, at('save_total_limit')?.value], [false, 2]);
  assert.deepEqual([at('save_only_model')?.value, at('hub_strategy')?.value], [true, 'all_checkpoints']);
});

test('the same fields from an HF-args YAML file', async () => {
  const yaml =
    'model_name_or_path: Qwen/Qwen2.5-0.5B\noutput_dir: out\nper_device_train_batch_size: 8\nlogging_steps: 1\neval_strategy: steps\npush_to_hub: true\n';
  const { at } = await plan(yaml, '/f/args.yaml');
  assert.deepEqual(at('logging_steps'), { value: 1, origin: 'explicit', text: 'logging_steps: 1' });
  assert.equal(at('push_to_hub')?.value, true);
});

test('code signals: attention, DataParallel, debug switches, host syncs, 4-bit compute dtype', async () => {
  const { at } = await plan(`import os
import torch
from transformers import AutoModelForCausalLM, BitsAndBytesConfig
os.environ["CUDA_LAUNCH_BLOCKING"] = "1"
bnb = BitsAndBytesConfig(load_in_4bit=True)
model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B", attn_implementation="eager", quantization_config=bnb)
model = torch.nn.DataParallel(model)
opt = torch.optim.AdamW(model.parameters(), foreach=False)
for batch in loader:
    loss = model(**batch).loss
    loss.backward()
    opt.step()
    print(loss.item())
`);
  assert.deepEqual(at('attn_impl'), { value: 'eager', origin: 'explicit', text: 'attn_implementation="eager"' });
  assert.equal(at('data_parallel')?.text, 'torch.nn.DataParallel(model)');
  assert.deepEqual(at('debug_flag')?.value, 'CUDA_LAUNCH_BLOCKING');
  assert.equal(at('host_sync')?.text, 'loss.item()');
  assert.deepEqual(at('optimizer_impl'), { value: 'single-tensor', origin: 'explicit', text: 'foreach=False' });
  // Not written: the library default, on the call a fix inserts into.
  assert.deepEqual(at('compute_dtype'), {
    value: 'fp32',
    origin: 'framework-default',
    text: 'BitsAndBytesConfig(load_in_4bit=True)',
  });
});

test('credentials are facts of their kind, never of their value', async () => {
  const secret = 'hf_' + 'Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7';
  const { at, run } = await plan(`from huggingface_hub import login
from transformers import Trainer, TrainingArguments
login(token="${secret}")
Trainer(model="Qwen/Qwen2.5-0.5B", args=TrainingArguments(output_dir="o")).train()
`);
  assert.equal(at('credential')?.value, 'Hugging Face token');
  assert.ok(!JSON.stringify([...run.plan.facts.values()]).includes(secret.slice(3)));
});

test('sweeps and local data', async () => {
  const { at } = await plan(`import optuna
from datasets import load_dataset
from transformers import Trainer, TrainingArguments
data = load_dataset("json", data_files="data/train.jsonl")
def objective(trial):
    return Trainer(model="Qwen/Qwen2.5-0.5B", args=TrainingArguments(output_dir="o")).train().training_loss
study = optuna.create_study()
study.optimize(objective)
`);
  assert.equal(at('sweep')?.value, 'optuna');
  assert.deepEqual(at('sweep_trials')?.value, 'unbounded');
  assert.equal(at('local_data')?.value, true);
});
