// Facts the HF/TRL extractor reads from scripts, and the origin it gives them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeSettings } from '../../engine/settings';
import { analyzeText } from '../../server/review/analyze-file';

const settings = mergeSettings({ values: { hardware: 'a100-80gb' }, source: 'test' });
const facts = async (code: string) => {
  const a = await analyzeText('/w/train.py', code, settings);
  assert.equal(a.runs.length, 1, `runs: ${a.runs.length}`);
  return { plan: a.runs[0].plan, findings: a.findings };
};

test('argparse defaults flow into TrainingArguments as script defaults', async () => {
  const { plan } = await facts(`import argparse
from transformers import TrainingArguments, Trainer
p = argparse.ArgumentParser()
p.add_argument("--batch-size", type=int, default=16)
p.add_argument("--epochs", type=float, default=1.5)
a = p.parse_args()
args = TrainingArguments(output_dir="o", per_device_train_batch_size=a.batch_size, num_train_epochs=a.epochs)
Trainer(model=m, args=args).train()
`);
  assert.equal(plan.facts.get('micro_batch')?.value, 16);
  assert.equal(plan.facts.get('micro_batch')?.origin, 'script-default');
  assert.equal(plan.facts.get('epochs')?.value, 1.5);
});

test('module constants and constant arithmetic resolve; names that are not constants stay unknown', async () => {
  const { plan } = await facts(`from transformers import TrainingArguments
BS = 4 * 2
args = TrainingArguments(output_dir="o", per_device_train_batch_size=BS, gradient_accumulation_steps=get_accum())
`);
  assert.equal(plan.facts.get('micro_batch')?.value, 8);
  assert.equal(plan.facts.get('grad_accum')?.value, null);
  assert.match(plan.facts.get('grad_accum')?.note ?? '', /not a literal/);
});

test('HfArgumentParser: arguments come from the command line, so fp32 is an assumption and GML101 is information', async () => {
  const { plan, findings } = await facts(`from dataclasses import dataclass, field
from transformers import HfArgumentParser, TrainingArguments, Trainer, AutoModelForCausalLM

@dataclass
class ScriptArguments:
    model_name: str = field(default="gpt2-medium")

parser = HfArgumentParser((ScriptArguments, TrainingArguments))
script_args, training_args = parser.parse_args_into_dataclasses()
model = AutoModelForCausalLM.from_pretrained(script_args.model_name)
trainer = Trainer(model=model, args=training_args)
trainer.train()
`);
  assert.equal(plan.facts.get('model')?.value, 'gpt2-medium');
  assert.equal(plan.facts.get('model')?.origin, 'script-default');
  assert.equal(plan.facts.get('precision')?.origin, 'assumed');
  const f = findings.find((x) => x.code === 'GML101');
  assert.equal(f?.severity, 'information');
});

test('**kwargs in TrainingArguments keeps precision an assumption', async () => {
  const { plan } = await facts(
    `from transformers import TrainingArguments\ncfg = load()\nargs = TrainingArguments(output_dir="o", **cfg)\n`,
  );
  assert.equal(plan.facts.get('precision')?.origin, 'assumed');
});

test('gradient_checkpointing_enable(), LoRA, 4-bit base, early stopping and the dataset are facts', async () => {
  const { plan } =
    await facts(`from transformers import AutoModelForCausalLM, BitsAndBytesConfig, Trainer, TrainingArguments, EarlyStoppingCallback
from peft import LoraConfig, get_peft_model
bnb = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_compute_dtype="bfloat16")
model = AutoModelForCausalLM.from_pretrained("mistralai/Mistral-7B-v0.1", quantization_config=bnb)
model.gradient_checkpointing_enable()
model = get_peft_model(model, LoraConfig(r=8))
ds = load_dataset("imdb")
args = TrainingArguments(output_dir="o", bf16=True)
Trainer(model=model, args=args, callbacks=[EarlyStoppingCallback(early_stopping_patience=2)]).train()
`);
  assert.equal(plan.facts.get('grad_checkpointing')?.value, true);
  assert.equal(plan.facts.get('peft')?.value, 'qlora');
  assert.equal(plan.facts.get('early_stopping')?.value, true);
  assert.equal(plan.facts.get('dataset_size')?.value, 25_000);
  assert.ok((plan.facts.get('params')?.value as number) > 7e9);
});

