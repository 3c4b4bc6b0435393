"""Full fine-tune of Mistral 7B on one 80 GB GPU with a large per-device batch.

Weights, gradients and AdamW states alone need about 16 bytes per parameter; the batch below will not fit.
"""
import torch
from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments

base = "mistralai/Mistral-7B-v0.1"
tokenizer = AutoTokenizer.from_pretrained(base)
model = AutoModelForCausalLM.from_pretrained(base)

data = load_dataset("yahma/alpaca-cleaned", split="train")
data = data.map(lambda b: tokenizer(b["output"], truncation=True, max_length=1024), batched=True)

args = TrainingArguments(
    output_dir="out/mistral-full",
    per_device_train_batch_size=16,
    num_train_epochs=1,
    bf16=True,
    save_steps=200,
)

Trainer(model=model, args=args, train_dataset=data).train()
