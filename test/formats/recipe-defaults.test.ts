// What a framework's recipe does when its config or launcher does not write a setting (data loader workers, the
// checkpoints it writes along the run), and where a hand-written script that hands its update to other code saves.
// Fixtures written for this project in the style of the pattern: a `fairseq-train` launcher, a latent-diffusion-style
// YAML, a SpeechBrain hyperparameter file, an `accelerate launch` of a diffusers example, epoch loops around a
// training call.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const FAIRSEQ = (extra: string) => `CUDA_VISIBLE_DEVICES=0 fairseq-train data-bin/wmt \\
    --task translation --arch transformer \\
    --optimizer adam --lr 5e-4 --lr-scheduler inverse_sqrt \\
    --criterion label_smoothed_cross_entropy \\
    --max-tokens 4096${extra}
`;

test('a fairseq-train launcher without --max-update is fairseq: one loader worker, a checkpoint every epoch', async () => {
  const a = await analyze({ 'train.sh': FAIRSEQ('') }, 'train.sh');
  assert.equal(fact(a, 'num_workers')?.value, 1);
  assert.equal(fact(a, 'periodic_save')?.value, 'epoch');
  assert.equal(fact(a, 'precision')?.value, 'fp32');
});

test('must not: a fairseq launcher’s own --num-workers and --no-save stand over the defaults', async () => {
  const a = await analyze({ 'train.sh': FAIRSEQ(' \\\n    --num-workers 6 --no-save --fp16') }, 'train.sh');
  assert.equal(fact(a, 'num_workers')?.value, 6);
  assert.notEqual(fact(a, 'periodic_save')?.value, 'epoch');
  assert.equal(fact(a, 'precision')?.value, 'fp16');
});

test('must not: fairseq-preprocess is no training run', async () => {
  const a = await analyze(
    {
      'prep.sh': 'fairseq-preprocess --source-lang en --target-lang de --trainpref t --destdir data-bin --workers 20\n',
    },
    'prep.sh',
  );
  assert.equal(a.runs.length, 0);
});

const LDM = (lightning: string) => `model:
  base_learning_rate: 1.0e-04
  target: ldm.models.diffusion.ddpm.LatentDiffusion
  params:
    image_size: 32
data:
  target: main.DataModuleFromConfig
  params:
    batch_size: 8
    num_workers: 4
    train:
      target: ldm.data.lsun.LSUNChurchesTrain
lightning:
  trainer:
    max_epochs: 20
${lightning}`;

test('a latent-diffusion-style config saves last.ckpt every epoch (main.py’s ModelCheckpoint)', async () => {
  const a = await analyze({ 'configs/ldm.yaml': LDM('') }, 'configs/ldm.yaml');
  assert.equal(fact(a, 'periodic_save')?.value, 'epoch');
  assert.equal(fact(a, 'num_workers')?.value, 4);
});

test('must not: a latent-diffusion config with a step checkpoint keeps that cadence', async () => {
  const a = await analyze(
    {
      'configs/ldm.yaml': LDM(`  modelcheckpoint:
    params:
      every_n_train_steps: 500
`),
    },
    'configs/ldm.yaml',
  );
  assert.equal(fact(a, 'periodic_save')?.value, 'steps');
  assert.equal(fact(a, 'save_steps')?.value, 500);
});

const SPEECHBRAIN = (options: string) => `number_of_epochs: 10
batch_size: 16
sample_rate: 16000
epoch_counter: !new:speechbrain.utils.epoch_loop.EpochCounter
    limit: !ref <number_of_epochs>
dataloader_options:
    batch_size: !ref <batch_size>
