// Findings on fresh repositories (rules lane, development round 29): a loader whose settings come from a dict of
// keyword arguments written in the script, a 🤗 Datasets training split cut with `.select(range(n))`, and the
// settings of an evaluation loader not read as the run's by the shared-vocabulary reader. Fixtures written for this
// project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const LOOP = `model = Net().to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=1e-2)
for epoch in range(20):
    for x, y in train_loader:
        loss = model(x.to(device)).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;
const LOADER = (kwargs: string, after = '') => `import torch
from torch.utils.data import DataLoader
from torchvision import datasets

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
train_kwargs = ${kwargs}
${after}
train_loader = DataLoader(datasets.CIFAR10("data", train=True), **train_kwargs)
${LOOP}`;

test('a loader given a dict of keywords without num_workers takes the default 0 and no pinning', async () => {
  const a = await analyze({ 'train.py': LOADER(`{'batch_size': 128, 'shuffle': True}`) }, 'train.py');
  assert.equal(fact(a, 'micro_batch')?.value, 128);
  assert.equal(fact(a, 'num_workers')?.value, 0);
  assert.equal(fact(a, 'num_workers')?.origin, 'framework-default');
  assert.equal(fact(a, 'pin_memory')?.value, false);
  assert.ok(a.findings.some((f) => f.code === 'GML401'));
});

test('a dict merged with a literal dict of GPU settings keeps them', async () => {
  const a = await analyze(
    {
      'train.py': LOADER(
        `{'batch_size': 128}`,
        `if torch.cuda.is_available():\n    train_kwargs.update({'num_workers': 4, 'pin_memory': True})`,
      ),
    },
    'train.py',
  );
  assert.equal(fact(a, 'num_workers')?.value, 4);
  assert.ok(!a.findings.some((f) => f.code === 'GML401' || f.code === 'GML402'));
});

test('must not: a dict set by subscript or merged with an unknown dict says nothing of the workers', async () => {
  for (const after of [`train_kwargs['num_workers'] = args_workers`, `train_kwargs.update(loader_options())`]) {
    const a = await analyze({ 'train.py': LOADER(`{'batch_size': 128}`, after) }, 'train.py');
    assert.equal(fact(a, 'num_workers'), undefined, after);
    assert.ok(!a.findings.some((f) => f.code === 'GML401'), after);
  }
});

const HF = (select: string) => `from datasets import load_dataset
from transformers import AutoModelForSequenceClassification, AutoTokenizer
from torch.utils.data import DataLoader
import torch

tok = AutoTokenizer.from_pretrained("bert-base-cased")
raw = load_dataset("yelp_review_full")
ds = raw.map(lambda b: tok(b["text"], truncation=True), batched=True)
${select}
train_loader = DataLoader(train_ds, shuffle=True, batch_size=8, num_workers=2)
model = AutoModelForSequenceClassification.from_pretrained("bert-base-cased", num_labels=5).to("cuda")
optimizer = torch.optim.AdamW(model.parameters(), lr=5e-5)
for epoch in range(3):
    for batch in train_loader:
        loss = model(**{k: v.to("cuda") for k, v in batch.items()}).loss
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
`;

test('a training split cut with .select(range(n)) trains on n examples, not the whole hub dataset', async () => {
  const a = await analyze(
    {
      'train.py': HF(
        `train_ds = ds["train"].shuffle(seed=42).select(range(1000))\neval_ds = ds["test"].select(range(500))`,
      ),
    },
    'train.py',
  );
  assert.equal(fact(a, 'dataset_size')?.value, 1000);
  // About 375 steps of BERT-base: far under an hour, so no checkpoint warning.
  assert.ok(!a.findings.some((f) => f.code === 'GML301' && f.severity === 'warning'));
});

test('must not: a subset of the evaluation split alone leaves the training size as loaded', async () => {
  const a = await analyze(
    { 'train.py': HF(`train_ds = ds["train"]\neval_ds = ds["test"].shuffle(seed=42).select(range(500))`) },
    'train.py',
  );
  assert.equal(fact(a, 'dataset_size')?.value, 650000);
});

test('must not: a loop that trains on the rows an evaluation loader is given is not read from it', async () => {
  const a = await analyze(
    {
      'utils.py': `def train_one_epoch(model, optimizer, data_loader, device, epoch):
    model.train()
    for x, y in data_loader:
        loss = model(x.to(device)).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`,
      'train.py': `import os
import torch
from torch.utils.data import DataLoader
from utils import train_one_epoch

def main(args):
    nw = min([os.cpu_count(), 8])
    train_loader = DataLoader(train_set, batch_size=args.bs, shuffle=True, pin_memory=True, num_workers=nw)
    valid_loader = DataLoader(valid_set, batch_size=1, shuffle=False, pin_memory=True, num_workers=0)
    model = MyModel().to(args.device)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    for epoch in range(args.epochs):
        train_one_epoch(model=model, optimizer=optimizer, data_loader=train_loader, device=args.device, epoch=epoch)
`,
    },
    'train.py',
  );
  assert.notEqual(fact(a, 'num_workers')?.value, 0);
  assert.ok(!a.findings.some((f) => f.code === 'GML401'));
});

test('the shared-vocabulary reader takes no keyword of an evaluation loader when one is named for training', async () => {
  const { pythonParser, parsePython } = await import('../../engine/parse/python');
  const { pythonEntries } = await import('../../engine/extract/generic/python');
  const text = `train_loader = DataLoader(train_set, batch_size=32, num_workers=nw)
valid_loader = DataLoader(valid_set, batch_size=1, num_workers=0)
`;
  const tree = parsePython(await pythonParser(), text);
  const keys = pythonEntries('train.py', text, tree).entries.map((e) => `${e.path.join('.')}=${String(e.value)}`);
  assert.ok(!keys.some((k) => /num_workers=0$/.test(k)), keys.join(' '));
  assert.ok(keys.includes('train_loader.batch_size=32'), keys.join(' '));
  // A lone loader, whatever its name, is the training one: its keywords stay.
  const one = `loader = DataLoader(ds, batch_size=16, num_workers=0)\n`;
  const oneKeys = pythonEntries('a.py', one, parsePython(await pythonParser(), one)).entries.map((e) =>
    e.path.join('.'),
  );
  assert.ok(oneKeys.includes('loader.num_workers'), oneKeys.join(' '));
});

test('must not: a subset taken only in a debug branch or under a switch off by default is not the run', async () => {
  for (const guard of ['if debug:', 'if args.small:']) {
    const select = `import argparse
parser = argparse.ArgumentParser()
parser.add_argument("--small", action="store_true")
args = parser.parse_args()
debug = False
train_ds = ds["train"]
${guard}
    train_ds = train_ds.select(range(200))`;
    const a = await analyze({ 'train.py': HF(select) }, 'train.py');
    assert.equal(fact(a, 'dataset_size')?.value, 650000, guard);
  }
});

test('must not: a subset assigned to a name the script never reads again is not the training data', async () => {
  const select = `small_train = ds["train"].shuffle(seed=42).select(range(1000))
train_ds = ds["train"]`;
  const a = await analyze({ 'train.py': HF(select) }, 'train.py');
  assert.equal(fact(a, 'dataset_size')?.value, 650000);
});
