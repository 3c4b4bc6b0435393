// Device-hours from the code: training FLOPs over (devices × dense peak × utilisation).
//
// Everything here is a pure function of numbers. Each constant says where it comes from. Three kinds of origin:
//   [S]  published figure (paper, vendor guide), cited;
//   [F]  fitted on the development cases in core/validation/cases.ts only (median of the implied values), never per case;
//   [I]  our inference, stated as such; change it when a source turns up.
// research/footprint-method.md Part 2 and Part 5 are the background for all of them.

import { ACCELERATORS } from './data/accelerators';
import type { Accelerator, ModelShape, Precision, RunInputs } from './types';

/** A value with an uncertainty band, before it is turned into a Range of the output. */
export interface Band {
  low: number;
  mid: number;
  high: number;
}

// ------------------------------------------------------------------------------------------------ generic hardware

/**
 * Used when the hardware is unknown or not stated: an A100-class data-centre GPU (the most common GPU in published
 * training runs of 2020–2024). The estimate lists it as an assumption and widens its range.
 */
export const GENERIC_ACCELERATOR: Accelerator = {
  ...ACCELERATORS.find((a) => a.id === 'a100-sxm4-80gb')!,
  id: 'generic-a100-class',
  name: 'generic A100-class GPU',
  source: 'Assumption: the NVIDIA A100 SXM4 80 GB row of the accelerator table',
};

/** [I] Throughput multiplier band for an assumed (not stated) accelerator: the real one may be a T4 or an H100. */
export const GENERIC_HARDWARE_SPEED: Band = { low: 0.6, mid: 1, high: 1.6 };

// ------------------------------------------------------------------------------------------------ utilisation

/**
 * Model FLOPs utilisation of a 16-bit (bf16/fp16 mixed precision) run of a ≥1B-parameter model on one node,
 * per architecture, *averaged over the whole run* (restarts, evaluation and stalls included, because that is what
 * published device-hours contain). Relative to the dense 16-bit peak.
 */
export const BASE_MFU: Record<string, { mfu: number; source: string }> = {
  ampere: {
    mfu: 0.35,
    source:
      '[F] median over the 23 quality-A A100 development cases (LLaMA, Llama 2, Pythia, BLOOM, MPT-7B, StarCoder, ' +
      'BloombergGPT, MT-NLG; core/validation/cases.ts) of the implied MFU ÷ size and device-count factors (34.7 %); within ' +
      'the published 32–52 % (PaLM paper Table 3; Narayanan et al. 2021)',
  },
  hopper: {
    mfu: 0.3,
    source:
      '[F/I] the two quality-A H100 development cases give 28.6 % (SmolLM3) and 40.7 % (Llama 3.1 405B; Llama 3 paper Table 4: ' +
      '38–43 % step MFU); bounded and energy cases point lower (Llama 3.1 70B 26 %, OLMo 2 ≈20 %), and MosaicML MPT-30B ' +
      '(>46 % on A100, >35 % on H100) gives 0.76 × the A100 value = 27 %. We use 30 %',
  },
  blackwell: {
    mfu: 0.29,
    source:
      '[I] Hopper value × measured matmul efficiency ratio B200/H100 (78 % vs 80 % of peak, ml-engineering MAMF table)',
  },
  volta: {
    mfu: 0.22,
    source:
      '[S] GPT-3 on V100: hardware efficiency 0.197 (Patterson et al. 2021 Table 4); LLMCarbon V100 rows 0.197–0.212; ' +
      'Megatron-LM 2019: 30 % of peak on one V100, 76 % scaling efficiency',
  },
  turing: { mfu: 0.25, source: '[I] T4 is power-limited at 70 W and rarely sustains its tensor peak' },
  ada: {
    mfu: 0.3,
    source: '[I] workstation/inference parts (L4, L40S, RTX 4090): single-node runs, lower memory bandwidth per FLOP',
  },
  pascal: { mfu: 0.35, source: '[I] no tensor cores: utilisation is against the plain fp32 vector peak' },
  cdna2: { mfu: 0.25, source: '[I] MI250X: two GCDs per package, immature kernels in most stacks' },
  cdna3: {
    mfu: 0.21,
    source: '[I] A100 value × MAMF ratio MI300X/A100 (51 % vs 87 % of peak, ml-engineering MAMF table)',
  },
  tpu: {
    mfu: 0.35,
    source:
      '[F] median over the 2 TPU development cases (Gopher on v3, PaLM on v4: 34.9 %, 35.5 % ÷ device-count factor); PaLM paper Table 3',
  },
  other: { mfu: 0.3, source: '[I] unknown architecture' },
};

