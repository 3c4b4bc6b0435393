// The formats through both front ends: `greenml check` / `greenml plan` over the fixtures (built CLI), and the
// language server on a YAML config and on a script whose launcher is an unsaved buffer.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { CodeAction, CodeLens, Diagnostic } from 'vscode-languageserver-protocol';
import { startServer, type LspSession } from '../helpers/lsp-client';

const BIN = path.resolve('bin/greenml.js');
const FIX = 'test/fixtures/formats';
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

interface JsonFinding {
  code: string;
  severity: string;
  range: { start: { line: number } };
}

test('greenml check over every format: findings only where the deciding value is, nothing for non-training YAML/JSON', () => {
  const r = cli(['check', FIX, '--format', 'json', '--exit-zero', '--show-minor']);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out) as { files: { path: string; findings: JsonFinding[] }[]; errors: unknown[] };
  assert.deepEqual(j.errors, []);
  const by = (p: string) =>
    j.files.find((f) => f.path === path.join(FIX, p))?.findings.map((f) => `${f.code}:${f.range.start.line}`) ??
    'not analyzed';
  assert.deepEqual(by('not-training/docker-compose.yml'), []);
  assert.deepEqual(by('not-training/deployment.yaml'), []);
  assert.equal(by('not-training/.github/workflows/ci.yml'), 'not analyzed', 'a folder walk skips .github');
  assert.equal(by('not-training/package.json'), 'not analyzed');
  assert.deepEqual(by('accelerate-launch/accelerate_config.yaml'), ['GML101:8']);
  assert.deepEqual(
    by('accelerate-launch/train.py'),
    ['GML401:11', 'GML503:10'],
    'no loader workers, an unfused AdamW: findings of their own',
  );
  assert.deepEqual(by('accelerate-launch/launch.sh'), []);
  assert.deepEqual(by('ds-hf/train.py'), []);
  // saves_per_epoch: 1 saves at each epoch end (with one epoch, at the end): a per-epoch cadence, no GML301.
  assert.deepEqual(by('axolotl/qlora.yml'), []);
  assert.deepEqual([...by('axolotl/full-fp32.yaml')].sort(), ['GML101:15', 'GML303:13']);
  // The V100 is only in the file's name: with the hardware unknown, fp16 is not judged (GML102 says nothing: fp16 is
  // right on a V100 or T4).
  assert.deepEqual(by('lightning/train_v100.py'), ['GML401:5'], 'no loader workers (Lightning warns the same)');
  assert.deepEqual(by('nanogpt/config/train_small_fp32.py'), ['GML101:11']);
  for (const p of [
    'hydra-lightning/configs/train.yaml',
    'hydra-lightning/configs/trainer/default.yaml',
    'hydra-lightning/configs/experiment/long_fp32.yaml',
    'tfjs/train.js',
    'tfjs/train-cpu.ts',
    'not-training/terminal.js',
    'skypilot/serve.yaml',
    'skypilot/sft.py',
  ])
    assert.deepEqual(by(p), [], p);
  assert.deepEqual(by('skypilot/finetune.yaml'), ['GML001:7', 'GML207:28', 'GML801:28']);
  assert.deepEqual([by('hf-splat/train.py'), by('hf-splat/train_args.yaml')], [[], ['GML101:1']]);
  // train_fp32.py: 20,000 steps that save nothing (GML301, information on the loop); its float32 is not judged.
  assert.deepEqual(
    [by('jax/train_flax.py'), by('jax/train_fp32.py')],
    [[], ['GML301:30']],
    'JAX float32 is not judged without hardware',
  );
  const runs = JSON.parse(r.out).runs as { entry: { path: string } }[];
  assert.equal(
    runs.filter((x) => x.entry.path.endsWith('ds-hf/train.py')).length,
    1,
    'a run linked from three files is listed once',
  );
});

