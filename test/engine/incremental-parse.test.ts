// Incremental re-parse (tree.edit + parse(text, oldTree)) must give the same tree as a fresh parse.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editFor, parsePython, pythonParser } from '../../engine/parse/python';

test('random edits: incremental tree equals a full parse', async () => {
  const parser = await pythonParser();
  let text =
    'from transformers import TrainingArguments\nargs = TrainingArguments(\n    output_dir="o",  # héllo 😀\n    bf16=False,\n)\n';
  let tree = parsePython(parser, text);
  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const pieces = ['bf16=True,', ')', '(', '\n', '"x"', '😀', 'num_train_epochs=3, ', '# c\n', ''];
  for (let i = 0; i < 200; i++) {
    const start = rnd(text.length + 1);
    const end = Math.min(text.length, start + rnd(5));
    const insert = pieces[rnd(pieces.length)];
    tree.edit(editFor(text, start, end, insert));
    text = text.slice(0, start) + insert + text.slice(end);
    const next = parsePython(parser, text, tree);
    tree.delete();
    tree = next;
    const fresh = parsePython(parser, text);
    assert.equal(tree.rootNode.toString(), fresh.rootNode.toString(), `after edit ${i}: ${JSON.stringify(text)}`);
    fresh.delete();
  }
});
