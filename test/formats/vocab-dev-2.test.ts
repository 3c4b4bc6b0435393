// The vocabulary's second development set, written after the first (./vocab-dev.test.ts) was made to pass and
// scored once before any change for it: configs of frameworks the first set did not have (nanotron, ESPnet,
// OpenNMT, latent diffusion, LeRobot-style and Coqui-style JSON) and new variants of its frameworks.
// Fixtures in test/fixtures/formats/vocab-dev-2 were written for these tests; none is a copy.
import { devSet, type DevCase } from './dev-set';

const CASES: DevCase[] = [
  {
    file: 'nanotron_1b.yaml',
    facts: {
      devices: 8,
      tp: 2,
      pp: 1,
      dp: 4,
      micro_batch: 4,
      grad_accum: 8,
      seq_len: 2048,
      max_steps: 20000,
      precision: 'bf16',
      save_steps: 1000,
      params: true,
    },
  },
  {
    file: 'espnet_conformer_asr.yaml',
    facts: { epochs: 35, grad_accum: 4, precision: 'fp16', num_workers: 2, modality: 'audio' },
    absent: ['micro_batch', 'seq_len'],
  },
  {
    file: 'onmt_transformer_big.yaml',
    facts: { max_steps: 200000, devices: 4, grad_accum: 2, precision: 'fp16', save_steps: 10000 },
    absent: ['micro_batch'],
  },
  {
    file: 'ldm_txt2img.yaml',
    facts: { micro_batch: 8, grad_accum: 2, num_workers: 4, save_steps: 5000, modality: 'vision' },
    absent: ['seq_len'],
  },
  {
    file: 'robot_policy.json',
    facts: { micro_batch: 8, max_steps: 100000, save_steps: 20000, num_workers: 4, precision: 'fp32' },
    absent: ['seq_len'],
  },
  {
    file: 'tts_vits.json',
    facts: { micro_batch: 32, epochs: 1000, precision: 'fp16', save_steps: 10000, num_workers: 8, modality: 'audio' },
    absent: ['seq_len'],
  },
  {
    file: 'ssl_vitl_fp16.yaml',
    facts: { micro_batch: 32, epochs: 500, precision: 'fp16', resolution: 224, modality: 'vision', num_workers: 10 },
    absent: ['seq_len'],
  },
  {
    file: 'sb_lm_hparams.yaml',
    facts: { epochs: 20, micro_batch: 80, precision: 'fp16', periodic_save: 'epoch' },
  },
  {
    file: 'roberta_base_pretrain.yaml',
    facts: {
      precision: 'fp16',
      micro_batch: 16,
      max_steps: 125000,
      grad_accum: 16,
      devices: 16,
      seq_len: 512,
      save_steps: 2000,
      periodic_save: 'steps',
    },
    absent: ['train_tokens'],
  },
  {
    file: 'nemo_llama_lora.yaml',
    facts: {
      devices: 8,
      precision: 'bf16',
      micro_batch: 1,
      global_batch: 128,
      grad_accum: 64,
      tp: 4,
      pp: 1,
      max_steps: 1000,
      peft: 'lora',
      seq_len: 4096,
    },
  },
  {
    file: 'verl_sft_ppo.yaml',
    facts: {
      devices: 4,
      max_steps: 500,
      micro_batch: 2,
      save_steps: 50,
      grad_checkpointing: false,
      precision: 'bf16',
      model: 'deepseek-ai/deepseek-llm-7b-chat',
    },
    absent: ['tp'],
  },
  {
    file: 'maxtext_llama_finetune.yml',
    facts: {
      micro_batch: 2,
      max_steps: 10,
      seq_len: 2048,
      grad_checkpointing: true,
      periodic_save: 'no',
      precision: 'bf16',
    },
  },
  {
    file: 'titan_debug.toml',
    facts: { micro_batch: 8, seq_len: 2048, max_steps: 500, precision: 'fp32', periodic_save: 'no' },
    absent: ['dp', 'save_steps'],
  },
  {
    file: 'yolo_seg.yaml',
    facts: { epochs: 100, devices: 2, resolution: 640, num_workers: 8, modality: 'vision', precision: 'fp16' },
    absent: ['global_batch', 'seq_len'],
  },
  {
    file: 'd2_tiny_run.yaml',
    facts: { global_batch: 2, max_steps: 300, num_workers: 2, precision: 'fp32', modality: 'vision' },
    absent: ['seq_len'],
  },
  {
    file: 'lit_style_vision.yaml',
    facts: {
      devices: 2,
      epochs: 50,
      precision: 'fp16',
      micro_batch: 64,
      num_workers: 8,
      resolution: 128,
      modality: 'vision',
    },
    absent: ['seq_len'],
  },
];

devSet('development set 2', 'test/fixtures/formats/vocab-dev-2', CASES, ['hellaswag_task.yaml', 'serve_values.yaml']);
