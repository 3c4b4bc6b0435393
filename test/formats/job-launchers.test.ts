// Devices and runs from how a job is launched, in formats the launcher readers met late: GKE's Cloud TPU resources,
// MPIJob slots, a GPU count computed from CUDA_VISIBLE_DEVICES, Hydra `++key=value` overrides, and a project's own
// `Trainer` class that is not Hugging Face's. Fixtures are written here.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, theRun } from './helpers';

test('a Kubernetes Job asking for Cloud TPU cores is a run of that many devices, its script elsewhere', async () => {
  const manifest = `apiVersion: batch/v1
kind: Job
metadata:
  name: classifier-tpu
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: trainer
        image: gcr.io/example/trainer:1
        command:
        - python
        - /opt/models/image_classifier_main.py
        - --data_dir=gs://bucket/data
        resources:
          limits:
            cloud-tpus.google.com/v3: 32
`;
  const a = await analyze({ 'tpu_job.yaml': manifest }, 'tpu_job.yaml');
  assert.equal(fact(a, 'devices')?.value, 32);
});

test('a Deployment asking for a GPU to serve a script is not a training run', async () => {
  const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  template:
    spec:
      containers:
      - name: api
        image: example/api:1
        command: ["python", "/srv/app_main.py"]
        resources:
          limits:
            nvidia.com/gpu: 1
`;
  const a = await analyze({ 'deploy.yaml': manifest }, 'deploy.yaml');
  assert.deepEqual([a.runs.length, a.linked?.length ?? 0], [0, 0]);
});

test('an MPIJob whose workers request no GPU by name: slotsPerWorker × worker replicas', async () => {
  const manifest = `apiVersion: kubeflow.org/v2beta1
kind: MPIJob
metadata:
  name: bert-horovod
spec:
  slotsPerWorker: 4
  mpiReplicaSpecs:
    Launcher:
      replicas: 1
      template:
        spec:
          containers:
          - name: launcher
            image: example/horovod:1
            command: ["mpirun", "python", "train_bert.py", "--epochs", "3"]
    Worker:
      replicas: 2
      template:
        spec:
          containers:
          - name: worker
            image: example/horovod:1
`;
  const a = await analyze({ 'mpijob.yaml': manifest }, 'mpijob.yaml');
  const run = theRun(a);
  assert.equal(run.plan.facts.get('devices')?.value, 8);
});

test('torchrun --nproc_per_node from a count of CUDA_VISIBLE_DEVICES (awk / tr | wc -l) is that count', async () => {
  for (const count of [
    `n_gpu=$(echo $CUDA_VISIBLE_DEVICES | awk -F "," '{print NF}')`,
    `n_gpu=$(echo $CUDA_VISIBLE_DEVICES | tr ',' '\\n' | wc -l)`,
  ]) {
    const sh = `export CUDA_VISIBLE_DEVICES="0,1,2"\n${count}\ntorchrun --nnodes 1 --nproc_per_node \${n_gpu} train_asr.py --epochs 5\n`;
    const a = await analyze({ 'run.sh': sh }, 'run.sh');
    assert.equal(fact(a, 'devices')?.value, 3, count);
  }
  // A count the launcher cannot read stays unknown rather than guessed.
  const sh = `n_gpu=$(nvidia-smi -L | wc -l)\ntorchrun --nproc_per_node \${n_gpu} train_asr.py --epochs 5\n`;
  const a = await analyze({ 'run.sh': sh }, 'run.sh');
  assert.equal(fact(a, 'devices')?.value ?? null, null);
});

test('Hydra `++key=value` overrides on a launcher are read like `key=value`', async () => {
  const sh = `torchrun --nproc_per_node 2 trainer_entry.py --config-name base ++data.batch_size=24 ++train.max_epoch=60 +optim.lr=0.001\n`;
  const a = await analyze({ 'launch.sh': sh }, 'launch.sh');
  assert.equal(fact(a, 'micro_batch')?.value, 24);
  assert.equal(fact(a, 'epochs')?.value, 60);
});

test('a Trainer class imported from the project is not read as the Hugging Face Trainer', async () => {
  const script = `import torch
from myproject.engine.trainer import Trainer

def main():
    model = torch.nn.Linear(4, 4)
    trainer = Trainer(model=model, max_epoch=10)
    trainer.run()
`;
  const launcher = `torchrun --nproc_per_node 4 trainer_main.py ++train.max_epoch=10 ++data.batch_size=16\n`;
  const a = await analyze({ 'trainer_main.py': script, 'go.sh': launcher }, 'go.sh');
  const run = theRun(a);
  assert.notEqual(run.plan.framework, 'hf-trainer');
  assert.notEqual(run.plan.facts.get('micro_batch')?.origin, 'framework-default', 'no TrainingArguments default');
  assert.equal(run.plan.facts.get('devices')?.value, 4);
});

test('a SLURM job that runs a wrapper script: the wrapper’s command, with the job’s GPUs and exported flags', async () => {
  const job = `#!/bin/bash
#SBATCH --nodes=2
#SBATCH --gres=gpu:4
export EXTRA="--num_epochs 12"
srun --ntasks-per-node=1 bash ./wrap_train.sh
`;
  const wrapper = `#!/bin/bash
set -e
python speech_trainer_main.py --batch_size 24 \${EXTRA}
`;
  const a = await analyze({ 'job.sbatch': job, 'wrap_train.sh': wrapper }, 'job.sbatch');
  const run = theRun(a);
  assert.equal(run.plan.facts.get('devices')?.value, 8, '4 GPUs per node × 2 nodes');
  assert.equal(run.plan.facts.get('micro_batch')?.value, 24);
  assert.ok(run.plan.files.includes('/proj/job.sbatch') || run.plan.files.some((f) => f.endsWith('job.sbatch')));
});

test('a wrapper run by a job that asks for no accelerator and names an evaluation script gives no run', async () => {
  const job = `#!/bin/bash\nbash ./wrap_eval.sh\n`;
  const wrapper = `python evaluate_checkpoint.py --batch_size 64\n`;
  const a = await analyze({ 'eval_job.sh': job, 'wrap_eval.sh': wrapper }, 'eval_job.sh');
  assert.deepEqual([a.runs.length, a.linked?.length ?? 0], [0, 0]);
});

