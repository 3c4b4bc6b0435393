// The editor's footprint features over the real protocol (dist/server.js over stdio): greenml/footprint lists every
// run of the workspace — files on disk and open buffers — with its findings, what-if table and charts; greenml/tables
// gives the pickers the core's tables and says when greenml.toml wins; the "Apply N safe fixes" CodeLens appears
// with the safe fixes of the file.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { CodeLens } from 'vscode-languageserver-protocol';
import type { FootprintResult, TablesResult } from '../../server/lsp/custom-protocol';
import { startServer, type LspSession } from '../helpers/lsp-client';

const FP32 = `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.2-1B")
args = TrainingArguments(output_dir="o", num_train_epochs=3, per_device_train_batch_size=8, save_strategy="no")
Trainer(model=model, args=args).train()
`;
const BF16 = FP32.replace('save_strategy="no"', 'bf16=True');

let dir: string;
let lsp: LspSession;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-footprint-'));
  fs.writeFileSync(path.join(dir, 'greenml.toml'), 'hardware = "a100-80gb"\nregion = "aws:us-east-1"\n');
  fs.mkdirSync(path.join(dir, 'a'));
  fs.mkdirSync(path.join(dir, 'b'));
  fs.writeFileSync(path.join(dir, 'a', 'train.py'), FP32);
  fs.writeFileSync(path.join(dir, 'b', 'train.py'), BF16);
  lsp = await startServer(dir);
});
after(async () => {
  await lsp.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('greenml/footprint: every run of the workspace, open or not, with findings, what-if and three charts', async () => {
  const r = (await lsp.connection.sendRequest('greenml/footprint', { theme: 'dark' })) as FootprintResult;
  assert.equal(r.runs, 2);
  assert.ok(r.findings >= 2, String(r.findings));
  assert.ok(r.kWh > 0 && r.savingKWh > 0 && r.savingKWh < r.kWh);
  assert.equal((r.body.match(/<svg\b/g) ?? []).length, 3);
  assert.doesNotMatch(r.body, /<script/);
  assert.match(r.body, /section class="run"/);
  assert.match(r.body, /a\/train\.py:4/);
  assert.match(r.style, /--vscode-foreground/);
  assert.match(r.markdown, /^# Green ML Review/);
  assert.match(r.html, /Content-Security-Policy/);
  // An unsaved edit in an open buffer is what the view shows.
  lsp.open(path.join(dir, 'b', 'train.py'), BF16.replace('bf16=True', 'bf16=False'));
  const edited = (await lsp.connection.sendRequest('greenml/footprint', {})) as FootprintResult;
  assert.ok(edited.findings > r.findings, `${edited.findings} vs ${r.findings}`);
});

test('greenml/tables: accelerators, regions and rules, and where the hardware comes from', async () => {
  const uri = lsp.open(path.join(dir, 'a', 'train.py'), FP32);
  const t = (await lsp.connection.sendRequest('greenml/tables', { uri })) as TablesResult;
  assert.ok(t.hardware.some((h) => h.id === 'h100-sxm' && /80 GB/.test(h.detail)));
  assert.ok(t.regions.some((g) => g.id === 'aws:eu-north-1' && /g CO2e\/kWh/.test(g.detail)));
  assert.ok(t.rules.some((x) => x.code === 'GML101' && /## /.test(x.markdown)));
  assert.equal(t.sources?.hardware, 'greenml.toml');
});

test('the "Apply N safe fixes" CodeLens sits with the run lens and names the fixes', async () => {
  const uri = lsp.open(path.join(dir, 'a', 'train.py'), FP32);
  await lsp.diagnostics(uri);
  const lenses = (await lsp.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
  const fix = lenses.find((l) => l.command?.command === 'greenml.applySafeFixes');
  assert.ok(fix, JSON.stringify(lenses.map((l) => l.command?.title)));
  assert.match(fix.command?.title ?? '', /^Apply 1 safe fix/);
  assert.deepEqual(fix.command?.arguments, [uri]);
  assert.ok(lenses.some((l) => /kWh/.test(l.command?.title ?? '') && l.command?.command === 'greenml.showOutput'));
});
