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
  {
    name: 'unknown hardware: checked on an 80 GB GPU, information saying so',
    code: script('meta-llama/Llama-3.1-8B'),
    expect: [{ line: 4, severity: 'information', messageIncludes: 'hardware not stated' }],
  },
  {
    name: 'unknown hardware and a 1.5 B model: fits one 80 GB GPU in full, silent',
    code: script('Qwen/Qwen2.5-1.5B'),
    expect: [],
  },
]);

// Config formats: axolotl YAML, torchtune YAML, HF-args YAML; pretraining configs (torchtitan TOML) are not fine-tunes.
const axolotl = (adapter: string) =>
  `base_model: mistralai/Mistral-7B-v0.1\ndatasets:\n  - path: tatsu-lab/alpaca\n    type: alpaca\n${adapter}sequence_len: 2048\nmicro_batch_size: 2\ngradient_accumulation_steps: 4\nnum_epochs: 3\nbf16: auto\ngradient_checkpointing: true\n`;

runRuleCases(fullFinetuneWhereLoraFits, [
  {
    name: 'axolotl YAML: full fine-tune of Mistral 7B, on the micro-batch line',
    file: '/case/full.yml',
    code: axolotl(''),
    expect: [{ line: 6, severity: 'information', messageIncludes: 'LoRA' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'axolotl YAML: adapter lora',
    file: '/case/lora.yml',
    code: axolotl('adapter: lora\nlora_r: 16\n'),
    expect: [],
  },
  {
    name: 'torchtitan TOML: pretraining Llama 3 8B trains every weight by design',
    file: '/case/llama3_8b.toml',
    code: '[job]\ndump_folder = "./outputs"\n\n[model]\nname = "llama3"\nflavor = "8B"\n\n[training]\nlocal_batch_size = 1\nseq_len = 8192\nsteps = 1000\n',

    expect: [],
  },
  {
    name: 'HF-args YAML: full fine-tune of a 7 B model on 4 × A100 40 GB',
    file: '/case/sft.yaml',
    code: 'model_name_or_path: meta-llama/Llama-2-7b-hf\noutput_dir: out\nper_device_train_batch_size: 2\nbf16: true\nnum_train_epochs: 1\n',
    settings: { hardware: 'a100-40gb', devices: 4 },
    expect: [{ line: 3 }],
  },
]);

runRuleCases(fullFinetuneWhereLoraFits, [
  {
    name: 'a launcher whose script is not in view: the script may add LoRA itself, silent',
    file: '/case/run.sh',
    code: '#!/bin/bash\naccelerate launch sft_llama2.py \\\n    --model_name="meta-llama/Llama-2-7b-hf" \\\n    --output_dir="./sft" \\\n    --max_steps=5000 \\\n    --per_device_train_batch_size=4 \\\n    --bf16=True\n',
    settings: { hardware: 'a100-40gb' },
    expect: [],
  },
]);
