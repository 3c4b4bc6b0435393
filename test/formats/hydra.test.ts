// Hydra configs: the defaults list followed to config groups, `_target_:` Trainer / TrainingArguments nodes read as
// those classes' call sites, experiments (`override /group: option`, `# @package _global_`), and command-line
// overrides in launchers — each fact from the file (and line) that sets it; Hydra YAML that trains nothing gets nothing.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../server/review/analyze-file';
import type { DocumentAnalysis } from '../../server/review/analyze';
import { analyze, applyEdits, codes, fact, launchedFact, launchedRun, lineOf, settings, theRun } from './helpers';

const FIX = path.resolve('test/fixtures/formats/hydra-lightning');

async function onDisk(rel: string, hardware = 'a100'): Promise<DocumentAnalysis> {
  const file = path.join(FIX, rel);
  return analyzeText(file, fs.readFileSync(file, 'utf8'), settings({ hardware }));
}
const from = (a: DocumentAnalysis, key: string) => path.relative(FIX, fact(a, key as never)?.file ?? FIX);

test('Hydra on disk: one run from every file of the composition; the launcher override wins in the run it starts; each fact names its file', async () => {
  // The launcher's run is the composition with its overrides; a config or the script planned alone keeps its own
  // values (the composition without them) and carries the launcher's run as its launched run (engine/link.ts).
  for (const rel of [
    'configs/train.yaml',
    'configs/trainer/default.yaml',
    'configs/trainer/gpu.yaml',
    'configs/callbacks/default.yaml',
    'src/train.py',
    'scripts/train.sh',
  ]) {
    const a = await onDisk(rel);
    const run = rel.endsWith('.sh') ? theRun(a) : launchedRun(a);
    const at = (k: string) => run.plan.facts.get(k as never);
    assert.equal(run.plan.framework, 'lightning', rel);
    assert.equal(path.relative(FIX, run.plan.entry.file), 'configs/trainer/default.yaml', rel);
    assert.deepEqual(
      ['precision', 'devices', 'epochs', 'micro_batch', 'periodic_save', 'early_stopping'].map((k) => [
        k,
        at(k)?.value,
        at(k)?.file ? path.relative(FIX, at(k)!.file!) : '',
      ]),
      [
        ['precision', 'bf16', 'scripts/train.sh'],
        ['devices', 2, 'configs/trainer/gpu.yaml'],
        ['epochs', 30, 'configs/trainer/default.yaml'],
        ['micro_batch', 64, 'scripts/train.sh'],
        ['periodic_save', 'epoch', 'configs/callbacks/checkpoint.yaml'],
        ['early_stopping', true, 'configs/callbacks/stop_early.yaml'],
      ],
      rel,
    );
    assert.deepEqual(codes(a), [], rel);
    assert.deepEqual(a.messages, [], rel);
  }
  const sh = fs.readFileSync(path.join(FIX, 'scripts/train.sh'), 'utf8');
  const a = await onDisk('configs/train.yaml');
  assert.equal(lineOf(sh, launchedFact(a, 'precision')!.span!.start), 4);
  // must not: the primary config planned alone takes none of the launcher's overrides.
  assert.deepEqual(
    [fact(a, 'precision')?.value, fact(a, 'micro_batch')?.value, from(a, 'micro_batch')],
    ['fp32', 32, 'configs/data/flowers.yaml'],
  );
});

test('Hydra on disk: an experiment (`# @package _global_`, `override /trainer: ddp`) is composed with its option chosen', async () => {
  const a = await onDisk('configs/experiment/long_fp32.yaml');
  assert.deepEqual(
    [fact(a, 'devices')?.value, from(a, 'devices'), fact(a, 'epochs')?.value, from(a, 'epochs')],
    [16, 'configs/trainer/ddp.yaml', 200, 'configs/experiment/long_fp32.yaml'],
  );
  // The experiment planned alone is what it states; in the run the launcher starts, the command line still wins.
  assert.equal(from(a, 'precision'), 'configs/experiment/long_fp32.yaml');
  const precision = launchedFact(a, 'precision');
  assert.equal(
    precision?.file && path.relative(FIX, precision.file),
    'scripts/train.sh',
    'the command line still wins over the experiment',
  );
});

const project = (extra: Record<string, string> = {}) => ({
  'conf/config.yaml': 'defaults:\n  - trainer: gpu\n  - experiment: null\n  - _self_\n\nseed: 3\n',
  'conf/trainer/base.yaml': '_target_: lightning.pytorch.Trainer\nmax_epochs: 5\naccelerator: cpu\n',
  'conf/trainer/gpu.yaml': 'defaults:\n  - base\n\naccelerator: gpu\ndevices: 4\n',
  'conf/trainer/ddp.yaml':
    'defaults:\n  - base\n\naccelerator: gpu\nstrategy: ddp\ndevices: 8\nprecision: bf16-mixed\n',
  'conf/experiment/fp32.yaml':
    '# @package _global_\ndefaults:\n  - override /trainer: ddp\n\ntrainer:\n  precision: 32\n',
  'train.py':
    'import hydra\n\n@hydra.main(version_base=None, config_path="conf", config_name="config")\ndef main(cfg):\n    hydra.utils.instantiate(cfg.trainer).fit(model)\n',
  ...extra,
});

