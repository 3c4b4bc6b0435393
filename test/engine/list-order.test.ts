// A file's review must not depend on which files were reviewed before it in the same process (the CLI's workers, the
// language server). The disk reader hands out the same cached list of a folder's names to every analysis, in the
// file system's order; a reader that sorted that list in place changed what a later analysis saw. Fixture written
// for this test: a repository root with many folders, two of them repositories of their own.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { mergeSettings } from '../../engine/settings';
import { memoryReader, type FileReader } from '../../engine/link';
import { analyzeText } from '../../server/review/analyze-file';

const LOOP = `import torch
from torch import nn

model = nn.Linear(8, 2).cuda()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(10):
    for x, y in loader:
        loss = nn.functional.mse_loss(model(x.cuda()), y.cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;

const files: Record<string, string> = {
  '/repo/README.md': '# experiments\n',
  '/repo/pkg/src/main.py': LOOP,
  '/repo/tools/train_b.py': LOOP,
  '/repo/ba/run.sh': 'CUDA_VISIBLE_DEVICES=0,1 python pkg/src/main.py --epochs 10\n',
  // Two repositories side by side inside it (their own READMEs), among 85 other folders.
  '/repo/aa/README.md': '# a\n',
  '/repo/ab/README.md': '# b\n',
};
for (let i = 0; i < 85; i++) files[`/repo/d${String(i).padStart(2, '0')}/notes.txt`] = 'x\n';

/** Like the disk reader: one cached array per folder, in an order of its own (here: reverse name order). */
function cachingReader(): FileReader {
  const inner = memoryReader(files);
  const lists = new Map<string, string[]>();
  return {
    read: (f) => inner.read(f),
    list(dir) {
      const d = path.resolve(dir);
      let names = lists.get(d);
      if (!names) lists.set(d, (names = [...inner.list(d)].sort().reverse()));
      return names;
    },
  };
}

const settings = mergeSettings({ values: {}, source: 'test' });
const devices = async (file: string, reader: FileReader) => {
  const a = await analyzeText(file, files[file], settings, reader);
  const run = a.runs.find((r) => r.plan.entry.file === file);
  return JSON.stringify(run?.plan.facts.get('devices') ?? null);
};

test("a script's devices do not depend on the files reviewed before it with the same reader", async () => {
  const script = '/repo/pkg/src/main.py';
  const alone = await devices(script, cachingReader());
  const shared = cachingReader();
  // A script at the repository's top level: its launchers are looked for in the folder (its names listed).
  await devices('/repo/tools/train_b.py', shared);
  const after = await devices(script, shared);
  assert.equal(after, alone);
  // The repository holds two repositories of its own: no launcher of it gives the script its count.
  assert.doesNotMatch(alone, /run\.sh/);
});
