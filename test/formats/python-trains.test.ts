// A Python file that trains a model is a run whatever library it trains with; one that does not train is none
// (engine/extract/python-trains.ts). Fixtures written for these tests, in the style of public examples.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyze, fact, theRun } from './helpers';

const runsOf = async (files: Record<string, string>, target: string) => {
  const a = await analyze(files, target);
  return [...a.runs, ...(a.linked ?? [])].filter((r) => r.plan.entry.file.endsWith(target));
};
const value = (a: Awaited<ReturnType<typeof analyze>>, k: Parameters<typeof fact>[1]) => {
  const f = fact(a, k);
  return f && f.origin !== 'assumed' ? f.value : undefined;
};

test('a recommender fitted with batch and epochs is a run; the training call wins over a predict call', async () => {
  const src = `import pandas as pd
from ctrlib.models import WideDeep

data = pd.read_csv("clicks.csv")
model = WideDeep(columns=list(data.columns))
model.compile("adam", "binary_crossentropy")
history = model.fit(data, data["label"].values, batch_size=512, epochs=6, validation_split=0.1)
scores = model.predict(data, batch_size=4096)
`;
  const a = await analyze({ 'run_ctr.py': src }, 'run_ctr.py');
  assert.equal(value(a, 'micro_batch'), 512);
  assert.equal(value(a, 'epochs'), 6);
  assert.equal(fact(a, 'epochs')?.origin, 'inferred');
  assert.match(theRun(a).plan.entry.label, /model\.fit/);
  // Neither PyTorch nor Keras is imported here: no precision is claimed for the library it uses.
  assert.equal(value(a, 'precision'), undefined);
});

test('gradient boosting: boosting rounds are the run length, one cuda device is stated, no batch or precision', async () => {
  const src = `import xgboost as xgb

dtrain = xgb.DMatrix("train.svm")
params = {"max_depth": 6, "eta": 0.3, "device": "cuda"}
rounds = 40
booster = xgb.train(params, dtrain, num_boost_round=rounds)
booster.save_model("model.json")
`;
  const a = await analyze({ 'boost.py': src }, 'boost.py');
  assert.equal(value(a, 'max_steps'), 40);
  assert.equal(value(a, 'devices'), 1);
  assert.match(fact(a, 'devices')?.note ?? '', /"cuda"/);
  for (const k of ['micro_batch', 'seq_len', 'grad_accum', 'precision'] as const)
    assert.equal(value(a, k), undefined, k);
});

test('a chemistry model fitted for nb_epoch epochs, and a scikit-learn style net built with its settings', async () => {
  const chem = `from molkit import models, datasets

train, valid = datasets.load_solubility()
model = models.GraphConvModel(n_tasks=1, mode="regression", batch_size=64)
model.fit(train, nb_epoch=30)
`;
  const a = await analyze({ 'fit_graphconv.py': chem }, 'fit_graphconv.py');
  assert.equal(value(a, 'epochs'), 30);
  assert.equal(value(a, 'micro_batch'), 64);
  const net = `import torch
from netlib import NeuralNetClassifier
from mymodels import ConvNet

EPOCHS = 12
net = NeuralNetClassifier(ConvNet, max_epochs=EPOCHS, batch_size=128, lr=0.05, device="cuda")
if __name__ == "__main__":
    X, y = torch.load("data.pt")
    net.fit(X, y)
`;
  const b = await analyze({ 'fit_net.py': net }, 'fit_net.py');
  assert.deepEqual(
    ['micro_batch', 'epochs', 'devices', 'precision'].map((k) => value(b, k as never)),
    [128, 12, 1, 'fp32'],
  );
  assert.match(fact(b, 'precision')?.note ?? '', /no.*autocast|none of them/);
});

test('an RL script whose loop calls its agent to learn, with argparse settings, is a run', async () => {
  const src = `import argparse
import torch
from agents import DQNAgent
from envs import make_env

parser = argparse.ArgumentParser()
parser.add_argument("--batch-size", type=int, default=32)
parser.add_argument("--episodes", type=int, default=500)
args = parser.parse_args()
env = make_env("Pong")
agent = DQNAgent(env.action_space, lr=1e-4)
for episode in range(args.episodes):
    state, done = env.reset(), False
    while not done:
        state, reward, done = env.step(agent.act(state))
        agent.learn(args.batch_size)
`;
  const a = await analyze({ 'main.py': src }, 'main.py');
  assert.equal(value(a, 'micro_batch'), 32);
  assert.equal(value(a, 'precision'), 'fp32');
  // No device is named: none is claimed.
  assert.equal(value(a, 'devices'), undefined);
});

