// Development cases of round 7: small and medium published runs (one GPU to a few nodes; consumer, older data-centre
// and current cards), collected for the small-run regime (issue 13). Listed in docs/evaluation/footprint-dev-7.md with
// the core's error before and after the change they informed. Same conventions as cases.ts: quality A = every input and
// the target explicit in the source; B = an input derived or recalled ([R]: recalled from the source, arithmetic-checked
// only), or a target rounded or derived from a stated throughput.
//
// Encoder-decoder runs (T5) are entered as a decoder-equivalent token count: FLOPs ≈ 6·(N_enc·S_in + N_dec·S_out) per
// example with N_enc ≈ N_dec ≈ N/2, i.e. 6·N·(S_in + S_out)/2 per example, so tokens = examples × (S_in + S_out)/2.
//
// Per-sample (image) runs on CIFAR-10 give forward FLOPs per image from the network's layers, computed here:
//   ResNet-9 (Page 2018, post 4): prep conv 3→64 at 32², conv 64→128 at 32², two 128→128 at 16², conv 128→256 at 16²,
//   conv 256→512 at 8², two 512→512 at 4² (3×3 kernels): 379.3 M multiply-accumulates = 0.759 GFLOPs;
//   the 18-layer pre-activation ResNet of the DAWNBench baseline (widths 64–512 at 32² to 4²): 0.557 G MACs = 1.11 GFLOPs.

import type { ValidationCase } from './cases';

const CIFAR10 = 50_000;
const IMAGENET = 1_281_167;
const RESNET9_FLOPS = 0.759e9;
const PREACT18_FLOPS = 1.11e9;
const LAMBDA_R9 =
  'Lambda Labs blog 2019, "ResNet9: train to 94% CIFAR10 accuracy in 100 seconds with a single Turing GPU" ' +
  '(https://lambdalabs.com/blog/resnet9-train-to-94-cifar10-accuracy-in-100-seconds): seconds to 94 %, 24 epochs, fp16, 1 GPU';
const MYRTLE =
  'Page 2018, "How to Train Your ResNet" (Myrtle.ai, https://myrtle.ai/learn/how-to-train-your-resnet/): training time on one V100';
const NEMO_T5 =
  'NVIDIA NeMo Framework user guide, "T5 Results" (https://docs.nvidia.com/nemo-framework/user-guide/latest/LLMs/T5/performance.html): ' +
  'GPUs, global batch, sequence length 512, 1T tokens, throughput and days to train (DGX A100 80GB)';
const NEMO_GPT =
  'NVIDIA NeMo Framework user guide 24.07, "Training with Predefined Configurations" ' +
  '(https://docs.nvidia.com/nemo-framework/user-guide/24.07/llms/gpt/trainingpredefined.html)';
const GPUBURNOUT =
  'GPUburnout-1B model cards (huggingface.co/GPUburnout/gpuburnout-1b and GPUburnout-1B-160K, 2025) and gpuburnout.com ' +
  '"The $175 experiment": 1.04B Llama-style, one A100 SXM 80GB; GPU-hours = tokens ÷ stated throughput';

function resnet9(
  id: string,
  name: string,
  hardware: string,
  seconds: number,
  source: string,
  year: number,
): ValidationCase {
  return {
    id,
    name,
    tier: 'device-hours',
    quality: 'A',
    family: 'dawnbench-cifar',
    year,
    inputs: {
      flopsPerSample: RESNET9_FLOPS,
      samples: CIFAR10,
      epochs: 24,
      hardware,
      devices: 1,
      precision: 'fp16',
      microBatch: 512,
    },
    target: { metric: 'gpuHours', value: seconds / 3600 },
    source,
    notes: 'ResNet-9 forward FLOPs computed from its layers (header); time to 94 % includes per-epoch evaluation',
  };
}

