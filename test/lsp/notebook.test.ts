// Jupyter notebooks over the protocol (LSP 3.17 notebook synchronization): a real client sends
// notebookDocument/didOpen and didChange (a cell's text edited, cells added, moved and removed) to dist/server.js,
// and the diagnostics must arrive on the cell they belong to, at the range of the same text as in the script made of
// the same code; hover, CodeLens, inlay hints and code actions answer on cells; malformed traffic and a notebook over
// the size cap never stop the server.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams, Range } from 'vscode-languageserver-protocol';
import { startServer, type LspSession } from '../helpers/lsp-client';

const SETUP = '!pip install -q transformers\n%matplotlib inline\n';
const MODEL = `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-1.5B")
`;
// Nine epochs without a periodic checkpoint on an A100: GML301. No final newline (the editor's cells have none).
const TRAIN = `args = TrainingArguments(
    output_dir="out",
    per_device_train_batch_size=8,
    num_train_epochs=9,
    save_strategy="no",
)
Trainer(model=model, args=args).train()`;

let dir: string;
let lsp: LspSession;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-nb-'));
  fs.writeFileSync(path.join(dir, 'greenml.toml'), 'hardware = "a100-80gb"\n');
  lsp = await startServer(dir);
  lsp.connection.onNotification('window/logMessage', (p: { message: string }) => {
    if (process.env.NBDEBUG) console.error(p.message.slice(0, 400));
  });
});
after(async () => {
  await lsp.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Cell {
  uri: string;
  text: string;
  kind?: number;
  languageId?: string;
}
const cellUri = (nb: string, id: string) => `vscode-notebook-cell:${path.join(dir, nb)}#${id}`;
const nbUri = (nb: string) => `file://${path.join(dir, nb)}`;
const notify = (method: string, params: unknown) => lsp.connection.sendNotification(method, params);
const openNotebook = (nb: string, cells: Cell[]) =>
  notify('notebookDocument/didOpen', {
    notebookDocument: {
      uri: nbUri(nb),
      notebookType: 'jupyter-notebook',
      version: 0,
      cells: cells.map((c) => ({ kind: c.kind ?? 2, document: c.uri })),
    },
    cellTextDocuments: cells.map((c) => ({
      uri: c.uri,
      languageId: c.languageId ?? 'python',
      version: 1,
      text: c.text,
    })),
  });
const changeNotebook = (nb: string, version: number, change: unknown) =>
  notify('notebookDocument/didChange', { notebookDocument: { uri: nbUri(nb), version }, change });

/** The text a range covers. */
function textAt(text: string, r: Range): string {
  const lines = text.split('\n');
  const off = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((s, l) => s + l.length + 1, 0) + p.character;
  return text.slice(off(r.start), off(r.end));
}
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code).sort();
const has = (code: string) => (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === code);
const lacks = (code: string) => (p: PublishDiagnosticsParams) => !has(code)(p);

/** The findings of the script made of the same code, each with the text it covers. */
async function scriptFindings(name: string, text: string) {
  const uri = lsp.open(path.join(dir, name), text);
  const p = await lsp.diagnostics(uri);
  return p.diagnostics.filter((d) => d.code).map((d) => `${d.code} ${textAt(text, d.range)}`);
}
const cellFindings = (text: string, ds: Diagnostic[]) =>
  ds.filter((d) => d.code).map((d) => `${d.code} ${textAt(text, d.range)}`);

test('findings land on their cell, on the same text as in the script of the same code; edits, adds, moves and removals follow', async () => {
  const c = {
    setup: { uri: cellUri('train.ipynb', 'setup'), text: SETUP },
    notes: { uri: cellUri('train.ipynb', 'notes'), text: '# Fine-tuning\n', kind: 1, languageId: 'markdown' },
    model: { uri: cellUri('train.ipynb', 'model'), text: MODEL },
    train: { uri: cellUri('train.ipynb', 'train'), text: TRAIN },
  };
  await openNotebook('train.ipynb', [c.setup, c.notes, c.model, c.train]);
  const train = await lsp.diagnostics(c.train.uri, has('GML301'));
  const expected = await scriptFindings('oracle.py', MODEL + TRAIN);
  assert.ok(expected.length > 0);
  // Every finding of the script that falls in the training cell's code, at the same text; none elsewhere.
  assert.deepEqual(cellFindings(TRAIN, train.diagnostics).sort(), expected.sort());
  for (const d of train.diagnostics) assert.ok(d.range.end.line <= TRAIN.split('\n').length - 1);
  const model = await lsp.diagnostics(c.model.uri);
  assert.deepEqual(codes(model), []);
  const setup = await lsp.diagnostics(c.setup.uri);
  assert.deepEqual(codes(setup), []);

  // A cell's text edited: the checkpointing set, GML301 goes.
  const at = TRAIN.indexOf('"no"');
  const line = TRAIN.slice(0, at).split('\n').length - 1;
  const col = at - TRAIN.lastIndexOf('\n', at) - 1;
  await changeNotebook('train.ipynb', 1, {
    cells: {
      textContent: [
        {
          document: { uri: c.train.uri, version: 2 },
          changes: [{ range: { start: { line, character: col }, end: { line, character: col + 4 } }, text: '"steps"' }],
        },
      ],
    },
  });
  await lsp.diagnostics(c.train.uri, lacks('GML301'));
  // And back.
  await changeNotebook('train.ipynb', 2, {
    cells: {
      textContent: [
        {
          document: { uri: c.train.uri, version: 3 },
          changes: [{ range: { start: { line, character: col }, end: { line, character: col + 7 } }, text: '"no"' }],
        },
      ],
    },
  });
  const back = await lsp.diagnostics(c.train.uri, has('GML301'));
  assert.deepEqual(cellFindings(TRAIN, back.diagnostics).sort(), expected.sort());

  // A cell added before the others: the training cell's ranges stay its own (cell-relative); the new cell is clear.
  const added = { uri: cellUri('train.ipynb', 'added'), text: 'import os\n\nos.makedirs("out", exist_ok=True)\n\n\n' };
  await changeNotebook('train.ipynb', 3, {
    cells: {
      structure: {
        array: { start: 0, deleteCount: 0, cells: [{ kind: 2, document: added.uri }] },
        didOpen: [{ uri: added.uri, languageId: 'python', version: 1, text: added.text }],
      },
    },
  });
  const addedDiags = await lsp.diagnostics(added.uri);
  assert.deepEqual(codes(addedDiags), []);
  const after = await lsp.diagnostics(c.train.uri, (p) => p !== back && has('GML301')(p));
  assert.deepEqual(cellFindings(TRAIN, after.diagnostics).sort(), expected.sort());

  // The training cell moved before the model's (cells: added, setup, notes, model, train → added, setup, notes,
  // train, model): the run's call now precedes the model's definition, yet each finding stays on its cell's text.
  await changeNotebook('train.ipynb', 4, {
    cells: {
      structure: {
        array: {
          start: 3,
          deleteCount: 2,
          cells: [
            { kind: 2, document: c.train.uri },
            { kind: 2, document: c.model.uri },
          ],
        },
      },
    },
  });
  const moved = await lsp.diagnostics(c.train.uri, (p) => p !== after);
  for (const f of cellFindings(TRAIN, moved.diagnostics)) assert.ok(expected.includes(f), f);
  assert.deepEqual(codes(await lsp.diagnostics(c.model.uri)), []);

  // The training cell removed: its diagnostics are cleared.
  await changeNotebook('train.ipynb', 5, {
    cells: {
      structure: {
        array: { start: 3, deleteCount: 1 },
        didClose: [{ uri: c.train.uri }],
      },
    },
  });
  const removed = await lsp.diagnostics(c.train.uri, (p) => p.diagnostics.length === 0);
  assert.deepEqual(removed.diagnostics, []);

  // Closing the notebook clears every cell.
  await notify('notebookDocument/didClose', {
    notebookDocument: { uri: nbUri('train.ipynb') },
    cellTextDocuments: [added, c.setup, c.model].map((x) => ({ uri: x.uri })),
  });
  await lsp.diagnostics(c.model.uri, (p) => p.diagnostics.length === 0);
});

test('hover, CodeLens, inlay hints and code actions answer on cells', async () => {
  const model = { uri: cellUri('lens.ipynb', 'model'), text: MODEL };
  const train = { uri: cellUri('lens.ipynb', 'train'), text: TRAIN };
  await openNotebook('lens.ipynb', [model, train]);
  const d = await lsp.diagnostics(train.uri, has('GML301'));
  const epochs = TRAIN.split('\n').findIndex((l) => l.includes('num_train_epochs'));
  const hover = (await lsp.connection.sendRequest('textDocument/hover', {
    textDocument: { uri: train.uri },
    position: { line: epochs, character: 8 },
  })) as { contents: { value: string }; range?: Range } | null;
  assert.ok(hover && /kWh/.test(hover.contents.value), JSON.stringify(hover));
  if (hover.range) assert.match(textAt(TRAIN, hover.range), /num_train_epochs/);
  // No hover on the model cell's import line.
  const none = await lsp.connection.sendRequest('textDocument/hover', {
    textDocument: { uri: model.uri },
    position: { line: 0, character: 2 },
  });
  assert.equal(none, null);

  const lenses = (await lsp.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: train.uri } })) as {
    range: Range;
    command: { title: string };
  }[];
  assert.ok(
    lenses.some((l) => /kWh/.test(l.command.title)),
    JSON.stringify(lenses),
  );
  for (const l of lenses) assert.ok(l.range.start.line <= 6);
  const modelLenses = (await lsp.connection.sendRequest('textDocument/codeLens', {
    textDocument: { uri: model.uri },
  })) as unknown[];
  assert.deepEqual(modelLenses, []);

  const hints = (await lsp.connection.sendRequest('textDocument/inlayHint', {
    textDocument: { uri: train.uri },
    range: { start: { line: 0, character: 0 }, end: { line: 7, character: 0 } },
  })) as { position: { line: number }; label: string }[];
  assert.ok(
    hints.some((h) => h.position.line === epochs),
    JSON.stringify(hints),
  );

  const g301 = d.diagnostics.find((x) => x.code === 'GML301')!;
  const actions = (await lsp.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: train.uri },
    range: g301.range,
    context: { diagnostics: [g301] },
  })) as { title: string; edit?: { changes: Record<string, { range: Range; newText: string }[]> } }[];
  assert.ok(actions.some((a) => a.title === 'Show documentation for GML301'));
  // Only the suppression edits, and only this cell.
  for (const a of actions.filter((x) => x.edit)) {
    assert.match(a.title, /^Suppress GML\d+ on this line$/);
    assert.deepEqual(Object.keys(a.edit!.changes), [train.uri]);
  }
  const summary = (await lsp.connection.sendRequest('greenml/summary', { uri: train.uri })) as { runs: unknown[] };
  assert.ok(summary.runs.length >= 1);
});

