// The rules' development set (test/fixtures/formats/rules-a/, written for this project in the style of public configs
// of torchtitan, OLMo, NeMo, detectron2, mmengine, fairseq, levanter, axolotl, torchtune, Lightning CLI, Composer,
// Megatron-LM, SkyPilot and plain PyTorch): each file is analysed with no hardware setting, as a reviewer meets it.
// Every finding expected.json lists is raised on its line (except those marked knownMiss, which say why), and the
// codes listed as silent stay silent — each silent file first shows that a run was extracted.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze, lineOf } from './helpers';

const DIR = join(__dirname, '..', 'fixtures', 'formats', 'rules-a');
const spec = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as {
  expected: { file: string; code: string; line: number | null; knownMiss?: string }[];
  silent: { file: string; codes: string[] }[];
};
const files = Object.fromEntries(
  readdirSync(DIR)
    .filter((f) => f !== 'expected.json')
    .map((f) => [f, readFileSync(join(DIR, f), 'utf8')]),
);

for (const e of spec.expected.filter((x) => !x.knownMiss))
  test(`dev set: ${e.file} raises ${e.code}${e.line ? ` on line ${e.line}` : ''}`, async () => {
    const a = await analyze(files, e.file);
    const lines = a.findings.filter((f) => f.code === e.code).map((f) => lineOf(files[e.file], f.span.start));
    assert.ok(lines.length > 0, `${e.code} not raised: ${a.findings.map((f) => f.code).join(', ')}`);
    if (e.line !== null) assert.ok(lines.includes(e.line), `${e.code} on lines ${lines.join(', ')}, not ${e.line}`);
  });

for (const s of spec.silent)
  test(`dev set: ${s.file} stays silent on ${s.codes.join(', ')}`, async () => {
    const a = await analyze(files, s.file);
    assert.ok(a.runs.length + (a.linked?.length ?? 0) > 0, `no run extracted from ${s.file}`);
    const loud = a.findings.filter((f) => s.codes.includes(f.code));
    assert.deepEqual(
      loud.map((f) => `${f.code}: ${f.message}`),
      [],
    );
  });
