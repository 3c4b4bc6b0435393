# A 1.1 B model at 64 sequences of 2,048 tokens per device: the activations alone outgrow an 80 GB GPU.
from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer, DataCollatorForLanguageModeling, Trainer, TrainingArguments

name = "TinyLlama/TinyLlama-1.1B-intermediate-step-1431k-3T"
tokenizer = AutoTokenizer.from_pretrained(name)
model = AutoModelForCausalLM.from_pretrained(name)


def tokenize(batch):
    return tokenizer(batch["text"], truncation=True, max_length=2048)


data = load_dataset("roneneldan/TinyStories", split="train").map(tokenize, batched=True)
args = TrainingArguments(
    output_dir="tinyllama-ft",
    per_device_train_batch_size=64,
    bf16=True,
    max_steps=2000,
    save_steps=500,
)
trainer = Trainer(
    model=model,
    args=args,
    train_dataset=data,
    data_collator=DataCollatorForLanguageModeling(tokenizer, mlm=False),
)
trainer.train()
