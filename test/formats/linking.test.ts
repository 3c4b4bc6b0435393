// Linking on real files (test/fixtures/formats), read from disk like the CLI does: which file each fact comes from
// and why, findings reported once in the file that decides them, and version pins that change defaults.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../server/review/analyze-file';
import type { DocumentAnalysis } from '../../server/review/analyze';
import { memoryReader } from '../../engine/link';
import { atLeast, below, parsePyproject, parseRequirements, pinOf } from '../../engine/extract/versions';
import { analyze, codes, fact, lineOf, settings, theRun } from './helpers';

const FIX = path.resolve('test/fixtures/formats');

async function onDisk(rel: string, hardware = 'a100'): Promise<DocumentAnalysis> {
  const file = path.join(FIX, rel);
  return analyzeText(file, fs.readFileSync(file, 'utf8'), settings({ hardware }));
}

const from = (a: DocumentAnalysis, key: string) => path.basename(fact(a, key as never)?.file ?? '');

test('HF script + deepspeed launcher + DeepSpeed JSON: one run, each fact from the file that sets it, the same from every file', async () => {
  for (const rel of ['ds-hf/train.py', 'ds-hf/run.sh', 'ds-hf/ds_zero3.json']) {
    const a = await onDisk(rel);
    const run = theRun(a);
    assert.equal(run.plan.entry.file, path.join(FIX, 'ds-hf/train.py'), rel);
    assert.deepEqual(
      ['precision', 'micro_batch', 'grad_accum', 'devices', 'zero_stage', 'save_steps', 'model'].map((k) => [
        k,
        fact(a, k as never)?.value,
        from(a, k),
      ]),
      [
        ['precision', 'bf16', 'run.sh'],
        ['micro_batch', 4, 'run.sh'],
        ['grad_accum', 4, 'run.sh'],
        ['devices', 8, 'run.sh'],
        ['zero_stage', 3, 'ds_zero3.json'],
        ['save_steps', 200, 'run.sh'],
        ['model', 'meta-llama/Llama-3.1-8B', 'train.py'],
      ],
      rel,
    );
    assert.equal(fact(a, 'model')?.origin, 'script-default', 'a dataclass field default');
    assert.deepEqual(codes(a), [], rel);
    assert.ok(run.plan.files.length >= 3);
  }
  const a = await onDisk('ds-hf/train.py');
  const sh = fs.readFileSync(path.join(FIX, 'ds-hf/run.sh'), 'utf8');
  assert.equal(lineOf(sh, fact(a, 'devices')!.span!.start), 7);
  assert.match(fact(a, 'devices')!.note!, /deepspeed --num_gpus/);
  assert.ok(a.sources?.get(path.join(FIX, 'ds-hf/run.sh')), "the launcher's text is returned for positions");
});

test('accelerate launch --config_file with mixed_precision: no → GML101 in the config only, once', async () => {
  const cfg = await onDisk('accelerate-launch/accelerate_config.yaml');
  assert.deepEqual(codes(cfg), ['GML101']);
  assert.equal(cfg.findings[0].severity, 'warning');
  // Its DataLoader has no workers (GML401) and its AdamW, prepared by accelerate for the GPUs, runs unfused (GML503):
  // findings of their own, neither about precision.
  assert.deepEqual(codes(await onDisk('accelerate-launch/train.py')), ['GML401', 'GML503']);
  assert.deepEqual(codes(await onDisk('accelerate-launch/launch.sh')), []);
  const a = await onDisk('accelerate-launch/train.py');
  assert.deepEqual(
    [fact(a, 'devices')?.value, from(a, 'devices'), fact(a, 'precision')?.value, from(a, 'precision')],
    [4, 'accelerate_config.yaml', 'fp32', 'accelerate_config.yaml'],
  );
  assert.deepEqual(
    [fact(a, 'grad_accum')?.value, fact(a, 'epochs')?.value, fact(a, 'periodic_save')?.value],
    [2, 2, 'epoch'],
  );
});

test('HfArgumentParser(...).parse_yaml_file("args.yaml"): the YAML holds every argument, so findings and fixes go there', async () => {
  const yaml = fs.readFileSync(path.join(FIX, 'hf-args/args.yaml'), 'utf8');
  const a = await onDisk('hf-args/args.yaml');
  assert.deepEqual(
    [fact(a, 'micro_batch')?.value, from(a, 'micro_batch'), fact(a, 'model')?.value],
    [8, 'args.yaml', 'Qwen/Qwen2.5-1.5B'],
  );
  const p = fact(a, 'precision')!;
  assert.deepEqual([p.value, p.origin], ['fp32', 'framework-default']);
  const f = a.findings.find((x) => x.code === 'GML101')!;
  assert.equal(f.file, path.join(FIX, 'hf-args/args.yaml'));
  assert.deepEqual(
    f.fixes[0].edits.map((e) => e.newText),
    ['\nbf16: true'],
  );
  assert.ok(codes(a).includes('GML301'));
  assert.equal(lineOf(yaml, a.findings.find((x) => x.code === 'GML301')!.span.start), 5);
  assert.deepEqual(codes(await onDisk('hf-args/train.py')), [], 'not repeated in the script');
});

