"""Full fine-tune of a 7B model with the Hugging Face Trainer, written for the end-to-end fix test."""
from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments

MODEL_ID = "meta-llama/Llama-2-7b-hf"
tokenizer = AutoTokenizer.from_pretrained(MODEL_ID)
model = AutoModelForCausalLM.from_pretrained(MODEL_ID, attn_implementation="eager")
data = load_dataset("tatsu-lab/alpaca", split="train")
data = data.map(lambda b: tokenizer(b["text"], padding="max_length", max_length=2048, truncation=True), batched=True)

args = TrainingArguments(
    output_dir="out/llama2-alpaca",
    per_device_train_batch_size=1,
    num_train_epochs=3,
    fp16=True,
    save_strategy="no",
    eval_strategy="steps",
    eval_steps=10,
    logging_steps=1,
)
trainer = Trainer(model=model, args=args, train_dataset=data, eval_dataset=data.select(range(2000)))
trainer.train()
