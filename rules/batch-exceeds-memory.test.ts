import { runRuleCases } from '../test/helpers/rule-harness';
import { batchExceedsMemory } from './batch-exceeds-memory';

const script = (
  model: string,
  args: string,
  extra = '',
) => `from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments
tok = AutoTokenizer.from_pretrained("${model}")
model = AutoModelForCausalLM.from_pretrained("${model}")
data = raw.map(lambda b: tok(b["text"], truncation=True, max_length=1024), batched=True)
${extra}args = TrainingArguments(
    output_dir="out",
${args}
)
Trainer(model=model, args=args, train_dataset=data).train()
`;

runRuleCases(batchExceedsMemory, [
  {
    name: 'a 1.5B full fine-tune at micro-batch 64 × 1024 tokens does not fit 80 GB: smaller micro-batch, same global batch',
    code: script('Qwen/Qwen2.5-1.5B', '    per_device_train_batch_size=64,\n    bf16=True,'),
    settings: { hardware: 'a100-80gb' },
    expect: [{ line: 7, severity: 'warning', messageIncludes: 'GB per device' }],
    fixTitleIncludes: 'same global batch',
    fixedIncludes: ['per_device_train_batch_size=16,', 'gradient_accumulation_steps=4'],
  },
  {
    name: 'the same batch fits when the hardware is an H200 with 141 GB? no — but on two sizes smaller it fits an A100',
    code: script('Qwen/Qwen2.5-1.5B', '    per_device_train_batch_size=8,\n    bf16=True,'),
    settings: { hardware: 'a100-80gb' },
    expect: [],
  },
  {
    name: 'a 7B full fine-tune cannot fit one 80 GB GPU at any micro-batch: the message says what can',
    code: script('mistralai/Mistral-7B-v0.1', '    per_device_train_batch_size=4,\n    bf16=True,'),
    settings: { hardware: 'h100' },
    expect: [{ line: 7, messageIncludes: 'does not fit even at micro-batch 1' }],
  },
  {
    name: 'unknown hardware: memory is not judged',
    code: script('Qwen/Qwen2.5-1.5B', '    per_device_train_batch_size=64,\n    bf16=True,'),
    expect: [],
  },
  {
    name: 'LoRA on an 8B model with a 4-bit base fits a 24 GB L4 at micro-batch 1',
    code: script(
      'meta-llama/Llama-3.1-8B',
      '    per_device_train_batch_size=1,\n    bf16=True,\n    gradient_checkpointing=True,',
      'from transformers import BitsAndBytesConfig\nq = BitsAndBytesConfig(load_in_4bit=True)\nfrom peft import LoraConfig, get_peft_model\nmodel = get_peft_model(model, LoraConfig(r=16))\n',
    ).replace(
      'from_pretrained("meta-llama/Llama-3.1-8B")\n',
      'from_pretrained("meta-llama/Llama-3.1-8B", quantization_config=q)\n',
    ),
    settings: { hardware: 'l4' },
    expect: [],
  },
  {
    name: 'must not: an 8 B full fine-tune whose DeepSpeed config offloads the optimizer states to the CPU',
    code: script(
      'meta-llama/Llama-3.1-8B',
      '    bf16=True,\n    per_device_train_batch_size=8,\n    deepspeed="ds.json",',
    ),
    files: {
      '/case/ds.json':
        '{"zero_optimization": {"stage": 2, "offload_optimizer": {"device": "cpu"}}, "bf16": {"enabled": "auto"}}\n',
    },
    settings: { hardware: 'a100-80gb' },
    expect: [],
  },
  {
    name: 'must not: a 7 B full fine-tune whose FSDP offloads parameters and gradients to the CPU (fsdp="full_shard offload")',
    code: script(
      'mistralai/Mistral-7B-v0.1',
      '    per_device_train_batch_size=4,\n    bf16=True,\n    fsdp="full_shard offload",',
    ),
    settings: { hardware: 'h100' },
    expect: [],
  },
  {
    name: 'must not: the same run launched with an accelerate config whose FSDP offloads parameters',
    code: script('mistralai/Mistral-7B-v0.1', '    per_device_train_batch_size=4,\n    bf16=True,'),
    files: {
      '/case/fsdp.yaml':
        'compute_environment: LOCAL_MACHINE\ndistributed_type: FSDP\nfsdp_config:\n  fsdp_offload_params: true\n  fsdp_sharding_strategy: FULL_SHARD\nmixed_precision: bf16\nnum_processes: 1\n',
      '/case/launch.sh': 'accelerate launch --config_file fsdp.yaml train.py\n',
    },
    settings: { hardware: 'h100' },
    expect: [],
  },
]);
