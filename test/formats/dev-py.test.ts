// Development set for Python configs, entry scripts and launchers (issue 11): each file in
// test/fixtures/formats/dev-py was written for this project in the style of public training code, and its facts were
// labelled by hand in expected.json before the code that reads them. Every file is analysed with the files of its
// own folder around it, as the CLI would in a checkout. "ABSENT": the plan must not report the fact (absent, or only
// as an assumption); null: reported as unknown.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { FactKey, FactValue } from '../../engine/types';
import type { DocumentAnalysis } from '../../server/review/analyze';
import { analyze } from './helpers';

const DIR = path.resolve('test/fixtures/formats/dev-py');
const expected = JSON.parse(fs.readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as Record<
  string,
  Record<string, FactValue>
>;

function folderFiles(rel: string): Record<string, string> {
  const dir = path.dirname(rel);
  const out: Record<string, string> = {};
  for (const n of fs.readdirSync(path.join(DIR, dir))) {
    const p = path.join(DIR, dir, n);
    if (fs.statSync(p).isFile() && n !== 'expected.json') out[path.join(dir, n)] = fs.readFileSync(p, 'utf8');
  }
  return out;
}

/** The facts of the file's run: its own, else the one run it is linked into. */
export function runFacts(a: DocumentAnalysis) {
  const runs = [...a.runs, ...(a.linked ?? [])];
  return runs.length === 1 ? runs[0].plan.facts : undefined;
}

export function matches(
  facts: ReturnType<typeof runFacts>,
  key: string,
  want: FactValue,
): { ok: boolean; got: unknown } {
  const f = facts?.get(key as FactKey);
  if (want === 'ABSENT') return { ok: !f || f.origin === 'assumed', got: f ? `${f.value} (${f.origin})` : 'absent' };
  if (!f || f.origin === 'assumed') return { ok: false, got: f ? `${f.value} (assumed)` : 'absent' };
  return { ok: f.value === want, got: f.value };
}

for (const [rel, want] of Object.entries(expected)) {
  if (rel.startsWith('_')) continue;
  test(`dev set: ${rel}`, async () => {
    const files = folderFiles(rel);
    const a = await analyze(files, rel);
    const facts = runFacts(a);
    assert.ok(facts, `${rel}: expected one run, got ${a.runs.length + (a.linked?.length ?? 0)}`);
    const wrong = Object.entries(want)
      .map(([k, v]) => ({ k, v, ...matches(facts, k, v) }))
      .filter((r) => !r.ok)
      .map((r) => `${r.k}: want ${JSON.stringify(r.v)}, got ${JSON.stringify(r.got)}`);
    assert.deepEqual(wrong, [], rel);
  });
}
