"""Fine-tune a causal language model on Alpaca with the Hugging Face Trainer.

Fixture for the end-to-end tests: a full-precision run (no bf16/fp16) on the A100 set in
.vscode/settings.json, which Green ML Review should flag as GML101 with a "Use bf16" quick fix.
"""
from datasets import load_dataset
from transformers import (
    AutoModelForCausalLM,
    AutoTokenizer,
    DataCollatorForLanguageModeling,
    Trainer,
    TrainingArguments,
)

MODEL_ID = "EleutherAI/pythia-1.4b"

tokenizer = AutoTokenizer.from_pretrained(MODEL_ID)
tokenizer.pad_token = tokenizer.eos_token
model = AutoModelForCausalLM.from_pretrained(MODEL_ID)

dataset = load_dataset("tatsu-lab/alpaca", split="train")


def tokenize(batch):
    return tokenizer(batch["text"], truncation=True, max_length=512)


train_dataset = dataset.map(tokenize, batched=True, remove_columns=dataset.column_names)

args = TrainingArguments(
    output_dir="checkpoints/pythia-alpaca",
    per_device_train_batch_size=8,
    num_train_epochs=3,
    learning_rate=2e-5,
    save_strategy="no",
    logging_steps=50,
)

trainer = Trainer(
    model=model,
    args=args,
    train_dataset=train_dataset,
    data_collator=DataCollatorForLanguageModeling(tokenizer, mlm=False),
)
trainer.train()
trainer.save_model("checkpoints/pythia-alpaca/final")