test('a suppression written in a cell clears its finding', async () => {
  const train = { uri: cellUri('sup.ipynb', 'train'), text: MODEL + TRAIN };
  await openNotebook('sup.ipynb', [train]);
  const d = await lsp.diagnostics(train.uri, has('GML301'));
  const g301 = d.diagnostics.find((x) => x.code === 'GML301')!;
  const actions = (await lsp.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: train.uri },
    range: g301.range,
    context: { diagnostics: [g301] },
  })) as { title: string; edit?: { changes: Record<string, { range: Range; newText: string }[]> } }[];
  const sup = actions.find((a) => a.title === 'Suppress GML301 on this line');
  assert.ok(sup, actions.map((a) => a.title).join(', '));
  const [edit] = sup.edit!.changes[train.uri];
  await changeNotebook('sup.ipynb', 1, {
    cells: {
      textContent: [{ document: { uri: train.uri, version: 2 }, changes: [{ range: edit.range, text: edit.newText }] }],
    },
  });
  const cleared = await lsp.diagnostics(train.uri, lacks('GML301'));
  assert.ok(!cleared.diagnostics.some((x) => x.code === 'GML900'), JSON.stringify(cleared.diagnostics));
});

test('a notebook whose code cells exceed the size cap gets one clear message; malformed traffic is survived', async () => {
  const big = {
    uri: cellUri('big.ipynb', 'a'),
    text: `x = 1\n${'# filler line of a generated cell\n'.repeat(70_000)}`,
  };
  const small = { uri: cellUri('big.ipynb', 'b'), text: 'y = 2\n' };
  await openNotebook('big.ipynb', [big, small]);
  const msg = await lsp.diagnostics(big.uri, (p) => p.diagnostics.length > 0, 20_000);
  assert.equal(msg.diagnostics.length, 1);
  assert.match(
    String(msg.diagnostics[0].message),
    /notebook not reviewed: its code cells hold 2\.\d MB of text, over the 2 MB/,
  );
  assert.deepEqual(msg.diagnostics[0].range.start, { line: 0, character: 0 });

  // Malformed: a change of a notebook never opened, a structure change out of range, cells that are not cells,
  // a text change with a reversed range, a didOpen without cells.
  await changeNotebook('never.ipynb', 1, { cells: { structure: { array: { start: 0, deleteCount: 0 } } } });
  await changeNotebook('big.ipynb', 1, {
    cells: { structure: { array: { start: 99, deleteCount: 5, cells: [null] } } },
  });
  await changeNotebook('big.ipynb', 2, { cells: { data: [{ kind: 2, document: 'nowhere' }] } });
  await changeNotebook('big.ipynb', 3, {
    cells: {
      textContent: [
        {
          document: { uri: small.uri, version: 2 },
          changes: [{ range: { start: { line: 3, character: 0 }, end: { line: 0, character: 0 } }, text: 'z' }],
        },
      ],
    },
  });
  // The notebook still follows a well-formed change after them: its big cell emptied, the message goes.
  await changeNotebook('big.ipynb', 4, {
    cells: { textContent: [{ document: { uri: big.uri, version: 2 }, changes: [{ text: 'x = 1\n' }] }] },
  });
  await lsp.diagnostics(big.uri, (p) => p.diagnostics.length === 0);
  await notify('notebookDocument/didOpen', { notebookDocument: { uri: nbUri('empty.ipynb') } });
  await notify('notebookDocument/didOpen', {});
  // The server still answers, and a well-formed notebook opened after is reviewed.
  const ok = { uri: cellUri('after.ipynb', 'a'), text: MODEL + TRAIN };
  await openNotebook('after.ipynb', [ok]);
  await lsp.diagnostics(ok.uri, has('GML301'));
  assert.equal(lsp.process.exitCode, null);
});

test('an untitled notebook (never saved) is reviewed too', async () => {
  const cell = { uri: 'vscode-notebook-cell:Untitled-1.ipynb#a', text: MODEL + TRAIN };
  await notify('notebookDocument/didOpen', {
    notebookDocument: {
      uri: 'untitled:Untitled-1.ipynb',
      notebookType: 'jupyter-notebook',
      version: 0,
      cells: [{ kind: 2, document: cell.uri }],
    },
    cellTextDocuments: [{ uri: cell.uri, languageId: 'python', version: 1, text: cell.text }],
  });
  await lsp.diagnostics(cell.uri, has('GML301'));
});