export const DEV7_CASES: readonly ValidationCase[] = [
  resnet9('r9-1080ti', 'ResNet-9 CIFAR-10, 24 epochs, one GTX 1080 Ti', 'gtx 1080 ti', 201, LAMBDA_R9, 2019),
  resnet9('r9-2080ti', 'ResNet-9 CIFAR-10, 24 epochs, one RTX 2080 Ti', 'rtx 2080 ti', 131, LAMBDA_R9, 2019),
  resnet9('r9-titanrtx', 'ResNet-9 CIFAR-10, 24 epochs, one TITAN RTX', 'titan rtx', 101, LAMBDA_R9, 2019),
  resnet9('r9-v100-lambda', 'ResNet-9 CIFAR-10, 24 epochs, one V100 (Lambda)', 'v100', 75, LAMBDA_R9, 2019),
  resnet9(
    'r9-v100-myrtle',
    'ResNet-9 CIFAR-10, 24 epochs, one V100 (Myrtle post 4)',
    'v100',
    79,
    `${MYRTLE}, post 4 (79 s)`,
    2018,
  ),
  {
    id: 'preact18-myrtle-b128',
    name: 'DAWNBench baseline ResNet-18 (pre-activation) CIFAR-10, batch 128, one V100',
    tier: 'device-hours',
    quality: 'B',
    family: 'dawnbench-cifar',
    year: 2018,
    inputs: {
      flopsPerSample: PREACT18_FLOPS,
      samples: CIFAR10,
      epochs: 35,
      hardware: 'v100',
      devices: 1,
      precision: 'fp16',
      microBatch: 128,
    },
    target: { metric: 'gpuHours', value: 297 / 3600 },
    source: `${MYRTLE}, post 1 (297 s)`,
    notes: '35 epochs [R]; network FLOPs computed from the layers (header)',
  },
  {
    id: 'preact18-myrtle-b512',
    name: 'DAWNBench baseline ResNet-18 (pre-activation) CIFAR-10, batch 512, one V100',
    tier: 'device-hours',
    quality: 'B',
    family: 'dawnbench-cifar',
    year: 2018,
    inputs: {
      flopsPerSample: PREACT18_FLOPS,
      samples: CIFAR10,
      epochs: 35,
      hardware: 'v100',
      devices: 1,
      precision: 'fp16',
      microBatch: 512,
    },
    target: { metric: 'gpuHours', value: 256 / 3600 },
    source: `${MYRTLE}, post 2 (256 s)`,
    notes: '35 epochs [R]; network FLOPs computed from the layers (header)',
  },
  {
    id: 'rsb-a1-rn50',
    name: 'ResNet-50, ResNet strikes back A1 (600 epochs), 4× V100 32GB',
    tier: 'device-hours',
    quality: 'A',
    family: 'rsb',
    year: 2021,
    inputs: {
      architecture: 'resnet50',
      samples: IMAGENET,
      epochs: 600,
      hardware: 'v100 32gb',
      devices: 4,
      precision: 'fp16',
    },
    target: { metric: 'gpuHours', value: 4 * 4.6 * 24 },
    source:
      'Wightman, Touvron & Jégou 2021, "ResNet strikes back" (arXiv 2110.00476) §2: A1 takes 4.6 days on one node of 4 V100 32GB',
  },
  {
    id: 'goyal-8p100',
    name: 'ResNet-50, 90 epochs, 8× P100 (baseline of Goyal et al.)',
    tier: 'device-hours',
    quality: 'B',
    family: 'goyal',
    year: 2017,
    inputs: {
      architecture: 'resnet50',
      samples: IMAGENET,
      epochs: 90,
      hardware: 'p100',
      devices: 8,
      precision: 'fp32',
    },
    target: { metric: 'gpuHours', value: 8 * 29 },
    source:
      'Goyal et al. 2017, "Accurate, Large Minibatch SGD" (arXiv 1706.02677) §1: ResNet-50 on 8 P100 takes 29 hours; ' +
      'NVIDIA developer news 2017 "Facebook trains ImageNet in 1 hour" (29 hours → 1)',
    notes: 'fp32 (Caffe2, no tensor cores on P100)',
  },
  {
    id: 'nemo-t5-220m',
    name: 'T5 220M (NeMo), 1T tokens, 32× A100 80GB',
    tier: 'device-hours',
    quality: 'B',
    family: 'nemo',
    year: 2023,
    encoder: true,
    inputs: {
      params: 220e6,
      tokens: 1e12 * (640 / 1024),
      hardware: 'a100',
      devices: 32,
      precision: 'bf16',
      seqLen: 512,
    },
    target: { metric: 'gpuHours', value: 32 * 4 * 24 },
    also: [{ metric: 'gpuHours', value: (32 * 1e12) / 3_273_728 / 3600 }],
    source: NEMO_T5,
    notes:
      'tokens = 1T encoder tokens × (512 + 128)/(2 × 512) decoder-equivalent (header; 128 target tokens [R]); 4 days ' +
      'to train as published (3.5 days from the stated 3,273,728 tokens/s)',
  },
  {
    id: 'nemo-t5-3b',
    name: 'T5 3B (NeMo), 1T tokens, 160× A100 80GB',
    tier: 'device-hours',
    quality: 'B',
    family: 'nemo',
    year: 2023,
    encoder: true,
    inputs: {
      params: 2.85e9,
      tokens: 1e12 * (640 / 1024),
      hardware: 'a100',
      devices: 160,
      precision: 'bf16',
      seqLen: 512,
    },
    target: { metric: 'gpuHours', value: 160 * 11 * 24 },
    also: [{ metric: 'gpuHours', value: (160 * 1e12) / 1_395_131 / 3600 }],
    source: NEMO_T5,
    notes: '11 days to train as published (8.3 days from the stated 1,395,131 tokens/s); 2.85B parameters [R]',
  },
  {
    id: 'nemo-gpt-126m',
    name: 'GPT 126M (NeMo predefined configuration), 8 nodes × 8 A100',
    tier: 'device-hours',
    quality: 'B',
    family: 'nemo',
    year: 2024,
    inputs: { params: 126e6, tokens: 300e9, hardware: 'a100', devices: 64, precision: 'bf16', seqLen: 2048 },
    target: { metric: 'gpuHours', value: 64 * 20 },
    source: `${NEMO_GPT}: "can be trained in about 20 hours using 8 nodes with 8 GPUs per node", sequence 2048, bf16`,
    notes: '300B tokens [R] (the predefined GPT configurations train on 300B tokens)',
  },
  {
    id: 'nemo-gpt-5b',
    name: 'GPT 5B (NeMo predefined configuration), 20 nodes × 8 A100',
    tier: 'device-hours',
    quality: 'B',
    family: 'nemo',
    year: 2024,
    inputs: { params: 5e9, tokens: 300e9, hardware: 'a100', devices: 160, precision: 'bf16', seqLen: 2048 },
    target: { metric: 'gpuHours', value: 160 * 5 * 24 },
    source: `${NEMO_GPT}: 5B configuration, about 5 days on 20 nodes [R]`,
    notes: '300B tokens [R]; days and nodes [R]',
  },
  {
    id: 'nanot5-base',
    name: 'nanoT5: T5-base v1.1 (248M) pre-training on one A100',
    tier: 'device-hours',
    quality: 'B',
    family: 'nanot5',
    year: 2023,
    encoder: true,
    inputs: {
      params: 248e6,
      tokens: 65_536 * 128 * ((512 + 114) / 2),
      hardware: 'a100',
      devices: 1,
      precision: 'bf16',
      microBatch: 128,
      seqLen: 512,
    },
    target: { metric: 'gpuHours', value: 16 },
    source:
      'Nawrot 2023, "nanoT5" (arXiv 2309.02373, EMNLP 2023 NLP-OSS): T5-base pre-trained on a single GPU in 16 hours',
    notes: '2^16 steps × batch 128 × (512 input + 114 target)/2 tokens [R]',
  },
  {
    id: 'giles-gpt2-3090',
    name: 'GPT-2 small (163M, untied) from scratch, 3.2B tokens, one RTX 3090',
    tier: 'device-hours',
    quality: 'B',
    family: 'giles-3090',
    year: 2025,
    inputs: { params: 163e6, tokens: 3.2e9, hardware: 'rtx 3090', devices: 1, precision: 'bf16', seqLen: 1024 },
    target: { metric: 'gpuHours', value: 48 },
    source:
      'Thomas 2025, "Writing an LLM from scratch, part 28 – training a base model from scratch on an RTX 3090" (gilesthomas.com); ' +
      'about 48 hours as summarised by fooqux.com/article/1171',
    notes: 'AMP + TF32; 12–20k tokens/s stated',
  },
  {
    id: 'gpt2-4090-speedrun',
    name: 'GPT-2 124M to 3.28 val loss, 0.92B tokens, one RTX 4090 (FP8 matmuls)',
    tier: 'device-hours',
    quality: 'B',
    family: 'gpt2-4090',
    year: 2025,
    inputs: { params: 124e6, tokens: 0.92e9, hardware: 'rtx 4090', devices: 1, precision: 'fp8', seqLen: 1024 },
    target: { metric: 'gpuHours', value: 115 / 60 },
    source:
      'r/LocalLLaMA 2025, "NanoGPT 124m from scratch using a 4090 and a billion tokens": 115 minutes, 0.92B tokens, 130–140k tokens/s',
    notes: 'torch.compile, FP8 matmuls, custom Triton kernels (a speed-run code base)',
  },
  {
    id: 'gpuburnout-1b-90k',
    name: 'GPUburnout-1B (Llama-style 1.04B), 11.8B tokens, one A100 80GB',
    tier: 'device-hours',
    quality: 'B',
    family: 'gpuburnout',
    year: 2025,
    inputs: { params: 1.04e9, tokens: 11.8e9, hardware: 'a100', devices: 1, precision: 'bf16', seqLen: 2048 },
    target: { metric: 'gpuHours', value: 11.8e9 / 28_535 / 3600 },
    source: `${GPUBURNOUT}; ~28,535 tokens/s`,
    notes: 'gradient checkpointing and torch.compile stated; target from the stated throughput, not a wall clock',
  },
  {
    id: 'gpuburnout-1b-160k',
    name: 'GPUburnout-1B-160K (Llama-style 1.04B), 20.97B tokens, one A100 80GB',
    tier: 'device-hours',
    quality: 'B',
    family: 'gpuburnout',
    year: 2025,
    inputs: { params: 1.04e9, tokens: 20.97e9, hardware: 'a100', devices: 1, precision: 'bf16', seqLen: 2048 },
    target: { metric: 'gpuHours', value: 20.97e9 / 30_500 / 3600 },
    source: `${GPUBURNOUT}; ~30,500 tokens/s`,
    notes: 'target from the stated throughput',
  },
  {
    id: 'sd15-lora-pokemon-t4',
    name: 'Stable Diffusion 1.5 LoRA on Pokémon captions, 15,000 steps × 4, one T4',
    tier: 'device-hours',
    quality: 'B',
    family: 'sd-lora-t4',
    year: 2023,
    inputs: {
      architecture: 'sd-unet-v1',
      resolution: 512,
      // 15,000 steps × 4 images: the run's total, one pass over it.
      samples: 15_000 * 4,
      epochs: 1,
      hardware: 't4',
      devices: 1,
      precision: 'fp16',
      peft: { method: 'lora' },
      microBatch: 1,
    },
    target: { metric: 'gpuHours', value: 6 },
    source:
      'juliensimon/stable-diffusion-v1-5-pokemon-lora model card and script_sd.sh (Hugging Face, 2023): g4dn.xlarge (1× T4), ' +
      '"training time was about 6 hours"; batch 1, gradient accumulation 4, 15,000 steps, 512 px, fp16',
  },
  {
    id: 'spanbert-340m',
    name: 'SpanBERT 340M pre-training, 32× V100',
    tier: 'device-hours',
    quality: 'B',
    family: 'spanbert',
    year: 2020,
    encoder: true,
    inputs: {
      params: 340e6,
      tokens: 2.4e6 * 256 * 512,
      hardware: 'v100 32gb',
      devices: 32,
      precision: 'fp16',
      seqLen: 512,
    },
    target: { metric: 'gpuHours', value: 32 * 15 * 24 },
    source: 'Joshi et al. 2020, "SpanBERT" (TACL, arXiv 1907.10529) §4: 15 days on 32 Volta V100 GPUs [R]',
    notes: '2.4M steps × 256 × 512 tokens [R]',
  },
];

