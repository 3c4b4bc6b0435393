// Any config, one vocabulary: configs and launchers of frameworks without a reader of their own, each given alone,
// become runs through the generic reader and the shared vocabulary — with their framework's defaults, the model size
// from architecture keys, origin `inferred` where only a generic spelling read a value, and fixes written back in
// the file's own syntax. Fixtures in test/fixtures/formats/vocab were written for these tests.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { FactKey, FactValue } from '../../engine/types';
import { estimateMarkdown } from '../../server/review/report';
import { analyze, applyEdits, fact, lineOf, theRun } from './helpers';

const DIR = path.resolve('test/fixtures/formats/vocab');
const all = Object.fromEntries(fs.readdirSync(DIR).map((n) => [n, fs.readFileSync(path.join(DIR, n), 'utf8')]));

interface Case {
  file: string;
  framework: string;
  facts: Partial<Record<FactKey, FactValue>>;
  origins?: Partial<Record<FactKey, string>>;
  absent?: FactKey[];
}

const CASES: Case[] = [
  {
    file: 'titan_llama3_8b.toml',
    framework: 'torchtitan',
    facts: { model: 'Llama-3-8B', micro_batch: 1, seq_len: 8192, max_steps: 1000, precision: 'fp32', compile: false },
    origins: { precision: 'explicit', periodic_save: 'explicit' },
  },
  {
    file: 'olmo_tiny.yaml',
    framework: 'olmo',
    facts: {
      precision: 'bf16',
      global_batch: 512,
      micro_batch: 8,
      seq_len: 2048,
      train_tokens: 2e10,
      save_steps: 1000,
    },
    origins: { params: 'inferred' },
  },
  {
    file: 'litgpt_lora.yaml',
    framework: 'litgpt',
    facts: { precision: 'bf16', devices: 4, micro_batch: 2, global_batch: 32, grad_accum: 4, epochs: 3, peft: 'lora' },
  },
  {
    file: 'foundry_mpt.yaml',
    framework: 'llm-foundry',
    facts: { precision: 'bf16', max_steps: 4800, save_steps: 1000, micro_batch: 16, global_batch: 256, seq_len: 2048 },
    absent: ['model'],
  },
  {
    file: 'neox_small.yml',
    framework: 'gpt-neox',
    facts: { precision: 'fp16', micro_batch: 8, grad_accum: 2, max_steps: 320000, grad_checkpointing: true },
  },
  {
    file: 'pretrain_megatron.sh',
    framework: 'megatron',
    facts: { devices: 8, micro_batch: 4, global_batch: 256, grad_accum: 16, max_steps: 50000, precision: 'fp32' },
    origins: { precision: 'framework-default', grad_accum: 'inferred' },
  },
  {
    file: 'mask_rcnn_R_50_FPN.yaml',
    framework: 'detectron2',
    facts: { global_batch: 16, max_steps: 270000, precision: 'fp32', save_steps: 5000, modality: 'vision' },
    origins: { global_batch: 'explicit', precision: 'framework-default' },
    absent: ['seq_len'],
  },
  {
    file: 'lazy_mask_rcnn.py',
    framework: 'detectron2-lazy',
    facts: { global_batch: 64, max_steps: 184375, precision: 'fp16' },
    absent: ['seq_len'],
  },
  {
    file: 'retinanet_mm.py',
    framework: 'mmengine',
    facts: { micro_batch: 4, epochs: 24, precision: 'fp32', periodic_save: 'epoch', num_workers: 2 },
    absent: ['seq_len'],
  },
  {
    file: 'yolo_train.py',
    framework: 'ultralytics',
    // batch 32 on the one GPU picked, accumulated round(nbs 64 / 32) = 2 times (ultralytics/engine/trainer.py).
    facts: { epochs: 50, micro_batch: 32, grad_accum: 2, global_batch: 64, precision: 'fp16', num_workers: 4 },
    origins: { precision: 'framework-default' },
    absent: ['seq_len'],
  },
  {
    file: 't5_small_pretrain.gin',
    framework: 't5x',
    facts: { global_batch: 256, max_steps: 100000, save_steps: 2000 },
    absent: ['micro_batch'],
  },
  {
    file: 'megatron_arrays.sh',
    framework: 'megatron',
    facts: { micro_batch: 8, global_batch: 64, max_steps: 20000, seq_len: 1024, precision: 'fp8', save_steps: 1000 },
  },
  {
    file: 't5_blocks.gin',
    framework: 't5x',
    facts: { global_batch: 64, max_steps: 30000, save_steps: 1500 },
    absent: ['micro_batch', 'precision'],
  },
  {
    file: 'mlc_imagenet.py',
    framework: 'mlcollections',
    // A JAX trainer splits `config.batch_size` over every device: the global batch.
    facts: { global_batch: 1024, epochs: 90, precision: 'fp32', optimizer: 'sgd', modality: 'vision' },
    origins: { global_batch: 'explicit', epochs: 'inferred' },
    absent: ['seq_len'],
  },
  {
    file: 'yacs_defaults.py',
    framework: 'detectron2',
    facts: { global_batch: 32, max_steps: 60000, save_steps: 2500, num_workers: 6 },
    absent: ['seq_len'],
  },
  {
    file: 'args_dataclass.py',
    framework: 'config',
    facts: { micro_batch: 4, grad_accum: 8, max_steps: 5000, seq_len: 1024 },
    origins: { micro_batch: 'inferred', max_steps: 'inferred' },
    absent: ['precision'],
  },
  {
    file: 'timm_args.yaml',
    framework: 'timm',
    facts: { micro_batch: 128, epochs: 300, precision: 'bf16', model: 'vit_small_patch16_224' },
    absent: ['seq_len'],
  },
  {
    file: 'resnet_cls.yaml',
    framework: 'config',
    facts: { micro_batch: 256, epochs: 90, precision: 'fp32', modality: 'vision' },
    origins: { micro_batch: 'inferred', precision: 'inferred' },
    absent: ['seq_len'],
  },
];

