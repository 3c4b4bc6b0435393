"""A GPT-2 fine-tune with memory savers it does not need, a save interval it never reaches and a local dataset pushed
to the Hub, written for the end-to-end test that applies every quick fix."""
from datasets import load_dataset
from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

model = AutoModelForCausalLM.from_pretrained("openai-community/gpt2")
train = load_dataset("json", data_files="data/support_tickets.jsonl", split="train")
args = TrainingArguments(
    output_dir="out/gpt2-tickets",
    bf16=True,
    max_steps=3000,
    per_device_train_batch_size=8,
    gradient_checkpointing=True,
    save_steps=5000,
    push_to_hub=True,
)
Trainer(model=model, args=args, train_dataset=train).train()
