// A project's own data or tokeniser module, which no run starts by itself, is judged with the run of the training
// script that imports it (engine/link/importer-runs.ts): its training DataLoader and its padding get the findings of
// that run's GPU, on the module's own lines; a module that no training script imports stays silent.
// Fixtures written for this project in the style of small public PyTorch and Hugging Face projects.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, lineOf } from './helpers';
import type { DocumentAnalysis } from '../../server/review/analyze';

const DATASET = `import torch
from torch.utils.data import Dataset, DataLoader

class Frames(Dataset):
    def __init__(self, split):
        self.items = list(range(1000 if split == "train" else 100))

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return torch.randn(3, 224, 224), i % 10

train_loader = DataLoader(Frames("train"), batch_size=32, shuffle=True)
test_loader = DataLoader(Frames("test"), batch_size=32)
`;

const TRAIN = `import torch
import torchvision
from dataset import train_loader, test_loader

device = torch.device("cuda")
model = torchvision.models.resnet50(num_classes=10).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

for epoch in range(30):
    model.train()
    for x, y in train_loader:
        x, y = x.to(device), y.to(device)
        loss = torch.nn.functional.cross_entropy(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        for x, y in test_loader:
            model(x.to(device))
`;

const README = '# frames\n';
const at = (a: DocumentAnalysis, text: string) =>
  a.findings.map((f) => `${f.code}@${lineOf(text, f.span.start)}:${f.severity}`).sort();
const A100 = { hardware: 'A100' };

test("a dataset module imported by a training script: its training DataLoader is judged with that script's run", async () => {
  const files = { 'README.md': README, 'dataset.py': DATASET, 'train.py': TRAIN };
  const a = await analyze(files, 'dataset.py', A100);
  // Line 14 is the training loader; the test loader on line 15 feeds only the evaluation loop.
  assert.deepEqual(at(a, DATASET), ['GML401@14:warning', 'GML402@14:information']);
  assert.equal(a.runs.length, 0, 'the module starts no run of its own');
  assert.deepEqual(
    a.linked?.map((r) => r.plan.entry.file),
    ['/proj/train.py'],
  );
  // The script analysed itself reports nothing located in the module (each finding once, in its own file).
  const t = await analyze(files, 'train.py', A100);
  assert.ok(t.findings.every((f) => f.file === '/proj/train.py'));
  // The fix writes the module's own call.
  const fix = a.findings.find((f) => f.code === 'GML402')?.fixes[0]?.edits[0];
  assert.equal(fix?.file, '/proj/dataset.py');
  assert.equal(DATASET.slice(fix.start - 30, fix.start).includes('batch_size=32, shuffle=True'), true);
});

test('a data module that no training script imports, or only an evaluation script, stays silent', async () => {
  // No importer at all.
  const alone = await analyze({ 'README.md': README, 'dataset.py': DATASET }, 'dataset.py', A100);
  assert.deepEqual([alone.findings.length, alone.runs.length, alone.linked?.length ?? 0], [0, 0, 0]);
  // Imported by a script that only evaluates (no backward pass): no run to judge it with.
  const evaluate = TRAIN.replace(/^optimizer = .*\n/m, '').replace(
    / {8}optimizer\.zero_grad\(\)\n {8}loss\.backward\(\)\n {8}optimizer\.step\(\)\n/,
    '',
  );
  const ev = await analyze({ 'README.md': README, 'dataset.py': DATASET, 'evaluate.py': evaluate }, 'dataset.py', A100);
  assert.deepEqual([ev.findings.length, ev.linked?.length ?? 0], [0, 0]);
  // A training script that imports a module of that name from another package, and names this one in its docstring.
  const other = `"""Trains on the frames.\n\n    from dataset import train_loader   (the old layout)\n"""\n${TRAIN.replace('from dataset import', 'from legacy.dataset import')}`;
  const files = {
    'README.md': README,
    'dataset.py': DATASET,
    'legacy/__init__.py': '',
    'legacy/dataset.py': DATASET,
    'train.py': other,
  };
  const o = await analyze(files, 'dataset.py', A100);
  assert.deepEqual([o.findings.length, o.linked?.length ?? 0], [0, 0]);
  assert.deepEqual(at(await analyze(files, 'legacy/dataset.py', A100), DATASET), [
    'GML401@14:warning',
    'GML402@14:information',
  ]);
});

