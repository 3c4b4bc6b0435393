// LLM launchers and the scripts they start (round 27, llmlaunch lane). Fixtures written for these tests.
// 1. The length a script hands its data code or trainer under a length keyword (`get_loader(max_length=args.max_length)`,
//    `DataHandler(model_max_length=model_max_length)` of a fire entry point) is the training sequence length, and a
//    launcher's `--max_length` replaces that default, also for an HF Trainer script. Not a generation budget.
// 2. A launcher named by its path in an environment (`/opt/conda/bin/torchrun`) is that launcher.
// 3. A script under a folder variable the launcher does not set (`${BASE_DIR}/proj/sft.py`) is the checkout's file.
// 4. `SFTConfig(**kw)` with `kw = {…}` built before: the dict's entries are the call's keywords.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const LOOP = `import argparse
import torch
from transformers import AutoModelForCausalLM, AutoTokenizer
from data import make_loader

parser = argparse.ArgumentParser()
parser.add_argument("--model", default="gpt2")
parser.add_argument("--max_length", type=int, default=384)
parser.add_argument("--epochs", type=int, default=2)
args = parser.parse_args()
tok = AutoTokenizer.from_pretrained(args.model)
model = AutoModelForCausalLM.from_pretrained(args.model).cuda()
loader = make_loader("train.jsonl", tok, batch_size=4, max_length=args.max_length)
opt = torch.optim.AdamW(model.parameters(), lr=1e-4)
for epoch in range(args.epochs):
    for batch in loader:
        loss = model(**batch).loss
        loss.backward()
        opt.step()
        opt.zero_grad()
`;

const FIRE = `import fire
from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments
from handler import DataHandler

def main(model: str = "gpt2", model_max_length: int = 256, num_epochs: int = 3):
    tokenizer = AutoTokenizer.from_pretrained(model)
    data = DataHandler(tokenizer=tokenizer, model_max_length=model_max_length)
    args = TrainingArguments(output_dir="o", num_train_epochs=num_epochs, per_device_train_batch_size=8)
    Trainer(model=AutoModelForCausalLM.from_pretrained(model), args=args, train_dataset=data).train()

if __name__ == "__main__":
    fire.Fire(main)
`;

const HF_TOKENIZE = `import argparse
from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments

def build(example, tokenizer, max_length):
    return tokenizer(example["text"], truncation=True, max_length=max_length)

