// Kubernetes manifests as launchers: accelerators per pod (resources.limits) × pods, the GPU model from node
// selectors, and the container command read like a shell launcher, with positions in the YAML. A pod that requests
// no accelerator has no GPU count.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, launchedFact, lineOf, theRun } from './helpers';

const container = (command: string, gpus?: string, extra = '') =>
  `      containers:
        - name: trainer
          image: registry.example/train:1
${command}${gpus ? `\n          resources:\n            limits:\n              ${gpus}\n              memory: 200Gi` : ''}${extra}`;

const pytorchJob = `apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: llama-sft
spec:
  pytorchReplicaSpecs:
    Master:
      replicas: 1
      restartPolicy: OnFailure
      template:
        spec:
${container('          command: ["torchrun", "--nnodes=$(PET_NNODES)", "--nproc_per_node=8", "train.py", "--bf16", "True"]', 'nvidia.com/gpu: 8').replace(/^/gm, '    ')}
    Worker:
      replicas: 3
      restartPolicy: OnFailure
      template:
        spec:
${container('          command: ["torchrun", "--nnodes=$(PET_NNODES)", "--nproc_per_node=8", "train.py", "--bf16", "True"]', 'nvidia.com/gpu: 8').replace(/^/gm, '    ')}
`;

const job = (spec: string, pod: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: train
spec:
${spec}  template:
    spec:
${pod}
      restartPolicy: Never
`;

const CASES: { name: string; yaml: string; devices: number | null | undefined; hardware?: string; note?: RegExp }[] = [
  {
    name: 'PyTorchJob: Master + Worker replicas × GPUs per pod',
    yaml: pytorchJob,
    devices: 32,
    note: /PyTorchJob Master: 1 × nvidia.com\/gpu: 8 \+ PyTorchJob Worker: 3 × nvidia.com\/gpu: 8/,
  },
  {
    name: 'Job parallelism × GPUs, GKE accelerator label',
    yaml: job(
      '  parallelism: 2\n',
      `      nodeSelector:\n        cloud.google.com/gke-accelerator: nvidia-tesla-a100\n${container('          command: ["python", "train.py", "--epochs", "3"]', 'nvidia.com/gpu: 4')}`,
    ),
    devices: 8,
    hardware: 'a100',
  },
  {
    name: 'Deployment replicas, GPU product from a required node affinity',
    yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: trainer
spec:
  replicas: 2
  template:
    spec:
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions:
                  - key: nvidia.com/gpu.product
                    operator: In
                    values: ["NVIDIA-H100-80GB-HBM3"]
${container('          command:\n            - python\n            - finetune.py', "nvidia.com/gpu: '1'")}
`,
    devices: 2,
    hardware: 'h100-80gb-hbm3',
  },
  {
    name: 'RayJob: only the worker group requests GPUs',
    yaml: `apiVersion: ray.io/v1
kind: RayJob
metadata:
  name: ray-train
spec:
  entrypoint: python train.py
  rayClusterSpec:
    headGroupSpec:
      template:
        spec:
          containers:
            - name: head
              image: rayproject/ray:2.9.0
              command: ["python", "train.py"]
    workerGroupSpecs:
      - groupName: gpu
        replicas: 4
        template:
          spec:
            containers:
              - name: worker
                image: rayproject/ray:2.9.0
                resources:
                  limits:
                    nvidia.com/gpu: 1
`,
    devices: 4,
  },
  {
    name: 'JobSet of TPU slices: replicas × parallelism × chips, the TPU from its label',
    yaml: `apiVersion: jobset.x-k8s.io/v1alpha2
kind: JobSet
metadata:
  name: maxtext
spec:
  replicatedJobs:
    - name: slice
      replicas: 2
      template:
        spec:
          parallelism: 4
          template:
            spec:
              nodeSelector:
                cloud.google.com/gke-tpu-accelerator: tpu-v5-lite-podslice
              containers:
                - name: jax
                  image: maxtext:latest
                  command: ["python3", "train.py", "--per_device_batch_size", "8"]
                  resources:
                    limits:
                      google.com/tpu: 4
`,
    devices: 32,
    hardware: 'tpu v5e',
  },
  {
    name: 'bash -c with a block script: the script is a launcher at its YAML lines',
    yaml: job(
      '',
      container(
        '          command: ["/bin/bash", "-c"]\n          args:\n            - |\n              pip install -e .\n              torchrun --nproc_per_node 4 train.py --bf16 True',
        'nvidia.com/gpu: 4',
      ),
    ),
    devices: 4,
    note: /torchrun --nproc_per_node 4/,
  },
  {
    name: 'must not: a CPU-only job has no GPU count',
    yaml: job(
      '',
      container(
        '          command: ["python", "train.py"]',
        undefined,
        '\n          resources:\n            limits:\n              cpu: "16"',
      ),
    ),
    devices: undefined,
    hardware: 'cpu',
  },
];

