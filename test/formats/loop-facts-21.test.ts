// Loop facts of hand-written research scripts given alone (development round 21): a TF1 model class whose train op is
// `tf.train.AdamOptimizer(lr).minimize(loss)` run by `sess.run` steps once per batch; a `break` out of the epoch loop
// under a patience test stops early even where no validation call or no update is in that loop; an early-stopping
// callback handed to a Keras-style `fit_generator` of a wrapper class. Fixtures written for this project in the style
// of those scripts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const TF1_MODEL = (train: string) => `import tensorflow as tf


class Net(object):
    def __init__(self, args):
        self.x = tf.placeholder(tf.float32, [None, 16])
        self.y = tf.placeholder(tf.float32, [None, 1])
        self.loss = tf.reduce_mean(tf.square(tf.layers.dense(self.x, 1) - self.y))
${train}

    def train(self, sess, feed_dict):
        return sess.run([self.optimizer, self.loss], feed_dict)
`;
const TF1_MAIN = `import argparse
import numpy as np
import tensorflow as tf
from model import Net

parser = argparse.ArgumentParser()
parser.add_argument('--n_epochs', type=int, default=10, help='the number of epochs')
parser.add_argument('--batch_size', type=int, default=256, help='batch size')
args = parser.parse_args()

data = np.load('train.npy')
model = Net(args)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for epoch in range(args.n_epochs):
        start = 0
        while start + args.batch_size <= data.shape[0]:
            model.train(sess, {model.x: data[start:start + args.batch_size, :16], model.y: data[start:start + args.batch_size, 16:]})
            start += args.batch_size
`;

test('TF1: an optimizer built in place and minimized (AdamOptimizer(lr).minimize(loss)), run per batch: no accumulation, global batch = the flag batch', async () => {
  const a = await analyze(
    {
      'main.py': TF1_MAIN,
      'model.py': TF1_MODEL('        self.optimizer = tf.train.AdamOptimizer(0.01).minimize(self.loss)'),
    },
    'main.py',
  );
  assert.equal(fact(a, 'grad_accum')?.value, 1);
  assert.equal(fact(a, 'global_batch')?.value, 256);
});

test('must not: a TF1 model that sums gradients into accumulators before applying them claims no single step', async () => {
  const a = await analyze(
    {
      'main.py': TF1_MAIN,
      'model.py': TF1_MODEL(
        [
          '        opt = tf.train.AdamOptimizer(0.01)',
          '        grads = opt.compute_gradients(self.loss)',
          '        self.accum = [tf.Variable(tf.zeros_like(v), trainable=False) for g, v in grads]',
          '        self.add = [a.assign_add(g) for a, (g, v) in zip(self.accum, grads)]',
          '        self.optimizer = tf.train.AdamOptimizer(0.01).minimize(self.loss)',
        ].join('\n'),
      ),
    },
    'main.py',
  );
  assert.notEqual(fact(a, 'grad_accum')?.value, 1);
});

const DGI = (check: string) => `import torch
import torch.nn as nn

nb_epochs = 10000
patience = 20
model = nn.Linear(64, 64).cuda()
optimiser = torch.optim.Adam(model.parameters(), lr=0.001)
x = torch.randn(128, 64).cuda()
best = 1e9
cnt_wait = 0
for epoch in range(nb_epochs):
    optimiser.zero_grad()
    loss = model(x).pow(2).mean()
    if loss < best:
        best = loss
        cnt_wait = 0
    else:
        cnt_wait += 1
${check}
    loss.backward()
    optimiser.step()
