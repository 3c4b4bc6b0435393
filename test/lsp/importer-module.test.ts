// The editor shows a project's data module the findings of the training script that imports it
// (engine/link/importer-runs.ts), as `greenml check` does: the module open, the script on disk only. Files written for
// this test.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { startServer, type LspSession } from '../helpers/lsp-client';

const LOADERS = `from torch.utils.data import DataLoader
from torchvision import datasets, transforms

train_set = datasets.ImageFolder("data/train", transform=transforms.ToTensor())
train_loader = DataLoader(train_set, batch_size=64, shuffle=True)
`;
const TRAIN = `import torch
import torchvision
from data.loaders import train_loader

model = torchvision.models.resnet18(num_classes=10).cuda()
optimizer = torch.optim.Adam(model.parameters())
for epoch in range(50):
    for x, y in train_loader:
        loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
`;

let dir: string;
let lsp: LspSession;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-importer-'));
  const files: Record<string, string> = {
    'proj/README.md': 'image classifier\n',
    'proj/data/__init__.py': '',
    'proj/data/loaders.py': LOADERS,
    'proj/train.py': TRAIN,
    'other/README.md': 'loaders nobody trains with\n',
    'other/loaders.py': LOADERS,
    'greenml.toml': 'hardware = "A100"\n',
  };
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), text);
  }
  lsp = await startServer(dir);
});
after(async () => {
  await lsp.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('an open data module gets the findings of the run that imports it; one nobody imports gets none', async () => {
  const uri = lsp.open(path.join(dir, 'proj/data/loaders.py'), LOADERS);
  const p = await lsp.diagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'GML401'), 20_000);
  // 0-based line 4: the DataLoader call.
  assert.deepEqual(
    p.diagnostics.filter((d) => d.code === 'GML401').map((d) => [d.range.start.line, d.severity]),
    [[4, 2]],
  );
  const lone = lsp.open(path.join(dir, 'other/loaders.py'), LOADERS);
  const q = await lsp.diagnostics(lone, () => true, 20_000);
  assert.deepEqual(
    q.diagnostics.map((d) => d.code),
    [],
  );
  // The CLI says the same of the module.
  const r = spawnSync(
    process.execPath,
    [
      path.resolve('bin/greenml.js'),
      'check',
      'proj/data/loaders.py',
      'other/loaders.py',
      '--format',
      'json',
      '--exit-zero',
    ],
    {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  const out = JSON.parse(r.stdout) as {
    files: { path: string; findings: { code: string; range: { start: { line: number } } }[] }[];
  };
  const of = (f: string) =>
    out.files.find((x) => x.path === f)?.findings.map((x) => `${x.code}@${x.range.start.line}`) ?? [];
  assert.deepEqual(of('proj/data/loaders.py'), ['GML401@5', 'GML402@5']);
  assert.deepEqual(of('other/loaders.py'), []);
});
