import { runRuleCases } from '../test/helpers/rule-harness';
import { fp32WeightsForFrozenBase } from './fp32-weights-for-frozen-base';

const script = (dtype: string, lora = true) => `import torch
from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B", ${dtype})
${lora ? 'model = get_peft_model(model, LoraConfig(r=16))\n' : ''}args = TrainingArguments(output_dir="o", bf16=True)
Trainer(model=model, args=args).train()
`;

runRuleCases(fp32WeightsForFrozenBase, [
  {
    name: 'fp32 base under LoRA on an A100: the fix loads it in bfloat16',
    code: script('torch_dtype=torch.float32'),
    settings: { hardware: 'a100-80gb' },
    expect: [{ line: 4, column: 73, severity: 'warning', messageIncludes: 'halves its memory' }],
    fixes: [{ applicability: 'unsafe', output: script('torch_dtype=torch.bfloat16') }],
  },
  {
    name: 'on a V100 float16 is proposed',
    code: script('torch_dtype=torch.float32'),
    settings: { hardware: 'v100' },
    expect: [{ line: 4 }],
    fixes: [{ applicability: 'unsafe', output: script('torch_dtype=torch.float16') }],
  },
  {
    name: 'the newer keyword `dtype=` is kept by the fix (the extractor records the name written)',
    code: script('dtype=torch.float32'),
    settings: { hardware: 'a100-80gb' },
    expect: [{ line: 4, column: 73, endColumn: 92 }],
    fixes: [{ applicability: 'unsafe', output: script('dtype=torch.bfloat16') }],
  },
  {
    name: 'a full fine-tune keeps fp32 master weights on purpose',
    code: script('torch_dtype=torch.float32', false),
    settings: { hardware: 'a100-80gb' },
    expect: [],
  },
  {
    name: 'a bf16 base is right',
    code: script('torch_dtype=torch.bfloat16'),
    settings: { hardware: 'a100-80gb' },
    expect: [],
  },
]);

// Config format: TRL / HF-args YAML.
const trl = (dtype: string) =>
  `model_name_or_path: Qwen/Qwen2.5-7B\n${dtype}dataset_name: trl-lib/Capybara\noutput_dir: out\nuse_peft: true\nlora_r: 16\nper_device_train_batch_size: 4\nbf16: true\n`;

runRuleCases(fp32WeightsForFrozenBase, [
  {
    name: 'TRL YAML: a LoRA run loading its base in float32 on an A100, on that line; fixed in YAML',
    file: '/case/sft.yaml',
    code: trl('torch_dtype: float32\n'),
    settings: { hardware: 'a100' },
    expect: [{ line: 2, column: 1, severity: 'warning' }],
    fixes: [{ applicability: 'unsafe', output: trl('torch_dtype: bfloat16\n') }],
  },
  {
    name: 'TRL YAML: dtype bfloat16',
    file: '/case/sft.yaml',
    code: trl('dtype: bfloat16\n'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'TRL YAML: a full fine-tune keeps fp32 master weights on purpose',
    file: '/case/sft.yaml',
    code: trl('torch_dtype: float32\n').replace('use_peft: true\nlora_r: 16\n', ''),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// No dtype written: transformers before v5 loads fp32 whatever the checkpoint holds.
const noDtype = (load: string, lora = true) => `from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
model = AutoModelForCausalLM.from_pretrained(${load})
${lora ? 'model = get_peft_model(model, LoraConfig(r=8))\n' : ''}args = TrainingArguments(output_dir="o", bf16=True)
Trainer(model=model, args=args).train()
`;

runRuleCases(fp32WeightsForFrozenBase, [
  {
    name: 'LoRA base loaded without torch_dtype: information on the loading call, the fix writes the dtype',
    code: noDtype('model_dir, trust_remote_code=True'),
    settings: { hardware: 'a100' },
    expect: [{ line: 3, column: 9, endColumn: 45, severity: 'information', messageIncludes: 'before v5' }],
    fixes: [
      {
        applicability: 'unsafe',
        output: noDtype('model_dir, trust_remote_code=True, torch_dtype="bfloat16"'),
      },
    ],
  },
  {
    name: 'no dtype, full fine-tune: fp32 master weights are intended',
    code: noDtype('model_dir', false),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'no dtype, but a 4-bit quantised base',
    code: noDtype('model_dir, load_in_4bit=True'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'torch_dtype="auto" loads the checkpoint dtype',
    code: noDtype('model_dir, torch_dtype="auto"'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'no dtype with transformers 5 pinned: the checkpoint dtype is loaded',
    code: noDtype('model_dir'),
    files: { '/case/requirements.txt': 'transformers==5.1.0\npeft==0.17.0\n' },
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'several loads without a dtype: the one the adapter wraps is named',
    code: `from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
if kind == "prefix":
    model = AutoModelForCausalLM.from_pretrained(model_dir, config=config)
if kind == "lora":
    model = AutoModelForCausalLM.from_pretrained(model_dir)
    model = get_peft_model(model, LoraConfig(r=8))
args = TrainingArguments(output_dir="o", bf16=True)
Trainer(model=model, args=args).train()
`,
    settings: { hardware: 'a100' },
    expect: [{ line: 6, column: 13, severity: 'information' }],
  },
  {
    name: 'no dtype in the call, but the weights are cast to half right after',
    code: noDtype('model_dir').replace('model = get_peft_model', 'model = model.half()\nmodel = get_peft_model'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'the dtype may come through **kwargs',
    code: noDtype('model_dir, **model_kwargs'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
