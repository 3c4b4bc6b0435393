// LoRA and QLoRA behind switches (development round 24): Qwen's finetune.py shape (HfArgumentParser over its own
// TrainingArguments with `use_lora`, LoraArguments with `q_lora`, the 4-bit config passed only `if … q_lora else
// None`), a config-read `load_in_4bit` switch, and TRL's `get_peft_config` (no adapter unless `use_peft`). Fixtures
// written for this project in the style of those scripts and their launchers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const QWEN_STYLE = (quant: string) => `from dataclasses import dataclass, field
import transformers
from transformers import BitsAndBytesConfig, Trainer
from peft import LoraConfig, get_peft_model


@dataclass
class ModelArguments:
    model_name_or_path: str = field(default="Qwen/Qwen2-7B")


@dataclass
class TrainingArguments(transformers.TrainingArguments):
    model_max_length: int = field(default=512)
    use_lora: bool = False


@dataclass
class LoraArguments:
    lora_r: int = 64
    q_lora: bool = False


def train():
    parser = transformers.HfArgumentParser((ModelArguments, TrainingArguments, LoraArguments))
    model_args, training_args, lora_args = parser.parse_args_into_dataclasses()
    quantization_config = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4")
    model = transformers.AutoModelForCausalLM.from_pretrained(
        model_args.model_name_or_path,
        quantization_config=${quant},
    )
    if training_args.use_lora:
        model = get_peft_model(model, LoraConfig(r=lora_args.lora_r))
    trainer = Trainer(model=model, args=training_args)
    trainer.train()


if __name__ == "__main__":
    train()
`;

const SWITCHED = QWEN_STYLE('quantization_config if lora_args.q_lora else None');
const LAUNCH = (flags: string) => `torchrun --nproc_per_node 2 finetune.py \\
    --model_name_or_path Qwen/Qwen2-7B \\
    --bf16 True \\
    --per_device_train_batch_size 2 \\
    ${flags}
`;

test('Qwen-style finetune.py alone: LoRA and its 4-bit base are behind switches that are off — no adapter', async () => {
  const a = await analyze({ 'finetune.py': SWITCHED }, 'finetune.py');
  assert.deepEqual([fact(a, 'peft')?.value, fact(a, 'peft')?.origin], ['none', 'script-default']);
  assert.match(fact(a, 'peft')?.note ?? '', /--use_lora/);
});

test('a launcher that gives --use_lora True --q_lora False trains LoRA over an unquantised base', async () => {
  const a = await analyze(
    { 'finetune.py': SWITCHED, 'finetune_lora.sh': LAUNCH('--use_lora True --q_lora False') },
    'finetune_lora.sh',
  );
  assert.equal(fact(a, 'peft')?.value, 'lora');
});

test('a launcher that gives --use_lora True --q_lora True trains QLoRA', async () => {
  const a = await analyze(
    { 'finetune.py': SWITCHED, 'finetune_qlora.sh': LAUNCH('--use_lora True --q_lora True') },
    'finetune_qlora.sh',
  );
  assert.equal(fact(a, 'peft')?.value, 'qlora');
});

test('must not: a launcher that leaves --use_lora out trains every weight, whatever its --q_lora', async () => {
  const a = await analyze(
    { 'finetune.py': SWITCHED, 'finetune_full.sh': LAUNCH('--q_lora True --gradient_checkpointing True') },
    'finetune_full.sh',
  );
  assert.equal(fact(a, 'peft')?.value, 'none');
});

test('must not: a 4-bit config passed only when a switch that is off is on does not make the run QLoRA', async () => {
  // The adapter itself is unconditional here: LoRA over the unquantised base.
  const text = SWITCHED.replace('    if training_args.use_lora:\n        model =', '    model =');
  const a = await analyze({ 'finetune.py': text }, 'finetune.py');
  assert.equal(fact(a, 'peft')?.value, 'lora');
});

test('the same 4-bit config passed always, or behind a switch that is on by default, is QLoRA', async () => {
  for (const q of ['quantization_config', 'quantization_config if not lora_args.q_lora else None']) {
    const text = QWEN_STYLE(q).replace('    if training_args.use_lora:\n        model =', '    model =');
    const a = await analyze({ 'finetune.py': text }, 'finetune.py');
    assert.equal(fact(a, 'peft')?.value, 'qlora', q);
  }
});

test('a 4-bit switch read from a config at run time: the adapter is LoRA, its base not known to be quantised', async () => {
  const script = `import yaml, torch
