// CI integrations as a CI would run them: the composite Action's review step (its own bash, with the variables GitHub
// sets), the pre-commit hook's entry on staged file names, `--changed-since` in a real git repository, and SARIF
// checked against the SARIF 2.1.0 JSON schema (test/schemas/, no network).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { tempWorkspace } from '../helpers/workspace';

const ROOT = path.resolve('.');
const BIN = path.join(ROOT, 'bin/greenml.js');
const run = (args: string[], cwd = ROOT) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

// The schema declares draft 2020-12 but keeps draft-07's "definitions"; strict mode would reject its "default"s on
// $ref siblings, which the standard allows.
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'test/schemas/sarif-2.1.0.json'), 'utf8')));
// A plain predicate (ajv's is a type guard to `unknown`, which would hide the log's fields from the assertions).
const validSarif = Object.assign((log: object): boolean => validate(log), {
  get errors() {
    return validate.errors;
  },
});

const workspace = (files: Record<string, string>) => tempWorkspace('ci', files);

const FP32 = `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.2-1B")
args = TrainingArguments(output_dir="o", num_train_epochs=3, per_device_train_batch_size=8, save_strategy="no")
Trainer(model=model, args=args).train()
`;

test('SARIF output validates against the SARIF 2.1.0 schema, and a broken log does not', () => {
  const dir = workspace({ 'greenml.toml': 'hardware = "a100-80gb"\n', 'train.py': FP32, 'd/ds.json': '{"fp16": {' });
  const sarif = JSON.parse(run(['check', dir, '--format', 'sarif']).out);
  assert.ok(sarif.runs[0].results.length >= 2);
  assert.ok(validSarif(sarif), JSON.stringify(validSarif.errors, null, 1));
  const broken = structuredClone(sarif);
  broken.runs[0].results[0].level = 'severe';
  assert.equal(validSarif(broken), false, 'the schema is really applied');
});

test('the Action: its review step writes valid SARIF, the Markdown summary and the outputs', () => {
  const action = parseYaml(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
  assert.equal(action.runs.using, 'composite');
  const steps = action.runs.steps as { id?: string; uses?: string; run?: string; with?: Record<string, string> }[];
  assert.ok(steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@')));
  const review = steps.find((s) => s.id === 'review');
  assert.ok(review?.run);
  const dir = workspace({ 'train.py': FP32 });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-runner-'));
  const summary = path.join(tmp, 'summary.md');
  const outputs = path.join(tmp, 'outputs');
  const r = spawnSync('bash', ['-eo', 'pipefail', '-c', review.run], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      ...process.env,
      GITHUB_ACTION_PATH: ROOT,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: outputs,
      RUNNER_TEMP: tmp,
      GREENML_PATHS: '.',
      GREENML_HARDWARE: 'h100',
      GREENML_DEVICES: '',
      GREENML_REGION: 'FR',
      GREENML_CHANGED_SINCE: '',
    },
  });
  assert.equal(r.status, 0, r.stderr + r.stdout);
  const out = Object.fromEntries(
    fs
      .readFileSync(outputs, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split('=')),
  );
  const sarif = JSON.parse(fs.readFileSync(out['sarif-file'], 'utf8'));
  assert.ok(validSarif(sarif), JSON.stringify(validSarif.errors));
  assert.equal(Number(out.findings), sarif.runs[0].results.length);
  assert.ok(Number(out.findings) >= 2);
  assert.equal(out['exit-code'], '1');
  const md = fs.readFileSync(summary, 'utf8');
  assert.match(md, /## Green ML Review/);
  assert.match(md, /GML101/);
  assert.match(md, /kg CO2e/);
});

test('the pre-commit hook runs `greenml check` on the staged file names it is given', () => {
  const hooks = parseYaml(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'));
  const hook = hooks.find((h: { id: string }) => h.id === 'greenml');
  assert.ok(hook.types_or.includes('python'));
  const [cmd, ...args] = (hook.entry as string).split(' ');
  assert.equal(cmd, 'greenml');
  const dir = workspace({ 'greenml.toml': 'hardware = "a100-80gb"\n', 'train.py': FP32, 'ok.py': 'print(1)\n' });
  assert.equal(run([...args, 'ok.py'], dir).code, 0, 'a clean file passes the commit');
  const bad = run([...args, 'ok.py', 'train.py'], dir);
  assert.equal(bad.code, 1, 'a file with findings stops the commit');
  assert.match(bad.out, /train\.py\n\s+\d+:\d+\s+warning\s+GML101/);
  // pre-commit installs from git (npm runs `prepare`, then packs): the package must hold the bundles and the launcher.
  assert.ok(fs.readFileSync(path.join(ROOT, '.npmignore'), 'utf8').includes('!/dist/'));
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.equal(pkg.bin.greenml, './bin/greenml.js');
  assert.match(pkg.scripts.prepare, /scripts\/prepare\.mjs/);
});

test('--changed-since reviews only files changed since a revision, uncommitted edits included', () => {
  const dir = workspace({ 'greenml.toml': 'hardware = "a100-80gb"\n', 'a/train.py': FP32, 'b/train.py': FP32 });
  const git = (...args: string[]) => {
    const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.trim();
  };
  git('init', '-q');
  git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '.');
  git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'base');
  const base = git('rev-parse', 'HEAD');
  fs.appendFileSync(path.join(dir, 'b/train.py'), '# edited\n');
  const j = JSON.parse(run(['check', '.', '--format', 'json', '--changed-since', base], dir).out);
  assert.deepEqual(
    j.files.map((f: { path: string }) => f.path),
    [path.join('b', 'train.py')],
  );
  const none = run(['check', '.', '--changed-since', 'HEAD'], dir);
  assert.equal(JSON.parse(run(['check', '.', '--format', 'json', '--changed-since', 'HEAD'], dir).out).files.length, 1);
  assert.ok(none.code === 1);
  const outside = workspace({ 'train.py': FP32 });
  const r = run(['check', '.', '--changed-since', 'HEAD'], outside);
  assert.equal(r.code, 2);
  assert.match(r.err, /git repository/);
  assert.equal(run(['check', '.', '--changed-since', '--output=x'], dir).code, 2);
});
