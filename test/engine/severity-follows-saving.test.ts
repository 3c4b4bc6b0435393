// Severity follows the saving: a quantified waste under min-saving-kwh is information at most and marked minor; a toy
// run never gets a warning; the user's severity still wins.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryReader } from '../../engine/link';
import { mergeSettings, type Settings } from '../../engine/settings';
import { analyzeText } from '../../server/review/analyze-file';

const script = (
  model: string,
  extra: string,
) => `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
model = AutoModelForCausalLM.from_pretrained("${model}")
args = TrainingArguments(output_dir="o", per_device_train_batch_size=8, ${extra})
Trainer(model=model, args=args).train()
`;
const gml101 = async (code: string, values: Partial<Settings>) => {
  const a = await analyzeText('/m/train.py', code, mergeSettings({ values, source: 't' }), memoryReader({}));
  return a.findings.find((f) => f.code === 'GML101');
};

test('a large saving keeps the warning', async () => {
  const f = await gml101(script('Qwen/Qwen2.5-1.5B', 'num_train_epochs=3'), { hardware: 'a100-80gb' });
  assert.equal(f?.severity, 'warning');
  assert.ok(f?.savings && f.savings.kWh.mid >= 0.1, JSON.stringify(f?.savings));
  assert.equal(f?.minor, undefined);
});

test('the same finding under a higher threshold is information and minor', async () => {
  const f = await gml101(script('Qwen/Qwen2.5-1.5B', 'num_train_epochs=3'), {
    hardware: 'a100-80gb',
    minSavingKWh: 1e6,
  });
  assert.equal(f?.severity, 'information');
  assert.equal(f?.minor, true);
});

test('a toy run (a few steps of GPT-2) never gets a warning', async () => {
  const f = await gml101(script('gpt2', 'max_steps=5'), { hardware: 'a100-80gb' });
  assert.ok(f, 'still shown as information');
  assert.equal(f.severity, 'information');
  assert.equal(f.minor, true);
});

test("the user's severity wins over the lowering", async () => {
  const f = await gml101(script('gpt2', 'max_steps=5'), { hardware: 'a100-80gb', severity: { GML101: 'error' } });
  assert.equal(f?.severity, 'error');
});

// A waste the core cannot quantify (static padding) on a run whose whole estimate is under the threshold.
const padded = (model: string, extra: string) =>
  script(model, extra).replace(
    'model = AutoModelForCausalLM',
    'tok = AutoTokenizer.from_pretrained("x")\ntrain = raw.map(lambda b: tok(b["text"], padding="max_length", max_length=512))\nmodel = AutoModelForCausalLM',
  );
const gml203 = async (code: string, values: Partial<Settings>) => {
  const a = await analyzeText('/m/train.py', code, mergeSettings({ values, source: 't' }), memoryReader({}));
  return a.findings.find((f) => f.code === 'GML203');
};

test('an unquantified waste on a run that costs less than the threshold in all is information', async () => {
  const f = await gml203(padded('Qwen/Qwen2.5-1.5B', 'max_steps=20'), { hardware: 'a100-80gb' });
  assert.equal(f?.severity, 'information');
  assert.equal(f?.minor, true);
});

test('the same waste on a run that costs more than the threshold keeps its warning', async () => {
  const f = await gml203(padded('Qwen/Qwen2.5-1.5B', 'max_steps=20000'), { hardware: 'a100-80gb' });
  assert.equal(f?.severity, 'warning');
});
