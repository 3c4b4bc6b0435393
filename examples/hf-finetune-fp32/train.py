"""Instruction-tune Qwen2.5-1.5B on Alpaca with the Hugging Face Trainer.

Written as many first scripts are: it works, but it trains in fp32 and never saves a checkpoint,
so a crash in epoch 3 loses the whole run.
"""
from datasets import load_dataset
from transformers import (
    AutoModelForCausalLM,
    AutoTokenizer,
    DataCollatorForLanguageModeling,
    Trainer,
    TrainingArguments,
)

MODEL_ID = "Qwen/Qwen2.5-1.5B"
MAX_LEN = 512

tokenizer = AutoTokenizer.from_pretrained(MODEL_ID)
tokenizer.pad_token = tokenizer.eos_token
model = AutoModelForCausalLM.from_pretrained(MODEL_ID)

raw = load_dataset("tatsu-lab/alpaca", split="train")


def tokenize(batch):
    prompts = [f"{i}\n{x}\n{o}" for i, x, o in zip(batch["instruction"], batch["input"], batch["output"])]
    return tokenizer(prompts, truncation=True, max_length=MAX_LEN, padding="max_length")


train = raw.map(tokenize, batched=True, remove_columns=raw.column_names)

args = TrainingArguments(
    output_dir="out/qwen-alpaca",
    per_device_train_batch_size=8,
    gradient_accumulation_steps=4,
    num_train_epochs=3,
    learning_rate=2e-5,
    logging_steps=50,
    save_strategy="no",
)

trainer = Trainer(
    model=model,
    args=args,
    train_dataset=train,
    data_collator=DataCollatorForLanguageModeling(tokenizer, mlm=False),
)
trainer.train()
trainer.save_model("out/qwen-alpaca/final")