test('files that do not train give no run: inference, evaluation, data preparation, model definitions, library modules, tests', async () => {
  const cases: Record<string, string> = {
    'infer.py': `import argparse
import torch
from model import Net

p = argparse.ArgumentParser()
p.add_argument("--batch_size", type=int, default=64)
p.add_argument("--fp16", action="store_true")
p.add_argument("--num_workers", type=int, default=8)
p.add_argument("--max_seq_length", type=int, default=512)
args = p.parse_args()
model = Net().eval()
with torch.no_grad():
    for batch in loader(args.batch_size):
        print(model(batch).argmax(-1))
`,
    'evaluate.py': `import torch
from model import Net

model = Net()
model.load_state_dict(torch.load("ckpt.pt"))
model.train(False)
for epoch_ckpt in ["a.pt", "b.pt"]:
    print(evaluate(model, epoch_ckpt))
`,
    'prepare.py': `import pandas as pd
from sklearn.preprocessing import StandardScaler
import sentencepiece as spm

df = pd.read_csv("raw.csv")
scaler = StandardScaler()
scaler.fit(df.values)
spm.SentencePieceTrainer.train(input="corpus.txt", model_prefix="sp", vocab_size=8000)
df.to_parquet("clean.parquet")
`,
    'model.py': `import torch.nn as nn

class Net(nn.Module):
    def __init__(self, hidden=256):
        super().__init__()
        self.fc = nn.Linear(hidden, 10)

    def forward(self, x):
        return self.fc(x)
`,
    'test_net.py': `import pytest
import torch
from netlib import NeuralNetClassifier

def test_fit_runs(data):
    net = NeuralNetClassifier(torch.nn.Linear(4, 2), max_epochs=2, batch_size=16, lr=0.1)
    net.fit(*data)
    assert len(net.history) == 2
`,
    'training_loop.py': `from typing import ClassVar
import torch

class TrainingLoop:
    hpo_default: ClassVar = dict(num_epochs=dict(low=100, high=1000), batch_size=dict(low=4, high=12))

    def train(self, num_epochs=1, batch_size=256, learning_rate=0.01, optimizer="adam"):
        return self._train(num_epochs=num_epochs, batch_size=batch_size, lr=learning_rate)

    def _train(self, num_epochs, batch_size, lr):
        opt = torch.optim.Adam(self.model.parameters(), lr=lr)
        return self.loop(epochs=num_epochs, batch_size=batch_size, optimizer=opt, gradient_clip=1.0)
`,
    'tutorial.py': `from kglib.training import SLCWATrainingLoop
from kglib.datasets import Nations

data = Nations()
loop = SLCWATrainingLoop(triples_factory=data.training, model=None, optimizer=None)
`,
  };
  for (const [name, src] of Object.entries(cases))
    assert.equal((await runsOf({ [name]: src }, name)).length, 0, `${name} is not a training run`);
});

test('a trainer class driven from an entry script: the entry is a run', async () => {
  const files = {
    'trainer.py': `import torch

class Trainer:
    def __init__(self, model, loader, epochs=200):
        self.model, self.loader, self.epochs = model, loader, epochs
        self.opt = torch.optim.Adam(model.parameters())

    def train(self):
        for epoch in range(self.epochs):
            for x, y in self.loader:
                loss = self.model(x, y)
                self.opt.zero_grad()
                loss.backward()
                self.opt.step()
`,
    'main.py': `from trainer import Trainer
from data import get_loader
from model import Net

if __name__ == "__main__":
    trainer = Trainer(Net(), get_loader(batch_size=128))
    trainer.train()
`,
  };
  assert.equal((await runsOf(files, 'main.py')).length, 1);
});

test('mixed precision anywhere in the file: no fp32 default; Keras replicas: the batch is global over the GPUs', async () => {
  const amp = `import torch
from lib import build, fit_model

model = build()
scaler = torch.cuda.amp.GradScaler()
if __name__ == "__main__":
    model.fit(loader, epochs=10, scaler=scaler)
`;
  const a = await analyze({ 'train_amp.py': amp }, 'train_amp.py');
  assert.equal(value(a, 'epochs'), 10);
  assert.equal(value(a, 'precision'), undefined);
  const keras = `from tensorflow.keras.utils import multi_gpu_model
from ctrlib.models import DeepFM

model = multi_gpu_model(DeepFM(features), gpus=4)
model.compile("adam", "mse")
model.fit(x, y, batch_size=1024, epochs=3)
`;
  const b = await analyze({ 'multi.py': keras }, 'multi.py');
  // multi_gpu_model splits each batch over the GPUs ("if your batch_size is 64 and you use gpus=2, then we will divide
  // the input into 2 sub-batches of 32 samples", https://keras.io/api/utils/multi_gpu_model/): 256 per GPU.
  assert.deepEqual(
    ['devices', 'global_batch', 'micro_batch'].map((k) => value(b, k as never)),
    [4, 1024, 256],
  );
});

