// Output that file names cannot forge (GitHub annotations, Markdown tables, SARIF URIs), and configuration errors
// that stop the CLI with exit code 2 and a message naming what is wrong.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

const BIN = path.resolve('bin/greenml.js');
const run = (args: string[], cwd = process.cwd()) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

function tree(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-inj-')));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const FP32 = `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.2-1B")
args = TrainingArguments(output_dir="o", num_train_epochs=3, per_device_train_batch_size=8, save_strategy="no")
Trainer(model=model, args=args).train()
`;

const EVIL = [
  'b,line=999,title=SPOOF::x.py',
  'evil\n::error file=README.md,line=1::forged.py',
  'a%0Ab.py',
  'tick`|<img src=x onerror=alert(1)>|.py',
  'sp ace#frag?q=1.py',
];

function evilTree(): string {
  return tree({
    'greenml.toml': 'hardware = "a100-80gb"\n',
    ...Object.fromEntries(EVIL.map((n) => [n, FP32])),
  });
}

/** Parse one workflow command line as the runner does (actions/runner ActionCommand.TryParseV2). */
function parseCommand(line: string): { command: string; props: Record<string, string>; data: string } | undefined {
  const m = /^::([^ :]+)( ([^:]*))?::(.*)$/.exec(line);
  if (!m) return undefined;
  const unesc = (s: string) =>
    s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const props: Record<string, string> = {};
  for (const kv of (m[3] ?? '').split(',')) {
    const i = kv.indexOf('=');
    if (i > 0) props[kv.slice(0, i)] = unesc(kv.slice(i + 1));
  }
  return { command: m[1], props, data: unesc(m[4]) };
}

test('--format github: a file name cannot forge an annotation, its line or its title', () => {
  const dir = evilTree();
  const r = run(['check', '.', '--format', 'github', '--exit-zero'], dir);
  assert.equal(r.code, 0, r.err);
  const json = JSON.parse(run(['check', '.', '--format', 'json', '--exit-zero'], dir).out);
  const expected = json.files.flatMap((f: { path: string; findings: { range: { start: { line: number } } }[] }) =>
    f.findings.map((x) => ({ file: f.path, line: String(x.range.start.line) })),
  );
  const lines = r.out.trimEnd().split('\n');
  assert.equal(lines.length, expected.length, 'one line per finding, no injected line');
  const parsed = lines.map(parseCommand);
  for (const p of parsed) assert.ok(p && ['error', 'warning', 'notice'].includes(p.command));
  assert.deepEqual(
    parsed.map((p) => ({ file: p!.props.file, line: p!.props.line })),
    expected,
    'file and line read back exactly as written',
  );
  assert.ok(parsed.every((p) => p!.props.file !== 'README.md' && p!.props.line !== '999'));
  assert.ok(parsed.every((p) => /^GML\d+ [a-z-]+$/.test(p!.props.title)));
});

test('--format markdown: paths and messages cannot break the table or inject HTML', () => {
  const dir = evilTree();
  const r = run(['check', '.', '--format', 'markdown', '--exit-zero'], dir);
  assert.equal(r.code, 0, r.err);
  assert.doesNotMatch(r.out, /<img/);
  const rows = r.out.split('\n').filter((l) => l.startsWith('|'));
  const json = JSON.parse(run(['check', '.', '--format', 'json', '--exit-zero'], dir).out);
  const findings = json.files.reduce((n: number, f: { findings: unknown[] }) => n + f.findings.length, 0);
  const findingRows = rows.filter((l) => /\| GML\d+ /.test(l));
  assert.equal(findingRows.length, findings);
  // Every row has exactly its 5 cell separators: escaped pipes (\|) do not count.
  for (const l of rows) assert.equal(l.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length - 1, 5, l);
  // No code span is left open: unescaped backticks come in pairs on each line.
  for (const l of rows) assert.equal((l.replace(/\\`/g, '').match(/`/g) ?? []).length % 2, 0, l);
});

