// The optimizer a script's run builds in the repository code it uses while its own loop runs the step
// (engine/link/repo-optimizer.ts): a TensorFlow 1 model class whose `__init__` makes the optimizer and its train op,
// a PyTorch helper called before the script's loop. Only what the definitions the script reaches construct counts;
// nothing when they disagree, when the choice is a parameter, or when the script builds an optimizer itself.
// Fixtures written for this project in the style of public research code.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const TF_MODELS = `import tensorflow as tf

class Base(object):
    def __init__(self):
        self.loss = None
        self.optimizer = None

    def build(self):
        self.opt_op = self.optimizer.minimize(self.loss)

class GraphNet(Base):
    def __init__(self, x, y, lr):
        super(GraphNet, self).__init__()
        logits = tf.layers.dense(x, 7)
        self.loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=logits))
        self.optimizer = tf.train.RMSPropOptimizer(learning_rate=lr)
        self.build()

class Probe(Base):
    def __init__(self, x):
        self.out = tf.layers.dense(x, 7)
`;

const tfScript = (cls: string, alias = false) => `import tensorflow as tf
from nets import ${cls}

flags = tf.app.flags
FLAGS = flags.FLAGS
flags.DEFINE_integer('epochs', 120, 'Number of epochs.')
flags.DEFINE_float('learning_rate', 0.005, 'Learning rate.')

x = tf.placeholder(tf.float32, [None, 16])
y = tf.placeholder(tf.float32, [None, 7])
${alias ? `net_fn = ${cls}\nmodel = net_fn(x, y, FLAGS.learning_rate)` : `model = ${cls}(x, y, FLAGS.learning_rate)`}
sess = tf.Session()
sess.run(tf.global_variables_initializer())
for epoch in range(FLAGS.epochs):
    outs = sess.run([model.opt_op, model.loss], feed_dict={x: feats, y: labels})
`;

test('TF1: the optimizer the model class the script instantiates builds (tf.train.RMSPropOptimizer) is the run’s', async () => {
  const a = await analyze({ 'README.md': '', 'nets.py': TF_MODELS, 'train.py': tfScript('GraphNet') }, 'train.py');
  assert.equal(fact(a, 'epochs')?.value, 120);
  assert.equal(fact(a, 'optimizer')?.value, 'rmsprop');
  assert.match(fact(a, 'optimizer')?.file ?? '', /nets\.py$/);
});

test('TF1: a class held in a name first (`net_fn = GraphNet`, `net_fn(…)`) is the class the script uses', async () => {
  const a = await analyze(
    { 'README.md': '', 'nets.py': TF_MODELS, 'train.py': tfScript('GraphNet', true) },
    'train.py',
  );
  assert.equal(fact(a, 'optimizer')?.value, 'rmsprop');
});

// The script uses a module's model class, which builds no optimizer; another class of the same module does.
const MODULE = `import torch
import torch.nn as nn

class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 2)

    def forward(self, x):
        return self.fc(x)

class Finetuner(object):
    def __init__(self, model):
        self.opt = torch.optim.Adam(model.parameters(), lr=1e-4)
`;

const ENCODER_SCRIPT = `import torch
import torch.nn as nn
from modules import Encoder
from checkpoints import restore

model = Encoder().cuda()
optimizer = restore('last.ckpt', model)
for epoch in range(5):
    for x, y in loader:
        loss = nn.functional.mse_loss(model(x.cuda()), y.cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;

test('must not: a class of the module the script does not use lends it no optimizer', async () => {
  const a = await analyze(
    {
      'README.md': '',
      'modules.py': MODULE,
      'checkpoints.py': 'def restore(p, m):\n    return load(p)\n',
      'train.py': ENCODER_SCRIPT,
    },
    'train.py',
  );
  assert.equal(fact(a, 'epochs')?.value, 5);
  assert.equal(fact(a, 'optimizer')?.value ?? null, null);
});

const HELPERS = `import torch

def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9, nesterov=True)

def pick_optimizer(name, model, lr):
    if name == 'adam':
        return torch.optim.Adam(model.parameters(), lr=lr)
    return torch.optim.SGD(model.parameters(), lr=lr)
`;

const torchScript = (build: string) => `import argparse
import torch
import torch.nn as nn
from solver import ${build.split('(')[0]}

parser = argparse.ArgumentParser()
parser.add_argument('--epochs', type=int, default=30)
parser.add_argument('--optim', type=str, default='adam')
args = parser.parse_args()

model = nn.Linear(8, 2).cuda()
optimizer = ${build}
for epoch in range(args.epochs):
    for x, y in loader:
        loss = nn.functional.cross_entropy(model(x.cuda()), y.cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;

test('PyTorch: the optimizer a helper the script calls before its own loop returns', async () => {
  const a = await analyze(
    { 'README.md': '', 'solver.py': HELPERS, 'train.py': torchScript('make_optimizer(model, 0.1)') },
    'train.py',
  );
  assert.equal(fact(a, 'epochs')?.value, 30);
  assert.equal(fact(a, 'optimizer')?.value, 'sgd');
});

test('PyTorch: a helper its package re-exports (`from .build import make_optimizer` in `__init__.py`) is followed', async () => {
  const a = await analyze(
    {
      'README.md': '',
      'solver/__init__.py': 'from .build import make_optimizer, pick_optimizer\n',
      'solver/build.py': HELPERS,
      'train.py': torchScript('make_optimizer(model, 0.1)'),
    },
    'train.py',
  );
  assert.equal(fact(a, 'optimizer')?.value, 'sgd');
});

test('must not: a helper that chooses the optimizer by a parameter gives none', async () => {
  const a = await analyze(
    { 'README.md': '', 'solver.py': HELPERS, 'train.py': torchScript('pick_optimizer(args.optim, model, 0.1)') },
    'train.py',
  );
  assert.equal(fact(a, 'optimizer')?.value ?? null, null);
});

test('must not: a script that builds optimizers itself (two it cannot choose between) takes none from a helper', async () => {
  const script = torchScript('make_optimizer(model, 0.1)').replace(
    'for epoch in range(args.epochs):',
    `import os
if os.environ.get('OPT') == 'adam':
    optimizer = torch.optim.Adam(model.parameters())
elif os.environ.get('OPT') == 'rms':
    optimizer = torch.optim.RMSprop(model.parameters())
for epoch in range(args.epochs):`,
  );
  const a = await analyze({ 'README.md': '', 'solver.py': HELPERS, 'train.py': script }, 'train.py');
  assert.notEqual(fact(a, 'optimizer')?.value, 'sgd');
});
