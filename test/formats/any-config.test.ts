// Any config, one judgement, one device table: a config of a framework nobody wrote a reader for is a run when it
// reads as training (RL, boosted trees, chemistry), and not otherwise (model dimensions, data, serving, compose,
// an override that sets nothing); device counts from any spelling combine by one rule; launchers and job manifests
// whose script is elsewhere give the run their flags and settings state. Fixtures in test/fixtures/formats/gcfg were
// written for these tests.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze, fact, theRun } from './helpers';

const DIR = path.resolve('test/fixtures/formats/gcfg');
const all: Record<string, string> = {};
for (const n of ['', 'inference'])
  for (const f of fs.readdirSync(path.join(DIR, n), { withFileTypes: true }))
    if (f.isFile()) all[path.posix.join(n, f.name)] = fs.readFileSync(path.join(DIR, n, f.name), 'utf8');

const runs = async (files: Record<string, string>, f: string) => {
  const a = await analyze(files, f);
  return a.runs.length + (a.linked?.length ?? 0);
};

test('an RL agent config and a boosted-tree config are runs; what they state is inferred', async () => {
  const rl = await analyze(all, 'ppo_walker.yaml');
  assert.equal(fact(rl, 'precision')?.value, 'fp16');
  assert.equal(fact(rl, 'precision')?.origin, 'inferred');
  const gbdt = await analyze(all, 'churn_lgbm.toml');
  assert.equal(theRun(gbdt).plan.framework, 'config');
});

test('spellings no row lists are read as the nearest listed one: num_epoch, train_max_steps; ngpus: -1 states no count', async () => {
  const a = await analyze(all, 'potential_train.yaml');
  assert.equal(fact(a, 'epochs')?.value, 400);
  assert.equal(fact(a, 'max_steps')?.value, 90000);
  assert.equal(fact(a, 'micro_batch')?.value, 16);
  assert.equal(fact(a, 'devices')?.origin, 'assumed', '-1 means every visible GPU: no count is written');
});

test('model dimensions, a dataset config, serving settings, an override of nothing and a compose file are not runs', async () => {
  for (const f of [
    'decoder_only_arch.yaml',
    'clicks_dataset.yaml',
    'inference/serve_small.yml',
    'notes_only.yaml',
    'docker-compose.yml',
  ])
    assert.equal(await runs(all, f), 0, f);
  // The base they inherit is a run of its own.
  assert.equal(await runs(all, 'exp_base.yaml'), 1);
});

test('devices: a job count is not multiplied by nodes; a per-node count is; a list of ids counts its items', async () => {
  const world = await analyze(all, 'world16_nodes2.yaml');
  assert.equal(fact(world, 'devices')?.value, 16);
  const perNode = await analyze(all, 'per_node8_nodes4.yaml');
  assert.equal(fact(perNode, 'devices')?.value, 32);
  assert.match(fact(perNode, 'devices')?.note ?? '', /per node × .*num_nodes: 4 = 32/);
  assert.equal(fact(perNode, 'devices')?.origin, 'inferred');
  assert.equal(fact(await analyze(all, 'gpu_list.yaml'), 'devices')?.value, 4);
});

test('a launcher passes a config by position with key=value overrides: the config is read under them, devices from slice × slices', async () => {
  const files = {
    ...all,
    'launch.sh':
      'python trainer/main.py train_base.yml steps=200 ici_fsdp_parallelism=4 dcn_data_parallelism=2 run_name=$RUN\n',
    'trainer/main.py': 'import sys\nfrom trainer import run\nrun(sys.argv[1:])\n',
  };
  const a = await analyze(files, 'launch.sh');
  assert.equal(fact(a, 'max_steps')?.value, 200, 'the override wins over the config');
  assert.equal(fact(a, 'micro_batch')?.value, 8, 'the config is read');
  assert.equal(fact(a, 'devices')?.value, 8);
});

const trainJob = `apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata:
  name: sft
spec:
  runtimeRef:
    name: torch-distributed
  trainer:
    numNodes: 2
    image: registry.example/sft:1
    command: ["torchrun", "/workspace/finetune.py", "--epochs", "3"]
    resourcesPerNode:
      limits:
        nvidia.com/gpu: 4
`;

const runtime = `apiVersion: trainer.kubeflow.org/v1alpha1
kind: ClusterTrainingRuntime
metadata:
  name: sft-runtime
spec:
  mlPolicy:
    numNodes: 3
    torch: {}
  template:
    spec:
      replicatedJobs:
        - name: dataset-initializer
          template:
            spec:
              template:
                spec:
                  containers:
                    - name: init
                      image: registry.example/init:1
        - name: node
          template:
            spec:
              template:
                spec:
                  containers:
                    - name: node
                      image: registry.example/sft:1
                      command: ["torchrun", "/workspace/finetune.py", "--epochs", "2"]
                      resources:
                        limits:
                          nvidia.com/gpu: 8
`;

const shellJob = `apiVersion: batch/v1
kind: Job
metadata:
  name: digits
spec:
  template:
    spec:
      containers:
        - name: tf
          image: registry.example/tf:2
          command: ["/bin/bash", "-c", "--"]
          args: ["cd /data/digits; pip install -r requirements.txt; python digits_train.py --epochs 4"]
          resources:
            limits:
              nvidia.com/gpu: 2
      restartPolicy: Never
`;