test('srun -n over more tasks than one node’s GPUs, no node count: the device count is unknown, not one node', async () => {
  const job = `#!/bin/bash
#SBATCH -n 64
#SBATCH --gpus-per-node=8
srun bash ./wrap_pretrain.sh
`;
  const wrapper = `python3 -m mylab.pretrain_main --per_core_batch 16\n`;
  const a = await analyze({ 'pod.sbatch': job, 'wrap_pretrain.sh': wrapper }, 'pod.sbatch');
  const run = theRun(a);
  assert.equal(run.plan.facts.get('devices')?.value ?? null, null);
  assert.match(run.plan.facts.get('devices')?.note ?? '', /node count/);
});

test('variables a launcher sources from another file reach its command line', async () => {
  const env = `NUM_GPUS=4\nBATCH=32\n`;
  const launcher = `#!/bin/bash\nsource ./cluster_env.sh\ntorchrun --nproc_per_node=$NUM_GPUS finetune_main.py --train_batch_size $BATCH --num_train_epochs 2\n`;
  const a = await analyze({ 'cluster_env.sh': env, 'go.sh': launcher }, 'go.sh');
  assert.equal(fact(a, 'devices')?.value, 4);
});

test('composer --verbose is a switch: the script after it is the target, the YAML its config', async () => {
  const launcher = `composer --world_size 16 --nproc 8 --verbose /opt/foundry/train.py /opt/foundry/yamls/gpt-125m.yaml max_duration=100ba\n`;
  const a = await analyze({ 'mpt.sh': launcher }, 'mpt.sh');
  const run = theRun(a);
  assert.match(run.plan.entry.label, /train\.py/);
  assert.equal(run.plan.facts.get('devices')?.value, 16);
});

test('a fairseq-train launcher: updates are steps, --max-tokens is a batch budget and never the run’s tokens', async () => {
  const sh = `fairseq-train data-bin/iwslt --arch transformer_iwslt_de_en --optimizer adam --lr 5e-4 \\
  --max-tokens 4096 --max-update 80000 --update-freq 4 --distributed-world-size 4 --bf16\n`;
  const a = await analyze({ 'nmt.sh': sh }, 'nmt.sh');
  const run = theRun(a);
  assert.equal(run.plan.framework, 'fairseq');
  assert.deepEqual(
    ['max_steps', 'grad_accum', 'devices', 'precision'].map((k) => run.plan.facts.get(k as never)?.value),
    [80000, 4, 4, 'bf16'],
  );
  assert.equal(run.plan.facts.get('train_tokens'), undefined);
});