for (const c of CASES)
  test(`Kubernetes: ${c.name}`, async () => {
    const a = await analyze({ 'job.yaml': c.yaml }, 'job.yaml');
    const run = theRun(a);
    assert.match(run.plan.entry.label, /script not found/);
    const d = fact(a, 'devices');
    if (c.devices === undefined) assert.equal(d?.origin, 'assumed', 'no device count from the manifest');
    else {
      assert.deepEqual([d?.value, d?.origin], [c.devices, 'explicit'], d?.note);
      assert.ok(d?.file?.endsWith('job.yaml'));
    }
    if (c.note) assert.match(d?.note ?? '', c.note);
    if (c.hardware) assert.equal(fact(a, 'hardware')?.value, c.hardware);
  });

test('Kubernetes: the devices fact points at the GPU limit; the command flags reach the script in the tree', async () => {
  const yaml = job(
    '  parallelism: 2\n',
    container('          command: ["python", "train.py", "--output_dir", "o", "--bf16", "True"]', 'nvidia.com/gpu: 4'),
  );
  const script =
    'from transformers import HfArgumentParser, Trainer, TrainingArguments\n(args,) = HfArgumentParser(TrainingArguments).parse_args_into_dataclasses()\nTrainer(model=m, args=args).train()\n';
  const a = await analyze({ 'job.yaml': yaml, 'train.py': script }, 'train.py');
  // The script planned alone keeps its own values; the job's run is its launched run (engine/link.ts `linkFile`).
  assert.notEqual(fact(a, 'devices')?.value, 8);
  const d = launchedFact(a, 'devices')!;
  assert.equal(d.value, 8);
  assert.match(yaml.split('\n')[lineOf(yaml, d.span!.start) - 1], /nvidia\.com\/gpu: 4/);
  assert.equal(launchedFact(a, 'precision')?.value, 'bf16');
  assert.match(yaml.split('\n')[lineOf(yaml, launchedFact(a, 'precision')!.span!.start) - 1], /--bf16/);
});