test('job manifests: a TrainJob (nodes × per-node GPUs), a training runtime (mlPolicy nodes × the node job), bash -c -- in args', async () => {
  const tj = await analyze({ 'job.yaml': trainJob }, 'job.yaml');
  assert.equal(fact(tj, 'devices')?.value, 8);
  assert.equal(fact(tj, 'epochs')?.value, 3);
  const rt = await analyze({ 'rt.yaml': runtime }, 'rt.yaml');
  assert.equal(fact(rt, 'devices')?.value, 24);
  const sj = await analyze({ 'job.yaml': shellJob }, 'job.yaml');
  assert.equal(fact(sj, 'devices')?.value, 2);
  assert.equal(fact(sj, 'epochs')?.value, 4);
});

test('a recipe with stages: the training stage is the run, with GPUs counted from a blank-separated list; extraction is not a run', async () => {
  const files = {
    'recipe/run.sh': `gpus="0 1 2"
num_gpu=$(echo $gpus | awk -F ' ' '{print NF}')
if [ $stage -le 3 ]; then
  torchrun --nproc_per_node=$num_gpu bin/train.py --config conf/spk.yaml
fi
if [ $stage -le 4 ]; then
  torchrun --nproc_per_node=16 bin/extract.py --exp_dir exp
fi
`,
    'recipe/bin/train.py': `import torch
def main():
    model = torch.nn.Linear(8, 2)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for epoch in range(10):
        for x, y in []:
            loss = torch.nn.functional.cross_entropy(model(x), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
main()
`,
    'recipe/bin/extract.py': 'import torch\nprint(torch.__version__)\n',
    'recipe/conf/spk.yaml': 'num_epoch: 40\nbatch_size: 128\nlr: 0.2\nnum_workers: 8\n',
  };
  const a = await analyze(files, 'recipe/run.sh');
  const all = [...a.runs, ...(a.linked ?? [])];
  assert.equal(all.length, 1, all.map((r) => r.plan.entry.label).join('; '));
  const f = all[0].plan.facts;
  assert.equal(f.get('devices')?.value, 3);
  // The config the launcher names fills what the loop's reader could only assume.
  assert.equal(f.get('num_workers')?.value, 8);
  assert.equal(f.get('num_workers')?.origin, 'inferred');
  assert.match(f.get('num_workers')?.note ?? '', /spk\.yaml, named by run\.sh/);
});

test('--train_engine other than DeepSpeed: the --deepspeed_config it is also given does not decide the run', async () => {
  const files = {
    'run.sh':
      'torchrun --nproc_per_node=2 tts/train.py --train_engine torch_ddp --config conf/tts.yaml --use_amp --deepspeed_config conf/ds.json\n',
    'conf/tts.yaml': 'train_conf:\n  optim: adam\n  optim_conf:\n    lr: 0.001\n  max_epoch: 50\n  accum_grad: 4\n',
    'conf/ds.json':
      '{"train_micro_batch_size_per_gpu": 1, "gradient_accumulation_steps": 1, "bf16": {"enabled": true}}',
  };
  const a = await analyze(files, 'run.sh');
  assert.equal(fact(a, 'grad_accum')?.value, 4);
  assert.equal(fact(a, 'precision')?.value, 'fp16');
  assert.equal(fact(a, 'epochs')?.value, 50);
});

test('a GPU named by its id (`gpu: 3`) is not read as three devices', async () => {
  const a = await analyze({ 'exp.yaml': 'gpu: 3\nepochs: 10\nlr: 0.01\nbatch_size: 32\n' }, 'exp.yaml');
  assert.equal(fact(a, 'epochs')?.value, 10);
  assert.equal(fact(a, 'devices')?.origin, 'assumed');
});

test('a launcher whose defaults an argument may replace (`STEPS=2000; if [ -n "$2" ]; then STEPS=$2; fi`) is read with its defaults', async () => {
  const files = {
    'exp/moe_small.sh': `STEPS=2000
if [ -n "\${2}" ]; then
    STEPS=$2;
fi
MB=16
while [[ $# -gt 0 ]]; do
  case $1 in
    --micro-batch) MB="$2"; shift; shift;;
    *) shift;;
  esac
done
torchrun --nproc_per_node 4 third_party/lm/pretrain_gpt.py --micro-batch-size $MB --train-iters $STEPS --seq-length 512 --lr 0.0003
`,
  };
  const a = await analyze(files, 'exp/moe_small.sh');
  assert.equal(fact(a, 'max_steps')?.value, 2000);
  assert.equal(fact(a, 'micro_batch')?.value, 16);
  assert.equal(fact(a, 'devices')?.value, 4);
});

test('a launcher named for evaluation starts no run, whatever its script is called', async () => {
  const files = {
    'examples/evaluate_lambada.sh':
      'python -m torch.distributed.launch --nproc_per_node 8 ./tasks/main.py --task LAMBADA --batch_size 8 --fp16 --load ckpt\n',
    'tasks/main.py': 'import sys\nfrom tasks import run\nrun(sys.argv)\n',
  };
  assert.equal(await runs(files, 'examples/evaluate_lambada.sh'), 0);
});
