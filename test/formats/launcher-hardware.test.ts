// The GPU a launcher names reaches the scripts and configs it runs, wherever in the repository the launcher lives: a
// SLURM job's `--gres`/`--partition`, a job script above the wrapper that runs the script, a launcher that passes a
// config. Each case has its counterpart where the GPU must stay unknown (launchers that disagree, a launcher whose
// precision or sharding flags the run does not read, a CPU run) and the hardware-dependent rules that must stay silent
// with the GPU known (fp16 on a V100). Fixtures written for these tests. A script or config planned alone keeps its
// own values (no GPU from a launcher): the GPU is in its launched run, the run the launcher starts, which the rules
// judge (engine/link.ts `linkFile`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, launchedFact } from './helpers';

const LOOP = `import torch
import torch.nn as nn
from torchvision import models

model = models.resnet50().cuda()
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
for epoch in range(90):
    for x, y in loader:
        loss = nn.functional.cross_entropy(model(x.cuda()), y.cuda())
        opt.zero_grad()
        loss.backward()
        opt.step()
    torch.save({"model": model.state_dict(), "opt": opt.state_dict()}, "last.pt")
`;
const SLURM = (opts: string, cmd = 'python src/train.py') => `#!/bin/bash\n${opts}\n${cmd}\n`;
const repo = (files: Record<string, string>) => ({ 'proj/README.md': '# proj', 'proj/src/train.py': LOOP, ...files });
const finding = (a: Awaited<ReturnType<typeof analyze>>, code: string) => a.findings.find((f) => f.code === code);

test('a script takes the GPU of the job script that runs it from another folder of its repository', async () => {
  const a = await analyze(repo({ 'proj/jobs/slurm/a100.sh': SLURM('#SBATCH --gres=gpu:a100:1') }), 'proj/src/train.py');
  assert.equal(launchedFact(a, 'hardware')?.value, 'a100');
  assert.match(launchedFact(a, 'hardware')!.note!, /jobs\/slurm\/a100\.sh/);
  // must not: the script planned alone names no GPU.
  assert.equal(fact(a, 'hardware')?.origin, 'assumed');
  // A plain loop that writes no precision trains in fp32: on the named A100 that is a warning, not a hint.
  assert.equal(finding(a, 'GML101')?.severity, 'warning');
  // A partition named after its GPUs, through a wrapper the job script runs (`srun bash run.sh`).
  const wrapped = await analyze(
    repo({
      'proj/jobs/submit.sbatch': SLURM('#SBATCH --partition=gpu-h100\n#SBATCH --gres=gpu:1', 'srun bash jobs/run.sh'),
      'proj/jobs/run.sh': 'python src/train.py --seed 1\n',
    }),
    'proj/src/train.py',
  );
  assert.equal(launchedFact(wrapped, 'hardware')?.value, 'h100');
});

test('must not: launchers that name different GPUs, or one that chooses precision in flags the script review does not read', async () => {
  const differ = await analyze(
    repo({
      'proj/jobs/a.sh': SLURM('#SBATCH --gres=gpu:a100:1'),
      'proj/jobs/b.sh': SLURM('#SBATCH --gres=gpu:v100:1'),
    }),
    'proj/src/train.py',
  );
  assert.equal(launchedFact(differ, 'hardware')?.origin, 'assumed');
  assert.equal(finding(differ, 'GML101')?.severity, 'information');
  // The launcher passes `--amp`: the precision is its choice, not the script's default — the GPU is not carried, so
  // the script's fp32 default stays a hint.
  const amp = await analyze(
    repo({ 'proj/jobs/a.sh': SLURM('#SBATCH --gres=gpu:a100:1', 'python src/train.py --amp') }),
    'proj/src/train.py',
  );
  assert.equal(launchedFact(amp, 'hardware')?.origin, 'assumed');
  assert.notEqual(finding(amp, 'GML101')?.severity, 'warning');
  // A script that names the CPU keeps it.
  const cpu = await analyze(
    {
      ...repo({ 'proj/jobs/a.sh': SLURM('#SBATCH --gres=gpu:a100:1') }),
      'proj/src/train.py': LOOP.replace(/\.cuda\(\)/g, '.to("cpu")'),
    },
    'proj/src/train.py',
  );
  assert.equal(launchedFact(cpu, 'hardware')?.value, 'cpu');
  assert.equal(finding(cpu, 'GML101'), undefined);
});

