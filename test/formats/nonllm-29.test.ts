// Two general readings of plain training scripts (round 29, non-LLM lane):
// 1. argparse options declared with a single dash (`add_argument('-epoch_end', default=256)`, read as
//    `args.epoch_end`): argparse derives the dest from the first long option string, else from the first short one
//    with its `-` stripped (https://docs.python.org/3/library/argparse.html#dest), so the default is the run's.
// 2. A DataLoader whose workers (and batch) are constants of a config module the script imports whole
//    (`import config` … `DataLoader(num_workers=config.NUM_WORKERS)`): the module's constant, read the same way as
//    the loop bound `range(config.NUM_EPOCHS)` already is — not an argparse option left to a launcher.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const LOOP = (head: string, loader: string, epochs: string) => `import torch
${head}

model = torch.nn.Linear(8, 2).cuda()
opt = torch.optim.SGD(model.parameters(), lr=0.1)
loader = torch.utils.data.DataLoader(dataset, ${loader})
for epoch in range(${epochs}):
    for x, y in loader:
        loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

const SINGLE_DASH = `import argparse
parser = argparse.ArgumentParser()
parser.add_argument('-epoch_end', default=256, type=int, help='last epoch')
parser.add_argument('-nworkers', type=int, default=3)
parser.add_argument('-b', '--batch', type=int, default=64)
args = parser.parse_args()
dataset = make_dataset()`;

test('single-dash argparse options: their defaults are the epochs and loader workers the script runs', async () => {
  const a = await analyze(
    { 'train.py': LOOP(SINGLE_DASH, 'batch_size=args.batch, num_workers=args.nworkers', 'args.epoch_end') },
    'train.py',
  );
  assert.deepEqual([fact(a, 'epochs')?.value, fact(a, 'epochs')?.origin], [256, 'script-default']);
  assert.equal(fact(a, 'num_workers')?.value, 3);
  // `-b, --batch`: the long option names the dest (`args.batch`), as before.
  assert.equal(fact(a, 'micro_batch')?.value, 64);
});

test('a short option read under its long dest is not mistaken for it (`-e` with `--epochs` → args.epochs only)', async () => {
  const head = `import argparse
parser = argparse.ArgumentParser()
parser.add_argument('-e', '--epochs', type=int, default=12)
parser.add_argument('-w', type=int, default=5)
args = parser.parse_args()
dataset = make_dataset()`;
  const a = await analyze(
    { 'train.py': LOOP(head, 'batch_size=32, num_workers=args.workers', 'args.epochs') },
    'train.py',
  );
  assert.equal(fact(a, 'epochs')?.value, 12);
  // `-w` declares dest `w`; `args.workers` is no option of this script: unknown, never 5.
  assert.notEqual(fact(a, 'num_workers')?.value, 5);
});

test('`import config` … `DataLoader(num_workers=config.NUM_WORKERS)`: the config module constant, inferred', async () => {
  const files = {
    'config.py': 'NUM_WORKERS = 4\nBATCH_SIZE = 16\nNUM_EPOCHS = 30\n',
    'train.py': LOOP(
      'import config\ndataset = make_dataset()',
      'batch_size=config.BATCH_SIZE, num_workers=config.NUM_WORKERS',
      'config.NUM_EPOCHS',
    ),
  };
  const a = await analyze(files, 'train.py');
  const nw = fact(a, 'num_workers');
  assert.deepEqual([nw?.value, nw?.origin], [4, 'inferred']);
  assert.match(nw?.note ?? '', /NUM_WORKERS = 4 in config\.py/);
  assert.equal(fact(a, 'micro_batch')?.value, 16);
  assert.equal(fact(a, 'epochs')?.value, 30);
});

test('`config` that is parsed options, not a module (`config = parser.parse_args()`): no module constant is read', async () => {
  const files = {
    'config.py': 'NUM_WORKERS = 4\n',
    'train.py': LOOP(
      'import argparse\nparser = argparse.ArgumentParser()\nconfig = parser.parse_args()\ndataset = make_dataset()',
      'batch_size=8, num_workers=config.NUM_WORKERS',
      '10',
    ),
  };
  const a = await analyze(files, 'train.py');
  assert.notEqual(fact(a, 'num_workers')?.value, 4);
});

// Optimizer classes the table lacked: Keras's `Nadam` spelling (https://keras.io/api/optimizers/Nadam/), TF1's
// proximal and dual-averaging optimizers (https://www.tensorflow.org/api_docs/python/tf/compat/v1/train) and the
// contrib AdamW / LazyAdam of TF 1.x.
const KERAS = (opt: string, head = 'import tensorflow as tf') => `${head}
model = tf.keras.Sequential([tf.keras.layers.Dense(10)])
model.compile(loss="mse", optimizer=${opt})
model.fit(x, y, epochs=10, batch_size=32)
`;

test('Keras `optimizers.Nadam(…)` in compile: nadam', async () => {
  const a = await analyze({ 'train.py': KERAS('tf.keras.optimizers.Nadam(1e-3)') }, 'train.py');
  assert.equal(fact(a, 'optimizer')?.value, 'nadam');
});

test('a `Nadam` of the project (not a library optimizer, not imported): no optimizer named', async () => {
  const head = 'import tensorflow as tf\nfrom mylib.tools import Nadam';
  const a = await analyze({ 'train.py': KERAS('Nadam(1e-3)', head) }, 'train.py');
  assert.notEqual(fact(a, 'optimizer')?.value, 'nadam');
});

const TF1 = (opt: string) => `import tensorflow as tf
x = tf.placeholder(tf.float32, [None, 10])
loss = tf.reduce_mean(model(x))
train_op = ${opt}.minimize(loss)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(5000):
        sess.run(train_op, feed_dict={x: next_batch()})
`;

test('TF1 `tf.contrib.opt.AdamWOptimizer` and `tf.train.ProximalAdagradOptimizer`: adamw, adagrad', async () => {
  const w = await analyze({ 'train.py': TF1('tf.contrib.opt.AdamWOptimizer(1e-4, learning_rate=1e-3)') }, 'train.py');
  assert.equal(fact(w, 'optimizer')?.value, 'adamw');
  const p = await analyze({ 'train.py': TF1('tf.train.ProximalAdagradOptimizer(0.1)') }, 'train.py');
  assert.equal(fact(p, 'optimizer')?.value, 'adagrad');
});