for (const c of CASES) {
  test(`${c.file} given alone is a ${c.framework} run with its facts`, async () => {
    const a = await analyze(all, c.file, { hardware: 'a100' });
    const run = theRun(a);
    assert.equal(run.plan.framework, c.framework);
    for (const [k, v] of Object.entries(c.facts)) assert.equal(fact(a, k as FactKey)?.value, v, `${c.file}: ${k}`);
    for (const [k, o] of Object.entries(c.origins ?? {}))
      assert.equal(fact(a, k as FactKey)?.origin, o, `${c.file}: origin of ${k}`);
    for (const k of c.absent ?? []) assert.equal(fact(a, k), undefined, `${c.file}: no ${k}`);
    // Every fact read from the file points at the text that says it.
    for (const f of run.plan.facts.values())
      if (f.span && f.file?.endsWith(c.file)) assert.ok(f.span.end <= all[c.file].length && f.span.start >= 0);
  });
}

test('a config inherits what its base config (`_BASE_`) sets; an unreadable base gives no framework defaults', async () => {
  const a = await analyze(
    { 'm.yaml': all['mask_rcnn_R_50_FPN.yaml'], 'Base-RCNN-FPN.yaml': all['Base-RCNN-FPN.yaml'] },
    'm.yaml',
  );
  assert.ok(fact(a, 'global_batch')?.file?.endsWith('Base-RCNN-FPN.yaml'), 'IMS_PER_BATCH comes from the base');
  assert.ok(fact(a, 'max_steps')?.file?.endsWith('m.yaml'), 'MAX_ITER of the child overrides the base');
  const alone = await analyze({ 'm.yaml': all['mask_rcnn_R_50_FPN.yaml'] }, 'm.yaml');
  assert.equal(fact(alone, 'precision'), undefined, 'AMP may be set in the base this review cannot read');
  assert.match(theRun(alone).plan.entry.label, /base config it inherits could not be read/);
  assert.deepEqual(alone.messages, []);
});

