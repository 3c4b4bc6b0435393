// Device-hours from the code: training FLOPs over (devices × dense peak × utilisation).
//
// Everything here is a pure function of numbers. Each constant says where it comes from. Three kinds of origin:
//   [S]  published figure (paper, vendor guide), cited;
//   [F]  fitted on the development cases in core/validation/cases.ts only (median of the implied values), never per case;
//   [I]  our inference, stated as such; change it when a source turns up.
// The [F] values are computed by core/fit.ts from the development cases, so validation can refit them without the case
// it judges (scripts/validate-footprint.ts); the literals below are the priors used where no case informs a value.

import { ACCELERATORS } from './data/accelerators';
import { MATMUL_EFFICIENCY } from './precision';
import type { Accelerator, ModelShape, RunInputs } from './types';
import { ROLLOUT_GENERATION_PER_PARAM, rolloutOf } from './rollout';

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
 * published device-hours contain). Relative to the dense 16-bit peak. These are the PRIORS: for architectures with
 * quality-A development cases (ampere, hopper, tpu) core/fit.ts replaces them with the median over the cases, and the
 * inferred ones (blackwell, cdna3) follow the fitted values they are derived from.
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
  maxwell: { mfu: 0.35, source: '[I] the pascal value: no tensor cores and no fast FP16, against the plain fp32 peak' },
  kepler: {
    mfu: 0.3,
    source:
      '[I] no tensor cores: against the plain fp32 peak, as for pascal, lowered because K80 boards rarely hold their boost clock ' +
      'within 300 W and current frameworks no longer tune kernels for Kepler',
  },
  cdna2: { mfu: 0.25, source: '[I] MI250X: two GCDs per package, immature kernels in most stacks' },
  gaudi2: {
    mfu: 0.26,
    source:
      '[S] Databricks 2024, "LLM Training and Inference with Intel Gaudi 2": >260 TFLOP/s per device training MPT-7B on 8 Gaudi 2 ' +
      '(60 % of the 432 TFLOPS peak in steps) × the hopper run/step ratio (0.3 / 0.44)',
  },
  gaudi3: { mfu: 0.26, source: '[I] the gaudi2 value (same software stack)' },
  gaudi: { mfu: 0.26, source: '[I] the gaudi2 value (first generation, same SynapseAI software stack)' },
  apple: {
    mfu: 0.3,
    source:
      '[I] no tensor cores: utilisation against the plain fp32 peak, as for pascal, lowered for PyTorch MPS kernels',
  },
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
 * Prior uncertainty of utilisation around its mid value, as multipliers: 0.72–1.45×. The estimator uses the band fitted
 * by core/fit.ts (10th–90th percentile of implied ÷ predicted utilisation over the development cases).
 */
export const MFU_SPREAD = { low: 0.72, high: 1.45 };

export { REFERENCE_RIDGE, ridgeRatio, sizeFactor, sizeFactorAt, sizeFactorOn, sizeKnee } from './size-factor';

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
 * [S] LoRA/QLoRA step time relative to a full fine-tune of the same model and batch. LoRA skips the weight gradients of
 * frozen weights (4N instead of 6N FLOPs per token) but adds small adapter matmuls and launches, so at ~1B parameters a
 * step costs the same: 231 vs 223 ms at 774 M parameters on H200 (bench/gpu-energy/RESULTS.md (H200, 2026)); at 175B the
 * FLOP saving shows: Hu et al. 2021 §4.2 report a 25 % speed-up on GPT-3 175B. Interpolated in log10 N between the two:
 * 1.0 at ≤ 1B, 0.75 at ≥ 175B. QLoRA dequantises 4-bit weights on every use: [I] ÷ 0.7 on top.
 * LoRA's real gain is memory (fewer or smaller devices): core/whatif.ts deviceFit().
 */
export function peftStepRatio(method: 'lora' | 'qlora', params: number): number {
  const x = params > 0 ? Math.log10(params / 1e9) / Math.log10(175) : 0;
  const lora = 1 - 0.25 * clamp(x, 0, 1);
  return method === 'qlora' ? lora / 0.7 : lora;
}

