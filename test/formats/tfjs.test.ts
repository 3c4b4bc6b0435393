// TensorFlow.js training scripts (JavaScript and TypeScript, parsed with ts-morph): fit/fitDataset options, callbacks
// (early stopping, model.save in an epoch or batch hook), optimizer, backend package — and JS/TS that does not
// train with TF.js gets nothing.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { linkKind } from '../../engine/link';
import { analyze, codes, fact, lineOf, theRun } from './helpers';

const FIX = path.resolve('test/fixtures/formats');
const fixture = (rel: string) => fs.readFileSync(path.join(FIX, rel), 'utf8');

const script = (fitArgs: string, head = "const tf = require('@tensorflow/tfjs-node-gpu');") => `${head}
const model = tf.sequential();
model.add(tf.layers.dense({ units: 1, inputShape: [4] }));
model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
model.fit(xs, ys${fitArgs});
`;

test('TF.js (JS, CUDA backend): batchSize, epochs through a const, early stopping and model.save in onEpochEnd, with their lines', async () => {
  const text = fixture('tfjs/train.js');
  const a = await analyze({ 'train.js': text }, 'train.js', { hardware: 'a100' });
  const run = theRun(a);
  assert.equal(run.plan.framework, 'tfjs');
  assert.equal(lineOf(text, run.plan.entry.span.start), 21);
  const row = (k: string) => [
    fact(a, k as never)?.value,
    fact(a, k as never)?.origin,
    fact(a, k as never)?.span && lineOf(text, fact(a, k as never)!.span!.start),
  ];
  assert.deepEqual(row('micro_batch'), [128, 'explicit', 22]);
  assert.deepEqual(row('epochs'), [40, 'explicit', 23]);
  assert.match(fact(a, 'epochs')!.note!, /EPOCHS \(= 40\)/);
  assert.deepEqual(row('early_stopping'), [true, 'explicit', 26]);
  assert.deepEqual(row('periodic_save'), ['epoch', 'explicit', 29]);
  assert.deepEqual(row('optimizer'), ['adam', 'explicit', 14]);
  assert.deepEqual(row('framework'), ['tfjs-node-gpu', 'explicit', 2]);
  assert.equal(fact(a, 'hardware')?.origin, 'setting', 'the GPU build names no GPU: the setting stays');
  assert.equal(fact(a, 'precision')?.value, null, 'TF.js has no mixed precision: not judged');
  assert.deepEqual(codes(a), []);
});

test('TF.js (TypeScript, CPU backend): fitDataset batch from ds.batch(n), a Callback subclass saving in onEpochEnd, hardware cpu', async () => {
  const text = fixture('tfjs/train-cpu.ts');
  const a = await analyze({ 'train-cpu.ts': text }, 'train-cpu.ts', { hardware: 'a100' });
  assert.equal(theRun(a).plan.entry.label, 'model.fitDataset');
  assert.deepEqual(
    ['hardware', 'micro_batch', 'epochs', 'periodic_save', 'optimizer', 'early_stopping'].map(
      (k) => fact(a, k as never)?.value,
    ),
    ['cpu', 256, 12, 'epoch', 'rmsprop', false],
  );
  assert.equal(lineOf(text, fact(a, 'hardware')!.span!.start), 4, 'on the tfjs-node import');
  assert.equal(lineOf(text, fact(a, 'periodic_save')!.span!.start), 12);
  assert.deepEqual(codes(a), []);
});

test('TF.js fit(x, y) without options: batchSize 32, 1 epoch, nothing saved — framework defaults', async () => {
  const a = await analyze({ 'train.js': script('') }, 'train.js');
  assert.deepEqual(
    ['micro_batch', 'epochs', 'periodic_save', 'early_stopping'].map((k) => [
      fact(a, k as never)?.value,
      fact(a, k as never)?.origin,
    ]),
    [
      [32, 'framework-default'],
      [1, 'framework-default'],
      ['no', 'framework-default'],
      [false, 'framework-default'],
    ],
  );
  assert.equal(fact(a, 'optimizer')?.value, 'sgd');
});

