// What a notebook states about its run beyond its code, and which of its cells count: the runtime its metadata records
// (a Colab GPU runtime is one GPU of the type it names), and the cells after the training call, which run once
// training is over (reloading the model for inference, a resumed run) and do not change the run's facts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeSettings } from '../../engine/settings';
import { analyzeText } from '../../server/review/analyze-file';

const settings = mergeSettings({ values: {}, source: 'test' });

const code = (source: string) => ({ cell_type: 'code', metadata: {}, outputs: [], execution_count: null, source });
const notebook = (metadata: object, ...cells: object[]) =>
  JSON.stringify({ cells, metadata, nbformat: 4, nbformat_minor: 0 });

const SETUP = code(
  'import torch\nfrom torchvision import models\nmodel = models.resnet18()\n' +
    'loader = torch.utils.data.DataLoader(range(512), batch_size=64)\n' +
    'opt = torch.optim.Adam(model.parameters())\n',
);
const LOOP = code(
  'for epoch in range(12):\n    for x in loader:\n        loss = model(x).sum()\n' +
    '        opt.zero_grad(); loss.backward(); opt.step()\n',
);
const COLAB_T4 = { accelerator: 'GPU', colab: { gpuType: 'T4', provenance: [] } };

const facts = async (text: string) => {
  const a = await analyzeText('/w/train.ipynb', text, settings);
  assert.equal(a.runs.length, 1, a.messages.join('\n'));
  return a.runs[0].plan.facts;
};

test('a notebook saved on a Colab GPU runtime trains on one GPU of the type its metadata names', async () => {
  const text = notebook(COLAB_T4, SETUP, LOOP);
  const f = await facts(text);
  assert.equal(f.get('devices')?.value, 1);
  assert.equal(f.get('devices')?.origin, 'inferred');
  assert.equal(f.get('hardware')?.value, 't4');
  // The device count is the file's: the global batch closes on it.
  assert.equal(f.get('global_batch')?.value, 64);
  // The fact points at the metadata that says it.
  const hw = f.get('hardware');
  assert.equal(hw?.file, '/w/train.ipynb');
  assert.ok(hw?.span);
  assert.equal(text.slice(hw.span.start, hw.span.end), '"T4"');
});

test('an older Colab notebook ("accelerator": "GPU", no gpuType) is one GPU of a type it does not name', async () => {
  const f = await facts(notebook({ accelerator: 'GPU', colab: { name: 'x.ipynb' } }, SETUP, LOOP));
  assert.equal(f.get('devices')?.value, 1);
  assert.equal(f.get('hardware')?.origin, 'assumed');
});

test('must not: a notebook without runtime metadata, a CPU Colab runtime, or Kaggle T4 x2 states no single GPU', async () => {
  for (const meta of [{}, { colab: { provenance: [] } }, { accelerator: 'TPU', colab: {} }]) {
    const f = await facts(notebook(meta, SETUP, LOOP));
    assert.equal(f.get('devices')?.origin, 'assumed', JSON.stringify(meta));
    assert.equal(f.get('global_batch'), undefined, JSON.stringify(meta));
    assert.notEqual(f.get('hardware')?.origin, 'inferred', JSON.stringify(meta));
  }
  // Kaggle's "GPU T4 x2": two T4s are visible; how many the run uses is the code's to say.
  const k = await facts(notebook({ kaggle: { accelerator: 'nvidiaTeslaT4' } }, SETUP, LOOP));
  assert.equal(k.get('hardware')?.value, 't4');
  assert.equal(k.get('devices')?.origin, 'assumed');
  const p = await facts(notebook({ kaggle: { accelerator: 'nvidiaTeslaP100' } }, SETUP, LOOP));
  assert.equal(p.get('devices')?.value, 1);
  assert.equal(p.get('hardware')?.value, 'p100-pcie-16gb');
});

test('must not: the runtime does not override a device the code names (a CPU run stays on the CPU)', async () => {
  const cpu = code('device = torch.device("cpu")\nmodel.to(device)\n');
  const f = await facts(notebook(COLAB_T4, SETUP, cpu, LOOP));
  assert.equal(f.get('hardware')?.value, 'cpu');
});

test('cells after the training call (reloading a model for inference, a resumed run) do not change its facts', async () => {
  const loop = code(
    'num_epochs = 12\nfor epoch in range(num_epochs):\n    for x in loader:\n        loss = model(x).sum()\n' +
      '        opt.zero_grad(); loss.backward(); opt.step()\n',
  );
  const after = [
    code('torch.save(model.state_dict(), "resnet18.pt")\n'),
    // Resumed for a few more epochs: the notebook's run is the first loop's.
    code('num_epochs = 3\nfor epoch in range(num_epochs):\n    print(epoch)\n'),
    code('model = models.resnet50()\nmodel.load_state_dict(torch.load("other.pt"))\nmodel.eval()\n'),
  ];
  const f = await facts(notebook({}, SETUP, loop, ...after));
  assert.equal(f.get('epochs')?.value, 12);
  assert.equal(f.get('model')?.value, 'resnet18');
  assert.equal(f.get('micro_batch')?.value, 64);
});

test('must not: a training function defined in one cell and called in a later one keeps what the call says', async () => {
  const define = code(
    'def fit(n_epochs):\n    for epoch in range(n_epochs):\n        for x in loader:\n' +
      '            loss = model(x).sum()\n            opt.zero_grad(); loss.backward(); opt.step()\n',
  );
  const call = code('EPOCHS = 7\nfit(EPOCHS)\n');
  const reload = code('model = models.resnet50()\n');
  const f = await facts(notebook({}, SETUP, define, call, reload));
  assert.equal(f.get('epochs')?.value, 7);
  assert.equal(f.get('model')?.value, 'resnet18');
});

test('must not: a trainer built in one cell and started in a later one keeps its facts', async () => {
  const build = code(
    'from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\n' +
      'model = AutoModelForCausalLM.from_pretrained("gpt2")\n' +
      'args = TrainingArguments(output_dir="out", per_device_train_batch_size=8, num_train_epochs=2)\n' +
      'trainer = Trainer(model=model, args=args, train_dataset=ds)\n',
  );
  const start = code('trainer.train()\n');
  const reload = code('model = AutoModelForCausalLM.from_pretrained("out/checkpoint-500")\n');
  const f = await facts(notebook(COLAB_T4, build, start, reload));
  assert.equal(f.get('model')?.value, 'gpt2');
  assert.equal(f.get('micro_batch')?.value, 8);
  assert.equal(f.get('epochs')?.value, 2);
  assert.equal(f.get('devices')?.value, 1);
  assert.equal(f.get('global_batch')?.value, 8);
});