/**
 * [S] Step-to-run ratio of large LLM runs: Llama 3 405B reported 38–43 % MFU in steps (Llama 3 paper, Table 4) and ≈90 %
 * effective training time; PaLM 46 % step MFU. Run utilisation ÷ 0.85 = step utilisation (used for precision ratios
 * and per-step estimates, never to fit device-hours).
 */
export const LLM_RUN_EFFICIENCY = 0.85;

// ------------------------------------------------------------------------------------------------ precision

export {
  FP32_BYTES_FACTOR,
  FP8_SLOWDOWN,
  MATMUL_EFFICIENCY,
  mathSlowdown,
  peak16,
  planPrecision,
  PRECISION_SLOWDOWN,
} from './precision';
export type { PrecisionOptions, PrecisionPlan, WorkKind } from './precision';

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

/**
 * [S] Sequences per training sample of preference optimisation on pairs: the prompt with the chosen response and with
 * the rejected one, each through the policy's forward and backward passes (Rafailov et al. 2023, DPO, eq. 7: the loss
 * reads the policy's and the reference's log-probabilities of both responses; huggingface/trl DPOTrainer
 * `concatenated_forward` runs chosen and rejected as one batch of 2 × the pairs; Hong et al. 2024, ORPO, and Meng et al.
 * 2024, SimPO, the same pairs without a reference model).
 */
export const PREFERENCE_SEQUENCES = 2;

/** Default trainable fraction for LoRA/QLoRA (≈0.1–1 % in the LoRA and QLoRA papers' settings). */
export const DEFAULT_PEFT_FRACTION = 0.005;

/**
 * [S] Share of the full attention FLOPs (12·L·h·s per token: Chowdhery et al. 2022, App. B, which counts the whole
 * score matrix) that a causal decoder computes: 0.5. Fused attention kernels skip the blocks above the diagonal of the
 * causal mask (Dao 2023, "FlashAttention-2", §3.1.1: causal masking skips about half the blocks, a 1.7–1.8× speed-up of
 * the attention itself); PyTorch's scaled_dot_product_attention with is_causal=True uses them. The estimator's token
 * workloads are decoder runs; an encoder (full attention) at long context is under-counted by this factor [I].
 */
export const CAUSAL_ATTENTION_SHARE = 0.5;

/**
 * Training FLOPs per token: 6·N_active (forward 2N, backward 4N; Kaplan et al. 2020), or for LoRA/QLoRA
 * 4·N_active + 6·N_trainable (no weight gradients for frozen weights), plus 2·N_teacher for a distillation teacher's
 * forward pass, plus causal attention FLOPs 12·L·h·Δs × CAUSAL_ATTENTION_SHARE per token for the context Δs beyond
 * ATTENTION_REFERENCE_SEQ (Chowdhery et al. 2022, App. B: 6N + 12·L·H·Q·T, halved for the causal mask).
 */
/**
 * [I] The width of a BERT-style encoder of N parameters when its shape is not given: BERT's layers are 64 wide per
 * layer of depth (BERT-base 768 wide and 12 deep, Devlin et al. 2019), so N ≈ 12·L·H² + V·H with L = H / 64, solved
 * for H (BERT-base: 768 at 109 M with V = 30,522; a decoder's approxShape would give 1,088).
 */
export function encoderHidden(params: number, vocab: number): number {
  let lo = 1;
  let hi = 1e5;
  for (let i = 0; i < 60; i++) {
    const h = (lo + hi) / 2;
    if ((12 * h ** 3) / 64 + vocab * h > params) hi = h;
    else lo = h;
  }
  return lo;
}