test("the importer's own loader, its CPU device: the module's DataLoader is not the run's, or not on a GPU", async () => {
  // The script builds its own training loader from the module's Dataset (with workers): the module's loaders are not
  // the run's.
  const own = TRAIN.replace(
    'from dataset import train_loader, test_loader',
    'from dataset import Frames, test_loader\nfrom torch.utils.data import DataLoader\ntrain_loader = DataLoader(Frames("train"), batch_size=64, num_workers=8, pin_memory=True)',
  );
  const a = await analyze({ 'README.md': README, 'dataset.py': DATASET, 'train.py': own }, 'dataset.py', A100);
  assert.deepEqual(at(a, DATASET), []);
  // A run on the CPU.
  const cpu = TRAIN.replace('torch.device("cuda")', 'torch.device("cpu")');
  const c = await analyze({ 'README.md': README, 'dataset.py': DATASET, 'train.py': cpu }, 'dataset.py');
  assert.deepEqual(at(c, DATASET), []);
});

const TOKENS = `from torch.utils.data import Dataset

class Reviews(Dataset):
    def __init__(self, texts, labels, tokenizer):
        self.enc = tokenizer(texts, truncation=True, padding="max_length", max_length=512)
        self.labels = labels

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        return {k: v[i] for k, v in self.enc.items()}, self.labels[i]
`;

const FINETUNE = (device: string) => `import torch
from transformers import AutoTokenizer, AutoModelForSequenceClassification
from torch.utils.data import DataLoader
from data.reviews import Reviews

tok = AutoTokenizer.from_pretrained("bert-base-uncased")
model = AutoModelForSequenceClassification.from_pretrained("bert-base-uncased", num_labels=2).to("${device}")
optimizer = torch.optim.AdamW(model.parameters(), lr=2e-5)
loader = DataLoader(Reviews(["a"] * 5000, [0] * 5000, tok), batch_size=16, shuffle=True, num_workers=4)

for epoch in range(3):
    for batch, labels in loader:
        out = model(**{k: v.to("${device}") for k, v in batch.items()}, labels=labels.to("${device}"))
        out.loss.backward()
        optimizer.step()
        optimizer.zero_grad()
`;

test("a tokenisation module padding every example to max_length: GML203 on its line, with the importer's GPU run of a language model", async () => {
  const files = {
    'README.md': README,
    'data/__init__.py': '',
    'data/reviews.py': TOKENS,
    'finetune.py': FINETUNE('cuda'),
  };
  // The importer fine-tunes a BERT classifier: padding to its 512 positions is how such runs feed it, not reported.
  const a = await analyze(files, 'data/reviews.py', A100);
  assert.deepEqual(at(a, TOKENS), []);
  // The same module feeding a causal LM: the waste GML203 is about, a warning.
  const lm = FINETUNE('cuda').replace(/AutoModelForSequenceClassification/g, 'AutoModelForCausalLM');
  const b = await analyze({ ...files, 'finetune.py': lm }, 'data/reviews.py', A100);
  assert.deepEqual(at(b, TOKENS), ['GML203@5:warning']);
  // The same module under a CPU run: not judged.
  const cpu = await analyze({ ...files, 'finetune.py': FINETUNE('cpu') }, 'data/reviews.py');
  assert.deepEqual(at(cpu, TOKENS), []);
});

const HELPERS = `def tokenize_pairs(batch, tokenizer):
    return tokenizer(batch["premise"], batch["hypothesis"], truncation=True, padding="max_length", max_length=256)


def tokenize(batch, tokenizer):
    return tokenizer(batch["text"], truncation=True, padding="max_length", max_length=128)


def preprocess(dataset, tokenizer):
    return dataset.map(lambda b: tokenize(b, tokenizer), batched=True)
`;

