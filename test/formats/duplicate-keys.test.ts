// Duplicated keys in YAML and JSON configs: the last one wins, as Python's json module and yaml.safe_load (the
// readers the training code uses) keep it; findings point at it and fixes edit it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, applyEdits, codes, fact, lineOf } from './helpers';

const DS = (first: boolean, last: boolean) =>
  `{\n  "train_micro_batch_size_per_gpu": 4,\n  "fp16": {"enabled": false},\n  "bf16": {"enabled": ${first}},\n  "zero_optimization": {"stage": 2},\n  "bf16": {"enabled": ${last}}\n}\n`;

test('JSON: a DeepSpeed config whose last "bf16" says disabled is read as disabled (fp32), on that key', async () => {
  const text = DS(true, false);
  const a = await analyze({ 'ds.json': text }, 'ds.json', { hardware: 'a100' });
  assert.equal(fact(a, 'precision')?.value, 'fp32');
  const f = a.findings.find((x) => x.code === 'GML101')!;
  assert.equal(lineOf(text, f.span.start), 6);
  const fixed = applyEdits(text, f.fixes[0].edits);
  assert.equal(JSON.parse(fixed).bf16.enabled, true);
  assert.ok(!codes(await analyze({ 'ds.json': fixed }, 'ds.json', { hardware: 'a100' })).includes('GML101'));
  // And the other way round: the last says enabled.
  const b = await analyze({ 'ds.json': DS(false, true) }, 'ds.json', { hardware: 'a100' });
  assert.equal(fact(b, 'precision')?.value, 'bf16');
});

test('YAML: the last of two keys wins (axolotl bf16)', async () => {
  const text =
    'base_model: meta-llama/Llama-3.2-1B\nsequence_len: 2048\nmicro_batch_size: 2\nnum_epochs: 1\nbf16: true\nfp16: false\nbf16: false\n';
  const a = await analyze({ 'cfg.yaml': text }, 'cfg.yaml', { hardware: 'a100' });
  const f = a.findings.find((x) => x.code === 'GML101');
  assert.ok(f, 'bf16: false (the last) is what the run uses');
  assert.equal(lineOf(text, f.span.start), 7);
  const fixed = applyEdits(text, f.fixes[0].edits);
  assert.ok(!codes(await analyze({ 'cfg.yaml': fixed }, 'cfg.yaml', { hardware: 'a100' })).includes('GML101'));
});
