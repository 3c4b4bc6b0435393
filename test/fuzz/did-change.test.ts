// Property-based didChange sequences against the real server (fast-check): valid incremental edits mixed with
// invalid ones (reversed, past the end, fractional, negative) and full syncs. Properties: the server stays up, every
// request is answered within a bound, and after each sequence the diagnostics equal a fresh open of the text the
// valid edits produce.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startServer, type LspSession } from '../helpers/lsp-client';

const START = fs.readFileSync('examples/hf-finetune-fp32/train.py', 'utf8');

let dir: string;
let lsp: LspSession;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-fuzz-lsp-'));
  fs.writeFileSync(path.join(dir, 'greenml.toml'), 'hardware = "a100-80gb"\n');
  lsp = await startServer(dir);
});
after(async () => {
  await lsp.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const pos = (text: string, offset: number) => {
  const b = text.slice(0, offset).split('\n');
  return { line: b.length - 1, character: b[b.length - 1].length };
};
const summary = (ds: Diagnostic[]) =>
  ds
    .map(
      (d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`,
    )
    .sort();

type Op =
  | { kind: 'edit'; at: number; len: number; text: string }
  | { kind: 'full'; text: string }
  | { kind: 'bad'; range: unknown; text: string };

const PIECES = fc.constantFrom(
  'bf16=True, ',
  'save_steps=100, ',
  '(',
  ')',
  '\n',
  '"',
  '😀',
  '',
  'x',
  '#',
  '\t',
  '\r\n',
  '    ',
);
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), len: fc.nat({ max: 6 }), text: PIECES }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('full' as const),
      text: fc.constantFrom(START, START.replace('save_strategy="no"', 'save_strategy="steps"'), ''),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('bad' as const),
      range: fc.oneof(
        fc.constant({ start: { line: 5, character: 4 }, end: { line: 2, character: 0 } }),
        fc.constant({ start: { line: 9999, character: 0 }, end: { line: 9999, character: 1 } }),
        fc.constant({ start: { line: 1.5, character: 0 }, end: { line: 2, character: 0.25 } }),
        fc.constant({ start: { line: -1, character: 0 }, end: { line: 0, character: 0 } }),
        fc.constant(null),
      ),
      text: PIECES,
    }),
  },
);

let n = 0;
test(
  'random didChange sequences: the server answers, and ends where a fresh open of the same text ends',
  { timeout: 180_000 },
  async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const file = path.join(dir, `fuzz${++n}.py`);
        const uri = lsp.open(file, START);
        await lsp.diagnostics(uri, () => true, 20_000);
        let text = START;
        let version = 1;
        for (const o of ops) {
          version++;
          let change: unknown;
          if (o.kind === 'edit') {
            const s = o.at % (text.length + 1);
            const e = Math.min(text.length, s + o.len);
            change = { range: { start: pos(text, s), end: pos(text, e) }, text: o.text };
            text = text.slice(0, s) + o.text + text.slice(e);
          } else if (o.kind === 'full') {
            change = { text: o.text };
            text = o.text;
          } else change = { range: o.range, text: o.text };
          await lsp.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version },
            contentChanges: [change],
          });
        }
        const t0 = performance.now();
        const hover = lsp.connection.sendRequest('textDocument/hover', {
          textDocument: { uri },
          position: { line: 3, character: 4 },
        });
        await hover;
        assert.ok(performance.now() - t0 < 5000, 'hover answered within 5 s');
        const edited = await lsp.diagnostics(uri, (p) => p.version === version, 20_000);
        const fresh = await lsp.diagnostics(lsp.open(`${file}.fresh.py`, text), () => true, 20_000);
        assert.deepEqual(summary(edited.diagnostics), summary(fresh.diagnostics));
        assert.equal(lsp.process.exitCode, null);
        await lsp.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        await lsp.connection.sendNotification('textDocument/didClose', { textDocument: { uri: `${uri}.fresh.py` } });
      }),
      { numRuns: 100, seed: 20261204 },
    );
  },
);
