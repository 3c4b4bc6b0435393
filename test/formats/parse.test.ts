// The parse wrappers users never see directly but every format relies on: they never throw, keep offsets, resist
// alias bombs, and edit in place.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonSetEdits, parseJson } from '../../engine/parse/json';
import { parseShell } from '../../engine/parse/shell';
import { parseYaml, yamlGet, yamlScalar, yamlSetEdits } from '../../engine/parse/yaml';
import { analyze, applyEdits } from './helpers';

test('YAML: half-typed text gives errors with a line, never an exception', () => {
  const r = parseYaml('trainer:\n  precision: [\n');
  assert.ok(r.errors.length > 0);
  assert.match(r.errors[0], /^line \d+:/);
  for (const bad of ['\t\t:::', '{', '- [', '!!binary zz', 'a: *missing', '%YAML 9.9\n---\n'])
    assert.doesNotThrow(() => parseYaml(bad));
});

// Expanded, this bomb is 9^10 strings (hours): the test's timeout is the hang guard.
test('YAML: an alias bomb is read without expanding it and gives a clear answer', { timeout: 120_000 }, async () => {
  let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 0; i < 9; i++) {
    const [me, prev] = [String.fromCharCode(98 + i), String.fromCharCode(97 + i)];
    text += `${me}: &${me} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
  }
  text += 'base_model: Qwen/Qwen2.5-0.5B\ndatasets: []\nmicro_batch_size: *j\n';
  const a = await analyze({ 'bomb.yml': text }, 'bomb.yml', { hardware: 'a100' });
  assert.equal(a.runs.length, 1);
  assert.equal(a.runs[0].plan.facts.get('micro_batch')?.value, null, 'an alias to a list is not a batch size');
});

test("YAML: set a value in place (keeping quotes) or add a key with the mapping's indentation", () => {
  const text = 'trainer:\n    devices: 4\n    precision: "32-true"\nmodel: x\n';
  const doc = parseYaml(text).doc!;
  assert.equal(yamlScalar(yamlGet(doc, ['trainer', 'devices'])), 4);
  assert.equal(
    applyEdits(text, yamlSetEdits('f', text, doc, ['trainer', 'precision'], 'bf16-mixed')!),
    'trainer:\n    devices: 4\n    precision: "bf16-mixed"\nmodel: x\n',
  );
  assert.equal(
    applyEdits(text, yamlSetEdits('f', text, doc, ['trainer', 'max_epochs'], 3)!),
    'trainer:\n    devices: 4\n    precision: "32-true"\n    max_epochs: 3\nmodel: x\n',
  );
  assert.equal(
    applyEdits(text, yamlSetEdits('f', text, doc, ['bf16'], true)!),
    'trainer:\n    devices: 4\n    precision: "32-true"\nmodel: x\nbf16: true\n',
  );
  const flow = 'trainer: {devices: 4}\n';
  assert.equal(
    yamlSetEdits('f', flow, parseYaml(flow).doc!, ['trainer', 'precision'], 'bf16-mixed'),
    undefined,
    'flow mappings are not rewritten',
  );
});

test('JSON: comments and trailing commas parse; edits keep the indentation', () => {
  const text = '{\n    // ZeRO-2\n    "fp16": {"enabled": true},\n    "zero_optimization": {"stage": 2},\n}\n';
  const r = parseJson(text);
  assert.equal(r.errors.length, 0);
  const fixed = applyEdits(text, jsonSetEdits('f', text, ['bf16', 'enabled'], true)!);
  assert.deepEqual(parseJson(fixed).errors, []);
  assert.match(fixed, /\n {4}"bf16": \{/);
  assert.match(parseJson('{"a": ').errors[0], /^line 1:/);
});

test('shell: quotes, line continuations, variables, command substitution, heredocs', () => {
  const text = [
    'NGPU=8',
    'export MP="bf16"',
    'N=$(nvidia-smi -L | wc -l)',
    'cat <<EOF',
    'python not_a_command.py',
    'EOF',
    'CUDA_VISIBLE_DEVICES=0,1 torchrun --nproc_per_node=${NGPU} --nnodes ${N:-4} \\',
    '   train.py --name \'a b\' --mp "$MP" "$@"  # trailing comment',
  ].join('\n');
  const s = parseShell(text);
  assert.equal(s.commands.length, 2);
  const [cat, run] = s.commands;
  assert.equal(cat.words[0].text, 'cat');
  assert.deepEqual([...run.env], [['CUDA_VISIBLE_DEVICES', '0,1']]);
  const words = run.words.map((w) => w.text);
  assert.deepEqual(words.slice(0, 3), ['torchrun', '--nproc_per_node=8', '--nnodes']);
  assert.equal(run.words[3].unresolved, true, '${N:-4} is not 4: N was assigned from a command');
  assert.ok(words.includes('a b') && words.includes('bf16'));
  assert.equal(run.words[run.words.length - 1].unresolved, true, '"$@" is not readable');
  const w = run.words[1];
  assert.equal(text.slice(w.span.start, w.span.end), '--nproc_per_node=${NGPU}');
  assert.ok(s.comments.some((c) => c.text === '# trailing comment'));
  for (const bad of ['"unterminated', "'x", '$(', '${', 'a \\', '<<', '`']) assert.doesNotThrow(() => parseShell(bad));
});

test('bad input in every kind of file: no exception, a clear message where it matters', async () => {
  const files: Record<string, string> = {
    'half.yml': 'base_model: meta-llama/Llama-3.2-1B\ndatasets:\n  - path: x\nmicro_batch_size: 4\nbf16: [\n',
    'half.json': '{"zero_optimization": {"stage": 2}, "bf16": {"enabled": ',
    'half.sh': 'torchrun --nproc_per_node=8 "unterminated \\\n $(foo',
    'bin.yaml': '\u0000\u0001binary',
    'list.json': '[1, 2, 3]',
    'empty.yaml': '',
    'multi.yaml': '- a\n---\nb: 1\n',
  };
  for (const f of Object.keys(files)) await assert.doesNotReject(analyze(files, f), f);
  assert.match((await analyze(files, 'half.yml')).messages.join(), /line 6: .* axolotl config/);
  assert.match((await analyze(files, 'half.json')).messages.join(), /line 1: .* deepspeed config/);
  assert.match((await analyze(files, 'bin.yaml')).messages.join(), /binary/);
  for (const f of ['list.json', 'empty.yaml', 'multi.yaml', 'half.sh'])
    assert.deepEqual((await analyze(files, f)).messages, [], f);
});

test('every fixture cut at many points (half-typed files) analyzes without an exception', async () => {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const root = path.resolve('test/fixtures/formats');
  const all: string[] = [];
  const walk = (d: string) =>
    fs
      .readdirSync(d, { withFileTypes: true })
      .forEach((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : all.push(path.join(d, e.name))));
  walk(root);
  const files = Object.fromEntries(all.map((f) => [path.relative(root, f), fs.readFileSync(f, 'utf8')]));
  let n = 0;
  for (const [rel, text] of Object.entries(files)) {
    for (let cut = 0; cut < text.length; cut += 23) {
      const a = await analyze({ ...files, [rel]: text.slice(0, cut) }, rel, { hardware: 'a100' });
      assert.ok(
        !a.messages.some((m) => /failed|could not be estimated/.test(m)),
        `${rel} cut at ${cut}: ${a.messages.join('; ')}`,
      );
      n++;
    }
  }
  assert.ok(n > 400, `${n} cuts`);
});
