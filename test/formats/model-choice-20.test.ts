// The model of a script that chooses it: the branch its model option takes (`if args.model == "resnet18": …`), the
// network an Ultralytics `YOLO("yolo11m.pt")` loads, the model inside a wrapper class the script builds around it
// (`SoftmaxNN(sentence_encoder, …)`), and the class a training script read through the vocabulary constructs — never
// a wrapper's or a data option's name. Fixtures written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const loop = (options: string, build: string, head = '') => `import argparse
import torch
${head}
parser = argparse.ArgumentParser()
${options}
parser.add_argument("--epochs", default=30, type=int)
args = parser.parse_args()
${build}
optimizer = torch.optim.SGD(cnn.parameters(), lr=0.1)
for epoch in range(args.epochs):
    for x, y in loader:
        loss = criterion(cnn(x.cuda()), y.cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;
const model = async (text: string) => {
  const f = fact(await analyze({ 'train.py': text }, 'train.py'), 'model');
  return f ? [f.value, f.origin] : undefined;
};

test('the branch the model option takes names the model, through nested branches', async () => {
  const text = loop(
    'parser.add_argument("--model", default="resnet18", choices=["resnet18", "wideresnet"])\nparser.add_argument("--dataset", default="cifar10")',
    `if args.model == "resnet18":
    cnn = ResNet18(num_classes=10)
elif args.model == "wideresnet":
    if args.dataset == "svhn":
        cnn = WideResNet(depth=16, widen_factor=8)
    else:
        cnn = WideResNet(depth=28, widen_factor=10)`,
  );
  assert.deepEqual(await model(text), ['resnet18', 'script-default']);
});

test('must not: branches on the dataset choose no model name; the class they all build is the model', async () => {
  const text = loop(
    'parser.add_argument("--dataset", default="cifar10")',
    `if args.dataset == "cifar10":
    cnn = WideResNet(depth=28, num_classes=10)
elif args.dataset == "cifar100":
    cnn = WideResNet(depth=28, num_classes=100)`,
  );
  assert.deepEqual(await model(text), ['WideResNet', 'explicit']);
});

test('a wrapper built around the model: the checkpoint inside it, never the wrapper', async () => {
  const text = loop(
    'parser.add_argument("--pretrain_path", default="bert-base-uncased")',
    `encoder = relnet.encoder.BERTEncoder(max_length=80, pretrain_path=args.pretrain_path)
cnn = relnet.model.SoftmaxNN(encoder, 42, rel2id)`,
    'import relnet',
  );
  assert.deepEqual(await model(text), ['bert-base-uncased', 'script-default']);
  // Must not: an encoder that names nothing leaves the model unknown, not "SoftmaxNN".
  const bare = loop(
    '',
    `encoder = relnet.encoder.PCNNEncoder(max_length=80)
cnn = relnet.model.SoftmaxNN(encoder, 42, rel2id)`,
    'import relnet',
  );
  assert.notEqual((await model(bare))?.[0], 'SoftmaxNN');
});

test('Ultralytics: YOLO("yolo11m.pt") trains yolo11m; YOLO() names no model', async () => {
  const yolo = (arg: string) =>
    `from ultralytics import YOLO\n\nmodel = YOLO(${arg})\nmodel.train(data="coco8.yaml", epochs=50, imgsz=640, batch=8)\n`;
  assert.deepEqual(await model(yolo('"yolo11m.pt"')), ['yolo11m', 'explicit']);
  assert.deepEqual(await model(yolo('"yolov8s.yaml"')), ['yolov8s', 'explicit']);
  assert.equal(await model(yolo('')), undefined);
});

test("must not: a project's own YOLO class or its own trained weights name no model", async () => {
  const run = (head: string, arg: string) =>
    `${head}\n\nmodel = YOLO(${arg})\nmodel.train(data="coco8.yaml", epochs=50, imgsz=640, batch=8)\n`;
  // Released weights along a path are still the release (`weights/yolov8n.pt`).
  assert.deepEqual(await model(run('from ultralytics import YOLO', '"weights/yolov8n.pt"')), ['yolov8n', 'explicit']);
  assert.equal(await model(run('from ultralytics import YOLO', '"runs/detect/train/weights/best.pt"')), undefined);
  assert.equal(await model(run('from models.yolo import YOLO', '"yolov8n.pt"')), undefined);
});

test('a TensorFlow script read through the vocabulary: the class it constructs and trains', async () => {
  const text = `import argparse
import tensorflow as tf
from nfm import NeuralFM

parser = argparse.ArgumentParser()
parser.add_argument("--epoch", type=int, default=200)
parser.add_argument("--batch_size", type=int, default=128)
args = parser.parse_args()

model = NeuralFM(features=5000, hidden_factor=64, epoch=args.epoch, batch_size=args.batch_size)
model.train(train_data, validation_data)
`;
  const nfm = `import tensorflow as tf


class NeuralFM:
    def train(self, train_data, validation_data):
        for epoch in range(self.epoch):
            for batch in batches(train_data, self.batch_size):
                self.sess.run(self.optimizer, feed_dict=self.feed(batch))
`;
  const f = fact(await analyze({ 'train.py': text, 'nfm.py': nfm }, 'train.py'), 'model');
  assert.equal(f?.value, 'NeuralFM');
});
