// A 20,000-file repository for `npm run bench`: a quarter each training scripts, YAML configs, launchers and
// utilities, in nested project folders the way monorepos of experiments are laid out. Written by this project;
// the shapes follow common public layouts (a script, its configs/, scripts/ launchers, utils/).
import * as fs from 'node:fs';
import * as path from 'node:path';

const MODELS = ['Qwen/Qwen2.5-1.5B', 'meta-llama/Llama-3.2-1B', 'gpt2', 'mistralai/Mistral-7B-v0.1'];

const script = (i: number) => `import yaml
from transformers import AutoModelForCausalLM, HfArgumentParser, Trainer, TrainingArguments

from utils.data_${i} import load_data


def main():
    parser = HfArgumentParser(TrainingArguments)
    (args,) = parser.parse_yaml_file("configs/exp_${i}.yaml")
    model = AutoModelForCausalLM.from_pretrained("${MODELS[i % MODELS.length]}")
    train = load_data()
    Trainer(model=model, args=args, train_dataset=train).train()


if __name__ == "__main__":
    main()
`;

const config = (i: number) => `output_dir: out/exp_${i}
per_device_train_batch_size: ${4 << (i % 3)}
gradient_accumulation_steps: ${1 + (i % 4)}
num_train_epochs: ${1 + (i % 3)}
learning_rate: 2.0e-5
save_strategy: ${i % 5 === 0 ? '"no"' : 'steps'}
${i % 2 === 0 ? 'bf16: true' : 'fp16: false'}
`;

const launcher = (i: number) => `#!/usr/bin/env bash
set -euo pipefail
export CUDA_VISIBLE_DEVICES=0,1
torchrun --nproc_per_node 2 train_${i}.py --learning_rate 3e-5 --seed ${i}
`;

const utility = (i: number) => `"""Data helpers for experiment ${i}."""
import json
import random


def load_data(path="data/train_${i}.jsonl", limit=None):
    rows = []
    with open(path) as f:
        for line in f:
            rows.append(json.loads(line))
            if limit and len(rows) >= limit:
                break
    random.shuffle(rows)
    return rows


def collate(batch, pad_id=0):
    longest = max(len(x["input_ids"]) for x in batch)
    return [x["input_ids"] + [pad_id] * (longest - len(x["input_ids"])) for x in batch]
`;

/** Writes `n` files (n/4 of each kind) under `dir`, 20 experiments per project folder. */
export function writeBigRepo(dir: string, n = 20_000): void {
  const per = n / 4;
  for (let i = 0; i < per; i++) {
    const proj = path.join(dir, `team${Math.floor(i / 500)}`, `project${Math.floor(i / 20)}`);
    for (const sub of ['configs', 'scripts', 'utils']) fs.mkdirSync(path.join(proj, sub), { recursive: true });
    fs.writeFileSync(path.join(proj, `train_${i}.py`), script(i));
    fs.writeFileSync(path.join(proj, 'configs', `exp_${i}.yaml`), config(i));
    fs.writeFileSync(path.join(proj, 'scripts', `run_${i}.sh`), launcher(i));
    fs.writeFileSync(path.join(proj, 'utils', `data_${i}.py`), utility(i));
  }
}
