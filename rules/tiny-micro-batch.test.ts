import { runRuleCases } from '../test/helpers/rule-harness';
import { tinyMicroBatch } from './tiny-micro-batch';

const script = (model: string, args: string) =>
  `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("${model}")\nargs = TrainingArguments(output_dir="o", bf16=True, ${args})\nTrainer(model=model, args=args).train()\n`;

runRuleCases(tinyMicroBatch, [
  {
    name: 'micro-batch 1 × 16 for a 0.5 B model on an 80 GB GPU: a larger micro-batch, same global batch',
    code: script('Qwen/Qwen2.5-0.5B', 'per_device_train_batch_size=1, gradient_accumulation_steps=16'),
    settings: { hardware: 'a100-80gb' },
    expect: [{ line: 3, column: 53, messageIncludes: 'same global batch' }],
    fixes: [
      {
        applicability: 'unsafe',
        titleIncludes: 'Use micro-batch 8 × 2',
        output: script('Qwen/Qwen2.5-0.5B', 'per_device_train_batch_size=8, gradient_accumulation_steps=2'),
      },
    ],
  },
  {
    name: 'auto_find_batch_size leaves the batch to the Trainer',
    code: script(
      'Qwen/Qwen2.5-0.5B',
      'per_device_train_batch_size=1, gradient_accumulation_steps=16, auto_find_batch_size=True',
    ),
    settings: { hardware: 'a100-80gb' },
    expect: [],
  },
  {
    name: 'a 70 B model at micro-batch 1 is memory-bound: nothing larger fits',
    code: script('meta-llama/Llama-3.1-70B', 'per_device_train_batch_size=1, gradient_accumulation_steps=16'),
    settings: { hardware: 'a100-80gb' },
    expect: [],
  },
  {
    name: 'unknown hardware: information, checked on a 24 GB card and saying so',
    code: script('Qwen/Qwen2.5-0.5B', 'per_device_train_batch_size=1, gradient_accumulation_steps=16'),
    expect: [{ line: 3, severity: 'information', messageIncludes: 'hardware not stated' }],
    fixes: [{ applicability: 'unsafe', titleIncludes: 'Use micro-batch 8 × 2' }],
  },
  {
    name: 'unknown hardware and a 7 B full fine-tune: a larger micro-batch would not fit a 24 GB card, silent',
    code: script('meta-llama/Llama-2-7b-hf', 'per_device_train_batch_size=1, gradient_accumulation_steps=16'),
    expect: [],
  },
  {
    name: 'little accumulation is not flagged',
    code: script('Qwen/Qwen2.5-0.5B', 'per_device_train_batch_size=2, gradient_accumulation_steps=4'),
    settings: { hardware: 'a100-80gb' },
    expect: [],
  },
]);

// Config formats: HF-args YAML, axolotl YAML, Megatron shell flags, NeMo YAML (global batch), JSON (DeepSpeed).
const hfYaml = (mb: number, ga: number, model = 'Qwen/Qwen2.5-0.5B') =>
  `model_name_or_path: ${model}\noutput_dir: out\nper_device_train_batch_size: ${mb}\ngradient_accumulation_steps: ${ga}\nmax_seq_length: 1024\nbf16: true\n`;
const axolotl = (mb: number, ga: number) =>
  `base_model: Qwen/Qwen2.5-0.5B\ndatasets:\n  - path: tatsu-lab/alpaca\n    type: alpaca\nsequence_len: 1024\nmicro_batch_size: ${mb}\ngradient_accumulation_steps: ${ga}\nnum_epochs: 1\nbf16: auto\n`;
const nemo = (mb: number, gb: number, devices: string) =>
  `name: megatron_gpt\ntrainer:\n${devices}  precision: bf16-mixed\n  max_steps: 20000\nmodel:\n  micro_batch_size: ${mb}\n  global_batch_size: ${gb}\n  encoder_seq_length: 2048\n  num_layers: 12\n  hidden_size: 768\n  num_attention_heads: 12\n`;
const megatron = (mb: number, gb: number) =>
  `#!/bin/bash\ntorchrun --nproc_per_node 8 pretrain_gpt.py \\\n    --num-layers 12 --hidden-size 768 --num-attention-heads 12 \\\n    --seq-length 1024 --max-position-embeddings 1024 \\\n    --micro-batch-size ${mb} --global-batch-size ${gb} \\\n    --train-iters 20000 --bf16\n`;

runRuleCases(tinyMicroBatch, [
  {
    name: 'HF-args YAML: micro-batch 1 × 16, fixed in YAML',
    file: '/case/sft.yaml',
    code: hfYaml(1, 16),
    settings: { hardware: 'a100-80gb', minSavingKWh: 0 },
    expect: [{ line: 3, column: 1, severity: 'warning' }],
    fixes: [
      {
        applicability: 'unsafe',
        titleIncludes: 'Use micro-batch 8 × 2',
        outputIncludes: ['per_device_train_batch_size: 8\n', 'gradient_accumulation_steps: 2\n'],
      },
    ],
  },
  { name: 'HF-args YAML: micro-batch 8 × 2 is right', file: '/case/sft.yaml', code: hfYaml(8, 2), expect: [] },
  {
    name: 'axolotl YAML: micro-batch 1 × 32 on unknown hardware is information',
    file: '/case/axolotl.yml',
    code: axolotl(1, 32),
    expect: [{ line: 6, severity: 'information', messageIncludes: '24 GB' }],
  },
  {
    name: 'axolotl YAML: a 7 B full fine-tune at micro-batch 1 is memory-bound on unknown hardware',
    file: '/case/axolotl.yml',
    code: axolotl(1, 32).replace('Qwen/Qwen2.5-0.5B', 'mistralai/Mistral-7B-v0.1'),
    expect: [],
  },
  {
    name: 'NeMo YAML: global batch 256 at micro-batch 1 on 8 stated devices is 32 accumulation steps',
    file: '/case/megatron_gpt.yaml',
    code: nemo(1, 256, '  devices: 8\n'),
    expect: [{ line: 7, severity: 'information', messageIncludes: 'Micro-batch 1 × 32 accumulation steps' }],
  },
  {
    name: 'NeMo YAML: with the device count unstated the accumulation is unknown, silent',
    file: '/case/megatron_gpt.yaml',
    code: nemo(1, 256, ''),
    expect: [],
  },
  {
    name: 'NeMo YAML: global batch 64 at micro-batch 8 on 8 devices has no accumulation',
    file: '/case/megatron_gpt.yaml',
    code: nemo(8, 64, '  devices: 8\n'),
    expect: [],
  },
  {
    name: 'Megatron flags: micro-batch 1 under global batch 256 on 8 GPUs; the fix keeps the global batch',
    file: '/case/pretrain.sh',
    code: megatron(1, 256),
    expect: [{ line: 5, severity: 'information', messageIncludes: '(global batch 256)' }],
    fixes: [{ applicability: 'unsafe', titleIncludes: 'Use micro-batch 8 × 4', output: megatron(8, 256) }],
  },
  { name: 'Megatron flags: micro-batch 16 is fine', file: '/case/pretrain.sh', code: megatron(16, 256), expect: [] },
]);