test('Kubernetes: a serving Deployment and a manifest without a command give no run', async () => {
  const serve = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: llm
spec:
  replicas: 1
  template:
    spec:
${container('          command: ["python", "-m", "vllm.entrypoints.openai.api_server", "--model", "m"]', 'nvidia.com/gpu: 1')}
`;
  for (const yaml of [serve, job('', container('          image_only: true', 'nvidia.com/gpu: 8'))]) {
    const a = await analyze({ 'k.yaml': yaml }, 'k.yaml');
    assert.deepEqual([a.runs.length, a.linked?.length ?? 0], [0, 0]);
  }
});

const mpiJob = (api: string, launcher: string) => `apiVersion: kubeflow.org/${api}
kind: MPIJob
metadata:
  name: resnet-hvd
spec:
  slotsPerWorker: 8
  runPolicy:
    cleanPodPolicy: Running
  mpiReplicaSpecs:
    Launcher:
      replicas: 1
      template:
        spec:
          containers:
          - name: launcher
            image: registry.example/hvd:3
            command:
${launcher}
    Worker:
      replicas: 2
      template:
        spec:
          nodeSelector:
            nvidia.com/gpu.product: NVIDIA-A100-SXM4-80GB
          containers:
          - name: worker
            image: registry.example/hvd:3
            resources:
              limits:
                nvidia.com/gpu: 8
`;

test('Kubernetes: an MPIJob with Open MPI `-mca` pairs is a run of its script, with Worker replicas × GPUs', async () => {
  const words = [
    'mpirun',
    '--allow-run-as-root',
    '-bind-to',
    'none',
    '-x',
    'NCCL_DEBUG=INFO',
    '-mca',
    'pml',
    'ob1',
    '-mca',
    'btl',
    '^openib',
    'python',
    'train_imagenet.py',
    '--epochs',
    '"90"',
    '--batch_size',
    '"256"',
  ];
  const yaml = mpiJob('v2beta1', words.map((w) => `            - ${w}`).join('\n'));
  const a = await analyze({ 'mpi.yaml': yaml }, 'mpi.yaml');
  const run = theRun(a);
  assert.match(run.plan.entry.label, /python train_imagenet\.py/);
  const d = fact(a, 'devices');
  assert.deepEqual([d?.value, d?.origin], [16, 'explicit'], d?.note);
  assert.match(d?.note ?? '', /MPIJob Worker: 2 × nvidia\.com\/gpu: 8/);
  assert.equal(fact(a, 'hardware')?.value, 'a100-sxm4-80gb');
  assert.equal(fact(a, 'epochs')?.value, 90);
  assert.match(yaml.split('\n')[lineOf(yaml, fact(a, 'epochs')!.span!.start) - 1], /--epochs/);
});

test('Kubernetes: a v1 MPIJob whose launcher states `mpirun -np` counts those processes', async () => {
  const yaml = mpiJob(
    'v1',
    '            - mpirun\n            - -np\n            - "16"\n            - python\n            - train.py\n            - --epochs\n            - "3"',
  );
  const a = await analyze({ 'mpi.yaml': yaml }, 'mpi.yaml');
  assert.match(theRun(a).plan.entry.label, /python train\.py/);
  assert.deepEqual([fact(a, 'devices')?.value, fact(a, 'devices')?.origin], [16, 'explicit']);
  assert.match(fact(a, 'devices')?.note ?? '', /mpirun -np/);
});

/** A RayJob whose head requests nothing and whose one worker group has `replicas` pods of `gpus` GPUs each. */
const rayJob = (entrypoint: string, replicas: number, gpus: number) => `apiVersion: ray.io/v1
kind: RayJob
metadata:
  name: train
spec:
  entrypoint: ${entrypoint}
  rayClusterSpec:
    headGroupSpec:
      template:
        spec:
          containers:
            - name: head
              image: rayproject/ray:2.9.0
    workerGroupSpecs:
      - groupName: gpu
        replicas: ${replicas}
        template:
          spec:
            containers:
              - name: worker
                image: rayproject/ray:2.9.0
                resources:
                  limits:
                    nvidia.com/gpu: ${gpus}
`;

test('Kubernetes: a RayJob whose only command is its entrypoint runs that script, with the workers’ GPUs', async () => {
  const yaml = rayJob('|\n    python finetune.py --epochs 3 --batch-size 32', 2, 4);
  const a = await analyze({ 'rayjob.yaml': yaml }, 'rayjob.yaml');
  const run = theRun(a);
  assert.match(run.plan.entry.label, /finetune\.py/);
  const d = fact(a, 'devices');
  assert.deepEqual([d?.value, d?.origin], [8, 'explicit'], d?.note);
  // The entrypoint's flags are read where they are written.
  const e = fact(a, 'epochs');
  assert.equal(e?.value, 3);
  assert.match(yaml.split('\n')[lineOf(yaml, e!.span!.start) - 1], /--epochs 3/);
});

test('Kubernetes: a RayJob entrypoint that starts torchrun is not multiplied over the pods', async () => {
  const yaml = rayJob('torchrun --nproc_per_node=4 train.py --epochs 2', 3, 4);
  const d = fact(await analyze({ 'rayjob.yaml': yaml }, 'rayjob.yaml'), 'devices');
  assert.equal(d?.value, 4, d?.note);
});
