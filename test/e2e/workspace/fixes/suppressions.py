"""A bf16 fine-tune with stale suppression comments, written for the end-to-end test that applies every quick fix
Green ML Review offers: one suppresses nothing (GML900), one names a code no rule has (GML901)."""
from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-0.5B")  # greenml: ignore[GML301]
args = TrainingArguments(
    output_dir="out",
    bf16=True,
    num_train_epochs=1,
    per_device_train_batch_size=16,
    save_strategy="epoch",  # greenml: ignore[GML1O1]
)
Trainer(model=model, args=args).train()
