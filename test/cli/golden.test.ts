// What the CLI shows on the bundled examples, byte for byte, in every output format of `check` and `estimate`.
// A structural change (moving files, splitting modules) must leave these identical. When a change is meant to alter
// what users see, regenerate with `UPDATE_GOLDEN=1 npm run test:unit -- golden` and review the diff.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const BIN = path.resolve('bin/greenml.js');
const GOLDEN = path.resolve('test/golden');

function cli(args: string[]): string {
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined };
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000, env });
  assert.ok(r.status === 0 || r.status === 1, `greenml ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

for (const [name, args] of [
  ['check-examples.json', ['check', 'examples', '--format', 'json']],
  ['estimate-examples.json', ['estimate', 'examples', '--json']],
  // One per output format: what a user reads in a terminal, a CI log, code scanning and a pull request.
  ['check-examples.txt', ['check', 'examples']],
  ['check-examples.sarif.json', ['check', 'examples', '--format', 'sarif']],
  ['check-examples.github.txt', ['check', 'examples', '--format', 'github']],
  ['check-examples.md', ['check', 'examples', '--format', 'markdown']],
  ['estimate-examples.txt', ['estimate', 'examples']],
  ['report-examples.md', ['report', 'examples']],
] as const) {
  test(`greenml ${args.join(' ')} is unchanged (test/golden/${name})`, () => {
    const out = cli([...args]);
    const file = path.join(GOLDEN, name);
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, out);
    assert.equal(out, fs.readFileSync(file, 'utf8'));
  });
}
