// Shell launchers: devices, hardware and launch-time precision for the script they start, in the real override
// order (launcher flag > config file > script > default), and findings located on the flag that decides.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, applyEdits, codes, fact, launchedFact, launchedRun, lineOf, theRun } from './helpers';

const hfParser = `from transformers import AutoModelForCausalLM, HfArgumentParser, Trainer, TrainingArguments
parser = HfArgumentParser(TrainingArguments)
(args,) = parser.parse_args_into_dataclasses()
model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-1.5B")
Trainer(model=model, args=args).train()
`;

test('torchrun: --nproc_per_node × --nnodes are the devices; HF flags on the command line set TrainingArguments', async () => {
  const sh =
    'torchrun --nnodes=2 --nproc_per_node=8 train.py \\\n  --output_dir out \\\n  --bf16 True \\\n  --per_device_train_batch_size 16\n';
  const files = { 'train.py': hfParser, 'run.sh': sh };
  const a = await analyze(files, 'train.py', { hardware: 'h100' });
  // The script planned alone keeps its own values; the run the launcher starts is its launched run.
  assert.equal(fact(a, 'devices')?.origin, 'assumed');
  const dev = launchedFact(a, 'devices')!;
  assert.deepEqual([dev.value, dev.origin], [16, 'explicit']);
  assert.ok(dev.file?.endsWith('run.sh'));
  assert.equal(lineOf(sh, dev.span!.start), 1);
  assert.deepEqual([launchedFact(a, 'precision')?.value, launchedFact(a, 'micro_batch')?.value], ['bf16', 16]);
  assert.equal(lineOf(sh, launchedFact(a, 'precision')!.span!.start), 3);
  assert.ok(!codes(a).includes('GML101'));
  // The same run, seen from the launcher.
  const l = await analyze(files, 'run.sh', { hardware: 'h100' });
  assert.deepEqual([l.runs.length, l.linked?.length], [0, 1]);
  assert.equal(theRun(l).plan.entry.file, '/proj/train.py');
});

test('a complete command line without --bf16 makes the fp32 default certain: a warning, not a guess', async () => {
  const guess = await analyze({ 'train.py': hfParser }, 'train.py', { hardware: 'a100' });
  assert.equal(guess.findings.find((f) => f.code === 'GML101')?.severity, 'information');
  const known = await analyze(
    { 'train.py': hfParser, 'run.sh': 'python train.py --output_dir out --num_train_epochs 1\n' },
    'train.py',
    { hardware: 'a100' },
  );
  // The run the launcher starts (the script's launched run, which the rules judge) is certain to be fp32.
  assert.equal(launchedFact(known, 'precision')?.origin, 'framework-default');
  assert.equal(known.findings.find((f) => f.code === 'GML101')?.severity, 'warning');
  const open = await analyze(
    { 'train.py': hfParser, 'run.sh': 'python train.py --output_dir out "$@"\n' },
    'train.py',
    { hardware: 'a100' },
  );
  assert.equal(launchedFact(open, 'precision')?.origin, 'assumed', '"$@" may carry --bf16');
});

test('python train.py --bf16 False on the launcher: GML101 on that flag, fixed there', async () => {
  const sh = '#!/bin/bash\npython train.py \\\n    --output_dir out \\\n    --bf16 False\n';
  const a = await analyze({ 'train.py': hfParser, 'run.sh': sh }, 'run.sh', { hardware: 'a100' });
  const f = a.findings.find((x) => x.code === 'GML101')!;
  assert.equal(sh.slice(f.span.start, f.span.end), '--bf16 False');
  assert.match(applyEdits(sh, f.fixes[0].edits), /--bf16 True\n$/);
  assert.deepEqual(
    codes(await analyze({ 'train.py': hfParser, 'run.sh': sh }, 'train.py', { hardware: 'a100' })),
    [],
    'reported once, in the launcher',
  );
});

