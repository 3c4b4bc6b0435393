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
import { analyze, codes, fact, launchedFact, launchedRun, lineOf, settings, theRun } from './helpers';

const FIX = path.resolve('test/fixtures/formats');

async function onDisk(rel: string, hardware = 'a100'): Promise<DocumentAnalysis> {
  const file = path.join(FIX, rel);
  return analyzeText(file, fs.readFileSync(file, 'utf8'), settings({ hardware }));
}

const from = (a: DocumentAnalysis, key: string) => path.basename(fact(a, key as never)?.file ?? '');

test("HF script + deepspeed launcher + DeepSpeed JSON: the launcher's run, each fact from the file that sets it; the script and the JSON alone keep their own values and carry that run as launched", async () => {
  // A file planned alone is its own run (every labelled set labels a file given alone with its own values): the
  // launcher beside the script or config gives them nothing; the run it starts is their launched run, the same run
  // as the launcher's, and the one the rules judge.
  for (const rel of ['ds-hf/train.py', 'ds-hf/run.sh', 'ds-hf/ds_zero3.json']) {
    const a = await onDisk(rel);
    const run = rel.endsWith('.sh') ? theRun(a) : launchedRun(a);
    const at = (k: string) => run.plan.facts.get(k as never);
    assert.equal(run.plan.entry.file, path.join(FIX, 'ds-hf/train.py'), rel);
    assert.deepEqual(
      ['precision', 'micro_batch', 'grad_accum', 'devices', 'zero_stage', 'save_steps', 'model'].map((k) => [
        k,
        at(k)?.value,
        path.basename(at(k)?.file ?? ''),
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
    assert.equal(at('model')?.origin, 'script-default', 'a dataclass field default');
    assert.deepEqual(codes(a), [], rel);
    assert.ok(run.plan.files.length >= 3);
  }
  const a = await onDisk('ds-hf/train.py');
  const sh = fs.readFileSync(path.join(FIX, 'ds-hf/run.sh'), 'utf8');
  const dev = launchedRun(a).plan.facts.get('devices')!;
  assert.equal(lineOf(sh, dev.span!.start), 7);
  assert.match(dev.note!, /deepspeed --num_gpus/);
  assert.ok(a.sources?.get(path.join(FIX, 'ds-hf/run.sh')), "the launcher's text is returned for positions");
  // must not: the script's own plan takes no value from the launcher.
  assert.deepEqual(
    theRun(a).plan.files.map((f) => path.basename(f)),
    ['train.py'],
  );
  assert.equal(fact(a, 'devices')?.origin, 'assumed');
  const ds = await onDisk('ds-hf/ds_zero3.json');
  assert.equal(fact(ds, 'zero_stage')?.value, 3);
  assert.notEqual(fact(ds, 'devices')?.value, 8);
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
  // The run launch.sh starts (the script's launched run) takes the config's processes and precision; the script
  // planned alone keeps what it states.
  const via = (k: string) => path.basename(launchedFact(a, k as never)?.file ?? '');
  assert.deepEqual(
    [launchedFact(a, 'devices')?.value, via('devices'), launchedFact(a, 'precision')?.value, via('precision')],
    [4, 'accelerate_config.yaml', 'fp32', 'accelerate_config.yaml'],
  );
  assert.notEqual(from(a, 'devices'), 'accelerate_config.yaml');
  assert.notEqual(from(a, 'precision'), 'accelerate_config.yaml');
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
  // The script planned alone is its own globals (none of run.sh's config or flags); run.sh's run is its launched run.
  assert.deepEqual(
    ['precision', 'micro_batch', 'seq_len', 'max_steps'].map((k) => [fact(a, k as never)?.value, from(a, k)]),
    [
      ['bf16', 'train.py'],
      [12, 'train.py'],
      [1024, 'train.py'],
      [600000, 'train.py'],
    ],
  );
  assert.deepEqual(
    ['precision', 'micro_batch', 'grad_accum', 'seq_len', 'max_steps', 'save_steps', 'devices', 'compile'].map((k) => [
      k,
      launchedFact(a, k as never)?.value,
      path.basename(launchedFact(a, k as never)?.file ?? ''),
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
  // Its own run: train.py's with its globals over train.py's (not run.sh's flags); the run run.sh starts, launched.
  assert.deepEqual([cfg.runs.length, cfg.linked?.filter((r) => !r.plan.launchedBy).length], [0, 1]);
  assert.deepEqual([fact(cfg, 'micro_batch')?.value, from(cfg, 'micro_batch')], [32, 'train_small_fp32.py']);
  assert.equal(launchedFact(cfg, 'micro_batch')?.value, 16);
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
  // The job's GPU is the run it starts (the script's launched run); the script alone states its devices, no GPU.
  const via = (k: string) => path.basename(launchedFact(a, k as never)?.file ?? '');
  assert.deepEqual(
    [
      launchedFact(a, 'hardware')?.value,
      via('hardware'),
      launchedFact(a, 'devices')?.value,
      launchedFact(a, 'precision')?.value,
    ],
    ['a100', 'train.slurm', 16, 'bf16'],
  );
  assert.equal(launchedRun(a).estimate.accelerator?.id, 'a100-sxm4-80gb');
  assert.deepEqual([fact(a, 'hardware')?.value ?? null, fact(a, 'devices')?.value], [null, 16]);
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
