// Training configs recognised by content: DeepSpeed, accelerate, axolotl, LLaMA-Factory, torchtune, Lightning CLI,
// HF-args files — and YAML/JSON that is none of them (a workflow, compose file, manifest) gives nothing at all.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze, applyEdits, codes, fact, lineOf, theRun } from './helpers';

const FIX = path.resolve('test/fixtures/formats');
const fixture = (rel: string) => fs.readFileSync(path.join(FIX, rel), 'utf8');

test('not training configs: GitHub workflow, docker-compose, Kubernetes job, package.json → no runs, no findings, no messages', async () => {
  for (const rel of [
    'not-training/.github/workflows/ci.yml',
    'not-training/docker-compose.yml',
    'not-training/deployment.yaml',
    'not-training/package.json',
  ]) {
    const a = await analyze({ [rel]: fixture(rel) }, rel, { hardware: 'a100' });
    assert.deepEqual([a.runs.length, a.findings.length, a.messages.length, a.linked?.length ?? 0], [0, 0, 0, 0], rel);
  }
  const hydraLike = 'trainer:\n  name: bob\nmodel: x\n';
  assert.equal(
    (await analyze({ 'c.yaml': hydraLike }, 'c.yaml')).runs.length,
    0,
    'a `trainer:` key without Trainer arguments is not Lightning',
  );
});

test('DeepSpeed alone: bf16 and fp16 both off is fp32 on that key; the fix enables bf16 in the JSON', async () => {
  const text =
    '{\n  "train_micro_batch_size_per_gpu": 4,\n  "gradient_accumulation_steps": 8,\n  "fp16": {"enabled": false},\n  "bf16": {"enabled": false},\n  "zero_optimization": {"stage": 2}\n}\n';
  const a = await analyze({ 'ds.json': text }, 'ds.json', { hardware: 'a100' });
  const run = theRun(a);
  assert.equal(run.plan.framework, 'deepspeed');
  assert.deepEqual(
    ['micro_batch', 'grad_accum', 'precision', 'zero_stage'].map((k) => fact(a, k as never)?.value),
    [4, 8, 'fp32', 2],
  );
  const f = a.findings.find((x) => x.code === 'GML101')!;
  assert.equal(lineOf(text, f.span.start), 5);
  const fixed = applyEdits(text, f.fixes[0].edits);
  assert.match(fixed, /"bf16": \{"enabled": true\}/);
  JSON.parse(fixed);
});

test('DeepSpeed alone: "auto" values and missing sections are not guessed: no GML101', async () => {
  const a = await analyze({ 'ds.json': fixture('ds-hf/ds_zero3.json') }, 'ds.json', { hardware: 'a100' });
  assert.equal(fact(a, 'precision')?.value, null);
  assert.equal(fact(a, 'zero_stage')?.value, 3);
  assert.equal(fact(a, 'micro_batch'), undefined, '"auto" micro-batch is taken from TrainingArguments');
  assert.deepEqual(codes(a), []);
});

test('DeepSpeed "auto" resolved from the linked TrainingArguments(deepspeed="ds.json")', async () => {
  const script = (bf16: string) => `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-1.5B")
args = TrainingArguments(output_dir="o", deepspeed="ds.json", per_device_train_batch_size=4${bf16})
Trainer(model=model, args=args).train()
`;
  const ds =
    '{\n  "bf16": {"enabled": "auto"},\n  "train_micro_batch_size_per_gpu": "auto",\n  "zero_optimization": {"stage": 2}\n}\n';
  let a = await analyze({ 'train.py': script(', bf16=True'), 'ds.json': ds }, 'ds.json', { hardware: 'a100' });
  assert.equal(a.runs.length, 0);
  assert.equal(a.linked?.length, 1, "the DeepSpeed config takes part in the script's run");
  assert.deepEqual(
    [fact(a, 'precision')?.value, fact(a, 'micro_batch')?.value, fact(a, 'zero_stage')?.value],
    ['bf16', 4, 2],
  );
  assert.ok(fact(a, 'precision')?.file?.endsWith('train.py'));
  assert.deepEqual(codes(a), []);
  // Without bf16 in the script, "auto" follows the fp32 default: the finding and its fix are in the script.
  a = await analyze({ 'train.py': script(''), 'ds.json': ds }, 'train.py', { hardware: 'a100' });
  assert.ok(fact(a, 'zero_stage')?.file?.endsWith('ds.json'));
  const f = a.findings.find((x) => x.code === 'GML101')!;
  assert.match(applyEdits(script(''), f.fixes[0].edits), /bf16=True\)/);
  assert.deepEqual(
    codes(await analyze({ 'train.py': script(''), 'ds.json': ds }, 'ds.json', { hardware: 'a100' })),
    [],
  );
});