test('TF.js: options from a named object, a spread that cannot be read, values that are not literals', async () => {
  let a = await analyze({ 'train.js': `const cfg = { epochs: 7, batchSize: 16 };\n${script(', cfg')}` }, 'train.js');
  assert.deepEqual([fact(a, 'epochs')?.value, fact(a, 'micro_batch')?.value], [7, 16]);
  a = await analyze({ 'train.js': script(', { ...opts, epochs: 3 }') }, 'train.js');
  assert.deepEqual(
    [fact(a, 'epochs')?.value, fact(a, 'micro_batch')?.value, fact(a, 'micro_batch')?.origin],
    [3, null, 'assumed'],
  );
  a = await analyze({ 'train.js': script(', { epochs: argv.epochs, batchSize: 2 ** 5 })') }, 'train.js');
  assert.deepEqual([fact(a, 'epochs')?.value, fact(a, 'micro_batch')?.value], [null, null]);
  assert.match(fact(a, 'epochs')!.note!, /not a literal/);
});

test('TF.js: model.save in onBatchEnd is a save during the epoch; in onTrainEnd it is not periodic; through a helper function it is followed', async () => {
  let a = await analyze(
    {
      'train.js': script(
        ', { epochs: 5, callbacks: { onBatchEnd: async (b) => { if (b % 500 === 0) await model.save("file://ckpt"); } } }',
      ),
    },
    'train.js',
  );
  assert.equal(fact(a, 'periodic_save')?.value, 'steps');
  a = await analyze(
    { 'train.js': script(', { epochs: 5, callbacks: { onTrainEnd: () => model.save("file://final") } }') },
    'train.js',
  );
  assert.deepEqual([fact(a, 'periodic_save')?.value, fact(a, 'periodic_save')?.origin], ['no', 'framework-default']);
  a = await analyze(
    {
      'train.js': `async function checkpoint(m) { await m.save('file://ckpt'); }\n${script(', { epochs: 5, callbacks: new tf.CustomCallback({ onEpochEnd: () => checkpoint(model) }) }')}`,
    },
    'train.js',
  );
  assert.equal(fact(a, 'periodic_save')?.value, 'epoch');
});

test('TF.js with a known GPU: no finding on correct code (precision is not judged, memory needs a model size)', async () => {
  for (const hardware of ['a100', 'v100', 't4']) {
    const a = await analyze({ 'train.js': script(', { epochs: 100, batchSize: 4096 }') }, 'train.js', { hardware });
    // 100 epochs that save nothing, of a model not sized: GML301 only as information naming the written length.
    assert.deepEqual(
      codes(a).filter((c) => c !== 'GML301'),
      [],
      hardware,
    );
    assert.ok(
      a.findings.every((f) => f.code !== 'GML301' || f.severity === 'information'),
      hardware,
    );
  }
});

test('JS/TS that does not train with TF.js gives nothing: xterm fit(), inference only, TF.js named only in a comment, declaration files', async () => {
  for (const rel of ['not-training/terminal.js', 'not-training/predict.mjs']) {
    const a = await analyze({ [rel]: fixture(rel) }, rel, { hardware: 'a100' });
    assert.deepEqual([a.runs.length, a.findings.length, a.messages.length], [0, 0, 0], rel);
  }
  const comment = '// ported from @tensorflow/tfjs examples\nimport { fit } from "./curve";\ncurve.fit(points, 3);\n';
  assert.deepEqual((await analyze({ 'fit.ts': comment }, 'fit.ts')).runs, []);
  assert.equal(linkKind('/p/types/index.d.ts'), 'other');
  assert.deepEqual(
    ['a.js', 'a.mjs', 'a.cjs', 'a.ts', 'a.mts'].map((f) => linkKind(f)),
    Array(5).fill('javascript'),
  );
});

test('TF.js: broken syntax never throws; what can be read is read', async () => {
  const broken =
    "import * as tf from '@tensorflow/tfjs-node';\nmodel.fit(xs, ys, { epochs: 4, batchSize: \n}}}} ((( const";
  const a = await analyze({ 'train.js': broken }, 'train.js');
  assert.ok(a.runs.length <= 1);
  if (a.runs.length) assert.equal(fact(a, 'epochs')?.value, 4);
  const b = await analyze({ 'x.ts': '\u0000'.repeat(10) }, 'x.ts');
  assert.deepEqual(b.runs, []);
});
