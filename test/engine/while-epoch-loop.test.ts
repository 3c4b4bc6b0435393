// An epoch loop written as a `while` that counts its own epochs (VideoPose3D's `epoch = 0` … `while epoch <
// args.epochs:` … `epoch += 1`; `epoch = 1` … `while epoch <= args.max_epoch:`): the run lasts the bound's epochs.
// Only when the counter's start before the loop makes the bound the number of passes, and the loop counts it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeSettings } from '../../engine/settings';
import { analyzeText } from '../../server/review/analyze-file';

const settings = mergeSettings({ values: { hardware: 'a100' }, source: 'test' });
const epochs = async (code: string) => {
  const a = await analyzeText('/w/train.py', code, settings);
  assert.equal(a.runs.length, 1, `runs: ${a.runs.length}`);
  return a.runs[0].plan.facts.get('epochs');
};

const script = (start: string, cond: string, step = '        epoch += 1') => `import argparse
import torch

parser = argparse.ArgumentParser()
parser.add_argument("--max_epoch", type=int, default=40)
parser.add_argument("--resume", default="")
args = parser.parse_args()

def main(args):
    model = Net().to("cuda")
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4)
${start}
    if args.resume:
        epoch = torch.load(args.resume)["epoch"]
    while ${cond}:
        for x, y in loader:
            loss = model(x.to("cuda")).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
        torch.save(model.state_dict(), "last.pt")
${step}

main(args)
`;

test('while epoch <= N from 1 runs N epochs (the option default)', async () => {
  const f = await epochs(script('    epoch = 1', '(epoch <= args.max_epoch)'));
  assert.equal(f?.value, 40);
});

test('while epoch < N from 0, and while epoch < N + 1 from 1 (a start moved by += 1), run N epochs', async () => {
  assert.equal((await epochs(script('    epoch = 0', 'epoch < args.max_epoch')))?.value, 40);
  const moved = script(
    '    step, epoch = 0, 0\n    epoch += 1',
    'epoch < args.max_epoch + 1',
    '        epoch = epoch + 1',
  );
  assert.equal((await epochs(moved))?.value, 40);
});

test('must not report: a start that does not make the bound the pass count gives no count', async () => {
  // From 0 up to and including N is N + 1 passes; from 1 below N is N - 1: neither is the written value.
  assert.notEqual((await epochs(script('    epoch = 0', 'epoch <= args.max_epoch')))?.value, 40);
  assert.notEqual((await epochs(script('    epoch = 1', 'epoch < args.max_epoch')))?.value, 40);
});

test('must not report: a while loop that never advances its epoch counter gives no count', async () => {
  const f = await epochs(script('    epoch = 1', 'epoch <= args.max_epoch', '        pass'));
  assert.notEqual(f?.value, 40);
});
