import { runRuleCases } from '../test/helpers/rule-harness';
import { credentialInCode } from './credential-in-code';

const TOKEN = 'hf_' + 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
const script = (line: string) => `import os
from huggingface_hub import login
from transformers import Trainer, TrainingArguments
${line}
args = TrainingArguments(output_dir="o", bf16=True, push_to_hub=True)
Trainer(model="Qwen/Qwen2.5-0.5B", args=args).train()
`;

const WANDB_KEY = '95c3e0f1a2b4d6c8e0f1a2b3c4d5e6f708192a3b';
const launcher = (line: string) => `#!/bin/bash
${line}
torchrun --nproc_per_node=2 train.py --num_train_epochs 3
`;

runRuleCases(credentialInCode, [
  {
    name: 'a Hugging Face token passed to login(): flagged on the string, never echoed',
    code: script(`login(token="${TOKEN}")`),
    settings: { hardware: 'a100' },
    expect: [
      {
        line: 4,
        column: 13,
        endColumn: 54,
        severity: 'warning',
        messageIncludes: 'Hugging Face token',
        messageExcludes: TOKEN.slice(3, 12),
      },
    ],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'an OpenAI key in os.environ',
    code: script(`os.environ["OPENAI_API_KEY"] = "sk-proj-${'Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2'}"`),
    settings: { hardware: 'a100' },
    expect: [{ line: 4, messageIncludes: 'OpenAI API key' }],
  },
  {
    name: 'read from the environment',
    code: script('login(token=os.environ["HF_TOKEN"])'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a placeholder',
    code: script('login(token="hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a 40-hex string that is not a W&B key (a commit hash)',
    code: script('REVISION = "0123456789abcdef0123456789abcdef01234567"'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a W&B key exported by a shell launcher: flagged on the assignment, never echoed',
    file: '/case/train.sh',
    code: launcher(`export WANDB_API_KEY="${WANDB_KEY}"`),
    files: { '/case/train.py': script('') },
    settings: { hardware: 'a100' },
    expect: [
      {
        line: 2,
        column: 8,
        severity: 'warning',
        messageIncludes: 'in this launcher',
        messageExcludes: WANDB_KEY.slice(4, 16),
      },
    ],
    fixes: [{ applicability: 'display-only', titleIncludes: 'out of the launcher' }],
  },
  {
    name: 'a Hugging Face token given to huggingface-cli login in a launcher',
    file: '/case/train.sh',
    code: launcher(`huggingface-cli login --token ${TOKEN}`),
    files: { '/case/train.py': script('') },
    settings: { hardware: 'a100' },
    expect: [{ line: 2, column: 1 }],
  },
  {
    name: 'a token passed as an argument of the training command in a launcher, never echoed',
    file: '/case/train.sh',
    code: `#!/bin/bash\ntorchrun --nproc_per_node=2 train.py \\\n    --num_train_epochs 3 \\\n    --hub_token ${TOKEN}\n`,
    files: { '/case/train.py': script('') },
    settings: { hardware: 'a100' },
    expect: [{ line: 4, column: 5, messageIncludes: 'in this launcher', messageExcludes: TOKEN.slice(3, 15) }],
    fixes: [{ applicability: 'display-only', titleIncludes: 'out of the launcher' }],
  },
  {
    name: 'launcher: a token argument read from the environment or a placeholder',
    file: '/case/train.sh',
    code: `#!/bin/bash\ntorchrun --nproc_per_node=2 train.py --hub_token $HF_TOKEN --wandb_api_key your_wandb_api_key_goes_here_123\n`,
    files: { '/case/train.py': script('') },
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a newer W&B key (wandb_v1_…) passed to wandb.login',
    code: script(`import wandb\nwandb.login(key="wandb_v1_${'Q7t'.repeat(14)}")`),
    settings: { hardware: 'a100' },
    expect: [{ line: 5, messageIncludes: 'Weights & Biases' }],
  },
  {
    name: 'launcher: a key read from a file, a placeholder, and a commented-out key',
    file: '/case/train.sh',
    code: launcher(
      `export WANDB_API_KEY=$(cat ~/.wandb_key)\nexport HF_TOKEN=hf_${'x'.repeat(34)}\n# export OPENAI_API_KEY=sk-${'Ab3'.repeat(10)}`,
    ),
    files: { '/case/train.py': script('') },
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a notebook exported to .py that logs in to W&B with the key on the command line',
    code: script(`get_ipython().system('wandb login ${WANDB_KEY}')`),
    settings: { hardware: 'a100' },
    expect: [{ line: 4, column: 23, messageIncludes: 'Weights & Biases', messageExcludes: WANDB_KEY.slice(4, 16) }],
  },
  {
    name: 'the same log-in commented out',
    code: script(`# !wandb login ${WANDB_KEY}`),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a W&B key passed to wandb.login(key=…)',
    code: script(`import wandb\nwandb.login(key="${WANDB_KEY}")`),
    settings: { hardware: 'a100' },
    expect: [{ line: 5, column: 17, messageIncludes: 'Weights & Biases' }],
  },
  {
    name: '40 hex characters passed to key= of a call that is not W&B (a checksum)',
    code: script(`verify(path="model.bin", key="${WANDB_KEY}")`),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a W&B key as the default of a command-line option named for it',
    code: script(
      `import argparse\nparser = argparse.ArgumentParser()\nparser.add_argument("--wandb-key", default="${WANDB_KEY}")`,
    ),
    settings: { hardware: 'a100' },
    expect: [{ line: 6, column: 44, messageIncludes: 'Weights & Biases' }],
  },
  {
    name: 'a Hugging Face token as a dataclass field default',
    code: script(
      `from dataclasses import dataclass, field\n\n\n@dataclass\nclass Args:\n    hub_token: str = field(default="${TOKEN}")`,
    ),
    settings: { hardware: 'a100' },
    expect: [{ line: 9, messageIncludes: 'Hugging Face token' }],
  },
  {
    name: 'a commit hash as the default of a --revision option: not a key',
    code: script(
      `import argparse\nparser = argparse.ArgumentParser()\nparser.add_argument("--revision", default="${WANDB_KEY}")`,
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// OpenRLHF's `--use_wandb` takes the W&B API key itself (its trainers call `wandb.login(key=args.use_wandb)`).
const openrlhf = (wandb: string) => `deepspeed --include localhost:0,1,2,3 --module openrlhf.cli.train_sft \\
   --pretrain Qwen/Qwen2.5-7B-Instruct \\
   --train_batch_size 128 \\
   --micro_train_batch_size 2 \\
   --max_epochs 1 \\
   --bf16 \\
${wandb}   --wandb_project sft-baselines
`;

runRuleCases(credentialInCode, [
  {
    name: 'OpenRLHF launcher: a W&B key given to --use_wandb, flagged on the option, never echoed',
    file: '/case/scripts/sft.sh',
    code: openrlhf(`   --use_wandb ${WANDB_KEY} \\\n`),
    expect: [
      {
        line: 7,
        column: 4,
        severity: 'warning',
        messageIncludes: 'Weights & Biases',
        messageExcludes: WANDB_KEY.slice(4, 16),
      },
    ],
    fixes: [{ applicability: 'display-only', titleIncludes: 'out of the launcher' }],
  },
  {
    name: 'OpenRLHF launcher: --use_wandb from the environment, or commented out',
    file: '/case/scripts/sft.sh',
    code: openrlhf(`   --use_wandb $WANDB_API_KEY \\\n#   --use_wandb ${WANDB_KEY} \\\n`),
    expect: [],
  },
  {
    name: 'a 40-hex W&B run id or project is no key',
    file: '/case/scripts/sft.sh',
    code: openrlhf(`   --wandb_run_id ${WANDB_KEY} \\\n`),
    expect: [],
  },
]);
