// Development set for Python configs, entry scripts and launchers (issue 11): each file in
// test/fixtures/formats/dev-py was written for this project in the style of public training code, and its facts were
// labelled by hand in expected.json before the code that reads them. Every file is analysed with the files of its
// own folder around it, as the CLI would in a checkout. "ABSENT": the plan must not report the fact (absent, or only
// as an assumption); null: reported as unknown.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { FactKey, FactValue } from '../../engine/types';
import type { DocumentAnalysis } from '../../server/review/analyze';
import { analyze } from './helpers';

const DIR = path.resolve('test/fixtures/formats/dev-py');
const expected = JSON.parse(fs.readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as Record<
  string,
  Record<string, FactValue>
>;

function folderFiles(rel: string): Record<string, string> {
  const dir = path.dirname(rel);
  const out: Record<string, string> = {};
  for (const n of fs.readdirSync(path.join(DIR, dir))) {
    const p = path.join(DIR, dir, n);
    if (fs.statSync(p).isFile() && n !== 'expected.json') out[path.join(dir, n)] = fs.readFileSync(p, 'utf8');
  }
  return out;
}

/** The facts of the file's run: its own, else the one run it is linked into. */
export function runFacts(a: DocumentAnalysis) {
  const runs = [...a.runs, ...(a.linked ?? [])];
  return runs.length === 1 ? runs[0].plan.facts : undefined;
}

export function matches(
  facts: ReturnType<typeof runFacts>,
  key: string,
  want: FactValue,
): { ok: boolean; got: unknown } {
  const f = facts?.get(key as FactKey);
  if (want === 'ABSENT') return { ok: !f || f.origin === 'assumed', got: f ? `${f.value} (${f.origin})` : 'absent' };
  if (!f || f.origin === 'assumed') return { ok: false, got: f ? `${f.value} (assumed)` : 'absent' };
  return { ok: f.value === want, got: f.value };
}

// Files whose reading is not done yet, with why: reported as todo (still run, never hidden).
const todo = expected._todo as unknown as Record<string, string>;

for (const [rel, want] of Object.entries(expected)) {
  if (rel.startsWith('_')) continue;
  test(`dev set: ${rel}`, { todo: todo[rel] }, async () => {
    const files = folderFiles(rel);
    const a = await analyze(files, rel);
    const facts = runFacts(a);
    assert.ok(facts, `${rel}: expected one run, got ${a.runs.length + (a.linked?.length ?? 0)}`);
    const wrong = Object.entries(want)
      .map(([k, v]) => ({ k, v, ...matches(facts, k, v) }))
      .filter((r) => !r.ok)
      .map((r) => `${r.k}: want ${JSON.stringify(r.v)}, got ${JSON.stringify(r.got)}`);
    assert.deepEqual(wrong, [], rel);
  });
}

// Must-not-report cases of the readings the development set drove.
const dev = (rel: string) => fs.readFileSync(path.join(DIR, rel), 'utf8');
const alone = async (name: string, text: string) => runFacts(await analyze({ [name]: text }, name));

test('Composer Trainer is not read as the Hugging Face Trainer, and its precision default depends on the device', async () => {
  const a = await alone('c.py', dev('composer_fit.py'));
  assert.equal(a?.get('precision')?.value, null);
  assert.notEqual(a?.get('micro_batch')?.value, 8, 'no TrainingArguments default');
  assert.equal(a?.get('save_steps'), undefined);
  // device="gpu" fixes it: amp_fp16; device="cpu": fp32.
  const gpu = await alone(
    'g.py',
    dev('composer_fit.py').replace('max_duration="30ep",', 'max_duration="30ep", device="gpu",'),
  );
  assert.deepEqual([gpu?.get('precision')?.value, gpu?.get('precision')?.origin], ['fp16', 'framework-default']);
  const cpu = await alone(
    'k.py',
    dev('composer_fit.py').replace('max_duration="30ep",', 'max_duration="30ep", device="cpu",'),
  );
  assert.equal(cpu?.get('precision')?.value, 'fp32');
  // No save_folder: nothing is saved.
  const nosave = await alone(
    'n.py',
    dev('composer_fit.py').replace(/ {4}save_folder="ckpts",\n {4}save_interval="5ep",\n/, ''),
  );
  assert.equal(nosave?.get('periodic_save')?.value, 'no');
});

test('OLMo-core: token batch sizes become sequences only when the sequence length is known', async () => {
  const a = await alone('o.py', dev('olmo_core_1b.py'));
  assert.equal(a?.get('global_batch')?.value, 512);
  // Without a sequence length, a token count is not reported as a number of samples.
  const b = await alone(
    'p.py',
    dev('olmo_core_1b.py')
      .replace(/sequence_length=SEQUENCE_LENGTH/, 'tokens=1')
      .replace(/SEQUENCE_LENGTH = 4096/, 'SEQUENCE_LENGTH = seq()'),
  );
  assert.equal(b?.get('global_batch'), undefined);
  assert.equal(b?.get('micro_batch'), undefined);
  // A factory that names no size is no model.
  const c = await alone(
    'q.py',
    dev('olmo_core_1b.py').replace('TransformerConfig.llama2_1B(', 'TransformerConfig.custom('),
  );
  assert.equal(c?.get('model'), undefined);
});

test('a repository model registry (`models_x.__dict__[args.model]`) names the model only for image-architecture names', async () => {
  const a = await alone('m.py', dev('mae_pair/main_pretrain.py'));
  assert.equal(a?.get('model')?.value, 'mae_vit_large_patch16');
  assert.equal(a?.get('params'), undefined, 'its size is not in the table: no parameter count');
  const b = await alone(
    'n.py',
    dev('mae_pair/main_pretrain.py').replace("default='mae_vit_large_patch16'", "default='my_net'"),
  );
  assert.equal(b?.get('model'), undefined);
  assert.notEqual(b?.get('modality')?.value, 'vision');
});

test('a SLURM job running a script not in the tree is a run with its devices, only when it passes a run length', async () => {
  const a = await alone('job.sbatch', dev('sbatch_train.sbatch'));
  assert.equal(a?.get('devices')?.value, 8);
  // No run length: not evidently training.
  const b = await analyze({ 'j.sbatch': dev('sbatch_train.sbatch').replace('--epochs 150 ', '') }, 'j.sbatch');
  assert.equal(b.runs.length, 0);
});

test('big_vision and Flax configs: batch_size is the global batch; a variant without model_name names nothing', async () => {
  const a = await alone('v.py', dev('bv_vit_cfg.py'));
  assert.deepEqual([a?.get('model')?.value, a?.get('params')?.value], ['ViT-S/16', 22050664]);
  assert.equal(a?.get('micro_batch'), undefined);
  const b = await alone('w.py', dev('bv_vit_cfg.py').replace("config.model_name = 'vit'\n", ''));
  assert.notEqual(b?.get('model')?.value, 'ViT-S/16');
});