const MAPS = `import torch
from datasets import load_dataset
from transformers import AutoTokenizer, AutoModelForSequenceClassification
from torch.utils.data import DataLoader
from helpers import preprocess

tok = AutoTokenizer.from_pretrained("roberta-base")
model = AutoModelForSequenceClassification.from_pretrained("roberta-base", num_labels=2).cuda()
train = preprocess(load_dataset("imdb", split="train"), tok).with_format("torch")
loader = DataLoader(train, batch_size=32, shuffle=True, num_workers=4)
optimizer = torch.optim.AdamW(model.parameters(), lr=2e-5)
for epoch in range(3):
    for batch in loader:
        loss = model(input_ids=batch["input_ids"].cuda(), labels=batch["label"].cuda()).loss
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
`;

test('padding in the code the run reaches: the tokenise function its preprocessing maps, not an unused one', async () => {
  // The script trains a causal LM on the tokenised text (a classifier's padding to 128 would not be reported).
  const lm = MAPS.replace(/AutoModelForSequenceClassification/g, 'AutoModelForCausalLM');
  const files = { 'README.md': README, 'helpers.py': HELPERS, 'train.py': lm };
  // preprocess() maps tokenize() (line 6); tokenize_pairs() on line 2 is never reached from the script.
  assert.deepEqual(at(await analyze(files, 'helpers.py', A100), HELPERS), ['GML203@6:warning']);
  // The script uses only tokenize_pairs' sibling that pads per batch: no finding from the module at all.
  const perBatch = HELPERS.replace('truncation=True, padding="max_length", max_length=128', 'truncation=True');
  assert.deepEqual(at(await analyze({ ...files, 'helpers.py': perBatch }, 'helpers.py', A100), perBatch), []);
});

const FEATURES = `class Question:
    def features(self, tokenizer):
        return tokenizer(self.title, self.body, truncation=True, padding="max_length", max_length=512)
`;
const LOADER = `from torch.utils.data import DataLoader, Dataset
from structures.question import Question


class Questions(Dataset):
    def __init__(self, rows, tokenizer):
        self.items = [Question(*r).features(tokenizer) for r in rows]

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]


def get_loader(rows, tokenizer, batch_size):
    return DataLoader(Questions(rows, tokenizer), batch_size=batch_size, shuffle=True, num_workers=4)
`;
const TRIPLET = `import torch
from transformers import AutoModel, AutoTokenizer
from util.data_util import get_loader

tok = AutoTokenizer.from_pretrained("microsoft/codebert-base")
model = AutoModel.from_pretrained("microsoft/codebert-base").to("cuda")
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-5)
for epoch in range(3):
    for batch in get_loader([], tok, 12):
        loss = model(**{k: v.to("cuda") for k, v in batch.items()}).last_hidden_state.mean()
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
`;

test('a tokenising module reached through the data module the training script imports', async () => {
  const files = {
    'README.md': README,
    'structures/__init__.py': '',
    'structures/question.py': FEATURES,
    'util/__init__.py': '',
    'util/data_util.py': LOADER,
    'train.py': TRIPLET,
  };
  // The script names no head class and no language model (an encoder's hidden states): information.
  assert.deepEqual(at(await analyze(files, 'structures/question.py', A100), FEATURES), ['GML203@3:information']);
  // Two modules away (the training script imports a module that imports the data module): not followed.
  const far = {
    ...files,
    'util/data_util.py': LOADER.replace('from structures.question import Question', 'from util.middle import Question'),
    'util/middle.py': 'from structures.question import Question\n\n__all__ = [Question.__name__]\n',
  };
  assert.deepEqual(at(await analyze(far, 'structures/question.py', A100), FEATURES), []);
});

const PIPELINE = `import tensorflow as tf


def parse(record):
    return tf.io.parse_single_example(record, {"x": tf.io.FixedLenFeature([128], tf.float32), "y": tf.io.FixedLenFeature([], tf.int64)})


def make_dataset(path, batch_size):
    ds = tf.data.TFRecordDataset(path).map(parse, num_parallel_calls=tf.data.AUTOTUNE)
    return ds.shuffle(10000).batch(batch_size)
`;
const KERAS = `import tensorflow as tf
from pipeline import make_dataset

model = tf.keras.Sequential([tf.keras.layers.Dense(512, activation="relu"), tf.keras.layers.Dense(10)])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(make_dataset("train.tfrecord", 256), epochs=40)
`;

