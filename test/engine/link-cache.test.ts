// The linker parses a related script once per content across analyses (typing in a config re-links its script on
// every keystroke), and parses it again as soon as its text changes — never a stale tree.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { treeCacheParses } from '../../engine/link/tree-cache';
import { analyze, fact } from '../formats/helpers';

const script = (bs: number) => `import argparse
from transformers import Trainer, TrainingArguments
p = argparse.ArgumentParser()
p.add_argument("--batch_size", type=int, default=${bs})
a = p.parse_args()
args = TrainingArguments(output_dir="o", per_device_train_batch_size=a.batch_size, max_steps=1000)
Trainer(model="gpt2", args=args).train()
`;
const LAUNCHER = 'torchrun --nproc_per_node 4 train.py --bf16 True\n';

test('a launcher analysed again and again parses its unchanged script once; a changed script is parsed anew', async () => {
  const first = await analyze({ 'train.py': script(8), 'run.sh': LAUNCHER }, 'run.sh');
  assert.equal(fact(first, 'micro_batch')?.value, 8);
  const before = treeCacheParses();
  for (let i = 0; i < 5; i++) {
    const a = await analyze({ 'train.py': script(8), 'run.sh': LAUNCHER + `# edit ${i}\n` }, 'run.sh');
    assert.equal(fact(a, 'devices')?.value, 4);
  }
  assert.equal(treeCacheParses() - before, 0, 'the unchanged script was parsed again');
  const changed = await analyze({ 'train.py': script(16), 'run.sh': LAUNCHER }, 'run.sh');
  assert.equal(treeCacheParses() - before, 1);
  assert.equal(fact(changed, 'micro_batch')?.value, 16, 'a stale tree was used');
});