${options}`;

test('SpeechBrain loader options without num_workers load in the main process (torch’s default 0)', async () => {
  const a = await analyze({ 'hparams/train.yaml': SPEECHBRAIN('') }, 'hparams/train.yaml');
  assert.equal(fact(a, 'num_workers')?.value, 0);
});

test('SpeechBrain loader options that set num_workers keep it', async () => {
  const a = await analyze({ 'hparams/train.yaml': SPEECHBRAIN('    num_workers: 4\n') }, 'hparams/train.yaml');
  assert.equal(fact(a, 'num_workers')?.value, 4);
});

test('must not: SpeechBrain hyperparameters with no loader options claim no workers (the script builds its loader)', async () => {
  const text = SPEECHBRAIN('').replace(/dataloader_options:\n.*\n/, '');
  const a = await analyze({ 'hparams/train.yaml': text }, 'hparams/train.yaml');
  assert.equal(fact(a, 'num_workers'), undefined);
});

const DREAMBOOTH = (steps: number) => `accelerate launch --mixed_precision="fp16" train_dreambooth.py \\
  --pretrained_model_name_or_path="runwayml/stable-diffusion-v1-5" \\
  --instance_data_dir="./instance" \\
  --instance_prompt="a photo of sks dog" \\
  --resolution=512 \\
  --train_batch_size=1 \\
  --learning_rate=5e-6 \\
  --max_train_steps=${steps}
`;

test('a diffusers example launched without its script: no loader workers, and no checkpoint before 500 steps', async () => {
  const a = await analyze({ 'finetune.sh': DREAMBOOTH(400) }, 'finetune.sh');
  assert.equal(fact(a, 'num_workers')?.value, 0);
  assert.equal(fact(a, 'periodic_save')?.value, 'no');
  assert.equal(fact(a, 'save_steps'), undefined);
});

test('must not: a diffusers example run past 500 steps saves every 500 steps', async () => {
  const a = await analyze({ 'finetune.sh': DREAMBOOTH(2000) }, 'finetune.sh');
  assert.equal(fact(a, 'periodic_save')?.value, 'steps');
  assert.equal(fact(a, 'save_steps')?.value, 500);
});

const SCRIPT = (body: string) => `import argparse
from trainer import Trainer

parser = argparse.ArgumentParser()
parser.add_argument('--epochs', type=int, default=80)
parser.add_argument('--lr', type=float, default=0.001)
parser.add_argument('--batch_size', type=int, default=64)
parser.add_argument('--save_every', type=int, default=5)
args = parser.parse_args()

model = Trainer(lr=args.lr)
train_loader = model.make_loader(args.batch_size)
${body}`;

test('a save every N epochs around a training call that runs an epoch is an epoch save', async () => {
  const a = await analyze(
    {
      'train.py': SCRIPT(`for epoch in range(1, args.epochs + 1):
    loss = model.train_network(epoch=epoch, loader=train_loader)
    if epoch % args.save_every == 0:
        model.save_parameters('exp/model_%04d.model' % epoch)
`),
      'trainer.py': '',
    },
    'train.py',
  );
  assert.equal(fact(a, 'periodic_save')?.value, 'epoch');
  assert.equal(fact(a, 'save_steps'), undefined);
});

test('a save after the batch loop around a per-batch training call is an epoch save', async () => {
  const a = await analyze(
    {
      'train.py': SCRIPT(`import torch
for epoch in range(args.epochs):
    for x, y in train_loader:
        metrics = model.train(x, y)
    torch.save(model.state_dict(), 'ckpt_%d.pth' % epoch)
`),
      'trainer.py': '',
    },
    'train.py',
  );
  assert.equal(fact(a, 'periodic_save')?.value, 'epoch');
});

test('must not: a loop around a training call whose code is elsewhere claims neither a save nor none', async () => {
  const a = await analyze(
    {
      'train.py': SCRIPT(`for epoch in range(1, args.epochs + 1):
    loss = model.train_network(epoch=epoch, loader=train_loader)
    print(epoch, loss)
`).replace("parser.add_argument('--save_every', type=int, default=5)\n", ''),
      'trainer.py': '',
    },
    'train.py',
  );
  // The called code may save where this file does not show it.
  assert.equal(fact(a, 'periodic_save')?.value ?? null, null);
});

const TF1 = `import tensorflow as tf
from data import batch_iter, load

