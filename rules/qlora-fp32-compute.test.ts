import { runRuleCases } from '../test/helpers/rule-harness';
import { qloraFp32Compute } from './qlora-fp32-compute';

const script = (bnb: string) => `import torch
from transformers import AutoModelForCausalLM, BitsAndBytesConfig, Trainer, TrainingArguments
bnb = BitsAndBytesConfig(${bnb})
model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B", quantization_config=bnb)
args = TrainingArguments(output_dir="o", bf16=True)
Trainer(model=model, args=args).train()
`;

runRuleCases(qloraFp32Compute, [
  {
    name: 'compute dtype left at float32: the fix inserts bfloat16',
    code: script('load_in_4bit=True, bnb_4bit_quant_type="nf4"'),
    settings: { hardware: 'a100' },
    expect: [{ line: 3, column: 7, severity: 'warning', messageIncludes: 'defaults to float32' }],
    fixes: [
      {
        applicability: 'unsafe',
        output: script('load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_compute_dtype="bfloat16"'),
      },
    ],
  },
  {
    name: 'float32 written, on a T4: float16 is proposed',
    code: script('load_in_4bit=True, bnb_4bit_compute_dtype=torch.float32'),
    settings: { hardware: 't4' },
    expect: [{ line: 3, column: 45 }],
    fixes: [{ applicability: 'unsafe', output: script('load_in_4bit=True, bnb_4bit_compute_dtype="float16"') }],
  },
  {
    name: 'bfloat16 compute',
    code: script('load_in_4bit=True, bnb_4bit_compute_dtype=torch.bfloat16'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  { name: '8-bit loading', code: script('load_in_8bit=True'), settings: { hardware: 'a100' }, expect: [] },
]);

// Config format: TRL / HF-args YAML (ModelConfig's dtype is the 4-bit compute dtype unless bnb_4bit_compute_dtype is set).
const trl = (dtype: string) =>
  `model_name_or_path: Qwen/Qwen2.5-7B\ndataset_name: trl-lib/Capybara\noutput_dir: out\nuse_peft: true\nlora_r: 16\nload_in_4bit: true\n${dtype}per_device_train_batch_size: 4\nbf16: true\n`;

runRuleCases(qloraFp32Compute, [
  {
    name: 'TRL YAML: bnb_4bit_compute_dtype float32 on an A100, on that line; fixed in YAML',
    file: '/case/sft.yaml',
    code: trl('bnb_4bit_compute_dtype: float32\n'),
    settings: { hardware: 'a100' },
    expect: [{ line: 7, column: 1, severity: 'warning' }],
    fixes: [{ applicability: 'unsafe', output: trl('bnb_4bit_compute_dtype: bfloat16\n') }],
  },
  {
    name: 'TRL YAML: torch_dtype float32 is the compute dtype of a 4-bit model',
    file: '/case/sft.yaml',
    code: trl('torch_dtype: float32\n'),
    settings: { hardware: 'a100' },
    expect: [{ line: 7, messageIncludes: 'the 4-bit compute dtype too' }],
    fixes: [{ applicability: 'unsafe', output: trl('torch_dtype: bfloat16\n') }],
  },
  {
    name: 'TRL YAML: torch_dtype bfloat16',
    file: '/case/sft.yaml',
    code: trl('torch_dtype: bfloat16\n'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
