// An epoch loop over a tqdm progress bar kept in a name (`bar = trange(args.epochs)`, then `for epoch in bar:`, to set
// the bar's postfix each step): the count of that range is the epoch count. Only a name bound once, to a range, before
// the loop in the same function: bound twice, or to anything else, it gives no count.
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

const script = (loop: string, setup: string) => `import argparse
import torch
from tqdm import trange

def train(args):
    model = Net().to("cuda")
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4)
${loop}
        for x, y in loader:
            loss = model(x.to("cuda")).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()

def launch():
    parser = argparse.ArgumentParser()
    args = parser.parse_args()
${setup}
    train(args)

if __name__ == "__main__":
    launch()
`;
const barLoop = '    bar = trange(args.epochs)\n    for epoch in bar:';

test('an epoch loop over a progress bar bound to trange(n) runs n epochs', async () => {
  const f = await epochs(script(barLoop, '    args.epochs = 300'));
  assert.equal(f?.value, 300);
});

test('must not report: a loop over a name bound to a loader, not a range, is no epoch count', async () => {
  const f = await epochs(script('    batches = iter(loader)\n    for epoch in batches:', '    args.epochs = 300'));
  assert.notEqual(f?.value, 300);
});

test('must not report: a progress bar name bound twice gives no count', async () => {
  const f = await epochs(
    script('    bar = trange(args.epochs)\n    bar = trange(3)\n    for epoch in bar:', '    args.epochs = 300'),
  );
  assert.ok(f?.value !== 300 && f?.value !== 3, JSON.stringify(f));
});
