// Jupyter notebooks (`.ipynb`): the code cells are a training script; facts and findings point at the cell line in
// the notebook's JSON; IPython lines (magics, shell escapes) are not read as Python; a notebook that does not train,
// or is not a notebook, gives no run and a clear message instead of a crash.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { mergeSettings } from '../../engine/settings';
import { notebookPython, notebookSpan } from '../../engine/parse/notebook';
import { analyzeText } from '../../server/review/analyze-file';
import { memoryReader } from '../../engine/link';
import { collectFiles } from '../../server/cli/files';

const settings = mergeSettings({ values: { hardware: 'a100-80gb' }, source: 'test' });

const code = (source: string | string[]) => ({ cell_type: 'code', metadata: {}, outputs: [], source });
const notebook = (...cells: object[]) =>
  JSON.stringify({ cells, metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1);

const TRAINS = notebook(
  { cell_type: 'markdown', metadata: {}, source: ['# Fine-tune a ResNet\n', 'with "quotes" and \\ backslashes'] },
  code(['!pip install -q torchvision\n', '%matplotlib inline\n', 'import torch\n', 'from torchvision import models\n']),
  code([
    'model = models.resnet50().cuda()\n',
    'loader = torch.utils.data.DataLoader(range(1000), batch_size=96, shuffle=True)\n',
    'opt = torch.optim.SGD(model.parameters(), lr=0.1)\n',
  ]),
  code(
    '%%time\nfor epoch in range(30):\n    for x, y in loader:\n        loss = model(x.cuda()).sum()\n        opt.zero_grad(); loss.backward(); opt.step()\n',
  ),
  code(['%%bash\n', 'python other.py --epochs 5\n']),
);

const lineCol = (text: string, offset: number) => {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, text: text.split('\n')[before.length - 1] };
};

