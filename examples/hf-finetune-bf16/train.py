"""Fine-tune BERT-base on IMDB sentiment with the Hugging Face Trainer — the efficient version.

bf16 mixed precision, data loading in worker processes, and the Trainer's default periodic checkpoints.
"""
import numpy as np
from datasets import load_dataset
from transformers import AutoModelForSequenceClassification, AutoTokenizer, Trainer, TrainingArguments

model_name = "bert-base-uncased"
tokenizer = AutoTokenizer.from_pretrained(model_name)
model = AutoModelForSequenceClassification.from_pretrained(model_name, num_labels=2)

imdb = load_dataset("imdb")
encoded = imdb.map(lambda b: tokenizer(b["text"], truncation=True, max_length=256), batched=True)


def accuracy(eval_pred):
    logits, labels = eval_pred
    return {"accuracy": float((np.argmax(logits, axis=-1) == labels).mean())}


training_args = TrainingArguments(
    output_dir="out/bert-imdb",
    per_device_train_batch_size=32,
    num_train_epochs=2,
    learning_rate=3e-5,
    bf16=True,
    dataloader_num_workers=4,
    eval_strategy="epoch",
    save_total_limit=2,
)

trainer = Trainer(
    model=model,
    args=training_args,
    train_dataset=encoded["train"],
    eval_dataset=encoded["test"],
    processing_class=tokenizer,
    compute_metrics=accuracy,
)
trainer.train()
