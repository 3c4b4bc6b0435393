import { runRuleCases } from '../test/helpers/rule-harness';
import { fullFinetuneWhereLoraFits } from './full-finetune-where-lora-fits';

const script = (model: string, lora = '') => `from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
model = AutoModelForCausalLM.from_pretrained("${model}")
${lora}args = TrainingArguments(output_dir="o", bf16=True, per_device_train_batch_size=4, gradient_checkpointing=True)
Trainer(model=model, args=args).train()
`;

runRuleCases(fullFinetuneWhereLoraFits, [
  {
    name: 'full fine-tune of an 8 B model on A100 40 GB: LoRA fits on fewer devices; memory, not FLOPs',
    code: script('meta-llama/Llama-3.1-8B'),
    settings: { hardware: 'a100-40gb', devices: 4 },
    expect: [{ line: 4, severity: 'information', messageIncludes: 'not compute per token' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'already LoRA',
    code: script('meta-llama/Llama-3.1-8B', 'model = get_peft_model(model, LoraConfig(r=16))\n'),
    settings: { hardware: 'a100-40gb', devices: 4 },
    expect: [],
  },
  {
    name: 'a small model fits anyway',
    code: script('openai-community/gpt2'),
    settings: { hardware: 'a100-40gb' },
    expect: [],
  },
  { name: 'unknown hardware: silent', code: script('meta-llama/Llama-3.1-8B'), expect: [] },
]);
