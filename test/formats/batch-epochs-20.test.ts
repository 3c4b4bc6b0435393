// Run length, batch and accumulation of hand-written research code (development round 20): a TF1 graph's
// `compute_gradients` + `apply_gradients` run by a session steps once per batch; Keras 1's `nb_epoch=` is the number
// of epochs Keras 2 still takes; a hyper-parameter module reached through a star import (`from network import *`,
// where network.py has `import hyperparams as hp`) gives `hp.epochs` and `hp.batch_size`; a module-level counter
// (`epoch = 1` … `epoch += 1`) is where a loop starts, never the run's number of epochs. Fixtures written for this
// project in the style of those scripts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const TF1 = (extra: string) => `import tensorflow as tf
import data_helpers

tf.flags.DEFINE_integer("batch_size", 64, "Batch Size")
tf.flags.DEFINE_integer("num_epochs", 200, "Number of training epochs")
FLAGS = tf.flags.FLAGS

with tf.Graph().as_default():
    sess = tf.Session()
    with sess.as_default():
        net = Net(vocab_size=10000)
        global_step = tf.Variable(0, name="global_step", trainable=False)
        optimizer = tf.train.AdamOptimizer(1e-3)
        grads_and_vars = optimizer.compute_gradients(net.loss)
${extra}
        sess.run(tf.global_variables_initializer())

        def train_step(x_batch, y_batch):
            feed_dict = {net.input_x: x_batch, net.input_y: y_batch}
            _, step, loss = sess.run([train_op, global_step, net.loss], feed_dict)
            print(step, loss)

        batches = data_helpers.batch_iter(list(zip(x_train, y_train)), FLAGS.batch_size, FLAGS.num_epochs)
        for batch in batches:
            x_batch, y_batch = zip(*batch)
            train_step(x_batch, y_batch)
`;

test('TF1: apply_gradients run by a session steps once per batch: no accumulation, global batch = the flag batch', async () => {
  const a = await analyze(
    {
      'train.py': TF1('        train_op = optimizer.apply_gradients(grads_and_vars, global_step=global_step)'),
    },
    'train.py',
  );
  assert.equal(fact(a, 'grad_accum')?.value, 1);
  assert.equal(fact(a, 'global_batch')?.value, 64);
});

test('must not: TF1 gradients summed into accumulator variables are no single-step update', async () => {
  const a = await analyze(
    {
      'train.py': TF1(
        [
          '        accum_vars = [tf.Variable(tf.zeros_like(v.initialized_value()), trainable=False) for _, v in grads_and_vars]',
          '        accum_ops = [accum_vars[i].assign_add(g) for i, (g, v) in enumerate(grads_and_vars)]',
          '        train_op = optimizer.apply_gradients([(accum_vars[i], v) for i, (g, v) in enumerate(grads_and_vars)])',
        ].join('\n'),
      ),
    },
    'train.py',
  );
  assert.notEqual(fact(a, 'grad_accum')?.value, 1);
  assert.notEqual(fact(a, 'global_batch')?.value, 64);
});

const KERAS = (fit: string) => `from keras.models import Model
from keras.layers import Input, Conv2D
from keras.optimizers import Adam

def train():
    inputs = Input((96, 96, 1))
    outputs = Conv2D(1, (1, 1), activation='sigmoid')(inputs)
    model = Model(inputs=[inputs], outputs=[outputs])
    model.compile(optimizer=Adam(lr=1e-5), loss='binary_crossentropy')
    ${fit}

if __name__ == '__main__':
    train()
`;

test("Keras: fit(…, nb_epoch=20) trains 20 epochs (Keras 1's name, taken by Keras 2 as epochs)", async () => {
  const a = await analyze({ 'train.py': KERAS('model.fit(imgs, masks, batch_size=32, nb_epoch=20)') }, 'train.py');
  assert.equal(fact(a, 'epochs')?.value, 20);
  assert.equal(fact(a, 'micro_batch')?.value, 32);
  const none = await analyze({ 'train.py': KERAS('model.fit(imgs, masks, batch_size=32)') }, 'train.py');
  assert.equal(fact(none, 'epochs')?.value, 1, "without either name, fit()'s default of one epoch");
});

const TTS = `from network import *
from preprocess import get_dataset, DataLoader
import torch as t