test('accelerate config alone: a plan of what it states (4 processes; mixed_precision "no" leaves the dtype to the script), no findings', async () => {
  const a = await analyze({ 'acc.yaml': fixture('accelerate-launch/accelerate_config.yaml') }, 'acc.yaml', {
    hardware: 'a100',
  });
  assert.equal(a.findings.length, 0);
  assert.equal(fact(a, 'devices')?.value, 4);
  for (const k of ['precision', 'micro_batch', 'epochs', 'model', 'optimizer'])
    assert.notEqual(fact(a, k as never)?.origin, 'explicit', k);
});

test('axolotl: bf16 "auto" is never fp32 — bf16 on A100, fp16 on V100 — so no GML101', async () => {
  const text = fixture('axolotl/qlora.yml');
  for (const hardware of ['a100', 'v100']) {
    const a = await analyze({ 'qlora.yml': text }, 'qlora.yml', { hardware });
    assert.equal(theRun(a).plan.framework, 'axolotl');
    assert.equal(fact(a, 'precision')?.value, hardware === 'a100' ? 'bf16' : 'fp16');
    assert.ok(!codes(a).includes('GML101'), hardware);
  }
  const a = await analyze({ 'qlora.yml': text }, 'qlora.yml');
  assert.deepEqual(
    ['model', 'micro_batch', 'grad_accum', 'seq_len', 'epochs', 'grad_checkpointing', 'peft'].map(
      (k) => fact(a, k as never)?.value,
    ),
    ['meta-llama/Llama-3.2-1B', 2, 4, 2048, 1, true, 'qlora'],
  );
  const mb = fact(a, 'micro_batch')!;
  assert.deepEqual([mb.origin, lineOf(text, mb.span!.start)], ['explicit', 17]);
  // saves_per_epoch: 1 is a per-epoch cadence (with one epoch, the save falls at the end): never "no checkpoint".
  assert.equal(fact(a, 'periodic_save')?.value, 'epoch');
  assert.ok(!codes(a).includes('GML301'));
});

test('axolotl: bf16: false + fp16: false is fp32 on the bf16 key; the fix sets bf16: true in place', async () => {
  const text = fixture('axolotl/full-fp32.yaml');
  const a = await analyze({ 'full.yaml': text }, 'full.yaml', { hardware: 'a100' });
  const f = a.findings.find((x) => x.code === 'GML101')!;
  assert.equal(text.slice(f.span.start, f.span.end), 'bf16: false');
  assert.equal(f.severity, 'warning');
  const fixed = applyEdits(text, f.fixes[0].edits);
  assert.match(fixed, /^bf16: true$/m);
  assert.match(fixed, /^fp16: false$/m);
  assert.ok(!codes(await analyze({ 'full.yaml': fixed }, 'full.yaml', { hardware: 'a100' })).includes('GML101'));
});

test('axolotl: save_steps larger than the run → GML303 on save_steps, fixed in place', async () => {
  const text = fixture('axolotl/full-fp32.yaml');
  const a = await analyze({ 'full.yaml': text }, 'full.yaml', { hardware: 'a100' });
  const f = a.findings.find((x) => x.code === 'GML303')!;
  assert.equal(text.slice(f.span.start, f.span.end), 'save_steps: 50000');
  const fixed = applyEdits(text, f.fixes[0].edits);
  assert.match(fixed, /^save_steps: \d+$/m);
  assert.ok(!codes(await analyze({ 'full.yaml': fixed }, 'full.yaml', { hardware: 'a100' })).includes('GML303'));
});

