// The device count of a plain single-process TensorFlow/Keras or JAX script: without a distribution strategy, towers
// over several GPUs or a sharded/pmapped step, TensorFlow runs on the first visible GPU and JAX on its first device,
// so the script runs on one device (inferred, with why). Anything that spreads the work leaves the count unknown.
// Fixtures written for this project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocumentAnalysis } from '../../server/review/analyze';
import { analyze, fact } from './helpers';

/** The device count the files state or imply (not the one the plan assumes when nothing does). */
const stated = (a: DocumentAnalysis) => {
  const f = fact(a, 'devices');
  return f?.origin === 'assumed' ? undefined : f?.value;
};

const KERAS = (setup: string, build: string) => `import argparse
import numpy as np
import tensorflow as tf


def build_model():
    return tf.keras.Sequential([tf.keras.layers.Dense(64, activation="relu"), tf.keras.layers.Dense(10)])


def main(args):
    x = np.zeros((1000, 32), dtype="float32")
    y = np.zeros((1000,), dtype="int64")
    ${setup}
    ${build}
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(x, y, batch_size=args.batch_size, epochs=args.epochs, validation_split=0.1)
    model.save("model.keras")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch_size", type=int, default=64)
    parser.add_argument("--epochs", type=int, default=10)
    main(parser.parse_args())
`;

test('a plain Keras script runs on one device (TensorFlow picks the first GPU), and says why', async () => {
  const a = await analyze({ 'train.py': KERAS('pass', 'model = build_model()') }, 'train.py');
  assert.ok(a.runs.length > 0, 'the script is a run');
  const dev = fact(a, 'devices');
  assert.deepEqual([dev?.value, dev?.origin], [1, 'inferred']);
  assert.match(dev?.note ?? '', /single-process script.*TensorFlow places it on the first device/);
  // must not: a distribution strategy replicates the model over every visible GPU.
  const mirrored = await analyze(
    {
      'train.py': KERAS(
        'strategy = tf.distribute.MirroredStrategy()',
        'with strategy.scope():\n        model = build_model()',
      ),
    },
    'train.py',
  );
  assert.ok(mirrored.runs.length > 0, 'the mirrored script is a run');
  assert.notEqual(stated(mirrored), 1);
});

const TOWERS = `import tensorflow as tf



def main(_):
    towers = len(tf.config.list_physical_devices("GPU"))
    opt = tf.compat.v1.train.AdamOptimizer(1e-3)
    grads = []
    for i in range(towers):
        with tf.device("/gpu:%d" % i):
            loss = tf.reduce_mean(tf.square(tf.compat.v1.get_variable("w", [4])))
            grads.append(opt.compute_gradients(loss))
    train_op = opt.apply_gradients(grads[0])
    with tf.compat.v1.Session() as sess:
        sess.run(tf.compat.v1.global_variables_initializer())
        for step in range(10000):
            sess.run(train_op)


if __name__ == "__main__":
    tf.compat.v1.app.run()
`;

test('a TensorFlow script that builds one tower per GPU is no single-device run', async () => {
  const a = await analyze({ 'train.py': TOWERS }, 'train.py');
  assert.ok(a.runs.length > 0, 'the script is a run');
  assert.notEqual(stated(a), 1);
});

const JAX = (step: string) => `import jax
import jax.numpy as jnp
import optax


def loss_fn(params, x, y):
    return jnp.mean((x @ params["w"] - y) ** 2)


def main():
    params = {"w": jnp.zeros((8, 1))}
    opt = optax.adam(1e-3)
    state = opt.init(params)

    def step(params, state, x, y):
        grads = jax.grad(loss_fn)(params, x, y)
        updates, state = opt.update(grads, state)
        return optax.apply_updates(params, updates), state

    step = ${step}
    x, y = jnp.ones((32, 8)), jnp.ones((32, 1))
    for i in range(5000):
        params, state = step(params, state, x, y)


if __name__ == "__main__":
    main()
`;

test('a plain JAX training loop runs on one device; a pmapped step does not say so', async () => {
  const a = await analyze({ 'train.py': JAX('jax.jit(step)') }, 'train.py');
  assert.ok(a.runs.length > 0, 'the script is a run');
  const dev = fact(a, 'devices');
  assert.deepEqual([dev?.value, dev?.origin], [1, 'inferred']);
  assert.match(dev?.note ?? '', /JAX places it on the first device/);
  const pmapped = await analyze({ 'train.py': JAX('jax.pmap(step, axis_name="batch")') }, 'train.py');
  assert.ok(pmapped.runs.length > 0, 'the pmapped script is a run');
  assert.notEqual(stated(pmapped), 1);
});

test('a PyTorch script that imports TensorFlow for its logs is not read as a TensorFlow run', async () => {
  const text = `import torch
import tensorflow as tf
from torch import nn

writer = tf.summary.create_file_writer("logs")
model = nn.Linear(8, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.01)
for epoch in range(3):
    for x, y in []:
        loss = nn.functional.mse_loss(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
`;
  const a = await analyze({ 'train.py': text }, 'train.py');
  assert.ok(a.runs.length > 0, 'the script is a run');
  assert.doesNotMatch(fact(a, 'devices')?.note ?? '', /TensorFlow places it/);
});
