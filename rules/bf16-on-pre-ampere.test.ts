import { runRuleCases } from '../test/helpers/rule-harness';
import { bf16OnPreAmpere } from './bf16-on-pre-ampere';

const script = (args: string) =>
  `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-1.5B")\nargs = TrainingArguments(output_dir="o", ${args})\nTrainer(model=model, args=args).train()\n`;

runRuleCases(bf16OnPreAmpere, [
  {
    name: 'bf16=True on a T4: warning on the argument, fix to fp16',
    code: script('bf16=True'),
    settings: { hardware: 't4' },
    expect: [{ line: 3, column: 42, endColumn: 51, severity: 'warning', messageIncludes: 'no bf16' }],
    fixes: [{ applicability: 'unsafe', output: script('bf16=False, fp16=True') }],
  },
  { name: 'bf16 on an A100 is right', code: script('bf16=True'), settings: { hardware: 'a100' }, expect: [] },
  { name: 'bf16 on a TPU is right', code: script('bf16=True'), settings: { hardware: 'tpu v3' }, expect: [] },
  { name: 'unknown hardware: silent', code: script('bf16=True'), expect: [] },
  {
    name: "TRL's bf16 default is not written: not flagged here",
    code: `from trl import SFTConfig, SFTTrainer\nconfig = SFTConfig(output_dir="out")\nSFTTrainer(model="Qwen/Qwen2.5-0.5B", args=config).train()\n`,
    settings: { hardware: 't4' },
    expect: [],
  },
]);

// Config formats: axolotl YAML (bf16: auto falls back by itself), DeepSpeed JSON, Megatron flags.
const axolotl = (precision: string) =>
  `base_model: Qwen/Qwen2.5-1.5B\ndatasets:\n  - path: tatsu-lab/alpaca\n    type: alpaca\nsequence_len: 2048\nmicro_batch_size: 4\nnum_epochs: 3\n${precision}`;
const megatron = (precision: string) =>
  `#!/bin/bash\ntorchrun --nproc_per_node 8 pretrain_gpt.py \\\n    --num-layers 24 --hidden-size 1024 --num-attention-heads 16 \\\n    --seq-length 2048 --max-position-embeddings 2048 \\\n    --micro-batch-size 4 --global-batch-size 256 \\\n    --train-iters 20000 ${precision}\n`;

runRuleCases(bf16OnPreAmpere, [
  {
    name: 'axolotl YAML: bf16: true on a V100, on that line; the fix writes fp16 in YAML',
    file: '/case/sft.yml',
    code: axolotl('bf16: true\n'),
    settings: { hardware: 'v100' },
    expect: [{ line: 8, column: 1, severity: 'warning' }],
    fixes: [{ applicability: 'unsafe', outputIncludes: ['fp16: true'] }],
  },
  {
    name: 'axolotl YAML: bf16: auto on a V100 falls back to fp16 by itself',
    file: '/case/sft.yml',
    code: axolotl('bf16: auto\n'),
    settings: { hardware: 'v100' },
    expect: [],
  },
  {
    name: 'Megatron flags: --bf16 on a T4',
    file: '/case/pretrain.sh',
    code: megatron('--bf16'),
    settings: { hardware: 't4' },
    expect: [{ line: 6 }],
  },
  {
    name: 'Megatron flags: --fp16 on a T4',
    file: '/case/pretrain.sh',
    code: megatron('--fp16'),
    settings: { hardware: 't4' },
    expect: [],
  },
]);
