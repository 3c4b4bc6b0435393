// `greenml estimate` in explicit mode with the run-shape flags: mixture-of-experts active parameters, a distillation
// teacher, and the micro-batch and sequence length that make a small step launch-bound.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'node:test';

const BIN = path.resolve('bin/greenml.js');
const estimate = (...extra: string[]) => {
  const r = spawnSync(
    process.execPath,
    [BIN, 'estimate', '--hardware', 'h100', '--devices', '8', '--precision', 'bf16', '--json', ...extra],
    { encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { gpuHours: { mid: number }; assumptions: { key: string; text: string }[] };
};

test('--active-params: a mixture-of-experts model costs its active parameters, not its total', () => {
  const dense = estimate('--params', '8e9', '--tokens', '1e11');
  const moe = estimate('--params', '8e9', '--active-params', '2e9', '--tokens', '1e11');
  assert.ok(moe.gpuHours.mid < dense.gpuHours.mid / 2, `${moe.gpuHours.mid} vs ${dense.gpuHours.mid}`);
});

test('--teacher-params: distillation adds the teacher forward pass on every token', () => {
  const student = estimate('--params', '1e9', '--tokens', '1e11');
  const distilled = estimate('--params', '1e9', '--teacher-params', '8e9', '--tokens', '1e11');
  assert.ok(distilled.gpuHours.mid > 2 * student.gpuHours.mid, `${distilled.gpuHours.mid} vs ${student.gpuHours.mid}`);
});

test('--micro-batch and --seq-len: a one-sequence step of a small model is launch-bound, and says so', () => {
  const big = estimate('--params', '185e6', '--tokens', '1e9', '--micro-batch', '16', '--seq-len', '1024');
  const tiny = estimate('--params', '185e6', '--tokens', '1e9', '--micro-batch', '1', '--seq-len', '1024');
  assert.ok(tiny.gpuHours.mid > 2 * big.gpuHours.mid, `${tiny.gpuHours.mid} vs ${big.gpuHours.mid}`);
  assert.ok(tiny.assumptions.some((a) => a.key === 'launch-bound'));
  assert.ok(!big.assumptions.some((a) => a.key === 'launch-bound'));
});

test('--encoder: a BERT-style encoder pays for its vocabulary projection only at the masked positions', () => {
  const plain = estimate('--params', '110e6', '--tokens', '1e10');
  const enc = estimate('--params', '110e6', '--tokens', '1e10', '--encoder');
  const ratio = enc.gpuHours.mid / plain.gpuHours.mid;
  assert.ok(ratio > 0.78 && ratio < 0.86, String(ratio));
  assert.match(enc.assumptions.find((a) => a.key === 'flops')!.text, /masked positions/);
});

test('the new flags reject values outside their bounds with exit code 2', () => {
  const r = spawnSync(process.execPath, [BIN, 'estimate', '--params', '1e9', '--tokens', '1e9', '--micro-batch', '0'], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--micro-batch must be at least 1/);
});

test('--sample-kind and --tokens-per-sample: samples × epochs without a sequence length are estimable, and said so', () => {
  const kind = estimate('--params', '7e9', '--samples', '500000', '--epochs', '4', '--sample-kind', 'instruction');
  assert.ok(kind.gpuHours.mid > 0);
  assert.match(kind.assumptions.find((a) => a.key === 'tokens')!.text, /tokens per sample/);
  const stated = estimate('--params', '7e9', '--samples', '500000', '--epochs', '4', '--tokens-per-sample', '800');
  const asTokens = estimate('--params', '7e9', '--tokens', String(500000 * 4 * 800));
  assert.ok(Math.abs(stated.gpuHours.mid / asTokens.gpuHours.mid - 1) < 1e-9);
  const r = spawnSync(
    process.execPath,
    [BIN, 'estimate', '--params', '7e9', '--samples', '5e5', '--epochs', '4', '--sample-kind', 'audio'],
    { encoding: 'utf8' },
  );
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--sample-kind must be one of [a-z, ]*instruction[a-z, ]*, got "audio"/);
});

test('--rollouts: each prompt costs its generated completions, each generated (2·N) and trained on (6·N); a reference model 2·N more', () => {
  // Sequences short of the attention reference length, so that attention FLOPs do not blur the ratios.
  const args = ['--params', '1.5e9', '--samples', '40000', '--epochs', '1', '--seq-len', '768', '--hardware', 'a100'];
  const sft = estimate(...args);
  const grpo = estimate(...args, '--rollouts', '8');
  const kl = estimate(...args, '--rollouts', '8', '--rollout-reference');
  const r = (a: { gpuHours: { mid: number } }) => a.gpuHours.mid / sft.gpuHours.mid;
  assert.ok(Math.abs(r(grpo) / ((8 * 8) / 6) - 1) < 0.02, String(r(grpo)));
  assert.ok(Math.abs(r(kl) / ((8 * 10) / 6) - 1) < 0.02, String(r(kl)));
  assert.match(grpo.assumptions.find((a) => a.key === 'tokens')!.text, /8 sequences \(the completions generated/);
  assert.match(grpo.assumptions.find((a) => a.key === 'tokens')!.text, /\(6 \+ 2\)·N·D/);
  // must not: tokens stated are the tokens trained on, every completion counted: only generation's 2·N adds.
  const tok = estimate('--params', '1.5e9', '--tokens', '1e9', '--hardware', 'a100');
  const tokRl = estimate('--params', '1.5e9', '--tokens', '1e9', '--hardware', 'a100', '--rollouts', '8');
  assert.ok(Math.abs(tokRl.gpuHours.mid / tok.gpuHours.mid / (8 / 6) - 1) < 0.02);
  for (const v of ['0', '2.5']) {
    const bad = spawnSync(process.execPath, [BIN, 'estimate', ...args, '--rollouts', v], { encoding: 'utf8' });
    assert.equal(bad.status, 2, v);
    assert.match(bad.stderr, /--rollouts must be a whole number/);
  }
});

test('--preference: pairs of a chosen and a rejected response cost two sequences, and a reference model its forward pass', () => {
  const args = ['--params', '7e9', '--samples', '60000', '--epochs', '1', '--sample-kind', 'instruction'];
  const sft = estimate(...args);
  const orpo = estimate(...args, '--preference', 'reference-free');
  const dpo = estimate(...args, '--preference', 'reference');
  const r = (a: { gpuHours: { mid: number } }) => a.gpuHours.mid / sft.gpuHours.mid;
  assert.ok(Math.abs(r(orpo) - 2) < 0.15, String(r(orpo)));
  assert.ok(Math.abs(r(dpo) - 8 / 3) < 0.2, String(r(dpo)));
  assert.match(dpo.assumptions.find((a) => a.key === 'tokens')!.text, /a chosen and a rejected response/);
  // must not: tokens stated are the tokens trained on; only the reference model's forward pass adds.
  const tok = estimate('--params', '7e9', '--tokens', '1e9');
  const tokRef = estimate('--params', '7e9', '--tokens', '1e9', '--preference', 'reference');
  const tokFree = estimate('--params', '7e9', '--tokens', '1e9', '--preference', 'reference-free');
  assert.equal(tokFree.gpuHours.mid, tok.gpuHours.mid);
  assert.ok(tokRef.gpuHours.mid / tok.gpuHours.mid < 1.4);
  const bad = spawnSync(process.execPath, [BIN, 'estimate', ...args, '--preference', 'dpo'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--preference must be reference or reference-free/);
});
