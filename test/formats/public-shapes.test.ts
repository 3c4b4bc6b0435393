// Shapes found while measuring the extractors on public training scripts and configs (docs/evaluation/public-scripts.md).
// Every fixture under fixtures/formats/public-shapes/ is written for this project; it reproduces the shape only.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../server/review/analyze-file';
import type { DocumentAnalysis } from '../../server/review/analyze';
import { analyze, codes, fact, settings, theRun } from './helpers';

const FIX = path.resolve('test/fixtures/formats/public-shapes');
const read = (rel: string) => fs.readFileSync(path.join(FIX, rel), 'utf8');
const one = (rel: string, hardware?: string) => analyze({ [rel]: read(rel) }, rel, hardware ? { hardware } : {});
const values = (a: DocumentAnalysis, keys: string[]) => keys.map((k) => fact(a, k as never)?.value);
const origins = (a: DocumentAnalysis, keys: string[]) => keys.map((k) => fact(a, k as never)?.origin);

test('axolotl: a blank `early_stopping_patience:` is unset — no early stopping; a positive patience is', async () => {
  const blank = await one('axolotl-blank-keys.yml');
  assert.deepEqual(
    [fact(blank, 'early_stopping')?.value, fact(blank, 'early_stopping')?.origin],
    [false, 'framework-default'],
  );
  assert.deepEqual(values(blank, ['precision', 'micro_batch', 'grad_accum', 'epochs', 'grad_checkpointing', 'peft']), [
    'bf16',
    4,
    2,
    3,
    true,
    'lora',
  ]);
  const set = await one('axolotl-patience.yml');
  assert.deepEqual([fact(set, 'early_stopping')?.value, fact(set, 'early_stopping')?.origin], [true, 'explicit']);
  // A patience that is not a number (a template variable) is not guessed either way.
  const odd = await analyze(
    {
      'c.yml': read('axolotl-patience.yml').replace(
        'early_stopping_patience: 3',
        'early_stopping_patience: "${PATIENCE}"',
      ),
    },
    'c.yml',
  );
  assert.equal(fact(odd, 'early_stopping')?.value, null);
});

test('TRL: TrlParser is a command-line parser; the config class in its (variable) tuple picks TRL defaults; get_peft_config means LoRA only with --use_peft, no adapter by default', async () => {
  const a = await one('preference_cli.py', 'a100');
  const run = theRun(a);
  assert.equal(run.plan.framework, 'trl');
  // Arguments come from the command line: precision is TRL's default, shown as an assumption; the rest are defaults.
  assert.deepEqual(values(a, ['precision', 'micro_batch', 'grad_checkpointing']), ['bf16', 8, true]);
  assert.equal(fact(a, 'precision')?.origin, 'assumed');
  // TRL's ModelConfig.use_peft defaults to False: no adapter unless the command line says --use_peft.
  assert.deepEqual([fact(a, 'peft')?.value, fact(a, 'peft')?.origin], ['none', 'framework-default']);
  assert.match(fact(a, 'peft')?.note ?? '', /--use_peft/);
  assert.deepEqual(codes(a), []);
});

test('TRL trainer given plain TrainingArguments from HfArgumentParser keeps transformers defaults (fp32, no checkpointing), not TRL config defaults', async () => {
  const a = await one('sft_plain_args.py');
  assert.deepEqual(values(a, ['precision', 'grad_checkpointing', 'peft']), ['fp32', false, 'none']);
  assert.equal(theRun(a).plan.framework, 'hf-trainer');
  // Unknown hardware and arguments from the command line: information only, never a warning.
  assert.ok(a.findings.every((f) => f.severity === 'information'));
});

test('LightningCLI in Python: trainer_defaults are the Trainer arguments, __init__ defaults give the batch size and loader workers', async () => {
  const a = await one('lit-cli/run_cli.py', 'a100');
  const run = theRun(a);
  assert.deepEqual([run.plan.framework, run.plan.entry.label], ['lightning', 'LightningCLI']);
  assert.deepEqual(
    values(a, ['precision', 'epochs', 'micro_batch', 'num_workers', 'early_stopping', 'grad_accum', 'periodic_save']),
    ['bf16', 25, 48, 6, true, 1, 'epoch'],
  );
  assert.deepEqual(origins(a, ['precision', 'epochs', 'micro_batch', 'num_workers']), [
    'explicit',
    'explicit',
    'script-default',
    'script-default',
  ]);
  assert.deepEqual(codes(a), []);
  // Without trainer_defaults the Lightning defaults apply (fp32, 1000 epochs), and the CLI run has no fix to write.
  const bare = read('lit-cli/run_cli.py').replace(/,\n\s*trainer_defaults=\{[^\n]*\},\n/, ',\n');
  const b = await analyze({ 'cli.py': bare }, 'cli.py', { hardware: 'a100' });
  assert.deepEqual(values(b, ['precision', 'epochs']), ['fp32', 1000]);
  const f = b.findings.find((x) => x.code === 'GML101');
  assert.ok(f && f.fixes.length === 0, 'no edit is offered for settings the CLI builds');
});

test('plain PyTorch: DataLoader(**opts) reads the dict (and its update()) ; range(1, n + 1) is n epochs', async () => {
  const a = await one('loader_kwargs.py', 'a100');
  assert.deepEqual(values(a, ['micro_batch', 'num_workers', 'epochs']), [96, 3, 7]);
  assert.deepEqual(origins(a, ['micro_batch', 'epochs']), ['script-default', 'script-default']);
  // Bad input stays safe: a splat of something that is not a dict literal gives no batch size.
  const odd = read('loader_kwargs.py').replace(
    'loader_opts = {"batch_size": args.train_batch, "shuffle": True}',
    'loader_opts = make_opts()',
  );
  const b = await analyze({ 'odd.py': odd }, 'odd.py');
  assert.equal(fact(b, 'micro_batch'), undefined);
});

test('nanoGPT config/*.py with no launcher: linked to ../train.py, its globals over the script', async () => {
  const file = path.join(FIX, 'gpt-bare/config/tiny_bf16.py');
  const a = await analyzeText(file, fs.readFileSync(file, 'utf8'), settings({ hardware: 'a100' }));
  assert.equal(a.runs.length, 0);
  assert.equal(a.linked?.length, 1);
  const run = theRun(a);
  assert.equal(run.plan.entry.file, path.join(FIX, 'gpt-bare/train.py'));
  assert.deepEqual(values(a, ['precision', 'micro_batch', 'grad_accum', 'max_steps', 'save_steps']), [
    'bf16',
    24,
    2,
    3000,
    undefined, // always_save_checkpoint = False in train.py: saves only a better model, no cadence
  ]);
  assert.equal(path.basename(fact(a, 'micro_batch')?.file ?? ''), 'tiny_bf16.py');
  assert.equal(path.basename(fact(a, 'periodic_save')?.file ?? ''), 'train.py');
  // A Python file beside it that is not a plain config (a function definition) is not linked.
  const helper = path.join(FIX, 'gpt-bare/config/notes.py');
  const h = await analyzeText(helper, fs.readFileSync(helper, 'utf8'), settings({}));
  assert.deepEqual([h.runs.length, h.linked?.length ?? 0], [0, 0]);
});