test('model size from architecture keys, with the arithmetic in the note', async () => {
  const a = await analyze(all, 'foundry_mpt.yaml');
  const p = fact(a, 'params')!;
  // 12 × (4·768² + 2·768·3072) + 50368·768
  assert.equal(p.value, 12 * (4 * 768 * 768 + 2 * 768 * 3072) + 50368 * 768);
  assert.match(p.note!, /12 layers × \(4·768² attention \+ 2·768·3072 MLP\) \+ 50,368 × 768 embeddings/);
  assert.equal(theRun(a).estimate.method === 'insufficient-inputs', false, 'the estimate uses the computed size');
});

test('YAML and TOML that are not training configs give no run', async () => {
  const files: Record<string, string> = {
    '.github/workflows/ci.yml':
      'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: 30\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm test\n',
    'docker-compose.yml':
      'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n    deploy:\n      replicas: 2\n  worker:\n    image: app\n    environment:\n      BATCH_SIZE: 32\n',
    'pyproject.toml': '[project]\nname = "x"\nversion = "0.1"\n[tool.greenml]\nhardware = "a100"\ndevices = 8\n',
    'mkdocs.yml': 'site_name: Docs\nnav:\n  - Home: index.md\ntheme:\n  name: material\n',
  };
  for (const f of Object.keys(files)) {
    const a = await analyze(files, f, { hardware: 'a100' });
    assert.deepEqual([a.runs.length, a.linked?.length ?? 0, a.findings.length], [0, 0, 0], f);
  }
});

test('a ResNet config reports no sequence length, and its estimate assumes none', async () => {
  const a = await analyze(all, 'resnet_cls.yaml', { hardware: 'a100' });
  assert.equal(fact(a, 'seq_len'), undefined);
  assert.equal(fact(a, 'modality')?.value, 'vision');
  const lm = await analyze(all, 'olmo_tiny.yaml');
  assert.equal(fact(lm, 'seq_len')?.value, 2048, 'a language model keeps its length');
});

test('inferred facts: the hover says where they came from, and rules that depend on them report information only', async () => {
  const a = await analyze(all, 'resnet_cls.yaml', { hardware: 'a100' });
  const p = fact(a, 'precision')!;
  assert.equal(p.origin, 'inferred');
  assert.match(p.note!, /^inferred from key `amp`/);
  assert.match(estimateMarkdown(theRun(a), 'precision'), /\*\*precision\*\* = `fp32` — inferred from key `amp`/);
  const f = a.findings.find((x) => x.code === 'GML101')!;
  assert.equal(f.severity, 'information', 'fp32 read from a generic `amp: false` is not a warning');
  assert.equal(all['resnet_cls.yaml'].slice(f.span.start, f.span.end), 'amp: false');
  // The same fp32 read by a framework's own row (detectron2's AMP switch default) stays a warning.
  const d = await analyze(all, 'Base-RCNN-FPN.yaml', { hardware: 'a100' });
  assert.equal(d.findings.find((x) => x.code === 'GML101')?.severity, 'warning');
});

