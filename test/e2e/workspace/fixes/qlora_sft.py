"""A QLoRA fine-tune whose 4-bit base computes in float32, written for the end-to-end test that applies every fix."""
from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, BitsAndBytesConfig, Trainer, TrainingArguments

quant = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4")
model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B", quantization_config=quant)
model = get_peft_model(model, LoraConfig(r=16, lora_alpha=32, target_modules=["q_proj", "v_proj"]))
args = TrainingArguments(output_dir="out/qlora", bf16=True, max_steps=2000, per_device_train_batch_size=4)
Trainer(model=model, args=args).train()
