"""A 3 B fine-tune that saves every 10 steps, written for the end-to-end test that applies every quick fix."""
from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments

tok = AutoTokenizer.from_pretrained("Qwen/Qwen2.5-3B")
model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-3B")
raw = load_dataset("HuggingFaceFW/fineweb-edu", "sample-10BT", split="train")
data = raw.map(lambda b: tok(b["text"], truncation=True, max_length=2048), batched=True)
args = TrainingArguments(
    output_dir="out/qwen-3b",
    bf16=True,
    max_steps=3000,
    per_device_train_batch_size=2,
    gradient_accumulation_steps=16,
    save_steps=10,
    save_total_limit=3,
)
Trainer(model=model, args=args, train_dataset=data).train()
