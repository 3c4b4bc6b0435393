// The vocabulary's fourth development set, committed before its first run: the long tail of hand-written training
// configs that belong to no framework (a project's own YAML, JSON and TOML), and two files for other jobs
// (evaluation, export) that must not become runs. Fixtures in test/fixtures/formats/vocab-dev-4 were written for
// these tests.
import { devSet, type DevCase } from './dev-set';

const CASES: DevCase[] = [
  {
    file: 'classifier.yaml',
    facts: { micro_batch: 64, epochs: 30, resolution: 224, precision: 'fp16', num_workers: 8, modality: 'vision' },
    absent: ['seq_len'],
  },
  {
    file: 'segmenter.json',
    facts: { micro_batch: 4, epochs: 50, resolution: 512, devices: 2, precision: 'fp16', modality: 'vision' },
    absent: ['seq_len'],
  },
  {
    file: 'tiny_lm.toml',
    facts: { micro_batch: 32, max_steps: 10000, seq_len: 512, precision: 'bf16', grad_accum: 4, params: true },
  },
  {
    file: 'vocoder.yaml',
    facts: { micro_batch: 16, epochs: 200, modality: 'audio', num_workers: 4 },
    absent: ['seq_len'],
  },
  { file: 'minimal.yaml', facts: { micro_batch: 128, epochs: 20 } },
  {
    file: 'dreambooth_args.yaml',
    facts: {
      micro_batch: 1,
      grad_accum: 4,
      max_steps: 15000,
      precision: 'fp16',
      save_steps: 5000,
      resolution: 512,
      modality: 'vision',
      grad_checkpointing: true,
    },
    absent: ['seq_len'],
  },
];

devSet('development set 4', 'test/fixtures/formats/vocab-dev-4', CASES, ['evaluate.yaml', 'export.yaml']);
