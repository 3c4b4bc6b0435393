// The model a plain PyTorch script builds through its own helpers, as applied research code writes it: a project
// factory given the name by keyword (`net_factory(net_type=args.model)`), a network held under another name and moved
// to the GPU (`net = VNet(...)`, `model = net.cuda()`), a weight-initialisation function applied to the network — and
// never a model where the names it is followed through disagree.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const script = (build: string, opt = 'model') => `import argparse
import torch
from networks.factory import net_factory
from networks.vnet import SegNet3D, CoarseNet

parser = argparse.ArgumentParser()
parser.add_argument("--model", type=str, default="unet_small", help="model_name")
parser.add_argument("--max_iterations", type=int, default=3000)
args = parser.parse_args()

${build}
optimizer = torch.optim.SGD(${opt}.parameters(), lr=0.01, momentum=0.9)
loader = torch.utils.data.DataLoader(list(range(64)), batch_size=4, num_workers=2)
iter_num = 0
for epoch in range(100):
    for batch in loader:
        loss = ${opt}(batch.cuda()).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        iter_num += 1
        if iter_num >= args.max_iterations:
            break
`;

test('a project factory given the model name by keyword, inside a create_model() helper', async () => {
  const text = script(`def create_model(ema=False):
    model = net_factory(net_type=args.model, in_chns=1, class_num=4)
    if ema:
        for p in model.parameters():
            p.detach_()
    return model

model = create_model()
ema_model = create_model(ema=True)`);
  const a = await analyze({ 'train.py': text }, 'train.py');
  assert.equal(fact(a, 'model')?.value, 'unet_small');
  const sh = 'python train.py --model enet_small --max_iterations 9000\n';
  const launched = await analyze({ 'train.py': text, 'run.sh': sh }, 'run.sh');
  assert.equal(fact(launched, 'model')?.value, 'enet_small');
});

test('a factory keyword that names no model (a normalisation) gives none', async () => {
  const text = script(`model = net_factory(norm="batchnorm", in_chns=1, class_num=4)`);
  const a = await analyze({ 'train.py': text }, 'train.py');
  assert.equal(fact(a, 'model')?.value ?? null, null);
});

test('a network held under another name and moved to the GPU (`model = net.cuda()`)', async () => {
  const text = script(`def create_model():
    net = SegNet3D(n_channels=1, n_classes=2, normalization="batchnorm")
    model = net.cuda()
    return model

model = create_model()`);
  const a = await analyze({ 'train.py': text }, 'train.py');
  assert.equal(fact(a, 'model')?.value, 'SegNet3D');
});

test('an initialisation function applied to the factory network is that network', async () => {
  const text = script(
    `net1 = net_factory(net_type=args.model, in_chns=1, class_num=2).cuda()
model1 = kaiming_normal_init_weight(net1)`,
    'model1',
  ).replace('import argparse\n', 'import argparse\nfrom utils import kaiming_normal_init_weight\n');
  const a = await analyze({ 'train.py': text }, 'train.py');
  assert.equal(fact(a, 'model')?.value, 'unet_small');
});

test('a name assigned two different networks gives no model', async () => {
  const text = script(`if args.max_iterations > 5000:
    net = SegNet3D(n_channels=1)
else:
    net = CoarseNet(n_channels=1)
model = net.cuda()`);
  const a = await analyze({ 'train.py': text }, 'train.py');
  assert.equal(fact(a, 'model')?.value ?? null, null);
});

const tf1 = (build: string) => `import tensorflow as tf
from text_cnn import TextCNN, TextRNN

tf.flags.DEFINE_integer("batch_size", 64, "Batch Size")
tf.flags.DEFINE_integer("num_epochs", 200, "Number of training epochs")
FLAGS = tf.flags.FLAGS

with tf.Graph().as_default():
    sess = tf.Session()
    with sess.as_default():
${build}
        optimizer = tf.train.AdamOptimizer(1e-3)
        grads_and_vars = optimizer.compute_gradients(cnn.loss)
        train_op = optimizer.apply_gradients(grads_and_vars)
        sess.run(tf.global_variables_initializer())
        for epoch in range(FLAGS.num_epochs):
            sess.run(train_op)
`;

test('TensorFlow 1: the object whose loss the optimizer minimises', async () => {
  const a = await analyze({ 'train.py': tf1('        cnn = TextCNN(sequence_length=56, num_classes=2)') }, 'train.py');
  assert.equal(fact(a, 'model')?.value, 'TextCNN');
});

test('TensorFlow 1: a minimised loss of an object built two ways names no model', async () => {
  const build = `        if FLAGS.batch_size > 32:
            cnn = TextCNN(sequence_length=56)
        else:
            cnn = TextRNN(sequence_length=56)`;
  const a = await analyze({ 'train.py': tf1(build) }, 'train.py');
  assert.equal(fact(a, 'model')?.value ?? null, null);
});

const branches = (second: string) =>
  script(`import settings
model_type = settings.model_name
if model_type == "SegNet3D":
    model = SegNet3D(n_channels=1)
elif model_type == "SegNet3D_pretrain":
    model = ${second}(n_channels=1)
    model.load_state_dict(torch.load("pretrained.pth"))
else:
    raise TypeError("unknown model type")
model = model.cuda()`);

test('branches on a selector read elsewhere that all build one class: that class', async () => {
  const a = await analyze({ 'train.py': branches('SegNet3D') }, 'train.py');
  assert.equal(fact(a, 'model')?.value, 'SegNet3D');
});

test('branches on a selector read elsewhere that build different classes: none', async () => {
  const a = await analyze({ 'train.py': branches('CoarseNet') }, 'train.py');
  assert.equal(fact(a, 'model')?.value ?? null, null);
});
