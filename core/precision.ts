// Precision as frameworks run it: the step-time factor of fp32, TF32, fp16/bf16 and fp8 relative to 16-bit mixed
// precision, per accelerator generation and per kind of work (matmul-bound transformers vs convolution-bound networks).
//
// What "fp32" means depends on the framework (RunInputs.fp32Matmul):
//   PyTorch     torch.backends.cuda.matmul.allow_tf32 = False by default since 1.12 (true fp32 matmuls), but
//               torch.backends.cudnn.allow_tf32 = True (convolutions in TF32) — PyTorch docs, "CUDA semantics:
//               TensorFloat-32 (TF32) on Ampere (and later) devices" (2022). `allow_tf32 = True` or
//               `set_float32_matmul_precision("high")` turns matmuls to TF32 (the engine then says precision 'tf32').
//   TensorFlow  TF32 on by default on Ampere and later since TF 2.4 (tf.config.experimental.enable_tensor_float_32_execution, 2020).
//   JAX         default matmul precision computes float32 dots as TF32 on Ampere+ GPUs and with bf16 passes on TPUs
//               (jax.default_matmul_precision docs, 2023).
//   Keras       mixed_float16 / mixed_bfloat16 policies are 16-bit; the float32 policy follows TensorFlow (TF32) or the backend.
//
// Step-time model. A 16-bit step of t16 = F / (peak16 · u16) splits into matmul/convolution time at the best achievable
// efficiency e16 and the rest (memory-bound layers, optimizer, launches): rest = t16 − F / (peak16 · e16). At another
// precision P the matmul part runs at peakP · eP and the rest moves `m` times the bytes:
//     slowdown(P) = (peak16 · u16) / (peakP · eP) + (1 − u16 / e16) · m
// e16, eP and m come from the H200 measurements in bench/gpu-energy/RESULTS.md (H200, 2026): a 185 M-parameter decoder at
// 16,384 tokens per step ran 55.9 ms in bf16 (u16 = 37 %), 131 ms in TF32 and 423 ms in true fp32; ResNet-50 at batch 256
// ran 54.4 ms in bf16 and 81.7 ms in PyTorch's default fp32 (TF32 convolutions).

import type { Band } from './compute';
import type { Accelerator, Precision } from './types';

/** Matmul-bound (transformers: LLMs, ViT, Whisper), convolution-bound (ResNet, U-Net) or depthwise (EfficientNet) work. */
export type WorkKind = 'matmul' | 'conv' | 'depthwise';

/**
 * [S] Best achievable fraction of the dense peak for large matmuls, per math mode: bf16/fp16 0.75 (ml-engineering
 * MAMF table: H100 ≈ 0.75–0.8 of 989 TFLOPS); TF32 0.456 and true fp32 0.80 solved from the H200 measurements above
 * (bench/gpu-energy/RESULTS.md (H200, 2026)) with e16 = 0.75 and m = 1.4. True fp32 runs on the CUDA cores, which a
 * large GEMM keeps busy; TF32 tensor-core GEMMs reach a lower share of their peak.
 */
export const MATMUL_EFFICIENCY = { half: 0.75, tf32: 0.456, fp32: 0.8 } as const;

/**
 * [I]/[S] Bytes moved by the non-matmul part of a step in fp32, relative to 16-bit: 1.4 for transformers (activations,
 * attention softmax, optimizer traffic partly 32-bit already) [I]; 1.2 for convolutional networks, whose normalisation
 * layers run in fp32 under autocast anyway — the value that reproduces the measured ResNet-50 ratio (1.52 modelled vs 1.50
 * measured on H200, bench/gpu-energy/RESULTS.md (H200, 2026)); 2.0 for depthwise-separable networks, which are memory-bound
 * throughout — NVIDIA DeepLearningExamples EfficientNet-B0 README (A100, 2021): TF32 2.03× slower than AMP on 8 GPUs.
 */
export const FP32_BYTES_FACTOR: Record<WorkKind, number> = { matmul: 1.4, conv: 1.2, depthwise: 2.0 };

