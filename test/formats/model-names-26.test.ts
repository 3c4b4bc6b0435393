// Model names lost on the way from where a script or its config states them to the run: a loader that returns the
// model first in a tuple (`model, tokenizer = FastLanguageModel.from_pretrained(model_name=…)`), a wrapper class given
// the checkpoint by a name that says so (`WhisperModelModule(cfg, model_name, …)`), a parallel wrapper imported under
// another name (`model = NativeDDP(model)`), an HF-args file that says `model_name`, and a config named by the
// launcher whose `model.name` the script builds through a factory. And never a model where none is named. Fixtures
// written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const modelOf = async (files: Record<string, string>, target: string) =>
  fact(await analyze(files, target), 'model')?.value ?? null;

const unsloth = (load: string) => `from unsloth import FastLanguageModel
from trl import SFTConfig, SFTTrainer
from datasets import load_dataset

${load}
model = FastLanguageModel.get_peft_model(model, r=16, lora_alpha=16)
dataset = load_dataset("yahma/alpaca-cleaned", split="train")
trainer = SFTTrainer(
    model=model,
    tokenizer=tokenizer,
    train_dataset=dataset,
    args=SFTConfig(per_device_train_batch_size=2, gradient_accumulation_steps=4, max_steps=60, output_dir="outputs"),
)
trainer.train()
`;

test('Unsloth: the model a tuple-returning loader is given as model_name', async () => {
  const text = unsloth(`model, tokenizer = FastLanguageModel.from_pretrained(
    model_name="unsloth/Qwen2.5-1.5B-Instruct",
    max_seq_length=2048,
    load_in_4bit=True,
)`);
  assert.equal(await modelOf({ 'train.py': text }, 'train.py'), 'unsloth/Qwen2.5-1.5B-Instruct');
});