test('Hydra: Trainer precision unwritten anywhere is fp32 — GML101 on the `_target_` line, and the fix adds precision there', async () => {
  const files = project();
  const a = await analyze(files, 'conf/trainer/base.yaml', { hardware: 'a100' });
  assert.deepEqual(
    [fact(a, 'precision')?.value, fact(a, 'precision')?.origin, fact(a, 'devices')?.value],
    ['fp32', 'framework-default', 4],
  );
  const f = a.findings.find((x) => x.code === 'GML101')!;
  assert.equal(f.severity, 'warning');
  assert.equal(lineOf(files['conf/trainer/base.yaml'], f.span.start), 1);
  const fixed = applyEdits(files['conf/trainer/base.yaml'], f.fixes[0].edits);
  assert.match(fixed, /\naccelerator: cpu\nprecision: bf16-mixed/);
  assert.ok(
    !codes(
      await analyze({ ...files, 'conf/trainer/base.yaml': fixed }, 'conf/trainer/base.yaml', { hardware: 'a100' }),
    ).includes('GML101'),
  );
  // The finding belongs to the file that decides it: the primary config and the script report nothing.
  for (const other of ['conf/config.yaml', 'conf/trainer/gpu.yaml', 'train.py']) {
    const o = await analyze(files, other, { hardware: 'a100' });
    assert.equal(theRun(o).plan.facts.get('precision')?.value, 'fp32', other);
    assert.deepEqual(codes(o), [], other);
  }
});

test('Hydra: an experiment that writes `precision: 32` is flagged on that line; the fix writes bf16-mixed there', async () => {
  const files = project();
  const a = await analyze(files, 'conf/experiment/fp32.yaml', { hardware: 'h100' });
  assert.equal(fact(a, 'devices')?.value, 8, 'the experiment overrides the trainer group to ddp');
  const f = a.findings.find((x) => x.code === 'GML101')!;
  assert.equal(lineOf(files['conf/experiment/fp32.yaml'], f.span.start), 6);
  assert.match(applyEdits(files['conf/experiment/fp32.yaml'], f.fixes[0].edits), /precision: bf16-mixed/);
});

test('Hydra: launcher overrides — `trainer=ddp` picks the group option, `trainer.precision=32` is flagged in the launcher and fixed there', async () => {
  const sh = 'python train.py trainer=ddp trainer.precision=32 trainer.max_epochs=9\n';
  const files = project({ 'run.sh': sh });
  const a = await analyze(files, 'run.sh', { hardware: 'a100' });
  assert.deepEqual(
    [fact(a, 'devices')?.value, fact(a, 'epochs')?.value, path.basename(fact(a, 'epochs')!.file!)],
    [8, 9, 'run.sh'],
  );
  const f = a.findings.find((x) => x.code === 'GML101')!;
  assert.equal(f.file, '/proj/run.sh');
  assert.equal(
    applyEdits(sh, f.fixes[0].edits),
    'python train.py trainer=ddp trainer.precision=bf16-mixed trainer.max_epochs=9\n',
  );
  assert.deepEqual(codes(await analyze(files, 'conf/trainer/ddp.yaml', { hardware: 'a100' })), []);
});

test('Hydra: a Trainer group file with no primary config found is judged without its unwritten precision (information only)', async () => {
  const a = await analyze(
    { 'trainer/long.yaml': '_target_: pytorch_lightning.Trainer\nmax_epochs: 50\naccelerator: gpu\n' },
    'trainer/long.yaml',
    { hardware: 'a100' },
  );
  assert.equal(fact(a, 'precision')?.origin, 'assumed');
  assert.deepEqual(
    a.findings.map((f) => [f.code, f.severity]),
    [['GML101', 'information']],
  );
  const cpu = await analyze(
    { 'trainer/cpu.yaml': '_target_: lightning.pytorch.Trainer\naccelerator: cpu\nprecision: 32\n' },
    'trainer/cpu.yaml',
    { hardware: 'a100' },
  );
  assert.deepEqual([fact(cpu, 'hardware')?.value, codes(cpu)], ['cpu', []]);
});

