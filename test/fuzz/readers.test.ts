// Property-based fuzzing (fast-check) of every reader: the project's own fixtures, mutated, and generated garbage
// through the Python, YAML, JSON, TOML and shell readers and the whole analysis. Properties: no exception escapes,
// each analysis ends within a bound, and every span a finding reports lies inside its file's text.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseWorkspaceFile } from '../../server/config/workspace-file';
import { analyzeText } from '../../server/review/analyze-file';
import { memoryReader } from '../../engine/link';
import { parseShell } from '../../engine/parse/shell';
import { parseJson } from '../../engine/parse/json';
import { parseYaml } from '../../engine/parse/yaml';
import { mergeSettings } from '../../engine/settings';

const FIXTURES = path.resolve('test/fixtures/formats');
const files = (fs.readdirSync(FIXTURES, { recursive: true }) as string[])
  .map((f) => path.join(FIXTURES, f))
  .filter((f) => fs.statSync(f).isFile() && /\.(py|ya?ml|json|sh|slurm|toml)$/.test(f));
const byExt = (re: RegExp) => files.filter((f) => re.test(f)).map((f) => ({ f, text: fs.readFileSync(f, 'utf8') }));

/** Characters that break parsers: quotes, brackets, indentation, YAML/shell syntax, NUL, surrogates, line ends. */
const NASTY = fc.constantFrom(
  '"',
  "'",
  '"""',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ':',
  ',',
  '\\',
  '\n',
  '\r\n',
  '\t',
  '    ',
  '#',
  '*',
  '&a',
  '*a',
  '<<: *a',
  '- ',
  '|',
  '>',
  '$(',
  '${',
  '`',
  '\u0000',
  '\ud800',
  '😀',
  '=',
  '--',
  ' \\\n',
  'bf16=True',
  'save_steps=',
  '"no"',
  'TrainingArguments(',
  'deepspeed ',
  '!!python/object',
  '%YAML 1.2\n',
  '---\n',
);
const garbage = fc
  .array(fc.oneof(NASTY, fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 })), {
    maxLength: 40,
  })
  .map((xs) => xs.join(''));

/** A mutation of `text`: replace a slice with garbage, delete a slice, duplicate a slice. */
function mutated(text: string) {
  return fc
    .array(
      fc.tuple(fc.nat({ max: Math.max(0, text.length) }), fc.nat({ max: 40 }), garbage, fc.integer({ min: 0, max: 2 })),
      { minLength: 1, maxLength: 6 },
    )
    .map((ops) => {
      let t = text;
      for (const [at, len, g, kind] of ops) {
        const s = Math.min(at, t.length);
        const e = Math.min(t.length, s + len);
        t =
          kind === 0
            ? t.slice(0, s) + g + t.slice(e)
            : kind === 1
              ? t.slice(0, s) + t.slice(e)
              : t.slice(0, e) + t.slice(s, e) + t.slice(e);
      }
      return t;
    });
}

const settings = mergeSettings({ values: { hardware: 'a100-80gb' }, source: 'fuzz' });
// A hang (a reader that loops) fails through the test's timeout; speed is measured by `npm run bench`, not here.
async function analyzeChecked(file: string, text: string, related: Record<string, string>) {
  const a = await analyzeText(file, text, settings, memoryReader(related));
  for (const f of a.findings) {
    const t = f.file === file ? text : related[f.file];
    if (t === undefined) continue;
    assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= t.length, `${f.code} span`);
  }
  return a;
}

for (const [kind, re, file] of [
  ['Python', /\.py$/, '/fuzz/train.py'],
  ['YAML', /\.ya?ml$/, '/fuzz/config.yaml'],
  ['JSON', /\.json$/, '/fuzz/ds_config.json'],
  ['shell', /\.(sh|slurm)$/, '/fuzz/run.sh'],
] as const) {
  const corpus = byExt(re);
  test(`${kind}: mutated fixtures and garbage never throw and always end`, { timeout: 120_000 }, async () => {
    assert.ok(corpus.length > 0);
    const source = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...corpus).chain(({ text }) => mutated(text)) },
      { weight: 1, arbitrary: garbage },
    );
    // Each analysis also reads a mutated neighbour of every other kind (the linker follows them).
    const neighbours = fc.record({
      '/fuzz/args.yaml': mutated(byExt(/\.ya?ml$/)[0].text),
      '/fuzz/ds_config.json': mutated(byExt(/\.json$/)[0].text),
      '/fuzz/run.sh': mutated(`torchrun train.py --deepspeed ds_config.json --config args.yaml --bf16 True\n`),
    });
    await fc.assert(
      fc.asyncProperty(source, neighbours, async (text, related) => {
        await analyzeChecked(file, text, { ...related, [file]: text });
        // The readers on their own, too.
        if (kind === 'YAML') parseYaml(text);
        if (kind === 'JSON') parseJson(text);
        if (kind === 'shell') parseShell(text);
      }),
      { numRuns: 400, seed: 20261204 },
    );
  });
}

test('TOML (greenml.toml, pyproject.toml): garbage and mutations give problems, never a throw', () => {
  const base =
    'hardware = "a100-80gb"\ndevices = 8\nregion = "FR"\nexclude = ["legacy/"]\n[severity]\nGML101 = "error"\n';
  fc.assert(
    fc.property(fc.oneof(mutated(base), garbage), fc.boolean(), (text, pyproject) => {
      const wf = parseWorkspaceFile(pyproject ? '/fuzz/pyproject.toml' : '/fuzz/greenml.toml', text);
      assert.ok(Array.isArray(wf.problems));
      for (const v of Object.values(wf.values))
        if (typeof v === 'number') assert.ok(Number.isFinite(v), 'no NaN or Infinity in settings');
    }),
    { numRuns: 300, seed: 20261204 },
  );
});

test('shell: a Unicode space or `<(` between words ends the word (found by this suite: the reader looped forever)', () => {
  assert.deepEqual(
    parseShell('python train.py\u2005--bf16 True\n').commands[0].words.map((w) => w.text),
    ['python', 'train.py', '--bf16', 'True'],
  );
  assert.equal(parseShell('diff <(ls a) <(ls b)\n').commands.length, 3);
});

test('JSON: keys made only of underscores (a tokenizer vocabulary) are read without an error', async () => {
  const text = JSON.stringify({ '!': 0, _: 1, __: 2, ____: 3, train_batch_size: 4 });
  const a = await analyzeChecked('/fuzz/gpt2-vocab.json', text, {});
  assert.deepEqual(
    a.messages.filter((m) => /failed/.test(m)),
    [],
  );
});