def main():
    dataset = get_dataset()
    m = nn.DataParallel(Model().cuda())
    m.train()
    optimizer = t.optim.Adam(m.parameters(), lr=hp.lr)
    for epoch in range(hp.epochs):
        dataloader = DataLoader(dataset, batch_size=hp.batch_size, shuffle=True, num_workers=16)
        for data in dataloader:
            loss = m(data)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()


if __name__ == '__main__':
    main()
`;
const HP = 'lr = 0.001\nepochs = 10000\nbatch_size = 32\n';
const NETWORK = (head: string) => `${head}import torch.nn as nn


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(hp.hidden, hp.hidden)
`;
const PREPROCESS = 'import hyperparams as hp\nfrom torch.utils.data import Dataset, DataLoader\n';

test('a hyper-parameter module a star-imported module imports: hp.epochs and hp.batch_size are its constants', async () => {
  const a = await analyze(
    {
      'train.py': TTS,
      'network.py': NETWORK('import hyperparams as hp\n'),
      'hyperparams.py': HP,
      'preprocess.py': PREPROCESS,
    },
    'train.py',
  );
  assert.equal(fact(a, 'epochs')?.value, 10000);
  // One process over every visible GPU (DataParallel): the loader's 32 is the global batch.
  assert.equal(fact(a, 'global_batch')?.value, 32);
});

test('must not: a star import of a module with __all__ does not bring its imports; two modules named hp disagree', async () => {
  const hidden = await analyze(
    {
      'train.py': TTS,
      'network.py': NETWORK("import hyperparams as hp\n__all__ = ['Model']\n"),
      'hyperparams.py': HP,
      'preprocess.py': PREPROCESS,
    },
    'train.py',
  );
  assert.equal(fact(hidden, 'epochs')?.value, null);
  const two = await analyze(
    {
      'train.py': TTS.replace('from network import *', 'from network import *\nfrom layers import *'),
      'network.py': NETWORK('import hyperparams as hp\n'),
      'layers.py': 'import hparams_small as hp\n',
      'hyperparams.py': HP,
      'hparams_small.py': 'lr = 0.01\nepochs = 10\nbatch_size = 8\n',
      'preprocess.py': PREPROCESS,
    },
    'train.py',
  );
  assert.equal(fact(two, 'epochs')?.value, null);
});

const COUNTER = (bound: string) => `import argparse, glob
import torch
from model import SpeakerNet

parser = argparse.ArgumentParser()
parser.add_argument('--batch_size', type=int, default=400)
${bound}
args = parser.parse_args()

loader = torch.utils.data.DataLoader(train_set, batch_size=args.batch_size, shuffle=True, num_workers=4)
files = glob.glob('exps/model_*.model')
if len(files) >= 1:
    epoch = int(files[-1][-10:-6]) + 1
else:
    epoch = 1
s = SpeakerNet(lr=0.001)

while(1):
    loss = s.train_network(epoch=epoch, loader=loader)
    s.save_parameters('exps/model_%04d.model' % epoch)
${bound ? '    if epoch >= args.max_epoch:\n        quit()\n' : ''}    epoch += 1
`;
const MODEL = `import torch


class SpeakerNet(torch.nn.Module):
    def __init__(self, lr):
        super().__init__()
        self.net = torch.nn.Linear(80, 192).cuda()
        self.optim = torch.optim.Adam(self.parameters(), lr=lr)

    def train_network(self, epoch, loader):
        self.train()
        for data, label in loader:
            self.zero_grad()
            loss = self.net(data.cuda()).mean()
            loss.backward()
            self.optim.step()
        return loss
