// Folder walks and the workspace boundary, as an attacker or a clumsy user would try them: symlink loops, symlinks
// out of the workspace, special files named or found, .gitignore and `exclude`, links to files outside the workspace.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

const BIN = path.resolve('bin/greenml.js');
// The timeout is a bound on a hung CLI, not a wait: under heavy load one CLI start took over 30 s.
const run = (args: string[], cwd = process.cwd()) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr, signal: r.signal };
};

function tree(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-walk-')));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const SCRIPT = `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.2-1B")
args = TrainingArguments(output_dir="o", num_train_epochs=1, per_device_train_batch_size=8)
Trainer(model=model, args=args).train()
`;

const paths = (out: string) =>
  (JSON.parse(out) as { files: { path: string }[] }).files.map((f) => f.path.split(path.sep).join('/'));

test('two symlink loops: the walk ends and each file is reported once', () => {
  const dir = tree({ 'a/train.py': SCRIPT, 'b/other.py': SCRIPT });
  fs.symlinkSync('..', path.join(dir, 'a', 'up'));
  fs.symlinkSync(path.join(dir, 'b'), path.join(dir, 'b', 'self'));
  fs.symlinkSync(path.join(dir, 'a'), path.join(dir, 'b', 'to-a'));
  const r = run(['check', '.', '--format', 'json', '--exit-zero'], dir);
  assert.equal(r.signal, null, 'the walk must end');
  assert.equal(r.code, 0, r.err);
  const files = paths(r.out);
  assert.deepEqual(files.filter((f) => f.endsWith('train.py')).length, 1, files.join(', '));
  assert.deepEqual(files.filter((f) => f.endsWith('other.py')).length, 1, files.join(', '));
});

test('a symlink to a folder outside the workspace (/etc) is not walked, and says so', () => {
  const dir = tree({ 'train.py': SCRIPT });
  fs.symlinkSync('/etc', path.join(dir, 'etc'));
  fs.symlinkSync(os.tmpdir(), path.join(dir, 'tmp'));
  const r = run(['check', '.', '--format', 'json', '--exit-zero'], dir);
  const j = JSON.parse(r.out);
  assert.deepEqual(paths(r.out), ['train.py']);
  assert.ok(
    j.errors.some(
      (e: { path: string; message: string }) => e.path === 'etc' && /outside the workspace/.test(e.message),
    ),
    JSON.stringify(j.errors),
  );
});

test('FIFOs and devices are skipped with a message, found in a walk or named; none hangs', () => {
  const dir = tree({ 'train.py': SCRIPT });
  const fifo = path.join(dir, 'pipe.py');
  if (spawnSync('mkfifo', [fifo]).status !== 0) return; // no mkfifo here
  const walked = run(['check', '.', '--format', 'json', '--exit-zero'], dir);
  assert.equal(walked.signal, null);
  assert.ok(JSON.parse(walked.out).errors.some((e: { message: string }) => /FIFO/.test(e.message)));
  const named = run(['check', 'pipe.py', '--exit-zero'], dir);
  assert.equal(named.signal, null);
  assert.match(named.err, /pipe\.py: a FIFO/);
  for (const args of [
    ['check', '.', '--config', fifo],
    ['check', '.', '--config', '/dev/zero'],
    ['estimate', '.', '--measurements', fifo],
    ['estimate', '.', '--measurements', '/dev/zero'],
    ['estimate', '--gpu-hours', '10', '--hardware', 'h100', '--measurements', '/dev/zero'],
  ]) {
    const r = run(args, dir);
    assert.equal(r.signal, null, `${args.join(' ')} must not hang`);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
    assert.match(r.err, /not a regular file/, args.join(' '));
  }
});

test('.gitignore (nested, with negation) and exclude in greenml.toml leave files out of a walk', () => {
  const dir = tree({
    '.gitignore': 'generated/\n*.tmp.py\n',
    'greenml.toml': 'exclude = ["legacy/", "scratch_*.py"]\n',
    'train.py': SCRIPT,
    'generated/train.py': SCRIPT,
    'a.tmp.py': SCRIPT,
    'legacy/train.py': SCRIPT,
    'scratch_1.py': SCRIPT,
    'sub/.gitignore': 'local.py\n',
    'sub/local.py': SCRIPT,
    'sub/kept.py': SCRIPT,
  });
  const r = run(['check', '.', '--format', 'json', '--exit-zero'], dir);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(paths(r.out).sort(), ['sub/kept.py', 'train.py']);
  // A file named explicitly is reviewed even when ignored.
  assert.deepEqual(paths(run(['check', 'generated/train.py', '--format', 'json', '--exit-zero'], dir).out), [
    'generated/train.py',
  ]);
});

test('a .gitignore above the folder given (up to the workspace root) applies too', () => {
  const dir = tree({
    '.gitignore': 'src/generated/\n',
    'src/train.py': SCRIPT,
    'src/generated/train.py': SCRIPT,
  });
  const r = run(['check', 'src', '--format', 'json', '--exit-zero'], dir);
  assert.deepEqual(paths(r.out), ['src/train.py']);
});

// --- workspace boundary -------------------------------------------------------------------------------------------

const SECRET = 'acme-private/secret-model-7b';

function outside(): { proj: string; elsewhere: string } {
  const root = tree({
    'elsewhere/args.yaml': `output_dir: o\nper_device_train_batch_size: 77\nnum_train_epochs: 3\nhub_model_id: ${SECRET}\n`,
    'elsewhere/ds.json':
      '{ "bf16": { "enabled": true }, "zero_optimization": { "stage": 3 }, "hub_token": "SECRET" }\n',
    'elsewhere/secret.py': SCRIPT.replace('meta-llama/Llama-3.2-1B', SECRET),
    'elsewhere/configs/train.yaml': `trainer:\n  _target_: lightning.Trainer\n  precision: 16-mixed\n  max_epochs: 99\nmodel_name: ${SECRET}\n`,
  });
  const proj = path.join(root, 'ws', 'proj');
  fs.mkdirSync(proj, { recursive: true });
  return { proj, elsewhere: path.join(root, 'elsewhere') };
}

function plan(cwd: string, args: string[] = ['.']) {
  const r = run(['plan', ...args, '--json'], cwd);
  return { ...r, text: r.out + r.err };
}

test('parse_yaml_file("../../elsewhere/args.yaml") is not read, and the plan says which link was not followed', () => {
  const { proj } = outside();
  fs.writeFileSync(
    path.join(proj, 'train.py'),
    `from transformers import HfArgumentParser, Trainer, TrainingArguments, AutoModelForCausalLM
parser = HfArgumentParser(TrainingArguments)
(training_args,) = parser.parse_yaml_file("../../elsewhere/args.yaml")
model = AutoModelForCausalLM.from_pretrained("gpt2")
Trainer(model=model, args=training_args).train()
`,
  );
  const r = plan(proj);
  assert.equal(r.code, 0, r.err);
  assert.doesNotMatch(r.out, /77|secret-model/);
  const j = JSON.parse(r.out);
  assert.ok(
    j.errors.some((e: { message: string }) => /args\.yaml.*not followed: outside the workspace/.test(e.message)),
    JSON.stringify(j.errors),
  );
  // A setting allows more roots: extra-roots in greenml.toml.
  fs.writeFileSync(path.join(proj, 'greenml.toml'), 'extra-roots = ["../../elsewhere"]\n');
  const allowed = plan(proj);
  assert.match(allowed.out, /"value": 77/);
  // --root widens the workspace too.
  fs.rmSync(path.join(proj, 'greenml.toml'));
  assert.match(plan(proj, ['.', '--root', path.dirname(path.dirname(proj))]).out, /"value": 77/);
});

test('an absolute --deepspeed path and a launcher target outside the workspace are not read', () => {
  const { proj, elsewhere } = outside();
  fs.writeFileSync(path.join(proj, 'train.py'), SCRIPT);
  fs.writeFileSync(
    path.join(proj, 'run.sh'),
    `deepspeed train.py --deepspeed ${path.join(elsewhere, 'ds.json')} --output_dir o\npython ../../elsewhere/secret.py\npython ../../../../../../../../etc/passwd\n`,
  );
  const r = plan(proj);
  assert.equal(r.code, 0, r.err);
  assert.doesNotMatch(r.out, /SECRET|secret-model|zero_stage|root:/);
  const msgs = JSON.parse(r.out)
    .errors.map((e: { message: string }) => e.message)
    .join('\n');
  assert.match(msgs, /ds\.json \(named in run\.sh\) not followed: outside the workspace/);
  assert.match(msgs, /secret\.py \(named in run\.sh\) not followed/);
});

test('Hydra: an absolute config_path and a defaults entry climbing out of the workspace are not read', () => {
  const { proj, elsewhere } = outside();
  fs.writeFileSync(
    path.join(proj, 'train.py'),
    `import hydra\n\n@hydra.main(version_base="1.3", config_path="${path.join(elsewhere, 'configs')}", config_name="train")\ndef main(cfg):\n    trainer = hydra.utils.instantiate(cfg.trainer)\n    trainer.fit(model)\n`,
  );
  fs.mkdirSync(path.join(proj, 'conf'));
  fs.writeFileSync(
    path.join(proj, 'conf', 'main.yaml'),
    'defaults:\n  - ../../../elsewhere/configs/train\n  - _self_\ntrainer:\n  _target_: lightning.Trainer\n  max_epochs: 1\n',
  );
  const r = plan(proj);
  assert.equal(r.signal, null);
  assert.doesNotMatch(r.out, /secret-model|"value": 99|16-mixed/);
  assert.match(r.out + r.err, /not followed: outside the workspace/);
});

test('a symlink inside the workspace to a file outside it is not followed by a link', () => {
  const { proj, elsewhere } = outside();
  fs.symlinkSync(path.join(elsewhere, 'args.yaml'), path.join(proj, 'args.yaml'));
  fs.writeFileSync(
    path.join(proj, 'train.py'),
    `from transformers import HfArgumentParser, Trainer, TrainingArguments
parser = HfArgumentParser(TrainingArguments)
(training_args,) = parser.parse_yaml_file("args.yaml")
Trainer(model=model, args=training_args).train()
`,
  );
  const r = plan(proj, ['train.py']);
  assert.doesNotMatch(r.out, /77|secret-model/);
  assert.match(r.out, /resolves to .*elsewhere/);
});

test('a file in a folder that is a symlink out of the workspace is not followed by a link, though it is no link itself', () => {
  // The reader finds a file's real path from its folder's (resolved once per folder): the folder's link must count.
  const { proj, elsewhere } = outside();
  fs.symlinkSync(elsewhere, path.join(proj, 'conf'));
  fs.writeFileSync(
    path.join(proj, 'train.py'),
    `from transformers import HfArgumentParser, Trainer, TrainingArguments
parser = HfArgumentParser(TrainingArguments)
(training_args,) = parser.parse_yaml_file("conf/args.yaml")
Trainer(model=model, args=training_args).train()
`,
  );
  const r = plan(proj, ['train.py']);
  assert.doesNotMatch(r.out, /77|secret-model/);
  assert.match(r.out, /conf\/args\.yaml resolves to .*elsewhere\/args\.yaml/);
});