test('a parser filling the file’s own TrainingArguments dataclass is not the Hugging Face Trainer', async () => {
  const src = `from dataclasses import dataclass, field
from transformers import HfArgumentParser
from taglib.trainers import ModelTrainer

@dataclass
class TrainingArguments:
    num_epochs: int = field(default=7)
    batch_size: int = field(default=16)
    learning_rate: float = field(default=5e-5)

def main():
    (args,) = HfArgumentParser((TrainingArguments,)).parse_args_into_dataclasses()
    trainer = ModelTrainer(tagger, corpus)
    trainer.fine_tune("out", learning_rate=args.learning_rate, mini_batch_size=args.batch_size, max_epochs=args.num_epochs)

if __name__ == "__main__":
    main()
`;
  const a = await analyze({ 'run_ner.py': src }, 'run_ner.py');
  assert.notEqual(theRun(a).plan.framework, 'hf-trainer');
  assert.deepEqual([value(a, 'epochs'), value(a, 'micro_batch')], [7, 16]);
});

test('a word-vector library trained with train_supervised(epoch=…) is a run of that many epochs', async () => {
  const src = `import os
from wordvec import train_supervised

if __name__ == "__main__":
    model = train_supervised(input="reviews.train", epoch=15, lr=0.5, wordNgrams=2)
    model.save_model("reviews.bin")
`;
  const a = await analyze({ 'train_text.py': src }, 'train_text.py');
  assert.equal(value(a, 'epochs'), 15);
  assert.match(fact(a, 'epochs')?.note ?? '', /epoch=15/);
  // `train_test_split(X, y, test_size=0.2)` is not training.
  const split = `from sklearn.model_selection import train_test_split
import numpy as np
X, y = np.load("x.npy"), np.load("y.npy")
a, b, c, d = train_test_split(X, y, test_size=0.2)
np.save("a.npy", a)
`;
  assert.equal((await runsOf({ 'split.py': split }, 'split.py')).length, 0);
});

test('a loop whose batch and epochs are handed down through several functions takes them from the module constants', async () => {
  const src = `import argparse
import torch
from torch.utils.data import DataLoader, TensorDataset

BATCH_SIZE = 96
MAX_EPOCHS = 7

def one_epoch(model, loader, opt):
    for x, y in loader:
        loss = torch.nn.functional.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()

def train(model, X, y, batch_size, device, max_epochs):
    model = model.to(device)
    loader = DataLoader(TensorDataset(X, y), batch_size=batch_size)
    opt = torch.optim.Adadelta(model.parameters(), lr=0.1)
    for epoch in range(max_epochs):
        one_epoch(model, loader, opt)
    return model

def performance(X, y, batch_size, device, max_epochs):
    model = train(torch.nn.Linear(4, 2), X, y, batch_size=batch_size, device=device, max_epochs=max_epochs)
    return model

def main(device):
    data = torch.load("d.pt")
    performance(*data, batch_size=BATCH_SIZE, max_epochs=MAX_EPOCHS, device=device)

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--device", default="cuda")
    main(device=parser.parse_args().device)
`;
  const a = await analyze({ 'bench.py': src }, 'bench.py');
  assert.deepEqual(
    ['micro_batch', 'epochs'].map((k) => [value(a, k as never), fact(a, k as never)?.origin]),
    [
      [96, 'inferred'],
      [7, 'inferred'],
    ],
  );
});

test('the backward pass is read as the engine reads it everywhere: a loss scaler that runs backward and the optimizer step counts', async () => {
  const { pythonParser, parsePython } = await import('../../engine/parse/python');
  const { trainingEvidence, TRAINS_AT } = await import('../../engine/extract/python-trains');
  const parser = await pythonParser();
  const evidence = (src: string) => trainingEvidence(parsePython(parser, src), src);
  const body = (line: string) => `from mylib import build, batches

net, optimizer, loss_scaler = build()
for x, y in batches():
    loss = net(x, y)
    ${line}
`;
  const scaled = evidence(body('loss_scaler(loss, optimizer, parameters=net.parameters())'));
  assert.ok(scaled.stepLoop && scaled.code >= TRAINS_AT, scaled.reasons.join('; '));
  // A scaler called on something else is not a backward pass.
  assert.equal(evidence(body('loss_scaler(x)')).stepLoop, false);
});