`;

test('a hand-written loop that breaks when a patience counter runs out stops early, with no validation call', async () => {
  const a = await analyze({ 'execute.py': DGI('    if cnt_wait == patience:\n        break') }, 'execute.py');
  assert.equal(fact(a, 'early_stopping')?.value, true);
});

test('must not: a break on another test, or in the else branch of a patience test, is no early stop', async () => {
  const other = await analyze({ 'execute.py': DGI('    if loss < 1e-6:\n        break') }, 'execute.py');
  assert.notEqual(fact(other, 'early_stopping')?.value, true);
  const orElse = await analyze(
    {
      'execute.py': DGI('    if cnt_wait < patience:\n        pass\n    else:\n        print("never")\n        break'),
    },
    'execute.py',
  );
  assert.notEqual(fact(orElse, 'early_stopping')?.value, true);
});

const SRGNN = (check: string) => `import argparse
from model import SessionGraph, train_test

parser = argparse.ArgumentParser()
parser.add_argument('--epoch', type=int, default=30, help='the number of epochs to train for')
parser.add_argument('--patience', type=int, default=10, help='the number of epoch to wait before early stop')
opt = parser.parse_args()


def main():
    model = SessionGraph(opt)
    best = 0
    bad_counter = 0
    for epoch in range(opt.epoch):
        hit = train_test(model)
        flag = 0
        if hit >= best:
            best = hit
            flag = 1
        bad_counter += 1 - flag
${check}


if __name__ == '__main__':
    main()
`;
const SRGNN_MODEL = `import torch


class SessionGraph(torch.nn.Module):
    def __init__(self, opt):
        super().__init__()
        self.fc = torch.nn.Linear(100, 100)
        self.optimizer = torch.optim.Adam(self.parameters(), lr=0.001)


def train_test(model, batches=100):
    model.train()
    for i in range(batches):
        model.optimizer.zero_grad()
        loss = model.fc(torch.randn(100, 100).cuda()).sum()
        loss.backward()
        model.optimizer.step()
    return 0.5
`;

test('an epoch loop in the script whose update is in a module: a break on the patience counter stops early', async () => {
  const a = await analyze(
    { 'main.py': SRGNN('        if bad_counter >= opt.patience:\n            break'), 'model.py': SRGNN_MODEL },
    'main.py',
  );
  assert.equal(fact(a, 'early_stopping')?.value, true);
});

test('must not: a patience counter that only lowers the learning rate (no break) does not stop early', async () => {
  const a = await analyze(
    {
      'main.py': SRGNN('        if bad_counter >= opt.patience:\n            model.lr *= 0.5'),
      'model.py': SRGNN_MODEL,
    },
    'main.py',
  );
  assert.notEqual(fact(a, 'early_stopping')?.value, true);
});

const WRAPPER = (callbacks: string) => `import tensorflow as tf
from tensorflow.keras.callbacks import TensorBoard
from mylib.model import Forecaster, ArrayGenerator
from mylib.custom import EarlyStoppingMin, SaveWeightsOnEpoch

batch_size = 64
max_epochs = 1000
net = Forecaster(is_convolutional=True)
train_data = ArrayGenerator(batch_size=batch_size)
val_data = ArrayGenerator(batch_size=batch_size)
net.build_model(loss='mse', optimizer=tf.keras.optimizers.Adam())
early = EarlyStoppingMin(monitor='val_loss', min_delta=0., patience=50, restore_best_weights=True)
board = TensorBoard(log_dir='logs')
net.fit_generator(train_data, epochs=max_epochs, validation_data=val_data, callbacks=${callbacks})
net.save('model.h5')
`;

test("an early-stopping callback in a wrapper's fit_generator callbacks: the run stops early", async () => {
  const a = await analyze({ 'train.py': WRAPPER('[board, early]') }, 'train.py');
  assert.equal(fact(a, 'early_stopping')?.value, true);
});

test('must not: the stopper built but left out of the callbacks stops nothing', async () => {
  const a = await analyze({ 'train.py': WRAPPER('[board]') }, 'train.py');
  assert.notEqual(fact(a, 'early_stopping')?.value, true);
});

const FM = (after: string, inLoop = '') => `import argparse
import tensorflow as tf


