// A training update in any library makes a file (part of) a run: a TF1 session running its training op in a loop, a
// TF2 tape's gradients applied, a JAX gradient and an optax/Flax update; a module that holds such a loop is part of
// a run even though it runs nothing itself; an object built with training settings and then `train()`ed; an RL
// learner's config. Files that hold none of these (a model definition that builds a train op but never runs it, a
// library's generic `fit` handed its op, an import guard) give no run. Fixtures written for these tests.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyze, fact } from './helpers';

const runsOf = async (files: Record<string, string>, target: string) => {
  const a = await analyze(files, target);
  return [...a.runs, ...(a.linked ?? [])].filter((r) => r.plan.entry.file.endsWith(target));
};
const value = (a: Awaited<ReturnType<typeof analyze>>, k: Parameters<typeof fact>[1]) => {
  const f = fact(a, k);
  return f && f.origin !== 'assumed' ? f.value : undefined;
};

const GAN_CLASS = `import tensorflow as tf
import numpy as np


class PairGAN(object):
    def __init__(self, sess, epoch, batch_size):
        self.sess = sess
        self.epoch = epoch
        self.batch_size = batch_size

    def build(self):
        d_vars = [v for v in tf.trainable_variables() if "disc" in v.name]
        g_vars = [v for v in tf.trainable_variables() if "gen" in v.name]
        self.d_step = tf.train.AdamOptimizer(2e-4, beta1=0.5).minimize(self.d_loss, var_list=d_vars)
        self.g_step = tf.train.AdamOptimizer(2e-4, beta1=0.5).minimize(self.g_loss, var_list=g_vars)

    def train(self):
        for epoch in range(self.epoch):
            for i in range(self.num_batches):
                noise = np.random.uniform(-1, 1, [self.batch_size, 64])
                self.sess.run([self.d_step], feed_dict={self.z: noise})
                self.sess.run([self.g_step], feed_dict={self.z: noise})
`;

test('a TF1 GAN class whose train() runs its optimizers in a loop is part of a run: Adam, fp32', async () => {
  const a = await analyze({ 'pair_gan.py': GAN_CLASS }, 'pair_gan.py');
  const runs = await runsOf({ 'pair_gan.py': GAN_CLASS }, 'pair_gan.py');
  assert.equal(runs.length, 1);
  assert.match(runs[0].plan.entry.label, /training loop of a module/);
  assert.equal(value(a, 'optimizer'), 'adam');
  assert.equal(value(a, 'precision'), 'fp32');
});

test('an entry script that builds an object with epochs and batch size and calls its train() is a run', async () => {
  const main = `import argparse
import tensorflow as tf
from pair_gan import PairGAN

parser = argparse.ArgumentParser()
parser.add_argument("--epoch", type=int, default=15)
parser.add_argument("--batch_size", type=int, default=32)
args = parser.parse_args()

with tf.Session() as sess:
    gan = PairGAN(sess, epoch=args.epoch, batch_size=args.batch_size)
    gan.build()
    gan.train()
`;
  const a = await analyze({ 'run_gan.py': main, 'pair_gan.py': GAN_CLASS }, 'run_gan.py');
  assert.equal(value(a, 'epochs'), 15);
  assert.equal(value(a, 'micro_batch'), 32);
  // `net.train()` alone switches a module's mode: no run.
  const mode = `import torch
from nets import Classifier

net = Classifier()
net.load_state_dict(torch.load("weights.pt"))
net.train()
print(sum(p.numel() for p in net.parameters()))
`;
  assert.equal((await runsOf({ 'count_params.py': mode }, 'count_params.py')).length, 0);
});

test('a JAX module whose train_and_evaluate steps a value_and_grad update over a TrainState is part of a run', async () => {
  const src = `import jax
import optax
from flax.training import train_state


def train_step(state, batch):
    def loss_fn(params):
        logits = state.apply_fn({"params": params}, batch["x"])
        return optax.softmax_cross_entropy_with_integer_labels(logits, batch["y"]).mean()

    loss, grads = jax.value_and_grad(loss_fn)(state.params)
    return state.apply_gradients(grads=grads), loss


def train_and_evaluate(config, model, data):
    tx = optax.adamw(config.learning_rate)
    state = train_state.TrainState.create(apply_fn=model.apply, params=model.init_params, tx=tx)
    step_fn = jax.jit(train_step)
    for step in range(config.num_train_steps):
        state, loss = step_fn(state, next(data))
    return state
`;
  const runs = await runsOf({ 'trainer_lib.py': src }, 'trainer_lib.py');
  assert.equal(runs.length, 1);
  assert.equal(runs[0].plan.facts.get('optimizer')?.value, 'adamw');
});

