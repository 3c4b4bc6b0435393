// `TrainingArguments(**yaml.safe_load(open("x.yaml")))` and `**json.load(open("x.json"))`: the unpacked file is the
// rest of the call's arguments — linked as an HF-args file, so unwritten settings are the framework's defaults and
// their findings (and fixes) land in that file; values written in the call stay the call's.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../server/review/analyze-file';
import { analyze, applyEdits, codes, fact, lineOf, settings, theRun } from './helpers';

const FIX = path.resolve('test/fixtures/formats/hf-splat');

test('HF splat on disk: batch, accumulation, epochs, save_steps from the YAML; unwritten bf16 is flagged in the YAML and fixed there', async () => {
  const yamlFile = path.join(FIX, 'train_args.yaml');
  const yaml = fs.readFileSync(yamlFile, 'utf8');
  const script = await analyzeText(
    path.join(FIX, 'train.py'),
    fs.readFileSync(path.join(FIX, 'train.py'), 'utf8'),
    settings({ hardware: 'a100' }),
  );
  assert.deepEqual(
    ['micro_batch', 'grad_accum', 'epochs', 'save_steps'].map((k) => [
      fact(script, k as never)?.value,
      path.basename(fact(script, k as never)?.file ?? ''),
    ]),
    [
      [16, 'train_args.yaml'],
      [2, 'train_args.yaml'],
      [2, 'train_args.yaml'],
      [250, 'train_args.yaml'],
    ],
  );
  assert.deepEqual(
    [fact(script, 'precision')?.value, fact(script, 'precision')?.origin],
    ['fp32', 'framework-default'],
  );
  assert.doesNotMatch(fact(script, 'micro_batch')!.note!, /cannot see/);
  assert.deepEqual(codes(script), [], 'the finding belongs to the YAML');
  const a = await analyzeText(yamlFile, yaml, settings({ hardware: 'a100' }));
  assert.equal(path.basename(theRun(a).plan.entry.file), 'train.py');
  const f = a.findings.find((x) => x.code === 'GML101')!;
  assert.equal(f.severity, 'warning');
  assert.equal(lineOf(yaml, f.span.start), 1);
  const fixed = applyEdits(yaml, f.fixes[0].edits);
  assert.match(fixed, /save_steps: 250\nbf16: true/);
  const again = await analyzeText(yamlFile, fixed, settings({ hardware: 'a100' }));
  assert.equal(fact(again, 'precision')?.value, 'bf16');
});

const hf = (call: string, head = '') => `import json, yaml
from pathlib import Path
from transformers import Trainer, TrainingArguments
${head}
args = TrainingArguments(${call})
Trainer(model=m, args=args).train()
`;

test('HF splat: json.load through a `with open(...) as f` name; Path(...).read_text(); bf16 in the file wins', async () => {
  let a = await analyze(
    {
      'train.py': hf('**cfg', 'with open("args.json") as f:\n    cfg = json.load(f)'),
      'args.json': '{"output_dir": "o", "bf16": true, "per_device_train_batch_size": 4}',
    },
    'train.py',
    { hardware: 'a100' },
  );
  assert.deepEqual(
    [fact(a, 'precision')?.value, path.basename(fact(a, 'precision')!.file!), fact(a, 'micro_batch')?.value],
    ['bf16', 'args.json', 4],
  );
  assert.deepEqual(codes(a), []);
  a = await analyze(
    {
      'train.py': hf('**yaml.safe_load(Path("conf/args.yaml").read_text())'),
      'conf/args.yaml': 'output_dir: o\nbf16: false\n',
    },
    'conf/args.yaml',
    { hardware: 'a100' },
  );
  const f = a.findings.find((x) => x.code === 'GML101')!;
  assert.equal(
    lineOf('output_dir: o\nbf16: false\n', f.span.start),
    2,
    'an explicit bf16: false is judged where written',
  );
});

test("HF splat: a value written in the call stays the call's; a non-literal path is not followed (precision stays a guess)", async () => {
  let a = await analyze(
    {
      'train.py': hf('output_dir="o", fp16=True, **yaml.safe_load(open("a.yaml"))'),
      'a.yaml': 'num_train_epochs: 1\n',
    },
    'train.py',
    { hardware: 'v100' },
  );
  assert.deepEqual(
    [fact(a, 'precision')?.value, path.basename(fact(a, 'precision')!.file!), fact(a, 'epochs')?.value],
    ['fp16', 'train.py', 1],
  );
  assert.deepEqual(codes(a), []);
  a = await analyze(
    { 'train.py': hf('**yaml.safe_load(open(sys.argv[1]))'), 'a.yaml': 'num_train_epochs: 1\n' },
    'train.py',
    { hardware: 'a100' },
  );
  assert.equal(fact(a, 'precision')?.origin, 'assumed');
  assert.ok(a.findings.every((x) => x.severity === 'information'));
});