parser = argparse.ArgumentParser()
parser.add_argument("--max_length", type=int, default=2048)
parser.add_argument("--batch_size", type=int, default=1)
args = parser.parse_args()
tok = AutoTokenizer.from_pretrained("gpt2")
ds = ds.map(lambda e: build(e, tok, max_length=args.max_length))
targs = TrainingArguments(output_dir="o", per_device_train_batch_size=args.batch_size)
Trainer(model=AutoModelForCausalLM.from_pretrained("gpt2"), args=targs, train_dataset=ds).train()
`;

const seq = async (files: Record<string, string>, target: string) => fact(await analyze(files, target), 'seq_len');

test('a length option handed to the data code is the sequence length; a launcher flag replaces it', async () => {
  const alone = await seq({ 'train.py': LOOP }, 'train.py');
  assert.equal(alone?.value, 384);
  assert.notEqual(alone?.origin, 'assumed');
  const launched = await seq({ 'train.py': LOOP, 'run.sh': 'python train.py --max_length 1024\n' }, 'run.sh');
  assert.equal(launched?.value, 1024);
});

test('a fire entry point: its length parameter, and the launcher flag of that name', async () => {
  assert.equal((await seq({ 'train.py': FIRE }, 'train.py'))?.value, 256);
  const launched = await seq(
    { 'train.py': FIRE, 'run.sh': 'python train.py --model_max_length 1024 --num_epochs 2\n' },
    'run.sh',
  );
  assert.equal(launched?.value, 1024);
});

test('an HF Trainer script: the launcher --max_length replaces the tokenizer default', async () => {
  const s = await seq(
    { 'train.py': HF_TOKENIZE, 'run.sh': 'torchrun --nproc_per_node=2 train.py --max_length 8192 --batch_size 1\n' },
    'run.sh',
  );
  assert.equal(s?.value, 8192);
});

test('must not: a generation budget (generate, max_new_tokens, an eval helper) is not the sequence length', async () => {
  const gen = LOOP.replace(
    'loader = make_loader("train.jsonl", tok, batch_size=4, max_length=args.max_length)',
    'loader = make_loader("train.jsonl", tok, batch_size=4)\nout = model.generate(ids, max_length=args.max_length)\n' +
      'text = decode_all(model, ids, max_length=args.max_length, max_new_tokens=64)',
  );
  const s = await seq({ 'train.py': gen }, 'train.py');
  assert.ok(s === undefined || s.origin === 'assumed' || s.value !== 384, JSON.stringify(s));
  const inEval = LOOP.replace(
    'loader = make_loader("train.jsonl", tok, batch_size=4, max_length=args.max_length)',
    'loader = make_loader("train.jsonl", tok, batch_size=4)\ndef evaluate():\n    return score(model, max_length=args.max_length)\n',
  );
  const e = await seq({ 'train.py': inEval }, 'train.py');
  assert.ok(e === undefined || e.origin === 'assumed' || e.value !== 384, JSON.stringify(e));
});

test('must not: a commented-out launcher line does not set the length', async () => {
  const s = await seq(
    { 'train.py': LOOP, 'run.sh': '# python train.py --max_length 4096\npython train.py --epochs 1\n' },
    'run.sh',
  );
  assert.equal(s?.value, 384);
});

const TRAIN = `import argparse
from transformers import Trainer, TrainingArguments
p = argparse.ArgumentParser()
p.add_argument("--per_device_train_batch_size", type=int, default=4)
p.add_argument("--num_train_epochs", type=int, default=3)
a = p.parse_args()
args = TrainingArguments(output_dir="o", per_device_train_batch_size=a.per_device_train_batch_size, num_train_epochs=a.num_train_epochs)
Trainer(model=None, args=args).train()
`;

test('a launcher named by its path in an environment starts the script', async () => {
  for (const line of [
    '/opt/conda/envs/py310/bin/torchrun --nproc_per_node=2 train.py --num_train_epochs 5\n',
    'CMD="/opt/conda/bin/torchrun --nproc_per_node=2 train.py --num_train_epochs 5"\nnohup bash -c "${CMD}" > log 2>&1 &\n',
    '/home/u/.conda/envs/x/bin/deepspeed --num_gpus 2 train.py --num_train_epochs 5\n',
  ]) {
    const a = await analyze({ 'train.py': TRAIN, 'run.sh': line }, 'run.sh');
    assert.equal(fact(a, 'epochs')?.value, 5, line);
    assert.equal(fact(a, 'devices')?.value, 2, line);
  }
});

test('must not: a path that only ends in a launcher-like word is not that launcher', async () => {
  const a = await analyze(
    { 'train.py': TRAIN, 'run.sh': '/opt/tools/mytorchrun train.py --num_train_epochs 5\n' },
    'run.sh',
  );
  assert.equal([...a.runs, ...(a.linked ?? [])].filter((r) => r.plan.facts.get('epochs')?.value === 5).length, 0);
});

test('a script under a folder variable the launcher does not set is the checkout file', async () => {
  const a = await analyze(
    {
      'proj/sft.py': TRAIN,
      'proj/run.sh': 'deepspeed --include localhost:0,1 ${BASE_DIR}/proj/sft.py --num_train_epochs 7\n',
    },
    'proj/run.sh',
  );
  assert.equal(fact(a, 'epochs')?.value, 7);
  assert.equal(fact(a, 'devices')?.value, 2);
});

test('must not: a variable path to a file the checkout does not have links nothing', async () => {
  const a = await analyze(
    { 'proj/sft.py': TRAIN, 'proj/run.sh': 'deepspeed ${BASE_DIR}/other/finetune.py --num_train_epochs 7\n' },
    'proj/run.sh',
  );
  assert.equal([...a.runs, ...(a.linked ?? [])].filter((r) => r.plan.facts.get('epochs')?.value === 7).length, 0);
});

const SPLAT = `import argparse
from trl import SFTConfig, SFTTrainer
p = argparse.ArgumentParser()
p.add_argument("--per_device_train_batch_size", type=int, default=4)
p.add_argument("--num_train_epochs", type=int, default=3)
p.add_argument("--gradient_checkpointing", action="store_true")
args = p.parse_args()
kw = {
    "output_dir": "o",
    "per_device_train_batch_size": args.per_device_train_batch_size,
    "num_train_epochs": args.num_train_epochs,
    "gradient_checkpointing": args.gradient_checkpointing,
}
cfg = SFTConfig(**kw)
SFTTrainer(model="gpt2", args=cfg, train_dataset=None).train()
`;

test('SFTConfig(**kw) reads the dict built before it, and a launcher fills its options', async () => {
  const alone = await analyze({ 'train.py': SPLAT }, 'train.py');
  assert.equal(fact(alone, 'micro_batch')?.value, 4);
  assert.equal(fact(alone, 'epochs')?.value, 3);
  const a = await analyze(
    {
      'train.py': SPLAT,
      'run.sh': 'torchrun --nproc_per_node 2 train.py --num_train_epochs 1 --gradient_checkpointing\n',
    },
    'run.sh',
  );
  assert.equal(fact(a, 'epochs')?.value, 1);
  assert.equal(fact(a, 'grad_checkpointing')?.value, true);
  assert.equal(fact(a, 'global_batch')?.value, 8);
});

test('must not: a dict the call is not given, or one rebuilt from a call, adds nothing', async () => {
  const other = SPLAT.replace('cfg = SFTConfig(**kw)', 'kw2 = load()\ncfg = SFTConfig(**kw2)');
  const a = await analyze({ 'train.py': other }, 'train.py');
  assert.notEqual(fact(a, 'micro_batch')?.origin, 'script-default');
  assert.notEqual(fact(a, 'micro_batch')?.value, 4);
});

test("must not: an evaluation command's length flag is not the training run's", async () => {
  const evalScript =
    'import argparse\np = argparse.ArgumentParser()\np.add_argument("--max_length", type=int)\nprint(p.parse_args())\n';
  const a = await analyze(
    {
      'train.py': LOOP,
      'eval.py': evalScript,
      'run.sh': 'python train.py --epochs 1\npython eval.py --max_length 4096\n',
    },
    'run.sh',
  );
  const runs = [...a.runs, ...(a.linked ?? [])];
  assert.ok(runs.length >= 1);
  for (const r of runs) assert.notEqual(r.plan.facts.get('seq_len')?.value, 4096);
});

test("must not: a model loader's max_seq_length (its context capacity) is not the training length", async () => {
  const unsloth = `from unsloth import FastLanguageModel
from transformers import TrainingArguments
from trl import SFTTrainer
model, tokenizer = FastLanguageModel.from_pretrained(model_name="unsloth/llama-3-8b-bnb-4bit", load_in_4bit=True, max_seq_length=2048)
args = TrainingArguments(output_dir="o", per_device_train_batch_size=1, gradient_accumulation_steps=16, bf16=True)
SFTTrainer(model=model, tokenizer=tokenizer, train_dataset=ds, dataset_text_field="text", args=args).train()
`;
  const s = await seq({ 'train.py': unsloth }, 'train.py');
  assert.ok(s === undefined || s.value !== 2048 || s.note?.includes('SFTTrainer'), JSON.stringify(s));
});