test('a tf.data pipeline module with no prefetch, imported by the Keras script that fits on it: GML403 on its batch', async () => {
  const files = { 'README.md': README, 'pipeline.py': PIPELINE, 'train.py': KERAS };
  assert.deepEqual(at(await analyze(files, 'pipeline.py', A100), PIPELINE), ['GML403@10:warning']);
  const prefetched = PIPELINE.replace('.batch(batch_size)', '.batch(batch_size).prefetch(tf.data.AUTOTUNE)');
  assert.deepEqual(at(await analyze({ ...files, 'pipeline.py': prefetched }, 'pipeline.py', A100), prefetched), []);
});

const CAPTIONS = `from torch.utils.data import Dataset
from PIL import Image


class Captioned(Dataset):
    def __init__(self, items, tokenizer, transform):
        self.items, self.tokenizer, self.transform = items, tokenizer, transform

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        path, caption = self.items[i]
        ids = self.tokenizer(caption, truncation=True, padding="max_length", max_length=self.tokenizer.model_max_length).input_ids
        return {"pixel_values": self.transform(Image.open(path)), "input_ids": ids}
`;
const TEXT_TO_IMAGE = `import argparse
import torch
from torch.utils.data import DataLoader
from diffusers import UNet2DConditionModel, DDPMScheduler
from transformers import CLIPTokenizer, CLIPTextModel
from captions import Captioned

p = argparse.ArgumentParser()
p.add_argument("--resolution", type=int, default=512)
p.add_argument("--train_batch_size", type=int, default=4)
args = p.parse_args()
tok = CLIPTokenizer.from_pretrained("runwayml/stable-diffusion-v1-5", subfolder="tokenizer")
text_encoder = CLIPTextModel.from_pretrained("runwayml/stable-diffusion-v1-5", subfolder="text_encoder").cuda()
unet = UNet2DConditionModel.from_pretrained("runwayml/stable-diffusion-v1-5", subfolder="unet").cuda()
optimizer = torch.optim.AdamW(unet.parameters(), lr=1e-5)
loader = DataLoader(Captioned([], tok, None), batch_size=args.train_batch_size, shuffle=True, num_workers=4)
for epoch in range(100):
    for batch in loader:
        states = text_encoder(batch["input_ids"].cuda())[0]
        loss = unet(batch["pixel_values"].cuda(), 10, states).sample.mean()
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
`;

test('must not: captions a text-to-image run tokenises to the text encoder length are conditioning, not padding waste', async () => {
  const files = { 'README.md': README, 'captions.py': CAPTIONS, 'train.py': TEXT_TO_IMAGE };
  const a = await analyze(files, 'captions.py', A100);
  assert.deepEqual(at(a, CAPTIONS), []);
  assert.equal(a.linked?.length, 1, 'judged with the run that imports it all the same');
});

test('must not: a tokenisation module imported by a Trainer script that states the CPU as its device', async () => {
  const trainer = `from transformers import AutoTokenizer, AutoModelForCausalLM, Trainer, TrainingArguments
from data.reviews import Reviews

tok = AutoTokenizer.from_pretrained("gpt2")
device = "cpu"
model = AutoModelForCausalLM.from_pretrained("gpt2")
model.to(device)
args = TrainingArguments(output_dir="out", per_device_train_batch_size=1, num_train_epochs=3)
Trainer(model=model, args=args, train_dataset=Reviews(["a"] * 5000, [0] * 5000, tok)).train()
`;
  const files = { 'README.md': README, 'data/__init__.py': '', 'data/reviews.py': TOKENS, 'train.py': trainer };
  assert.deepEqual(at(await analyze(files, 'data/reviews.py'), TOKENS), []);
  const gpu = trainer.replace('device = "cpu"', 'device = "cuda"');
  assert.deepEqual(at(await analyze({ ...files, 'train.py': gpu }, 'data/reviews.py'), TOKENS), ['GML203@5:warning']);
});
