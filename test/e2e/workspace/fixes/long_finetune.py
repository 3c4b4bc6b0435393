"""A long Hugging Face fine-tune of an 3 B model whose checkpointing, optimizer and hub settings waste energy, written
for the end-to-end test that applies every quick fix."""
from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-3B")
args = TrainingArguments(
    output_dir="out/qwen-3b",
    bf16=True,
    gradient_checkpointing=True,
    max_steps=3000,
    per_device_train_batch_size=2,
    gradient_accumulation_steps=32,
    save_steps=10,
    save_total_limit=3,
    save_only_model=True,
    torch_compile=False,
    optim="adamw_hf",
    push_to_hub=True,
    hub_strategy="all_checkpoints",
)
Trainer(model=model, args=args).train()
