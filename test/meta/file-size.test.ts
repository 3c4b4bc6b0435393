// Small files with one job: no source file is over 500 lines, except data tables and validation cases (rows with
// their sources read better in one place).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const MAX_LINES = 500;
const LAYERS = ['core', 'engine', 'rules', 'server', 'client', 'scripts', 'bench'];
const EXEMPT = [/^core\/data\//, /^core\/validation\/cases/];

function sources(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|mjs)$/.test(e.name) && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

test(`no source file outside data tables is over ${MAX_LINES} lines`, () => {
  const files = LAYERS.flatMap(sources).filter((f) => !EXEMPT.some((re) => re.test(f.split(path.sep).join('/'))));
  assert.ok(files.length > 50, 'the source folders were found');
  const big = files
    .map((f) => ({ f, lines: fs.readFileSync(f, 'utf8').split('\n').length }))
    .filter((x) => x.lines > MAX_LINES)
    .map((x) => `${x.f}: ${x.lines} lines`);
  assert.deepEqual(big, [], 'split these files by job');
});
