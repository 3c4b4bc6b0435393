// Values read from launchers, lit-gpt-style globals and gin configs (session 16, issue 11): torchrun's abbreviated
// options, a lit-gpt step save cadence and its Fabric device count, TensorFlow Estimator and compare_gan saves.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const hfParser = `from transformers import AutoModelForCausalLM, HfArgumentParser, Trainer, TrainingArguments
parser = HfArgumentParser(TrainingArguments)
(args,) = parser.parse_args_into_dataclasses()
model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-0.5B")
Trainer(model=model, args=args).train()
`;

test('torchrun: an abbreviated --nnode is --nnodes, so a node count given at launch leaves devices unknown', async () => {
  const at = (nodes: string) =>
    `NODES=${nodes}\ntorchrun --nnode $NODES --nproc_per_node 4 train.py --output_dir out --per_device_train_batch_size 2\n`;
  const chosen = await analyze({ 'train.py': hfParser, 'run.sh': at('$1') }, 'train.py');
  assert.equal(fact(chosen, 'devices')?.value ?? null, null);
  assert.equal(fact(chosen, 'global_batch')?.value ?? null, null);
  const two = await analyze({ 'train.py': hfParser, 'run.sh': at('2') }, 'train.py');
  assert.deepEqual([fact(two, 'devices')?.value, fact(two, 'global_batch')?.value], [8, 16]);
});

const litGpt = (saveLoop: string) => `import lightning as L
import torch
from lightning.fabric.strategies import FSDPStrategy

global_batch_size = 128
micro_batch_size = 8
max_iters = 50000
save_step_interval = 2000
batch_size = global_batch_size // 4
gradient_accumulation_steps = batch_size // micro_batch_size


def setup(devices: int = 4, use_tpu: bool = False):
    if devices > 1:
        if use_tpu:
            devices = "auto"
        strategy = FSDPStrategy()
    else:
        strategy = "auto"
    fabric = L.Fabric(devices=devices, strategy=strategy)
    train(fabric)


def train(fabric):
    model, optimizer, loader = build(fabric)
    step_count = 0
    for iter_num, batch in enumerate(loader):
        is_accumulating = (iter_num + 1) % gradient_accumulation_steps != 0
        loss = model(batch)
        fabric.backward(loss / gradient_accumulation_steps)
        if not is_accumulating:
            optimizer.step()
            optimizer.zero_grad()
            step_count += 1
${saveLoop}

if __name__ == "__main__":
    setup()
`;

test('lit-gpt style: a checkpoint every save_step_interval steps, and Fabric(devices=…) from the setup default', async () => {
  const saves = `        if not is_accumulating and step_count % save_step_interval == 0:
            path = f"out/step-{step_count}.pth"
            fabric.save(path, {"model": model})
`;
  const a = await analyze({ 'pretrain.py': litGpt(saves) }, 'pretrain.py');
  assert.deepEqual(
    ['periodic_save', 'save_steps', 'devices', 'micro_batch'].map((k) => fact(a, k as never)?.value ?? null),
    ['steps', 2000, 4, 8],
  );
  // The TPU branch (`devices = "auto"`) does not run at the default `use_tpu=False`.
  assert.match(fact(a, 'devices')?.note ?? '', /setup\(devices=4\)/);
  // The same global with no save on that modulo is not a save cadence.
  const none = await analyze({ 'pretrain.py': litGpt('        pass\n') }, 'pretrain.py');
  assert.equal(fact(none, 'save_steps')?.value ?? null, null);
  // Called with the TPU switch on, the device count is no longer the default.
  const tpu = await analyze(
    { 'pretrain.py': litGpt(saves).replace('    setup()', '    setup(use_tpu=True)') },
    'pretrain.py',
  );
  const dv = fact(tpu, 'devices');
  assert.ok(!dv || dv.value === null || dv.origin === 'assumed', dv?.note);
});

const gin = (extra: string) => `# A GAN on 64x64 images.
dataset.name = "celeb_a"
options.architecture = "resnet_cifar_arch"
options.batch_size = 128
options.gan_class = @ModularGAN
options.training_steps = 40000
ModularGAN.g_optimizer_fn = @tf.train.AdamOptimizer
${extra}`;

test('compare_gan gin: options.batch_size is the global batch; saves every run_config.save_checkpoints_steps (5000 by default)', async () => {
  const d = await analyze({ 'gan.gin': gin('') }, 'gan.gin');
  assert.deepEqual(
    ['global_batch', 'micro_batch', 'periodic_save', 'save_steps'].map((k) => fact(d, k as never)?.value ?? null),
    [128, null, 'steps', 5000],
  );
  const w = await analyze({ 'gan.gin': gin('run_config.save_checkpoints_steps = 1500\n') }, 'gan.gin');
  assert.equal(fact(w, 'save_steps')?.value, 1500);
});

test('a config that names one CUDA device (cuda:0, or cuda with distributed off) is a one-device run', async () => {
  const cfg = (device: string, extra = '') => `_target_: my_project.workspace.TrainWorkspace
