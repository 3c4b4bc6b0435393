// The open notebook's code cells written as nbformat JSON (server/lsp/notebook-layout.ts): the engine's notebook
// reader gets back exactly the cells' text, whatever characters they hold, and every offset maps back to its cell.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { notebookPython, notebookSpan } from '../../engine/parse/notebook';
import { cellAt, cellSpan, jsonOffset, notebookLayout } from '../../server/lsp/notebook-layout';

const CELLS = [
  { uri: 'cell:a', text: 'x = "quoted \\\\ back"\r\n\ty = 1  # tab, CRLF\n' },
  { uri: 'cell:b', text: 'print("\u0001\u001f control", \'😀 emoji\', "é")' },
  { uri: 'cell:c', text: '' },
  { uri: 'cell:d', text: '!python train.py --epochs 3\nz = 3' },
];

test('the engine reads back the cells as they are, each ending its last line', () => {
  const layout = notebookLayout(CELLS);
  assert.doesNotThrow(() => JSON.parse(layout.json));
  const nb = notebookPython(layout.json);
  assert.ok(!('error' in nb));
  assert.equal(nb.cells, 4);
  // IPython's `!` line is blanked to a comment of the same length; everything else is the cells' text.
  const expected = CELLS.map((c) => (c.text.endsWith('\n') ? c.text : `${c.text}\n`))
    .join('')
    .replace('!python', '#python');
  assert.equal(nb.python, expected);
  assert.match(nb.shell, /python train\.py --epochs 3/);
});

test('every character of every cell maps to the JSON and back', () => {
  const layout = notebookLayout(CELLS);
  const nb = notebookPython(layout.json);
  assert.ok(!('error' in nb));
  let py = 0;
  for (const cell of CELLS) {
    for (let k = 0; k < cell.text.length; k++, py++) {
      const json = notebookSpan(nb, { start: py, end: py + 1 });
      assert.equal(json.start, jsonOffset(layout, cell.uri, k));
      const back = cellSpan(layout, json);
      assert.deepEqual(back && { uri: back.cell.uri, start: back.start, end: back.end }, {
        uri: cell.uri,
        start: k,
        end: k + 1,
      });
    }
    if (!cell.text.endsWith('\n')) py++; // the newline the reader adds
  }
});

test('offsets outside the cells: before the first → its start; a span running past its cell → clipped', () => {
  const layout = notebookLayout(CELLS);
  assert.deepEqual(
    { uri: cellAt(layout, 0)?.cell.uri, offset: cellAt(layout, 0)?.offset },
    { uri: 'cell:a', offset: 0 },
  );
  const a0 = jsonOffset(layout, 'cell:a', 2)!;
  const d1 = jsonOffset(layout, 'cell:d', 1)!;
  const s = cellSpan(layout, { start: a0, end: d1 });
  assert.deepEqual(s && [s.cell.uri, s.start, s.end], ['cell:a', 2, CELLS[0].text.length]);
  assert.equal(jsonOffset(layout, 'cell:zz', 0), undefined);
  assert.equal(cellAt(notebookLayout([]), 5), undefined);
});
