// Inputs that make the Python grammar slow: tree-sitter-python takes time quadratic in a run of comment lines that
// follows a statement (20,000 lines ≈ 40 s). Such runs are blanked before parsing; offsets and findings stay right.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeSettings } from '../../engine/settings';
import { parsePython, pythonParser, withoutLongCommentRuns } from '../../engine/parse/python';
import { analyzeText } from '../../server/review/analyze-file';

const RUN = `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

def main():
    model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-1.5B")
`;
const TAIL = `    args = TrainingArguments(output_dir="o", num_train_epochs=3, save_strategy="no")
    Trainer(model=model, args=args).train()
`;

test(
  '20,000 comment lines inside a function: parsed quickly, with every offset where it was',
  { timeout: 30_000 },
  async () => {
    const comments = '    # a note the author kept\n\n'.repeat(20_000);
    const text = RUN + comments + TAIL;
    const blanked = withoutLongCommentRuns(text);
    assert.equal(blanked.length, text.length);
    assert.equal(blanked.split('\n').length, text.split('\n').length);
    const parser = await pythonParser();
    const tree = parsePython(parser, text);
    const call = tree.rootNode.descendantsOfType('call').find((c) => c?.text.startsWith('TrainingArguments'));
    assert.equal(call?.startIndex, text.indexOf('TrainingArguments('));
    tree.delete();
    const settings = mergeSettings({ values: { hardware: 'a100-80gb' }, source: 'test' });
    const a = await analyzeText('/w/train.py', text, settings);
    const plain = await analyzeText('/w/train.py', RUN + TAIL, settings);
    const shift = comments.length;
    assert.deepEqual(
      a.findings.map((f) => [f.code, f.span.start - shift]),
      plain.findings.map((f) => [f.code, f.span.start]),
    );
    assert.ok(a.findings.length > 0);
  },
);

test('short comment blocks and comments after code are left as they are', () => {
  const text = 'x = 1  # trailing\n' + '# header line\n'.repeat(20) + 'y = 2\n'.repeat(2000);
  assert.equal(withoutLongCommentRuns(text), text);
});