test('fixes write values back in the file’s own syntax: TOML, YAML, Python keyword, shell flag, gin', async () => {
  // TOML: torchtitan float32 → bfloat16 in place.
  let a = await analyze(all, 'titan_llama3_8b.toml', { hardware: 'a100' });
  let f = a.findings.find((x) => x.code === 'GML101')!;
  assert.equal(lineOf(all['titan_llama3_8b.toml'], f.span.start), 19);
  assert.match(
    applyEdits(all['titan_llama3_8b.toml'], f.fixes[0].edits),
    /^mixed_precision_param = "bfloat16" {2}# debugging numerics$/m,
  );
  // YAML (Lightning-style spelling kept): precision 32-true → bf16-mixed.
  const lit = all['litgpt_lora.yaml'].replace('precision: bf16-true', 'precision: 32-true');
  a = await analyze({ 'c.yaml': lit }, 'c.yaml', { hardware: 'a100' });
  f = a.findings.find((x) => x.code === 'GML101')!;
  assert.match(applyEdits(lit, f.fixes[0].edits), /^precision: bf16-mixed$/m);
  // Python keyword and assignment, shell flag, gin binding: the editor of each entry.
  const run = theRun(await analyze(all, 'retinanet_mm.py'));
  const e1 = run.plan.edit!({ micro_batch: 2 })!;
  assert.match(applyEdits(all['retinanet_mm.py'], e1), /train_dataloader = dict\(batch_size=2, num_workers=2/);
  const sh = theRun(await analyze(all, 'pretrain_megatron.sh'));
  assert.match(applyEdits(all['pretrain_megatron.sh'], sh.plan.edit!({ micro_batch: 2 })!), /--micro-batch-size 2 \\/);
  const gin = theRun(await analyze(all, 't5_small_pretrain.gin'));
  assert.match(applyEdits(all['t5_small_pretrain.gin'], gin.plan.edit!({ max_steps: 5000 })!), /^TRAIN_STEPS = 5000$/m);
  const lazy = theRun(await analyze(all, 'lazy_mask_rcnn.py'));
  assert.match(
    applyEdits(all['lazy_mask_rcnn.py'], lazy.plan.edit!({ max_steps: 1000 })!),
    /^train\.max_iter = 1000$/m,
  );
});

test('Keras under tf.distribute: the tf.data batch is the global batch, not a per-replica one', async () => {
  const script = (strategy: string) => `import tensorflow as tf
ds = tf.data.Dataset.from_tensor_slices((x, y)).shuffle(1000).batch(512)
${strategy}
model = tf.keras.Sequential([tf.keras.layers.Dense(10)])
model.compile(optimizer="adam", loss="mse")
model.fit(ds, epochs=3)
`;
  let a = await analyze({ 't.py': script('strategy = tf.distribute.MirroredStrategy()') }, 't.py');
  assert.equal(fact(a, 'global_batch')?.value, 512);
  assert.equal(fact(a, 'micro_batch')?.value, null, 'per replica: 512 ÷ replicas, unknown here');
  a = await analyze({ 't.py': script('') }, 't.py');
  assert.equal(fact(a, 'micro_batch')?.value, 512, 'one process without a strategy: the batch is per step');
  // …on the one device TensorFlow places it on, so the global batch is that batch too.
  assert.equal(fact(a, 'devices')?.value, 1);
  assert.equal(fact(a, 'global_batch')?.value, 512);
});

test('a mixture-of-experts config: total and active sizes from the experts and the experts each token uses', async () => {
  // A Megatron-LM launcher of an 8-expert, top-2 model with gated MLPs (written for this test).
  const sh = [
    '#!/bin/bash',
    'torchrun --nproc_per_node 8 pretrain_gpt.py \\',
    '    --num-layers 16 --hidden-size 1024 --num-attention-heads 16 --ffn-hidden-size 2816 --swiglu \\',
    '    --num-experts 8 --moe-router-topk 2 \\',
    '    --seq-length 2048 --micro-batch-size 4 --global-batch-size 256 --train-iters 20000 --bf16 \\',
    '    --untie-embeddings-and-output-weights --vocab-size 32000',
    '',
  ].join('\n');
  const a = await analyze({ 'moe.sh': sh }, 'moe.sh', { hardware: 'h100' });
  const layer = (experts: number) => 4 * 1024 * 1024 + 3 * 1024 * experts * 2816 + 1024 * 8;
  const emb = 32000 * 1024 * 2;
  assert.equal(fact(a, 'params')?.value, 16 * layer(8) + emb);
  assert.equal(fact(a, 'active_params')?.value, 16 * layer(2) + emb);
  assert.match(fact(a, 'active_params')!.note!, /2 of 8 experts per token/);
  // The estimate computes 6·N·D with the active parameters, not the total.
  const run = theRun(a);
  assert.equal(run.estimate.method, 'flops');
  assert.equal(run.inputs.activeParams, 16 * layer(2) + emb);
  assert.match(run.estimate.assumptions.find((x) => x.key === 'flops')!.text, /active parameters/);
  // Without the experts each token uses, the experts are not read as a mixture-of-experts size.
  const dense = await analyze({ 'd.sh': sh.replace('--moe-router-topk 2 ', '') }, 'd.sh', { hardware: 'h100' });
  assert.equal(fact(dense, 'active_params'), undefined);
});
