// An entry script whose training runs through a framework's own loop in a repository module it imports (a Keras
// `fit` in a helper taken with `from classifier import *`, a Hugging Face `trainer.train()` in a trainer module, a
// TensorFlow `apply_gradients` loop in a model class): the script's run is the module's, read through the script's
// arguments and calls (engine/link/framework-step.ts, engine/link/imports.ts). Fixtures written for this project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, theRun } from './helpers';

const HF_MAIN = `import argparse
from trainer_utils import run_training

def get_config():
    p = argparse.ArgumentParser()
    p.add_argument("--batch_size", type=int, default=8)
    p.add_argument("--epochs", type=int, default=3)
    return p.parse_args()

if __name__ == "__main__":
    config = get_config()
    run_training(config)
`;
const HF_MOD = (call: string) => `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

def build_trainer(config, model):
    return Trainer(model=model, args=TrainingArguments(
        output_dir="out", per_device_train_batch_size=config.batch_size,
        num_train_epochs=config.epochs, bf16=True, optim="adamw_torch"))

def run_training(config):
    model = AutoModelForCausalLM.from_pretrained("gpt2")
    trainer = build_trainer(config, model)
    ${call}
`;

test("a Hugging Face Trainer trained in an imported module: the script's run, with the script's argument defaults", async () => {
  const a = await analyze({ 'main.py': HF_MAIN, 'trainer_utils.py': HF_MOD('trainer.train()') }, 'main.py');
  const run = theRun(a);
  assert.equal(run.plan.entry.file, '/proj/main.py');
  assert.ok(run.plan.files.includes('/proj/trainer_utils.py'));
  assert.equal(fact(a, 'micro_batch')?.value, 8);
  assert.equal(fact(a, 'epochs')?.value, 3);
  assert.equal(fact(a, 'precision')?.value, 'bf16');
  assert.equal(fact(a, 'optimizer')?.value, 'adamw_torch');
});

test('must not: a module whose Trainer only evaluates gives the script no run', async () => {
  const a = await analyze({ 'main.py': HF_MAIN, 'trainer_utils.py': HF_MOD('trainer.evaluate()') }, 'main.py');
  assert.equal(a.runs.length, 0);
});

const K_MAIN = (call: string, own = '') => `import numpy as np
from classifier import *
${own}
x = np.load("x.npy")
y = np.load("y.npy")
model = build_model()
${call}
`;
const K_MOD = `import os
from tensorflow import keras

def build_model():
    return keras.Sequential([keras.layers.Dense(10)])

def train(model, x, y, batch_size, epochs):
    model.compile(optimizer="adam", loss="mse")
    model.fit(x, y, batch_size=batch_size, epochs=epochs)
    model.save_weights(os.path.join("out", "w.h5"))

def score(model, x, y):
    return model.evaluate(x, y, batch_size=64)
`;

test('a Keras fit in a helper taken by a star import: a run of the script, with the batch and epochs it passes', async () => {
  const a = await analyze({ 'main.py': K_MAIN('train(model, x, y, 128, 100)'), 'classifier.py': K_MOD }, 'main.py');
  const run = theRun(a);
  assert.equal(run.plan.entry.file, '/proj/main.py');
  assert.equal(fact(a, 'micro_batch')?.value, 128);
  assert.equal(fact(a, 'epochs')?.value, 100);
  assert.equal(fact(a, 'optimizer')?.value, 'adam');
});

test('must not: a script that only builds the model and evaluates it through the star-imported module has no run', async () => {
  const a = await analyze({ 'main.py': K_MAIN('print(score(model, x, y))'), 'classifier.py': K_MOD }, 'main.py');
  assert.equal(a.runs.length, 0);
});

test("must not: a name the script defines itself is not the star-imported module's", async () => {
  const own = 'def train(model, x, y, b, e):\n    return None\n';
  const a = await analyze(
    { 'main.py': K_MAIN('train(model, x, y, 128, 100)', own), 'classifier.py': K_MOD },
    'main.py',
  );
  assert.equal(a.runs.length, 0);
});

test("must not: scikit-learn's fit in a helper module is no training run of a deep-learning framework", async () => {
  const mod = `from sklearn.linear_model import LogisticRegression

def build_model():
    return LogisticRegression()

def train(model, x, y, batch_size, epochs):
    model.fit(x, y)
`;
  const a = await analyze({ 'main.py': K_MAIN('train(model, x, y, 128, 100)'), 'classifier.py': mod }, 'main.py');
  assert.equal(a.runs.length, 0);
});