test('must not: the second model a factory returns is not the one it is given first (a distillation pair)', async () => {
  const text = (pair: string) => `import torch
from models import build_model

${pair} = build_model("resnet50", "resnet18")
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(10):
    for x, y in loader:
        loss = torch.nn.functional.cross_entropy(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;
  assert.equal(await modelOf({ 'train.py': text('model, teacher') }, 'train.py'), 'resnet50');
  assert.equal(await modelOf({ 'train.py': text('teacher, model') }, 'train.py'), null);
});

const lightning = (build: string) => `import argparse
import lightning as L
from model import WhisperModelModule, LitClassifier

parser = argparse.ArgumentParser()
parser.add_argument("--model_size", type=str, default="large-v3")
parser.add_argument("--dataset", type=str, default="cifar10")
parser.add_argument("--epochs", type=int, default=10)
args = parser.parse_args()
model_name = args.model_size
${build}
trainer = L.Trainer(max_epochs=args.epochs, accelerator="gpu", devices=1)
trainer.fit(model)
`;

test('a LightningModule wrapper given the checkpoint as model_name: that checkpoint, and a launcher flag replaces it', async () => {
  const text = lightning('model = WhisperModelModule(cfg, model_name, "ja", train_set, valid_set)');
  assert.equal(await modelOf({ 'train.py': text }, 'train.py'), 'large-v3');
  const sh = 'python train.py --model_size medium --epochs 3\n';
  assert.equal(await modelOf({ 'train.py': text, 'run.sh': sh }, 'run.sh'), 'medium');
});

test('must not: a LightningModule wrapper given no checkpoint names no model', async () => {
  const text = lightning('model = LitClassifier(args.dataset, args.epochs, train_set)');
  assert.equal(await modelOf({ 'train.py': text }, 'train.py'), null);
});

const timmLike = (wrap: string) => `import argparse
import torch
from timm import create_model
from torch.nn.parallel import DistributedDataParallel as NativeDDP

parser = argparse.ArgumentParser()
group = parser.add_argument_group("Model parameters")
group.add_argument("--model", default="resnet50", type=str)
parser.add_argument("--epochs", type=int, default=10)


def main():
    args = parser.parse_args()
    model = create_model(args.model, pretrained=True)
    model.cuda()
    ${wrap}
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for epoch in range(args.epochs):
        for x, y in loader:
            loss = torch.nn.functional.cross_entropy(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()


if __name__ == "__main__":
    main()
`;

test('a parallel wrapper imported under another name around the same model keeps the created model', async () => {
  const text = timmLike('model = NativeDDP(model, device_ids=[0])');
  assert.equal(await modelOf({ 'train.py': text }, 'train.py'), 'resnet50');
  const sh = './dist.sh 4 --model convnext_base --epochs 1\n';
  const dist = 'NUM_PROC=$1\nshift\ntorchrun --nproc_per_node=$NUM_PROC train.py "$@"\n';
  assert.equal(await modelOf({ 'train.py': text, 'run.sh': sh, 'dist.sh': dist }, 'run.sh'), 'convnext_base');
});

test('must not: a class built around another object is a second model, and the two disagree', async () => {
  const text = (wrap: string) => `import torch
from nets import WideResNet
from torch.nn.parallel import DistributedDataParallel as NativeDDP

model = WideResNet(depth=34, widen_factor=10).cuda()
${wrap}
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(10):
    for x, y in loader:
        loss = torch.nn.functional.cross_entropy(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;
  assert.equal(
    await modelOf({ 'train.py': text('model = NativeDDP(model, device_ids=[0])') }, 'train.py'),
    'WideResNet',
  );
  assert.equal(
    await modelOf({ 'train.py': text('model = TeacherStudent(teacher, device_ids=[0])') }, 'train.py'),
    null,
  );
});

test('an HF-args YAML naming the checkpoint `model_name` (a script dataclass field) gives the model', async () => {
  const yaml = (name: string) => `model_name: ${name}
output_dir: out
per_device_train_batch_size: 4
gradient_accumulation_steps: 2
num_train_epochs: 1
bf16: true
`;
  assert.equal(
    await modelOf({ 'grpo.yaml': yaml('"Qwen/Qwen2.5-3B-Instruct"') }, 'grpo.yaml'),
    'Qwen/Qwen2.5-3B-Instruct',
  );
  // must not: a word that names a kind of model, not one.
  assert.equal(await modelOf({ 'grpo.yaml': yaml('base') }, 'grpo.yaml'), null);
});

const keras = `import argparse
import yaml
from tensorflow import keras
from models import get_model


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("config", nargs="?", default="configs/hello.yaml")
    args = parser.parse_args()
    with open(args.config) as f:
        config = yaml.safe_load(f)
    train_config = config["training"]
    model = get_model(**config["model"])
    model.compile(optimizer=keras.optimizers.Adam(), loss="categorical_crossentropy")
    model.fit(x_train, y_train, batch_size=train_config["batch_size"], epochs=train_config["n_epochs"])


if __name__ == "__main__":
    main()
`;
const config = (name: string) => `model:
    name: ${name}
    n_classes: 10
training:
    batch_size: 64
    n_epochs: 20
`;

test('a config the launcher names states the model a factory builds from it', async () => {
  const files = {
    'train.py': keras,
    'configs/cnn.yaml': config('resnet_small'),
    'job.sh': 'srun python train.py configs/cnn.yaml\n',
  };
  assert.equal(await modelOf(files, 'job.sh'), 'resnet_small');
});

test("must not: the class the script builds itself stays over the config's model name", async () => {
  const own = keras.replace('get_model(**config["model"])', 'ConvNet(n_classes=10)');
  const files = {
    'train.py': own,
    'configs/cnn.yaml': config('resnet_small'),
    'job.sh': 'srun python train.py configs/cnn.yaml\n',
  };
  assert.equal(await modelOf(files, 'job.sh'), 'ConvNet');
});
