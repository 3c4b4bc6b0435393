// Batch settings a script reads from an object its own text does not declare (session 29, fresh repositories):
// `opt = get_opt()` whose parser a module builds, also when the script prints `opt.__dict__` or star-imports the
// helper, and `config = TrainingConfig()` (a dataclass of the project) handed to the training function. Must-not:
// the options' attribute dict written (`vars(opt).update(…)`, `opt.__dict__[k] = v`), a constructor call that may
// set the field, and a helper that declares no such option leave the batch unknown.
// Fixtures written for this project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const TRAIN = (head: string, main: string) => `import json
import torch
from torch.utils.data import DataLoader
${head}


def train(opt):
    loader = DataLoader(range(64), batch_size=opt.batch_size, shuffle=True)
    model = torch.nn.Linear(4, 1).cuda()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(opt.epochs):
        for x in loader:
            optimizer.zero_grad()
            loss = model(x.cuda()).mean()
            loss.backward()
            optimizer.step()


if __name__ == "__main__":
${main}
    train(opt)
`;

const OPTIONS = `import argparse


def get_opt():
    parser = argparse.ArgumentParser()
    parser.add_argument('--batch_size', type=int, default=6)
    parser.add_argument('--epochs', type=int, default=12)
    return parser.parse_args()
`;

const batch = async (files: Record<string, string>) => {
  const a = await analyze(files, 'run.py');
  return [fact(a, 'micro_batch')?.value ?? null, fact(a, 'global_batch')?.value ?? null];
};

test('a helper parser whose options the script prints (json.dumps(opt.__dict__)): its default is the batch', async () => {
  const run = TRAIN(
    'from options import get_opt',
    '    opt = get_opt()\n    print(json.dumps(opt.__dict__, indent=2))',
  );
  assert.deepEqual(await batch({ 'run.py': run, 'options.py': OPTIONS }), [6, 6]);
  const logged = TRAIN('from options import get_opt', '    opt = get_opt()\n    print(vars(opt))');
  assert.deepEqual(await batch({ 'run.py': logged, 'options.py': OPTIONS }), [6, 6]);
});

test('the helper taken from a star import (from options import *)', async () => {
  const run = TRAIN('from options import *', '    opt = get_opt()');
  assert.deepEqual(await batch({ 'run.py': run, 'options.py': OPTIONS }), [6, 6]);
});

test('must not: options written through their attribute dict, or a helper with no such option', async () => {
  // (The helper's default 6 is not the batch; a value the script itself writes may be.)
  for (const write of [
    "    vars(opt).update({'batch_size': 32})",
    "    opt.__dict__['batch_size'] = n",
    '    d = vars(opt)',
  ]) {
    const run = TRAIN('from options import get_opt', `    opt = get_opt()\n${write}`);
    assert.equal((await batch({ 'run.py': run, 'options.py': OPTIONS }))[0], null, write);
  }
  const other = OPTIONS.replace("'--batch_size', type=int, default=6", "'--lr', type=float, default=0.1");
  const run = TRAIN('from options import *', '    opt = get_opt()');
  assert.equal((await batch({ 'run.py': run, 'options.py': other }))[0], null);
});

const DATACLASS = `from dataclasses import dataclass


@dataclass
class TrainingConfig:
    epochs: int = 3
    batch_size: int = 24
    lr: float = 1e-4
`;

test('a dataclass config made by the script and handed to the training function: its field default', async () => {
  const run = TRAIN('from settings import TrainingConfig', '    opt = TrainingConfig()');
  const a = await analyze({ 'run.py': run, 'settings.py': DATACLASS }, 'run.py');
  const mb = fact(a, 'micro_batch');
  assert.deepEqual([mb?.value, mb?.origin], [24, 'inferred']);
  assert.match(mb?.note ?? '', /TrainingConfig\.batch_size = 24/);
  assert.doesNotMatch(mb?.note ?? '', /no default of argparse/);
});

test('must not: the dataclass built with arguments that may set the field', async () => {
  for (const make of ['TrainingConfig(batch_size=n)', 'TrainingConfig(n)']) {
    const run = TRAIN('from settings import TrainingConfig', `    n = int(input())\n    opt = ${make}`);
    assert.equal((await batch({ 'run.py': run, 'settings.py': DATACLASS }))[0], null, make);
  }
});