test('a TF2 tape loop at module level is a run; a model file that only builds a train op is not', async () => {
  const tape = `import numpy as np
import tensorflow as tf
from nets import Denoiser

opt = tf.keras.optimizers.Adam(1e-3)
model = Denoiser()
data = np.load("patches.npy")
for step in range(20000):
    batch = data[np.random.choice(len(data), 256)]
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model(batch, training=True) - batch))
    grads = tape.gradient(loss, model.trainable_variables)
    opt.apply_gradients(zip(grads, model.trainable_variables))
`;
  const a = await analyze({ 'fit_denoiser.py': tape }, 'fit_denoiser.py');
  assert.equal(value(a, 'optimizer'), 'adam');
  assert.equal(value(a, 'precision'), 'fp32');
  const model = `import tensorflow as tf


class Encoder(object):
    def __init__(self, lr=1e-4, batch_size=1):
        self.batch_size = batch_size
        self.loss = tf.reduce_mean(tf.square(self.x - self.y))
        self.optimizer = tf.train.AdamOptimizer(lr)
        grads = self.optimizer.compute_gradients(self.loss)
        self.train_op = self.optimizer.apply_gradients(grads)

    def encode(self, x):
        return self.sess.run(self.z, feed_dict={self.x: x})
`;
  assert.equal((await runsOf({ 'encoder.py': model }, 'encoder.py')).length, 0);
});

test('a library fit() handed its train op, and a module whose only top-level code is an import guard, give no run', async () => {
  const lib = `import time
try:
    KEYS = tf.GraphKeys.GLOBAL_VARIABLES
except AttributeError:
    KEYS = tf.GraphKeys.VARIABLES


def fit(sess, train_op, cost, X, y, batch_size=100, n_epoch=100):
    for epoch in range(n_epoch):
        for xb, yb in minibatches(X, y, batch_size):
            sess.run(train_op, feed_dict={"x": xb, "y": yb})
`;
  assert.equal((await runsOf({ 'utils.py': lib }, 'utils.py')).length, 0);
});

test('an RL learner config (learning rates, discount, tau) is a run; an architecture-only config builder is not', async () => {
  const rl = `import ml_collections


def get_config():
    config = ml_collections.ConfigDict()
    config.actor_lr = 3e-4
    config.critic_lr = 3e-4
    config.hidden_dims = (256, 256)
    config.discount = 0.99
    config.tau = 0.005
    return config
`;
  assert.equal((await runsOf({ 'configs/sac_config.py': rl }, 'configs/sac_config.py')).length, 1);
  const arch = `import ml_collections


def get_config():
    config = ml_collections.ConfigDict()
    config.hidden_dims = (256, 256)
    config.num_layers = 4
    config.activation = "relu"
    return config
`;
  assert.equal((await runsOf({ 'configs/net_config.py': arch }, 'configs/net_config.py')).length, 0);
});

test('an easydict config with TRAIN and TEST sections: its training batch and epochs', async () => {
  const src = `from easydict import EasyDict as edict

__C = edict()
cfg = __C
__C.TRAIN = edict()
__C.TRAIN.BATCH_SIZE = 6
__C.TRAIN.LR_INIT = 1e-3
__C.TRAIN.WARMUP_EPOCHS = 2
__C.TRAIN.EPOCHS = 40
__C.TEST = edict()
__C.TEST.BATCH_SIZE = 2
`;
  const a = await analyze({ 'core/config.py': src }, 'core/config.py');
  assert.equal(value(a, 'micro_batch'), 6);
  assert.equal(value(a, 'epochs'), 40);
});

test('module constants: train_epoch is the run length, int(1e6) a step count, printoptions no precision', async () => {
  const src = `import numpy as np
import tensorflow as tf
np.set_printoptions(precision=4)

batch_size = 64
train_epoch = 25
lr = 2e-4
max_steps = int(1e6)

opt = tf.train.AdamOptimizer(lr).minimize(loss)
with tf.Session() as sess:
    for epoch in range(train_epoch):
        for i in range(n_batches):
            sess.run([opt], {x: data[i * batch_size:(i + 1) * batch_size]})
`;
  const a = await analyze({ 'gan_mnist.py': src }, 'gan_mnist.py');
  assert.equal(value(a, 'epochs'), 25);
  assert.equal(value(a, 'max_steps'), 1000000);
  assert.equal(value(a, 'micro_batch'), 64);
  assert.equal(value(a, 'precision'), 'fp32');
});
