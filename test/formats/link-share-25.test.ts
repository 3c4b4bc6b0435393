// The two links of one analysis (a script's own run, then the run a launcher beside it starts) share the runs read
// from each Python file (engine/link/link-share.ts): each link gets its own copy, so what one link changes in place
// (a fact it fills, a span it adds) never reaches the other.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LinkShare } from '../../engine/link/link-share';
import type { RunDraft } from '../../engine/extract/run-draft';
import type { Fact } from '../../engine/types';
import { analyze, fact, launchedFact } from './helpers';

const draft = (): RunDraft => ({
  plan: {
    framework: 'torch',
    entry: { file: '/p/train.py', span: { start: 0, end: 5 }, label: 'train.py:1 training loop' },
    files: ['/p/train.py'],
    facts: new Map([['epochs', { key: 'epochs', value: 3, origin: 'explicit', note: 'range(3)' } as Fact]]),
    relevantSpans: [],
  },
  kind: 'torch',
  envPrecision: 'never',
  openEnded: false,
  refs: [],
});

test('must not: a run one link changes in place reaches the other link changed', () => {
  const share = new LinkShare();
  const runs = [draft()];
  share.keep('/p/train.py', 'text', runs, []);
  // The first link fills and annotates its run after extraction.
  runs[0].plan.facts.set('devices', { key: 'devices', value: 1, origin: 'inferred' });
  runs[0].plan.facts.get('epochs')!.note = 'changed';
  runs[0].plan.relevantSpans.push({ file: '/p/train.py', span: { start: 0, end: 1 }, key: 'epochs' });
  const second = share.pythonRuns('/p/train.py', 'text')!.runs[0];
  assert.equal(second.plan.facts.has('devices'), false);
  assert.equal(second.plan.facts.get('epochs')?.note, 'range(3)');
  assert.equal(second.plan.relevantSpans.length, 0);
  // A changed text is extracted again.
  assert.equal(share.pythonRuns('/p/train.py', 'text 2'), undefined);
});

test('a script with a launcher beside it: its own run keeps its default, the launched run takes the flag', async () => {
  const script = `import argparse\nimport torch\np = argparse.ArgumentParser()\np.add_argument("--epochs", type=int, default=3)\nargs = p.parse_args()\nmodel = torch.nn.Linear(2, 2).cuda()\nopt = torch.optim.AdamW(model.parameters())\nfor epoch in range(args.epochs):\n    loss = model(torch.randn(4, 2).cuda()).sum()\n    loss.backward()\n    opt.step()\n`;
  const a = await analyze(
    { 'train.py': script, 'run.sh': 'torchrun --nproc_per_node 4 train.py --epochs 7\n' },
    'train.py',
  );
  assert.deepEqual(
    [fact(a, 'epochs')?.value, launchedFact(a, 'epochs')?.value, launchedFact(a, 'devices')?.value],
    [3, 7, 4],
  );
});