dataloader:
  batch_size: 32
  num_workers: 4
optimizer:
  _target_: torch.optim.AdamW
  lr: 1.0e-4
training:
  device: "${device}"
  num_epochs: 300
${extra}`;
  const one = await analyze({ 'train_workspace.yaml': cfg('cuda:0') }, 'train_workspace.yaml');
  assert.deepEqual([fact(one, 'devices')?.value, fact(one, 'devices')?.origin], [1, 'inferred']);
  // A bare `cuda` is the current device of each process: one device only where the config turns several off.
  const bare = await analyze({ 'train_workspace.yaml': cfg('cuda') }, 'train_workspace.yaml');
  assert.notEqual(fact(bare, 'devices')?.origin, 'inferred');
  const off = await analyze({ 'train_workspace.yaml': cfg('cuda', '  distributed: false\n') }, 'train_workspace.yaml');
  assert.equal(fact(off, 'devices')?.value, 1);
  const on = await analyze({ 'train_workspace.yaml': cfg('cuda:0', '  distributed: true\n') }, 'train_workspace.yaml');
  assert.notEqual(fact(on, 'devices')?.origin, 'inferred');
});

test('llama-recipes train_config.batch_size_training is the per-process batch; a micro_batch_size beside it wins', async () => {
  const cfg = (extra: string) => `train_config:
  model_name: my-org/my-llm-1b
  batch_size_training: 6
  num_epochs: 2
  lr: 1.0e-4
  weight_decay: 0.0
  num_workers_dataloader: 2
${extra}`;
  const a = await analyze({ 'train.yaml': cfg('') }, 'train.yaml');
  assert.equal(fact(a, 'micro_batch')?.value, 6);
  const both = await analyze({ 'train.yaml': cfg('  micro_batch_size: 2\n') }, 'train.yaml');
  assert.equal(fact(both, 'micro_batch')?.value, 2);
});

test('Keras fit without a checkpoint callback saves nothing; a Keras-based library runs on one device', async () => {
  const script = (callbacks: string) => `import pandas as pd
from deepctr.models import DeepFM

data = pd.read_csv("train.csv")
model = DeepFM(linear_cols, dnn_cols, task="binary")
model.compile("adam", "binary_crossentropy", metrics=["binary_crossentropy"])
history = model.fit(inputs, data["label"].values, batch_size=512, epochs=5, verbose=2, validation_split=0.1${callbacks})
`;
  const a = await analyze({ 'run_deepfm.py': script('') }, 'run_deepfm.py');
  assert.deepEqual(
    ['periodic_save', 'devices', 'micro_batch'].map((k) => fact(a, k as never)?.value ?? null),
    ['no', 1, 512],
  );
  const saved = await analyze({ 'run_deepfm.py': script(', callbacks=[ckpt]') }, 'run_deepfm.py');
  assert.notEqual(fact(saved, 'periodic_save')?.value, 'no');
});
