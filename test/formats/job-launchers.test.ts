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

test('a script’s own device flags on its launcher: --gpu_ids lists GPUs, --ngpu counts them; -1 is the CPU', async () => {
  const run = async (line: string) => {
    const a = await analyze({ 'go.sh': `${line}\n` }, 'go.sh');
    const runs = [...a.runs, ...(a.linked ?? [])];
    return runs[0]?.plan.facts.get('devices');
  };
  assert.equal((await run('python train_gan.py --gpu_ids 0,1,2,3 --batch_size 8 --n_epochs 50'))?.value, 4);
  assert.equal((await run('python train_gan.py --gpu_ids 2 --batch_size 8 --n_epochs 50'))?.value, 1);
  assert.equal((await run('python train_asr.py --ngpu 2 --epochs 40'))?.value, 2);
  assert.notEqual((await run('python train_gan.py --gpu_ids -1 --batch_size 8 --n_epochs 50'))?.origin, 'explicit');
});

test('an options file that states its GPU count (`num_gpu: 4`) has those devices', async () => {
  const yml = `name: sr_x4\nnum_gpu: 4\ndatasets:\n  train:\n    batch_size_per_gpu: 8\ntrain:\n  total_iter: 200000\n  optim_g:\n    type: Adam\n    lr: 0.0002\n`;
  const a = await analyze({ 'sr.yml': yml }, 'sr.yml');
  assert.equal(fact(a, 'devices')?.value, 4);
});

test('a launcher read through the vocabulary takes its values from the file it sources', async () => {
  const env = `BATCH=48\nSTEPS=120000\n`;
  const launcher = `#!/bin/bash\n. ./hparams.sh\nmylab-train --data /corpus --per_device_batch_size $BATCH --max_steps $STEPS --learning_rate 3e-4 --bf16\n`;
  const a = await analyze({ 'hparams.sh': env, 'pretrain.sh': launcher }, 'pretrain.sh');
  const run = theRun(a);
  assert.equal(run.plan.facts.get('micro_batch')?.value, 48);
  assert.equal(run.plan.facts.get('max_steps')?.value, 120000);
});

test('Ray Train read through the vocabulary: ScalingConfig workers are devices, not data-loader workers', async () => {
  const py = `from ray.train import ScalingConfig
from ray.train.torch import TorchTrainer

def loop(cfg):
    for _ in range(cfg["epochs"]):
        pass

trainer = TorchTrainer(
    loop,
    train_loop_config={"epochs": 12, "batch_size": 32, "lr": 3e-4},
    scaling_config=ScalingConfig(num_workers=6, use_gpu=True),
)
trainer.fit()
`;
  const a = await analyze({ 'ray_job.py': py }, 'ray_job.py');
  const run = theRun(a);
  assert.equal(run.plan.facts.get('devices')?.value, 6);
  assert.equal(run.plan.facts.get('num_workers'), undefined);
  assert.equal(run.plan.facts.get('epochs')?.value, 12);
});

test('a recipe that hands its training config to a stage script (`./asr.sh --ngpu 4 --asr_config …`) is that config’s run on those GPUs', async () => {
  const conf = `encoder: conformer
encoder_conf:
  output_size: 256
  num_blocks: 12
decoder: transformer
decoder_conf:
  num_blocks: 6
frontend_conf:
  n_fft: 512
optim: adam
optim_conf:
  lr: 0.002
max_epoch: 35
accum_grad: 2
batch_type: numel
batch_bins: 16000000
`;
  const lm = `lm: transformer\nmax_epoch: 10\noptim: adam\n`;
  const run = `#!/bin/bash\n./asr.sh --stage 10 --ngpu 4 --asr_config conf/tuning/train_conformer.yaml --lm_config conf/lm.yaml "$@"\n`;
  const a = await analyze({ 'conf/tuning/train_conformer.yaml': conf, 'conf/lm.yaml': lm, 'run.sh': run }, 'run.sh');
  const r = theRun(a);
  assert.equal(r.plan.facts.get('devices')?.value, 4);
  assert.equal(r.plan.facts.get('epochs')?.value, 35);
  assert.equal(r.plan.facts.get('grad_accum')?.value, 2);
});