test('greenml plan --json: a fact set on the launcher names the launcher and its line', () => {
  const r = cli(['plan', path.join(FIX, 'ds-hf'), '--json']);
  assert.equal(r.code, 0, r.err);
  const { runs } = JSON.parse(r.out) as {
    runs: {
      files: string[];
      facts: Record<string, { value: unknown; origin: string; file?: string; range?: { start: { line: number } } }>;
    }[];
  };
  // The launcher's run of train.py (train.py and ds_zero3.json planned alone are their own runs, listed beside it).
  const launched = runs.filter((x) => x.files.length === 3);
  assert.equal(launched.length, 1);
  const { facts } = launched[0];
  assert.deepEqual(
    [facts.precision.value, facts.precision.origin, facts.precision.file],
    ['bf16', 'explicit', path.join(FIX, 'ds-hf/run.sh')],
  );
  assert.equal(facts.precision.range?.start.line, 10);
  assert.deepEqual([facts.zero_stage.value, facts.zero_stage.file], [3, path.join(FIX, 'ds-hf/ds_zero3.json')]);
});

test('greenml plan over TF.js scripts: the parser bundle (dist/js-parser.js) is loaded on demand; non-training JS gets nothing', () => {
  const r = cli(['plan', path.join(FIX, 'tfjs'), path.join(FIX, 'not-training'), '--json']);
  assert.equal(r.code, 0, r.err);
  const { runs } = JSON.parse(r.out) as {
    runs: { entry: { path: string; label: string }; facts: Record<string, { value: unknown }> }[];
  };
  assert.deepEqual(runs.map((x) => [path.basename(x.entry.path), x.entry.label]).sort(), [
    ['train-cpu.ts', 'model.fitDataset'],
    ['train.js', 'model.fit'],
  ]);
  assert.deepEqual(runs.find((x) => x.entry.path.endsWith('train.js'))!.facts.epochs.value, 40);
});

let dir: string;
let lsp: LspSession;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-formats-'));
  fs.writeFileSync(path.join(dir, 'greenml.toml'), 'hardware = "a100"\n');
  lsp = await startServer(dir);
});
after(async () => {
  await lsp.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('language server: an axolotl YAML gets GML101 on `bf16: false` and a quick fix that writes `bf16: true`', async () => {
  const text = fs.readFileSync(path.join(FIX, 'axolotl/full-fp32.yaml'), 'utf8');
  const uri = lsp.open(path.join(dir, 'full.yaml'), text, 'yaml');
  const { diagnostics } = await lsp.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'GML101'));
  const d = diagnostics.find((x) => x.code === 'GML101') as Diagnostic;
  assert.equal(d.range.start.line, 14);
  const actions = (await lsp.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: d.range,
    context: { diagnostics: [d] },
  })) as CodeAction[];
  const fix = actions.find((a) => /bf16/.test(a.title))!;
  assert.deepEqual(
    fix.edit?.changes?.[uri]?.map((e) => e.newText),
    ['true'],
  );
});

test('language server: an unsaved launcher buffer reaches the script it starts', async () => {
  const script =
    'from transformers import HfArgumentParser, Trainer, TrainingArguments\n(args,) = HfArgumentParser(TrainingArguments).parse_args_into_dataclasses()\nTrainer(model=m, args=args).train()\n';
  lsp.open(
    path.join(dir, 'run.sh'),
    'torchrun --nproc_per_node 4 train.py --output_dir o --bf16 True\n',
    'shellscript',
  );
  const uri = lsp.open(path.join(dir, 'train.py'), script);
  const { diagnostics } = await lsp.diagnostics(uri);
  assert.ok(!diagnostics.some((d) => d.code === 'GML101'), JSON.stringify(diagnostics));
});

test('language server: a TF.js script (JavaScript) is analyzed through the lazily loaded parser: a CodeLens on model.fit', async () => {
  const uri = lsp.open(
    path.join(dir, 'train.js'),
    fs.readFileSync(path.join(FIX, 'tfjs/train.js'), 'utf8'),
    'javascript',
  );
  const { diagnostics } = await lsp.diagnostics(uri);
  assert.deepEqual(diagnostics, []);
  const lenses = (await lsp.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
  assert.deepEqual(
    lenses.map((l) => l.range.start.line),
    [20],
  );
});
