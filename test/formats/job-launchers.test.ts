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