/**
 * [S] FP8 (Transformer Engine) end-to-end speed-up over bf16: 1.1–1.5×, mid 1.3× — NVIDIA/Megatron-LM issue #396 (13B
 * GPT on H100: 0.34 → 0.24 s/step; maintainers: end-to-end gain is below the 2× peak ratio); axolotl reports ~10 % on
 * a 3B model. Expressed as a slow-down factor < 1.
 */
export const FP8_SLOWDOWN: Band = { low: 1 / 1.5, mid: 1 / 1.3, high: 1 / 1.1 };

/**
 * Fallback slow-downs where the accelerator publishes no fp32/TF32 rate to model from.
 * fp32-tpu: [S] Keras mixed-precision guide, "60 % on TPUs" (XLA already runs float32 matmuls as bf16 passes on TPU).
 * no-rate: [S] PyTorch Performance Tuning Guide, AMP "up to 3×" on Volta and newer; 1.4–2.8, mid 2.
 * no-tensor-cores-16bit: [I] without tensor cores fp16 brings at most the 2× vector rate, mostly less.
 */
export const PRECISION_SLOWDOWN: Record<'fp32-tpu' | 'no-rate' | 'no-tensor-cores-16bit', Band> = {
  'fp32-tpu': { low: 1.3, mid: 1.6, high: 2.0 },
  'no-rate': { low: 1.4, mid: 2.0, high: 2.8 },
  'no-tensor-cores-16bit': { low: 1 / 1.3, mid: 1 / 1.15, high: 1.0 },
};

/** [I] Relative uncertainty of a modelled slow-down: the part above 1 is known to within −20 % / +25 %. */
const SLOWDOWN_SPREAD = { low: 0.8, high: 1.25 };

export interface PrecisionPlan {
  /** Precision the throughput is modelled at (after falling back from unsupported ones). */
  effective: Precision;
  /** Math mode of the matmuls/convolutions when the run is in fp32: 'tf32' or true 'fp32'. */
  math?: 'tf32' | 'fp32';
  /** 16-bit dense peak (TFLOPS) the utilisation applies to. */
  peakTflops: number;
  /** Step-time factor relative to 16-bit AMP; undefined = 1 (no uncertainty). */
  slowdown?: Band;
  /** Human note on a fallback (e.g. bf16 on V100). */
  note?: string;
  /** How the slow-down was obtained, for the assumption text. */
  basis?: string;
}

/** Dense 16-bit peak of a device: bf16, else fp16, else fp32 (no half-precision hardware). */
export function peak16(accel: Accelerator): number {
  return accel.tflops.bf16 ?? accel.tflops.fp16 ?? accel.tflops.fp32 ?? 0;
}

/** Step-time factor of a math mode relative to 16-bit, from the step utilisation u16 of the 16-bit run. */
export function mathSlowdown(
  accel: Accelerator,
  math: 'tf32' | 'fp32',
  kind: WorkKind,
  u16: number,
): number | undefined {
  const p16 = peak16(accel);
  const peak = math === 'tf32' ? accel.tflops.tf32 : accel.tflops.fp32;
  if (!(peak! > 0) || !(p16 > 0)) return undefined;
  const u = Math.min(Math.max(u16, 0.01), MATMUL_EFFICIENCY.half);
  const e = MATMUL_EFFICIENCY[math];
  return Math.max(1, (p16 * u) / (peak! * e) + (1 - u / MATMUL_EFFICIENCY.half) * FP32_BYTES_FACTOR[kind]);
}

function spread(mid: number): Band {
  return {
    low: 1 + (mid - 1) * SLOWDOWN_SPREAD.low,
    mid,
    high: 1 + (mid - 1) * SLOWDOWN_SPREAD.high,
  };
}

