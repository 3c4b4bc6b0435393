// The language server over stdio, driven by vscode-languageserver-protocol's client, as an editor would.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { CodeAction, CodeLens, Diagnostic, Hover, InlayHint, TextEdit } from 'vscode-languageserver-protocol';
import { hasSyntaxErrors } from '../helpers/rule-harness';
import { startServer, type LspSession } from '../helpers/lsp-client';

const FP32 = `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-1.5B")
training_args = TrainingArguments(
    output_dir="checkpoints",
    per_device_train_batch_size=16,
    num_train_epochs=2,
    learning_rate=1e-5,
)
trainer = Trainer(model=model, args=training_args)
trainer.train()
`;

const GOOD = `from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments

model = AutoModelForSequenceClassification.from_pretrained("roberta-base", num_labels=3)
args = TrainingArguments(output_dir="o", bf16=True, save_steps=200, per_device_train_batch_size=32, dataloader_num_workers=2)
Trainer(model=model, args=args).train()
`;

const msg = (d: Diagnostic | undefined) => (d ? (typeof d.message === 'string' ? d.message : d.message.value) : '');

function applyTextEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((s, l) => s + l.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

let dir: string;
let lsp: LspSession;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-lsp-'));
  fs.writeFileSync(path.join(dir, 'greenml.toml'), 'hardware = "NVIDIA A100-SXM4-80GB"\nregion = "FR"\n');
  lsp = await startServer(dir);
});
after(async () => {
  await lsp.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('fp32 script: GML101 on the TrainingArguments line, with code, link and source', async () => {
  const uri = lsp.open(path.join(dir, 'train.py'), FP32);
  const { diagnostics } = await lsp.diagnostics(uri);
  const d = diagnostics.find((x) => x.code === 'GML101');
  assert.ok(d, JSON.stringify(diagnostics));
  assert.equal(d.source, 'greenml');
  assert.equal(d.range.start.line, 3);
  assert.match(d.codeDescription?.href ?? '', /GML101-mixed-precision-off/);
  assert.match(msg(d), /A100/);
});

test('an extensionless entry point with a Python shebang (`./train`) is analysed as Python', async () => {
  const uri = lsp.open(path.join(dir, 'train'), `#!/usr/bin/env python3\n${FP32}`);
  const { diagnostics } = await lsp.diagnostics(uri);
  const d = diagnostics.find((x) => x.code === 'GML101');
  assert.ok(d, JSON.stringify(diagnostics));
  assert.equal(d.range.start.line, 4);
});

test('quick fix turns on bf16, states its saving, and leaves valid Python', async () => {
  const uri = lsp.open(path.join(dir, 'fix.py'), FP32);
  const { diagnostics } = await lsp.diagnostics(uri);
  const d = diagnostics.find((x) => x.code === 'GML101') as Diagnostic;
  const actions = (await lsp.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: d.range,
    context: { diagnostics: [d] },
  })) as CodeAction[];
  const fix = actions.find((a) => a.title.startsWith('Use bf16'));
  assert.ok(fix, actions.map((a) => a.title).join('; '));
  assert.match(fix.title, /saves ≈ [\d.,]+ kWh \(−\d+%\)/);
  const fixed = applyTextEdits(FP32, fix.edit!.changes![uri]);
  assert.match(fixed, /bf16=True/);
  assert.equal(await hasSyntaxErrors(fixed), false);
  // The edited document no longer shows the finding.
  await lsp.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: fix.edit!.changes![uri].map((e) => ({ range: e.range, text: e.newText })),
  });
  const after = await lsp.diagnostics(uri, (p) => p.version === 2);
  assert.equal(after.diagnostics.filter((x) => x.code === 'GML101').length, 0);
});

test('hover on the arguments call shows the estimate with kWh and its assumptions', async () => {
  const uri = lsp.open(path.join(dir, 'hover.py'), FP32);
  await lsp.diagnostics(uri);
  const hover = (await lsp.connection.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: { line: 5, character: 8 },
  })) as Hover;
  const value = (hover.contents as { value: string }).value;
  assert.match(value, /kWh/);
  assert.match(value, /per_device_train_batch_size|micro_batch/);
  assert.match(value, /Assumptions/);
});

test('hover on the arguments call of a correct script (no finding there) still shows the estimate', async () => {
  const uri = lsp.open(path.join(dir, 'hover-good.py'), GOOD);
  await lsp.diagnostics(uri);
  const col = GOOD.split('\n')[3].indexOf('TrainingArguments') + 3;
  const hover = (await lsp.connection.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: { line: 3, character: col },
  })) as Hover;
  assert.match((hover?.contents as { value: string })?.value ?? '', /kWh/);
});

test('CodeLens on the run shows kWh and CO2e', async () => {
  const uri = lsp.open(path.join(dir, 'lens.py'), FP32);
  await lsp.diagnostics(uri);
  const lenses = (await lsp.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
  assert.equal(lenses.length, 1);
  assert.match(lenses[0].command!.title, /≈ [\d.,]+ kWh · [\d.,]+ kg CO2e · 1×.*A100/);
  assert.equal(lenses[0].range.start.line, 9);
});

test('inlay hints: memory per device after the micro-batch, duration after the epochs', async () => {
  const uri = lsp.open(path.join(dir, 'hints.py'), FP32);
  await lsp.diagnostics(uri);
  const hints = (await lsp.connection.sendRequest('textDocument/inlayHint', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } },
  })) as InlayHint[];
  const at = (line: number) =>
    hints
      .filter((h) => h.position.line === line)
      .map((h) => String(h.label))
      .join(' ');
  assert.match(at(5), /≈ [\d.]+\/80 GB per device/);
  assert.match(at(6), /≈ [\d.]+ (h|min) · [\d.]+ kWh/);
});

