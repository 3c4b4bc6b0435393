// Hugging Face / TRL fine-tuning scripts as structured repositories write them (session 28, lane llm):
// - the TrainingArguments (or TRL config) built in a helper of the same file — a method returning them, a name bound
//   to its result, or a parameter of the function that builds the trainer — are the trainer's arguments, not a
//   second run beside a trainer showing TrainingArguments' defaults;
// - precision switches behind checks of the machine (`args.bf16 and torch.cuda.is_available()`,
//   `torch.cuda.is_available() and torch.cuda.is_bf16_supported()`): on a GPU, and decided by the GPU's bf16 support
//   once the hardware is known.
// Fixtures written for these tests; no file of a studied repository is copied.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const HEAD = `import torch
from transformers import AutoModelForCausalLM, TrainingArguments
from trl import SFTTrainer, SFTConfig
`;

test('arguments returned by a method of the class: the trainer trains with them (one run)', async () => {
  const text = `${HEAD}
class Runner:
    def __init__(self, cfg):
        self.cfg = cfg

    def _args(self, out):
        return TrainingArguments(
            output_dir=out,
            per_device_train_batch_size=4,
            gradient_accumulation_steps=8,
            num_train_epochs=2,
            optim="paged_adamw_8bit",
            bf16=True,
            save_steps=250,
        )

    def run(self):
        model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-0.5B")
        targs = self._args("out")
        trainer = SFTTrainer(model=model, args=targs, train_dataset=None)
        trainer.train()
`;
  const a = await analyze({ 'runner.py': text }, 'runner.py');
  assert.equal(a.runs.length, 1);
  assert.equal(fact(a, 'micro_batch')?.value, 4);
  assert.equal(fact(a, 'grad_accum')?.value, 8);
  assert.equal(fact(a, 'epochs')?.value, 2);
  assert.equal(fact(a, 'optimizer')?.value, 'paged_adamw_8bit');
  assert.equal(fact(a, 'precision')?.value, 'bf16');
  assert.equal(fact(a, 'save_steps')?.value, 250);
});

test('arguments a helper function builds and returns by name, passed directly as args=', async () => {
  const text = `${HEAD}
def make_args():
    cfg = SFTConfig(output_dir="o", per_device_train_batch_size=2, num_train_epochs=1, fp16=True)
    return cfg

model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-0.5B")
SFTTrainer(model=model, args=make_args(), train_dataset=None).train()
`;
  const a = await analyze({ 'sft.py': text }, 'sft.py');
  assert.equal(a.runs.length, 1);
  assert.equal(fact(a, 'micro_batch')?.value, 2);
  assert.equal(fact(a, 'epochs')?.value, 1);
  assert.equal(fact(a, 'precision')?.value, 'fp16');
});

test('a trainer built from a parameter takes the one construction of its module', async () => {
  const text = `${HEAD}
def create_training_arguments(out_dir):
    return TrainingArguments(output_dir=out_dir, per_device_train_batch_size=1, gradient_accumulation_steps=16)

def create_trainer(model, train_ds, training_args):
    return SFTTrainer(model=model, args=training_args, train_dataset=train_ds)
`;
  const a = await analyze({ 'trainer.py': text }, 'trainer.py');
  assert.equal(a.runs.length, 1);
  assert.equal(fact(a, 'micro_batch')?.value, 1);
  assert.equal(fact(a, 'grad_accum')?.value, 16);
});

test('must not: a parameter with two constructions in the module links none (defaults stay defaults)', async () => {
  const text = `${HEAD}
def short_args():
    return TrainingArguments(output_dir="a", per_device_train_batch_size=1)

def long_args():
    return TrainingArguments(output_dir="b", per_device_train_batch_size=32)

def create_trainer(model, training_args):
    return SFTTrainer(model=model, args=training_args)
`;
  const a = await analyze({ 'trainer.py': text }, 'trainer.py');
  const trainerRun = a.runs.find((r) => /SFTTrainer/.test(r.plan.entry.label ?? ''));
  assert.ok(trainerRun);
  const mb = trainerRun.plan.facts.get('micro_batch');
  assert.notEqual(mb?.value, 1);
  assert.notEqual(mb?.value, 32);
});

test('must not: a helper that returns different constructions on its branches links none', async () => {
  const text = `${HEAD}
def make_args(small):
    if small:
        return TrainingArguments(output_dir="a", per_device_train_batch_size=1)
    return TrainingArguments(output_dir="b", per_device_train_batch_size=32)

