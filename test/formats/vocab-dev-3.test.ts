// The vocabulary's third development set, written after the second passed and committed before its first run:
// TF Model Garden, AutoTrain, MLX LoRA, kohya-style TOML, a list-of-processes trainer job, PaddleDetection, and new
// variants of NeMo, Levanter, torchtitan and SpeechBrain; plus a dataset description and an inference endpoint.
// Fixtures in test/fixtures/formats/vocab-dev-3 were written for these tests; none is a copy.
import { devSet, type DevCase } from './dev-set';

const CASES: DevCase[] = [
  {
    file: 'garden_retinanet.yaml',
    facts: { global_batch: 256, max_steps: 33000, precision: 'bf16', save_steps: 1000 },
    absent: ['seq_len'],
  },
  {
    file: 'autotrain_sft.yaml',
    facts: {
      model: 'meta-llama/Llama-3.2-1B',
      seq_len: 1024,
      epochs: 3,
      micro_batch: 2,
      grad_accum: 4,
      precision: 'bf16',
      peft: 'qlora',
    },
  },
  {
    file: 'mlx_lora.yaml',
    facts: { micro_batch: 4, max_steps: 1000, seq_len: 2048, grad_checkpointing: true, peft: 'lora', save_steps: 100 },
  },
  {
    file: 'sdxl_lora.toml',
    facts: {
      micro_batch: 4,
      epochs: 10,
      precision: 'bf16',
      grad_checkpointing: true,
      periodic_save: 'epoch',
      resolution: 1024,
      modality: 'vision',
      num_workers: 2,
    },
    absent: ['seq_len'],
  },
  {
    file: 'flux_lora_job.yaml',
    facts: {
      micro_batch: 1,
      max_steps: 2000,
      grad_checkpointing: true,
      precision: 'bf16',
      save_steps: 250,
      modality: 'vision',
    },
    absent: ['seq_len'],
  },
  {
    file: 'ppdet_yolo.yml',
    facts: { epochs: 24, micro_batch: 8, num_workers: 4, periodic_save: 'epoch' },
    absent: ['global_batch', 'max_steps', 'seq_len'],
  },
  {
    file: 'nemo_fastconformer.yaml',
    facts: { devices: 8, precision: 'bf16', epochs: 100, micro_batch: 16, modality: 'audio', num_workers: 8 },
    absent: ['seq_len'],
  },
  {
    file: 'levanter_llama_fp32.yaml',
    facts: { global_batch: 1024, max_steps: 10000, seq_len: 4096, precision: 'fp32' },
    absent: ['micro_batch'],
  },
  {
    file: 'titan_8b_tp.toml',
    facts: {
      micro_batch: 4,
      global_batch: 256,
      seq_len: 4096,
      max_steps: 10000,
      grad_checkpointing: false,
      compile: false,
      save_steps: 1000,
      tp: 2,
      precision: 'bf16',
    },
  },
  {
    file: 'sb_sep_hparams.yaml',
    facts: {
      epochs: 200,
      micro_batch: 1,
      precision: 'fp16',
      num_workers: 3,
      modality: 'audio',
      periodic_save: 'epoch',
    },
    absent: ['seq_len'],
  },
];

devSet('development set 3', 'test/fixtures/formats/vocab-dev-3', CASES, ['coco8_data.yaml', 'endpoint.yaml']);
