// A launcher that runs its training command inside `for NAME in …; do … done` (bash manual, "Looping Constructs"):
// a list of one word binds NAME to that word for the body (a sweep template left at one value), so `--num_epochs $ep`
// after `for ep in 2` trains 2 epochs; a list of several words is a sweep with no single value, and the value the
// name held before the loop no longer holds inside it. Fixtures written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from './helpers';

const SCRIPT = `import argparse
import torch

parser = argparse.ArgumentParser()
parser.add_argument("--num_epochs", type=int, default=10)
parser.add_argument("--batch_size", type=int, default=16)
args = parser.parse_args()

model = torch.nn.Linear(8, 2).cuda()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
loader = torch.utils.data.DataLoader(dataset, batch_size=args.batch_size)
for epoch in range(args.num_epochs):
    for x, y in loader:
        loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;

const run = async (launcher: string) => {
  const a = await analyze({ 'train.py': SCRIPT, 'run.sh': launcher }, 'run.sh');
  const runs = [...a.runs, ...(a.linked ?? [])];
  assert.equal(runs.length, 1);
  return runs[0].plan.facts;
};

test('a loop over one value binds its variable for the command inside it', async () => {
  const r = await run(
    'for ep in 2\ndo\n  for bs in 64; do\n    python train.py --num_epochs $ep --batch_size $bs\n  done\ndone\n',
  );
  assert.ok(r);
  assert.equal(r.get('epochs')?.value, 2);
  assert.equal(r.get('micro_batch')?.value, 64);
});

test('must not: a loop over several values (a sweep) gives its variable no value', async () => {
  const r = await run('EP=7\nfor EP in 3 5; do python train.py --num_epochs $EP; done\n');
  assert.ok(r);
  assert.notEqual(r.get('epochs')?.value, 7);
  assert.notEqual(r.get('epochs')?.value, 3);
  assert.notEqual(r.get('epochs')?.value, 10);
});

test('must not: a glob, brace range or command substitution is not one value', async () => {
  for (const list of ['{1..3}', '$(seq 1 3)', '*.yaml']) {
    const r = await run(`for ep in ${list}; do python train.py --num_epochs $ep; done\n`);
    assert.ok(r);
    const v = r.get('epochs')?.value;
    assert.ok(v === null || v === undefined, `${list}: ${String(v)}`);
  }
});