export interface PrecisionOptions {
  /** Matmul-bound or convolution-bound work (default matmul). */
  kind?: WorkKind;
  /** What float32 matmuls run as (RunInputs.fp32Matmul); undefined = PyTorch's default (true fp32 matmuls). */
  fp32Matmul?: 'tf32' | 'fp32';
  /** Step utilisation of the same run in 16-bit (0..1); sets how much of the step the math mode affects. */
  stepUtilisation?: number;
}

/** How a requested precision runs on a device, and its step-time factor relative to 16-bit AMP. */
export function planPrecision(accel: Accelerator, precision: Precision, opts: PrecisionOptions = {}): PrecisionPlan {
  const p16 = peak16(accel);
  const kind = opts.kind ?? 'matmul';
  const u16 = opts.stepUtilisation ?? 0.35;
  if (!accel.tensorCores) {
    // Pascal, Apple GPUs: base is the fp32 vector peak; fp16 helps a little.
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
        note:
          accel.vendor === 'apple' && precision === 'bf16'
            ? `${accel.name} has no matrix units: PyTorch MPS runs bf16 at the fp32 rate; treated as fp32`
            : `${accel.name} has no ${precision} support; treated as fp32`,
      };
    }
    return { effective: 'fp16', peakTflops: base, slowdown: PRECISION_SLOWDOWN['no-tensor-cores-16bit'] };
  }
  const isTpu = accel.arch === 'tpu';
  switch (precision) {
    case 'bf16':
      if (!accel.bf16) {
        const plan = fp32Plan(accel, 'fp32', kind, u16, opts.fp32Matmul);
        return {
          ...plan,
          note: `${accel.name} has no bf16 tensor cores: bf16 runs emulated or fails; modelled as fp32 (use fp16 with loss scaling)`,
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
      if (accel.tflops.fp8 <= p16) return { effective: 'fp8', peakTflops: p16, basis: 'fp8 at the bf16 rate' };
      return { effective: 'fp8', peakTflops: p16, slowdown: FP8_SLOWDOWN };
    case 'tf32':
    case 'fp32':
    default:
      if (isTpu) {
        return {
          effective: 'fp32',
          peakTflops: p16,
          slowdown: PRECISION_SLOWDOWN['fp32-tpu'],
          basis:
            'XLA runs float32 matmuls on TPUs as bf16 passes; Keras mixed-precision guide: 16-bit is ≈60 % faster on TPUs',
        };
      }
      return fp32Plan(accel, precision === 'tf32' ? 'tf32' : 'fp32', kind, u16, opts.fp32Matmul);
  }
}

/** fp32 as the framework runs it: true fp32 matmuls unless TF32 is on (explicitly, or by the framework's default). */
function fp32Plan(
  accel: Accelerator,
  requested: 'tf32' | 'fp32',
  kind: WorkKind,
  u16: number,
  fp32Matmul: 'tf32' | 'fp32' | undefined,
): PrecisionPlan {
  const p16 = peak16(accel);
  const hasTf32 = accel.tflops.tf32 !== undefined;
  // PyTorch: cuDNN convolutions use TF32 by default; matmuls do not. TensorFlow/JAX: both TF32 (fp32Matmul 'tf32').
  let math: 'tf32' | 'fp32' =
    requested === 'tf32' || fp32Matmul === 'tf32' || (kind !== 'matmul' && fp32Matmul !== 'fp32') ? 'tf32' : 'fp32';
  let note: string | undefined;
  if (math === 'tf32' && !hasTf32) {
    if (requested === 'tf32') note = `${accel.name} has no TF32; treated as fp32`;
    math = 'fp32';
  }
  const effective: Precision = math === 'tf32' ? 'tf32' : 'fp32';
  const mid = mathSlowdown(accel, math, kind, u16);
  if (mid === undefined) {
    return {
      effective,
      math,
      peakTflops: p16,
      slowdown: PRECISION_SLOWDOWN['no-rate'],
      note,
      basis: 'no published fp32 rate for this accelerator: the PyTorch tuning guide\'s "up to 3×" AMP speed-up',
    };
  }
  return { effective, math, peakTflops: p16, slowdown: spread(mid), note, basis: 'model' };
}