test('a notebook that trains is a run: its facts point at the cell lines that state them', async () => {
  const a = await analyzeText('/w/train.ipynb', TRAINS, settings);
  // The cells' loop, and the `%%bash` cell's `python other.py --epochs 5` (a launcher's run of what it says).
  assert.equal(a.runs.length, 2, a.messages.join('\n'));
  const run = a.runs[0];
  assert.equal(run.plan.entry.file, '/w/train.ipynb');
  const facts = run.plan.facts;
  assert.equal(facts.get('micro_batch')?.value, 96);
  assert.equal(facts.get('epochs')?.value, 30);
  assert.equal(facts.get('optimizer')?.value, 'sgd');
  assert.equal(facts.get('model')?.value, 'resnet50');
  const batch = facts.get('micro_batch');
  assert.equal(batch?.file, '/w/train.ipynb');
  assert.ok(batch?.span);
  // The span is in the notebook's JSON: the line of the cell string that writes it.
  assert.match(TRAINS.slice(batch.span.start, batch.span.end), /^(batch_size=)?96$/);
  assert.match(lineCol(TRAINS, batch.span.start).text, /DataLoader\(range\(1000\), batch_size=96/);
  const epochs = facts.get('epochs');
  assert.ok(epochs?.span);
  // In a cell stored as one string, `\n` is two characters of JSON: the span still lands on `30`.
  assert.equal(TRAINS.slice(epochs.span.start, epochs.span.end), '30');
});

test('findings of a notebook are on its cell lines, and its fixes are display-only (no edit of the JSON)', async () => {
  const a = await analyzeText('/w/train.ipynb', TRAINS, settings);
  const noSave = a.findings.find((f) => f.code === 'GML301');
  assert.ok(noSave, a.findings.map((f) => f.code).join(' '));
  assert.equal(noSave.file, '/w/train.ipynb');
  assert.match(TRAINS.slice(noSave.span.start, noSave.span.end), /^for /);
  for (const f of a.findings)
    for (const fix of f.fixes) {
      assert.equal(fix.applicability, 'display-only');
      assert.deepEqual(fix.edits, []);
    }
});

test('IPython lines are not Python: a `%%bash` cell and `!pip` lines add no run and no syntax error', () => {
  const nb = notebookPython(TRAINS);
  assert.ok(!('error' in nb));
  assert.equal(nb.cells, 4);
  assert.match(nb.python, /^#pip install -q torchvision$/m);
  assert.match(nb.python, /^#matplotlib inline$/m);
  assert.match(nb.python, /^#%time$/m);
  assert.match(nb.python, /^#%bash\n {26}\n$/m, 'a `%%bash` cell is blank after its magic');
  assert.doesNotMatch(nb.python, /Fine-tune/, 'markdown cells are not code');
  // The shell commands, at the same offsets, for the notebook read as a launcher.
  assert.equal(nb.shell.length, nb.python.length);
  assert.match(nb.shell, /^ pip install -q torchvision$/m);
  assert.match(nb.shell, /^python other\.py --epochs 5$/m);
  assert.doesNotMatch(nb.shell, /import torch|matplotlib/);
  // Every character maps back to one of the notebook's: the decoded text at each span equals the JSON's characters.
  const i = nb.python.indexOf('lr=0.1');
  assert.equal(
    TRAINS.slice(notebookSpan(nb, { start: i, end: i + 6 }).start, notebookSpan(nb, { start: i, end: i + 6 }).end),
    'lr=0.1',
  );
});

test('a notebook that only evaluates or plots has no run', async () => {
  const text = notebook(
    code(['import torch\n', 'model = torch.load("model.pt")\n', 'model.eval()\n']),
    code(['with torch.no_grad():\n', '    print(model(torch.randn(1, 3, 224, 224)))\n']),
  );
  const a = await analyzeText('/w/inspect.ipynb', text, settings);
  assert.equal(a.runs.length, 0);
});

test('not a notebook, an old nbformat or garbage: no run and a message that says why', async () => {
  for (const [text, why] of [
    ['{"cells": ', /notebook not read/],
    ['{"nbformat": 3, "worksheets": []}', /nbformat 3 is not read/],
    ['\u0000\u0001binary', /binary|notebook not read/],
  ] as const) {
    const a = await analyzeText('/w/x.ipynb', text, settings);
    assert.equal(a.runs.length, 0);
    assert.match(a.messages.join('\n'), why);
  }
});

test('a folder walk reviews notebooks, and skips .ipynb_checkpoints copies', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-nb-'));
  fs.writeFileSync(path.join(dir, 'train.ipynb'), TRAINS);
  fs.mkdirSync(path.join(dir, '.ipynb_checkpoints'));
  fs.writeFileSync(path.join(dir, '.ipynb_checkpoints', 'train-checkpoint.ipynb'), TRAINS);
  const files = collectFiles([dir]).files.map((f) => path.relative(dir, f));
  assert.deepEqual(files, ['train.ipynb']);
});

test('`!python train.py --epochs 50` in a cell: the notebook launches the script, with the values it passes', async () => {
  const script = [
    'import argparse, torch',
    'p = argparse.ArgumentParser()',
    'p.add_argument("--epochs", type=int, default=10)',
    'p.add_argument("--batch_size", type=int, default=32)',
    'a = p.parse_args()',
    'model = torch.nn.Linear(10, 2).cuda()',
    'opt = torch.optim.AdamW(model.parameters())',
    'loader = torch.utils.data.DataLoader(range(100), batch_size=a.batch_size)',
    'for epoch in range(a.epochs):',
    '    for x in loader:',
    '        model(x).sum().backward(); opt.step(); opt.zero_grad()',
    '',
  ].join('\n');
  const text = notebook(code(['!pip install -q torch\n', '!python train.py --epochs 50 --batch_size 128\n']));
  const a = await analyzeText('/w/run.ipynb', text, settings, memoryReader({ '/w/train.py': script }));
  const run = [...a.runs, ...(a.linked ?? [])].find((r) => r.plan.entry.file === '/w/train.py');
  assert.ok(run, a.messages.join('\n'));
  assert.equal(run.plan.facts.get('epochs')?.value, 50);
  assert.equal(run.plan.facts.get('micro_batch')?.value, 128);
  const epochs = run.plan.facts.get('epochs');
  assert.equal(epochs?.file, '/w/run.ipynb');
  assert.ok(epochs?.span);
  assert.match(text.slice(epochs.span.start, epochs.span.end), /50$/);
  assert.match(epochs.note ?? '', /run\.ipynb\b/);
  assert.doesNotMatch(epochs.note ?? '', /ipynb\.sh/, 'notes name the notebook, not the text read from it');
});

test('a notebook whose only shell lines install packages launches nothing', async () => {
  const text = notebook(code(['!pip install -q transformers\n', '!nvidia-smi\n', 'import torch\n']));
  const a = await analyzeText('/w/setup.ipynb', text, settings, memoryReader({}));
  assert.deepEqual([...a.runs, ...(a.linked ?? [])], []);
});

test('a `!` command continued with backslashes is one launcher command, and its flag lines are not Python', async () => {
  const text = notebook(
    code([
      'import os\n',
      '!accelerate launch examples/train_text_to_image_lora.py \\\n',
      '  --train_batch_size=2 \\\n',
      '  --gradient_accumulation_steps=4 \\\n',
      '  --max_train_steps=900\n',
      'print("done")\n',
    ]),
  );
  const nb = notebookPython(text);
  assert.ok(!('error' in nb));
  assert.match(nb.shell, /--gradient_accumulation_steps=4/);
  assert.doesNotMatch(nb.python, /--train_batch_size/, 'continuation lines are blanked in the Python text');
  assert.match(nb.python, /^print\("done"\)$/m);
  const a = await analyzeText('/w/lora.ipynb', text, settings, memoryReader({}));
  const run = [...a.runs, ...(a.linked ?? [])][0];
  assert.ok(run, a.messages.join('\n'));
  assert.equal(run.plan.facts.get('max_steps')?.value, 900);
  assert.equal(run.plan.facts.get('grad_accum')?.value, 4);
});

test('`%cd repo` before `!python train.py` starts the script of that folder; a lone `!cd` changes nothing after it', async () => {
  const script = [
    'import argparse, torch',
    'p = argparse.ArgumentParser()',
    'p.add_argument("--epochs", type=int, default=10)',
    'a = p.parse_args()',
    'model = torch.nn.Linear(10, 2).cuda()',
    'opt = torch.optim.SGD(model.parameters(), lr=0.1)',
    'for epoch in range(a.epochs):',
    '    model(torch.randn(4, 10).cuda()).sum().backward(); opt.step(); opt.zero_grad()',
    '',
  ].join('\n');
  const files = { '/w/repo/train.py': script };
  const run = async (cells: string[]) => {
    const a = await analyzeText('/w/colab.ipynb', notebook(code(cells)), settings, memoryReader(files));
    return [...a.runs, ...(a.linked ?? [])].find((r) => r.plan.entry.file === '/w/repo/train.py');
  };
  const moved = await run(['%cd repo\n', '!python train.py --epochs 33\n']);
  assert.equal(moved?.plan.facts.get('epochs')?.value, 33);
  const nb = notebookPython(notebook(code(['!cd repo\n', '!python train.py --epochs 33\n'])));
  assert.ok(!('error' in nb));
  assert.doesNotMatch(nb.shell, /cd repo/, 'a lone `!cd` runs in its own shell');
  assert.equal(await run(['!cd repo\n', '!python train.py --epochs 33\n']), undefined);
});

test('a notebook with one 1.5 MB code cell is read without overflowing the stack', async () => {
  const line = 'x = [1, 2, 3]  # a long generated cell\n';
  const big = notebook(code(line.repeat(Math.ceil(1_500_000 / line.length))), code('!python train.py --epochs 3\n'));
  const nb = notebookPython(big);
  assert.ok(!('error' in nb));
  assert.ok(nb.python.length > 1_400_000);
  assert.match(nb.shell, /python train\.py --epochs 3/);
});