/**
 * [F] Uncertainty of utilisation around its mid value, as multipliers: 0.72–1.45×. Chosen so that the implied MFU of
 * most quality-A development cases falls inside (their base-equivalent spread is 0.74–1.55× the A100 median; the
 * LLaMA-1 runs at 1.3–1.55× are the outliers left outside).
 */
export const MFU_SPREAD = { low: 0.72, high: 1.45 };

/**
 * [F] Small models run at lower utilisation (small matrices, launch overhead). Factor = 1 + 0.25·log10(N / 1e9),
 * capped at 1 above 1B parameters and floored at 0.15 — fitted on Pythia 70M–1B (implied MFU 0.22, 0.25, 0.26, 0.34
 * at 70M, 160M, 410M, 1B on the same cluster and code).
 */
export function sizeFactor(params: number): number {
  if (!(params > 0)) return 1;
  return clamp(1 + 0.25 * Math.log10(params / 1e9), 0.15, 1);
}

/**
 * [S] Scaling past one 8-GPU node costs a little utilisation: Llama 3 paper Table 4 reports 43 % MFU on 8,192 H100s and
 * 41 % on 16,384 (≈ −5 % relative for one doubling at that scale). We take −1.5 % per doubling of the node count
 * (8 devices per node), floored at 0.85 — gentler, because most of the loss appears only at the largest scales [I].
 */
export function scaleFactor(devices: number): number {
  const nodes = Math.max(1, Math.ceil(devices / 8));
  return Math.max(0.85, 1 - 0.015 * Math.log2(nodes));
}

/**
 * [I] Tokens processed per device per micro-step set the matmul sizes and how much fixed per-step work is amortised.
 * Factor = e(T)/e(8192) with e(T) = T/(T + 128), capped at 1. The development cases all run with ≥ 4k tokens per
 * device per step, so the factor is 1 unless micro-batch and sequence length are both known and small. Calibrated so
 * that raising micro-batch 1 → 8 saves ≈18 % of step time at 512 tokens and ≈43 % at 128 tokens, the 10–40 % that
 * rules-catalogue GML201 derives from the HF single-GPU guide.
 */
export function batchFactor(microBatch?: number, seqLen?: number): number {
  if (!(microBatch! > 0) || !(seqLen! > 0)) return 1;
  const t = microBatch! * seqLen!;
  const e = (x: number) => x / (x + 128);
  return Math.min(1, e(t) / e(8192));
}

/**
 * [S]/[I] PEFT throughput relative to full fine-tuning at the same FLOP count.
 * LoRA: the FLOP count already drops from 6N to ≈4N per token (no weight gradients for frozen weights); Hu et al. 2021
 * §4.2 report a 25 % speed-up on GPT-3 175B, i.e. less than the 33 % FLOP saving, so utilisation × 0.85.
 * QLoRA: 4-bit weights are dequantised on every use — [I] × 0.7 of LoRA.
 */
export const PEFT_UTILISATION = { lora: 0.85, qlora: 0.85 * 0.7 };

// ------------------------------------------------------------------------------------------------ precision

/**
 * Step-time penalty of a precision relative to 16-bit mixed precision (bf16/fp16 AMP) on the same device, as a Band of
 * slow-down factors (>1 = slower). We do NOT use the ratio of peaks (16× on A100 for plain fp32): real fp32 training is
 * partly memory-bound and frameworks keep convolutions (cuDNN) in TF32 by default, so the published end-to-end gains
 * of AMP are "up to 3×" (PyTorch Performance Tuning Guide, "Use mixed precision and AMP"; NVIDIA AMP docs; HF
 * "Efficient training on a single GPU"; Keras mixed-precision guide: >3× on GPUs, 60 % on TPUs). We use 1.4–2.8×,
 * mid 2× (rules-catalogue GML101: "assume 1.3–3×").
 */
