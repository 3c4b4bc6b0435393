// The development set of the shared vocabulary: configs of frameworks without a reader of their own, each given
// alone (self-supervised vision, speech hyperparameter files, structured fairseq-style configs, NeMo, RL
// post-training, JAX LLM trainers, torchtitan, Ultralytics, detectron2, timm arguments, LitGPT, projects' own
// configs) with the facts a reader of the file would write down, and files that are not training configs and so
// give no run. Fixtures in test/fixtures/formats/vocab-dev were written for these tests in the style of public
// configs; none is a copy.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { FactKey, FactValue } from '../../engine/types';
import { analyze } from './helpers';

const DIR = path.resolve('test/fixtures/formats/vocab-dev');
const all = Object.fromEntries(fs.readdirSync(DIR).map((n) => [n, fs.readFileSync(path.join(DIR, n), 'utf8')]));

interface Case {
  file: string;
  /** Facts and their values; `true` = present with any value. `absent`: no value read or derived (an assumption may fill it). */
  facts: Partial<Record<FactKey, FactValue | true>>;
  origins?: Partial<Record<FactKey, string>>;
  absent?: FactKey[];
}

export const DEV_CASES: Case[] = [
  {
    file: 'ssl_vitb14.yaml',
    facts: {
      micro_batch: 48,
      epochs: 200,
      precision: 'bf16',
      num_workers: 8,
      modality: 'vision',
      resolution: 224,
      periodic_save: 'epoch',
    },
    absent: ['seq_len', 'max_steps'],
  },
  {
    file: 'ssl_vitg_short.yaml',
    facts: { micro_batch: 12, epochs: 50, resolution: 518, modality: 'vision', precision: 'fp16' },
    origins: { precision: 'framework-default' },
    absent: ['seq_len'],
  },
  {
    file: 'asr_conformer_hparams.yaml',
    facts: {
      epochs: 120,
      micro_batch: 12,
      grad_accum: 2,
      precision: 'bf16',
      periodic_save: 'time',
      num_workers: 6,
      modality: 'audio',
    },
    absent: ['seq_len'],
  },
  {
    file: 'kws_hparams.yaml',
    facts: {
      epochs: 30,
      micro_batch: 64,
      num_workers: 2,
      precision: 'fp32',
      modality: 'audio',
      periodic_save: 'epoch',
    },
    origins: { precision: 'framework-default' },
    absent: ['seq_len'],
  },
  {
    file: 'w2v_pretrain_large.yaml',
    facts: {
      precision: 'fp16',
      devices: 128,
      max_steps: 600000,
      save_steps: 10000,
      periodic_save: 'steps',
      num_workers: 4,
      grad_accum: 2,
      modality: 'audio',
    },
    absent: ['train_tokens', 'seq_len', 'micro_batch'],
  },
  {
    file: 'lm_wiki_transformer.yaml',
    facts: {
      precision: 'bf16',
      devices: 8,
      micro_batch: 16,
      epochs: 40,
      grad_accum: 4,
      seq_len: 1024,
      periodic_save: 'epoch',
      num_workers: 2,
    },
    absent: ['train_tokens'],
  },
  {
    file: 'megatron_gpt_nemo.yaml',
    facts: {
      devices: 32,
      precision: 'bf16',
      micro_batch: 2,
      global_batch: 512,
      tp: 2,
      pp: 2,
      grad_accum: 32,
      max_steps: 300000,
      seq_len: 2048,
      grad_checkpointing: true,
      save_steps: 2000,
      periodic_save: 'steps',
      num_workers: 2,
    },
  },
  {
    file: 'conformer_ctc_nemo.yaml',
    facts: { micro_batch: 32, epochs: 1000, precision: 'fp32', modality: 'audio', num_workers: 8 },
    absent: ['seq_len', 'devices', 'max_steps'],
  },
  {
    file: 'grpo_math.yaml',
    facts: {
      devices: 16,
      micro_batch: 4,
      epochs: 15,
      grad_checkpointing: true,
      compile: true,
      model: 'Qwen/Qwen2.5-7B-Instruct',
      save_steps: 20,
      periodic_save: 'steps',
      precision: 'bf16',
    },
    origins: { precision: 'framework-default' },
    absent: ['tp'],
  },
  {
    file: 'maxtext_run.yml',
    facts: {
      micro_batch: 4,
      max_steps: 50000,
      seq_len: 4096,
      precision: 'bf16',
      grad_checkpointing: true,
      save_steps: 2000,
      periodic_save: 'steps',
      params: true,
    },
  },
  {
    file: 'levanter_gpt_medium.yaml',
    facts: {
      global_batch: 256,
      micro_batch: 8,
      max_steps: 60000,
      seq_len: 1024,
      precision: 'bf16',
      grad_checkpointing: true,
      periodic_save: 'time',
    },
  },
  {
    file: 'llama3_70b_titan.toml',
    facts: {
      model: 'Llama-3-70B',
      micro_batch: 2,
      seq_len: 8192,
      max_steps: 3000,
      precision: 'bf16',
      grad_checkpointing: true,
      compile: true,
      save_steps: 500,
      periodic_save: 'steps',
      tp: 8,
    },
  },
  {
    file: 'yolo_args.yaml',
    facts: {
      epochs: 300,
      global_batch: 32,
      micro_batch: 8,
      devices: 4,
      resolution: 1280,
      precision: 'fp32',
      num_workers: 4,
      periodic_save: 'epoch',
      modality: 'vision',
    },
    absent: ['seq_len'],
  },
  {
    file: 'yolo_small_run.yaml',
    facts: {
      epochs: 60,
      global_batch: 8,
      resolution: 640,
      precision: 'fp16',
      modality: 'vision',
      model: 'yolo11n.pt',
      num_workers: 8,
    },
    origins: { precision: 'framework-default' },
    absent: ['seq_len'],
  },
  {
    file: 'rcnn_x101_amp.yaml',
    facts: {
      global_batch: 32,
      max_steps: 90000,
      precision: 'fp16',
      save_steps: 10000,
      num_workers: 8,
      modality: 'vision',
    },
    absent: ['seq_len'],
  },
  {
    file: 'resnet50_a2.yaml',
    facts: {
      micro_batch: 256,
      epochs: 100,
      precision: 'fp16',
      resolution: 224,
      num_workers: 8,
      optimizer: 'lamb',
      model: 'resnet50',
      modality: 'vision',
      periodic_save: 'epoch',
    },
    absent: ['seq_len'],
  },
  {
    file: 'lit_pretrain_tiny.yaml',
    facts: {
      precision: 'bf16',
      devices: 16,
      micro_batch: 8,
      global_batch: 512,
      grad_accum: 4,
      train_tokens: 3e10,
      seq_len: 2048,
      save_steps: 2000,
    },
  },
  {
    file: 'diffusion_unet.yaml',
    facts: {
      micro_batch: 16,
      epochs: 500,
      precision: 'fp16',
      devices: 4,
      resolution: 256,
      modality: 'vision',
      num_workers: 6,
    },
    absent: ['seq_len', 'max_steps'],
  },
  {
    file: 'lm_custom.yaml',
    facts: {
      micro_batch: 12,
      grad_accum: 40,
      max_steps: 600000,
      devices: 8,
      precision: 'bf16',
      compile: true,
      seq_len: 1024,
      save_steps: 5000,
      params: true,
    },
  },
];

