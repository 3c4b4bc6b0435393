// A development set of configs given alone: each case's stated facts, their origins, what must not be reported,
// and files that give no run; scored the same way by every round (./vocab-dev.test.ts, ./vocab-dev-2.test.ts).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { FactKey, FactValue } from '../../engine/types';
import { analyze } from './helpers';

export interface DevCase {
  file: string;
  /** Facts and their values; `true` = present with any value. `absent`: no value read or derived (an assumption may fill it). */
  facts: Partial<Record<FactKey, FactValue | true>>;
  origins?: Partial<Record<FactKey, string>>;
  absent?: FactKey[];
}

export function devSet(name: string, dir: string, cases: DevCase[], notRuns: string[]): void {
  const DIR = path.resolve(dir);
  const all = Object.fromEntries(fs.readdirSync(DIR).map((n) => [n, fs.readFileSync(path.join(DIR, n), 'utf8')]));
  async function score(c: DevCase) {
    const a = await analyze(all, c.file, { hardware: 'a100' });
    const runs = [...a.runs, ...(a.linked ?? [])];
    const facts = runs.length === 1 ? runs[0].plan.facts : undefined;
    const wrong: string[] = [];
    for (const [k, v] of Object.entries(c.facts)) {
      const f = facts?.get(k as FactKey);
      if (!f || (v !== true && f.value !== v)) wrong.push(`${k}: expected ${v}, got ${f ? f.value : 'nothing'}`);
    }
    for (const [k, o] of Object.entries(c.origins ?? {}))
      if (facts?.get(k as FactKey)?.origin !== o) wrong.push(`origin of ${k}: expected ${o}`);
    for (const k of c.absent ?? []) {
      const f = facts?.get(k);
      if (!facts || ((f?.value ?? null) !== null && f?.origin !== 'assumed'))
        wrong.push(`${k}: expected none, got ${f?.value ?? 'no run'}`);
    }
    const total = Object.keys(c.facts).length + Object.keys(c.origins ?? {}).length + (c.absent ?? []).length;
    return { runs: runs.length, wrong, total };
  }

  for (const c of cases) {
    test(`${name}: ${c.file} given alone is one run with the facts it states`, async () => {
      const { runs, wrong } = await score(c);
      assert.equal(runs, 1, `${c.file}: runs`);
      assert.deepEqual(wrong, [], c.file);
    });
  }
  for (const f of notRuns) {
    test(`${name}: ${f} is not a training config and gives no run`, async () => {
      const a = await analyze(all, f, { hardware: 'a100' });
      assert.deepEqual([a.runs.length, a.linked?.length ?? 0, a.findings.length], [0, 0, 0], f);
    });
  }
  test(`${name}: accuracy over every stated fact (DEV_REPORT=1 lists the misses)`, async () => {
    let right = 0;
    let total = 0;
    for (const c of cases) {
      const s = await score(c);
      total += s.total;
      right += s.total - s.wrong.length;
      if (process.env.DEV_REPORT) for (const w of s.wrong) console.log(`  ${c.file}: ${w}`);
    }
    for (const f of notRuns) {
      const a = await analyze(all, f, { hardware: 'a100' });
      total += 1;
      if (a.runs.length + (a.linked?.length ?? 0) === 0) right += 1;
      else if (process.env.DEV_REPORT) console.log(`  ${f}: a run where there is none`);
    }
    console.log(`${name}: ${right}/${total} facts right (${((100 * right) / total).toFixed(1)} %)`);
    assert.equal(right, total);
  });
}