export const PRECISION_SLOWDOWN: Record<'fp32' | 'tf32' | 'fp32-tpu' | 'no-tensor-cores-16bit', Band> = {
  fp32: { low: 1.4, mid: 2.0, high: 2.8 },
  /** [I] TF32 matmuls run at half the bf16 peak and move twice the bytes: between AMP and plain fp32. */
  tf32: { low: 1.15, mid: 1.4, high: 1.8 },
  /** [S] Keras mixed-precision guide: "60 % on TPUs". */
  'fp32-tpu': { low: 1.3, mid: 1.6, high: 2.0 },
  /** [I] Without tensor cores fp16 brings at most the 2× vector rate, mostly less: speed-up 1.0–1.3 (stated as slowdown <1). */
  'no-tensor-cores-16bit': { low: 1 / 1.3, mid: 1 / 1.15, high: 1.0 },
};

/**
 * [S] FP8 (Transformer Engine) end-to-end speed-up over bf16: 1.1–1.5×, mid 1.3× — NVIDIA/Megatron-LM issue #396 (13B
 * GPT on H100: 0.34 → 0.24 s/step; maintainers: end-to-end gain is below the 2× peak ratio); axolotl reports ~10 % on
 * a 3B model (rules-catalogue §2 notes). Expressed as a slow-down factor < 1.
 */
export const FP8_SLOWDOWN: Band = { low: 1 / 1.5, mid: 1 / 1.3, high: 1 / 1.1 };

export interface PrecisionPlan {
  /** Precision the throughput is modelled at (after falling back from unsupported ones). */
  effective: Precision;
  /** 16-bit dense peak (TFLOPS) the utilisation applies to. */
  peakTflops: number;
  /** Step-time factor relative to 16-bit AMP; undefined = 1 (no uncertainty). */
  slowdown?: Band;
  /** Human note on a fallback (e.g. bf16 on V100). */
  note?: string;
  /**
   * Physical ceiling on effective throughput (TFLOPS) when the run cannot use tensor cores for its matmuls
   * (fp32 on Volta/Turing, which have no TF32): FP32_CEILING × the fp32 vector peak.
   */
  capTflops?: number;
}

/**
 * [I] Highest fraction of the plain fp32 peak an fp32 run reaches on GPUs without TF32 (Volta, Turing): 0.75, a little
 * below the 87 % best-case matmul efficiency of the ml-engineering MAMF table, since not all time is in matmuls.
 */
export const FP32_CEILING = 0.75;

/** Dense 16-bit peak of a device: bf16, else fp16, else fp32 (no half-precision hardware). */
export function peak16(accel: Accelerator): number {
  return accel.tflops.bf16 ?? accel.tflops.fp16 ?? accel.tflops.fp32 ?? 0;
}

