// Rule controls in the editor: the "Suppress on this line" and "Show documentation" code actions, and unknown rule
// codes in greenml.toml shown as errors on the file itself.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, ShowDocumentParams } from 'vscode-languageserver-protocol';
import { startServer, type LspSession } from '../helpers/lsp-client';

const FP32 = `from transformers import TrainingArguments
args = TrainingArguments(output_dir="o", per_device_train_batch_size=8)
`;

let dir: string;
let lsp: LspSession;
const shown: ShowDocumentParams[] = [];

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-controls-'));
  fs.writeFileSync(path.join(dir, 'greenml.toml'), 'hardware = "a100"\nignore = ["GML1O1", "GML3"]\n');
  lsp = await startServer(dir);
  lsp.connection.onRequest('window/showDocument', (p: ShowDocumentParams) => {
    shown.push(p);
    return { success: true };
  });
});
after(async () => {
  await lsp.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('an unknown code in greenml.toml is an error on that code in the file; known ones still apply', async () => {
  const uri = lsp.open(path.join(dir, 'train.py'), FP32);
  const toml = pathToFileURL(path.join(dir, 'greenml.toml')).href;
  const { diagnostics } = await lsp.diagnostics(toml);
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
  assert.equal(diagnostics[0].severity, 1);
  assert.match(String(diagnostics[0].message), /unknown rule "GML1O1"/);
  assert.deepEqual(diagnostics[0].range, { start: { line: 1, character: 11 }, end: { line: 1, character: 17 } });
  const own = await lsp.diagnostics(uri);
  assert.ok(own.diagnostics.some((d) => d.code === 'GML101'));
  assert.ok(!own.diagnostics.some((d) => String(d.code).startsWith('GML3')));
});

test('"Suppress GML101 on this line" adds the comment and the finding goes; "Show documentation" opens the page', async () => {
  const uri = lsp.open(path.join(dir, 'suppress.py'), FP32);
  const { diagnostics } = await lsp.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'GML101'));
  const d = diagnostics.find((x) => x.code === 'GML101') as Diagnostic;
  const actions = (await lsp.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: d.range,
    context: { diagnostics: [d] },
  })) as CodeAction[];
  const titles = actions.map((a) => a.title);
  const sup = actions.find((a) => a.title === 'Suppress GML101 on this line');
  assert.ok(sup, titles.join('; '));
  // Fixes come first, then suppress, then documentation.
  assert.ok(titles.indexOf('Suppress GML101 on this line') > titles.findIndex((t) => t.startsWith('Use bf16')));
  const edit = sup.edit!.changes![uri][0];
  assert.equal(edit.newText, '  # greenml: ignore[GML101]');
  await lsp.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: edit.range, text: edit.newText }],
  });
  const after = await lsp.diagnostics(uri, (p) => p.version === 2);
  assert.deepEqual(
    after.diagnostics.map((x) => x.code),
    [],
  );
  const docs = actions.find((a) => a.title === 'Show documentation for GML101');
  assert.ok(docs?.command, titles.join('; '));
  await lsp.connection.sendRequest('workspace/executeCommand', {
    command: docs.command.command,
    arguments: docs.command.arguments,
  });
  assert.equal(shown.length, 1);
  assert.match(shown[0].uri, /docs\/rules\/GML101-mixed-precision-off\.md$/);
  assert.equal(shown[0].external, true);
});

test('unknown codes in the VS Code settings (select, ignore, severity, perFileIgnores): one error naming each; known ones still apply', async () => {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-controls-editor-'));
  const start = async (configuration: Record<string, unknown>) => {
    const s = await startServer(ws, { hardware: 'a100', ...configuration });
    const errors: string[] = [];
    s.connection.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => {
      if (p.type === 1) errors.push(p.message);
      return null;
    });
    const uri = s.open(path.join(ws, 'train.py'), FP32);
    const codes = (await s.diagnostics(uri)).diagnostics.map((d) => d.code);
    return { s, errors, codes };
  };
  try {
    const bad = await start({
      select: ['GML1', 'GML1O1'],
      ignore: ['no-such-rule'],
      severity: { GML3O1: 'off' },
      perFileIgnores: { 'experiments/**': ['GML2Z2'] },
    });
    await bad.s.close();
    assert.equal(bad.errors.length, 1, JSON.stringify(bad.errors));
    for (const c of ['GML1O1', 'no-such-rule', 'GML3O1', 'GML2Z2'])
      assert.match(bad.errors[0], new RegExp(`VS Code settings \\(greenml\\): unknown rule "${c}"`));
    assert.deepEqual(bad.codes, ['GML101']);
    // Must not: known codes, prefixes and names raise no error.
    const good = await start({
      select: ['GML1', 'no-periodic-checkpoint'],
      severity: { GML101: 'error' },
      perFileIgnores: { 'experiments/**': ['GML3'] },
    });
    await good.s.close();
    assert.deepEqual(good.errors, []);
    assert.deepEqual(good.codes, ['GML101']);
  } finally {
    fs.rmSync(ws, { recursive: true, force: true });
  }
});
