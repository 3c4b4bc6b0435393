// Batch of development round 27: the global batch of one process of an accelerate script — the script given alone
// or started by a plain `python` command — is its loader batch × accumulation (one data-parallel rank), while the GPU
// count stays open. Fixtures written for this project in the style of a hand-written accelerate loop.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, launchedFact } from './helpers';

const SCRIPT = (extra = '') => `import argparse
import torch
from torch.utils.data import DataLoader, TensorDataset
from accelerate import Accelerator
${extra}

def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--train_batch_size", type=int, default=16)
    parser.add_argument("--gradient_accumulation_steps", type=int, default=2)
    parser.add_argument("--num_train_epochs", type=int, default=3)
    return parser.parse_args()


def main():
    args = parse_args()
    accelerator = Accelerator(gradient_accumulation_steps=args.gradient_accumulation_steps)
    model = torch.nn.Linear(32, 2)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)
    data = TensorDataset(torch.randn(1024, 32), torch.randint(0, 2, (1024,)))
    loader = DataLoader(data, batch_size=args.train_batch_size, shuffle=True)
    model, optimizer, loader = accelerator.prepare(model, optimizer, loader)
    for epoch in range(args.num_train_epochs):
        for x, y in loader:
            with accelerator.accumulate(model):
                loss = torch.nn.functional.cross_entropy(model(x), y)
                accelerator.backward(loss)
                optimizer.step()
                optimizer.zero_grad()


if __name__ == "__main__":
    MAIN
`;

const script = (extra = '', main = 'main()') => SCRIPT(extra).replace('MAIN', main);

test('an accelerate script given alone is one process: global batch = loader batch × accumulation', async () => {
  const a = await analyze({ 'train.py': script() }, 'train.py');
  assert.equal(fact(a, 'micro_batch')?.value, 16);
  assert.equal(fact(a, 'grad_accum')?.value, 2);
  assert.equal(fact(a, 'global_batch')?.value, 32);
  assert.equal(fact(a, 'global_batch')?.origin, 'inferred');
  // The GPU count is not claimed: only the one data-parallel rank.
  assert.equal(fact(a, 'devices')?.origin, 'assumed');
  assert.equal(fact(a, 'dp')?.value, 1);
});

test('a plain `python` launcher of an accelerate script: its flags times one rank', async () => {
  const files = {
    'train.py': script(),
    'single_gpu.sh': 'python train.py \\\n  --train_batch_size 12 \\\n  --gradient_accumulation_steps 1\n',
  };
  const a = await analyze(files, 'single_gpu.sh');
  assert.equal(launchedFact(a, 'micro_batch')?.value, 12);
  assert.equal(launchedFact(a, 'global_batch')?.value, 12);
});

test('must not: `accelerate launch` without a process count leaves the global batch open', async () => {
  const files = {
    'train.py': script(),
    'multi_gpus.sh': 'accelerate launch --multi_gpu train.py \\\n  --train_batch_size 12\n',
  };
  const a = await analyze(files, 'multi_gpus.sh');
  assert.equal(launchedFact(a, 'micro_batch')?.value, 12);
  assert.equal(launchedFact(a, 'global_batch'), undefined);
  assert.equal(launchedFact(a, 'dp'), undefined);
});

test('must not: a stated process count multiplies the batch, and no one-rank degree is left beside it', async () => {
  const files = {
    'train.py': script(),
    'four.sh': 'accelerate launch --num_processes 4 train.py --train_batch_size 12\n',
  };
  const a = await analyze(files, 'four.sh');
  assert.equal(launchedFact(a, 'global_batch')?.value, 96);
  assert.equal(launchedFact(a, 'dp'), undefined);
});

test('must not: a script that starts its own processes (`notebook_launcher`) is not one rank', async () => {
  const a = await analyze(
    { 'train.py': script('from accelerate import notebook_launcher', 'notebook_launcher(main, num_processes=2)') },
    'train.py',
  );
  assert.equal(fact(a, 'micro_batch')?.value, 16);
  assert.equal(fact(a, 'global_batch'), undefined);
  assert.equal(fact(a, 'dp'), undefined);
});

const HF = (placement: string) => `import torch
from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments
from datasets import load_dataset
import config as cfg


def main():
    tokenizer = AutoTokenizer.from_pretrained(cfg.model_name)
    model = AutoModelForCausalLM.from_pretrained(cfg.model_name${placement})
    data = load_dataset("imdb", split="train")
    args = TrainingArguments(
        output_dir="out",
        per_device_train_batch_size=cfg.per_device_train_batch_size,
        gradient_accumulation_steps=cfg.gradient_accumulation_steps,
        num_train_epochs=cfg.num_train_epochs,
        learning_rate=cfg.learning_rate,
        optim=cfg.optim,
    )
    trainer = Trainer(model=model, args=args, train_dataset=data, tokenizer=tokenizer)
    trainer.train()


if __name__ == "__main__":
    main()
`;
const CONFIG = `model_name = "EleutherAI/pythia-1b"
per_device_train_batch_size = 4
gradient_accumulation_steps = 8
learning_rate = 2e-4
num_train_epochs = 2
optim = "adamw_torch"
`;

test('a Hugging Face Trainer over a model `device_map="auto"` spreads, in one process: one rank', async () => {
  const a = await analyze({ 'train.py': HF(', device_map="auto"'), 'config.py': CONFIG }, 'train.py');
  assert.equal(fact(a, 'micro_batch')?.value, 4);
  assert.equal(fact(a, 'grad_accum')?.value, 8);
  assert.equal(fact(a, 'global_batch')?.value, 32);
});

test('must not: a Trainer in one process without a spreading device map (DataParallel over the visible GPUs)', async () => {
  const a = await analyze({ 'train.py': HF(''), 'config.py': CONFIG }, 'train.py');
  assert.equal(fact(a, 'micro_batch')?.value, 4);
  assert.equal(fact(a, 'global_batch'), undefined);
  assert.equal(fact(a, 'dp'), undefined);
});

test('must not: the config module of that script, given alone, fixes no process count', async () => {
  const a = await analyze({ 'train.py': HF(', device_map="auto"'), 'config.py': CONFIG }, 'config.py');
  assert.equal(fact(a, 'global_batch'), undefined);
  assert.equal(fact(a, 'dp'), undefined);
});

test('must not: a trainer class the run calls but no file of it defines (it may derive from a library trainer)', async () => {
  const text = script('from project_trainers import ProjectTrainer').replace(
    '    model, optimizer, loader = accelerator.prepare(model, optimizer, loader)',
    '    ProjectTrainer(model, loader, accelerator).train()\n    model, optimizer, loader = accelerator.prepare(model, optimizer, loader)',
  );
  const a = await analyze({ 'train.py': text }, 'train.py');
  assert.equal(fact(a, 'micro_batch')?.value, 16);
  assert.equal(fact(a, 'global_batch'), undefined);
  assert.equal(fact(a, 'dp'), undefined);
});