/** How a requested precision runs on a device, and its step-time factor relative to 16-bit AMP. */
export function planPrecision(accel: Accelerator, precision: Precision): PrecisionPlan {
  const p16 = peak16(accel);
  const isTpu = accel.arch === 'tpu';
  if (!accel.tensorCores) {
    // Pascal and older: base is the fp32 vector peak; fp16 helps a little.
    const base = accel.tflops.fp32 ?? p16;
    if (precision === 'fp32' || precision === 'tf32') {
      return {
        effective: 'fp32',
        peakTflops: base,
        note: precision === 'tf32' ? `${accel.name} has no TF32; treated as fp32` : undefined,
      };
    }
    if (precision === 'bf16' || precision === 'fp8') {
      return {
        effective: 'fp32',
        peakTflops: base,
        note: `${accel.name} has no ${precision} support; treated as fp32`,
      };
    }
    return { effective: 'fp16', peakTflops: base, slowdown: PRECISION_SLOWDOWN['no-tensor-cores-16bit'] };
  }
  switch (precision) {
    case 'bf16':
      if (!accel.bf16) {
        return {
          effective: 'fp32',
          peakTflops: p16,
          slowdown: PRECISION_SLOWDOWN.fp32,
          note: `${accel.name} has no bf16 tensor cores: bf16 runs emulated or fails; modelled as fp32 (use fp16 with loss scaling)`,
          ...fp32Cap(accel),
        };
      }
      return { effective: 'bf16', peakTflops: p16 };
    case 'fp16':
      return { effective: 'fp16', peakTflops: accel.tflops.fp16 ?? p16 };
    case 'fp8':
      if (accel.tflops.fp8 === undefined) {
        return {
          effective: accel.bf16 ? 'bf16' : 'fp16',
          peakTflops: p16,
          note: `${accel.name} has no fp8 support; modelled at 16-bit`,
        };
      }
      return { effective: 'fp8', peakTflops: p16, slowdown: FP8_SLOWDOWN };
    case 'tf32':
      if (isTpu) return { effective: 'fp32', peakTflops: p16, slowdown: PRECISION_SLOWDOWN['fp32-tpu'] };
      if (accel.tflops.tf32 === undefined) {
        return {
          effective: 'fp32',
          peakTflops: p16,
          slowdown: PRECISION_SLOWDOWN.fp32,
          note: `${accel.name} has no TF32; treated as fp32`,
          ...fp32Cap(accel),
        };
      }
      return { effective: 'tf32', peakTflops: p16, slowdown: PRECISION_SLOWDOWN.tf32 };
    case 'fp32':
    default:
      if (isTpu) return { effective: 'fp32', peakTflops: p16, slowdown: PRECISION_SLOWDOWN['fp32-tpu'] };
      return { effective: 'fp32', peakTflops: p16, slowdown: PRECISION_SLOWDOWN.fp32, ...fp32Cap(accel) };
  }
}

/** The fp32 ceiling applies where there is no TF32 path (tensor-core GPUs before Ampere). */
function fp32Cap(accel: Accelerator): { capTflops?: number } {
  if (accel.tflops.tf32 !== undefined || accel.tflops.fp32 === undefined) return {};
  return { capTflops: FP32_CEILING * accel.tflops.fp32 };
}

// ------------------------------------------------------------------------------------------------ shape and FLOPs

/**
 * Approximate transformer shape from a parameter count, for activation memory and attention FLOPs when the real
 * shape is unknown: N ≈ 12·L·h² with h ≈ 128·L (Llama 7B/13B and GPT-3 sit on this line), 128-wide heads,
 * a 32k vocabulary.
 */
export function approxShape(params: number): ModelShape {
  const layers = Math.max(2, Math.round(Math.cbrt(params / (12 * 128 * 128))));
  const hidden = Math.max(64, Math.round(Math.sqrt(params / (12 * layers)) / 64) * 64);
  return { layers, hidden, heads: Math.max(1, Math.round(hidden / 128)), vocab: 32000 };
}

/**
 * [I] The utilisation fits come from runs at 2k context, whose attention cost is inside the fitted utilisation.
 * Attention FLOPs are therefore added only for the context beyond this.
 */
export const ATTENTION_REFERENCE_SEQ = 2048;

export interface FlopsPlan {
  /** Model FLOPs per training token (the MFU numerator). */
  perToken: number;
  /** FLOPs per token of the forward pass only (what recomputation repeats). */
  forwardPerToken: number;
  /** Extra attention FLOPs per token (already inside perToken). */
  attentionPerToken: number;
  /** Trainable parameters. */
  trainable: number;
  /** Shape used for attention, if any, and whether it was approximated. */
  shape?: ModelShape;
  shapeApprox?: boolean;
  notes: string[];
}

/** Default trainable fraction for LoRA/QLoRA (≈0.1–1 % in the LoRA and QLoRA papers' settings). */
export const DEFAULT_PEFT_FRACTION = 0.005;

