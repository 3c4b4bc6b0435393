// Development reference cases: published training runs with their inputs and a published target value.
//
// These are the cases the estimator was *developed* on. The constants marked [F] are computed from them by core/fit.ts
// (medians over a whole architecture or family, never per case). scripts/validate-footprint.ts reports, as its
// headline, the error when each model family is left out and the constants are refitted on the others
// (leave-one-family-out, caseFamily below); the in-sample error (constants fitted on every case) is printed beside it.
//
// Tiers:
//   convention       the published figure is arithmetic on stated device-hours (GPU-h × TDP × PUE × grid factor); the
//                    estimator must reproduce it exactly when given the same inputs;
//   device-hours     the published figure is device-hours; the estimator predicts them from parameters, tokens and
//                    hardware (the baseline is plain 6·N·D at 40 % MFU, ≈22 % median error on these runs), or for
//                    per-sample workloads (vision) from the architecture's forward FLOPs × 3 × samples × epochs (baseline:
//                    the same FLOPs at 40 % MFU);
//   measured-energy  the published figure is energy from measured power; the estimator predicts it from its power model
//                    (and, for end-to-end cases, its device-hours model).
// Quality: A = every input and the target explicit in a primary source (rounding ≤ ~5 %); B = an input or the target is
// bounded, rounded more coarsely or partly assumed (shown and validated; never used to fit a mid value, only the width of
// the utilisation band, which has to cover runs as they are published).
//
// Runs of models that are in a held-out set (Llama 3.2 1B/3B, Phi-1.5, Phi-2, TinyLlama, among others) are kept out of
// these cases: they judge the core, never train it (test/core/validation.test.ts checks).
//
// Numbers were checked against the primary sources cited on each case and against the dataset of Cuuper22/gpu_stack-
// (experiments/v002-graph-published-runs/build_dataset.py), which cites each figure to a PDF page. Values marked [R]
// were recalled and only arithmetic-checked.

import type { RunInputs } from '../types';
import { DEV7_CASES } from './cases-dev7';
import { SPENT_CASES } from './cases-spent';

export type CaseTier = 'convention' | 'device-hours' | 'measured-energy';
export type CaseMetric = 'gpuHours' | 'energyKWh' | 'co2eKg' | 'acceleratorKWh';

export interface ValidationCase {
  id: string;
  name: string;
  tier: CaseTier;
  quality: 'A' | 'B';
  inputs: RunInputs;
  /** The published value the estimate is compared with. acceleratorKWh = accelerator energy only, before PUE. */
  target: { metric: CaseMetric; value: number };
  /** Further published values, shown but not used in the medians. */
  also?: Array<{ metric: CaseMetric; value: number }>;
  source: string;
  notes?: string;
  /**
   * Model family for k-fold validation (scripts/validate-footprint.ts leaves a whole family out at a time, so that
   * sibling runs from the same paper, code and cluster never judge each other). Defaults to the id.
   */
  family?: string;
  /** Year of the source. */
  year?: number;
  /** Encoder-only model pre-trained with a denoising objective (MLM, replaced-token detection, permutation LM). */
  encoder?: boolean;
}

const LLAMA1 =
  'Touvron et al. 2023, "LLaMA" (arXiv 2302.13971), Table 2 (params, tokens) and Table 15 (A100-80GB GPU-hours)';
const LLAMA2 =
  'Touvron et al. 2023, "Llama 2" (arXiv 2307.09288), Table 1 (tokens) and Table 2 (GPU-hours); params from the HF safetensors totals';
const PYTHIA =
  'Biderman et al. 2023, "Pythia" (arXiv 2304.01373), Table 1 (shape, non-embedding params) and Table 5 (GPU count, GPU-hours); 299,892,736,000 tokens (Pythia README)';
const PATTERSON =
  'Patterson et al. 2021, "Carbon emissions and large neural network training" (arXiv 2104.10350), Table 4';
const DLE_RN50 =
  'NVIDIA DeepLearningExamples PyTorch/Classification/ConvNets/resnet50v1.5/README.md (commit 3bbe228, pytorch-19.10 container), ' +
  '"Training time for 90 epochs"; ImageNet-1k train split 1,281,167 images';
const DLE_EFFNET =
  'NVIDIA DeepLearningExamples PyTorch/Classification/ConvNets/efficientnet/README.md (PyTorch 20.12 container), "Training accuracy results" ' +
  '(time to train, 400 epochs, hours); ImageNet-1k train split 1,281,167 images';
const IMAGENET = 1_281_167;

/** A DeepLearningExamples image-classification run: device-hours = GPUs × published time to train. */
function dle(
  id: string,
  name: string,
  architecture: string,
  epochs: number,
  hardware: string,
  devices: number,
  precision: 'fp16' | 'fp32' | 'tf32',
  hours: number,
  quality: 'A' | 'B',
  source: string,
  notes: string,
): ValidationCase {
  return {
    id,
    name,
    tier: 'device-hours',
    quality,
    inputs: { architecture, samples: IMAGENET, epochs, hardware, devices, precision },
    target: { metric: 'gpuHours', value: devices * hours },
    source,
    notes,
  };
}

/** Pythia total parameters = non-embedding + untied embedding and unembedding (2 × 50,304 × d_model). */
function pythia(
  name: string,
  nonEmbedding: number,
  layers: number,
  hidden: number,
  heads: number,
  devices: number,
  gpuHours: number,
  precision: 'fp16' | 'bf16' = 'fp16',
): ValidationCase {
  return {
    id: `pythia-${name.toLowerCase()}`,
    name: `Pythia ${name}`,
    tier: 'device-hours',
    quality: 'A',
    inputs: {
      params: nonEmbedding + 2 * 50304 * hidden,
      tokens: 299_892_736_000,
      hardware: 'a100-sxm4-40gb',
      devices,
      precision,
      shape: { layers, hidden, heads, vocab: 50304, ffn: 4 * hidden },
    },
    target: { metric: 'gpuHours', value: gpuHours },
    source: PYTHIA,
    notes: 'GPU-hours computed by the authors from logged iteration time; fp16 except 1B (bf16)',
  };
}