test('Trainer without args uses TrainingArguments defaults (saves every 500 steps): no GML301', async () => {
  const a = await analyzeText(
    '/w/t.py',
    `from transformers import Trainer\nTrainer(model=m, train_dataset=d).train()\n`,
    settings,
  );
  assert.equal(a.runs.length, 1);
  assert.equal(a.runs[0].plan.facts.get('save_steps')?.value, 500);
  assert.equal(a.findings.filter((f) => f.code === 'GML301').length, 0);
});

test('the estimate follows the facts: more epochs, more energy', async () => {
  const base = (epochs: number) =>
    `from transformers import AutoModelForCausalLM, TrainingArguments\nm = AutoModelForCausalLM.from_pretrained("gpt2")\nargs = TrainingArguments(output_dir="o", bf16=True, num_train_epochs=${epochs})\n`;
  const one = (await analyzeText('/w/a.py', base(1), settings)).runs[0].estimate.energyKWh.mid;
  const four = (await analyzeText('/w/a.py', base(4), settings)).runs[0].estimate.energyKWh.mid;
  assert.ok(Math.abs(four / one - 4) < 0.01, `${one} → ${four}`);
});

test('Trainer("org/model", args): the positional model is the run\'s model', async () => {
  const { plan } = await facts(`from transformers import Trainer, TrainingArguments
args = TrainingArguments(output_dir="o")
Trainer("Qwen/Qwen2.5-0.5B", args).train()
`);
  assert.equal(plan.facts.get('model')?.value, 'Qwen/Qwen2.5-0.5B');
  assert.equal(plan.facts.get('model')?.origin, 'explicit');
});

test("a Trainer the file binds itself (`Trainer = train_factory[task]`) is the project's class, not Hugging Face's", async () => {
  const a = await analyzeText(
    '/w/main.py',
    `import torch
from trains.train_factory import train_factory
model = create_model(opt.arch).cuda()
optimizer = torch.optim.Adam(model.parameters(), opt.lr)
Trainer = train_factory[opt.task]
trainer = Trainer(opt, model, optimizer)
for epoch in range(opt.num_epochs):
    trainer.train(epoch, train_loader)
`,
    settings,
  );
  assert.ok(
    a.runs.every((r) => r.plan.framework !== 'hf-trainer'),
    a.runs.map((r) => r.plan.framework).join(),
  );
  assert.ok(!a.findings.some((f) => f.code === 'GML101'), a.findings.map((f) => f.code).join());
});

test("a Trainer called through a module of the project (`train.Trainer(…)`) is the project's class; `transformers.Trainer` is Hugging Face's", async () => {
  const own = await analyzeText(
    '/w/main.py',
    `import argparse
import lib.train as train
import lib.models as models
p = argparse.ArgumentParser()
p.add_argument("--nEpochs", type=int, default=100)
args = p.parse_args()
model, optimizer = models.create_model(args)
trainer = train.Trainer(args, model.cuda(), optimizer, train_data_loader=loader, valid_data_loader=val_loader)
trainer.training()
`,
    settings,
  );
  assert.ok(
    own.runs.every((r) => r.plan.framework !== 'hf-trainer'),
    own.runs.map((r) => r.plan.framework).join(),
  );
  // must not lose: the library's Trainer called through its module.
  const { plan } = await facts(`import transformers
model = transformers.AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-0.5B")
args = transformers.TrainingArguments(output_dir="o", num_train_epochs=2)
transformers.Trainer(model=model, args=args, train_dataset=ds).train()
`);
  assert.equal(plan.framework, 'hf-trainer');
  assert.equal(plan.facts.get('epochs')?.value, 2);
});
