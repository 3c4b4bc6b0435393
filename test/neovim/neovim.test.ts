// A second real client: headless Neovim (Debian's `neovim`, 0.7 or later) drives `greenml server --stdio` on an
// example and must see GML101 on the TrainingArguments line. Skipped where `nvim` is not installed;
// scripts/ci-e2e.sh installs it, so CI always runs it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const version = /NVIM v(\d+)\.(\d+)/.exec(nvim.stdout ?? '');

test(
  'headless Neovim sees the diagnostics of examples/hf-finetune-fp32/train.py',
  { skip: nvim.status !== 0 ? 'nvim is not installed (scripts/ci-e2e.sh installs it)' : false, timeout: 120_000 },
  () => {
    assert.ok(version && (Number(version[1]) > 0 || Number(version[2]) >= 7), `Neovim ≥ 0.7 needed: ${nvim.stdout}`);
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-nvim-')), 'diagnostics.txt');
    const file = path.resolve('examples/hf-finetune-fp32/train.py');
    const r = spawnSync(
      'nvim',
      ['--headless', '--clean', '-c', `luafile ${path.resolve('test/neovim/diagnostics.lua')}`],
      {
        encoding: 'utf8',
        timeout: 100_000,
        env: { ...process.env, GREENML_ROOT: process.cwd(), GREENML_FILE: file, GREENML_OUT: out },
      },
    );
    assert.equal(r.status, 0, `nvim exited ${r.status} (${r.signal ?? ''}): ${r.stderr}${r.stdout}`);
    const lines = fs.readFileSync(out, 'utf8').trim().split('\n');
    const text = fs.readFileSync(file, 'utf8').split('\n');
    const gml101 = lines.find((l) => / GML101 /.test(l));
    assert.ok(gml101, lines.join('\n'));
    const line = Number(gml101.split(':')[0]);
    assert.match(text[line - 1], /TrainingArguments\(/);
    assert.ok(
      lines.some((l) => / GML301 /.test(l)),
      lines.join('\n'),
    );
  },
);
