// A trainer's `peft_config` that is None in the run: the LoraConfig a script builds beside it never reaches the
// trainer (ChatLM-style DPO: `train_dpo(config, peft_config=None)`), so every weight trains.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const dpo = (passed: string) => `from datasets import load_dataset
from peft import LoraConfig, TaskType
from transformers import AutoModelForCausalLM, AutoTokenizer, TrainingArguments
from trl import DPOTrainer


def train_dpo(model_file: str, peft_config=None) -> None:
    tokenizer = AutoTokenizer.from_pretrained(model_file)
    model = AutoModelForCausalLM.from_pretrained(model_file)
    ref_model = AutoModelForCausalLM.from_pretrained(model_file)
    args = TrainingArguments(
        output_dir="out",
        per_device_train_batch_size=4,
        num_train_epochs=4,
        gradient_accumulation_steps=8,
        fp16=True,
    )
    trainer = DPOTrainer(
        model,
        ref_model,
        args=args,
        beta=0.1,
        train_dataset=load_dataset("json", data_files="dpo.json", split="train"),
        tokenizer=tokenizer,
        peft_config=peft_config,
    )
    trainer.train()


if __name__ == "__main__":
    peft_config = LoraConfig(task_type=TaskType.CAUSAL_LM, r=8, lora_alpha=16, lora_dropout=0.1)
    train_dpo("Qwen/Qwen2.5-0.5B", peft_config=${passed})
`;

test('a DPO trainer whose peft_config is None at its only call trains every weight, though a LoraConfig is built', async () => {
  const a = await analyze({ 'dpo_train.py': dpo('None') }, 'dpo_train.py');
  assert.equal(fact(a, 'peft')?.value, 'none');
  // The LoraConfig passed through: an adapter.
  const b = await analyze({ 'dpo_train.py': dpo('peft_config') }, 'dpo_train.py');
  assert.equal(fact(b, 'peft')?.value, 'lora');
});
