// Many small incremental edits through the protocol must leave the server in the same state as opening the final
// text fresh: same diagnostics, no crash (the document store's tree edits and the analysis cache stay in step).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startServer, type LspSession } from '../helpers/lsp-client';

// Nine epochs: a run of hours even at bf16, so that GML301 (no periodic checkpoint, over 1 GPU-h) marks the analysis.
const START = `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-1.5B")
args = TrainingArguments(
    output_dir="out",
    per_device_train_batch_size=8,
    num_train_epochs=9,
    save_strategy="no",
)
Trainer(model=model, args=args).train()
`;
const PIECES = ['bf16=True, ', 'fp16=True, ', '(', ')', '\n', '"', 'save_steps=100, ', '😀', '', 'x', '#'];

let dir: string;
let lsp: LspSession;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-inc-'));
  fs.writeFileSync(path.join(dir, 'greenml.toml'), 'hardware = "a100-80gb"\n');
  lsp = await startServer(dir);
});
after(async () => {
  await lsp.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const position = (text: string, offset: number) => {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
};
const summary = (ds: Diagnostic[]) =>
  ds.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`).sort();

test('random edits: at every checkpoint the diagnostics equal a fresh open of the same text', async () => {
  const uri = lsp.open(path.join(dir, 'edited.py'), START);
  await lsp.diagnostics(uri);
  let text = START;
  let seed = 42;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  let version = 1;
  let withFindings = 0;
  for (let i = 1; i <= 200; i++) {
    const start = rnd(text.length + 1);
    const end = Math.min(text.length, start + rnd(3));
    const insert = PIECES[rnd(PIECES.length)];
    const range = { start: position(text, start), end: position(text, end) };
    text = text.slice(0, start) + insert + text.slice(end);
    version++;
    await lsp.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range, text: insert }],
    });
    if (i % 10 !== 0) continue;
    const edited = await lsp.diagnostics(uri, (p) => p.version === version, 20_000);
    const fresh = await lsp.diagnostics(lsp.open(path.join(dir, `fresh${i}.py`), text));
    assert.deepEqual(summary(edited.diagnostics), summary(fresh.diagnostics), `after ${i} edits:\n${text}`);
    if (fresh.diagnostics.some((d) => d.code)) withFindings++;
  }
  assert.ok(
    withFindings >= 3,
    `only ${withFindings} checkpoints had findings: the edits destroyed the script too early to test much`,
  );
  assert.equal(lsp.process.exitCode, null);
});

test('a document whose tree was evicted (more files open than trees kept) is re-parsed in full on its next edit', async () => {
  const first = lsp.open(path.join(dir, 'evicted.py'), START);
  await lsp.diagnostics(first, (p) => p.diagnostics.some((d) => d.code === 'GML101'));
  for (let i = 0; i < 20; i++) await lsp.diagnostics(lsp.open(path.join(dir, `other${i}.py`), START));
  const at = position(START, START.indexOf('    save_strategy'));
  await lsp.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: first, version: 2 },
    contentChanges: [{ range: { start: at, end: at }, text: '    bf16=True,\n' }],
  });
  const after = await lsp.diagnostics(first, (p) => p.version === 2);
  assert.deepEqual(
    after.diagnostics.filter((d) => d.code === 'GML101'),
    [],
  );
  assert.ok(
    after.diagnostics.some((d) => d.code === 'GML301'),
    'the rest of the analysis is intact',
  );
});
