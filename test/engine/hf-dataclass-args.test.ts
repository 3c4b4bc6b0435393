// The script's own TrainingArguments subclass that HfArgumentParser fills: its field defaults are the run's values
// (script defaults a launcher's flag may replace); fields of other dataclasses, or of a class not built on the
// library's arguments, are not read as the Trainer's.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeSettings } from '../../engine/settings';
import { analyzeText } from '../../server/review/analyze-file';

const settings = mergeSettings({ values: { hardware: 'a100-80gb' }, source: 'test' });
const run = async (code: string) => {
  const a = await analyzeText('/w/train.py', code, settings);
  assert.equal(a.runs.length, 1, `runs: ${a.runs.length}`);
  return { plan: a.runs[0].plan, findings: a.findings };
};

const script = (base: string, fields: string) => `from dataclasses import dataclass, field
from transformers import HfArgumentParser, Seq2SeqTrainingArguments, Seq2SeqTrainer, AutoModelForSeq2SeqLM

@dataclass
class RunArguments(${base}):
${fields}

@dataclass
class ModelArguments:
    checkpoint: str = field(default="t5-small")
    num_train_epochs_hint: int = field(default=7)

parser = HfArgumentParser((RunArguments, ModelArguments))
training_args, model_args = parser.parse_args_into_dataclasses()
model = AutoModelForSeq2SeqLM.from_pretrained(model_args.checkpoint)
Seq2SeqTrainer(model=model, args=training_args, train_dataset=ds).train()
`;

const own = script(
  'Seq2SeqTrainingArguments',
  `    per_device_train_batch_size: int = field(default=32)
    num_train_epochs: int = 50
    optim: str = field(default="adamw_torch")
    fp16: bool = field(default=False)
    bf16: bool = field(default=False)
    run_name: str = field(default_factory=lambda: "x")`,
);
const lineAt = (text: string, offset: number) => text.slice(text.lastIndexOf('\n', offset - 1) + 1).split('\n')[0];

test("a TrainingArguments subclass's field defaults are the run's values, each on its own line", async () => {
  const { plan, findings } = await run(own);
  assert.equal(plan.facts.get('micro_batch')?.value, 32);
  assert.equal(plan.facts.get('micro_batch')?.origin, 'script-default');
  assert.equal(plan.facts.get('epochs')?.value, 50);
  assert.equal(plan.facts.get('optimizer')?.value, 'adamw_torch');
  assert.equal(plan.facts.get('precision')?.value, 'fp32');
  assert.equal(plan.facts.get('precision')?.origin, 'script-default');
  const f = findings.find((x) => x.code === 'GML101');
  assert.equal(f?.severity, 'warning');
  assert.equal(f?.span && lineAt(own, f.span.start), '    bf16: bool = field(default=False)');
});

test("GML101's fix turns the subclass's bf16 field on, and the fixed file has no GML101", async () => {
  const { findings } = await run(own);
  const fix = findings.find((x) => x.code === 'GML101')?.fixes[0];
  assert.equal(fix?.applicability, 'unsafe');
  let fixed = own;
  for (const e of [...(fix?.edits ?? [])].sort((a, b) => b.start - a.start))
    fixed = fixed.slice(0, e.start) + e.newText + fixed.slice(e.end);
  assert.match(fixed, /bf16: bool = field\(default=True\)/);
  const after = await run(fixed);
  assert.equal(after.plan.facts.get('precision')?.value, 'bf16');
  assert.equal(
    after.findings.find((x) => x.code === 'GML101'),
    undefined,
  );
});

test('bf16 on in the subclass: mixed precision, no GML101', async () => {
  const { plan, findings } = await run(script('Seq2SeqTrainingArguments', '    bf16: bool = field(default=True)'));
  assert.equal(plan.facts.get('precision')?.value, 'bf16');
  assert.equal(
    findings.find((x) => x.code === 'GML101'),
    undefined,
  );
});

test('must not report: a dataclass that does not subclass the arguments gives the Trainer none of its fields', async () => {
  const { plan } = await run(
    script('object', '    per_device_train_batch_size: int = field(default=32)\n    bf16: bool = field(default=True)'),
  );
  assert.notEqual(plan.facts.get('micro_batch')?.value, 32);
  assert.notEqual(plan.facts.get('precision')?.value, 'bf16');
});

test('must not report: fields without a default, or with a default_factory, stay unknown or at the library default', async () => {
  const { plan } = await run(
    script(
      'Seq2SeqTrainingArguments',
      '    per_device_train_batch_size: int = field(default_factory=pick_batch)\n    num_train_epochs: int = field(metadata={"help": "x"})',
    ),
  );
  assert.notEqual(plan.facts.get('micro_batch')?.origin, 'script-default');
  assert.notEqual(plan.facts.get('epochs')?.origin, 'script-default');
});
