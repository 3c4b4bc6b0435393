// Facts of training code that is not a language model (round 18): the batch of a Keras ImageDataGenerator flow that
// fit()/fit_generator() takes. Fixtures written for this project in the style of public training scripts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const py = async (text: string) => analyze({ 'train.py': text }, 'train.py');

const KERAS = (
  flow: string,
  gen = 'datagen = ImageDataGenerator(horizontal_flip=True)',
) => `from keras.preprocessing.image import ImageDataGenerator
from keras.callbacks import EarlyStopping
import numpy as np
from models import small_cnn

batch_size = 24
epochs = 80
x_train, y_train = np.load('x.npy'), np.load('y.npy')
model = small_cnn((48, 48, 1), 7)
model.compile(optimizer='adam', loss='categorical_crossentropy')
if augment:
    ${gen}
    model.fit_generator(${flow}, steps_per_epoch=len(x_train) // batch_size, epochs=epochs)
`;

test('Keras: the batch of an ImageDataGenerator flow given to fit_generator (keyword, positional, default)', async () => {
  const kw = await py(KERAS('datagen.flow(x_train, y_train, batch_size=batch_size)'));
  assert.deepEqual([fact(kw, 'micro_batch')?.value, fact(kw, 'epochs')?.value], [24, 80]);
  const pos = await py(KERAS('datagen.flow(x_train, y_train, batch_size)'));
  assert.equal(fact(pos, 'micro_batch')?.value, 24);
  const dflt = await py(KERAS('datagen.flow(x_train, y_train)'));
  assert.deepEqual([fact(dflt, 'micro_batch')?.value, fact(dflt, 'micro_batch')?.origin], [32, 'framework-default']);
});

test('must not report: a generator that is not an ImageDataGenerator flow keeps its batch unknown', async () => {
  const other = await py(KERAS('datagen.flow(x_train, y_train)', 'datagen = make_stream(x_train, shuffle=True)'));
  assert.equal(fact(other, 'micro_batch')?.value ?? null, null);
  const maker = await py(KERAS('batches(x_train, y_train)', 'pass'));
  assert.equal(fact(maker, 'micro_batch')?.value ?? null, null);
});

test('must not report: a setting copied from parsed flags (`OPTIMIZER = FLAGS.optimizer`) is no optimizer name', async () => {
  const a = await py(`import argparse
import tensorflow as tf

parser = argparse.ArgumentParser()
parser.add_argument('--optimizer', help='adam or momentum')
parser.add_argument('--max_epoch', type=int, default=250)
parser.add_argument('--batch_size', type=int, default=32)
FLAGS = parser.parse_args()
OPTIMIZER = FLAGS.optimizer
BATCH_SIZE = FLAGS.batch_size
MAX_EPOCH = FLAGS.max_epoch


def train_one_epoch(sess, ops):
    for batch_idx in range(100):
        sess.run([ops['train_op'], ops['loss']])


def train():
    loss = tf.reduce_mean(tf.square(tf.Variable(1.0)))
    if OPTIMIZER == 'momentum':
        optimizer = tf.train.MomentumOptimizer(0.01, momentum=0.9)
    else:
        optimizer = tf.train.AdamOptimizer(0.01)
    train_op = optimizer.minimize(loss)
    with tf.Session() as sess:
        for epoch in range(MAX_EPOCH):
            train_one_epoch(sess, {'train_op': train_op, 'loss': loss})


train()
`);
  assert.notEqual(fact(a, 'optimizer')?.value, 'FLAGS.optimizer');
  assert.equal(fact(a, 'optimizer')?.value ?? null, null);
});

const SGD_OR_ADAM = (decl: string) => `import argparse
import torch
from torch import optim

parser = argparse.ArgumentParser()
${decl}
parser.add_argument('--epochs', type=int, default=250)
args = parser.parse_args()
model = torch.nn.Linear(3, 40).cuda()
if args.use_sgd:
    opt = optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
else:
    opt = optim.Adam(model.parameters(), lr=0.001)
loader = torch.utils.data.DataLoader(range(10), batch_size=32)
for epoch in range(args.epochs):
    for x in loader:
        opt.zero_grad()
        model(x.cuda()).sum().backward()
        opt.step()
`;

test('the optimizer of the branch a switch on by default selects (`if args.use_sgd:` with default True)', async () => {
  const on = await py(SGD_OR_ADAM("parser.add_argument('--use_sgd', type=bool, default=True)"));
  assert.equal(fact(on, 'optimizer')?.value, 'sgd');
  const off = await py(SGD_OR_ADAM("parser.add_argument('--use_sgd', action='store_true')"));
  assert.equal(fact(off, 'optimizer')?.value, 'adam');
});

test('must not report: a switch whose default is not known picks neither optimizer', async () => {
  const a = await py(SGD_OR_ADAM("parser.add_argument('--use_sgd', type=int, default=int(os.environ['SGD']))"));
  assert.equal(fact(a, 'optimizer')?.value ?? null, null);
});

test('must not report: scikit-learn fit beside a regex compile is no Keras run (no default batch of 32)', async () => {
  const a = await py(`import re
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier

pattern = re.compile("adam")
data = pd.read_csv('train.csv')
clf = GradientBoostingClassifier(n_estimators=300)
clf.fit(data.drop(columns=['y']), data['y'])
`);
  assert.equal(fact(a, 'micro_batch')?.value ?? null, null);
});