`;

test("must not: a module-level `epoch = 1` that the loop counts up is the loop's start, not its number of epochs", async () => {
  const a = await analyze({ 'train.py': COUNTER(''), 'model.py': MODEL }, 'train.py');
  assert.notEqual(fact(a, 'epochs')?.value, 1);
  const bounded = await analyze(
    {
      'train.py': COUNTER("parser.add_argument('--max_epoch', type=int, default=80, help='Maximum number of epochs')"),
      'model.py': MODEL,
    },
    'train.py',
  );
  assert.equal(fact(bounded, 'epochs')?.value, 80);
});

// A Hydra project in the style of Lightning + Hydra research code: the `train` group holds the numbers, the trainer
// and the datamodule read them through OmegaConf interpolations.
const hydra = (trainer: string, data: string, extra: Record<string, string> = {}) => ({
  'train.py': [
    'import hydra',
    '',
    '@hydra.main(config_path="configs", config_name="train", version_base=None)',
    'def main(cfg):',
    '    dm = hydra.utils.instantiate(cfg.dataset)',
    '    model = hydra.utils.instantiate(cfg.task)',
    '    trainer = hydra.utils.instantiate(cfg.trainer)',
    '    trainer.fit(model, dm)',
    '',
    'if __name__ == "__main__":',
    '    main()',
    '',
  ].join('\n'),
  'configs/train.yaml':
    'defaults:\n  - _self_\n  - dataset: mnist\n  - train: default\n  - trainer: default\n\ntask_name: vae\n',
  'configs/train/default.yaml': 'learning_rate: 3e-4\nepochs: 12\nbatch_size: 96\nnum_workers: 4\n',
  'configs/trainer/default.yaml': `_target_: lightning.Trainer\naccelerator: gpu\ndevices: 2\nprecision: 32\n${trainer}\n`,
  'configs/dataset/mnist.yaml': `_target_: vae.datasets.MNISTDataModule\ndata_dir: data/\n${data}\n`,
  ...extra,
});

test('Hydra: `${train.epochs}` and `${train.batch_size}` take the values the composed train group writes', async () => {
  const files = hydra('max_epochs: ${train.epochs}', 'batch_size: ${train.batch_size}');
  for (const target of ['train.py', 'configs/train.yaml']) {
    const a = await analyze(files, target);
    assert.equal(fact(a, 'epochs')?.value, 12, target);
    assert.equal(fact(a, 'micro_batch')?.value, 96, `${target}: the one DataModule's batch`);
    assert.equal(fact(a, 'global_batch')?.value, 192, `${target}: 96 per process × 2 devices`);
  }
});

test('must not: an environment resolver, a key no config writes, or two DataModules give no value', async () => {
  const env = await analyze(hydra('max_epochs: ${oc.env:EPOCHS}', 'batch_size: ${train.bs}'), 'train.py');
  assert.equal(fact(env, 'epochs')?.value ?? null, null);
  assert.equal(fact(env, 'micro_batch')?.value ?? null, null);
  const two = await analyze(
    hydra('max_epochs: ${train.epochs}', 'batch_size: ${train.batch_size}', {
      'configs/train.yaml':
        'defaults:\n  - _self_\n  - dataset: mnist\n  - train: default\n  - trainer: default\n\nval_data:\n  _target_: vae.datasets.CelebADataModule\n  batch_size: 16\n',
    }),
    'train.py',
  );
  assert.equal(fact(two, 'epochs')?.value, 12);
  assert.equal(fact(two, 'micro_batch')?.value ?? null, null);
});

// A launcher with environment-variable fallbacks in the style of medical-imaging research code: `$batch_size` (a
// lower-case name the script never sets) is the user's own override, so a plain run takes the else branch.
const fallback = (name: string, variable: string, value: string) =>
  `if [ $${variable} ]; then\n    ${name}=$${variable}\nelse\n    ${name}=${value}\nfi\n`;
const LAUNCH = (batchVar: string) =>
  [
    '#!/bin/bash',
    fallback('EPOCH_TIME', 'epoch_time', '150'),
    fallback('BATCH_SIZE', batchVar, '24'),
    fallback('LEARNING_RATE', 'learning_rate', '0.05'),
    'python train.py --cfg configs/swin_tiny.yaml --max_epochs $EPOCH_TIME --base_lr $LEARNING_RATE --batch_size $BATCH_SIZE',
    '',
  ].join('\n');
