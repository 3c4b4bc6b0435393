import { runRuleCases } from '../test/helpers/rule-harness';
import { fp16WhereBf16Fits } from './fp16-where-bf16-fits';

const script = (args: string) =>
  `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-1.5B")\nargs = TrainingArguments(output_dir="o", ${args})\nTrainer(model=model, args=args).train()\n`;

runRuleCases(fp16WhereBf16Fits, [
  {
    name: 'fp16=True on an A100: on the argument, the fix switches to bf16',
    code: script('fp16=True'),
    settings: { hardware: 'a100' },
    expect: [{ line: 3, column: 42, endColumn: 51, severity: 'information', messageIncludes: 'A100' }],
    fixes: [{ applicability: 'unsafe', output: script('fp16=False, bf16=True') }],
  },
  {
    name: 'fp16 on a V100 is correct (no bf16)',
    code: script('fp16=True'),
    settings: { hardware: 'v100' },
    expect: [],
  },
  { name: 'fp16 on a T4 is correct', code: script('fp16=True'), settings: { hardware: 't4' }, expect: [] },
  {
    name: 'unknown hardware: fp16 may be on a V100 or T4, where it is right — silence, not a guess',
    code: script('fp16=True'),
    expect: [],
  },
  {
    name: 'a launcher that states an A100 makes the hardware known',
    code: script('fp16=True'),
    files: { '/case/run.sh': '#!/bin/bash\n#SBATCH --gres=gpu:a100:1\npython train.py\n' },
    expect: [{ line: 3, severity: 'information', messageIncludes: 'A100' }],
  },
  {
    name: 'fp16 on a CPU run is not judged',
    code: script('fp16=True, use_cpu=True'),
    expect: [],
  },
  { name: 'bf16 already', code: script('bf16=True'), settings: { hardware: 'h100' }, expect: [] },
]);

// Config formats: axolotl YAML, DeepSpeed JSON, Megatron flags, fairseq flags (read through the vocabulary).
const axolotl = (precision: string) =>
  `base_model: Qwen/Qwen2.5-1.5B\ndatasets:\n  - path: tatsu-lab/alpaca\n    type: alpaca\nsequence_len: 2048\nmicro_batch_size: 4\nnum_epochs: 3\n${precision}`;
const ds = (fp16: boolean) =>
  `{\n  "train_micro_batch_size_per_gpu": 8,\n  "fp16": { "enabled": ${fp16}, "loss_scale": 0 },\n  "bf16": { "enabled": ${!fp16} }\n}\n`;
const fairseq = (hw: string) =>
  `#!/bin/bash\n${hw}fairseq-train data-bin/wmt16_en_de_bpe32k \\\n    --arch transformer_wmt_en_de_big --optimizer adam --lr 0.0005 \\\n    --max-tokens 3584 --update-freq 16 --max-update 300000 \\\n    --fp16 \\\n    --save-interval-updates 5000\n`;

runRuleCases(fp16WhereBf16Fits, [
  {
    name: 'axolotl YAML: fp16: true on an A100, on that line; the fix writes bf16 in YAML',
    file: '/case/sft.yml',
    code: axolotl('fp16: true\n'),
    settings: { hardware: 'a100' },
    expect: [{ line: 8, column: 1, severity: 'information' }],
    fixes: [{ applicability: 'unsafe', outputIncludes: ['bf16: true'] }],
  },
  {
    name: 'axolotl YAML: fp16 on a T4',
    file: '/case/sft.yml',
    code: axolotl('fp16: true\n'),
    settings: { hardware: 't4' },
    expect: [],
  },
  {
    name: 'DeepSpeed JSON: fp16 enabled on an H100',
    file: '/case/ds_config.json',
    code: ds(true),
    settings: { hardware: 'h100' },
    expect: [{ line: 3 }],
  },
  {
    name: 'DeepSpeed JSON: bf16 enabled',
    file: '/case/ds_config.json',
    code: ds(false),
    settings: { hardware: 'h100' },
    expect: [],
  },
  {
    name: 'fairseq flags: --fp16 on an A100 (a fact read through the vocabulary: information)',
    file: '/case/train.sh',
    code: fairseq(''),
    settings: { hardware: 'a100' },
    expect: [{ line: 5, severity: 'information' }],
  },
  {
    name: 'fairseq flags: --fp16 on a V100',
    file: '/case/train.sh',
    code: fairseq(''),
    settings: { hardware: 'v100' },
    expect: [],
  },
]);

runRuleCases(fp16WhereBf16Fits, [
  {
    name: 'a model loaded in float16 trains in fp16 weights: said so, on the dtype argument',
    code: `import torch
from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-1.5B", torch_dtype=torch.float16)
args = TrainingArguments(output_dir="o", num_train_epochs=1)
Trainer(model=model, args=args).train()
`,
    settings: { hardware: 'a100' },
    expect: [{ line: 3, column: 67, messageIncludes: 'fp16 weights on NVIDIA A100' }],
  },
]);
