// Which fp32 a run gets reaches the core: TensorFlow/Keras computes float32 matmuls as TF32 on Ampere and later by
// default; PyTorch does not (allow_tf32 = False since 1.12) unless the script says so; a DataLoader's workers reach the
// core for input-bound image runs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runShape } from '../../engine/plan';
import { analyze, settings, theRun } from '../formats/helpers';

test('Keras fp32 reaches the core as TF32 matmuls; PyTorch fp32 as its default (true fp32 matmuls)', async () => {
  const keras = await analyze(
    {
      'train.py': `import keras
model = keras.Sequential([keras.layers.Dense(10)])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, batch_size=256, epochs=40)
`,
    },
    'train.py',
    { hardware: 'a100' },
  );
  const k = runShape(theRun(keras).plan, settings({ hardware: 'a100' })).inputs;
  assert.deepEqual([k.precision, k.fp32Matmul], ['fp32', 'tf32']);

  const torchLoop = `import torch
from torch.utils.data import DataLoader
model = Net().to("cuda")
opt = torch.optim.AdamW(model.parameters())
loader = DataLoader(ds, batch_size=64)
for epoch in range(10):
    for x, y in loader:
        loss = model(x).sum()
        loss.backward()
        opt.step()
        opt.zero_grad()
`;
  const plain = await analyze({ 'train.py': torchLoop }, 'train.py', { hardware: 'a100' });
  const p = runShape(theRun(plain).plan, settings({ hardware: 'a100' })).inputs;
  assert.equal(p.precision, 'fp32');
  assert.equal(p.fp32Matmul, undefined, 'PyTorch default: the core models true fp32 matmuls, TF32 convolutions');
  assert.equal(p.dataLoaderWorkers, 0, 'DataLoader num_workers defaults to 0');

  const tf32 = await analyze({ 'train.py': `torch.backends.cuda.matmul.allow_tf32 = True\n${torchLoop}` }, 'train.py', {
    hardware: 'a100',
  });
  assert.equal(runShape(theRun(tf32).plan, settings({ hardware: 'a100' })).inputs.precision, 'tf32');
  const high = await analyze({ 'train.py': `torch.set_float32_matmul_precision("high")\n${torchLoop}` }, 'train.py', {
    hardware: 'a100',
  });
  assert.equal(runShape(theRun(high).plan, settings({ hardware: 'a100' })).inputs.precision, 'tf32');
});
