// The rule tester as a rule author meets it: a cases file run by node's test runner, where each wrong expectation
// fails its case with a message saying what was wrong, and the cases that are right pass. Issue 12, point 7: columns
// and end positions are checked, every fix's applicability, "no fix expected", duplicates are rejected, a
// must-not-fire case with no run fails, and the case is analysed in memory only (a launcher on the host's disk beside
// the case's path is not read).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

const FP32 = `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-1.5B")
args = TrainingArguments(output_dir="out", per_device_train_batch_size=8)
Trainer(model=model, args=args).train()
`;

/** Each case of the generated file, by name, with the text its failure must contain (undefined: it must pass). */
const EXPECTED: Record<string, string | undefined> = {
  'right: position, end, severity and the unsafe bf16 fix': undefined,
  'wrong start column': 'start column of finding 1',
  'wrong end column': 'end column of finding 1',
  'wrong applicability': 'applicability of "Use bf16',
  'no fix expected, but there is one': 'expected no fix',
  'must not fire on a file with no run': 'no run was extracted',
  'same input as the right case, under another name': 'duplicate case',
  'a launcher on the disk beside the case path is not read': undefined,
};

function casesFile(dir: string): string {
  const harness = path.resolve('test/helpers/rule-harness.ts');
  const rule = path.resolve('rules/mixed-precision-off.ts');
  const fp32 = JSON.stringify(FP32);
  // Each wrong case differs from the right one by a trailing comment, so that only the duplicate is a duplicate.
  const variant = (n: number) => `${fp32} + ${JSON.stringify(`# variant ${n}\n`)}`;
  const right = `{ line: 3, column: 8, endLine: 3, endColumn: 25, severity: 'warning' }`;
  return `import { runRuleCases } from ${JSON.stringify(harness)};
import { mixedPrecisionOff } from ${JSON.stringify(rule)};
const a100 = { hardware: 'a100-80gb' };
runRuleCases(mixedPrecisionOff, [
  { name: ${JSON.stringify(Object.keys(EXPECTED)[0])}, code: ${fp32}, settings: a100, expect: [${right}],
    fixes: [{ applicability: 'unsafe', titleIncludes: 'Use bf16' }] },
  { name: 'wrong start column', code: ${variant(1)}, settings: a100,
    expect: [{ line: 3, column: 1, severity: 'warning' }] },
  { name: 'wrong end column', code: ${variant(2)}, settings: a100,
    expect: [{ line: 3, column: 8, endLine: 3, endColumn: 24 }] },
  { name: 'wrong applicability', code: ${variant(3)}, settings: a100, expect: [${right}],
    fixes: [{ applicability: 'safe', titleIncludes: 'Use bf16' }] },
  { name: 'no fix expected, but there is one', code: ${variant(4)}, settings: a100, expect: [${right}], noFix: true },
  { name: 'must not fire on a file with no run', code: 'x = 1\\n', settings: a100, expect: [] },
  { name: 'same input as the right case, under another name', code: ${fp32}, settings: a100, expect: [${right}] },
  { name: 'a launcher on the disk beside the case path is not read', file: ${JSON.stringify(path.join(dir, 'train.py'))},
    code: ${fp32}, expect: [{ line: 3, severity: 'information', messageIncludes: 'unknown hardware' }] },
]);
`;
}

/** node --test's TAP output, by test name: whether it passed, and the text of its report. */
function results(tap: string): Map<string, { ok: boolean; report: string }> {
  const out = new Map<string, { ok: boolean; report: string }>();
  const lines = tap.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*(ok|not ok) \d+ - GML101 mixed-precision-off: (.*)$/.exec(lines[i]);
    if (!m) continue;
    let j = i + 1;
    while (j < lines.length && !/^\s*(ok|not ok) \d+ - /.test(lines[j])) j++;
    out.set(m[2].trim(), { ok: m[1] === 'ok', report: lines.slice(i + 1, j).join('\n') });
  }
  return out;
}

test('the rule tester fails each wrong expectation with what was wrong, and passes the right ones', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-harness-'));
  try {
    // On the disk: the case's script and a SLURM launcher asking for A100s. Read from the disk, the launcher would
    // make the finding a warning on an A100; the harness must see only the case's text (unknown hardware).
    fs.writeFileSync(path.join(dir, 'train.py'), FP32);
    fs.writeFileSync(path.join(dir, 'run.sh'), '#!/bin/bash\n#SBATCH --gres=gpu:a100:8\npython train.py\n');
    const cases = path.join(dir, 'cases.test.ts');
    fs.writeFileSync(cases, casesFile(dir));
    // Without NODE_TEST_CONTEXT, which would make the child skip its files as a recursive run of this one.
    const env = { ...process.env };
    delete env.NODE_TEST_CONTEXT;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', cases], {
      encoding: 'utf8',
      timeout: 120_000,
      env,
    });
    const got = results(r.stdout);
    assert.deepEqual([...got.keys()].sort(), Object.keys(EXPECTED).sort(), r.stdout + r.stderr);
    for (const [name, failure] of Object.entries(EXPECTED)) {
      const g = got.get(name)!;
      if (failure === undefined) assert.ok(g.ok, `"${name}" should pass:\n${g.report}`);
      else {
        assert.ok(!g.ok, `"${name}" should fail with "${failure}"`);
        assert.ok(g.report.includes(failure), `"${name}" failed without "${failure}":\n${g.report}`);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a fix that clears another finding of the rule but leaves its own on its line fails the fix check', async () => {
  const { analyzeCase, checkEveryFix, mapOffset } = await import('../helpers/rule-harness');
  const { mergeSettings } = await import('../../engine/settings');
  const { mixedPrecisionOff } = await import('../../rules/mixed-precision-off');
  const c = {
    file: '/case/train.py',
    text: FP32,
    files: {},
    settings: mergeSettings({ values: { hardware: 'a100-80gb' }, source: 'test' }),
  };
  const a = await analyzeCase(c.file, c.text, c.files, c.settings);
  const real = a.findings.filter((f) => f.code === 'GML101');
  assert.equal(real.length, 1);
  // The real bf16 fix clears the finding on line 3.
  assert.ok((await checkEveryFix(mixedPrecisionOff, c, a.findings)) > 0);
  // A second finding of the rule whose "fix" adds a line above line 3: the rule has fewer findings afterwards (one
  // where there were two), but the first one is still on its line, moved to line 4.
  const moved = {
    ...real[0],
    fixes: [
      {
        title: 'add a comment above',
        applicability: 'safe' as const,
        edits: [{ file: c.file, start: 0, end: 0, newText: '# moved\n' }],
      },
    ],
  };
  await assert.rejects(
    checkEveryFix(mixedPrecisionOff, c, [moved, { ...real[0], fixes: [] }]),
    /GML101 still fires on line 4/,
  );
  // Offsets through edits: after an insertion, inside a replacement, before any.
  const edits = [
    { file: 'f', start: 0, end: 0, newText: 'ab' },
    { file: 'f', start: 10, end: 14, newText: 'x' },
  ];
  assert.deepEqual([mapOffset(5, edits), mapOffset(12, edits), mapOffset(20, edits)], [7, 12, 19]);
});