test('Hydra: `key: null` is the class default (and replaces a lower value), an interpolation is unknown (not judged), a missing group option is said once', async () => {
  let a = await analyze(
    project({
      'conf/trainer/gpu.yaml': 'defaults:\n  - base\n\naccelerator: gpu\nprecision: null\nmax_epochs: null\n',
    }),
    'conf/config.yaml',
    { hardware: 'a100' },
  );
  // `max_epochs: null` replaces base.yaml's 5: Trainer(max_epochs=None) falls back to 1000 epochs.
  assert.deepEqual([fact(a, 'precision')?.origin, fact(a, 'epochs')?.value], ['framework-default', 1000]);
  a = await analyze(
    project({ 'conf/trainer/gpu.yaml': 'defaults:\n  - base\n\nprecision: ${oc.env:PRECISION}\n' }),
    'conf/trainer/gpu.yaml',
    { hardware: 'a100' },
  );
  assert.equal(fact(a, 'precision')?.value, null);
  assert.deepEqual(codes(a), []);
  a = await analyze(project({ 'conf/config.yaml': 'defaults:\n  - trainer: tpu\n' }), 'conf/config.yaml', {
    hardware: 'a100',
  });
  assert.deepEqual([a.runs.length, a.linked?.length], [0, 0]);
  assert.deepEqual(a.messages, ["trainer/tpu.yaml (named in config.yaml's defaults) was not found"]);
});

test('Hydra: `_target_: transformers.TrainingArguments` is TrainingArguments — bf16: false is flagged on its line; TRL configs default to bf16', async () => {
  const cfg =
    'defaults:\n  - _self_\n\nmodel:\n  _target_: transformers.AutoModelForCausalLM.from_pretrained\n  pretrained_model_name_or_path: Qwen/Qwen2.5-0.5B\nargs:\n  _target_: transformers.TrainingArguments\n  output_dir: out\n  per_device_train_batch_size: 4\n  bf16: false\n';
  const a = await analyze({ 'conf/train.yaml': cfg }, 'conf/train.yaml', { hardware: 'a100' });
  assert.equal(theRun(a).plan.framework, 'hf-trainer');
  assert.deepEqual(
    ['precision', 'micro_batch', 'model', 'periodic_save', 'save_steps'].map((k) => fact(a, k as never)?.value),
    ['fp32', 4, 'Qwen/Qwen2.5-0.5B', 'steps', 500],
  );
  const f = a.findings.find((x) => x.code === 'GML101')!;
  assert.equal(lineOf(cfg, f.span.start), 11);
  assert.match(applyEdits(cfg, f.fixes[0].edits), /bf16: true/);
  const trl = await analyze(
    { 'conf/train.yaml': 'args:\n  _target_: trl.SFTConfig\n  output_dir: out\n' },
    'conf/train.yaml',
    { hardware: 'a100' },
  );
  assert.deepEqual([fact(trl, 'precision')?.value, codes(trl)], ['bf16', []]);
});

test('Hydra YAML that trains nothing gets nothing: a model-only config, a data pipeline, a self-including defaults list', async () => {
  const cases: Record<string, string> = {
    'model.yaml': '_target_: torchvision.models.resnet50\nweights: null\nnum_classes: 10\n',
    'pipeline.yaml': 'defaults:\n  - _self_\n\nsteps:\n  - _target_: my.pipeline.Resize\n    size: 224\n',
    'loop.yaml': 'defaults:\n  - loop\n  - _self_\n\n_target_: lightning.pytorch.Trainer\nprecision: bf16-mixed\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    const a = await analyze({ [name]: text }, name, { hardware: 'a100' });
    assert.deepEqual([a.findings.length, a.messages.length], [0, 0], name);
    if (name !== 'loop.yaml') assert.equal(a.runs.length + (a.linked?.length ?? 0), 0, name);
  }
  const workflow =
    'name: CI\non: push\ndefaults:\n  run:\n    shell: bash\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n';
  const w = await analyze({ 'ci.yaml': workflow }, 'ci.yaml');
  assert.deepEqual([w.runs.length, w.findings.length, w.messages.length], [0, 0, 0]);
});

test('Hydra: an eval entry config composing the same Trainer adds no second run (no duplicate finding)', async () => {
  const files = project({ 'conf/eval.yaml': 'defaults:\n  - trainer: gpu\n  - _self_\n\nckpt_path: last.ckpt\n' });
  const a = await analyze(files, 'conf/trainer/base.yaml', { hardware: 'a100' });
  assert.equal(a.runs.length, 1);
  assert.deepEqual(codes(a), ['GML101']);
  const e = await analyze(files, 'conf/eval.yaml', { hardware: 'a100' });
  assert.ok((e.linked?.length ?? 0) <= 1);
});

test('A `trainer:` section of Trainer arguments with `_target_` nodes elsewhere (NeMo style) stays a Lightning config', async () => {
  const text =
    'trainer:\n  devices: 2\n  precision: 32\n  max_epochs: 5\nmodel:\n  preprocessor:\n    _target_: nemo.collections.asr.modules.AudioToMelSpectrogramPreprocessor\n';
  const a = await analyze({ 'asr.yaml': text }, 'asr.yaml', { hardware: 'a100' });
  assert.deepEqual(
    [theRun(a).plan.framework, fact(a, 'precision')?.value, fact(a, 'devices')?.value],
    ['lightning', 'fp32', 2],
  );
});
