// The callee of every call, read in bulk from the source (engine/parse/nodes-of-type.ts calleeTexts), must be what the
// tree says it is: the step scopes and the model reader decide on it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePython, pythonParser } from '../../engine/parse/python';
import { calleeOf, calleeTexts, nodesOfType } from '../../engine/parse/nodes-of-type';

test('callee texts read from the source equal the tree callee of every call', async () => {
  const parser = await pythonParser();
  const text = [
    '# héllo 😀 before any call',
    's = "😀😀"; print(s)',
    'opt = torch.optim.AdamW(model.parameters(), lr=3e-4)',
    'make(x)(y)',
    'a.b(x).c(y)',
    'a . b(x)',
    'obj[0](x)',
    '"sep".join(parts)',
    'val = (foo',
    '       (x))',
    'naïve(x)',
    'f (1)',
    'g  # comment',
    'h = [k',
    '     # why',
    '     (2)]',
    'x = lambda: scaler.step(optimizer)',
    '@decorator.with_args(1)',
    'def train_step(batch):',
    '    loss = model(batch).mean()',
    '    loss.backward()',
    '    return self.step(loss)',
    'broken(',
    '',
  ].join('\n');
  const tree = parsePython(parser, text);
  const calls = nodesOfType(tree.rootNode, 'call');
  assert.ok(calls.length > 15);
  calleeTexts(tree.rootNode);
  for (const c of calls) assert.equal(calleeOf(c), c.childForFieldName('function')?.text ?? '', c.text);
  // Spot checks that the fast path reads what a reader asks for.
  const byText = new Map(calls.map((c) => [c.text, calleeOf(c)]));
  assert.equal(byText.get('torch.optim.AdamW(model.parameters(), lr=3e-4)'), 'torch.optim.AdamW');
  assert.equal(byText.get('make(x)(y)'), 'make(x)');
  assert.equal(byText.get('a.b(x).c(y)'), 'a.b(x).c');
  assert.equal(byText.get('f (1)'), 'f');
  tree.delete();
});
