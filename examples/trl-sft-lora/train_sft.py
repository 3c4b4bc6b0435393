"""Supervised fine-tuning of Llama 3.1 8B with TRL and LoRA.

TRL's SFTConfig turns on bf16 and gradient checkpointing by default (TRL >= 0.22), so neither is written here.
The checkpoint interval, though, is larger than the whole run: no checkpoint is written before the end.
"""
from datasets import load_dataset
from peft import LoraConfig
from trl import SFTConfig, SFTTrainer

dataset = load_dataset("HuggingFaceH4/ultrachat_200k", split="train_sft")

peft_config = LoraConfig(r=16, lora_alpha=32, lora_dropout=0.05, target_modules="all-linear", task_type="CAUSAL_LM")

config = SFTConfig(
    output_dir="out/llama31-8b-ultrachat-lora",
    per_device_train_batch_size=4,
    gradient_accumulation_steps=8,
    max_length=2048,
    max_steps=3000,
    save_steps=5000,
    learning_rate=1e-4,
    logging_steps=25,
)

trainer = SFTTrainer(
    model="meta-llama/Llama-3.1-8B",
    args=config,
    train_dataset=dataset,
    peft_config=peft_config,
)
trainer.train()