/** [S] BERT's WordPiece vocabulary, 30,522 tokens (Devlin et al. 2019; bert-base-uncased config.json), for an encoder whose own is not known. */
export const BERT_VOCAB = 30522;
/**
 * [S] Share of positions at which a BERT-style encoder computes its vocabulary projection: masked-LM predicts 15 % of
 * the tokens (Devlin et al. 2019 §3.1), gathered before the output layer up to max_predictions_per_seq = 80 of 512
 * (google-research/bert run_pretraining.py, 2018); google-research/electra flops_computation.py counts BERT's output
 * softmax on output_frac = 0.15625 of the tokens (Clark et al. 2020). A task head (classification, tagging) computes
 * none, so this is the upper end for fine-tunes. The input embedding is a lookup either way.
 */
export const MLM_OUTPUT_FRACTION = 0.15625;

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
  // Knowledge distillation: the teacher's forward pass on every token (Sanh et al. 2019, DistilBERT; Hinton et al. 2015).
  const teacher = inputs.teacherParams !== undefined && inputs.teacherParams > 0 ? 2 * inputs.teacherParams : 0;
  if (teacher > 0) {
    perToken += teacher;
    forward += teacher;
    notes.push(
      `distillation: the teacher's forward pass adds 2·N_teacher = ${teacher.toExponential(2)} FLOPs per token (${fmtPct(teacher / (perToken - teacher))} more)`,
    );
  }
  // On-policy RL: the policy generates every sequence it trains on (prefill and decoding), and a KL term's reference
  // model runs its forward pass on every token.
  const rollout = rolloutOf(inputs);
  if (rollout && n > 0) {
    const gen = ROLLOUT_GENERATION_PER_PARAM * n;
    const ref = rollout.reference ? 2 * n : 0;
    // Neither is part of the training forward pass that activation checkpointing recomputes.
    perToken += gen + ref;
    notes.push(
      `rollouts: the policy generates every sequence it trains on (${rollout.generations} per prompt), 2·N = ${gen.toExponential(2)} FLOPs per token` +
        (ref ? `, and the reference model's forward pass another 2·N` : '') +
        ` (${fmtPct((gen + ref) / (perToken - gen - ref))} more); decoding runs below the training steps' utilisation, so this is a floor`,
    );
  }
  // Preference optimisation with a frozen reference model: its forward pass on every token of both sequences.
  if (!rollout && inputs.preference === 'reference' && n > 0) {
    const ref = 2 * n;
    perToken += ref;
    forward += ref;
    notes.push(
      `preference pairs with a reference model: its forward pass adds 2·N = ${ref.toExponential(2)} FLOPs per token (${fmtPct(ref / (perToken - ref))} more)`,
    );
  }
  let attention = 0;
  let shape: ModelShape | undefined;
  let shapeApprox = false;
  if (inputs.encoder && !inputs.peft && n > 0) {
    const vocab = inputs.shape?.vocab ?? BERT_VOCAB;
    // A factorised embedding (ALBERT's E) projects to the vocabulary from its own width (types.ts ModelShape).
    const head = vocab * (inputs.shape?.embedding ?? inputs.shape?.hidden ?? encoderHidden(n, vocab));
    // A projection that would be most of the model means the shape or vocabulary guess is off: left as 6·N.
    if (head < 0.5 * n) {
      const skipped = head * (1 - MLM_OUTPUT_FRACTION);
      perToken -= 6 * skipped;
      forward -= 2 * skipped;
      notes.push(
        `encoder: the vocabulary projection (${(head / 1e6).toFixed(1)} M parameters) runs only at the masked positions, ${fmtPct(MLM_OUTPUT_FRACTION)} of the tokens: ${fmtPct(skipped / n)} fewer FLOPs than 6·N` +
          (inputs.shape?.vocab
            ? ''
            : ` (vocabulary ${BERT_VOCAB.toLocaleString('en-US')} and width from the parameter count assumed)`),
      );
    }
  }
  const s = inputs.seqLen;
  if (s !== undefined && s > ATTENTION_REFERENCE_SEQ && n > 0) {
    shape = inputs.shape ?? approxShape(n);
    shapeApprox = inputs.shape === undefined;
    attention = 12 * CAUSAL_ATTENTION_SHARE * shape.layers * shape.hidden * (s - ATTENTION_REFERENCE_SEQ);
    perToken += attention;
    forward += attention / 3;
    notes.push(
      `causal attention at ${s} tokens of context adds ${fmtPct(attention / (perToken - attention))} FLOPs (the masked half skipped)` +
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
    maxwell: { u: 0.4, source: '[I] the pascal value: no tensor cores, against the plain fp32 peak' },
    kepler: {
      u: 0.34,
      source:
        '[I] the pascal value × base MFU kepler/pascal (0.3 / 0.35): also no tensor cores, against the plain fp32 peak (the ' +
        'ampere-derived inference used for other architectures would put a CUDA-core-only card against a tensor-core one)',
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
    maxwell: { u: 0.04, source: '[I] the pascal depthwise value (no tensor cores)' },
    kepler: {
      u: 0.034,
      source: '[I] the kepler convnet value × the depthwise/convnet ratio on ampere (0.0155 / 0.161)',
    },
  },
};

/**
 * Prior of whole-run ÷ step utilisation for per-sample workloads (evaluation every epoch, data loading, checkpoints,
 * start-up). The estimator uses the value fitted by core/fit.ts on the 16-bit vision development cases (NVIDIA
 * DeepLearningExamples time-to-train tables).
 */
export const VISION_RUN_EFFICIENCY = 0.78;

/** Step utilisation of a convolutional family on an architecture; unlisted architectures scale the ampere value by BASE_MFU. */
export function visionStepUtilisation(
  family: 'convnet' | 'depthwise',
  arch: string,
  baseMfu: Record<string, { mfu: number }> = BASE_MFU,
): { u: number; source: string; inferred: boolean } {
  const row = VISION_STEP_UTILISATION[family][arch];
  if (row) return { ...row, inferred: row.source.startsWith('[I]') };
  const amp = VISION_STEP_UTILISATION[family].ampere;
  const ratio = (baseMfu[arch] ?? baseMfu.other).mfu / baseMfu.ampere.mfu;
  return {
    u: amp.u * ratio,
    source: `[I] the ampere value × base MFU ${baseMfu[arch] ? arch : 'other'} / ampere (${round2(ratio)}); ${amp.source}`,
    inferred: true,
  };
}

/**
 * GeForce cards (RTX 20, 30, 40 and 50 series) run FP16/BF16 tensor math with FP32 accumulate, what mixed precision
 * uses, at half the FP16-accumulate rate; their rows carry the halved figure (core/data/accelerators.ts, header). A TITAN
 * or a workstation card of the same chip runs it at the full rate with the same kind of memory system.
 */
export function halfRateAccumulate(a: Accelerator): boolean {
  return a.vendor === 'nvidia' && /^rtx-[2-5]0\d0/.test(a.id);
}

/**
 * [D] Step utilisation of a convolutional network on a half-rate GeForce card, against the card's (halved) 16-bit peak,
 * from the utilisation u of the same work on a full-rate card. Only the tensor-bound share of a step slows down when the
 * tensor rate halves; the rest (normalisation, activations, pooling: memory-bound) does not. Splitting a step as the
 * precision model does (core/precision.ts: tensor time at MATMUL_EFFICIENCY.half, the rest memory-bound), at the full
 * rate P_f = 2P a step takes F/(P_f·u), of which F/(P_f·e) is tensor time; at half rate that part doubles:
 * t = F/(2P)·(1/u + 1/e), so u' = F/(P·t) = 2u / (1 + u/e). For a convolutional network (u ≈ 0.1–0.16, u/e ≈ 0.15–0.2)
 * the card is ≈ 1.2× slower than its full-rate sibling, not 2×: the RTX 2080 Ti took 131 s against the TITAN RTX's
 * 101 s (same TU102 chip; 1.30×) on one ResNet-9 run (Lambda Labs blog 2019, core/validation/cases-dev7.ts), where
 * scaling by the halved peak says 2.4×. Transformers keep the halved peak: their tensor-bound share is larger, and an
 * RTX 3090 GPT-2 run (same file) matches it.
 */
export function geforceConvUtilisation(u: number): number {
  return (2 * u) / (1 + u / MATMUL_EFFICIENCY.half);
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
