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
