import { runRuleCases } from '../test/helpers/rule-harness';
import { loggingOverhead } from './logging-overhead';

const script = (args: string) =>
  `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-0.5B")\nargs = TrainingArguments(output_dir="o", bf16=True, ${args})\nTrainer(model=model, args=args).train()\n`;

runRuleCases(loggingOverhead, [
  {
    name: 'logging every step of 20,000: the fix logs every 50',
    code: script('max_steps=20000, logging_steps=1'),
    settings: { hardware: 'a100' },
    expect: [{ line: 3, column: 70, endColumn: 85 }],
    fixes: [{ applicability: 'safe', output: script('max_steps=20000, logging_steps=50') }],
  },
  {
    name: 'a short debugging run',
    code: script('max_steps=200, logging_steps=1'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'every 10 steps',
    code: script('max_steps=20000, logging_steps=10'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a profiler with no schedule',
    code: `import torch\nmodel = Net().cuda()\nwith torch.profiler.profile(activities=[torch.profiler.ProfilerActivity.CUDA]) as prof:\n    for x, y in loader:\n        loss = model(x.cuda()).sum()\n        loss.backward()\n        opt.step()\n`,
    settings: { hardware: 'a100' },
    expect: [{ line: 3, messageIncludes: 'no schedule' }],
  },
  {
    name: 'a scheduled profiler',
    code: `import torch\nmodel = Net().cuda()\nwith torch.profiler.profile(schedule=torch.profiler.schedule(wait=1, warmup=1, active=3)) as prof:\n    for x, y in loader:\n        loss = model(x.cuda()).sum()\n        loss.backward()\n        opt.step()\n        prof.step()\n`,
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// Reporting to a tracker every step, in the Trainer and in a launcher of a script that parses TrainingArguments.
runRuleCases(loggingOverhead, [
  {
    name: 'a short run logging every step to W&B: each step is also a record sent',
    code: script('max_steps=200, logging_steps=1, report_to="wandb"'),
    settings: { hardware: 'a100' },
    expect: [{ line: 3, column: 68, severity: 'information', messageIncludes: 'to wandb' }],
    fixes: [{ applicability: 'safe', output: script('max_steps=200, logging_steps=50, report_to="wandb"') }],
  },
  {
    name: 'report_to as a list names the tracker too',
    code: script('max_steps=200, logging_steps=1, report_to=["tensorboard"]'),
    settings: { hardware: 'a100' },
    expect: [{ line: 3, messageIncludes: 'to tensorboard' }],
  },
  {
    name: 'report_to="none" on a short run: nothing to say',
    code: script('max_steps=200, logging_steps=1, report_to="none"'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a launcher passing --report_to wandb --logging_steps 1 to a TrainingArguments script',
    file: '/case/run.sh',
    code: `torchrun --nproc_per_node=4 train.py \\
    --model_name_or_path Qwen/Qwen2.5-0.5B \\
    --num_train_epochs 3 \\
    --report_to wandb \\
    --logging_steps 1
`,
    files: {
      '/case/train.py': `from transformers import AutoModelForCausalLM, HfArgumentParser, Trainer, TrainingArguments\n(args,) = HfArgumentParser(TrainingArguments).parse_args_into_dataclasses()\nmodel = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-0.5B")\nTrainer(model=model, args=args).train()\n`,
    },
    settings: { hardware: 'a100' },
    expect: [{ line: 5, severity: 'information', messageIncludes: 'to wandb' }],
  },
]);

// Media logged on every step of a hand-written loop: each line is its own finding.
const loop = (body: string) => `import torch
from torch.utils.tensorboard import SummaryWriter

writer = SummaryWriter()
model = Net().cuda()
for step, (x, y) in enumerate(loader):
    loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
    opt.zero_grad()
    loss.backward()
    opt.step()
${body}
`;

runRuleCases(loggingOverhead, [
  {
    name: 'histograms of every parameter and an image grid each step: one finding per line',
    code: loop(
      '    for name, p in model.named_parameters():\n        writer.add_histogram(name, p, step)\n    writer.add_image("input", x[0], step)',
    ),
    settings: { hardware: 'a100' },
    expect: [
      { line: 12, column: 9, messageIncludes: 'writer.add_histogram(…) on every training step' },
      { line: 13, column: 5, messageIncludes: 'writer.add_image' },
    ],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'wandb.Image inside wandb.log each step',
    code: loop('    wandb.log({"sample": wandb.Image(x[0])})'),
    settings: { hardware: 'a100' },
    expect: [{ line: 11, messageIncludes: 'wandb.Image' }],
  },
  {
    name: 'media under a logging interval: not every step',
    code: loop('    if step % 1000 == 0:\n        writer.add_histogram("w", model.fc.weight, step)'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'media once per epoch, after the batch loop',
    code: `import torch
for epoch in range(90):
    for x, y in loader:
        loss = model(x.cuda(), y.cuda())
        loss.backward()
        opt.step()
    writer.add_image("pred", model(x.cuda())[0], epoch)
`,
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// A step count that rests on an assumed dataset size: information, naming the assumption.
runRuleCases(loggingOverhead, [
  {
    name: 'logging every step of 30 epochs over a dataset of unknown size: information',
    code: script('num_train_epochs=30, report_to="none", logging_steps=1'),
    settings: { hardware: 'a100' },
    expect: [{ line: 3, severity: 'information', messageIncludes: 'assuming' }],
  },
  {
    name: 'the same in a launcher whose script is not in view',
    file: '/case/scripts/finetune.sh',
    code: 'deepspeed llava/train/train_mem.py \\\n    --model_name_or_path lmsys/vicuna-7b-v1.5 \\\n    --per_device_train_batch_size 16 \\\n    --num_train_epochs 3 \\\n    --logging_steps 1 \\\n    --output_dir ./checkpoints\n',
    expect: [{ line: 5, severity: 'information' }],
  },
]);

// OpenRLHF's `--use_wandb <key>` turns W&B on (its trainers log to W&B whenever it is set); the key is never repeated.
const KEY = '5d1c0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d';
const openrlhf = (wandb: string) => `deepspeed --include localhost:0,1,2,3 --module openrlhf.cli.train_sft \\
   --pretrain Qwen/Qwen2.5-7B-Instruct \\
   --logging_steps 1 \\
   --train_batch_size 128 \\
   --micro_train_batch_size 2 \\
   --max_epochs 1 \\
${wandb}   --bf16
`;

runRuleCases(loggingOverhead, [
  {
    name: 'OpenRLHF launcher: --logging_steps 1 with --use_wandb <key> logs every step to W&B',
    file: '/case/scripts/sft.sh',
    code: openrlhf(`   --use_wandb ${KEY} \\\n`),
    expect: [{ line: 3, messageIncludes: 'to wandb', messageExcludes: KEY.slice(0, 12) }],
  },
  {
    name: 'OpenRLHF launcher: --logging_steps 1 with no tracker on a short run',
    file: '/case/scripts/sft.sh',
    code: openrlhf(''),
    expect: [],
  },
]);

// axolotl: `logging_steps` is its TrainingArguments' own; W&B is on whenever `wandb_project` names a project
// (axolotl src/axolotl/utils/wandb_.py), and the one dataset loaded by name gives the run's length.
const axolotl = (more: string) => `base_model: NousResearch/Llama-2-7b-hf
datasets:
  - path: tatsu-lab/alpaca
    type: alpaca
sequence_len: 1024
adapter: lora
micro_batch_size: 2
gradient_accumulation_steps: 4
num_epochs: 3
bf16: auto
${more}logging_steps: 1
`;

runRuleCases(loggingOverhead, [
  {
    name: 'axolotl: logging every step of ≈ 19,500 (Alpaca, 52,002 rows at 8 per step, 3 epochs)',
    file: '/case/examples/lora.yml',
    code: axolotl('wandb_project:\n'),
    expect: [{ line: 12, messageIncludes: '19,503', messageExcludes: 'assuming' }],
    fixes: [
      { applicability: 'safe', output: axolotl('wandb_project:\n').replace('logging_steps: 1', 'logging_steps: 50') },
    ],
  },
  {
    name: 'axolotl: a W&B project set is a tracker, whatever the length',
    file: '/case/examples/lora.yml',
    code: axolotl('wandb_project: llama-lora\n').replace('num_epochs: 3', 'max_steps: 200'),
    expect: [{ line: 12, messageIncludes: 'to wandb' }],
  },
  {
    name: 'axolotl: a short run (max_steps 200) with wandb_project left empty: no tracker, nothing to say',
    file: '/case/examples/lora.yml',
    code: axolotl('wandb_project:\nwandb_entity:\n').replace('num_epochs: 3', 'max_steps: 200'),
    expect: [],
  },
  {
    name: 'LitGPT: train.log_interval 1 on a 300-billion-token pre-training',
    file: '/case/config_hub/pretrain/small.yaml',
    code: 'model_name: pythia-160m\nout_dir: out/pretrain\ntrain:\n  log_interval: 1\n  global_batch_size: 512\n  micro_batch_size: 8\n  max_tokens: 300000000000\n  max_seq_length: 2048\nlogger_name: csv\n',
    expect: [{ line: 4, messageIncludes: 'every one of' }],
  },
  {
    name: 'LitGPT: log_interval 10',
    file: '/case/config_hub/pretrain/small.yaml',
    code: 'model_name: pythia-160m\nout_dir: out/pretrain\ntrain:\n  log_interval: 10\n  global_batch_size: 512\n  micro_batch_size: 8\n  max_tokens: 300000000000\n  max_seq_length: 2048\nlogger_name: csv\n',
    expect: [],
  },
]);
