"""A long Llama fine-tune without the fused Liger kernels, written for the end-to-end test that applies every quick
fix Green ML Review offers (GML504 is opt-in: the greenml.toml beside this file selects it)."""
from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B")
args = TrainingArguments(
    output_dir="out",
    bf16=True,
    max_steps=3000,
    per_device_train_batch_size=8,
    gradient_accumulation_steps=8,
)
Trainer(model=model, args=args).train()
