// Hugging Face / TRL arguments that reach the arguments call by routes other than its own keywords: a dict the same
// function builds and unpacks (`TrainingArguments(**kwargs)`, a trainer given `**trainer_kwargs`), and the script's
// default YAML read through casts (`int(cfg["batch"])`), a `pathlib.Path` default and the save/step/length keywords.
// Must-nots: a dict only logged, a key written under a condition, a later override, an evaluation config. Fixtures
// written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, lineOf, theRun } from './helpers';

const HEAD = `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
from trl import SFTConfig, SFTTrainer
model = AutoModelForCausalLM.from_pretrained("gpt2")
`;

test('a dict literal unpacked into TrainingArguments gives its keys, on the dict lines', async () => {
  const code = `${HEAD}
def main(ds):
    kwargs = {
        "output_dir": "out",
        "per_device_train_batch_size": 4,
        "gradient_accumulation_steps": 8,
        "num_train_epochs": 2,
        "save_steps": 250,
        "bf16": True,
    }
    args = TrainingArguments(**kwargs)
    Trainer(model=model, args=args, train_dataset=ds).train()
`;
  const a = await analyze({ 'train.py': code }, 'train.py');
  assert.equal(fact(a, 'micro_batch')?.value, 4);
  assert.equal(fact(a, 'micro_batch')?.origin, 'explicit');
  assert.equal(
    lineOf(code, fact(a, 'micro_batch')!.span!.start),
    code.split('\n').indexOf('        "per_device_train_batch_size": 4,') + 1,
  );
  assert.equal(fact(a, 'grad_accum')?.value, 8);
  assert.equal(fact(a, 'epochs')?.value, 2);
  assert.equal(fact(a, 'save_steps')?.value, 250);
  assert.equal(fact(a, 'precision')?.value, 'bf16');
  // Every argument is visible: what the dict leaves out is the framework's default.
  assert.equal(fact(a, 'max_steps'), undefined);
  assert.equal(fact(a, 'optimizer')?.origin, 'framework-default');
});

test('dict(…) with a later write in the same block, a signature filter and a trainer given **trainer_kwargs', async () => {
  const code = `${HEAD}import inspect
def main(ds, tok):
    cfg = dict(output_dir="out", per_device_train_batch_size=2, gradient_accumulation_steps=4, max_seq_length=1024)
    cfg["per_device_train_batch_size"] = 16
    cfg.update(num_train_epochs=5)
    sig = inspect.signature(SFTConfig.__init__)
    cfg = {k: v for k, v in cfg.items() if k in sig.parameters}
    sft = SFTConfig(**cfg)
    trainer_kwargs = dict(model=model, args=sft, train_dataset=ds)
    trainer_kwargs["processing_class"] = tok
    SFTTrainer(**trainer_kwargs).train()
`;
  const a = await analyze({ 'train.py': code }, 'train.py');
  assert.equal(theRun(a).plan.entry.label, 'SFTTrainer');
  assert.equal(fact(a, 'micro_batch')?.value, 16);
  assert.equal(fact(a, 'grad_accum')?.value, 4);
  assert.equal(fact(a, 'epochs')?.value, 5);
  assert.equal(fact(a, 'seq_len')?.value, 1024);
});

test('must not: a key written under a condition has no value; the default is not reported for it', async () => {
  const code = `${HEAD}
def main(ds, use_steps, steps):
    kwargs = dict(output_dir="out", per_device_train_batch_size=4)
    if use_steps:
        kwargs["max_steps"] = 1000
    else:
        kwargs["num_train_epochs"] = 3
    if steps:
        kwargs["per_device_train_batch_size"] = 1
    Trainer(model=model, args=TrainingArguments(**kwargs), train_dataset=ds).train()
`;
  const a = await analyze({ 'train.py': code }, 'train.py');
  assert.equal(fact(a, 'max_steps')?.value, null);
  assert.equal(fact(a, 'epochs')?.value, null);
  assert.equal(fact(a, 'micro_batch')?.value, null);
});

test('must not: a dict that is only logged, or bound again under a condition, is not the arguments', async () => {
  const logged = `${HEAD}
def main(ds, extra):
    shown = {"per_device_train_batch_size": 64, "num_train_epochs": 9}
    print(shown)
    args = TrainingArguments(output_dir="out", **extra)
    Trainer(model=model, args=args, train_dataset=ds).train()
`;
  const a = await analyze({ 'train.py': logged }, 'train.py');
  assert.notEqual(fact(a, 'micro_batch')?.value, 64);
  assert.notEqual(fact(a, 'epochs')?.value, 9);
  assert.match(fact(a, 'micro_batch')?.note ?? '', /\*\*kwargs/);
  const rebound = `${HEAD}
def main(ds, big):
    kw = {"output_dir": "out", "per_device_train_batch_size": 4}
    if big:
        kw = {"output_dir": "out", "per_device_train_batch_size": 32}
    Trainer(model=model, args=TrainingArguments(**kw), train_dataset=ds).train()
`;
  const b = await analyze({ 'train.py': rebound }, 'train.py');
  assert.notEqual(fact(b, 'micro_batch')?.value, 4);
  assert.notEqual(fact(b, 'micro_batch')?.value, 32);
});

