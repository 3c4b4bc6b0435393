// Safety, asserted: a full CLI run and a full language-server session open no socket, start no process and write
// no file (the server returns edits; only the editor applies them). Each process under test is started with
// test/helpers/io-guard.mjs, which makes those calls throw and reports them at exit (worker threads included).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { startServer } from '../helpers/lsp-client';

const GUARD = pathToFileURL(path.resolve('test/helpers/io-guard.mjs')).href;

/** The guard's reports in a process's stderr: one per thread that ran it. */
function reports(stderr: string): { thread: string; denied: string[] }[] {
  return [...stderr.matchAll(/GREENML_IO_GUARD (.*)/g)].map((m) => JSON.parse(m[1]));
}

function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(`${path.relative(dir, p)} ${fs.statSync(p).mtimeMs} ${fs.statSync(p).size}`);
    }
  };
  walk(dir);
  return out.sort();
}

function copyExamples(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-safety-'));
  fs.cpSync('examples', path.join(dir, 'examples'), { recursive: true });
  // Enough files for the worker threads to start (the pool uses them from 64 files on).
  for (let i = 0; i < 70; i++) fs.copyFileSync('examples/hf-finetune-fp32/train.py', path.join(dir, `train_${i}.py`));
  return dir;
}

test('the guard itself: a process start, a socket and a file write are refused and reported', () => {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      GUARD,
      '-e',
      `for (const f of [() => require('child_process').spawnSync('true'), () => require('net').connect(9, '127.0.0.1'), () => require('fs').writeFileSync('/tmp/greenml-guard-probe', 'x')]) try { f() } catch {}`,
    ],
    { encoding: 'utf8' },
  );
  const [main] = reports(r.stderr);
  assert.deepEqual(
    main.denied.map((d) => d.replace(/\(.*/, '')),
    ['child_process.spawnSync', 'net.connect', 'fs.writeFileSync'],
  );
});

test('a full CLI run: no socket, no process, no file written (main thread and workers)', () => {
  const dir = copyExamples();
  const before = snapshot(dir);
  const bin = path.resolve('bin/greenml.js');
  for (const args of [
    ['check', '.', '--format', 'json', '--exit-zero'],
    ['check', '.', '--format', 'sarif', '--exit-zero'],
    ['estimate', '.', '--json'],
    ['plan', 'examples', '--json'],
    ['estimate', '--params', '7e9', '--tokens', '2e12', '--hardware', 'h100', '--devices', '8', '--model-card'],
    ['explain', 'GML101'],
    ['rules'],
  ]) {
    const r = spawnSync(process.execPath, ['--import', GUARD, bin, ...args], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 120_000,
      maxBuffer: 1 << 28,
    });
    assert.ok(r.status === 0 || r.status === 1, `${args.join(' ')}: exit ${r.status}\n${r.stderr.slice(-2000)}`);
    const rs = reports(r.stderr);
    assert.ok(
      rs.some((x) => x.thread === 'main'),
      `${args.join(' ')}: the guard ran`,
    );
    for (const x of rs) assert.deepEqual(x.denied, [], `${args.join(' ')} (${x.thread})`);
    if (args[0] === 'check' && args[2] === 'json') assert.ok(rs.some((x) => x.thread.startsWith('worker')));
    assert.doesNotMatch(r.stdout + r.stderr, /io-guard:/);
  }
  assert.deepEqual(snapshot(dir), before, 'no file added, changed or removed');
});

test('a full language-server session: no socket, no process, no file written', async () => {
  const dir = copyExamples();
  const before = snapshot(dir);
  const lsp = await startServer(dir, { hardware: 'a100-80gb' }, [
    '--import',
    GUARD,
    path.resolve('dist/server.js'),
    '--stdio',
  ]);
  let big = fs.readFileSync('examples/hf-finetune-fp32/train.py', 'utf8');
  while (big.length < 300_000) big += '\n# padding line for a document analyzed on the worker thread\n';
  const files = [
    'examples/hf-finetune-fp32/train.py',
    ...fs
      .readdirSync(path.join(dir, 'examples'), { recursive: true })
      .map(String)
      .filter((f) => /\.(py|ya?ml|json|sh)$/.test(f))
      .map((f) => path.join('examples', f))
      .slice(0, 8),
  ];
  for (const f of files) {
    const uri = lsp.open(
      path.join(dir, f),
      fs.readFileSync(path.join(dir, f), 'utf8'),
      /\.py$/.test(f) ? 'python' : 'plaintext',
    );
    await lsp.diagnostics(uri, () => true, 30_000);
    const range = { start: { line: 0, character: 0 }, end: { line: 60, character: 0 } };
    await lsp.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 10, character: 10 },
    });
    await lsp.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics: [] },
    });
    await lsp.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
    await lsp.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range });
    await lsp.connection.sendRequest('greenml/summary', { uri });
  }
  // A notebook through notebook synchronization, large enough for the worker thread: its `!python` line is read as a
  // launcher, never run.
  const cell = `vscode-notebook-cell:${path.join(dir, 'nb.ipynb')}#a`;
  await lsp.connection.sendNotification('notebookDocument/didOpen', {
    notebookDocument: {
      uri: pathToFileURL(path.join(dir, 'nb.ipynb')).href,
      notebookType: 'jupyter-notebook',
      version: 0,
      cells: [{ kind: 2, document: cell }],
    },
    cellTextDocuments: [
      {
        uri: cell,
        languageId: 'python',
        version: 1,
        text: `!python examples/hf-finetune-fp32/train.py --num_train_epochs 3\n${big}`,
      },
    ],
  });
  await lsp.diagnostics(cell, () => true, 60_000);
  await lsp.connection.sendRequest('textDocument/hover', {
    textDocument: { uri: cell },
    position: { line: 5, character: 5 },
  });
  await lsp.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: cell } });
  const bigUri = lsp.open(path.join(dir, 'big.py'), big);
  await lsp.diagnostics(bigUri, () => true, 60_000);
  await lsp.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: bigUri, version: 2 },
    contentChanges: [{ text: big + '\nx = 1\n' }],
  });
  await lsp.diagnostics(bigUri, (p) => p.version === 2, 60_000);
  await lsp.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  // Shut down as a client does, and let the server exit by itself (its exit handler prints the guard's record).
  const exited = new Promise<void>((resolve) => lsp.process.on('exit', () => resolve()));
  await lsp.connection.sendRequest('shutdown');
  await lsp.connection.sendNotification('exit');
  await exited;
  lsp.connection.dispose();
  const rs = reports(lsp.stderr());
  assert.ok(
    rs.some((x) => x.thread === 'main'),
    `the guard ran: ${lsp.stderr().slice(-1000)}`,
  );
  for (const x of rs) assert.deepEqual(x.denied, [], x.thread);
  assert.deepEqual(snapshot(dir), before, 'no file added, changed or removed');
});
