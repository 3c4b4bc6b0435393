// SkyPilot task YAML as a launcher: `resources:` give the scripts in `run:` their hardware, device count (per node ×
// num_nodes) and region; the run lines are read by the launcher parser, with `envs:` expanded and positions in the
// YAML. A task that runs no training script gets nothing.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../server/review/analyze-file';
import type { DocumentAnalysis } from '../../server/review/analyze';
import { analyze, applyEdits, codes, lineOf, settings, theRun, launchedFact } from './helpers';

const FIX = path.resolve('test/fixtures/formats/skypilot');
async function onDisk(rel: string): Promise<DocumentAnalysis> {
  const file = path.join(FIX, rel);
  return analyzeText(file, fs.readFileSync(file, 'utf8'), settings());
}

test('SkyPilot on disk: A100-80GB:8 × 2 nodes in aws:us-east-1 reach the script; flags and $ENVS from run:, with their YAML lines', async () => {
  const yaml = fs.readFileSync(path.join(FIX, 'finetune.yaml'), 'utf8');
  for (const rel of ['finetune.yaml', 'sft.py']) {
    const a = await onDisk(rel);
    assert.equal(path.basename(theRun(a).plan.entry.file), 'sft.py', rel);
    const row = (k: string) => [
      launchedFact(a, k as never)?.value,
      path.basename(launchedFact(a, k as never)?.file ?? ''),
      launchedFact(a, k as never)?.span && lineOf(yaml, launchedFact(a, k as never)!.span!.start),
    ];
    assert.deepEqual(row('hardware'), ['a100-80gb', 'finetune.yaml', 5], rel);
    assert.deepEqual(row('devices'), [16, 'finetune.yaml', 5], rel);
    assert.deepEqual(row('region'), ['aws:us-east-1', 'finetune.yaml', 7], rel);
    assert.deepEqual(row('model'), ['Qwen/Qwen2.5-7B', 'finetune.yaml', 26], rel);
    assert.deepEqual(row('precision'), ['bf16', 'finetune.yaml', 30], rel);
    assert.deepEqual(row('micro_batch'), [4, 'finetune.yaml', 28], rel);
  }
  // A 7B full fine-tune with plain DDP does not fit in 80 GB: said once, in the file that sets the batch. The
  // region (aws:us-east-1, ≈ 396 g/kWh) has cleaner AWS regions: GML001 on its line. GML801 says a LoRA adapter
  // would fit, beside GML207.
  const cfg = await onDisk('finetune.yaml');
  assert.deepEqual(
    cfg.findings.map((f) => [f.code, lineOf(yaml, f.span.start)]),
    [
      ['GML001', 7],
      ['GML207', 28],
      ['GML801', 28],
    ],
  );
  assert.deepEqual(codes(await onDisk('sft.py')), []);
});

test('SkyPilot: a task that serves a model (`python -m vllm…`) gives nothing', async () => {
  const a = await onDisk('serve.yaml');
  assert.deepEqual([a.runs.length, a.linked?.length ?? 0, a.findings.length, a.messages.length], [0, 0, 0, 0]);
});

const hfScript =
  'from transformers import HfArgumentParser, Trainer, TrainingArguments\n(args,) = HfArgumentParser(TrainingArguments).parse_args_into_dataclasses()\nTrainer(model=m, args=args).train()\n';
const task = (resources: string, run: string, extra = '') => `resources:\n${resources}\n${extra}run: ${run}\n`;

test('SkyPilot: a one-line run with --bf16 False on an H100 is flagged on the YAML line; the fix writes True there', async () => {
  const yaml = task('  accelerators: {H100: 8}', 'python train.py --output_dir o --bf16 False');
  const a = await analyze({ 'task.yaml': yaml, 'train.py': hfScript }, 'task.yaml');
  assert.deepEqual(
    [launchedFact(a, 'hardware')?.value, launchedFact(a, 'devices')?.value, launchedFact(a, 'precision')?.value],
    ['h100', 8, 'fp32'],
  );
  const f = a.findings.find((x) => x.code === 'GML101')!;
  assert.equal(f.severity, 'warning', 'the task names the GPU');
  assert.equal(lineOf(yaml, f.span.start), 3);
  assert.equal(
    applyEdits(yaml, f.fixes[0].edits),
    task('  accelerators: {H100: 8}', 'python train.py --output_dir o --bf16 True'),
  );
});

test('SkyPilot resources: any-of lists, infra:, CPU-only tasks, per-node torchrun counts', async () => {
  let a = await analyze(
    { 't.yaml': task('  accelerators: [A100:8, H100:8]', 'python train.py --output_dir o'), 'train.py': hfScript },
    't.yaml',
    { hardware: 'l4' },
  );
  assert.deepEqual([launchedFact(a, 'hardware')?.value, launchedFact(a, 'devices')?.value], [null, 8]);
  assert.ok(
    !codes(a).includes('GML101') || a.findings.every((f) => f.severity === 'information'),
    'the GPU is chosen at launch: not a warning',
  );
  a = await analyze(
    {
      't.yaml': task('  accelerators: L4:1\n  infra: gcp/us-central1', 'python train.py --output_dir o'),
      'train.py': hfScript,
    },
    't.yaml',
  );
  assert.deepEqual([launchedFact(a, 'hardware')?.value, launchedFact(a, 'region')?.value], ['l4', 'gcp:us-central1']);
  a = await analyze(
    { 't.yaml': task('  cpus: 8+', 'python train.py --output_dir o'), 'train.py': hfScript },
    't.yaml',
    { hardware: 'a100' },
  );
  assert.deepEqual([launchedFact(a, 'hardware')?.value, codes(a)], ['cpu', []]);
  a = await analyze(
    {
      't.yaml': task(
        '  accelerators: V100:4',
        '|\n  torchrun --nproc_per_node=4 train.py --output_dir o --fp16 True',
        'num_nodes: 3\n',
      ),
      'train.py': hfScript,
    },
    'train.py',
  );
  assert.deepEqual([launchedFact(a, 'devices')?.value, launchedFact(a, 'hardware')?.value], [12, 'v100']);
  assert.match(launchedFact(a, 'devices')!.note!, /× num_nodes: 3/);
});

test('SkyPilot: odd run blocks never throw and give nothing they cannot read', async () => {
  for (const run of [
    '{ cmd: python train.py }',
    '"python train.py \\"$X\\""',
    '|\n  python "train.py',
    '',
    '|\n  echo hello',
  ]) {
    const a = await analyze({ 't.yaml': task('  accelerators: A100:1', run), 'train.py': hfScript }, 't.yaml');
    assert.ok(a.runs.length + (a.linked?.length ?? 0) <= 1, run);
  }
});