class FM(object):
    def __init__(self, epoch, batch_size, save_file):
        self.epoch = epoch
        self.batch_size = batch_size
        self.save_file = save_file
        self.x = tf.placeholder(tf.float32, [None, 16])
        self.loss = tf.reduce_sum(tf.layers.dense(self.x, 1))
        self.optimizer = tf.train.AdagradOptimizer(learning_rate=0.05).minimize(self.loss)
        self.saver = tf.train.Saver()
        self.sess = tf.Session()
        self.sess.run(tf.global_variables_initializer())

    def partial_fit(self, batch):
        return self.sess.run((self.loss, self.optimizer), feed_dict={self.x: batch})

    def train(self, data):
        for epoch in range(self.epoch):
            for i in range(len(data) // self.batch_size):
                self.partial_fit(data[i * self.batch_size:(i + 1) * self.batch_size])
${inLoop}
${after}


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--epoch', type=int, default=100, help='Number of epochs.')
    parser.add_argument('--batch_size', type=int, default=128, help='Batch size.')
    args = parser.parse_args()
    model = FM(args.epoch, args.batch_size, 'pretrain/fm')
    model.train(load_data())
`;

test('a TF1 model whose saver writes once after its epoch loop: no periodic checkpoint', async () => {
  const a = await analyze({ 'FM.py': FM('        self.saver.save(self.sess, self.save_file)') }, 'FM.py');
  assert.equal(fact(a, 'periodic_save')?.value, 'no');
});

test('must not: the same saver called from the epoch loop (directly or through a method) is a periodic save', async () => {
  const direct = await analyze({ 'FM.py': FM('', '            self.saver.save(self.sess, self.save_file)') }, 'FM.py');
  assert.notEqual(fact(direct, 'periodic_save')?.value, 'no');
  const method = await analyze(
    {
      'FM.py': FM(
        '\n    def checkpoint(self):\n        self.saver.save(self.sess, self.save_file)',
        '            self.checkpoint()',
      ),
    },
    'FM.py',
  );
  assert.notEqual(fact(method, 'periodic_save')?.value, 'no');
});

const VAE = (inLoop: string) => `import argparse
import tensorflow as tf
import plot_utils

parser = argparse.ArgumentParser()
parser.add_argument('--num_epochs', type=int, default=20, help='The number of epochs to run')
parser.add_argument('--batch_size', type=int, default=128, help='Batch size')
args = parser.parse_args()

x = tf.placeholder(tf.float32, [None, 784])
loss = tf.reduce_mean(tf.square(tf.layers.dense(x, 784) - x))
train_op = tf.train.AdamOptimizer(1e-3).minimize(loss)
saver = tf.train.Saver()
PMLR = plot_utils.Plot_Manifold_Learning_Result('results')

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for epoch in range(args.num_epochs):
        for i in range(100):
            _, tot_loss = sess.run((train_op, loss), feed_dict={x: batch(i)})
${inLoop}
`;

test('a loop that only writes pictures (save_scattered_image) saves no checkpoint', async () => {
  const a = await analyze(
    { 'run_main.py': VAE('        PMLR.save_scattered_image(z, ids, name="/map_epoch_%02d.jpg" % epoch)') },
    'run_main.py',
  );
  assert.equal(fact(a, 'periodic_save')?.value, 'no');
});

test('must not: a loop that writes the session with the saver every epoch saves periodically', async () => {
  const a = await analyze(
    { 'run_main.py': VAE('        saver.save(sess, "ckpt/model", global_step=epoch)') },
    'run_main.py',
  );
  assert.notEqual(fact(a, 'periodic_save')?.value, 'no');
});

test('must not: a fit handed callbacks outside any loop may checkpoint while it trains', async () => {
  const a = await analyze(
    {
      'FM.py': FM('').replace(
        '    model.train(load_data())',
        '    model.train(load_data())\n    head.fit(features, labels, epochs=5, callbacks=[SaveEvery(5)])',
      ),
    },
    'FM.py',
  );
  assert.notEqual(fact(a, 'periodic_save')?.value, 'no');
});
