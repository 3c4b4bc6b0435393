"""A LoRA fine-tune that keeps its frozen base in float32, written for the end-to-end test that applies every fix."""
import torch
from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B", torch_dtype=torch.float32)
model = get_peft_model(model, LoraConfig(r=16, lora_alpha=32, target_modules=["q_proj", "v_proj"]))
args = TrainingArguments(output_dir="out/lora", bf16=True, max_steps=2000, per_device_train_batch_size=4)
Trainer(model=model, args=args).train()
