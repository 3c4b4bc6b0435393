# bf16 asked for on V100s (the launcher beside this file requests them): Volta has no bf16 tensor cores.
from datasets import load_dataset
from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

model = AutoModelForCausalLM.from_pretrained("EleutherAI/pythia-410m")
args = TrainingArguments(
    output_dir="pythia-ft",
    per_device_train_batch_size=8,
    bf16=True,
    num_train_epochs=2,
    save_steps=1000,
)
Trainer(model=model, args=args, train_dataset=load_dataset("roneneldan/TinyStories", split="train")).train()
