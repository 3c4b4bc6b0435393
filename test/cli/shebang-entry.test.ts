// An entry point without an extension (`./train`, run by the shell through its first line) whose shebang names
// Python is a Python script: `greenml check` and `plan` read it, whether named or found in a folder; other
// extensionless files (a shell script, a Makefile, a licence) stay out of the walk.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

const BIN = path.resolve('bin/greenml.js');
// The timeout is a bound on a hung CLI, not a wait.
const run = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const LOOP = `import torch
model = Net().cuda()
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(200):
    for x, y in loader:
        loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
        opt.zero_grad()
        loss.backward()
        opt.step()
    print(loss.item())
`;

function tree(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-shebang-')));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

interface Report {
  files: { path: string; findings: { code: string; range: { start: { line: number } } }[] }[];
}

const FILES = {
  train: `#!/usr/bin/env python3\n${LOOP}`,
  'train-py': `#!/usr/bin/python -u\n${LOOP}`,
  run: '#!/usr/bin/env bash\npython train.py --epochs 200\n',
  Makefile: 'train:\n\tpython train.py\n',
  LICENSE: 'MIT License\n',
  notes: `${LOOP}`,
};

test('greenml check on a folder reviews extensionless files with a Python shebang, and no other', () => {
  const dir = tree(FILES);
  const r = run(['check', '.', '--format', 'json', '--exit-zero'], dir);
  assert.equal(r.code, 0, r.err);
  const files = (JSON.parse(r.out) as Report).files;
  assert.deepEqual(files.map((f) => f.path).sort(), ['train', 'train-py']);
  for (const f of files) assert.ok(f.findings.length > 0, `${f.path}: ${JSON.stringify(f.findings)}`);
});

test('greenml check and plan on an extensionless Python entry point: its findings on its lines, and its run', () => {
  const dir = tree(FILES);
  const r = run(['check', 'train', '--format', 'json', '--exit-zero'], dir);
  assert.equal(r.code, 0, r.err);
  const [file] = (JSON.parse(r.out) as Report).files;
  assert.equal(file?.path, 'train');
  // The 200-epoch loop that saves nothing (GML301) is on line 5 of the file, the shebang being line 1.
  assert.ok(
    file.findings.some((f) => f.code === 'GML301' && f.range.start.line === 5),
    JSON.stringify(file.findings),
  );
  const p = run(['plan', 'train', '--json'], dir);
  assert.equal(p.code, 0, p.err);
  const plans = JSON.parse(p.out) as { runs?: unknown[] } | unknown[];
  const runs = Array.isArray(plans) ? plans : (plans.runs ?? []);
  assert.ok(runs.length > 0, p.out);
});