/**
 * Training FLOPs per token: 6·N_active (forward 2N, backward 4N; Kaplan et al. 2020), or for LoRA/QLoRA
 * 4·N_active + 6·N_trainable (no weight gradients for frozen weights), plus attention FLOPs 12·L·h·Δs per token for the
 * context Δs beyond ATTENTION_REFERENCE_SEQ (Chowdhery et al. 2022, App. B: 6N + 12·L·H·Q·T).
 */
export function planFlops(inputs: RunInputs): FlopsPlan {
  const n = inputs.activeParams && inputs.activeParams > 0 ? inputs.activeParams : (inputs.params ?? 0);
  const notes: string[] = [];
  let perToken: number;
  let forward: number;
  let trainable = inputs.params ?? n;
  if (inputs.peft) {
    const frac = validFraction(inputs.peft.trainableFraction) ?? DEFAULT_PEFT_FRACTION;
    trainable = (inputs.params ?? n) * frac;
    perToken = 4 * n + 6 * n * frac;
    forward = 2 * n;
    notes.push(
      `${inputs.peft.method === 'qlora' ? 'QLoRA' : 'LoRA'}: 4·N per token for the frozen weights (no weight gradients) + 6·N per trainable parameter`,
    );
  } else {
    perToken = 6 * n;
    forward = 2 * n;
  }
  let attention = 0;
  let shape: ModelShape | undefined;
  let shapeApprox = false;
  const s = inputs.seqLen;
  if (s !== undefined && s > ATTENTION_REFERENCE_SEQ && n > 0) {
    shape = inputs.shape ?? approxShape(n);
    shapeApprox = inputs.shape === undefined;
    attention = 12 * shape.layers * shape.hidden * (s - ATTENTION_REFERENCE_SEQ);
    perToken += attention;
    forward += attention / 3;
    notes.push(
      `attention at ${s} tokens of context adds ${fmtPct(attention / (perToken - attention))} FLOPs` +
        (shapeApprox ? ' (shape approximated from the parameter count)' : ''),
    );
  }
  return { perToken, forwardPerToken: forward, attentionPerToken: attention, trainable, shape, shapeApprox, notes };
}

/**
 * [S]/[I] Activation (gradient) checkpointing recomputes the forward pass in the backward pass. The recomputed share
 * of the forward FLOPs is 0.6–1.0 (mid 0.8): full recompute adds 2N on top of 6N (+33 %), and the HF single-GPU guide
 * reports ≈20 % slower steps (selective/overlapped recompute).
 */
export const RECOMPUTE_SHARE: Band = { low: 0.6, mid: 0.8, high: 1.0 };

// ------------------------------------------------------------------------------------------------ per-sample workloads

/**
 * Utilisation families of per-sample workloads (core/data/vision-audio.ts). Transformers (ViT, Whisper, wav2vec 2.0)
 * use the BASE_MFU model above with their parameter count; convolutional networks run at far lower utilisation
 * (small per-layer matrices, memory-bound normalisation and activation layers, data loading), and depthwise-separable
 * ones (EfficientNet) lower still, since a depthwise convolution does a few FLOPs per byte it moves.
 */
export type WorkFamily = 'convnet' | 'depthwise' | 'transformer';

const DLE = 'NVIDIA DeepLearningExamples';

/**
 * [S] Step utilisation of 16-bit (AMP) training on one 8-GPU node, throughput only (no evaluation, no restarts): the
 * vendor-published images per second × 3 × forward FLOPs per image ÷ the dense 16-bit peak. Per architecture; others
 * are inferred in visionStepUtilisation().
 */
