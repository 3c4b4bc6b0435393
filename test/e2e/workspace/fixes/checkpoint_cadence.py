"""A 3 B full fine-tune that fills its GPU at micro-batch 2 and whose save interval is longer than the run, written
for the end-to-end test that applies every quick fix."""
from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments

tok = AutoTokenizer.from_pretrained("meta-llama/Llama-3.2-3B")
model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.2-3B")
raw = load_dataset("HuggingFaceFW/fineweb-edu", "sample-10BT", split="train")
data = raw.map(lambda b: tok(b["text"], truncation=True, max_length=2048), batched=True)
args = TrainingArguments(
    output_dir="out/llama-3b",
    bf16=True,
    max_steps=3000,
    per_device_train_batch_size=2,
    gradient_accumulation_steps=16,
    save_steps=5000,
)
Trainer(model=model, args=args, train_dataset=data).train()
