// MosaicML run configs (`mcli run -f run.yaml`) as launchers: `compute.gpus` (or the older `gpu_num`) is the run's GPU
// count, over a count the command leaves to a variable's default; `env_variables` reach the command; a helper module
// the command runs first is no run of its own. An Azure ML job (a named compute) is not read as one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, lineOf, theRun } from './helpers';

const TRAIN = `from transformers import Trainer, TrainingArguments, HfArgumentParser
parser = HfArgumentParser(TrainingArguments)
(args,) = parser.parse_args_into_dataclasses()
trainer = Trainer(model=None, args=args)
trainer.train()
`;

const run = (compute: string) => `name: sft-run
image: mosaicml/pytorch:latest
${compute}
integrations:
  - integration_type: git_repo
    git_repo: example/project
command: |
  cd project &&
  python -m proj.helpers.download_weights &&
  torchrun --nnodes=\${NUM_NODES:-1} --nproc_per_node=\${LOCAL_WORLD_SIZE:-1} -m proj.train $TRAIN_ARGS
env_variables:
  TRAIN_ARGS: --num_train_epochs 2 --per_device_train_batch_size 4
`;

const files = (yaml: string) => ({
  'README.md': '',
  'proj/__init__.py': '',
  'proj/helpers/__init__.py': '',
  'proj/helpers/download_weights.py': 'import huggingface_hub\nhuggingface_hub.snapshot_download("gpt2")\n',
  'proj/train.py': TRAIN,
  'mcloud.yaml': yaml,
});

test('MosaicML: compute.gpus is the run count of the script its command starts, env_variables reach the command', async () => {
  const yaml = run('compute:\n  gpus: 8\n  cluster: c1');
  const a = await analyze(files(yaml), 'mcloud.yaml');
  const r = theRun(a);
  assert.match(r.plan.entry.file, /proj\/train\.py$/);
  const d = fact(a, 'devices');
  assert.deepEqual([d?.value, d?.origin], [8, 'explicit'], d?.note);
  assert.match(yaml.split('\n')[lineOf(yaml, d!.span!.start) - 1], /gpus: 8/);
  assert.equal(fact(a, 'epochs')?.value, 2);
  assert.equal(fact(a, 'micro_batch')?.value, 4);
});

test('MosaicML: the older top-level gpu_num', async () => {
  const a = await analyze(files(run('gpu_num: 16\ncompute:\n  cluster: c1')), 'mcloud.yaml');
  assert.equal(fact(a, 'devices')?.value, 16);
});

test('must not: an Azure ML job with command and a named compute is not a MosaicML run; gpus: 0 states no device count', async () => {
  const azure = `command: python proj/train.py --num_train_epochs 2
image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04
compute: azureml:gpu-cluster
environment: azureml:env@latest
`;
  const a = await analyze(files(azure), 'mcloud.yaml');
  for (const r of [...a.runs, ...(a.linked ?? [])])
    assert.notEqual(r.plan.facts.get('devices')?.note, 'compute.gpus: 8');
  const cpu = await analyze(files(run('compute:\n  gpus: 0\n  cluster: c1')), 'mcloud.yaml');
  const d = fact(cpu, 'devices');
  assert.ok(d?.origin !== 'explicit' || d.value !== 0, `devices ${d?.value}`);
});