model = AutoModelForCausalLM.from_pretrained("gpt2")
trainer = SFTTrainer(model=model, args=make_args(True))
trainer.train()
`;
  const a = await analyze({ 'sft.py': text }, 'sft.py');
  const trainerRun = a.runs.find((r) => /SFTTrainer/.test(r.plan.entry.label ?? ''));
  assert.ok(trainerRun);
  const mb = trainerRun.plan.facts.get('micro_batch');
  assert.notEqual(mb?.value, 1);
  assert.notEqual(mb?.value, 32);
});

const GUARDED = (bf16: string, fp16: string, pre = '', bfDefault = 'True') => `import argparse
import torch
from transformers import AutoModelForCausalLM
from trl import SFTConfig, SFTTrainer
p = argparse.ArgumentParser()
p.add_argument("--bf16", action="store_true", default=${bfDefault})
p.add_argument("--fp16", action="store_true")
args = p.parse_args()
model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-0.5B")
${pre}
cfg = SFTConfig(output_dir="o", per_device_train_batch_size=1, bf16=${bf16}, fp16=${fp16})
SFTTrainer(model=model, args=cfg, train_dataset=None).train()
`;

test('a precision flag guarded by torch.cuda.is_available(): the flag decides on a GPU', async () => {
  const text = GUARDED(
    'args.bf16 and torch.cuda.is_available()',
    'args.fp16 and torch.cuda.is_available() and not args.bf16',
  );
  const a = await analyze({ 'train.py': text }, 'train.py');
  assert.equal(fact(a, 'precision')?.value, 'bf16');
  // The switch off by default: fp32 alone, bf16 where a launcher turns it on.
  const off = GUARDED(
    'args.bf16 and torch.cuda.is_available()',
    'args.fp16 and torch.cuda.is_available() and not args.bf16',
    '',
    'False',
  );
  assert.equal(fact(await analyze({ 'train.py': off }, 'train.py'), 'precision')?.value, 'fp32');
  const on = await analyze({ 'train.py': off, 'run.sh': 'python train.py --bf16\n' }, 'run.sh');
  assert.equal(fact(on, 'precision')?.value, 'bf16');
});

test('bf16 where the GPU supports it, else fp16: unknown alone, decided by the hardware', async () => {
  const text = GUARDED(
    'use_bf16',
    'not use_bf16 and torch.cuda.is_available()',
    'use_bf16 = torch.cuda.is_available() and torch.cuda.is_bf16_supported()',
  );
  const alone = await analyze({ 'train.py': text }, 'train.py');
  assert.equal(fact(alone, 'precision')?.value, null);
  assert.match(fact(alone, 'precision')?.note ?? '', /bf16 on a GPU with bf16 support, else fp16/);
  const a100 = await analyze({ 'train.py': text }, 'train.py', { hardware: 'a100' });
  assert.equal(fact(a100, 'precision')?.value, 'bf16');
  const v100 = await analyze({ 'train.py': text }, 'train.py', { hardware: 'v100' });
  assert.equal(fact(v100, 'precision')?.value, 'fp16');
});

test('bf16=is_bf16_supported() with fp16 off: fp32 on a GPU without bf16', async () => {
  const text = GUARDED('torch.cuda.is_available() and torch.cuda.is_bf16_supported()', 'False');
  const v100 = await analyze({ 'train.py': text }, 'train.py', { hardware: 'v100' });
  assert.equal(fact(v100, 'precision')?.value, 'fp32');
});

test('must not: a switch that is neither a known value nor a machine check stays unknown', async () => {
  const text = GUARDED('some_function() and torch.cuda.is_available()', 'False');
  const a = await analyze({ 'train.py': text }, 'train.py');
  assert.equal(fact(a, 'precision')?.value, null);
});

// A `BitsAndBytesConfig` whose own `load_in_4bit=` is off by default quantises nothing: LoRA (or another adapter),
// not QLoRA (https://huggingface.co/docs/transformers/main/en/quantization/bitsandbytes).
const QUANT = (switchDefault: string, extra = '') => `from dataclasses import dataclass, field
import torch, transformers
from transformers import AutoModelForCausalLM, BitsAndBytesConfig, Trainer
from peft import LoraConfig, get_peft_model

@dataclass
class TrainingArguments(transformers.TrainingArguments):
    load_in_4bit: bool = field(default=${switchDefault})

parser = transformers.HfArgumentParser((TrainingArguments,))
(training_args,) = parser.parse_args_into_dataclasses()
model = AutoModelForCausalLM.from_pretrained(
    "meta-llama/Llama-2-7b-hf",
    torch_dtype=torch.bfloat16,
    quantization_config=BitsAndBytesConfig(
        load_in_4bit=training_args.load_in_4bit,${extra}
        bnb_4bit_compute_dtype=torch.bfloat16,
        bnb_4bit_quant_type="nf4",
    ),
)
model = get_peft_model(model, LoraConfig(r=8))
Trainer(model=model, args=training_args).train()
`;

test('a bitsandbytes config whose 4-bit switch is off by default: LoRA, not QLoRA', async () => {
  const a = await analyze({ 'sft.py': QUANT('False') }, 'sft.py');
  assert.equal(fact(a, 'peft')?.value, 'lora');
});

test('must not: the same config with its switch on by default is QLoRA', async () => {
  const a = await analyze({ 'sft.py': QUANT('True') }, 'sft.py');
  assert.equal(fact(a, 'peft')?.value, 'qlora');
});

test('must not: a 4-bit switch the file cannot read keeps the bitsandbytes words (QLoRA)', async () => {
  const text = `import torch
from transformers import AutoModelForCausalLM, BitsAndBytesConfig, Trainer, TrainingArguments
from peft import LoraConfig, get_peft_model

def train(config):
    quantization = config.get("quantization", {})
    bnb = BitsAndBytesConfig(
        load_in_4bit=bool(quantization.get("load_in_4bit", True)),
        bnb_4bit_quant_type="nf4",
    )
    model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-0.5B", quantization_config=bnb)
    model = get_peft_model(model, LoraConfig(r=8))
    Trainer(model=model, args=TrainingArguments(output_dir="o")).train()
`;
  const a = await analyze({ 'train_qlora.py': text }, 'train_qlora.py');
  assert.equal(fact(a, 'peft')?.value, 'qlora');
});
