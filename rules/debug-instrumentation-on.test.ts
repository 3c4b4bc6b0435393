import { runRuleCases } from '../test/helpers/rule-harness';
import { debugInstrumentationOn } from './debug-instrumentation-on';

const loop = (setup: string) => `import os
import torch
${setup}
model = Net().cuda()
for x, y in loader:
    loss = model(x.cuda()).sum()
    loss.backward()
    opt.step()
`;

runRuleCases(debugInstrumentationOn, [
  {
    name: 'anomaly detection left on',
    code: loop('torch.autograd.set_detect_anomaly(True)'),
    settings: { hardware: 'a100' },
    expect: [{ line: 3, column: 1, endColumn: 40, severity: 'warning', messageIncludes: 'anomaly detection' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'CUDA_LAUNCH_BLOCKING=1',
    code: loop('os.environ["CUDA_LAUNCH_BLOCKING"] = "1"'),
    settings: { hardware: 'a100' },
    expect: [{ line: 3, messageIncludes: 'CUDA_LAUNCH_BLOCKING' }],
  },
  {
    name: 'switched off',
    code: loop('torch.autograd.set_detect_anomaly(False)'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'in a comment',
    code: loop('# os.environ["CUDA_LAUNCH_BLOCKING"] = "1"'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'TORCH_SHOW_CPP_STACKTRACES set in the script: information',
    code: loop('os.environ["TORCH_SHOW_CPP_STACKTRACES"] = "1"'),
    settings: { hardware: 'a100' },
    expect: [{ line: 3, severity: 'information', messageIncludes: 'C++ stack trace' }],
  },
  {
    name: 'anomaly detection only behind a --debug switch that is off by default',
    code: loop(`import argparse
parser = argparse.ArgumentParser()
parser.add_argument("--detect-anomaly", action="store_true")
args = parser.parse_args()
if args.detect_anomaly:
    torch.autograd.set_detect_anomaly(True)`),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'exported by the shell launcher: the finding is on the export line',
    file: '/case/train.sh',
    code: `#!/bin/bash
#SBATCH --gres=gpu:4
export NCCL_DEBUG=INFO
export CUDA_LAUNCH_BLOCKING=1
torchrun --nproc_per_node=4 train.py --epochs 30
`,
    files: { '/case/train.py': loop('') },
    settings: { hardware: 'a100' },
    expect: [{ line: 4, column: 8, endColumn: 30, severity: 'warning' }],
  },
  {
    name: 'set before the command of a launcher whose script is elsewhere',
    file: '/case/run.sh',
    code: `#!/usr/bin/env bash
CUDA_VISIBLE_DEVICES=0 CUDA_LAUNCH_BLOCKING=1 python main.py /data/imagenet --epochs 90
`,
    expect: [{ line: 2, column: 24 }],
  },
  {
    name: 'set through env(1) before the command: `env NAME=1 … python train.py`',
    file: '/case/finetune.sh',
    code: `env CUDA_VISIBLE_DEVICES=0 CUDA_LAUNCH_BLOCKING=1 python3 -u finetune.py \\
    --num_train_epochs 10 --train_batch_size 12
`,
    files: { '/case/finetune.py': loop('') },
    settings: { hardware: 'a100' },
    expect: [{ line: 1, column: 28, severity: 'warning' }],
  },
  {
    name: '`env` printing the environment, then a training command without the switch',
    file: '/case/finetune.sh',
    code: `env | grep CUDA
CUDA_LAUNCH_BLOCKING=0 python3 finetune.py --num_train_epochs 10
`,
    files: { '/case/finetune.py': loop('') },
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'NCCL_DEBUG=INFO and a commented-out CUDA_LAUNCH_BLOCKING in a launcher are not debug waste',
    file: '/case/train.sh',
    code: `#!/bin/bash
# Uncomment to debug asynchronous CUDA errors (very slow):
# export CUDA_LAUNCH_BLOCKING=1
export NCCL_DEBUG=INFO
torchrun --nproc_per_node=4 train.py --epochs 30
`,
    files: { '/case/train.py': loop('') },
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'switched off in the launcher (CUDA_LAUNCH_BLOCKING=0)',
    file: '/case/train.sh',
    code: `#!/bin/bash
export CUDA_LAUNCH_BLOCKING=0
python train.py --epochs 30
`,
    files: { '/case/train.py': loop('') },
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a launcher that sets CUDA_LAUNCH_BLOCKING only when DEBUG is given',
    file: '/case/train.sh',
    code: `#!/bin/bash
if [ "$DEBUG" = "1" ]; then
  export CUDA_LAUNCH_BLOCKING=1
fi
[ -n "$TRACE" ] && export TORCH_SHOW_CPP_STACKTRACES=1
torchrun --nproc_per_node=8 train.py --epochs 300
`,
    files: { '/case/train.py': loop('') },
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'anomaly detection on unless --no-anomaly is given',
    code: loop(`import argparse
parser = argparse.ArgumentParser()
parser.add_argument("--no-anomaly", action="store_true")
args = parser.parse_args()
if not args.no_anomaly:
    torch.autograd.set_detect_anomaly(True)`),
    settings: { hardware: 'a100' },
    expect: [{ line: 8, column: 5 }],
  },
]);
