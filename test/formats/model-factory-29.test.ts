// The model a factory function builds and returns (`model = get_model(37)` with `def get_model(n): return
// Classifier(n)`), in the script's own module or in one it imports, and a project class's own `from_config`
// constructor — and never a value the function does not return (a loss it builds, a model passed in and handed back,
// returns that disagree, a library class's `from_config`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const LOOP = (build: string, head = '') => `import torch
${head}
${build}
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(4):
    for x, y in [(torch.zeros(2, 8), torch.zeros(2, 3))]:
        loss = ((model(x) - y) ** 2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;

const NETS = `import torch.nn as nn


class RiverSegmenter(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.head = nn.Linear(8, width)

    @classmethod
    def from_config(cls, cfg):
        return cls(cfg["width"])


class PondSegmenter(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.head = nn.Linear(8, width)
`;

test('a factory function of the script returns the class it constructs', async () => {
  const text = LOOP(
    'def make_segmenter(width):\n    return RiverSegmenter(width)\n\nmodel = make_segmenter(3).to("cuda")',
    'from nets import RiverSegmenter',
  );
  const a = await analyze({ 'train.py': text, 'nets.py': NETS }, 'train.py');
  assert.equal(fact(a, 'model')?.value, 'RiverSegmenter');
});

test('a factory function of the script returns a name it assigned', async () => {
  const text = LOOP(
    'def build(width):\n    net = RiverSegmenter(width)\n    net.eval()\n    return net\n\nmodel = build(3)',
    'from nets import RiverSegmenter',
  );
  const a = await analyze({ 'train.py': text, 'nets.py': NETS }, 'train.py');
  assert.equal(fact(a, 'model')?.value, 'RiverSegmenter');
});

test('an imported factory function the script binds as its model: what it returns, inferred', async () => {
  const factory = `from nets import RiverSegmenter\n\n\ndef get_model(width):\n    return RiverSegmenter(width)\n`;
  const text = LOOP('model = get_model(3)', 'from factory import get_model');
  const a = await analyze({ 'train.py': text, 'nets.py': NETS, 'factory.py': factory }, 'train.py');
  assert.equal(fact(a, 'model')?.value, 'RiverSegmenter');
  assert.equal(fact(a, 'model')?.origin, 'inferred');
});

test("a project class's own from_config constructor builds that class (in a factory of the project)", async () => {
  const factory = `from nets import RiverSegmenter\n\n\ndef create_model(cfg):\n    kind = cfg.get("type", "river")\n    if kind == "river":\n        model = RiverSegmenter.from_config(cfg)\n    else:\n        raise ValueError(kind)\n    return model\n`;
  const text = LOOP('model = create_model({"width": 3})', 'from factory import create_model');
  const a = await analyze({ 'train.py': text, 'nets.py': NETS, 'factory.py': factory }, 'train.py');
  assert.equal(fact(a, 'model')?.value, 'RiverSegmenter');
});

test('must not: returns that build different classes name no model', async () => {
  const text = LOOP(
    'def build(deep):\n    if deep:\n        return RiverSegmenter(3)\n    return PondSegmenter(3)\n\nmodel = build(True)',
    'from nets import RiverSegmenter, PondSegmenter',
  );
  const a = await analyze({ 'train.py': text, 'nets.py': NETS }, 'train.py');
  assert.equal(fact(a, 'model')?.value ?? undefined, undefined);
});

test('must not: a helper that hands back the model it is given, or returns a loss, names none', async () => {
  const given = LOOP(
    'def prepare(m):\n    crit = FocalLoss()\n    return m\n\nmodel = prepare(torch.load("net.pt"))',
    'from losses import FocalLoss',
  );
  const a = await analyze({ 'train.py': given }, 'train.py');
  assert.equal(fact(a, 'model')?.value ?? undefined, undefined);
  // An imported function the script calls but does not bind as its model: its return is not read.
  const loss = `from nets import FocalLoss\n\n\ndef get_loss():\n    return FocalLoss()\n`;
  const other = LOOP('criterion = get_loss()\nmodel = torch.load("net.pt")', 'from helpers import get_loss');
  const b = await analyze({ 'train.py': other, 'helpers.py': loss, 'nets.py': NETS }, 'train.py');
  assert.equal(fact(b, 'model')?.value ?? undefined, undefined);
});

test("must not: a library class's from_config is no project class", async () => {
  const text = LOOP('cfg = {"width": 3}\nmodel = UNet2DModel.from_config(cfg)', 'from diffusers import UNet2DModel');
  const a = await analyze({ 'train.py': text }, 'train.py');
  assert.notEqual(fact(a, 'model')?.value, 'UNet2DModel');
});

const ZOO = `from nets import RiverSegmenter, PondSegmenter


def get_model(args):
    if args.model == "river":
        model = RiverSegmenter(args.width)
    elif args.model.startswith("pond"):
        model = PondSegmenter.from_pretrained(args.model)
    return model
`;
const OPTS = (dflt: string) => `import argparse
import torch
from zoo import get_model

parser = argparse.ArgumentParser()
parser.add_argument("--model", default="${dflt}")
parser.add_argument("--width", type=int, default=3)
args = parser.parse_args()
model = get_model(args)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(4):
    loss = model(torch.zeros(2, 8)).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
`;

test("an imported factory given the script's options takes the branch the script's default chooses", async () => {
  const a = await analyze({ 'train.py': OPTS('pond-large'), 'zoo.py': ZOO, 'nets.py': NETS }, 'train.py');
  assert.equal(fact(a, 'model')?.value, 'pond-large');
  const b = await analyze({ 'train.py': OPTS('river'), 'zoo.py': ZOO, 'nets.py': NETS }, 'train.py');
  assert.equal(fact(b, 'model')?.value, 'river');
});

test('must not: a factory whose option the script does not pass reads no branch it cannot choose', async () => {
  const text = OPTS('pond-large').replace('model = get_model(args)', 'model = get_model(load_settings())');
  const a = await analyze({ 'train.py': text, 'zoo.py': ZOO, 'nets.py': NETS }, 'train.py');
  assert.notEqual(fact(a, 'model')?.value, 'pond-large');
});