const NORTHCUTT =
  'Northcutt 2019, cgnorthcutt/cnn-gpu-benchmarks README (commit 1fe38ac), "AVERAGE-BATCH-TIME (ImageNet)": milliseconds per ' +
  'image averaged over one ImageNet epoch, one GPU in isolation, PyTorch ImageNet example (fp32, no AMP), CUDA 10.1';

function northcutt(
  arch: string,
  hardware: string,
  card: string,
  msPerImage: number,
  microBatch: number,
): ValidationCase {
  return {
    id: `northcutt-${arch}-${card}`,
    name: `${arch} one ImageNet epoch, one ${hardware} (Northcutt 2019)`,
    tier: 'device-hours',
    quality: 'B',
    family: 'northcutt-2019',
    year: 2019,
    inputs: { architecture: arch, samples: IMAGENET, epochs: 1, hardware, devices: 1, precision: 'fp32', microBatch },
    target: { metric: 'gpuHours', value: (msPerImage * IMAGENET) / 3.6e6 },
    source: NORTHCUTT,
    notes: 'one epoch at the stated average time per image (no evaluation); the EVGA (non-blower) 2080 Ti row',
  };
}

/**
 * A SECOND batch, labelled after the core's change and before it was run on them; NOT in CASES (nothing is fitted on
 * it): scored once by scripts/score-dev-cases.ts --second (docs/evaluation/footprint-dev-7.md, "Second batch").
 */
export const DEV7_SECOND: readonly ValidationCase[] = [
  northcutt('resnet152', 'RTX 2080 Ti', '2080ti', 8.78, 32),
  northcutt('resnet101', 'RTX 2080 Ti', '2080ti', 5.92, 64),
  northcutt('resnet50', 'RTX 2080 Ti', '2080ti', 3.78, 64),
  northcutt('resnet18', 'RTX 2080 Ti', '2080ti', 1.34, 128),
  northcutt('resnet152', 'TITAN RTX', 'titanrtx', 8.34, 32),
  northcutt('resnet101', 'TITAN RTX', 'titanrtx', 5.64, 64),
  northcutt('resnet50', 'TITAN RTX', 'titanrtx', 3.56, 64),
  northcutt('resnet18', 'TITAN RTX', 'titanrtx', 1.28, 128),
];