test('argparse scripts: a launcher flag overrides the argparse default that feeds TrainingArguments', async () => {
  const script = `import argparse
from transformers import Trainer, TrainingArguments
p = argparse.ArgumentParser()
p.add_argument("--batch_size", type=int, default=8)
p.add_argument("--bf16", action="store_true", default=False)
args = p.parse_args()
targs = TrainingArguments(output_dir="o", per_device_train_batch_size=args.batch_size, bf16=args.bf16)
Trainer(model=m, args=targs).train()
`;
  const a = await analyze({ 'train.py': script, 'go.sh': 'python train.py --batch_size 32 --bf16\n' }, 'train.py', {
    hardware: 'a100',
  });
  assert.deepEqual([launchedFact(a, 'micro_batch')?.value, launchedFact(a, 'precision')?.value], [32, 'bf16']);
  // Planned alone, the script keeps its defaults even with the launcher beside it.
  assert.deepEqual([fact(a, 'micro_batch')?.value, fact(a, 'precision')?.value], [8, 'fp32']);
  const alone = await analyze({ 'train.py': script }, 'train.py', { hardware: 'a100' });
  assert.deepEqual([fact(alone, 'micro_batch')?.origin, fact(alone, 'precision')?.value], ['script-default', 'fp32']);
});

test('deepspeed --num_gpus with --deepspeed ds.json: devices from the launcher, ZeRO stage from the config, "auto" from the flags', async () => {
  const files = {
    'train.py': hfParser,
    'ds.json':
      '{"bf16": {"enabled": "auto"}, "train_micro_batch_size_per_gpu": "auto", "zero_optimization": {"stage": 3}}',
    'run.sh':
      'deepspeed --num_gpus 4 train.py --deepspeed ds.json --output_dir o --bf16 True --per_device_train_batch_size 2\n',
  };
  for (const target of ['train.py', 'ds.json', 'run.sh']) {
    const a = await analyze(files, target, { hardware: 'a100' });
    assert.deepEqual(
      ['devices', 'zero_stage', 'precision', 'micro_batch'].map((k) => launchedFact(a, k as never)?.value),
      [4, 3, 'bf16', 2],
      target,
    );
    assert.deepEqual(codes(a), [], target);
  }
});

test('accelerate launch --mixed_precision reaches TrainingArguments and Accelerator() — but not an explicit Accelerator(mixed_precision=...)', async () => {
  const acc = (args: string) =>
    `import torch\nfrom accelerate import Accelerator\naccelerator = Accelerator(${args})\nfor batch in loader:\n    accelerator.backward(model(batch).loss)\n    opt.step()\n`;
  let a = await analyze(
    {
      'train.py': hfParser,
      'l.sh': 'accelerate launch --num_processes 8 --mixed_precision bf16 train.py --output_dir o\n',
    },
    'train.py',
    { hardware: 'a100' },
  );
  assert.deepEqual([launchedFact(a, 'precision')?.value, launchedFact(a, 'devices')?.value], ['bf16', 8]);
  a = await analyze({ 'train.py': acc(''), 'l.sh': 'accelerate launch --mixed_precision fp8 train.py\n' }, 'train.py', {
    hardware: 'h100',
  });
  assert.deepEqual(
    [launchedFact(a, 'precision')?.value, codes(a).includes('GML101')],
    ['fp8', false],
    'fp8 already on',
  );
  a = await analyze(
    { 'train.py': acc('mixed_precision="bf16"'), 'l.sh': 'accelerate launch --mixed_precision no train.py\n' },
    'train.py',
    { hardware: 'a100' },
  );
  assert.equal(launchedFact(a, 'precision')?.value, 'bf16', "the script's explicit argument wins over the launcher");
  // `--mixed_precision no` on the launcher: the finding and its fix are on that flag.
  const sh = 'accelerate launch --mixed_precision no --num_processes 2 train.py\n';
  a = await analyze({ 'train.py': acc(''), 'l.sh': sh }, 'l.sh', { hardware: 'a100' });
  const f = a.findings.find((x) => x.code === 'GML101')!;
  assert.equal(sh.slice(f.span.start, f.span.end), '--mixed_precision no');
  assert.equal(
    applyEdits(sh, f.fixes[0].edits),
    'accelerate launch --mixed_precision bf16 --num_processes 2 train.py\n',
  );
});

