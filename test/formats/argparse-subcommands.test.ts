// argparse sub-commands (`python main.py train …` / `python main.py eval …`): argparse fills the parsed arguments
// from the main parser and the selected sub-command only, so the training run takes the `train` sub-command's
// defaults, never those of an `eval`/`predict` sub-command that declares an option of the same name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const values = (a: Awaited<ReturnType<typeof analyze>>, keys: string[]) =>
  keys.map((k) => fact(a, k as never)?.value ?? null);

const torchCli = `import argparse

import torch
from torch.utils.data import DataLoader

from data import make_dataset
from net import Net


def train(args):
    model = Net(args.model).cuda()
    loader = DataLoader(make_dataset("train"), batch_size=args.batch_size, shuffle=True, num_workers=args.workers)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    for epoch in range(args.epochs):
        for x, y in loader:
            loss = model(x.cuda(), y.cuda())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        torch.save(model.state_dict(), f"ckpt_{epoch}.pt")


def evaluate(args):
    model = Net(args.model).cuda()
    model.load_state_dict(torch.load(args.checkpoint))
    loader = DataLoader(make_dataset("test"), batch_size=args.batch_size, num_workers=args.workers)
    with torch.no_grad():
        for x, y in loader:
            model(x.cuda(), y.cuda())


def main():
    parser = argparse.ArgumentParser()
    subparsers = parser.add_subparsers(dest="command", required=True)

    train_parser = subparsers.add_parser("train")
    train_parser.set_defaults(func=train)
    train_parser.add_argument("--model", default="resnet18")
    train_parser.add_argument("--batch_size", type=int, default=64)
    train_parser.add_argument("--lr", type=float, default=1e-3)
    train_parser.add_argument("--epochs", type=int, default=30)

    eval_parser = subparsers.add_parser("eval")
    eval_parser.set_defaults(func=evaluate)
    eval_parser.add_argument("--model", default="resnet50")
    eval_parser.add_argument("--batch_size", type=int, default=256)
    eval_parser.add_argument("--checkpoint", required=True)
    eval_parser.add_argument("--workers", type=int, default=8)
    eval_parser.add_argument("--epochs", type=int, default=1)

    args = parser.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
`;

test("a PyTorch script with train and eval sub-commands: the train sub-command's batch and epochs", async () => {
  const a = await analyze({ 'main.py': torchCli }, 'main.py');
  // The eval sub-command, declared after train, says batch 256 and 1 epoch: not the training run's.
  assert.deepEqual(values(a, ['micro_batch', 'epochs']), [64, 30]);
  // `--workers` is only the eval sub-command's: the training run's loader workers are unknown, not eval's 8.
  assert.equal(fact(a, 'num_workers')?.value ?? null, null);
  // An option of the main parser applies to every sub-command.
  const shared = torchCli.replace(
    '    subparsers = parser.add_subparsers(',
    '    parser.add_argument("--workers", type=int, default=4)\n    subparsers = parser.add_subparsers(',
  );
  const b = await analyze({ 'main.py': shared }, 'main.py');
  assert.deepEqual(values(b, ['micro_batch', 'num_workers']), [64, 4]);
});

const kerasCli = `import argparse

import numpy as np
import tensorflow as tf


def build(name):
    return tf.keras.applications.MobileNetV2(weights=None, classes=10) if name == "mobilenet" else None


def train(args):
    model = build(args.model)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    x, y = np.load("x.npy"), np.load("y.npy")
    model.fit(x, y, batch_size=args.batch_size, epochs=args.epochs)


def predict(args):
    model = tf.keras.models.load_model(args.checkpoint)
    model.predict(np.load(args.input), batch_size=args.batch_size)


def add_common(parser):
    parser.add_argument("--model", default="mobilenet")
    parser.add_argument("--epochs", type=int, default=50)


def train_action(command_parser):
    parser = command_parser.add_parser("train")
    add_common(parser)
    parser.add_argument("--batch_size", type=int, default=16)
    parser.set_defaults(func=train)


def predict_action(command_parser):
    parser = command_parser.add_parser("predict")
    add_common(parser)
    parser.add_argument("--checkpoint", required=True)
    parser.add_argument("--input", required=True)
    parser.add_argument("--batch_size", type=int, default=1)
    parser.set_defaults(func=predict)


def main():
    parser = argparse.ArgumentParser()
    command_parser = parser.add_subparsers()
    train_action(command_parser)
    predict_action(command_parser)
    args = parser.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
`;

test("sub-commands built in helper functions: the train helper's options, and a helper both of them call", async () => {
  const a = await analyze({ 'cli.py': kerasCli }, 'cli.py');
  // predict's batch 1 is not the training batch; the epochs of the helper both sub-commands call are.
  assert.deepEqual(values(a, ['micro_batch', 'epochs']), [16, 50]);
});

const audioRun = `import argparse

import models


def train(args):
    model = models.get(args.model, layers=args.layers)
    model.fit(args.train, args.val, n_epoch=args.epochs, batch_size=args.batch_size)


def evaluate(args):
    model = models.get(args.model, layers=args.layers)
    model.load(args.logname)
    model.predict(args.wav_file_list)


def make_parser():
    parser = argparse.ArgumentParser()
    subparsers = parser.add_subparsers(title="Commands")

    train_parser = subparsers.add_parser("train")
    train_parser.set_defaults(func=train)
    train_parser.add_argument("--model", default="tfilm", choices=("unet", "tfilm"))
    train_parser.add_argument("--train", required=True)
    train_parser.add_argument("--val", required=True)
    train_parser.add_argument("-e", "--epochs", type=int, default=100)
    train_parser.add_argument("--batch-size", type=int, default=128)
    train_parser.add_argument("--layers", type=int, default=4)

    eval_parser = subparsers.add_parser("eval")
    eval_parser.set_defaults(func=evaluate)
    eval_parser.add_argument("--logname", required=True)
    eval_parser.add_argument("--wav-file-list")
    eval_parser.add_argument("--model", default="unet", choices=("unet", "tfilm"))
    eval_parser.add_argument("--layers", type=int, default=4)
    eval_parser.add_argument("--batch-size", type=int, default=1)

    return parser


def main():
    args = make_parser().parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
`;

test("a script read through the shared vocabulary: the train sub-command's --model and --batch-size", async () => {
  const a = await analyze({ 'run.py': audioRun }, 'run.py');
  assert.deepEqual(values(a, ['model', 'micro_batch', 'epochs']), ['tfilm', 128, 100]);
});