test('source.fixAll.greenml applies only safe fixes (checkpointing), never precision', async () => {
  const text = FP32.replace('learning_rate=1e-5,', 'learning_rate=1e-5,\n    save_strategy="no",');
  const uri = lsp.open(path.join(dir, 'fixall.py'), text);
  const { diagnostics } = await lsp.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'GML301'));
  const actions = (await lsp.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics, only: ['source.fixAll.greenml'] },
  })) as CodeAction[];
  assert.equal(actions.length, 1);
  const fixed = applyTextEdits(text, actions[0].edit!.changes![uri]);
  assert.match(fixed, /save_strategy="steps"/);
  assert.doesNotMatch(fixed, /bf16=True/);
  assert.equal(await hasSyntaxErrors(fixed), false);
});

test('a correct bf16 script with periodic saves has no findings', async () => {
  const uri = lsp.open(path.join(dir, 'good.py'), GOOD);
  const { diagnostics } = await lsp.diagnostics(uri);
  assert.deepEqual(diagnostics, []);
});

test('incremental edits: typing bf16=True by hand clears the finding', async () => {
  const uri = lsp.open(path.join(dir, 'typing.py'), FP32);
  await lsp.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'GML101'));
  const line = 7; // after learning_rate line
  const steps = ['    bf', '16=Tr', 'ue,\n'];
  let col = 0;
  let version = 1;
  for (const s of steps) {
    version++;
    await lsp.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [
        { range: { start: { line: line + 1, character: col }, end: { line: line + 1, character: col } }, text: s },
      ],
    });
    col += s.length;
  }
  const final = await lsp.diagnostics(uri, (p) => p.version === version);
  assert.equal(final.diagnostics.filter((d) => d.code === 'GML101').length, 0, JSON.stringify(final.diagnostics));
});

test('bad input: half-typed call, binary bytes and a 5 MB file give no crash and no hang', async () => {
  const half = lsp.open(
    path.join(dir, 'half.py'),
    'from transformers import TrainingArguments\nargs = TrainingArguments(output_dir="x", bf16=',
  );
  await lsp.diagnostics(half);
  const bin = lsp.open(path.join(dir, 'bin.py'), '\u0000\u0001\u0002PK\u0003\u0004'.repeat(1000));
  const b = await lsp.diagnostics(bin);
  assert.match(msg(b.diagnostics[0]), /binary/);
  const big = lsp.open(path.join(dir, 'big.py'), 'x = 1\n'.repeat(900_000));
  const g = await lsp.diagnostics(big);
  assert.match(msg(g.diagnostics[0]), /larger than/);
  // The server still answers.
  const uri = lsp.open(path.join(dir, 'after.py'), FP32);
  const { diagnostics } = await lsp.diagnostics(uri);
  assert.ok(diagnostics.some((d) => d.code === 'GML101'));
  assert.equal(lsp.process.exitCode, null);
});

test('changing the hardware setting changes findings without a restart', async () => {
  const d2 = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-lsp-cfg-'));
  const config: Record<string, unknown> = { hardware: 'a100' };
  const s = await startServer(d2, config);
  try {
    const uri = s.open(path.join(d2, 'train.py'), FP32);
    const first = await s.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'GML101'));
    assert.match(msg(first.diagnostics.find((d) => d.code === 'GML101')), /A100/);
    config.hardware = 'v100';
    await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const next = await s.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'GML101' && /V100/.test(msg(d))));
    assert.ok(next);
  } finally {
    await s.close();
    fs.rmSync(d2, { recursive: true, force: true });
  }
});

test('`greenml server --stdio` serves the same protocol', async () => {
  const d3 = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-lsp-cli-'));
  const s = await startServer(d3, { hardware: 'h100' }, [path.resolve('bin/greenml.js'), 'server', '--stdio']);
  try {
    const uri = s.open(path.join(d3, 'train.py'), FP32);
    const { diagnostics } = await s.diagnostics(uri);
    assert.ok(diagnostics.some((d) => d.code === 'GML101'));
  } finally {
    await s.close();
    fs.rmSync(d3, { recursive: true, force: true });
  }
});

test('greenml/summary gives the status bar the file footprint', async () => {
  const uri = lsp.open(path.join(dir, 'summary.py'), FP32);
  await lsp.diagnostics(uri);
  const r = (await lsp.connection.sendRequest('greenml/summary', { uri })) as {
    runs: { label: string; title: string; kWh: number }[];
    findings: number;
  };
  assert.equal(r.runs.length, 1);
  assert.equal(r.runs[0].label, 'Trainer');
  assert.ok(r.runs[0].kWh > 0);
  assert.match(r.runs[0].title, /kWh/);
  assert.ok(r.findings >= 1);
});