export const CASES: readonly ValidationCase[] = [
  // ============================================================================================ convention
  {
    id: 'llama2-7b-convention',
    name: 'Llama 2 7B (Meta convention)',
    tier: 'convention',
    quality: 'A',
    inputs: { gpuHours: 184_320, powerW: 400, pue: 1.1, intensity: 385 },
    target: { metric: 'co2eKg', value: 31_220 },
    also: [{ metric: 'energyKWh', value: 81_100.8 }],
    source:
      'Llama 2 model card / Touvron et al. 2023 Table 2 (184,320 GPU-h, 400 W, 31.22 tCO2eq); LLaMA paper Table 15 (PUE 1.1, 0.385 kg/kWh)',
    notes: 'Energy 81,100.8 kWh = 184,320 h × 0.4 kW × 1.1 [D]',
  },
  {
    id: 'bloom-dynamic-convention',
    name: 'BLOOM 176B dynamic energy (Luccioni convention)',
    tier: 'convention',
    quality: 'A',
    inputs: { gpuHours: 1_082_990, powerW: 400, pue: 1.0, intensity: 57 },
    target: { metric: 'energyKWh', value: 433_196 },
    also: [{ metric: 'co2eKg', value: 24_690 }],
    source: 'Luccioni et al. 2022, "Estimating the carbon footprint of BLOOM" (arXiv 2211.02001), Tables 1–2',
    notes: 'Dynamic consumption = GPU-h × 400 W exactly; PUE applied separately to the idle/infrastructure share',
  },
  {
    id: 'llama1-65b-convention',
    name: 'LLaMA 65B (Meta convention)',
    tier: 'convention',
    quality: 'A',
    inputs: { gpuHours: 1_022_362, powerW: 400, pue: 1.1, intensity: 385 },
    target: { metric: 'energyKWh', value: 449_000 },
    also: [{ metric: 'co2eKg', value: 173_000 }],
    source: `${LLAMA1} — 449 MWh, 173 tCO2eq [R]`,
    notes: 'Published values rounded to 1 MWh / 1 t; 1,022,362 × 0.4 × 1.1 = 449.8 MWh [D]',
  },
  {
    id: 'bloom-idle-convention',
    name: 'BLOOM 176B dynamic + idle energy (Luccioni convention, includeIdle)',
    tier: 'convention',
    quality: 'A',
    inputs: { gpuHours: 1_082_990, powerW: 400, pue: 1.0, intensity: 57, includeIdle: true },
    target: { metric: 'energyKWh', value: 433_196 + 256_646 },
    also: [{ metric: 'co2eKg', value: 24_690 + 14_600 }],
    source:
      'Luccioni et al. 2022 (arXiv 2211.02001), Tables 1–2: dynamic 433,196 kWh (24.69 t) + idle 256,646 kWh (14.6 t)',
    notes: 'IDLE_SHARE (59 %) is this ratio rounded, so the case checks the arithmetic, not a prediction',
  },
  {
    id: 'sd-v1-convention',
    name: 'Stable Diffusion v1 (ML CO2 Impact calculator convention)',
    tier: 'convention',
    quality: 'A',
    inputs: { gpuHours: 150_000, powerW: 250, pue: 1.0, intensity: 300 },
    target: { metric: 'co2eKg', value: 11_250 },
    source:
      'CompVis/stable-diffusion-v1-4 model card, "Environmental Impact" (A100 PCIe 40GB, 150,000 hours, AWS US-east, 11,250 kg CO2 eq. ' +
      "via the ML CO2 Impact calculator, Lacoste et al. 2019); 250 W is that calculator's A100 PCIe figure (mlco2/impact data/gpus.csv)",
    notes: 'Intensity 0.3 kg/kWh implied: 11,250 kg ÷ (150,000 h × 0.25 kW) [D]; no PUE in that calculator',
  },
  {
    id: 'starcoder-convention',
    name: 'StarCoderBase 15.5B (assumed 280 W)',
    tier: 'convention',
    quality: 'A',
    inputs: { gpuHours: 320_256, powerW: 280, pue: 1.0 },
    target: { metric: 'energyKWh', value: 89_671.68 },
    source: 'Li et al. 2023, "StarCoder" (arXiv 2305.06161), §5.7 (320,256 GPU-h × 280 W average power)',
  },

  {
    id: 'granite3-8b-convention',
    name: 'Granite 3.0 8B (IBM convention: GPU-h × 700 W × PUE 1.3)',
    tier: 'convention',
    quality: 'A',
    family: 'granite',
    year: 2024,
    inputs: { gpuHours: 832_102, powerW: 700, pue: 1.3, intensity: 390 },
    target: { metric: 'energyKWh', value: 757_000 },
    also: [{ metric: 'co2eKg', value: 295_200 }],
    source: 'IBM Granite Team 2024, "Granite 3.0 Language Models", Table 7 and §6',
    notes:
      '"Wh = GPU-hours× (GPU power consumption)× PUE where Power Usage Effectiveness (PUE) is set with 1.3 ... 0.39 kg CO2eq/KWh"; 757.0 MWh, 295.2 tCO2eq',
  },

  {
    id: 'granite3-2b-convention',
    name: 'Granite 3.0 2B (IBM convention: GPU-h × 700 W × PUE 1.3)',
    tier: 'convention',
    quality: 'A',
    family: 'granite',
    year: 2024,
    inputs: { gpuHours: 192_030, powerW: 700, pue: 1.3, intensity: 390 },
    target: { metric: 'energyKWh', value: 174_600 },
    also: [{ metric: 'co2eKg', value: 68_100 }],
    source: 'IBM Granite Team 2024, "Granite 3.0 Language Models", Table 7 and §6',
    notes: '"Granite 3.0 2B 700W 192,030 174.6 68.1" (GPU-hours, MWh, tCO2eq); PUE 1.3, 0.39 kg CO2eq/kWh',
  },

  ...(
    [
      ['1b-a400m', '1B-A400M', '1B-400M', 71_171, 64_500, 25_200],
      ['3b-a800m', '3B-A800M', '3B-800M', 133_308, 121_200, 47_200],
    ] as const
  ).map(([id, name, row, hours, kWh, kg]): ValidationCase => ({
    id: `granite3-${id}-convention`,
    name: `Granite 3.0 ${name} (IBM convention: GPU-h × 700 W × PUE 1.3)`,
    tier: 'convention',
    quality: 'A',
    family: 'granite',
    year: 2024,
    inputs: { gpuHours: hours, powerW: 700, pue: 1.3, intensity: 390 },
    target: { metric: 'energyKWh', value: kWh },
    also: [{ metric: 'co2eKg', value: kg }],
    source: 'IBM Granite Team 2024, "Granite 3.0 Language Models", Table 7 and §6',
    notes: `"Granite 3.0 ${row} 700W ${hours.toLocaleString('en-US')} ${(kWh / 1000).toFixed(1)} ${(kg / 1000).toFixed(1)}" (GPU-hours, MWh, tCO2eq); PUE 1.3, 0.39 kg CO2eq/kWh`,
  })),

  // ============================================================================================ device-hours
  ...(
    [
      ['7B', 6.7e9, 1.0e12, 82_432, undefined],
      ['13B', 13.0e9, 1.0e12, 135_168, undefined],
      ['33B', 32.5e9, 1.4e12, 530_432, undefined],
      ['65B', 65.2e9, 1.4e12, 1_022_362, 2048],
    ] as const
  ).map(([name, params, tokens, hours, devices]): ValidationCase => ({
    id: `llama1-${name.toLowerCase()}`,
    name: `LLaMA ${name}`,
    tier: 'device-hours',
    quality: 'A',
    inputs: { params, tokens, hardware: 'a100-sxm4-80gb', precision: 'bf16', ...(devices ? { devices } : {}) },
    target: { metric: 'gpuHours', value: hours },
    source: LLAMA1 + (devices ? '; 2048 A100-80GB for 65B (p. 4)' : ''),
    notes: devices ? undefined : 'GPU count not reported',
  })),
  ...(
    [
      ['7B', 6_738_417_664, 184_320],
      ['13B', 13_015_866_880, 368_640],
      ['34B', 34e9, 1_038_336],
      ['70B', 68_976_653_312, 1_720_320],
    ] as const
  ).map(([name, params, hours]): ValidationCase => ({
    id: `llama2-${name.toLowerCase()}`,
    name: `Llama 2 ${name}`,
    tier: 'device-hours',
    quality: 'A',
    inputs: { params, tokens: 2.0e12, hardware: 'a100-sxm4-80gb', precision: 'bf16' },
    target: { metric: 'gpuHours', value: hours },
    source: LLAMA2,
    notes:
      'GPU count not reported; part of the hours ran at a 350 W cap' + (name === '34B' ? '; 34B params nominal' : ''),
  })),
  {
    id: 'llama31-405b',
    name: 'Llama 3.1 405B',
    tier: 'device-hours',
    quality: 'A',
    inputs: { params: 405_853_388_800, tokens: 15.6e12, hardware: 'h100-sxm', devices: 16_384, precision: 'bf16' },
    target: { metric: 'gpuHours', value: 30.84e6 },
    source:
      'Llama Team 2024, "The Llama 3 Herd of Models" (arXiv 2407.21783), pp. 1–3, 9 (15.6T tokens, up to 16K H100); Llama 3.1 model card (30.84M GPU-h)',
    notes: 'Hours include long-context continuation; reported step MFU 38–43 %',
  },
  {
    id: 'llama31-8b',
    name: 'Llama 3.1 8B',
    tier: 'device-hours',
    quality: 'B',
    inputs: { params: 8_030_261_248, tokens: 15e12, hardware: 'h100-sxm', precision: 'bf16' },
    target: { metric: 'gpuHours', value: 1.46e6 },
    source: 'Llama 3.1 model card (1.46M GPU-h; "15T+" tokens)',
    notes: 'Tokens are a lower bound',
  },
  {
    id: 'llama31-70b',
    name: 'Llama 3.1 70B',
    tier: 'device-hours',
    quality: 'B',
    inputs: { params: 70_553_706_496, tokens: 15e12, hardware: 'h100-sxm', precision: 'bf16' },
    target: { metric: 'gpuHours', value: 7.0e6 },
    source: 'Llama 3.1 model card (7.0M GPU-h; "15T+" tokens)',
    notes: 'Tokens are a lower bound',
  },
  pythia('70M', 18_915_328, 6, 512, 8, 32, 510),
  pythia('160M', 85_056_000, 12, 768, 12, 32, 1_030),
  pythia('410M', 302_311_424, 24, 1024, 16, 32, 2_540),
  pythia('1B', 805_736_448, 16, 2048, 8, 64, 4_830, 'bf16'),
  pythia('1.4B', 1_208_602_624, 24, 2048, 16, 64, 7_120),
  pythia('2.8B', 2_517_652_480, 32, 2560, 32, 64, 14_240),
  pythia('6.9B', 6_444_163_072, 32, 4096, 32, 128, 33_500),
  pythia('12B', 11_327_027_200, 36, 5120, 40, 256, 72_300),
  {
    id: 'bloom-176b',
    name: 'BLOOM 176B',
    tier: 'device-hours',
    quality: 'A',
    inputs: {
      params: 176_247e6,
      tokens: 366e9,
      hardware: 'a100-sxm4-80gb',
      devices: 384,
      precision: 'bf16',
      shape: { layers: 70, hidden: 14336, heads: 112, vocab: 250_680 },
    },
    target: { metric: 'gpuHours', value: 1_082_990 },
    source: 'BigScience 2022, "BLOOM" (arXiv 2211.05100), pp. 18–21; Luccioni et al. 2022 Table 1',
  },
  {
    id: 'palm-540b',
    name: 'PaLM 540B',
    tier: 'device-hours',
    quality: 'A',
    inputs: { params: 540.35e9, tokens: 780e9, hardware: 'tpu-v4', devices: 6144, precision: 'bf16' },
    target: { metric: 'gpuHours', value: 6144 * 1200 + 3072 * 336 },
    source:
      'Chowdhery et al. 2022, "PaLM" (arXiv 2204.02311), Table 1, p. 3 and App. B (6144 chips × 1200 h + 3072 × 336 h)',
    notes: 'Chip-hours include some downtime and repeated steps; step MFU 45.7 %',
  },
  {
    id: 'gopher-280b',
    name: 'Gopher 280B',
    tier: 'device-hours',
    quality: 'A',
    inputs: { params: 280e9, tokens: 300e9, hardware: 'tpu-v3', devices: 4096, precision: 'bf16' },
    target: { metric: 'gpuHours', value: 4096 * 920 },
    source: 'Rae et al. 2021, "Gopher" (arXiv 2112.11446), Table 1, p. 6 and Table A27 (4096 TPUv3 for 920 h)',
  },
  {
    id: 'mpt-7b',
    name: 'MPT-7B',
    tier: 'device-hours',
    quality: 'A',
    inputs: { params: 6.7e9, tokens: 1e12, hardware: 'a100-sxm4-40gb', devices: 440, precision: 'bf16' },
    target: { metric: 'gpuHours', value: 440 * 9.5 * 24 },
    source: 'MosaicML 2023, "Introducing MPT-7B" (440 × A100-40GB, ~9.5 days, 1T tokens)',
  },
  {
    id: 'smollm3-3b',
    name: 'SmolLM3 3B',
    tier: 'device-hours',
    quality: 'A',
    inputs: {
      params: 3_075_098_624,
      tokens: 11.2e12,
      hardware: 'h100-sxm',
      devices: 384,
      precision: 'bf16',
      shape: { layers: 36, hidden: 2048, heads: 16, vocab: 128_256, ffn: 11008 },
    },
    target: { metric: 'gpuHours', value: 384 * 24 * 24 },
    source: 'Hugging Face 2025, "SmolLM3" blog (384 H100 for 24 days, 11.2T tokens); HF safetensors total',
  },
  {
    id: 'bloomberggpt-50b',
    name: 'BloombergGPT 50B',
    tier: 'device-hours',
    quality: 'A',
    inputs: { params: 50.6e9, tokens: 569e9, hardware: 'a100-sxm4-40gb', devices: 512, precision: 'bf16' },
    target: { metric: 'gpuHours', value: 512 * 53 * 24 },
    source: 'Wu et al. 2023, "BloombergGPT" (arXiv 2303.17564), Table 4 and p. 16 (64 × 8 A100-40GB, ~53 days)',
  },
  {
    id: 'starcoderbase-15b',
    name: 'StarCoderBase 15.5B',
    tier: 'device-hours',
    quality: 'A',
    inputs: { params: 15.5e9, tokens: 1e12, hardware: 'a100-sxm4-80gb', devices: 512, precision: 'bf16' },
    target: { metric: 'gpuHours', value: 320_256 },
    source: 'Li et al. 2023, "StarCoder" (arXiv 2305.06161), §5.6–5.7 (512 A100-80GB, 320,256 GPU-h, 1T tokens)',
  },
  ...(
    [
      [280, 60.1],
      [350, 50.2],
      [420, 44.4],
    ] as const
  ).map(([nodes, stepSeconds]): ValidationCase => ({
    id: `mtnlg-530b-${nodes}n`,
    name: `MT-NLG 530B, one step on ${nodes} DGX A100`,
    tier: 'device-hours',
    quality: 'A',
    inputs: { params: 530e9, tokens: 1920 * 2048, hardware: 'a100-sxm4-80gb', devices: nodes * 8, precision: 'bf16' },
    target: { metric: 'gpuHours', value: (nodes * 8 * stepSeconds) / 3600 },
    source:
      'Smith et al. 2022, "Megatron-Turing NLG 530B" (arXiv 2201.11990), §2.4 (step times 60.1/50.2/44.4 s at batch 1920 × 2048)',
    notes: 'Throughput benchmark of one step, not a whole run (no restarts or evaluation)',
  })),
  {
    id: 'falcon-180b',
    name: 'Falcon 180B',
    tier: 'device-hours',
    quality: 'B',
    inputs: { params: 179_522_565_120, tokens: 3.5e12, hardware: 'a100-sxm4-40gb', devices: 4096, precision: 'bf16' },
    target: { metric: 'gpuHours', value: 7.0e6 },
    source:
      'Almazrouei et al. 2023, "The Falcon Series" (arXiv 2311.16867), Table 1; Hugging Face Falcon-180B blog (~7,000,000 GPU-h)',
    notes: 'Hours given to one significant digit',
  },
  {
    id: 'glm-130b',
    name: 'GLM-130B',
    tier: 'device-hours',
    quality: 'B',
    inputs: { params: 130e9, tokens: 400e9, hardware: 'a100-sxm4-40gb', devices: 768, precision: 'fp16' },
    target: { metric: 'gpuHours', value: 768 * 60 * 24 },
    source: 'Zeng et al. 2022, "GLM-130B" (arXiv 2210.02414), pp. 2–5 (96 DGX-A100 40GB, 60-day access window)',
    notes: 'Hours are an upper bound (access window)',
  },

  // -------------------------------------------------------------------------------------------- device-hours, vision
  // Published wall-clock time to train × GPUs. Times are printed to the hour ("~ 7 h"); rounding above ~5 % makes a
  // case quality B. AMP on these V100 runs is fp16 (apex). The DGX-2 uses V100 SXM3 32 GB (same tensor peak class).
  dle(
    'rn50-v100x1-amp',
    'ResNet-50 v1.5, 90 epochs, 1× V100 AMP',
    'resnet50',
    90,
    'v100-sxm2-16gb',
    1,
    'fp16',
    41,
    'A',
    DLE_RN50,
    'DGX-1, 1 GPU, "~ 41 h"',
  ),
  dle(
    'rn50-v100x1-fp32',
    'ResNet-50 v1.5, 90 epochs, 1× V100 FP32',
    'resnet50',
    90,
    'v100-sxm2-16gb',
    1,
    'fp32',
    95,
    'A',
    DLE_RN50,
    'DGX-1, 1 GPU, "~ 95 h"',
  ),
  dle(
    'rn50-v100x8-amp',
    'ResNet-50 v1.5, 90 epochs, 8× V100 AMP',
    'resnet50',
    90,
    'v100-sxm2-16gb',
    8,
    'fp16',
    7,
    'B',
    DLE_RN50,
    'DGX-1, "~ 7 h" (±7 % rounding)',
  ),
  dle(
    'rn50-v100x8-fp32',
    'ResNet-50 v1.5, 90 epochs, 8× V100 FP32',
    'resnet50',
    90,
    'v100-sxm2-16gb',
    8,
    'fp32',
    14,
    'A',
    DLE_RN50,
    'DGX-1, "~ 14 h"',
  ),
  dle(
    'rn50-v100x16-amp',
    'ResNet-50 v1.5, 90 epochs, 16× V100 AMP (DGX-2)',
    'resnet50',
    90,
    'v100-sxm2-32gb',
    16,
    'fp16',
    5,
    'B',
    DLE_RN50,
    'DGX-2, "~ 5 h" (±10 % rounding)',
  ),
  dle(
    'rn50-v100x16-fp32',
    'ResNet-50 v1.5, 90 epochs, 16× V100 FP32 (DGX-2)',
    'resnet50',
    90,
    'v100-sxm2-32gb',
    16,
    'fp32',
    8,
    'B',
    DLE_RN50,
    'DGX-2, "~ 8 h" (±6 % rounding)',
  ),
  dle(
    'effb0-a100x8-amp',
    'EfficientNet-B0, 400 epochs, 8× A100 80GB AMP',
    'efficientnet-b0',
    400,
    'a100-sxm4-80gb',
    8,
    'fp16',
    11,
    'A',
    DLE_EFFNET,
    'DGX A100, 11 h',
  ),
  dle(
    'effb0-a100x8-tf32',
    'EfficientNet-B0, 400 epochs, 8× A100 80GB TF32',
    'efficientnet-b0',
    400,
    'a100-sxm4-80gb',
    8,
    'tf32',
    19,
    'A',
    DLE_EFFNET,
    'DGX A100, 19 h',
  ),
  dle(
    'effb0-v100x8-amp',
    'EfficientNet-B0, 400 epochs, 8× V100 16GB AMP',
    'efficientnet-b0',
    400,
    'v100-sxm2-16gb',
    8,
    'fp16',
    24,
    'A',
    DLE_EFFNET,
    'DGX-1, 24 h',
  ),
  dle(
    'effb0-v100x8-fp32',
    'EfficientNet-B0, 400 epochs, 8× V100 16GB FP32',
    'efficientnet-b0',
    400,
    'v100-sxm2-16gb',
    8,
    'fp32',
    34,
    'A',
    DLE_EFFNET,
    'DGX-1, 34 h',
  ),

  // -------------------------------------------------------------------------------------------- device-hours, added 2026
  // Published runs chosen from model cards and technical reports (source and year on each). Quality B where a figure is
  // rounded to days, bounded, or recalled [R] rather than re-read.
  {
    id: 'deepseek-v3',
    name: 'DeepSeek-V3 671B MoE (37B active), pre-training',
    tier: 'device-hours',
    quality: 'A',
    family: 'deepseek',
    year: 2024,
    inputs: {
      params: 671e9,
      activeParams: 37e9,
      tokens: 14.8e12,
      hardware: 'h800-sxm',
      devices: 2048,
      precision: 'fp8',
    },
    target: { metric: 'gpuHours', value: 2_664_000 },
    source:
      'DeepSeek-AI 2024, "DeepSeek-V3 Technical Report" (arXiv 2412.19437), Table 1 and §1: 2,664K H800 GPU-hours of pre-training on 14.8T tokens, 2,048 H800, FP8 mixed precision',
  },
  {
    id: 'deepseek-v2',
    name: 'DeepSeek-V2 236B MoE (21B active)',
    tier: 'device-hours',
    quality: 'A',
    family: 'deepseek',
    year: 2024,
    inputs: { params: 236e9, activeParams: 21e9, tokens: 8.1e12, hardware: 'h800-sxm', precision: 'bf16' },
    target: { metric: 'gpuHours', value: 172_800 * 8.1 },
    source:
      'DeepSeek-AI 2024, "DeepSeek-V2" (arXiv 2405.04434), §3.2: 172.8K H800 GPU-hours per trillion tokens, 8.1T tokens',
    notes: 'GPU count not reported',
  },
  {
    id: 'jetmoe-8b',
    name: 'JetMoE-8B (2.2B active)',
    tier: 'device-hours',
    quality: 'A',
    family: 'jetmoe',
    year: 2024,
    inputs: {
      params: 8.52e9,
      activeParams: 2.2e9,
      tokens: 1.25e12,
      hardware: 'h100-sxm',
      devices: 96,
      precision: 'bf16',
    },
    target: { metric: 'gpuHours', value: 30_000 },
    source:
      'Shen et al. 2024, "JetMoE: Reaching Llama2 Performance with 0.1M Dollars" (arXiv 2404.07413), abstract (1.25T tokens, 30,000 H100 GPU-hours); ' +
      'research.myshell.ai/jetmoe (96 H100 for 2 weeks)',
  },
  {
    id: 'phi35-moe',
    name: 'Phi-3.5-MoE 42B (6.6B active)',
    tier: 'device-hours',
    quality: 'B',
    family: 'phi',
    year: 2024,
    inputs: {
      params: 41.9e9,
      activeParams: 6.6e9,
      tokens: 4.9e12,
      hardware: 'h100-sxm',
      devices: 512,
      precision: 'bf16',
    },
    target: { metric: 'gpuHours', value: 512 * 23 * 24 },
    source: 'microsoft/Phi-3.5-MoE-instruct model card, "Training" (512 H100-80G, 23 days, 4.9T tokens) [R]',
    notes: 'Days rounded; the card time may include post-training',
  },
  {
    id: 'phi4-14b',
    name: 'Phi-4 14B',
    tier: 'device-hours',
    quality: 'A',
    family: 'phi',
    year: 2024,
    inputs: { params: 14.66e9, tokens: 9.8e12, hardware: 'h100-sxm', devices: 1920, precision: 'bf16' },
    target: { metric: 'gpuHours', value: 1920 * 21 * 24 },
    source: 'microsoft/phi-4 model card (1920 H100-80G, 21 days, 9.8T tokens, dense 14B)',
  },
  {
    id: 'phi35-mini',
    name: 'Phi-3.5-mini 3.8B',
    tier: 'device-hours',
    quality: 'B',
    family: 'phi',
    year: 2024,
    inputs: { params: 3.82e9, tokens: 3.4e12, hardware: 'h100-sxm', devices: 512, precision: 'bf16' },
    target: { metric: 'gpuHours', value: 512 * 10 * 24 },
    source: 'microsoft/Phi-3.5-mini-instruct model card, "Training" (512 H100-80G, 10 days, 3.4T tokens) [R]',
    notes: 'Days rounded',
  },
  {
    id: 'phi1-1.3b',
    name: 'Phi-1 1.3B',
    tier: 'device-hours',
    quality: 'A',
    family: 'phi',
    year: 2023,
    inputs: { params: 1.42e9, tokens: 54e9, hardware: 'a100-sxm4-80gb', devices: 8, precision: 'fp16' },
    target: { metric: 'gpuHours', value: 8 * 6 * 24 },
    source: 'microsoft/phi-1 model card, "Training" (8 A100, 6 days, 54B tokens, fp16)',
    notes: 'A100 memory size not stated (80 GB assumed; same peak)',
  },
  {
    id: 'llama3-8b',
    name: 'Llama 3 8B',
    tier: 'device-hours',
    quality: 'B',
    family: 'llama3',
    year: 2024,
    inputs: { params: 8.03e9, tokens: 15e12, hardware: 'h100-sxm', precision: 'bf16' },
    target: { metric: 'gpuHours', value: 1.3e6 },
    source: 'meta-llama/Meta-Llama-3-8B model card, "Hardware and Software" (1.3M H100-80GB GPU-hours; "15T+" tokens)',
    notes: 'Tokens are a lower bound',
  },
  {
    id: 'llama3-70b',
    name: 'Llama 3 70B',
    tier: 'device-hours',
    quality: 'B',
    family: 'llama3',
    year: 2024,
    inputs: { params: 70.55e9, tokens: 15e12, hardware: 'h100-sxm', precision: 'bf16' },
    target: { metric: 'gpuHours', value: 6.4e6 },
    source: 'meta-llama/Meta-Llama-3-70B model card, "Hardware and Software" (6.4M H100-80GB GPU-hours; "15T+" tokens)',
    notes: 'Tokens are a lower bound',
  },
  {
    id: 'falcon-7b',
    name: 'Falcon-7B',
    tier: 'device-hours',
    quality: 'B',
    family: 'falcon',
    year: 2023,
    inputs: { params: 6.92e9, tokens: 1.5e12, hardware: 'a100-sxm4-40gb', devices: 384, precision: 'bf16' },
    target: { metric: 'gpuHours', value: 384 * 14 * 24 },
    source: 'tiiuae/falcon-7b model card, "Training Procedure" (384 A100 40GB, "about two weeks", 1.5T tokens)',
    notes: '"About two weeks"',
  },
  {
    id: 'falcon-40b',
    name: 'Falcon-40B',
    tier: 'device-hours',
    quality: 'B',
    family: 'falcon',
    year: 2023,
    inputs: { params: 41.8e9, tokens: 1e12, hardware: 'a100-sxm4-40gb', devices: 384, precision: 'bf16' },
    target: { metric: 'gpuHours', value: 384 * 60 * 24 },
    source: 'tiiuae/falcon-40b model card, "Training Procedure" (384 A100 40GB, two months, 1T tokens)',
    notes: '"Two months"',
  },
  {
    id: 'llmc-gpt2-124m',
    name: 'GPT-2 124M in llm.c',
    tier: 'device-hours',
    quality: 'A',
    family: 'gpt2-repro',
    year: 2024,
    inputs: { params: 124.4e6, tokens: 10e9, hardware: 'a100-sxm4-80gb', devices: 8, precision: 'bf16' },
    target: { metric: 'gpuHours', value: 8 * 1.5 },
    source:
      'Karpathy 2024, "Reproducing GPT-2 (124M) in llm.c in 90 minutes for $20", github.com/karpathy/llm.c discussion #481 (10B FineWeb tokens, 8× A100 80GB SXM, ~90 min)',
  },
  {
    id: 'llmc-gpt2-1558m',
    name: 'GPT-2 1.5B in llm.c',
    tier: 'device-hours',
    quality: 'B',
    family: 'gpt2-repro',
    year: 2024,
    inputs: { params: 1.558e9, tokens: 32e9, hardware: 'h100-sxm', devices: 8, precision: 'bf16' },
    target: { metric: 'gpuHours', value: 8 * 24 },
    source:
      'Karpathy 2024, "Reproducing GPT-2 (1.6B) in llm.c in 24 hours for $672", github.com/karpathy/llm.c discussion #677 (8× H100, 24 h; ~32B tokens [R])',
    notes: 'Token count recalled from the run command (32K steps × 1M tokens)',
  },
  {
    id: 'nanogpt-gpt2-124m',
    name: 'GPT-2 124M in nanoGPT',
    tier: 'device-hours',
    quality: 'B',
    family: 'gpt2-repro',
    year: 2023,
    inputs: { params: 124.4e6, tokens: 600_000 * 491_520, hardware: 'a100-sxm4-40gb', devices: 8, precision: 'bf16' },
    target: { metric: 'gpuHours', value: 8 * 4 * 24 },
    source:
      'karpathy/nanoGPT README (GPT-2 124M on OpenWebText, one 8× A100 40GB node, "about 4 days"); config/train_gpt2.py (600,000 iterations × 491,520 tokens)',
    notes: '"About 4 days"',
  },
  {
    id: 'electra-small',
    name: 'ELECTRA-Small 14M, one V100',
    encoder: true,
    tier: 'device-hours',
    quality: 'B',
    family: 'electra',
    year: 2020,
    inputs: { params: 14e6, tokens: 1e6 * 128 * 128, hardware: 'v100-sxm2-16gb', devices: 1, precision: 'fp32' },
    target: { metric: 'gpuHours', value: 4 * 24 },
    source:
      'Clark et al. 2020, "ELECTRA" (arXiv 2003.10555), Table 1 and App. A (ELECTRA-Small: 1M steps × batch 128 × 128 tokens, 1.4e18 train FLOPs, 4 days on one V100)',
    notes: 'TensorFlow 1 in fp32 (no AMP in the released code); generator included in the 14M',
  },

  // -------------------------------------------------------------------------------------------- device-hours, vision, added 2026
  {
    id: 'deit-b-v100x8',
    name: 'DeiT-B (ViT-B/16), 300 epochs, 8× V100',
    tier: 'device-hours',
    quality: 'A',
    family: 'deit',
    year: 2021,
    inputs: {
      architecture: 'vit-b-16',
      samples: IMAGENET,
      epochs: 300,
      hardware: 'v100-sxm2-32gb',
      devices: 8,
      precision: 'fp16',
    },
    target: { metric: 'gpuHours', value: 8 * 53 },
    source:
      'Touvron et al. 2021, "Training data-efficient image transformers" (DeiT, arXiv 2012.12877), §5 (DeiT-B: 53 hours of training on one node of 8 V100, 300 epochs, mixed precision)',
  },
  {
    id: 'goyal-rn50-p100x256',
    name: 'ResNet-50, 90 epochs, 256× P100 in one hour',
    tier: 'device-hours',
    quality: 'B',
    family: 'goyal',
    year: 2017,
    inputs: {
      architecture: 'resnet50',
      samples: IMAGENET,
      epochs: 90,
      hardware: 'p100-sxm2-16gb',
      devices: 256,
      precision: 'fp32',
    },
    target: { metric: 'gpuHours', value: 256 * 1 },
    source:
      'Goyal et al. 2017, "Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour" (arXiv 1706.02677), §5 (256 P100 in Big Basin servers, 90 epochs, ~1 hour)',
    notes: '"1 hour" rounded; 32 servers, communication-heavy',
  },

  // -------------------------------------------------------------------------------------------- device-hours, added Dec 2026
  // Chosen for the categories where unseen runs were missed: small dense models on many tokens, small mixture-of-experts,
  // encoder-only models, TPU runs, Hopper, vision transformers, fine-tunes at long context. Each note quotes the source.
  ...(
    [
      [
        '2b',
        'Granite 3.0 2B',
        2.5e9,
        undefined,
        12e12,
        192_030,
        { layers: 40, hidden: 2048, heads: 32, vocab: 49_155 },
      ],
      [
        '8b',
        'Granite 3.0 8B',
        8.1e9,
        undefined,
        12e12,
        832_102,
        { layers: 40, hidden: 4096, heads: 32, vocab: 49_155 },
      ],
      ['1b-a400m', 'Granite 3.0 1B-A400M MoE', 1.3e9, 0.4e9, 10e12, 71_171, undefined],
      ['3b-a800m', 'Granite 3.0 3B-A800M MoE', 3.3e9, 0.8e9, 10e12, 133_308, undefined],
    ] as const
  ).map(([id, name, params, active, tokens, hours, shape]): ValidationCase => ({
    id: `granite3-${id}`,
    name,
    tier: 'device-hours',
    quality: 'A',
    family: 'granite',
    year: 2024,
    inputs: {
      params,
      ...(active ? { activeParams: active } : {}),
      tokens,
      hardware: 'h100-sxm',
      precision: 'bf16',
      seqLen: 4096,
      ...(shape ? { shape } : {}),
    },
    target: { metric: 'gpuHours', value: hours },
    source:
      'IBM Granite Team 2024, "Granite 3.0 Language Models" (github.com/ibm-granite/granite-3.0-language-models, paper.pdf), ' +
      'Table 1 (parameters, active parameters, training tokens 12T/12T/10T/10T, sequence length 4096) and Table 7 (GPU-hours)',
    notes:
      `Table 7: "Granite 3.0 ${name.replace('Granite 3.0 ', '').replace(' MoE', '').replace('1B-A400M', '1B-400M').replace('3B-A800M', '3B-800M')} 700W ${hours.toLocaleString('en-US')}"; ` +
      '§6: "Each node in Blue Vela consists of ... 8x NVIDIA H100 SXM5 80GB"; GPU count not reported',
  })),
  ...(
    [
      [
        'phi3-small',
        'Phi-3-small 7B',
        7.39e9,
        4.8e12,
        'h100-sxm',
        1024,
        18,
        'Small 4.8T tokens 1024 H100-80G 18 days',
        2024,
      ],
      [
        'phi3-medium',
        'Phi-3-medium 14B',
        13.96e9,
        4.8e12,
        'h100-sxm',
        512,
        42,
        'Medium 4.8T tokens 512 H100-80G 42 days',
        2024,
      ],
      [
        'phi3-vision',
        'Phi-3-vision 4.2B',
        4.15e9,
        500e9,
        'h100-sxm',
        512,
        1.5,
        'Vision 500B vision & text tokens 512 H100-80G 1.5 days',
        2024,
      ],
      [
        'phi35-vision',
        'Phi-3.5-vision 4.2B',
        4.15e9,
        500e9,
        'a100-sxm4-80gb',
        256,
        6,
        'Vision 500B vision & text tokens 256 A100-80G 6 days',
        2024,
      ],
      [
        'phi4-mini',
        'Phi-4-mini 3.8B',
        3.84e9,
        5e12,
        'a100-sxm4-80gb',
        512,
        21,
        'GPUs: 512 A100-80G; Training time: 21 days; Training data: 5T tokens',
        2025,
      ],
    ] as const
  ).map(([id, name, params, tokens, hardware, devices, days, quote, year]): ValidationCase => ({
    id,
    name,
    tier: 'device-hours',
    quality: 'B',
    family: 'phi',
    year,
    inputs: { params, tokens, hardware, devices, precision: 'bf16' },
    target: { metric: 'gpuHours', value: devices * days * 24 },
    source: `microsoft/${name.split(' ')[0]} model card on Hugging Face, "Training" table (${quote}); tables reproduced in Microsoft's Phi-3.5 talk, IEEE Cluster 2024 (speakerdeck.com/furixturi)`,
    notes: `"${quote}"; days rounded, and the card's time may include post-training (quality B)`,
  })),
  {
    id: 'phi4-reasoning',
    name: 'Phi-4-reasoning 14B (supervised fine-tune at 32k context)',
    tier: 'device-hours',
    quality: 'B',
    family: 'phi',
    year: 2025,
    inputs: {
      params: 14.66e9,
      tokens: 16e9,
      hardware: 'h100-sxm',
      devices: 32,
      precision: 'bf16',
      seqLen: 32_768,
      shape: { layers: 40, hidden: 5120, heads: 40, vocab: 100_352 },
    },
    target: { metric: 'gpuHours', value: 32 * 2.5 * 24 },
    source: 'microsoft/Phi-4-reasoning model card, 2025 (huggingface.co/microsoft/Phi-4-reasoning), "Model Summary"',
    notes:
      '"GPUs 32 H100-80G | Training time 2.5 days | Training data 16B tokens, ~8.3B unique tokens | Context length 32k tokens"',
  },
  ...(
    [
      ['scout', 'Llama 4 Scout 109B MoE (17B active)', 109e9, 40e12, 5.0e6],
      ['maverick', 'Llama 4 Maverick 400B MoE (17B active)', 400e9, 22e12, 2.38e6],
    ] as const
  ).map(([id, name, params, tokens, hours]): ValidationCase => ({
    id: `llama4-${id}`,
    name,
    tier: 'device-hours',
    quality: 'B',
    family: 'llama4',
    year: 2025,
    inputs: { params, activeParams: 17e9, tokens, hardware: 'h100-sxm', precision: 'fp8' },
    target: { metric: 'gpuHours', value: hours },
    source:
      'meta-llama/Llama-4-Scout-17B-16E and Llama-4-Maverick-17B-128E model cards, 2025 (huggingface.co/meta-llama), "Hardware and Software" and the model table',
    notes: `"Token count (Llama 4 ${id === 'scout' ? 'Scout) ~40T' : 'Maverick) ~22T'}"; "${id === 'scout' ? 'Scout: 5.0M' : 'Maverick: 2.38M'} GPU hours on H100-80GB (TDP 700W)"; FP8 training per the Llama 4 release post; tokens approximate and multimodal (quality B)`,
  })),
  {
    id: 'xlnet-large',
    name: 'XLNet-Large 340M on 512 TPU v3',
    encoder: true,
    tier: 'device-hours',
    quality: 'B',
    family: 'xlnet',
    year: 2019,
    inputs: {
      params: 340e6,
      tokens: 500_000 * 8192 * 512,
      hardware: 'tpu-v3',
      devices: 512,
      precision: 'bf16',
      seqLen: 512,
      shape: { layers: 24, hidden: 1024, heads: 16, vocab: 32_000 },
    },
    target: { metric: 'gpuHours', value: 512 * 5.5 * 24 },
    source:
      'Yang et al. 2019, "XLNet: Generalized Autoregressive Pretraining for Language Understanding" (arXiv 1906.08237), §3.1 and App. A (24 layers, hidden 1024, full sequence length 512)',
    notes:
      '"we train on 512 TPU v3 chips for 500K steps with an Adam weight decay optimizer, linear learning rate decay, and a batch size of 8192, which takes about 5.5 days"; ' +
      'parameters as BERT-Large (the paper matches its size); two-stream attention costs more than 6·N per token (quality B)',
  },
  {
    id: 'electra-base',
    name: 'ELECTRA-Base 110M on 16 TPU v3',
    encoder: true,
    tier: 'device-hours',
    quality: 'B',
    family: 'electra',
    year: 2020,
    inputs: {
      params: 110e6,
      tokens: 766_000 * 256 * 512,
      hardware: 'tpu-v3',
      devices: 16,
      precision: 'bf16',
      seqLen: 512,
    },
    target: { metric: 'gpuHours', value: 16 * 4 * 24 },
    source:
      'Clark et al. 2020, "ELECTRA" (arXiv 2003.10555), Table 1 (ELECTRA-Base: 6.4e19 train FLOPs, "4d on 16 TPUv3s") and Table 6 (766K steps, batch 256, sequence 512 [R])',
    notes:
      '"Train Time + Hardware: ... 4d on 16 TPUv3s"; 6·N·D with these tokens gives 6.8e19 FLOPs, close to the paper\'s 6.4e19 (generator included); "4d" rounded (quality B)',
  },
  {
    id: 'deit-b-v100x16',
    name: 'DeiT-B (ViT-B/16), 300 epochs, 16× V100 (2 nodes)',
    tier: 'device-hours',
    quality: 'A',
    family: 'deit',
    year: 2021,
    inputs: {
      architecture: 'vit-b-16',
      samples: IMAGENET,
      epochs: 300,
      hardware: 'v100-sxm2-32gb',
      devices: 16,
      precision: 'fp16',
    },
    target: { metric: 'gpuHours', value: 16 * 37 },
    source: 'Touvron et al. 2021, "Training data-efficient image transformers" (DeiT, arXiv 2012.12877), §5',
    notes: '"a typical training of 300 epochs takes 37 hours with 2 nodes or 53 hours on a single node for the DeiT-B"',
  },

  {
    id: 'deberta-large',
    name: 'DeBERTa-large 400M on 96 V100',
    encoder: true,
    tier: 'device-hours',
    quality: 'B',
    family: 'deberta',
    year: 2021,
    inputs: {
      params: 406e6,
      tokens: 1_000_000 * 2048 * 512,
      hardware: 'v100-sxm2-32gb',
      devices: 96,
      precision: 'fp16',
      seqLen: 512,
      shape: { layers: 24, hidden: 1024, heads: 16, vocab: 128_000 },
    },
    target: { metric: 'gpuHours', value: 96 * 20 * 24 },
    source:
      'He et al. 2021, "DeBERTa: Decoding-enhanced BERT with Disentangled Attention" (ICLR 2021, arXiv 2006.03654), §5.1.1 [R]',
    notes:
      '"We use 6 DGX-2 machines (96 V100 GPUs) to train the models. A single model trained with 2K batch size and 1M steps takes about 20 days" [R]; ' +
      'sequence length 512; disentangled attention costs more than 6·N per token (quality B)',
  },
  {
    id: 'pubmedgpt-2.7b',
    name: 'PubMed GPT (BioMedLM) 2.7B on 128 A100-40GB',
    tier: 'device-hours',
    quality: 'B',
    family: 'pubmedgpt',
    year: 2022,
    inputs: { params: 2.7e9, tokens: 300e9, hardware: 'a100-sxm4-40gb', devices: 128, precision: 'bf16', seqLen: 1024 },
    target: { metric: 'gpuHours', value: 128 * 6.25 * 24 },
    source:
      'MosaicML and Stanford CRFM 2022, "PubMed GPT: a Domain-Specific Large Language Model for Biomedical Text" (mosaicml.com/blog/introducing-pubmed-gpt); stanford-crfm/BioMedLM model card [R]',
    notes: '"trained on 128 NVIDIA A100-40GB GPUs ... for 300B tokens ... in about 6.25 days" [R] (quality B)',
  },
  {
    id: 'clip-vit-l14',
    name: 'CLIP ViT-L/14, 32 epochs over 400M pairs, 256 V100',
    tier: 'device-hours',
    quality: 'B',
    family: 'clip',
    year: 2021,
    inputs: {
      architecture: 'vit-l-16',
      flopsPerSample: 173e9,
      samples: 400e6,
      epochs: 32,
      hardware: 'v100-sxm2-32gb',
      devices: 256,
      precision: 'fp16',
    },
    target: { metric: 'gpuHours', value: 256 * 12 * 24 },
    source:
      'Radford et al. 2021, "Learning Transferable Visual Models From Natural Language Supervision" (CLIP, arXiv 2103.00020), §2.5 and App. F',
    notes:
      '"The largest ResNet model, RN50x64, took 18 days to train on 592 V100 GPUs while the largest Vision Transformer took 12 days on 256 V100 GPUs"; ' +
      '"We train all models for 32 epochs" on 400M pairs; forward FLOPs per pair [D]: ViT-L/14 image tower at 224 px ≈ 2 × 304 M × 257 tokens + attention ≈ 163 G, ' +
      'text tower (12 layers, width 768, 77 tokens) ≈ 10 G; architecture vit-l-16 only sets the utilisation family (quality B)',
  },

  // ============================================================================================ measured-energy
  {
    id: 'gpt3-175b',
    name: 'GPT-3 175B (end to end)',
    tier: 'measured-energy',
    quality: 'B',
    inputs: {
      params: 175e9,
      tokens: 300e9,
      hardware: 'v100-sxm2-32gb',
      devices: 10_000,
      precision: 'fp16',
      pue: 1.1,
      intensity: 429,
    },
    target: { metric: 'energyKWh', value: 1_287_000 },
    also: [
      { metric: 'co2eKg', value: 552_100 },
      { metric: 'gpuHours', value: 10_000 * 14.8 * 24 },
    ],
    source: `${PATTERSON} (V100 × 10,000, 14.8 days, 330 W measured per GPU incl. host, PUE 1.10, 0.429 kg/kWh)`,
    notes: "GPU count is NVIDIA's suggestion, not a measurement",
  },
  {
    id: 't5-11b',
    name: 'T5-11B (power model on stated chip-hours)',
    tier: 'measured-energy',
    quality: 'A',
    inputs: { gpuHours: 512 * 20 * 24, hardware: 'tpu-v3', devices: 512, pue: 1.12, intensity: 545 },
    target: { metric: 'energyKWh', value: 85_700 },
    also: [{ metric: 'co2eKg', value: 46_700 }],
    source: `${PATTERSON} (512 TPU v3 × 20 days, 310 W measured system power per chip, PUE 1.12)`,
    notes:
      'In-sample for power: the TPU v3 power basis (Accelerator.systemPowerW, 245–310 W) is these four Patterson measurements',
  },
  {
    id: 'meena-2.6b',
    name: 'Meena 2.6B (power model on stated chip-hours)',
    tier: 'measured-energy',
    quality: 'A',
    inputs: { gpuHours: 1024 * 30 * 24, hardware: 'tpu-v3', devices: 1024, pue: 1.09 },
    target: { metric: 'energyKWh', value: 232_000 },
    source: `${PATTERSON} (1024 TPU v3 × 30 days, 289 W measured, PUE 1.09)`,
  },
  {
    id: 'gshard-600b',
    name: 'GShard 600B MoE (power model on stated chip-hours)',
    tier: 'measured-energy',
    quality: 'A',
    inputs: { gpuHours: 1024 * 3.1 * 24, hardware: 'tpu-v3', devices: 1024, pue: 1.09 },
    target: { metric: 'energyKWh', value: 24_100 },
    source: `${PATTERSON} (1024 TPU v3 × 3.1 days, 288 W measured, PUE 1.09)`,
  },
  {
    id: 'switch-1500b',
    name: 'Switch Transformer 1.5T MoE (power model on stated chip-hours)',
    tier: 'measured-energy',
    quality: 'B',
    inputs: { gpuHours: 1024 * 27 * 24, hardware: 'tpu-v3', devices: 1024, pue: 1.1 },
    target: { metric: 'energyKWh', value: 179_000 },
    source: `${PATTERSON} (1024 TPU v3 × 27 days, 245 W, PUE 1.10)`,
    notes: 'Patterson\'s text calls the Switch energy "estimated"',
  },
  {
    id: 'bert-base',
    name: 'BERT-base (power model on stated GPU-hours)',
    encoder: true,
    tier: 'measured-energy',
    quality: 'A',
    inputs: { gpuHours: 64 * 79.2, hardware: 'v100-sxm2-16gb', devices: 64, pue: 1.58, intensity: 432.7 },
    target: { metric: 'energyKWh', value: 1_507 },
    also: [{ metric: 'co2eKg', value: 652 }],
    source:
      'Strubell et al. 2019, "Energy and Policy Considerations for Deep Learning in NLP", Table 3 (64 V100 × 79.2 h, 12,041.51 W total incl. CPU and DRAM, PUE 1.58)',
    notes: 'Power measured on a smaller setup and extrapolated by the authors',
  },
  {
    id: 'olmo2-7b',
    name: 'OLMo 2 7B (GPU energy, end to end)',
    tier: 'measured-energy',
    quality: 'A',
    inputs: { params: 7_298_617_344, tokens: 4.05e12, hardware: 'h100-sxm', precision: 'bf16', pue: 1.2 },
    target: { metric: 'acceleratorKWh', value: 131_000 },
    source:
      'OLMo Team 2025, "2 OLMo 2 Furious" (arXiv 2501.00656), Table 19 (131 MWh GPU power, PUE 1.2) and p. 7 (4.05T tokens)',
    notes:
      'GPU power only, measured on one node and extrapolated; compared with the accelerator share of the estimate (before PUE)',
  },
  {
    id: 'olmo2-13b',
    name: 'OLMo 2 13B (GPU energy, end to end)',
    tier: 'measured-energy',
    quality: 'A',
    inputs: { params: 13_716_198_400, tokens: 5.6e12, hardware: 'h100-sxm', precision: 'bf16', pue: 1.12 },
    target: { metric: 'acceleratorKWh', value: 257_000 },
    source:
      'OLMo Team 2025, "2 OLMo 2 Furious" (arXiv 2501.00656), Table 19 (257 MWh GPU power, PUE 1.12) and p. 7 (5.6T tokens)',
    notes: 'GPU power only; Morrison et al. 2025 list a different figure (230 MWh), see the gpu_stack notes',
  },
  {
    id: 'olmo1-7b-a100',
    name: 'OLMo 7B on A100 (GPU energy, end to end)',
    tier: 'measured-energy',
    quality: 'B',
    inputs: { params: 6.9e9, tokens: 2.0e12, hardware: 'a100-sxm4-40gb', devices: 216, precision: 'bf16', pue: 1.1 },
    target: { metric: 'acceleratorKWh', value: 104_000 },
    source: 'Groeneveld et al. 2024, "OLMo" (arXiv 2402.00838), Table 6 (104 MWh GPU power, 27 nodes × 8 A100-40GB)',
    notes: 'Tokens of the A100 run are only known to be ≥ 2T',
  },
  // Round 7: small and medium runs on one GPU to a few nodes (docs/evaluation/footprint-dev-7.md).
  ...DEV7_CASES,
  // Round 10: the spent published sets (docs/evaluation/heldout/footprint-1 …), generated by
  // scripts/validation/import-spent.ts; runs the core cannot estimate from what the set states are skipped by the fits
  // and reported as not estimable by scripts/validate-footprint.ts.
  ...SPENT_CASES,
];

/**
 * The model family a case belongs to, for k-fold validation by family: sibling runs (same paper, code base or
 * cluster) are left out together.
 */
export function caseFamily(c: ValidationCase): string {
  if (c.family) return c.family;
  const rules: Array<[RegExp, string]> = [
    [/^llama1-/, 'llama1'],
    [/^llama2-/, 'llama2'],
    [/^llama3/, 'llama3'],
    [/^pythia-/, 'pythia'],
    [/^mtnlg-/, 'mtnlg'],
    [/^(rn50|effb0)-/, 'dle-convnets'],
    [/^(t5|meena|gshard|switch)-/, 'patterson-tpu'],
    [/^olmo/, 'olmo'],
    [/^bloom/, 'bloom'],
    [/^starcoder/, 'starcoder'],
  ];
  for (const [re, f] of rules) if (re.test(c.id)) return f;
  return c.id;
}
