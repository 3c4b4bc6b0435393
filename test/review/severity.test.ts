// The review's severity caps (server/review/analyze.ts), checked with a rule that does not lower itself: a finding
// placed on a fact read only through the shared vocabulary (origin `inferred`) is information at most; the same
// finding on a fact a framework reader produced keeps the rule's severity; a toy run is information at most.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linkFile, memoryReader } from '../../engine/link';
import { mergeSettings } from '../../engine/settings';
import type { FactKey } from '../../engine/types';
import { analyzeRun, runRule } from '../../server/review/analyze';
import type { Rule } from '../../rules/types';

const loud = (key: FactKey): Rule => ({
  code: 'GML999',
  name: 'test-loud',
  defaultSeverity: 'warning',
  summary: 'a warning on one fact',
  doc: { whatItDoes: '', whyIsThisBad: '', example: '', useInstead: '', fixSafety: '' },
  check(ctx) {
    const f = ctx.fact(key);
    return f?.file && f.span ? [{ file: f.file, span: f.span, message: `on ${key}`, fixes: [] }] : [];
  },
});

function review(file: string, text: string, key: FactKey, values = {}) {
  const settings = mergeSettings({ values, source: 'test' });
  const link = linkFile({ file, text, reader: memoryReader({ [file]: text }) });
  try {
    const [draft] = link.drafts;
    assert.ok(draft, `no run extracted from ${file}`);
    const { ctxBase } = analyzeRun(draft.plan, settings, draft.adjust);
    const origin = draft.plan.facts.get(key)?.origin;
    const [f] = runRule(loud(key), { ...ctxBase, anchor: { file, span: draft.plan.entry.span } }, settings);
    return { origin, severity: f?.severity };
  } finally {
    link.dispose();
  }
}

// A 1.5 B-parameter model so that the toy-run cap does not apply.
const generic = `model: Qwen/Qwen2.5-1.5B\ntrain_batch_size: 8\nepochs: 3\namp: false\n`;
const hf = `model_name_or_path: Qwen/Qwen2.5-1.5B\noutput_dir: out\nper_device_train_batch_size: 8\nnum_train_epochs: 3\n`;

test('a finding on an inferred fact is information; on a framework-read fact it keeps its severity', () => {
  const inferred = review('/c/train.yaml', generic, 'micro_batch', { hardware: 'a100' });
  assert.equal(inferred.origin, 'inferred');
  assert.equal(inferred.severity, 'information');
  const explicit = review('/c/sft.yaml', hf, 'micro_batch', { hardware: 'a100' });
  assert.equal(explicit.origin, 'explicit');
  assert.equal(explicit.severity, 'warning');
});

test('a toy run (a few steps, well under 0.01 GPU-hours) never gets a warning', () => {
  const toy = review('/c/sft.yaml', `${hf}max_steps: 5\n`, 'micro_batch', { hardware: 'a100' });
  assert.equal(toy.origin, 'explicit');
  assert.equal(toy.severity, 'information');
});

test("a user's severity setting wins over the caps", () => {
  const r = review('/c/train.yaml', generic, 'micro_batch', { hardware: 'a100', severity: { GML999: 'error' } });
  assert.equal(r.severity, 'error');
});