test("accelerate launch --config_file: the config's mixed_precision and num_processes apply; GML101 is shown in the config", async () => {
  const cfg =
    "compute_environment: LOCAL_MACHINE\ndistributed_type: MULTI_GPU\nmixed_precision: 'no'\nnum_machines: 1\nnum_processes: 4\n";
  const files = {
    'train.py': hfParser,
    'acc.yaml': cfg,
    'launch.sh': 'accelerate launch --config_file acc.yaml train.py --output_dir o\n',
  };
  const a = await analyze(files, 'acc.yaml', { hardware: 'a100' });
  assert.deepEqual([launchedFact(a, 'precision')?.value, launchedFact(a, 'devices')?.value], ['fp32', 4]);
  const f = a.findings.find((x) => x.code === 'GML101')!;
  assert.equal(cfg.slice(f.span.start, f.span.end), "mixed_precision: 'no'");
  assert.match(applyEdits(cfg, f.fixes[0].edits), /^mixed_precision: 'bf16'$/m);
  const withFlag = {
    ...files,
    'launch.sh': 'accelerate launch --config_file acc.yaml --mixed_precision bf16 train.py --output_dir o\n',
  };
  assert.equal(
    launchedFact(await analyze(withFlag, 'acc.yaml', { hardware: 'a100' }), 'precision')?.value,
    'bf16',
    'a launcher flag beats the config file',
  );
});

test('SLURM: #SBATCH --gres=gpu:a100:8 and --nodes give hardware and devices; the GPU type wins over nothing, a setting wins over nothing', async () => {
  const sbatch =
    '#!/bin/bash\n#SBATCH --nodes=2\n#SBATCH --gres=gpu:a100:8\n#SBATCH --time=48:00:00\nsrun torchrun --nnodes $SLURM_NNODES --nproc_per_node 8 train.py --max_epochs 3\n';
  const script = 'import lightning as L\ntrainer = L.Trainer(max_epochs=3)\ntrainer.fit(model)\n';
  const a = await analyze({ 'train.py': script, 'job.slurm': sbatch }, 'train.py');
  const hw = launchedFact(a, 'hardware')!;
  assert.deepEqual([hw.value, launchedFact(a, 'devices')?.value], ['a100', 16]);
  // must not: the script planned alone takes neither from the job.
  assert.deepEqual([fact(a, 'hardware')?.origin, fact(a, 'devices')?.origin], ['assumed', 'assumed']);
  assert.equal(lineOf(sbatch, hw.span!.start), 3);
  const g = await analyze(
    { 'train.py': script, 'job.slurm': '#SBATCH --gpus-per-node=h100:4\npython train.py\n' },
    'train.py',
  );
  assert.deepEqual([launchedFact(g, 'hardware')?.value, launchedFact(g, 'devices')?.value], ['h100', 4]);
});

test('CUDA_VISIBLE_DEVICES on a plain python launch counts the GPUs', async () => {
  const a = await analyze(
    { 'train.py': hfParser, 'r.sh': 'CUDA_VISIBLE_DEVICES=0,1,2 python train.py --output_dir o\n' },
    'train.py',
  );
  assert.equal(launchedFact(a, 'devices')?.value, 3);
});

test('llamafactory-cli train x.yaml key=value and tune run --config x.yaml key=value override the YAML', async () => {
  const lf =
    'model_name_or_path: Qwen/Qwen2.5-1.5B\nstage: sft\nfinetuning_type: full\ntemplate: qwen\nper_device_train_batch_size: 2\n';
  let a = await analyze(
    { 'sft.yaml': lf, 'run.sh': 'llamafactory-cli train sft.yaml bf16=true per_device_train_batch_size=4\n' },
    'sft.yaml',
    { hardware: 'a100' },
  );
  // The config planned alone is what it states; the launcher's key=value overrides are its launched run.
  assert.equal(fact(a, 'micro_batch')?.value, 2);
  assert.deepEqual([launchedFact(a, 'precision')?.value, launchedFact(a, 'micro_batch')?.value], ['bf16', 4]);
  assert.ok(launchedFact(a, 'micro_batch')?.file?.endsWith('run.sh'));
  assert.deepEqual(codes(a), []);
  const tt = 'model:\n  _component_: torchtune.models.llama3_2.llama3_2_1b\nbatch_size: 4\nepochs: 2\ndtype: fp32\n';
  a = await analyze(
    { 'c.yaml': tt, 'run.sh': 'tune run --nproc_per_node 4 full_finetune_distributed --config c.yaml dtype=bf16\n' },
    'c.yaml',
    { hardware: 'a100' },
  );
  assert.deepEqual([launchedFact(a, 'precision')?.value, launchedFact(a, 'devices')?.value], ['bf16', 4]);
});