const FP16 = LOOP.replace('for epoch in range(90):', 'scaler = torch.cuda.amp.GradScaler()\nfor epoch in range(90):')
  .replace('        loss = nn', '        with torch.autocast("cuda", dtype=torch.float16):\n            loss = nn')
  .replace('loss.backward()', 'scaler.scale(loss).backward()')
  .replace('opt.step()', 'scaler.step(opt)\n        scaler.update()');

test('with the GPU carried: fp16 on an A100 is bf16 advice; fp16 on a V100 stays silent; Keras fp32 on an A100 is judged', async () => {
  const a100 = await analyze(
    { ...repo({ 'proj/jobs/a.sh': SLURM('#SBATCH --gres=gpu:a100:1') }), 'proj/src/train.py': FP16 },
    'proj/src/train.py',
  );
  assert.equal(launchedFact(a100, 'precision')?.value, 'fp16');
  assert.ok(finding(a100, 'GML102'));
  // must not: a V100 has no bf16; fp16 is its mixed precision.
  const v100 = await analyze(
    { ...repo({ 'proj/jobs/a.sh': SLURM('#SBATCH --constraint=volta32gb') }), 'proj/src/train.py': FP16 },
    'proj/src/train.py',
  );
  assert.match(String(launchedFact(v100, 'hardware')?.value), /^v100/);
  assert.equal(finding(v100, 'GML102'), undefined);
  assert.equal(finding(v100, 'GML101'), undefined);
  // Keras fp32 on an A100 runs TF32 by default; bf16 still halves its step (the core models TF32), so GML101 judges it.
  const keras = `import tensorflow as tf
(x, y), _ = tf.keras.datasets.cifar10.load_data()
model = tf.keras.applications.ResNet50(weights=None, input_shape=(32, 32, 3), classes=10)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x, y, batch_size=256, epochs=200)
`;
  const tf = await analyze(
    { ...repo({ 'proj/jobs/a.sh': SLURM('#SBATCH --gres=gpu:a100:1') }), 'proj/src/train.py': keras },
    'proj/src/train.py',
  );
  assert.equal(launchedFact(tf, 'hardware')?.value, 'a100');
  assert.equal(launchedFact(tf, 'precision')?.value, 'fp32');
  assert.ok(finding(tf, 'GML101'));
});

const ARGS_YAML = `model_name_or_path: Qwen/Qwen2.5-0.5B
output_dir: out
per_device_train_batch_size: 8
num_train_epochs: 3
learning_rate: 2.0e-5
fp16: true
save_strategy: epoch
`;
const HF_SCRIPT = `import sys
from transformers import AutoModelForCausalLM, HfArgumentParser, Trainer, TrainingArguments

(args,) = HfArgumentParser(TrainingArguments).parse_yaml_file(sys.argv[1])
model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-0.5B")
Trainer(model=model, args=args, train_dataset=ds).train()
`;

test('a config takes the GPU of the launcher that passes it, from another folder of the repository', async () => {
  const files = {
    'proj/README.md': '# proj',
    'proj/src/sft.py': HF_SCRIPT,
    'proj/configs/sft.yaml': ARGS_YAML,
  };
  const a = await analyze(
    { ...files, 'proj/jobs/slurm/sft.sh': SLURM('#SBATCH --gres=gpu:h100:1', 'python src/sft.py configs/sft.yaml') },
    'proj/configs/sft.yaml',
  );
  assert.equal(launchedFact(a, 'hardware')?.value, 'h100');
  assert.equal(fact(a, 'hardware')?.origin, 'assumed', 'the config planned alone names no GPU');
  assert.ok(finding(a, 'GML102'), 'fp16 on an H100, which has bf16');
  // must not: the launcher also passes a DeepSpeed config this config's review does not read.
  const ds = await analyze(
    {
      ...files,
      'proj/ds.json': '{"zero_optimization": {"stage": 3}}',
      'proj/jobs/slurm/sft.sh': SLURM(
        '#SBATCH --gres=gpu:h100:1',
        'python src/sft.py configs/sft.yaml --deepspeed ds.json',
      ),
    },
    'proj/configs/sft.yaml',
  );
  assert.equal(launchedFact(ds, 'hardware')?.origin, 'assumed');
  // must not: a launcher that passes another config says nothing of this one's GPU.
  const other = await analyze(
    { ...files, 'proj/jobs/slurm/sft.sh': SLURM('#SBATCH --gres=gpu:h100:1', 'python src/sft.py configs/other.yaml') },
    'proj/configs/sft.yaml',
  );
  assert.equal(launchedFact(other, 'hardware')?.origin, 'assumed');
});