const SEG_TRAIN = `import argparse
from trainer import trainer_synapse

parser = argparse.ArgumentParser()
parser.add_argument('--cfg', type=str, required=True)
parser.add_argument('--max_epochs', type=int, default=300)
parser.add_argument('--batch_size', type=int, default=12)
parser.add_argument('--base_lr', type=float, default=0.01)
args = parser.parse_args()

if __name__ == "__main__":
    model = build(args.cfg).cuda()
    trainer_synapse(args, model)
`;
const SEG_TRAINER = `import torch
from torch.utils.data import DataLoader


def trainer_synapse(args, model):
    optimizer = torch.optim.SGD(model.parameters(), lr=args.base_lr, momentum=0.9)
    loader = DataLoader(train_set, batch_size=args.batch_size, shuffle=True)
    for epoch in range(args.max_epochs):
        for image, label in loader:
            loss = torch.nn.functional.cross_entropy(model(image.cuda()), label.cuda())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        torch.save(model.state_dict(), 'epoch_%d.pth' % epoch)
`;
const MODEL_CFG = [
  'MODEL:',
  '  TYPE: swin',
  '  NAME: swin_tiny_patch4_window7_224',
  '  DROP_PATH_RATE: 0.2',
  '  PRETRAIN_CKPT: "./pretrained/swin_tiny.pth"',
  '  SWIN:',
  '    EMBED_DIM: 96',
  '    DEPTHS: [2, 2, 2, 2]',
  '    NUM_HEADS: [3, 6, 12, 24]',
  '    WINDOW_SIZE: 7',
  '',
].join('\n');

test('launcher fallbacks: `else BATCH_SIZE=24` is the plain run; a model-only --cfg leaves the run to the script', async () => {
  const a = await analyze(
    {
      'train.sh': LAUNCH('batch_size'),
      'train.py': SEG_TRAIN,
      'trainer.py': SEG_TRAINER,
      'configs/swin_tiny.yaml': MODEL_CFG,
    },
    'train.sh',
  );
  assert.equal(fact(a, 'epochs')?.value, 150);
  assert.equal(fact(a, 'micro_batch')?.value, 24);
  assert.equal(fact(a, 'grad_accum')?.value, 1, "the script's own loop steps once per batch");
});

test('must not: an upper-case variable (the environment may set it) leaves the batch unknown', async () => {
  const a = await analyze(
    {
      'train.sh': LAUNCH('BATCH'),
      'train.py': SEG_TRAIN,
      'trainer.py': SEG_TRAINER,
      'configs/swin_tiny.yaml': MODEL_CFG,
    },
    'train.sh',
  );
  assert.equal(fact(a, 'epochs')?.value, 150);
  assert.notEqual(fact(a, 'micro_batch')?.value, 24);
});

const YOLO = (args: string) =>
  `from ultralytics import YOLO\n\nmodel = YOLO("yolo11m.pt")\nmodel.train(data="data.yaml", imgsz=640, epochs=100, ${args})\n`;

test('Ultralytics: batch 4 accumulates round(64 / 4) = 16 iterations: 64 images per optimizer step', async () => {
  const a = await analyze({ 'train.py': YOLO('batch=4, device=0') }, 'train.py');
  assert.deepEqual(
    ['micro_batch', 'grad_accum', 'global_batch'].map((k) => fact(a, k as never)?.value),
    [4, 16, 64],
  );
  const dflt = await analyze({ 'train.py': YOLO('workers=2') }, 'train.py');
  assert.deepEqual(
    ['micro_batch', 'grad_accum', 'global_batch'].map((k) => fact(dflt, k as never)?.value),
    [16, 4, 64],
    'the default batch 16 on the one GPU picked',
  );
  const big = await analyze({ 'train.py': YOLO('batch=128, nbs=64') }, 'train.py');
  assert.deepEqual(
    ['grad_accum', 'global_batch'].map((k) => fact(big, k as never)?.value),
    [1, 128],
  );
});

