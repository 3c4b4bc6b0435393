// Scripts that build a framework's training objects but never train with them start no run of their own
// (engine/extract/no-training-call.ts); scripts that train keep theirs. Fixtures written for these tests.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyze } from './helpers';

const ownRuns = async (files: Record<string, string>, target: string) => {
  const a = await analyze(files, target);
  return [...a.runs, ...(a.linked ?? [])].filter((r) => r.plan.entry.file.endsWith(target));
};

const HF_HEAD = `from transformers import AutoModelForSequenceClassification, HfArgumentParser, Trainer, TrainingArguments
from args import ModelArgs

def main():
    parser = HfArgumentParser((ModelArgs, TrainingArguments))
    model_args, training_args = parser.parse_args_into_dataclasses()
    model = AutoModelForSequenceClassification.from_pretrained(model_args.checkpoint)
    trainer = Trainer(model=model, args=training_args, eval_dataset=load_eval())
`;

test('a Hugging Face script that only predicts and evaluates with its Trainer is no run', async () => {
  const src = `${HF_HEAD}    if training_args.do_predict:
        out = trainer.predict(load_test())  # no trainer.train() here
        save(out)
    if training_args.do_eval:
        print(trainer.evaluate())

if __name__ == "__main__":
    main()
`;
  assert.equal((await ownRuns({ 'predict.py': src }, 'predict.py')).length, 0);
  // The command that runs it starts no run either.
  const sh = 'python predict.py --output_dir out --do_predict --per_device_eval_batch_size 32\n';
  assert.equal((await ownRuns({ 'predict.py': src, 'predict.sh': sh }, 'predict.sh')).length, 0);
});

test('a Hugging Face script whose training call sits behind do_train is still a run', async () => {
  const src = `${HF_HEAD}    if training_args.do_train:
        trainer.train()
    if training_args.do_eval:
        print(trainer.evaluate())

if __name__ == "__main__":
    main()
`;
  assert.equal((await ownRuns({ 'run_cls.py': src }, 'run_cls.py')).length, 1);
});

test('TrainingArguments parsed for a retrieval script that never trains: no run; a trainer handed to a helper: a run', async () => {
  const retrieval = `from transformers import HfArgumentParser, TrainingArguments
from args import DataArgs

if __name__ == "__main__":
    parser = HfArgumentParser((DataArgs, TrainingArguments))
    data_args, training_args = parser.parse_args_into_dataclasses()
    index = build_index(data_args.corpus)
    for q in load_questions(data_args.split):
        print(index.search(q, data_args.top_k))
`;
  assert.equal((await ownRuns({ 'search.py': retrieval }, 'search.py')).length, 0);
  const helper = `from transformers import Trainer, TrainingArguments
from loops import run_training

if __name__ == "__main__":
    args = TrainingArguments(output_dir="out", per_device_train_batch_size=8, num_train_epochs=2)
    trainer = Trainer(model=build(), args=args, train_dataset=load())
    run_training(trainer)
`;
  assert.equal((await ownRuns({ 'launch.py': helper }, 'launch.py')).length, 1);
});

test('a Lightning Trainer built only to test a checkpoint is no run; one that fits is', async () => {
  const testOnly = `import pytorch_lightning as pl
from model import Net
from data import Digits

net = Net.load_from_checkpoint("checkpoints/best.ckpt")
trainer = pl.Trainer(accelerator="gpu", devices=1)
if __name__ == "__main__":
    trainer.test(net, datamodule=Digits(batch_size=256))
`;
  assert.equal((await ownRuns({ 'evaluate.py': testOnly }, 'evaluate.py')).length, 0);
  const fit = testOnly
    .replace('Net.load_from_checkpoint("checkpoints/best.ckpt")', 'Net()')
    .replace('trainer.test(net', 'trainer.fit(net');
  assert.equal((await ownRuns({ 'train.py': fit }, 'train.py')).length, 1);
});

test('a script that defines a LightningModule but only loads weights and scores them is no run; a module of it is', async () => {
  const module = `import torch
import pytorch_lightning as pl

class Classifier(pl.LightningModule):
    def __init__(self, backbone):
        super().__init__()
        self.backbone = backbone

    def training_step(self, batch, _):
        x, y = batch
        return torch.nn.functional.cross_entropy(self.backbone(x), y)

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=1e-3)
`;
  const scoring = `${module}
def score(model, loader):
    with torch.no_grad():
        return sum((model(x).argmax(1) == y).sum().item() for x, y in loader)

model = load_backbone()
model.load_state_dict(torch.load("weights.pt"))
print(score(model, load_loader()))
`;
  assert.equal((await ownRuns({ 'metrics.py': scoring }, 'metrics.py')).length, 0);
  assert.equal((await ownRuns({ 'classifier.py': module }, 'classifier.py')).length, 1);
  // A module whose main block only checks a forward pass on the GPU (a loader method defined, not called).
  const check = `${module}
    def train_dataloader(self):
        return make_loader(self.root)

if __name__ == "__main__":
    net = Classifier(make_backbone()).cuda()
    print(net(torch.rand(4, 3, 32, 32).cuda()).shape)
`;
  assert.equal((await ownRuns({ 'classifier.py': check }, 'classifier.py')).length, 0);
});

test('a faiss index trained on embeddings is no run; a model trained with epochs still is', async () => {
  const faiss = `import faiss
import numpy as np

emb = np.load("passages.npy")
quantizer = faiss.IndexFlatL2(emb.shape[1])
index = faiss.IndexIVFFlat(quantizer, emb.shape[1], 64)
index.train(emb)
index.add(emb)
faiss.write_index(index, "passages.index")
`;
  assert.equal((await ownRuns({ 'build_index.py': faiss }, 'build_index.py')).length, 0);
  const model = `from mylib import Recommender

data = load()
model = Recommender(dim=64)
model.train(data, epochs=10, batch_size=256)
`;
  assert.equal((await ownRuns({ 'fit_rec.py': model }, 'fit_rec.py')).length, 1);
});