/** Files that are not training configs: no run, no finding. */
export const NOT_RUNS = ['asr_inference_hparams.yaml', 'serve_eval.yaml', 'tokenize_corpus.yaml', 'ci_gpu_tests.yml'];

async function score(c: Case) {
  const a = await analyze(all, c.file, { hardware: 'a100' });
  const runs = [...a.runs, ...(a.linked ?? [])];
  const facts = runs.length === 1 ? runs[0].plan.facts : undefined;
  const wrong: string[] = [];
  for (const [k, v] of Object.entries(c.facts)) {
    const f = facts?.get(k as FactKey);
    if (!f || (v !== true && f.value !== v)) wrong.push(`${k}: expected ${v}, got ${f ? f.value : 'nothing'}`);
  }
  for (const [k, o] of Object.entries(c.origins ?? {}))
    if (facts?.get(k as FactKey)?.origin !== o) wrong.push(`origin of ${k}: expected ${o}`);
  for (const k of c.absent ?? [])
    if (!facts || ((facts.get(k)?.value ?? null) !== null && facts.get(k)?.origin !== 'assumed'))
      wrong.push(`${k}: expected none, got ${facts?.get(k)?.value ?? 'no run'}`);
  const total = Object.keys(c.facts).length + Object.keys(c.origins ?? {}).length + (c.absent ?? []).length;
  return { runs: runs.length, wrong, total };
}

for (const c of DEV_CASES) {
  test(`development set: ${c.file} given alone is one run with the facts it states`, async () => {
    const { runs, wrong } = await score(c);
    assert.equal(runs, 1, `${c.file}: runs`);
    assert.deepEqual(wrong, [], c.file);
  });
}

for (const f of NOT_RUNS) {
  test(`development set: ${f} is not a training config and gives no run`, async () => {
    const a = await analyze(all, f, { hardware: 'a100' });
    assert.deepEqual([a.runs.length, a.linked?.length ?? 0, a.findings.length], [0, 0, 0], f);
  });
}

test('development set: accuracy over every stated fact (printed for the evaluation notes)', async () => {
  let right = 0;
  let total = 0;
  for (const c of DEV_CASES) {
    const s = await score(c);
    total += s.total;
    right += s.total - s.wrong.length;
    if (process.env.DEV_REPORT) for (const w of s.wrong) console.log(`  ${c.file}: ${w}`);
  }
  for (const f of NOT_RUNS) {
    const a = await analyze(all, f, { hardware: 'a100' });
    total += 1;
    if (a.runs.length + (a.linked?.length ?? 0) === 0) right += 1;
    else if (process.env.DEV_REPORT) console.log(`  ${f}: a run where there is none`);
  }
  console.log(`development set: ${right}/${total} facts right (${((100 * right) / total).toFixed(1)} %)`);
  assert.ok(total > 0);
});
