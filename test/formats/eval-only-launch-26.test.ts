// A launcher that turns on the script's evaluation-only switch (`python train_net.py --eval-only`, detectron2's
// `default_argument_parser`; torchvision references' `--test-only`) starts no training run: the script returns after
// evaluating. The same script launched without the switch trains. Fixtures written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from './helpers';

const script = (test: string) => `import argparse
import torch

parser = argparse.ArgumentParser()
parser.add_argument("--eval-only", action="store_true")
parser.add_argument("--epochs", type=int, default=12)
parser.add_argument("--batch-size", type=int, default=16)


def main(args):
    model = Detector().cuda()
    ${test}
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    loader = torch.utils.data.DataLoader(train_set, batch_size=args.batch_size)
    for epoch in range(args.epochs):
        for images, targets in loader:
            loss = model(images.cuda(), targets)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()


if __name__ == "__main__":
    main(parser.parse_args())
`;
const tests = `if args.eval_only:
        model.load_state_dict(torch.load("model_final.pth"))
        return evaluate(model)`;

const runsOf = async (files: Record<string, string>, target: string) => {
  const a = await analyze(files, target);
  return [...a.runs, ...(a.linked ?? [])];
};

test('a launcher that passes the evaluation-only switch the script tests starts no run', async () => {
  const files = { 'train_net.py': script(tests), 'eval.sh': 'python3 train_net.py --eval-only --batch-size 4\n' };
  assert.equal((await runsOf(files, 'eval.sh')).length, 0);
  const train = { 'train_net.py': script(tests), 'train.sh': 'python3 train_net.py --batch-size 4\n' };
  assert.equal((await runsOf(train, 'train.sh')).length, 1);
});

test('must not: a switch the script never tests does not stop the run it starts', async () => {
  const files = { 'train_net.py': script('pass'), 'eval.sh': 'python3 train_net.py --eval-only --batch-size 4\n' };
  assert.equal((await runsOf(files, 'eval.sh')).length, 1);
});

// Round 29: a bare `--eval` that the script's own parser documents as evaluation alone (the DeiT / MAE family's
// `help='Perform evaluation only'`), tested together with another condition (`if args.resume and args.eval:`).
const deitLike = (help: string) => `import argparse
import torch

parser = argparse.ArgumentParser()
parser.add_argument("--eval", action="store_true", help="${help}")
parser.add_argument("--resume", default="")
parser.add_argument("--epochs", type=int, default=300)


def main(args):
    model = Net().cuda()
    if args.resume and args.eval:
        model.load_state_dict(torch.load(args.resume))
        return evaluate(model)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
    loader = torch.utils.data.DataLoader(train_set, batch_size=64)
    for epoch in range(args.epochs):
        for x, y in loader:
            loss = model(x.cuda(), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()


if __name__ == "__main__":
    main(parser.parse_args())
`;

test('a bare --eval documented as "evaluation only" and tested before training starts no run', async () => {
  const files = {
    'main.py': deitLike('Perform evaluation only'),
    'eval.sh': 'python main.py --resume ck.pth --eval\n',
  };
  assert.equal((await runsOf(files, 'eval.sh')).length, 0);
  const train = { 'main.py': deitLike('Perform evaluation only'), 'train.sh': 'python main.py --epochs 10\n' };
  assert.equal((await runsOf(train, 'train.sh')).length, 1);
});

test('must not: a bare --eval whose help does not say "only" keeps the run', async () => {
  const files = {
    'main.py': deitLike('evaluate on the val set'),
    'eval.sh': 'python main.py --resume ck.pth --eval\n',
  };
  assert.equal((await runsOf(files, 'eval.sh')).length, 1);
});
