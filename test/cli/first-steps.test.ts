// What a new user meets first: `greenml hardware` / `regions`, `greenml init` (with the GPU detected through a fake
// nvidia-smi on PATH), `--hardware/--devices/--region` on check, and the text report's sections and summary.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { parse as parseToml } from 'smol-toml';
import { colorEnabled } from '../../server/cli/text';
import { tempWorkspace } from '../helpers/workspace';

const BIN = path.resolve('bin/greenml.js');
const run = (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: undefined, ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const workspace = (files: Record<string, string>) => tempWorkspace('first', files);

const FP32 = `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.2-1B")
args = TrainingArguments(output_dir="o", num_train_epochs=3, per_device_train_batch_size=8)
Trainer(model=model, args=args).train()
`;
const BF16 = FP32.replace('per_device_train_batch_size=8', 'per_device_train_batch_size=8, bf16=True');

test('greenml hardware lists the table and searches it, also by the name nvidia-smi prints', () => {
  const all = run(['hardware']);
  assert.equal(all.code, 0, all.err);
  assert.match(all.out, /^ID\s+NAME\s+MEMORY/m);
  assert.match(all.out, /h100-sxm\s+NVIDIA H100/);
  const a100 = run(['hardware', 'a100']);
  const ids = a100.out.split('\n').filter((l) => /^a100-/.test(l));
  assert.ok(ids.length >= 2 && !/h100/.test(a100.out.split('\n\n')[0]), a100.out);
  const smi = run(['hardware', 'NVIDIA A100-SXM4-80GB', '--json']);
  assert.ok(
    JSON.parse(smi.out).some((a: { id: string }) => a.id === 'a100-sxm4-80gb'),
    smi.out,
  );
  // Accelerators the spent published sets ran on (footprint-10's Graphcore runs, footprint-5's and -11's TPU v2 runs).
  const ipu = run(['hardware', 'graphcore', 'mk2', '--json']);
  assert.deepEqual(
    JSON.parse(ipu.out).map((a: { id: string; year: number }) => [a.id, a.year]),
    [['gc200', 2020]],
    ipu.out,
  );
  assert.match(run(['hardware', 'tpu', 'v2']).out, /tpu-v2\s+Google Cloud TPU v2/);
  const none = run(['hardware', 'quantum', 'abacus']);
  assert.equal(none.code, 1);
  assert.match(none.out, /No accelerator matches/);
});

test('greenml regions lists grid intensities and searches by provider, name or country', () => {
  const fr = run(['regions', 'paris']);
  assert.match(fr.out, /aws:eu-west-3\s+Europe \(Paris\)\s+\d+/);
  const gcp = JSON.parse(run(['regions', 'gcp', 'europe', '--json']).out) as { id: string }[];
  assert.ok(gcp.length > 1 && gcp.every((g) => g.id.startsWith('gcp:europe')), JSON.stringify(gcp.map((g) => g.id)));
});

test('init writes a commented greenml.toml from flags that check then reads', () => {
  const dir = workspace({ 'train.py': FP32 });
  const r = run(['init', dir, '--hardware', 'h100', '--devices', '4', '--region', 'FR', '--no-detect']);
  assert.equal(r.code, 0, r.err);
  const text = fs.readFileSync(path.join(dir, 'greenml.toml'), 'utf8');
  assert.match(text, /^# .*greenml hardware/m);
  assert.deepEqual({ ...parseToml(text) }, { hardware: 'h100', devices: 4, region: 'FR' });
  const j = JSON.parse(run(['check', dir, '--format', 'json']).out);
  assert.equal(j.runs[0].estimate.devices, 4);
  assert.match(j.runs[0].estimate.accelerator, /^h100/);
  // A second init does not overwrite without --force.
  const again = run(['init', dir, '--hardware', 'l4', '--no-detect']);
  assert.equal(again.code, 2);
  assert.match(again.err, /exists.*--force/);
  assert.equal(run(['init', dir, '--hardware', 'nope-9000', '--force', '--no-detect']).code, 2);
});

test('init detects the GPU where nvidia-smi answers, and works without it', () => {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-smi-'));
  fs.writeFileSync(
    path.join(bin, 'nvidia-smi'),
    '#!/bin/sh\necho "NVIDIA H100 80GB HBM3"\necho "NVIDIA H100 80GB HBM3"\n',
    { mode: 0o755 },
  );
  const dir = workspace({});
  const r = run(['init', dir, '--yes'], { PATH: `${bin}${path.delimiter}${process.env.PATH}` });
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /detected 2 × NVIDIA H100 80GB HBM3/);
  const values = parseToml(fs.readFileSync(path.join(dir, 'greenml.toml'), 'utf8')) as Record<string, unknown>;
  assert.equal(values.devices, 2);
  assert.match(String(values.hardware), /^h100/);
  assert.equal(values.region, undefined);

  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-nopath-'));
  const plain = run(['init', '--stdout', '--yes'], { PATH: empty });
  assert.equal(plain.code, 0, plain.err);
  assert.deepEqual(
    { ...parseToml(plain.out) },
    {},
    'nothing set when nothing is known: every key is a commented example',
  );
  assert.match(plain.out, /^# hardware = "/m);
});

test('check --hardware/--devices/--region win over greenml.toml; unknown names are usage errors', () => {
  const dir = workspace({ 'greenml.toml': 'hardware = "a100-80gb"\nregion = "aws:us-east-1"\n', 'train.py': FP32 });
  const base = JSON.parse(run(['check', dir, '--format', 'json']).out).runs[0].estimate;
  const j = JSON.parse(
    run(['check', dir, '--format', 'json', '--hardware', 'v100', '--devices', '2', '--region', 'FR']).out,
  ).runs[0].estimate;
  assert.match(j.accelerator, /^v100/);
  assert.equal(j.devices, 2);
  assert.ok(j.grid.gPerKWh < base.grid.gPerKWh / 3, `${j.grid.gPerKWh} vs ${base.grid.gPerKWh}`);
  const bad = run(['check', dir, '--region', 'aws:us-east-9']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /Did you mean/);
  assert.equal(run(['check', dir, '--devices', '0']).code, 2);
});

test('text report: sections, grouped by file, wrapped, and a summary counting files with findings', () => {
  const dir = workspace({
    'greenml.toml': 'hardware = "a100-80gb"\n',
    'a/train.py': FP32,
    'b/train.py': FP32,
    'c/train.py': BF16,
  });
  const r = run(['check', dir]);
  assert.equal(r.code, 1, r.err);
  assert.ok(!r.out.includes('\u001b['), 'no colour in a pipe');
  const [findings, estimates] = r.out.split(/^Estimates/m);
  assert.match(findings, /^Findings$/m);
  // Each file with findings is named once, its findings indented under it; the bf16 file has none.
  assert.equal(findings.split('\n').filter((l) => l.endsWith('a/train.py')).length, 1);
  assert.doesNotMatch(findings, /c\/train\.py/);
  assert.equal((estimates.match(/train\.py:4 {2}Trainer/g) ?? []).length, 3);
  for (const line of r.out.split('\n')) assert.ok(line.length <= 100, `too long: ${line}`);
  const summary = r.out.trim().split('\n\n').pop()!.replace(/\n/g, ' ');
  const n = JSON.parse(run(['check', dir, '--format', 'json']).out).files.flatMap(
    (f: { findings: unknown[] }) => f.findings,
  ).length;
  assert.match(summary, new RegExp(`^${n} findings \\(${n} warnings\\) in 2 files of 3 reviewed`));
  assert.match(summary, /3 runs ≈ [\d.]+ kWh/);
  assert.match(summary, /the fixes could save ≈ [\d.]+ kWh/);

  const colored = run(['check', dir], { FORCE_COLOR: '1' });
  assert.ok(colored.out.includes('\u001b[33mwarning'), colored.out);
  assert.ok(!run(['check', dir], { FORCE_COLOR: '1', NO_COLOR: '1' }).out.includes('\u001b['));
});

test('colour: terminal only, NO_COLOR wins, FORCE_COLOR forces', () => {
  assert.equal(colorEnabled({}, true), true);
  assert.equal(colorEnabled({}, false), false);
  assert.equal(colorEnabled({ NO_COLOR: '1' }, true), false);
  assert.equal(colorEnabled({ FORCE_COLOR: '1' }, false), true);
  assert.equal(colorEnabled({ FORCE_COLOR: '0' }, true), false);
  assert.equal(colorEnabled({ TERM: 'dumb' }, true), false);
});