test('--format sarif: artifact URIs are percent-encoded and name the file', () => {
  const dir = evilTree();
  const j = JSON.parse(run(['check', '.', '--format', 'sarif', '--exit-zero'], dir).out);
  const uris: string[] = j.runs[0].results.map(
    (x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
      x.locations[0].physicalLocation.artifactLocation.uri,
  );
  assert.ok(uris.length >= EVIL.length);
  for (const u of uris) {
    assert.doesNotMatch(u, /[\s#?`|<>\n]/, u);
    assert.ok(EVIL.includes(decodeURIComponent(u)), u);
    assert.equal(new URL(u, 'file:///base/').pathname.split('/').pop(), u.split('/').pop());
  }
  const abs = JSON.parse(run(['check', path.join(dir, EVIL[4]), '--format', 'sarif', '--exit-zero']).out);
  const uri = abs.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
  assert.equal(new URL(uri).protocol, 'file:');
  assert.equal(decodeURIComponent(new URL(uri).pathname), path.join(dir, EVIL[4]));
});

// --- configuration and exit codes ---------------------------------------------------------------------------------

test('each folder is checked with its own greenml.toml, as in the editor', () => {
  const dir = tree({
    'a/greenml.toml': 'hardware = "h100"\n',
    'a/train.py': FP32,
    'b/greenml.toml': 'hardware = "v100"\n',
    'b/train.py': FP32,
  });
  const j = JSON.parse(run(['check', 'a', 'b', '--format', 'json', '--exit-zero'], dir).out);
  const hw = Object.fromEntries(
    j.runs.map((x: { entry: { path: string }; estimate: { accelerator: string } }) => [
      x.entry.path.split(path.sep)[0],
      x.estimate.accelerator,
    ]),
  );
  assert.match(hw.a, /h100/);
  assert.match(hw.b, /v100/);
  const e = JSON.parse(run(['estimate', 'b', 'a', '--json'], dir).out);
  const ehw = Object.fromEntries(
    e.runs.map((x: { entry: { path: string }; estimate: { accelerator: string } }) => [
      x.entry.path.split(path.sep)[0],
      x.estimate.accelerator,
    ]),
  );
  assert.match(ehw.a, /h100/);
  assert.match(ehw.b, /v100/);
});

test('an unknown rule code in --select or --ignore is exit 2 naming it', () => {
  const dir = tree({ 'train.py': FP32 });
  for (const opt of ['--select', '--ignore']) {
    const r = run(['check', '.', opt, 'GML1O1'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown rule "GML1O1"/);
  }
});

test('estimate and plan on a missing path exit 2', () => {
  for (const cmd of ['estimate', 'plan', 'check']) {
    const r = run([cmd, '/nonexistent/greenml/x.py']);
    assert.equal(r.code, 2, `${cmd}: ${r.out}${r.err}`);
    assert.match(r.err, /no such file/);
  }
});

test('an invalid greenml.toml is exit 2 with its file, line and key', () => {
  const cases: [string, RegExp][] = [
    ['hardware = "h100"\nhardwre = "a100"\n', /greenml\.toml:2: unknown key "hardwre"/],
    ['hardware = "h100"\n\npue = 0.5\n', /greenml\.toml:3: "pue" = 0\.5 is outside its bounds: from 1 to 5/],
    ['devices = "eight"\n', /greenml\.toml:1: "devices" must be a number/],
    ['region = \n', /greenml\.toml:1: not valid TOML/],
  ];
  for (const [toml, re] of cases) {
    const dir = tree({ 'greenml.toml': toml, 'train.py': FP32 });
    for (const cmd of ['check', 'estimate', 'plan']) {
      const r = run([cmd, '.'], dir);
      assert.equal(r.code, 2, `${cmd} ${toml}`);
      assert.match(r.err, re, `${cmd}: ${r.err}`);
    }
  }
  const py = tree({ 'pyproject.toml': '[project]\nname = "x"\n\n[tool.greenml]\ndevice = 8\n', 'train.py': FP32 });
  assert.match(run(['check', '.'], py).err, /pyproject\.toml:5: unknown key "device"/);
  const broken = tree({ 'pyproject.toml': '[tool.greenml]\nhardware = "a100\n', 'train.py': FP32 });
  assert.equal(run(['check', '.'], broken).code, 2);
});

test("a project's pyproject.toml that is not valid TOML and does not configure greenml does not stop the review", () => {
  const dir = tree({ 'pyproject.toml': '[project]\nname = "x\n', 'train.py': FP32 });
  const r = run(['check', '.', '--hardware', 'a100-80gb'], dir);
  assert.equal(r.code, 1, r.err);
  assert.match(r.out, /GML101/);
});

test('numbers outside physical bounds are rejected naming the bound; never NaN or Infinity', () => {
  const cases: [string[], RegExp][] = [
    [['--params', '1e308', '--tokens', '1e12'], /--params must be at least 1 and at most 1e14/],
    [['--params', '-7e9', '--tokens', '1e12'], /--params must be at least 1/],
    [['--params', 'NaN', '--tokens', '1e12'], /--params must be a finite number/],
    [['--params', '7e9', '--tokens', 'Infinity'], /--tokens must be a finite number/],
    [['--gpu-hours', '100', '--pue', '0.5'], /--pue must be at least 1 and at most 5/],
    [['--gpu-hours', '100', '--mfu', '1.5'], /--mfu must be above 0 and at most 1/],
    [['--gpu-hours', '100', '--devices', '2.5'], /--devices must be a whole number/],
  ];
  for (const [args, re] of cases) {
    const r = run(['estimate', ...args, '--hardware', 'h100']);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, re, r.err);
    assert.doesNotMatch(r.out, /NaN|Infinity/);
  }
  const big = run(['estimate', '--params', '1e14', '--tokens', '1e15', '--hardware', 'h100', '--devices', '8']);
  assert.equal(big.code, 0, big.err);
  assert.doesNotMatch(big.out, /NaN|Infinity|\b0 kWh/);
});
