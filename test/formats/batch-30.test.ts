// Batch of development round 30. (1) A script that reads its config file through a `with open(…) as f:` block and
// hands the config's values to the call that takes them (`TrainingArguments(per_device_train_batch_size=cfg[…])`,
// `DataLoader(batch_size=cfg[…])`): the values come from that config. (2) A Lightning script that hands `fit` a
// DataModule built in another module with a `batch_size`: that is the run's micro-batch. Fixtures written for this
// project; must-not cases: the eval batch is never taken, a global batch is never given with an unknown device count.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const HF = (open: string) => `import yaml
from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
${open}
model = AutoModelForCausalLM.from_pretrained(config["model"]["name"])
args = TrainingArguments(
    output_dir="out",
    per_device_train_batch_size=config["training"]["batch_size"],
    per_device_eval_batch_size=config["training"]["eval_batch_size"],
    gradient_accumulation_steps=config["training"]["accumulation"],
    num_train_epochs=config["training"]["epochs"],
)
Trainer(model=model, args=args, train_dataset=None).train()
`;
const YAML = `model:
  name: gpt2
training:
  batch_size: 6
  eval_batch_size: 64
  accumulation: 4
  epochs: 2
`;

test('HF script: `with open("config.yaml") as f: config = yaml.safe_load(f)` fills TrainingArguments from it', async () => {
  const text = HF('with open("config.yaml", "r") as f:\n    config = yaml.safe_load(f)');
  const a = await analyze({ 'train.py': text, 'config.yaml': YAML }, 'train.py');
  assert.equal(fact(a, 'micro_batch')?.value, 6); // never the eval batch 64
  assert.equal(fact(a, 'micro_batch')?.origin, 'inferred');
  assert.equal(fact(a, 'grad_accum')?.value, 4);
  assert.equal(fact(a, 'epochs')?.value, 2);
  // One process of a Trainer may still use every visible GPU: no global batch on an assumed device count.
  assert.equal(fact(a, 'global_batch')?.value ?? null, null);
});

test('HF script: a config that does not state the key leaves the value unknown', async () => {
  const text = HF('with open("config.yaml") as f:\n    config = yaml.safe_load(f)');
  const a = await analyze(
    { 'train.py': text, 'config.yaml': 'model:\n  name: gpt2\ntraining:\n  epochs: 1\n' },
    'train.py',
  );
  assert.equal(fact(a, 'micro_batch')?.value ?? null, null);
  assert.equal(fact(a, 'grad_accum')?.value ?? null, null);
});

test('HF script: the config keys alone (no expression of the script reads them) give nothing', async () => {
  // The script reads only the model name from the config; the config's batch key is not the Trainer's.
  const text = `import yaml
from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
with open("config.yaml") as f:
    config = yaml.safe_load(f)
model = AutoModelForCausalLM.from_pretrained(config["model"]["name"])
Trainer(model=model, args=TrainingArguments(output_dir="out"), train_dataset=None).train()
`;
  const a = await analyze({ 'train.py': text, 'config.yaml': YAML }, 'train.py');
  assert.notEqual(fact(a, 'micro_batch')?.value, 6);
  assert.notEqual(fact(a, 'micro_batch')?.value, 64);
});

test('PyTorch loop: `with open(…) as f: cfg = yaml.full_load(f)` gives the training DataLoader its batch', async () => {
  const text = `import yaml
import torch
from torch.utils.data import DataLoader
with open("cfg.yaml") as fh:
    cfg = yaml.full_load(fh)
model = torch.nn.Linear(8, 2).cuda()
opt = torch.optim.Adam(model.parameters())
train_loader = DataLoader(train_set, batch_size=cfg["batch_size"], shuffle=True)
val_loader = DataLoader(val_set, batch_size=cfg["val_batch_size"])
for epoch in range(cfg["epochs"]):
    for x, y in train_loader:
        loss = model(x.cuda()).sum()
        loss.backward()
        opt.step()
        opt.zero_grad()
`;
  const a = await analyze(
    { 'train.py': text, 'cfg.yaml': 'batch_size: 24\nval_batch_size: 200\nepochs: 7\n' },
    'train.py',
  );
  assert.equal(fact(a, 'micro_batch')?.value, 24);
  assert.equal(fact(a, 'epochs')?.value, 7);
  assert.equal(fact(a, 'global_batch')?.value, 24);
});

const LIT = (
  data: string,
  fit: string,
  trainer = 'L.Trainer(max_epochs=3, accelerator="gpu", devices=1)',
) => `import lightning as L
from data import ImagesDataModule
from model import Net