test('LLaMA-Factory: bf16 LoRA is fine; full fine-tuning without bf16 is fp32 with a fix that adds bf16: true', async () => {
  let a = await analyze({ 'lora.yaml': fixture('llamafactory/qwen_lora_sft.yaml') }, 'lora.yaml', { hardware: 'a100' });
  assert.equal(theRun(a).plan.framework, 'llamafactory');
  assert.deepEqual(
    ['precision', 'peft', 'seq_len', 'micro_batch', 'grad_accum'].map((k) => fact(a, k as never)?.value),
    ['bf16', 'lora', 2048, 1, 8],
  );
  const gc = fact(a, 'grad_checkpointing')!;
  assert.deepEqual(
    [gc.value, gc.origin],
    [true, 'framework-default'],
    'LLaMA-Factory turns gradient checkpointing on itself',
  );
  assert.ok(!codes(a).includes('GML101'));
  const text = fixture('llamafactory/full_sft_fp32.yaml');
  a = await analyze({ 'full.yaml': text }, 'full.yaml', { hardware: 'a100' });
  const f = a.findings.find((x) => x.code === 'GML101')!;
  assert.equal(lineOf(text, f.span.start), 1, 'on model_name_or_path: bf16 is not written');
  const fixed = applyEdits(text, f.fixes[0].edits);
  assert.match(fixed, /\nnum_train_epochs: 2\.0\nbf16: true\n$/);
  assert.ok(!codes(await analyze({ 'full.yaml': fixed }, 'full.yaml', { hardware: 'a100' })).includes('GML101'));
  // LoRA without bf16 keeps a bf16 base: not judged.
  a = await analyze({ 'l.yaml': fixture('llamafactory/qwen_lora_sft.yaml').replace('bf16: true\n', '') }, 'l.yaml', {
    hardware: 'a100',
  });
  assert.deepEqual([fact(a, 'precision')?.value, codes(a).includes('GML101')], [null, false]);
});

test('torchtune: dtype bf16 is full bf16; the recipe saves at each epoch end, a per-epoch cadence even over one epoch', async () => {
  const text = fixture('torchtune/llama31_8b_full_bf16.yaml');
  const a = await analyze({ 'c.yaml': text }, 'c.yaml', { hardware: 'h100' });
  assert.equal(theRun(a).plan.framework, 'torchtune');
  assert.deepEqual(
    ['precision', 'micro_batch', 'grad_accum', 'epochs', 'seq_len', 'grad_checkpointing', 'compile', 'optimizer'].map(
      (k) => fact(a, k as never)?.value,
    ),
    ['bf16', 2, 1, 1, 2048, true, false, 'paged_adamw_8bit'],
  );
  assert.equal(lineOf(text, fact(a, 'precision')!.span!.start), 36);
  assert.equal(fact(a, 'params')?.value, 8030261248, 'the model is named by its checkpoint folder');
  const save = fact(a, 'periodic_save')!;
  assert.deepEqual([save.value, save.origin], ['epoch', 'framework-default']);
  assert.match(save.note ?? '', /with 1 epoch, the save falls at the end of the run/);
  assert.ok(!codes(a).includes('GML101') && !codes(a).includes('GML301'));
  const fp32 = await analyze({ 'c.yaml': text.replace('dtype: bf16', 'dtype: fp32') }, 'c.yaml', { hardware: 'h100' });
  const f = fp32.findings.find((x) => x.code === 'GML101')!;
  assert.match(applyEdits(text.replace('dtype: bf16', 'dtype: fp32'), f.fixes[0].edits), /^dtype: bf16$/m);
});