test('a launcher that names another script does not link; an unresolved script path does not either', async () => {
  let a = await analyze(
    { 'train.py': hfParser, 'run.sh': 'torchrun --nproc_per_node 8 other.py --bf16 True\n' },
    'train.py',
  );
  assert.equal(fact(a, 'devices')?.origin, 'assumed');
  a = await analyze({ 'train.py': hfParser, 'run.sh': 'torchrun --nproc_per_node 8 $SCRIPT --bf16 True\n' }, 'run.sh');
  assert.equal(a.linked?.length ?? 0, 0);
});

test('Lightning CLI: `python main.py fit --config config.yaml --trainer.precision bf16-mixed` overrides the YAML; torchrun gives devices', async () => {
  const yaml = 'trainer:\n  precision: 32-true\n  max_epochs: 3\nmodel:\n  class_path: m.Model\n';
  const a = await analyze(
    {
      'config.yaml': yaml,
      'main.py': 'from lightning.pytorch.cli import LightningCLI\nLightningCLI()\n',
      'run.sh': 'torchrun --nproc_per_node 2 main.py fit --config config.yaml --trainer.precision bf16-mixed\n',
    },
    'config.yaml',
    { hardware: 'a100' },
  );
  assert.deepEqual([launchedFact(a, 'precision')?.value, launchedFact(a, 'devices')?.value], ['bf16', 2]);
  assert.deepEqual(codes(a), []);
});

test('axolotl through `accelerate launch -m axolotl.cli.train config.yml`: devices from the launcher', async () => {
  const yml = 'base_model: Qwen/Qwen2.5-0.5B\ndatasets:\n  - path: x\nmicro_batch_size: 2\n';
  const a = await analyze(
    { 'config.yml': yml, 'go.sh': 'accelerate launch --num_processes 4 -m axolotl.cli.train config.yml\n' },
    'config.yml',
    { hardware: 'a100' },
  );
  assert.deepEqual([launchedFact(a, 'devices')?.value, launchedFact(a, 'precision')?.value], [4, 'bf16']);
});

test('a plain argparse script: launcher flags replace the defaults they name (values, origin, file), with no script edit', async () => {
  const loop = `import argparse
import torch
from torch.utils.data import DataLoader

p = argparse.ArgumentParser()
p.add_argument("--epochs", type=int, default=9)
p.add_argument("--batch-size", type=int, default=32)
args = p.parse_args()
model = torch.nn.Linear(8, 2).cuda()
opt = torch.optim.AdamW(model.parameters())
loader = DataLoader(train_set, batch_size=args.batch_size, num_workers=4)
for epoch in range(args.epochs):
    for x, y in loader:
        loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
        loss.backward()
        opt.step()
        opt.zero_grad()
`;
  const alone = await analyze({ 'train.py': loop }, 'train.py', { hardware: 'a100' });
  assert.deepEqual(
    [fact(alone, 'epochs')?.value, fact(alone, 'epochs')?.origin, fact(alone, 'micro_batch')?.value],
    [9, 'script-default', 32],
  );
  const sh = 'python train.py --epochs 2 --batch-size 64\n';
  const a = await analyze({ 'train.py': loop, 'run.sh': sh }, 'train.py', { hardware: 'a100' });
  // must not: planned alone, the script keeps its defaults with the launcher beside it (its launched run has the flags).
  assert.deepEqual([fact(a, 'epochs')?.value, fact(a, 'micro_batch')?.value], [9, 32]);
  const epochs = launchedFact(a, 'epochs')!;
  assert.deepEqual([epochs.value, epochs.origin], [2, 'explicit']);
  assert.ok(epochs.file?.endsWith('run.sh'));
  assert.equal(launchedFact(a, 'micro_batch')?.value, 64);
  assert.equal(
    launchedRun(a).plan.edit?.({ micro_batch: 16 }),
    undefined,
    'no edit of the script default that the launcher overrides',
  );
  // A value the launcher cannot show (a shell variable) is unknown, not the script's default.
  const v = await analyze({ 'train.py': loop, 'run.sh': 'python train.py --epochs "$EPOCHS"\n' }, 'train.py', {
    hardware: 'a100',
  });
  assert.equal(launchedFact(v, 'epochs')?.value, null);
});
