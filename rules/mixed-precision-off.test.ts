import { runRuleCases } from '../test/helpers/rule-harness';
import { mixedPrecisionOff } from './mixed-precision-off';

const script = (args: string, extra = '') => `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
${extra}model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-1.5B")
args = TrainingArguments(
    output_dir="out",
${args}
)
Trainer(model=model, args=args).train()
`;

runRuleCases(mixedPrecisionOff, [
  {
    name: 'fp32 by default on an A100: warning on the arguments call, fix inserts bf16=True',
    code: script('    per_device_train_batch_size=8,'),
    settings: { hardware: 'a100-80gb' },
    expect: [{ line: 3, severity: 'warning', messageIncludes: 'fp32' }],
    fixTitleIncludes: 'Use bf16 mixed precision — saves ≈',
    fixedIncludes: ['    bf16=True,'],
  },
  {
    name: 'explicit bf16=False is flagged on that argument and the fix flips it',
    code: script('    bf16=False,\n    num_train_epochs=1,'),
    settings: { hardware: 'h100' },
    expect: [{ line: 5, severity: 'warning' }],
    fixedIncludes: ['bf16=True,'],
  },
  {
    name: 'fp16 on a V100 is correct',
    code: script('    fp16=True,'),
    settings: { hardware: 'v100' },
    expect: [],
  },
  {
    name: 'fp32 on a V100 proposes fp16, not bf16',
    code: script('    num_train_epochs=1,'),
    settings: { hardware: 'Tesla V100-SXM2-16GB' },
    expect: [{ line: 3, severity: 'warning' }],
    fixTitleIncludes: 'Use fp16',
    fixedIncludes: ['fp16=True'],
  },
  {
    name: 'T5 on a V100: fp16 overflows for T5 checkpoints and bf16 is missing, so nothing is proposed',
    code: `from transformers import AutoModelForSeq2SeqLM, Seq2SeqTrainingArguments\nmodel = AutoModelForSeq2SeqLM.from_pretrained("google/flan-t5-base")\nargs = Seq2SeqTrainingArguments(output_dir="o")\n`,
    settings: { hardware: 'v100' },
    expect: [],
  },
  {
    name: 'T5 on an A100: bf16 is fine for T5, so it is proposed',
    code: `from transformers import AutoModelForSeq2SeqLM, Seq2SeqTrainingArguments\nmodel = AutoModelForSeq2SeqLM.from_pretrained("google/flan-t5-base")\nargs = Seq2SeqTrainingArguments(output_dir="o")\n`,
    settings: { hardware: 'a100' },
    expect: [{ line: 3 }],
    fixedIncludes: ['bf16=True'],
  },
  {
    name: 'unknown hardware lowers the finding to information',
    code: script('    num_train_epochs=1,'),
    expect: [{ line: 3, severity: 'information', messageIncludes: 'unknown hardware' }],
  },
  {
    name: 'bf16 already on',
    code: script('    bf16=True,'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a precision flag set from an expression is not guessed',
    code: script('    bf16=torch.cuda.is_bf16_supported(),'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'TRL SFTConfig defaults to bf16',
    code: `from trl import SFTConfig, SFTTrainer\nconfig = SFTConfig(output_dir="out")\nSFTTrainer(model="Qwen/Qwen2.5-0.5B", args=config).train()\n`,
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'weights loaded in bf16 train in bf16',
    code: `import torch\nfrom transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("gpt2", torch_dtype=torch.bfloat16)\nargs = TrainingArguments(output_dir="o")\nTrainer(model=model, args=args).train()\n`,
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'use_cpu=True runs on CPU',
    code: script('    use_cpu=True,'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'one-line call: the fix appends to the argument list',
    code: `from transformers import TrainingArguments\nargs = TrainingArguments(output_dir="o", num_train_epochs=1)\n`,
    settings: { hardware: 'l4' },
    expect: [{ line: 2 }],
    fixedIncludes: ['TrainingArguments(output_dir="o", num_train_epochs=1, bf16=True)'],
  },
  {
    name: 'suppressed with a greenml: ignore comment',
    code: `from transformers import TrainingArguments\nargs = TrainingArguments(output_dir="o")  # greenml: ignore[GML101]\n`,
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'suppressed by a block comment around the call',
    code: `from transformers import TrainingArguments\n# greenml: disable[GML1]\nargs = TrainingArguments(output_dir="o")\n# greenml: enable[GML1]\n`,
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'suppressed for the whole file',
    code: `# greenml: ignore-file[mixed-precision-off]\nfrom transformers import TrainingArguments\nargs = TrainingArguments(output_dir="o")\n`,
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a block closed before the call does not suppress it',
    code: `from transformers import TrainingArguments\n# greenml: disable[GML101]\nx = 1\n# greenml: enable[GML101]\nargs = TrainingArguments(output_dir="o")\n`,
    settings: { hardware: 'a100' },
    expect: [{ line: 5, column: 8, endColumn: 25 }],
    fixes: [
      {
        applicability: 'unsafe',
        titleIncludes: 'Use bf16',
        output: `from transformers import TrainingArguments\n# greenml: disable[GML101]\nx = 1\n# greenml: enable[GML101]\nargs = TrainingArguments(output_dir="o", bf16=True)\n`,
      },
    ],
  },
  {
    name: 'GPUs without tensor cores (P100) are not flagged',
    code: `from transformers import TrainingArguments\nargs = TrainingArguments(output_dir="o")\n`,
    settings: { hardware: 'p100' },
    expect: [],
  },
]);

runRuleCases(mixedPrecisionOff, [
  {
    name: 'precision left to the command line (HfArgumentParser) with no launcher in view: information that says so',
    code: `from transformers import HfArgumentParser, Trainer, TrainingArguments\nparser = HfArgumentParser((TrainingArguments,))\n(args,) = parser.parse_args_into_dataclasses()\nTrainer(model="Qwen/Qwen2.5-1.5B", args=args).train()\n`,
    settings: { hardware: 'a100' },
    expect: [{ line: 4, severity: 'information', messageIncludes: 'command line' }],
  },
]);

// Config formats, each with a case that fires (on the line that sets the precision) and cases that must not.
const titan = (parallelism: string) =>
  `[job]\ndump_folder = "./outputs"\n\n[model]\nname = "llama3"\nflavor = "8B"\n\n[training]\nlocal_batch_size = 1\nseq_len = 8192\nsteps = 1000\n\n[parallelism]\ndata_parallel_shard_degree = -1\n${parallelism}`;
const olmo = (precision: string) =>
  `run_name: olmo-1b\nmodel:\n  d_model: 2048\n  n_heads: 16\n  n_layers: 16\n  max_sequence_length: 2048\noptimizer:\n  name: adamw\n  learning_rate: 4.0e-4\nmax_duration: 20e9T\nglobal_train_batch_size: 2048\ndevice_train_microbatch_size: 8\nprecision: ${precision}\nsave_interval: 1000\n`;
const ds = (fp16: boolean, bf16: boolean) =>
  `{\n  "train_micro_batch_size_per_gpu": 8,\n  "gradient_accumulation_steps": 4,\n  "zero_optimization": { "stage": 2 },\n  "fp16": { "enabled": ${fp16} },\n  "bf16": { "enabled": ${bf16} }\n}\n`;
const megatron = (precision: string) =>
  `#!/bin/bash\ntorchrun --nproc_per_node 8 pretrain_gpt.py \\\n    --num-layers 24 --hidden-size 2048 --num-attention-heads 16 \\\n    --seq-length 2048 --max-position-embeddings 2048 \\\n    --micro-batch-size 4 --global-batch-size 256 \\\n    --train-iters 20000 ${precision}\\\n    --save-interval 1000 --save ckpt\n`;
const mmengine = (wrapper: string) =>
  `model = dict(type="ImageClassifier", backbone=dict(type="ResNet", depth=50))\ntrain_dataloader = dict(batch_size=64, num_workers=8)\ntrain_cfg = dict(type="EpochBasedTrainLoop", max_epochs=100)\noptim_wrapper = dict(${wrapper}optimizer=dict(type="SGD", lr=0.1))\n`;

runRuleCases(mixedPrecisionOff, [
  {
    name: 'torchtitan TOML: mixed_precision_param = "float32", on that line, fixed in TOML',
    file: '/case/llama3_8b.toml',
    code: titan('mixed_precision_param = "float32"\n'),
    settings: { hardware: 'h100' },
    expect: [{ line: 15, column: 1, severity: 'warning' }],
    fixes: [
      {
        applicability: 'unsafe',
        titleIncludes: 'Use bf16',
        output: titan('mixed_precision_param = "bfloat16"\n'),
      },
    ],
  },
  {
    name: 'torchtitan TOML: nothing written — FSDP mixed precision is bf16 by default',
    file: '/case/llama3_8b.toml',
    code: titan(''),
    settings: { hardware: 'h100' },
    expect: [],
  },
  {
    name: 'OLMo YAML: precision fp32 on a 1 B model, on that line',
    file: '/case/olmo.yaml',
    code: olmo('fp32'),
    settings: { hardware: 'a100' },
    expect: [{ line: 13, column: 1, severity: 'warning' }],
  },
  {
    name: 'OLMo/Composer YAML: precision amp_bf16',
    file: '/case/olmo.yaml',
    code: olmo('amp_bf16'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'OLMo/Composer YAML: amp_fp16 on a V100',
    file: '/case/olmo.yaml',
    code: olmo('amp_fp16'),
    settings: { hardware: 'v100' },
    expect: [],
  },
  {
    name: 'DeepSpeed JSON: fp16 and bf16 both disabled, on the last switch',
    file: '/case/ds_config.json',
    code: ds(false, false),
    settings: { hardware: 'a100' },
    expect: [{ line: 6 }],
  },
  { name: 'DeepSpeed JSON: bf16 enabled', file: '/case/ds_config.json', code: ds(false, true), expect: [] },
  {
    name: 'Megatron flags: neither --bf16 nor --fp16 (fp32 by default), information on unknown hardware',
    file: '/case/pretrain.sh',
    code: megatron(''),
    expect: [{ line: 2, severity: 'information', messageIncludes: 'unknown hardware' }],
  },
  { name: 'Megatron flags: --bf16', file: '/case/pretrain.sh', code: megatron('--bf16 '), expect: [] },
  {
    name: 'Megatron flags: FP8 on',
    file: '/case/pretrain.sh',
    code: megatron('--bf16 --fp8-format hybrid '),
    settings: { hardware: 'h100' },
    expect: [],
  },
  {
    name: 'mmengine Python config: plain OptimWrapper trains in fp32',
    file: '/case/resnet50_config.py',
    code: mmengine('type="OptimWrapper", '),
    settings: { hardware: 'a100' },
    expect: [{ line: 4 }],
  },
  {
    name: 'mmengine Python config: AmpOptimWrapper',
    file: '/case/resnet50_config.py',
    code: mmengine('type="AmpOptimWrapper", dtype="bfloat16", '),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'OLMo YAML: fp32 on a CPU run',
    file: '/case/olmo.yaml',
    code: olmo('fp32'),
    settings: { hardware: 'cpu' },
    expect: [],
  },
]);

runRuleCases(mixedPrecisionOff, [
  {
    name: 'a saving that rests on an assumed dataset size says so',
    file: '/case/train.yaml',
    code: 'model: resnet50\nbatch_size: 256\nepochs: 90\noptimizer: sgd\namp: false\n',
    settings: { hardware: 'a100' },
    expect: [{ line: 5, severity: 'information', messageIncludes: 'assuming the dataset size' }],
  },
  {
    name: 'a stated dataset size: no such caveat',
    file: '/case/train.yaml',
    code: 'model: resnet50\nbatch_size: 256\nepochs: 90\noptimizer: sgd\namp: false\n',
    settings: { hardware: 'a100', datasetSize: 1281167 },
    expect: [{ line: 5, severity: 'information', messageExcludes: 'assuming' }],
  },
]);

// An HF-args YAML read without its script: bf16/fp16 unset is fp32 under transformers' Trainer but bf16 under TRL —
// information that names that assumption, never a warning; the fix writes the precision in YAML.
const argsYaml = (extra = '') =>
  `model_name_or_path: Qwen/Qwen2.5-7B\noutput_dir: out\nper_device_train_batch_size: 8\nnum_train_epochs: 3\n${extra}`;

runRuleCases(mixedPrecisionOff, [
  {
    name: 'HF-args YAML alone with bf16/fp16 unset: information on the run, naming the script it depends on',
    file: '/case/sft.yaml',
    code: argsYaml(),
    settings: { hardware: 'a100' },
    expect: [{ line: 2, column: 1, severity: 'information', messageIncludes: 'TRL ≥ 0.19 defaults to bf16' }],
    fixes: [{ applicability: 'unsafe', outputIncludes: ['bf16: true'] }],
  },
  {
    name: 'HF-args YAML alone on a V100: the fix writes fp16',
    file: '/case/sft.yaml',
    code: argsYaml(),
    settings: { hardware: 'v100' },
    expect: [{ line: 2, severity: 'information' }],
    fixes: [{ applicability: 'unsafe', outputIncludes: ['fp16: true'] }],
  },
  {
    name: 'HF-args YAML with bf16: true',
    file: '/case/sft.yaml',
    code: argsYaml('bf16: true\n'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'HF-args YAML alone on a CPU run',
    file: '/case/sft.yaml',
    code: argsYaml('use_cpu: true\n'),
    expect: [],
  },
]);
