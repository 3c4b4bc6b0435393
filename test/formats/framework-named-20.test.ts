// The framework a run is shown with (`greenml plan`, the JSON's `framework`, CodeLens) is the one a user would name:
// a script, config or launcher read through the shared vocabulary is not a "config" framework but the library its
// code trains with, the program its launcher runs (`fairseq-train`, `tune run`), or the OpenMMLab codebase whose
// recipe an mmengine config is. Fixtures written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frameworkName } from '../../engine/types';
import { runJson } from '../../server/cli/output';
import { analyze, theRun } from './helpers';

const shown = async (files: Record<string, string>, target: string) =>
  frameworkName(theRun(await analyze(files, target)).plan);

const TF_SCRIPT = `import tensorflow as tf
from model.net import TextNet

flags = tf.app.flags
flags.DEFINE_integer("batch_size", 64, "batch size")
flags.DEFINE_integer("num_epochs", 200, "epochs")
FLAGS = flags.FLAGS


def main(_):
    net = TextNet(vocab_size=30000, num_classes=2)
    train_op = tf.train.AdamOptimizer(1e-3).minimize(net.loss)
    with tf.Session() as sess:
        for epoch in range(FLAGS.num_epochs):
            for x, y in batches(FLAGS.batch_size):
                sess.run(train_op, feed_dict={net.x: x, net.y: y})
`;
const CONFIG = `experiment: pendulum
algorithm:
  batch_size: 256
  num_epochs: 300
  lr: 0.0003
  optimizer: adam
`;
const TORCH_LEARNER = `import torch


class Learner:
    def __init__(self, policy):
        self.opt = torch.optim.Adam(policy.parameters())

    def update(self, loss):
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
`;
const TF_MODULE = 'import tensorflow as tf\n\n\ndef summary(writer):\n    pass\n';

test('a TensorFlow script read through the vocabulary is shown as tensorflow, in the JSON too', async () => {
  const a = await analyze({ 'proj/README.md': 'x\n', 'proj/train.py': TF_SCRIPT }, 'proj/train.py');
  const run = theRun(a);
  assert.equal(frameworkName(run.plan), 'tensorflow');
  assert.equal(runJson(run).framework, 'tensorflow');
});

test('a config given alone in a PyTorch repository is shown as pytorch; in a repository split between two libraries it is not named', async () => {
  const torchRepo = {
    'proj/README.md': 'x\n',
    'proj/configs/pendulum.yaml': CONFIG,
    'proj/agents/learner.py': TORCH_LEARNER,
    'proj/agents/policy.py': 'import torch\n\n\nclass Policy(torch.nn.Module):\n    pass\n',
  };
  assert.equal(await shown(torchRepo, 'proj/configs/pendulum.yaml'), 'pytorch');
  // Must not: as many TensorFlow files as PyTorch ones say nothing of which one trains.
  const split = { ...torchRepo, 'proj/tf/a.py': TF_MODULE, 'proj/tf/b.py': TF_MODULE };
  assert.equal(await shown(split, 'proj/configs/pendulum.yaml'), 'config');
});

test('a launcher that runs fairseq-train is a fairseq run; the same words in a comment are not', async () => {
  const launcher = `CUDA_VISIBLE_DEVICES=0 fairseq-train data-bin/wmt \\
    --arch transformer --optimizer adam --lr 5e-4 --max-epoch 30
`;
  assert.equal(await shown({ 'proj/README.md': 'x\n', 'proj/run.sh': launcher }, 'proj/run.sh'), 'fairseq');
  const other = `# trained before with fairseq-train; now our own trainer
python -m mytrainer --optimizer adam --lr 5e-4 --max-epoch 30
`;
  assert.notEqual(await shown({ 'proj/README.md': 'x\n', 'proj/run.sh': other }, 'proj/run.sh'), 'fairseq');
});

const MM_CHILD = `_base_ = ['../_base_/models/model.py']
model = dict(backbone=dict(type='ResNet', depth=50))
optimizer = dict(type='AdamW', lr=0.0001, weight_decay=0.05)
data = dict(samples_per_gpu=2)
runner = dict(type='EpochBasedRunner', max_epochs=12)
`;
const mmRepo = (rootType: string) => ({
  'proj/README.md': 'x\n',
  'proj/configs/_base_/models/model.py': `model = dict(\n    type='${rootType}',\n    backbone=dict(type='ResNet'))\n`,
  'proj/configs/exp/child.py': MM_CHILD,
});

test('an mmengine config is shown as the OpenMMLab codebase its root model type belongs to', async () => {
  assert.equal(await shown(mmRepo('MaskRCNN'), 'proj/configs/exp/child.py'), 'mmdetection');
  assert.equal(await shown(mmRepo('EncoderDecoder'), 'proj/configs/exp/child.py'), 'mmsegmentation');
  // Must not: a project's own root model names no codebase.
  assert.equal(await shown(mmRepo('MyNet'), 'proj/configs/exp/child.py'), 'mmengine');
});

test('a JAX script whose repository builds its networks with Flax is flax; a Lightning import without a Trainer is not lightning', async () => {
  const jax = `import jax
import optax
from models import WideResnet

batch_size = 128
num_epochs = 200


def train(params, opt_state, data, tx):
    for epoch in range(num_epochs):
        for batch in data:
            grads = jax.grad(loss_fn)(params, batch)
            updates, opt_state = tx.update(grads, opt_state)
            params = optax.apply_updates(params, updates)
`;
  const files = {
    'proj/README.md': 'x\n',
    'proj/train.py': jax,
    'proj/models.py': 'import flax.linen as nn\n\n\nclass WideResnet(nn.Module):\n    pass\n',
  };
  assert.equal(await shown(files, 'proj/train.py'), 'flax');
  // Must not: a script whose loop runs in its own trainer module, importing Lightning only for seeding.
  const main = `import argparse
from pytorch_lightning import seed_everything
from simtrainer import SimTrainer

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=5)
parser.add_argument("--batch-size", type=int, default=128)
parser.add_argument("--learning-rate", type=float, default=0.001)
args = parser.parse_args()
seed_everything(0)
trainer = SimTrainer(args)
trainer.fit()
`;
  const trainer = `import torch


class SimTrainer:
    def __init__(self, args):
        self.args = args
        self.model = SimNet(args)

    def fit(self):
        optimizer = torch.optim.Adam(self.model.parameters(), lr=self.args.learning_rate)
        for epoch in range(self.args.epochs):
            for batch in self.batches():
                optimizer.zero_grad()
                loss = self.model(batch)
                loss.backward()
                optimizer.step()
`;
  const t = { 'proj/README.md': 'x\n', 'proj/main.py': main, 'proj/simtrainer.py': trainer };
  assert.equal(await shown(t, 'proj/main.py'), 'pytorch');
});