export const VISION_STEP_UTILISATION: Record<'convnet' | 'depthwise', Record<string, { u: number; source: string }>> = {
  convnet: {
    volta: {
      u: 0.169,
      source: `${DLE} PyTorch/Classification/ConvNets/resnet50v1.5 README (pytorch-19.10): 8× V100 16 GB AMP 6,888.75 img/s = 861 img/s per GPU × 24.5 GFLOPs ÷ 125 TFLOPS`,
    },
    ampere: {
      u: 0.161,
      source: `${DLE} TensorFlow/Classification/ConvNets/resnet50v1.5 README (20.06, XLA): 8× A100 40 GB AMP 16,400 img/s = 2,050 img/s per GPU × 24.5 GFLOPs ÷ 312 TFLOPS`,
    },
    pascal: {
      u: 0.4,
      source:
        '[I] no tensor cores: against the plain fp32 peak convolutions reach a much larger share; Goyal et al. 2017 (8× P100, ≈29 h for ' +
        '90 ImageNet epochs [R]) imply ≈32 % over a whole run',
    },
  },
  depthwise: {
    volta: {
      u: 0.018,
      source: `${DLE} PyTorch/Classification/ConvNets/efficientnet README (21.03): 8× V100 16 GB AMP EfficientNet-B0 7,789 img/s = 974 img/s per GPU × 2.3 GFLOPs ÷ 125 TFLOPS`,
    },
    ampere: {
      u: 0.0155,
      source: `${DLE} PyTorch/Classification/ConvNets/efficientnet README (21.03): 8× A100 80 GB AMP EfficientNet-B0 16,652 img/s = 2,082 img/s per GPU × 2.3 GFLOPs ÷ 312 TFLOPS`,
    },
    pascal: {
      u: 0.04,
      source: '[I] the pascal convnet value × the depthwise/convnet ratio on ampere (0.0155 / 0.161)',
    },
  },
};

/**
 * [F] Whole-run utilisation ÷ step utilisation for per-sample workloads: evaluation every epoch, data loading (JPEG
 * decoding), checkpoints and start-up. Median over the vision development cases (core/validation/cases.ts, NVIDIA
 * DeepLearningExamples time-to-train tables; scripts/validate-footprint.ts prints the fit). Close to the LLM runs'
 * step-to-run ratios (Llama 3 405B 0.85, PaLM 0.66).
 */
export const VISION_RUN_EFFICIENCY = 0.78;

/**
 * [S] TF32 instead of AMP for convolutional networks on Ampere and newer: 1.7–2.6× slower, mid 2.1× — much more than for
 * transformers, because convolutions are tensor-core bound. NVIDIA DeepLearningExamples: EfficientNet-B0 on A100 2.03× (8 GPUs) / 2.3× (1 GPU)
 * throughput, 1.73× time to train; EfficientNet-B4 2.1× / 1.91×; ResNet-50 (TensorFlow, XLA) 2.2× (1 GPU) / 2.6× (8 GPUs).
 */
export const CONV_TF32_SLOWDOWN: Band = { low: 1.7, mid: 2.1, high: 2.6 };

/** Step utilisation of a convolutional family on an architecture; unlisted architectures scale the ampere value by BASE_MFU. */
export function visionStepUtilisation(
  family: 'convnet' | 'depthwise',
  arch: string,
): { u: number; source: string; inferred: boolean } {
  const row = VISION_STEP_UTILISATION[family][arch];
  if (row) return { ...row, inferred: row.source.startsWith('[I]') };
  const amp = VISION_STEP_UTILISATION[family].ampere;
  const ratio = (BASE_MFU[arch] ?? BASE_MFU.other).mfu / BASE_MFU.ampere.mfu;
  return {
    u: amp.u * ratio,
    source: `[I] the ampere value × BASE_MFU.${BASE_MFU[arch] ? arch : 'other'} / BASE_MFU.ampere (${round2(ratio)}); ${amp.source}`,
    inferred: true,
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

// ------------------------------------------------------------------------------------------------ helpers

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

export function validFraction(x: number | undefined): number | undefined {
  return x !== undefined && Number.isFinite(x) && x > 0 && x <= 1 ? x : undefined;
}

export function fmtPct(x: number): string {
  const p = x * 100;
  return `${p >= 10 ? Math.round(p) : Math.round(p * 10) / 10} %`;
}

/** "60–85 %" */
export function fmtPctRange(lo: number, hi: number): string {
  return `${fmtPct(lo).replace(' %', '')}–${fmtPct(hi)}`;
}
