// The model a script builds and hands to the training function it imports: the run is the module's loop, entered
// from the script, and the object the script passes is the model that loop trains (`explicit`: the script states it).
// Must-not cases: a script that builds a model but never passes it names none from itself, and the module planned
// alone (its `model` a parameter) names none.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const LOOP = `import torch


def run_training(net, loader, epochs=3):
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    for epoch in range(epochs):
        for x, y in loader:
            loss = torch.nn.functional.cross_entropy(net(x), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
`;

const NETS = `import torch.nn as nn


class TinyVGG(nn.Module):
    def __init__(self, classes=10):
        super().__init__()
        self.fc = nn.Linear(32, classes)

    def forward(self, x):
        return self.fc(x)
`;

const entry = (body: string) => `import torch
from torch.utils.data import DataLoader, TensorDataset
from loop import run_training
from nets import TinyVGG


def main():
    data = TensorDataset(torch.randn(64, 32), torch.randint(0, 10, (64,)))
    loader = DataLoader(data, batch_size=16)
${body}


if __name__ == "__main__":
    main()
`;

test('the model the script builds and passes to the imported training function is the run model', async () => {
  const a = await analyze(
    {
      'p/main.py': entry('    classifier = TinyVGG(classes=10).cuda()\n    run_training(classifier, loader)'),
      'p/loop.py': LOOP,
      'p/nets.py': NETS,
    },
    'p/main.py',
  );
  assert.equal(fact(a, 'model')?.value, 'TinyVGG');
  assert.equal(fact(a, 'model')?.origin, 'explicit');
});

test('passed by keyword, it is the model too', async () => {
  const a = await analyze(
    {
      'p/main.py': entry('    model = TinyVGG()\n    run_training(net=model, loader=loader)'),
      'p/loop.py': LOOP,
      'p/nets.py': NETS,
    },
    'p/main.py',
  );
  assert.equal(fact(a, 'model')?.value, 'TinyVGG');
});

test('a model the script builds but never passes names no model', async () => {
  const a = await analyze(
    {
      'p/main.py': entry('    model = TinyVGG()\n    print(model)\n    run_training(make_net(), loader)'),
      'p/loop.py': LOOP,
      'p/nets.py': NETS,
    },
    'p/main.py',
  );
  assert.equal(fact(a, 'model')?.value ?? null, null);
});

test('the training module planned alone names no model (its model is a parameter)', async () => {
  const a = await analyze({ 'p/loop.py': LOOP, 'p/nets.py': NETS }, 'p/loop.py');
  assert.equal(fact(a, 'model')?.value ?? null, null);
});

// A model factory handed the project's config object first names the model beside it: by a keyword that names the
// model, or as a later string. Must-not: a device or split string beside the config names no model.
const FACTORY_SCRIPT = (call: string) => `import torch
import config as cfg
from builder import get_model

model = ${call}
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(10):
    loss = model(torch.randn(4, 3, 32, 32)).sum()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
`;

const factoryFiles = (call: string) => ({
  'q/train.py': FACTORY_SCRIPT(call),
  'q/config.py': 'MODEL = {"depth": 2}\n',
  'q/builder.py': 'def get_model(cfg, name="x", device="cpu"):\n    return None\n',
});

test('a factory given the config first and the model name second names that model', async () => {
  const a = await analyze(factoryFiles("get_model(cfg.MODEL, 'ResNet50')"), 'q/train.py');
  assert.equal(fact(a, 'model')?.value, 'ResNet50');
});

test('a factory given the config and the name by keyword names that model', async () => {
  const a = await analyze(factoryFiles('get_model(cfg.MODEL, model_name="convnext_tiny")'), 'q/train.py');
  assert.equal(fact(a, 'model')?.value, 'convnext_tiny');
});

test('a device string beside the config names no model', async () => {
  const a = await analyze(factoryFiles('get_model(cfg.MODEL, "cuda")'), 'q/train.py');
  assert.equal(fact(a, 'model')?.value ?? null, null);
});

test('a string beside a first argument that is no config object is not read as the name', async () => {
  const a = await analyze(factoryFiles('get_model(layers, "resnet50")'), 'q/train.py');
  assert.equal(fact(a, 'model')?.value ?? null, null);
});
