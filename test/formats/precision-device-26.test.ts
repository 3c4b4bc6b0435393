// Precision a script leaves to its library or device (session 26): nanoGPT and llama2.c autocast only on CUDA
// (`device_type = 'cuda' if 'cuda' in device else 'cpu'`, `ctx = nullcontext() if device_type == 'cpu' else
// torch.amp.autocast(…)`), so a run on `device = 'mps'` or `--device=cpu` trains in fp32 whatever `dtype` says; a
// JAX training script that no JAX reader takes (its own `jax.pmap` step, `tf.data` for input) computes in JAX's
// float32 unless its code names a reduced-precision dtype.
// Fixtures written for these tests in the style of the pattern; no spent-set file is copied.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

/** A nanoGPT-style train.py: globals a config file or `--key=value` overwrites, the autocast context by device. */
const TRAIN = (device: string, ctx = "nullcontext() if device_type == 'cpu' else") => `import os
from contextlib import nullcontext
import torch
from model import GPTConfig, GPT
out_dir = 'out'
eval_interval = 250
always_save_checkpoint = False
gradient_accumulation_steps = 1
batch_size = 64
block_size = 256
max_iters = 5000
device = '${device}'
dtype = 'bfloat16' if torch.cuda.is_available() and torch.cuda.is_bf16_supported() else 'float16'
compile = False
exec(open('configurator.py').read())
device_type = 'cuda' if 'cuda' in device else 'cpu'
ptdtype = {'float32': torch.float32, 'bfloat16': torch.bfloat16, 'float16': torch.float16}[dtype]
ctx = ${ctx} torch.amp.autocast(device_type=device_type, dtype=ptdtype)
model = GPT(GPTConfig())
optimizer = model.configure_optimizers(0.1, 1e-3, (0.9, 0.99), device_type)
scaler = torch.cuda.amp.GradScaler(enabled=(dtype == 'float16'))
while True:
    for micro_step in range(gradient_accumulation_steps):
        with ctx:
            logits, loss = model(X, Y)
        scaler.scale(loss).backward()
    scaler.step(optimizer)
    scaler.update()
`;

const CONFIG = `out_dir = 'out-char'
block_size = 128
n_layer = 4
`;

test('nanoGPT on a device that is not CUDA (mps, cpu): no autocast, the run trains in fp32', async () => {
  const mps = await analyze({ 'train.py': TRAIN('mps') }, 'train.py');
  assert.equal(fact(mps, 'precision')?.value, 'fp32');
  // A config file given alone is the run of the train.py that execs it, on that script's device.
  const config = await analyze({ 'train.py': TRAIN('mps'), 'config/small.py': CONFIG }, 'config/small.py');
  assert.equal(fact(config, 'precision')?.value, 'fp32');
  // The README's CPU run: `--device=cpu` on the command line.
  const cpu = await analyze(
    { 'train.py': TRAIN('cuda'), 'run.sh': 'python train.py config/small.py --device=cpu --compile=False\n' },
    'run.sh',
  );
  assert.equal(fact(cpu, 'precision')?.value, 'fp32');
});

test('must not claim fp32: a CUDA device, or a script that autocasts on every device', async () => {
  // On CUDA the dtype decides (bf16 where the GPU supports it, else fp16): not known without the hardware.
  const cuda = await analyze({ 'train.py': TRAIN('cuda') }, 'train.py');
  assert.notEqual(fact(cuda, 'precision')?.value, 'fp32');
  const cuda0 = await analyze({ 'train.py': TRAIN('cuda:0') }, 'train.py', { hardware: 'A100' });
  assert.equal(fact(cuda0, 'precision')?.value, 'bf16');
  // A fork that autocasts whatever the device: the dtype stands.
  const always = await analyze({ 'train.py': TRAIN('mps', '') }, 'train.py');
  assert.notEqual(fact(always, 'precision')?.value, 'fp32');
});

/** A JAX training script in the style of research code: its own pmapped step, tf.data input, absl flags. */
const JAX_TRAIN = (extra = '') => `from absl import app
from absl import flags
import flax
import jax
import jax.numpy as jnp
import tensorflow as tf
from internal import models

FLAGS = flags.FLAGS
flags.DEFINE_integer("max_steps", 250000, "steps")
flags.DEFINE_integer("batch_size", 1024, "rays per batch")


def train_step(model, state, batch, lr):
  def loss_fn(variables):
    out = model.apply(variables, batch["rays"])
    return jnp.mean((out - batch["pixels"]) ** 2)
  grad = jax.grad(loss_fn)(state.optimizer.target)
  grad = jax.lax.pmean(grad, axis_name="batch")
  return state.replace(optimizer=state.optimizer.apply_gradient(grad, learning_rate=lr))


def main(unused_argv):
  ds = tf.data.Dataset.from_tensor_slices(load()).batch(FLAGS.batch_size)
  model, variables = models.construct(jax.random.PRNGKey(0)${extra})
  optimizer = flax.optim.Adam(1e-3).create(variables)
  state = TrainState(optimizer=optimizer)
  step = jax.pmap(train_step, axis_name="batch", in_axes=(None, 0, 0, None))
  for i, batch in zip(range(FLAGS.max_steps), ds.as_numpy_iterator()):
    state = step(model, state, batch, 1e-3)
  # Digits of the step count in the log line.
  precision = int(jnp.ceil(jnp.log10(FLAGS.max_steps))) + 1


if __name__ == "__main__":
  app.run(main)
`;

test('a JAX training script read without a JAX reader: JAX computes in float32 (not a Keras policy)', async () => {
  const a = await analyze({ 'proj/train.py': JAX_TRAIN() }, 'proj/train.py');
  const p = fact(a, 'precision');
  assert.equal(p?.value, 'fp32');
  assert.match(p?.note ?? '', /JAX computes in float32/);
  // XLA decides what float32 matmuls run as: no mixed-precision warning on a default nobody wrote.
  assert.equal(p?.form, 'xla-float32');
});

test('must not claim fp32: a JAX script whose code names a reduced-precision dtype', async () => {
  const a = await analyze({ 'proj/train.py': JAX_TRAIN(', dtype=jnp.bfloat16') }, 'proj/train.py');
  assert.notEqual(fact(a, 'precision')?.value, 'fp32');
});