test('Lightning CLI: trainer.precision 32-true → GML101 there; the fix writes bf16-mixed; callbacks and data batch size are read', async () => {
  const text = fixture('lightning-cli/config.yaml');
  const a = await analyze({ 'config.yaml': text }, 'config.yaml', { hardware: 'a100' });
  assert.equal(theRun(a).plan.framework, 'lightning');
  assert.deepEqual(
    ['precision', 'devices', 'grad_accum', 'epochs', 'micro_batch', 'periodic_save', 'early_stopping'].map(
      (k) => fact(a, k as never)?.value,
    ),
    ['fp32', 4, 2, 20, 64, 'epoch', true],
  );
  const f = a.findings.find((x) => x.code === 'GML101')!;
  assert.equal(text.slice(f.span.start, f.span.end), 'precision: 32-true');
  assert.match(applyEdits(text, f.fixes[0].edits), /^ {2}precision: bf16-mixed$/m);
  const missing = await analyze({ 'config.yaml': text.replace('  precision: 32-true\n', '') }, 'config.yaml', {
    hardware: 'a100',
  });
  const g = missing.findings.find((x) => x.code === 'GML101')!;
  assert.match(
    applyEdits(text.replace('  precision: 32-true\n', ''), g.fixes[0].edits),
    /monitor: val_loss\n {2}precision: bf16-mixed\nmodel:/,
  );
});

test('HF-args YAML alone: an unset bf16 is information naming the assumption (transformers or TRL?), an explicit bf16: false is judged', async () => {
  const a = await analyze({ 'args.yaml': fixture('hf-args/args.yaml') }, 'args.yaml', { hardware: 'a100' });
  assert.equal(theRun(a).plan.framework, 'hf-trainer');
  assert.equal(fact(a, 'precision')?.value, null);
  const unset = a.findings.find((f) => f.code === 'GML101')!;
  assert.equal(unset.severity, 'information');
  assert.match(unset.message, /script that reads it is not in view: with transformers' Trainer the run trains in fp32/);
  const save = a.findings.find((f) => f.code === 'GML301')!;
  assert.equal(fixture('hf-args/args.yaml').slice(save.span.start, save.span.end), 'save_strategy: "no"');
  const off = await analyze({ 'args.yaml': `${fixture('hf-args/args.yaml')}bf16: false\nfp16: false\n` }, 'args.yaml', {
    hardware: 'a100',
  });
  assert.ok(codes(off).includes('GML101'));
});

test('memory rules on a YAML config: GML207 fix rewrites micro_batch_size × gradient_accumulation_steps; GML205 adds gradient_checkpointing', async () => {
  const yml = (mb: number, seq: number) =>
    `base_model: Qwen/Qwen2.5-1.5B\ndatasets:\n  - path: x\nsequence_len: ${seq}\nmicro_batch_size: ${mb}\ngradient_accumulation_steps: 2\nbf16: true\nsaves_per_epoch: 4\n`;
  let text = yml(4, 2048);
  let a = await analyze({ 'c.yml': text }, 'c.yml', { hardware: 'a100-40gb' });
  const oom = a.findings.find((f) => f.code === 'GML207')!;
  assert.equal(text.slice(oom.span.start, oom.span.end), 'micro_batch_size: 4');
  const fixed = applyEdits(text, oom.fixes[0].edits);
  assert.match(fixed, /^micro_batch_size: 2\ngradient_accumulation_steps: 4$/m);
  assert.ok(!codes(await analyze({ 'c.yml': fixed }, 'c.yml', { hardware: 'a100-40gb' })).includes('GML207'));
  text = yml(1, 4096);
  a = await analyze({ 'c.yml': text }, 'c.yml', { hardware: 'a100-40gb' });
  const tight = a.findings.find((f) => f.code === 'GML205')!;
  assert.match(applyEdits(text, tight.fixes[0].edits), /\nsaves_per_epoch: 4\ngradient_checkpointing: true\n$/);
});

test('detection needs a signature, not one familiar key', async () => {
  // A project's own config is no DeepSpeed config; read through the shared vocabulary it is a training config.
  const own = 'train_batch_size: 32\nlearning_rate: 0.001\nepochs: 10\n';
  const mine = await analyze({ 'config.yaml': own }, 'config.yaml');
  assert.deepEqual(
    mine.runs.map((r) => [r.plan.framework, r.plan.facts.get('micro_batch')?.origin]),
    [['config', 'inferred']],
  );
  const ds = '{"train_batch_size": 32, "fp16": {"enabled": true}}';
  assert.equal(theRun(await analyze({ 'ds.json': ds }, 'ds.json')).plan.framework, 'deepspeed');
});
