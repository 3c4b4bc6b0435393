// A launcher's short options reach the script under the long option argparse stores them in (`-j 16` is
// `args.workers` when the script declares `add_argument('-j', '--workers', …)`), also when the parser lives in a
// module the script imports (`from opts import parser`). A short option the script declares for something else
// changes nothing else. Fixtures written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const train = (parser: string) => `import torch
from torch.utils.data import DataLoader
${parser}


def main():
    args = parser.parse_args()
    model = torch.nn.Linear(4, 4).cuda()
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9)
    loader = DataLoader(range(64), batch_size=args.batch_size, num_workers=args.workers, shuffle=True)
    for epoch in range(args.epochs):
        for x in loader:
            loss = model(x).sum()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()


if __name__ == "__main__":
    main()
`;

const OPTS = `import argparse

parser = argparse.ArgumentParser()
parser.add_argument('-j', '--workers', default=4, type=int)
parser.add_argument('-b', '--batch-size', default=256, type=int)
parser.add_argument('--epochs', default=90, type=int)
parser.add_argument('--lr', default=0.1, type=float)
`;

test('`-j 16` on the launcher is the script’s --workers, declared in the module it imports its parser from', async () => {
  const files = {
    'video/opts.py': OPTS,
    'video/main.py': train('from opts import parser'),
    'video/scripts/train_k400.sh': 'python main.py kinetics RGB --epochs 50 -b 64 -j 16 --lr 0.02\n',
  };
  const a = await analyze(files, 'video/scripts/train_k400.sh');
  assert.equal(fact(a, 'num_workers')?.value, 16);
  assert.match(fact(a, 'num_workers')?.note ?? '', /-j 16 on train_k400\.sh/);
});

test('a short option the script declares for another setting does not set the workers', async () => {
  const parser = `import argparse

parser = argparse.ArgumentParser()
parser.add_argument('-j', '--jobs', default=2, type=int)
parser.add_argument('--workers', default=4, type=int)
parser.add_argument('--batch_size', default=32, type=int)
parser.add_argument('--epochs', default=10, type=int)
parser.add_argument('--lr', default=0.1, type=float)`;
  const files = {
    'cls/train.py': train(parser),
    'cls/run.sh': 'python train.py -j 16\n',
  };
  const a = await analyze(files, 'cls/run.sh');
  assert.equal(fact(a, 'num_workers')?.value, 4);
});