from transformers import AutoModelForCausalLM, BitsAndBytesConfig, Trainer, TrainingArguments
from peft import LoraConfig, get_peft_model

cfg = yaml.safe_load(open("recipe.yaml"))
load_in_4bit = bool(cfg.get("quantization", {}).get("load_in_4bit", False))
bnb_config = None
if load_in_4bit:
    bnb_config = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_compute_dtype=torch.bfloat16)
model = AutoModelForCausalLM.from_pretrained(
    "Qwen/Qwen2-7B", quantization_config=bnb_config if load_in_4bit else None
)
model = get_peft_model(model, LoraConfig(r=16))
args = TrainingArguments(output_dir="out", per_device_train_batch_size=1, bf16=True)
Trainer(model=model, args=args).train()
`;
  const a = await analyze({ 'train_lora.py': script }, 'train_lora.py');
  assert.equal(fact(a, 'peft')?.value, 'lora');
});

const TRL_SFT = `from trl import ModelConfig, SFTConfig, SFTTrainer, TrlParser, get_peft_config

parser = TrlParser((SFTConfig, ModelConfig))
training_args, model_args = parser.parse_args_and_config()
trainer = SFTTrainer(
    model=model_args.model_name_or_path,
    args=training_args,
    peft_config=get_peft_config(model_args),
)
trainer.train()
`;

test('TRL get_peft_config: no adapter by default (ModelConfig.use_peft is False); --use_peft on the launcher is LoRA', async () => {
  const full = await analyze(
    { 'sft.py': TRL_SFT, 'run.sh': 'accelerate launch sft.py --model_name_or_path Qwen/Qwen2-0.5B --bf16\n' },
    'run.sh',
  );
  assert.equal(fact(full, 'peft')?.value, 'none');
  const lora = await analyze(
    {
      'sft.py': TRL_SFT,
      'run.sh': 'accelerate launch sft.py --model_name_or_path Qwen/Qwen2-0.5B --bf16 --use_peft --lora_r 16\n',
    },
    'run.sh',
  );
  assert.equal(fact(lora, 'peft')?.value, 'lora');
});

const LLAVA_STYLE = `from dataclasses import dataclass, field
import transformers
from peft import LoraConfig, get_peft_model


@dataclass
class TrainingArguments(transformers.TrainingArguments):
    lora_enable: bool = False
    lora_r: int = 64


def train():
    parser = transformers.HfArgumentParser((TrainingArguments,))
    (training_args,) = parser.parse_args_into_dataclasses()
    model = transformers.AutoModelForCausalLM.from_pretrained("lmsys/vicuna-7b-v1.5")
    if training_args.lora_enable:
        model = get_peft_model(model, LoraConfig(r=training_args.lora_r))
    transformers.Trainer(model=model, args=training_args).train()


if __name__ == "__main__":
    train()
`;
const LLAVA_LAUNCH = (script: string, flags: string) => `deepspeed ${script} \\
    --deepspeed ./scripts/zero2.json \\
    --model_name_or_path lmsys/vicuna-7b-v1.5 \\
    --bf16 True \\
    --output_dir ./checkpoints/out \\
    --num_train_epochs 1 \\
    --per_device_train_batch_size 16 \\
    --learning_rate 2e-4 ${flags}
`;

test('LLaVA-style --lora_enable: LoRA when the launcher gives it, to a script in the tree or not', async () => {
  const inTree = await analyze(
    { 'train.py': LLAVA_STYLE, 'finetune_lora.sh': LLAVA_LAUNCH('train.py', '--lora_enable True') },
    'finetune_lora.sh',
  );
  assert.equal(fact(inTree, 'peft')?.value, 'lora');
  const away = await analyze(
    { 'finetune_lora.sh': LLAVA_LAUNCH('llava/train/train_mem.py', '--lora_enable True') },
    'finetune_lora.sh',
  );
  assert.equal(fact(away, 'peft')?.value, 'lora');
});

test('must not: a LLaVA-style launch without --lora_enable trains every weight', async () => {
  const a = await analyze(
    { 'train.py': LLAVA_STYLE, 'finetune.sh': LLAVA_LAUNCH('train.py', '--gradient_checkpointing True') },
    'finetune.sh',
  );
  assert.equal(fact(a, 'peft')?.value, 'none');
});