test('must not: a key the dict sets after the call does not reach it; a quick fix does not write into the dict', async () => {
  const code = `${HEAD}
def main(ds):
    kw = {"output_dir": "out", "per_device_train_batch_size": 4, "fp16": False}
    args = TrainingArguments(**kw)
    kw["per_device_train_batch_size"] = 128
    Trainer(model=model, args=args, train_dataset=ds).train()
`;
  const a = await analyze({ 'train.py': code }, 'train.py');
  assert.equal(fact(a, 'micro_batch')?.value, 4);
  assert.equal(theRun(a).plan.edit?.({ precision: 'bf16' }), undefined);
});

const YAML_SCRIPT = (loadDefault: string) => `import argparse
from pathlib import Path
import yaml
from transformers import AutoModelForCausalLM
from trl import DPOConfig, DPOTrainer

p = argparse.ArgumentParser()
p.add_argument("--config", default=${loadDefault})
args = p.parse_args()
cfg = yaml.safe_load(open(args.config))
model = AutoModelForCausalLM.from_pretrained("gpt2", device_map="cuda")
conf = DPOConfig(
    output_dir="out",
    per_device_train_batch_size=int(cfg["per_device_train_batch_size"]),
    gradient_accumulation_steps=int(cfg["gradient_accumulation_steps"]),
    num_train_epochs=float(cfg["num_train_epochs"]),
    save_steps=int(cfg["save_steps"]),
    max_length=int(cfg["max_length"]),
)
DPOTrainer(model=model, args=conf, train_dataset=None).train()
`;
const YAML = `per_device_train_batch_size: 2
gradient_accumulation_steps: 16
num_train_epochs: 1
save_steps: 300
max_length: 768
eval_batch: 64
`;

test("the default config's values reach DPOConfig through int()/float() casts and a pathlib.Path default", async () => {
  for (const d of ['"configs/dpo.yaml"', 'Path("configs/dpo.yaml")']) {
    const a = await analyze({ 'train.py': YAML_SCRIPT(d), 'configs/dpo.yaml': YAML }, 'train.py');
    assert.equal(fact(a, 'micro_batch')?.value, 2, d);
    assert.equal(fact(a, 'micro_batch')?.origin, 'inferred');
    assert.equal(fact(a, 'grad_accum')?.value, 16);
    assert.equal(fact(a, 'epochs')?.value, 1);
    assert.equal(fact(a, 'save_steps')?.value, 300);
    assert.equal(fact(a, 'seq_len')?.value, 768);
  }
});

test('must not: a config key read only for evaluation, or a max_length given to the tokenizer, is not a run value', async () => {
  const code = YAML_SCRIPT('"configs/dpo.yaml"')
    .replace(
      'per_device_train_batch_size=int(cfg["per_device_train_batch_size"])',
      'per_device_eval_batch_size=cfg["eval_batch"]',
    )
    .replace('    max_length=int(cfg["max_length"]),\n', '')
    .replace('DPOTrainer(', 'enc = tok("x", max_length=cfg["max_length"])\nDPOTrainer(');
  const a = await analyze({ 'train.py': code, 'configs/dpo.yaml': YAML }, 'train.py');
  assert.notEqual(fact(a, 'micro_batch')?.value, 64);
  assert.notEqual(fact(a, 'seq_len')?.value, 768);
});

test("a dict of the default config's values, the config named by a module constant joined with /, reaches SFTConfig", async () => {
  const code = `import argparse
from pathlib import Path
import yaml
from transformers import AutoModelForCausalLM
from trl import SFTConfig, SFTTrainer

HERE = Path(__file__).resolve().parent
RUN_CONFIG = HERE / "conf" / "run.yaml"

def make_args(section):
    opts = {
        "output_dir": "out",
        "per_device_train_batch_size": int(section["per_device_train_batch_size"]),
        "gradient_accumulation_steps": int(section.get("gradient_accumulation_steps", 1)),
        "num_train_epochs": float(section.get("num_train_epochs", 1)),
    }
    return SFTConfig(**opts)

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--config", type=Path, default=RUN_CONFIG)
    a = p.parse_args()
    cfg = yaml.safe_load(open(a.config))
    model = AutoModelForCausalLM.from_pretrained("gpt2")
    SFTTrainer(model=model, args=make_args(cfg["train"]), train_dataset=None).train()

main()
`;
  const conf = `train:
  per_device_train_batch_size: 6
  gradient_accumulation_steps: 3
  num_train_epochs: 2
`;
  const a = await analyze({ 'train.py': code, 'conf/run.yaml': conf }, 'train.py');
  assert.equal(fact(a, 'micro_batch')?.value, 6);
  assert.equal(fact(a, 'micro_batch')?.origin, 'inferred');
  assert.equal(fact(a, 'grad_accum')?.value, 3);
  assert.equal(fact(a, 'epochs')?.value, 2);
  // Not the `.get` fallbacks written in the script.
  const none = await analyze({ 'train.py': code }, 'train.py');
  assert.notEqual(fact(none, 'grad_accum')?.value, 3);
  assert.notEqual(fact(none, 'micro_batch')?.origin, 'inferred');
});
