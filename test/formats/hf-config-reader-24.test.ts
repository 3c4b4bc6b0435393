// A recipe YAML whose `train:` block a Hugging Face Trainer script of the project reads key by key
// (`TrainingArguments(per_device_train_batch_size=tcfg.get(…), …)` after `yaml.safe_load`). The config given alone
// is one run with that script: what the script leaves to TrainingArguments (no `optim`, no `dataloader_num_workers`)
// is transformers' default — AdamW and 0 workers — and what the script writes itself is what runs. A script that
// reads the same keys but never trains (`trainer.evaluate()` only) gives the config nothing. Fixtures written for
// these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const CONFIG = `model:
  name: Qwen/Qwen2-0.5B
train:
  output_dir: out/sft
  per_device_train_batch_size: 2
  gradient_accumulation_steps: 8
  num_train_epochs: 2
  learning_rate: 2.0e-4
  logging_steps: 10
  save_steps: 200
  bf16: true
  gradient_checkpointing: false
`;

const script = (extra: string, run = 'trainer.train()') => `import argparse
import yaml
from transformers import AutoModelForCausalLM, Trainer, TrainingArguments


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", type=str, required=True)
    args = parser.parse_args()
    with open(args.config) as f:
        cfg = yaml.safe_load(f)
    tcfg = cfg["train"]
    model = AutoModelForCausalLM.from_pretrained(cfg["model"]["name"])
    train_args = TrainingArguments(
        output_dir=tcfg.get("output_dir", "out"),
        per_device_train_batch_size=int(tcfg.get("per_device_train_batch_size", 1)),
        gradient_accumulation_steps=int(tcfg.get("gradient_accumulation_steps", 1)),
        num_train_epochs=float(tcfg.get("num_train_epochs", 1)),
        learning_rate=float(tcfg.get("learning_rate", 1e-4)),
        logging_steps=int(tcfg.get("logging_steps", 10)),
        save_steps=int(tcfg.get("save_steps", 500)),
        bf16=bool(tcfg.get("bf16", False)),
        gradient_checkpointing=bool(tcfg.get("gradient_checkpointing", True)),${extra}
    )
    trainer = Trainer(model=model, args=train_args)
    ${run}


if __name__ == "__main__":
    main()
`;

const project = (py: string) => ({
  'rl/README.md': 'SFT recipes\n',
  'rl/configs/sft_qwen.yaml': CONFIG,
  'rl/sft/run_recipe.py': py,
});

test('a recipe read by a Trainer script: the optimizer and workers TrainingArguments defaults to', async () => {
  const a = await analyze(project(script('')), 'rl/configs/sft_qwen.yaml');
  assert.match(String(fact(a, 'optimizer')?.value), /^adamw/);
  assert.match(fact(a, 'optimizer')?.note ?? '', /run_recipe\.py/);
  assert.equal(fact(a, 'num_workers')?.value, 0);
  assert.equal(fact(a, 'micro_batch')?.value, 2);
});

test('what the script writes in TrainingArguments is what the recipe runs with', async () => {
  const a = await analyze(
    project(script('\n        optim="adafactor",\n        dataloader_num_workers=4,')),
    'rl/configs/sft_qwen.yaml',
  );
  assert.equal(fact(a, 'optimizer')?.value, 'adafactor');
  assert.equal(fact(a, 'num_workers')?.value, 4);
});

test('a script that reads the recipe but only evaluates gives it no optimizer or workers', async () => {
  const a = await analyze(project(script('', 'print(trainer.evaluate())')), 'rl/configs/sft_qwen.yaml');
  const o = fact(a, 'optimizer');
  const w = fact(a, 'num_workers');
  assert.ok(!o?.value || o.origin === 'assumed', String(o?.value));
  assert.ok(w?.value === undefined || w.value === null || w.origin === 'assumed', String(w?.value));
});