test('must not: an AutoBatch `batch=-1` gives no accumulation or images per step', async () => {
  const a = await analyze({ 'train.py': YOLO('batch=-1') }, 'train.py');
  assert.equal(fact(a, 'grad_accum')?.value ?? null, null);
  assert.equal(fact(a, 'global_batch')?.value ?? null, null);
});

const FAIRSEQ = (flags: string) =>
  `CUDA_VISIBLE_DEVICES=0 fairseq-train ./data-bin/iwslt \\\n    --task translation --arch transformer \\\n    --optimizer adam --lr 5e-4 --lr-scheduler inverse_sqrt \\\n    --criterion label_smoothed_cross_entropy ${flags} \\\n    --save-dir checkpoints/base\n`;

test('fairseq-train: the tool names the framework; --update-freq defaults to 1, or what it says', async () => {
  const a = await analyze({ 'train.sh': FAIRSEQ('--batch-size 64') }, 'train.sh');
  assert.equal(fact(a, 'grad_accum')?.value, 1);
  assert.equal(fact(a, 'micro_batch')?.value, 64);
  const eight = await analyze({ 'train.sh': FAIRSEQ('--batch-size 64 --update-freq 8') }, 'train.sh');
  assert.equal(fact(eight, 'grad_accum')?.value, 8);
});

test('must not: --batch-size beside --max-tokens is a cap, not a fixed count of sentences', async () => {
  const a = await analyze({ 'train.sh': FAIRSEQ('--batch-size 256 --max-tokens 4096') }, 'train.sh');
  assert.equal(fact(a, 'micro_batch')?.value ?? null, null);
  assert.equal(fact(a, 'global_batch')?.value ?? null, null);
});

// A segmentation script in the style of medical-imaging research code: `--max_iterations` is declared, the trainer
// module loops over epochs and computes its iterations from them.
const SEG_SCRIPT = `import argparse
from trainer import trainer_synapse

parser = argparse.ArgumentParser()
parser.add_argument('--max_iterations', type=int, default=30000, help='maximum iterations to train')
parser.add_argument('--max_epochs', type=int, default=150, help='maximum epochs to train')
parser.add_argument('--batch_size', type=int, default=24, help='batch size per gpu')
parser.add_argument('--base_lr', type=float, default=0.01, help='learning rate')
args = parser.parse_args()

if __name__ == "__main__":
    snapshot = 'model_' + str(args.max_iterations)[0:2] + 'k'
    net = build().cuda()
    trainer_synapse(args, net, snapshot)
`;
const SEG_LOOP = (stop: string) => `import torch
from torch.utils.data import DataLoader


def trainer_synapse(args, model, snapshot_path):
    loader = DataLoader(train_set, batch_size=args.batch_size, shuffle=True)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.base_lr, momentum=0.9)
    # max_iterations = args.max_iterations
    max_iterations = args.max_epochs * len(loader)
    iter_num = 0
    for epoch_num in range(args.max_epochs):
        for image, label in loader:
            loss = torch.nn.functional.cross_entropy(model(image.cuda()), label.cuda())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            for g in optimizer.param_groups:
                g['lr'] = args.base_lr * (1.0 - iter_num / max_iterations) ** 0.9
            iter_num = iter_num + 1
${stop}        torch.save(model.state_dict(), snapshot_path + '/last.pth')
`;

test('an option the trainer module never reads (`--max_iterations`) is no step budget: the loop runs its epochs', async () => {
  const a = await analyze({ 'train.py': SEG_SCRIPT, 'trainer.py': SEG_LOOP('') }, 'train.py');
  assert.equal(fact(a, 'epochs')?.value, 150);
  assert.equal(fact(a, 'max_steps')?.value ?? null, null);
});

test('must not: a trainer module that stops at args.max_iterations keeps that budget', async () => {
  const stop = '            if iter_num >= args.max_iterations:\n                break\n';
  const a = await analyze({ 'train.py': SEG_SCRIPT, 'trainer.py': SEG_LOOP(stop) }, 'train.py');
  assert.equal(fact(a, 'max_steps')?.value, 30000);
});