tf.flags.DEFINE_integer("num_epochs", 200, "Number of training epochs")
tf.flags.DEFINE_integer("checkpoint_every", 100, "Save model after this many steps")
FLAGS = tf.flags.FLAGS


def train(x, y):
    with tf.Graph().as_default():
        sess = tf.Session()
        with sess.as_default():
            global_step = tf.Variable(0, name="global_step", trainable=False)
            optimizer = tf.train.AdamOptimizer(1e-3)
            grads_and_vars = optimizer.compute_gradients(loss)
            train_op = optimizer.apply_gradients(grads_and_vars, global_step=global_step)
            saver = tf.train.Saver()

            def train_step(xb, yb):
                _, step = sess.run([train_op, global_step], {inputs: xb, labels: yb})

            for batch in batch_iter(list(zip(x, y)), 64, FLAGS.num_epochs):
                xb, yb = zip(*batch)
                train_step(xb, yb)
                current_step = tf.train.global_step(sess, global_step)
                if current_step % FLAGS.checkpoint_every == 0:
                    saver.save(sess, "runs/model", global_step=current_step)


def main(argv=None):
    x, y = load()
    train(x, y)


if __name__ == "__main__":
    tf.app.run()
`;

test('a TF1 script saving every N steps around its step function (run by tf.app.run) saves by steps', async () => {
  const a = await analyze({ 'train.py': TF1, 'data.py': '' }, 'train.py');
  assert.equal(fact(a, 'periodic_save')?.value, 'steps');
  assert.equal(fact(a, 'save_steps')?.value, 100);
});

const CONFIG = (checkpoint: string) => `backbone:
  name: resnet18
optimizer:
  name: lars
  batch_size: 256
  lr: 1.0
  weight_decay: 1e-5
data:
  num_workers: 4
max_epochs: 1000
checkpoint:
${checkpoint}`;

test('a checkpoint section saving every epoch (`checkpoint.frequency: 1`) is an epoch save', async () => {
  const a = await analyze(
    { 'train.yaml': CONFIG('  enabled: True\n  dir: "trained_models"\n  frequency: 1\n') },
    'train.yaml',
  );
  assert.equal(fact(a, 'periodic_save')?.value, 'epoch');
  assert.equal(fact(a, 'save_steps'), undefined);
});

test('must not: a checkpoint section switched off saves nothing, whatever its frequency', async () => {
  const a = await analyze({ 'train.yaml': CONFIG('  enabled: False\n  frequency: 1\n') }, 'train.yaml');
  assert.equal(fact(a, 'periodic_save')?.value, 'no');
});

const TF1_LOOP = (save: string) => `import tensorflow as tf
from data import EdgeIterator

flags = tf.app.flags
FLAGS = flags.FLAGS
flags.DEFINE_integer("epochs", 100, "number of epochs to train.")
flags.DEFINE_integer("save_every", 50, "steps between checkpoints.")


def train(data):
    optimizer = tf.train.AdamOptimizer(1e-4)
    train_op = optimizer.minimize(loss)
    saver = tf.train.Saver()
    sess = tf.Session()
    step = 0
    for epoch in range(FLAGS.epochs):
        it = EdgeIterator(data)
        while not it.end():
            feed = it.next_feed()
            sess.run([train_op, loss], feed_dict=feed)
            step += 1
${save}

def main(argv=None):
    train(load())


if __name__ == "__main__":
    tf.app.run()
`;

test('a TF1 loop inside a function that main() calls (run by tf.app.run) shows its step saves', async () => {
  const a = await analyze(
    {
      'train.py': TF1_LOOP(
        '            if step % FLAGS.save_every == 0:\n                saver.save(sess, "ckpt/model", global_step=step)\n',
      ),
      'data.py': '',
    },
    'train.py',
  );
  assert.equal(fact(a, 'periodic_save')?.value, 'steps');
  assert.equal(fact(a, 'save_steps')?.value, 50);
});