test('nanoGPT: train.py globals ← config/*.py ← --key=value, devices from torchrun, accumulation divided by the world size', async () => {
  const a = await onDisk('nanogpt/train.py');
  assert.deepEqual(
    ['precision', 'micro_batch', 'grad_accum', 'seq_len', 'max_steps', 'save_steps', 'devices', 'compile'].map((k) => [
      k,
      fact(a, k as never)?.value,
      from(a, k),
    ]),
    [
      ['precision', 'fp32', 'train_small_fp32.py'],
      ['micro_batch', 16, 'run.sh'],
      ['grad_accum', 1, 'train_small_fp32.py'],
      ['seq_len', 256, 'train_small_fp32.py'],
      ['max_steps', 5000, 'train_small_fp32.py'],
      // always_save_checkpoint = False: ckpt.pt only when the validation loss improves, a best-model export with no cadence.
      ['save_steps', undefined, ''],
      ['devices', 4, 'run.sh'],
      ['compile', true, 'train.py'],
    ],
  );
  assert.deepEqual(codes(a), [], 'the fp32 setting is in the config file, reported there');
  const cfg = await onDisk('nanogpt/config/train_small_fp32.py');
  assert.deepEqual([cfg.runs.length, cfg.linked?.length], [0, 1]);
  const f = cfg.findings.find((x) => x.code === 'GML101')!;
  const text = fs.readFileSync(path.join(FIX, 'nanogpt/config/train_small_fp32.py'), 'utf8');
  assert.equal(text.slice(f.span.start, f.span.end), "dtype = 'float32'");
  assert.deepEqual(
    f.fixes[0].edits.map((e) => e.newText),
    ["'bfloat16'"],
  );
  const alone = await analyze({ 'config/x.py': "dtype = 'float32'\n" }, 'config/x.py');
  assert.equal(alone.runs.length + (alone.linked?.length ?? 0), 0, 'a config file no launcher uses is not a run');
});

test('SLURM + torchrun + Lightning: 2 nodes × 8 A100s', async () => {
  const a = await onDisk('slurm/train.py', '');
  assert.deepEqual(
    [fact(a, 'hardware')?.value, from(a, 'hardware'), fact(a, 'devices')?.value, fact(a, 'precision')?.value],
    ['a100', 'train.slurm', 16, 'bf16'],
  );
  assert.equal(theRun(a).estimate.accelerator?.id, 'a100-sxm4-80gb');
});

test('version pins: TRL 0.12 (requirements.txt) has bf16 and gradient checkpointing off by default', async () => {
  const a = await onDisk('versions/sft.py');
  const p = fact(a, 'precision')!;
  assert.deepEqual([p.value, p.origin], ['fp32', 'framework-default']);
  assert.match(p.note!, /TRL 0\.19 \(trl==0\.12\.0/);
  assert.equal(fact(a, 'grad_checkpointing')?.value, false);
  assert.equal(a.findings.find((f) => f.code === 'GML101')?.severity, 'warning');
  // Without the pin, TRL's current defaults apply.
  const code = fs.readFileSync(path.join(FIX, 'versions/sft.py'), 'utf8');
  const unpinned = await analyzeText('/elsewhere/sft.py', code, settings({ hardware: 'a100' }), memoryReader({}));
  assert.deepEqual([fact(unpinned, 'precision')?.value, fact(unpinned, 'grad_checkpointing')?.value], ['bf16', true]);
});

test('version pins: transformers ≥ 5 loads the checkpoint dtype, so an unset bf16 is not judged', async () => {
  const script =
    'from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nm = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-1.5B")\nTrainer(model=m, args=TrainingArguments(output_dir="o")).train()\n';
  const a = await analyze(
    { 'train.py': script, 'pyproject.toml': '[project]\nname = "x"\ndependencies = ["transformers>=5.0", "torch"]\n' },
    'train.py',
    { hardware: 'a100' },
  );
  assert.equal(fact(a, 'precision')?.value, null);
  assert.ok(!codes(a).includes('GML101'));
  const v4 = await analyze({ 'train.py': script, 'requirements.txt': 'transformers==4.46.3\n' }, 'train.py', {
    hardware: 'a100',
  });
  assert.ok(codes(v4).includes('GML101'));
});

test('version ranges: only a range wholly on one side of a pivot changes a default', () => {
  assert.ok(below(pinOf('==0.12.0', ''), '0.19'));
  assert.ok(below(pinOf('>=0.10,<0.19', ''), '0.19'));
  assert.ok(!below(pinOf('>=0.12', ''), '0.19'));
  assert.ok(below(pinOf('~=0.15.2', ''), '0.19'));
  assert.ok(atLeast(pinOf('>=5.0', ''), '5'));
  assert.ok(!atLeast(pinOf('>=4.40', ''), '5'));
  assert.equal(
    parseRequirements('trl[peft]==0.18.1  # pinned\ntransformers>=4.45,<4.47\n', 'r.txt').trl?.max?.join('.'),
    '0.18.1',
  );
  assert.ok(below(parsePyproject('[tool.poetry.dependencies]\ntrl = "^0.11"\n', 'p').trl, '0.19'));
  assert.deepEqual(parsePyproject('not [toml', 'p'), {});
});