BATCH_SIZE = 48
${data}
trainer = ${trainer}
${fit}
`;

test('Lightning: a DataModule built with batch_size and handed to fit is the micro-batch', async () => {
  for (const [data, fit] of [
    ['dm = ImagesDataModule(data_dir="data", batch_size=BATCH_SIZE)', 'trainer.fit(Net(), dm)'],
    ['dm = ImagesDataModule(batch_size=BATCH_SIZE)', 'trainer.fit(model=Net(), datamodule=dm)'],
    ['', 'trainer.fit(Net(), datamodule=ImagesDataModule(batch_size=BATCH_SIZE))'],
  ]) {
    const a = await analyze({ 'train.py': LIT(data!, fit!) }, 'train.py');
    assert.equal(fact(a, 'micro_batch')?.value, 48, fit);
    assert.equal(fact(a, 'global_batch')?.value, 48, fit);
  }
});

test('Lightning: a DataModule not handed to fit (an evaluation one) gives no batch', async () => {
  const text = LIT(
    'dm = ImagesDataModule(batch_size=BATCH_SIZE)\ntest_dm = ImagesDataModule(batch_size=1)',
    'trainer.fit(Net(), train_dataloaders=make_train())\ntrainer.test(Net(), datamodule=test_dm)',
  );
  const a = await analyze({ 'train.py': text }, 'train.py');
  assert.notEqual(fact(a, 'micro_batch')?.value, 48);
  assert.notEqual(fact(a, 'micro_batch')?.value, 1);
});

test('Lightning: every visible GPU (devices not written) keeps the global batch unknown', async () => {
  const text = LIT('dm = ImagesDataModule(batch_size=BATCH_SIZE)', 'trainer.fit(Net(), dm)', 'L.Trainer(max_epochs=3)');
  const a = await analyze({ 'train.py': text }, 'train.py');
  assert.equal(fact(a, 'micro_batch')?.value, 48);
  assert.equal(fact(a, 'global_batch')?.value ?? null, null);
});

test('Lightning: a DataModule defined in the file, its loader batch `self.batch_size`, takes the batch fit is given', async () => {
  const text = `import lightning as L
from torch.utils.data import DataLoader


class Digits(L.LightningDataModule):
    def __init__(self, path, batch_size):
        super().__init__()
        self.path = path
        self.batch_size = batch_size

    def train_dataloader(self):
        return DataLoader(self.train_ds, shuffle=True, batch_size=self.batch_size)


dm = Digits("data", batch_size=8)
dm = Digits("data", batch_size=20)
trainer = L.Trainer(max_epochs=2, accelerator="gpu", devices=1)
trainer.fit(Net(), dm)
`;
  const a = await analyze({ 'train.py': text }, 'train.py');
  assert.equal(fact(a, 'micro_batch')?.value, 20); // the binding in effect at the fit
});

test('Lightning: a DataModule bound under a condition gives no batch', async () => {
  const text = LIT(
    'if BATCH_SIZE > 32:\n    dm = ImagesDataModule(batch_size=BATCH_SIZE)\nelse:\n    dm = ImagesDataModule(batch_size=8)',
    'trainer.fit(Net(), dm)',
  );
  const a = await analyze({ 'train.py': text }, 'train.py');
  assert.equal(fact(a, 'micro_batch')?.value ?? null, null);
});

test('Keras: a model imported from the project, compiled with a loss and fit here, is a Keras run', async () => {
  const text = `from data_prep import x_train, y_train
from my_model import model

model.compile(loss="categorical_crossentropy", optimizer="rmsprop", metrics=["accuracy"])
history = model.fit(x_train, y_train, epochs=12, batch_size=64, validation_split=0.2)
`;
  const a = await analyze({ 'training.py': text }, 'training.py');
  assert.equal(a.runs[0]?.plan.framework, 'keras');
  assert.equal(fact(a, 'micro_batch')?.value, 64);
  assert.equal(fact(a, 'grad_accum')?.value, 1);
  assert.equal(fact(a, 'epochs')?.value, 12);
});

test('Keras: `torch.compile(model)` and a scikit-learn `fit` are no Keras run', async () => {
  const text = `import torch
from sklearn.linear_model import LogisticRegression
model = torch.compile(torch.nn.Linear(4, 2), mode="max-autotune")
clf = LogisticRegression().fit(x, y)
`;
  const a = await analyze({ 'fit.py': text }, 'fit.py');
  assert.ok(!a.runs.some((r) => r.plan.framework === 'keras'));
});
