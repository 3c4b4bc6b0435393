// Data-parallel gradient exchange: a model trained with plain data parallelism all-reduces every gradient once per
// optimizer step, over the network between nodes. Its compute per device per step shrinks with the tokens each device
// gets (global batch ÷ devices) while the bytes it exchanges (∝ parameters) do not: small models on many devices wait for
// the network. Applied only where a run is plain data-parallel: a dense model below 1B parameters whose training state
// fits on one device, on more devices than one node, with tokens and a device count stated. The global batch is assumed
// from a published batch-size law (runs rarely state it); a stated micro-batch × length is a floor on each device's share.

import type { Accelerator } from './types';

/**
 * [S] Global batch in tokens of a run of compute budget C = 6·N·D FLOPs: B = 0.292 · C^0.3271, the batch-size scaling
 * law fitted in DeepSeek-AI 2024, "DeepSeek LLM: Scaling Open-Source Language Models with Longtermism" (arXiv
 * 2401.02954), §3.1 (B_opt). Used because published runs rarely state their batch: 0.9 M tokens for a 125 M model on
 * 100 B tokens, 2.8 M for 360 M on 1 T.
 */
export const BATCH_LAW = { coeff: 0.292, exponent: 0.3271 } as const;

/**
 * [D] Tokens per device per step at which the exposed gradient all-reduce takes as long as the step's compute (the
 * communication cost is DP_COMM_TOKENS ÷ tokens per device of the compute time): 3,600. Derived: a ring all-reduce sends
 * and receives 2·(n−1)/n ≈ 2× the gradient buffer per device (NVIDIA nccl-tests PERFORMANCE.md, "bus bandwidth", 2019),
 * 4 bytes per gradient (PyTorch DDP reduces the parameters' gradients, fp32 under automatic mixed precision: PyTorch
 * AMP docs, 2020), so 8·N bytes per step against 6·N·T FLOPs; 25 GB/s per GPU between nodes against 312 TFLOPS (DGX A100:
 * eight 200 Gb/s HDR InfiniBand ports, NVIDIA DGX A100 datasheet, 2020: 12,480 FLOPs per byte; DGX H100 400 Gb/s
 * against 989 TFLOPS gives 19,780); a step utilisation of 0.43 (the fitted A100 base, 0.37, ÷ 0.85 for whole runs);
 * and half of the all-reduce hidden behind the backward pass [I] (PyTorch DDP overlaps bucketed all-reduce with
 * backward: Li et al. 2020, "PyTorch Distributed", VLDB). (8/6) · 12,480 · 0.43 · 0.5 ≈ 3,600.
 * The same product for other generations is close: V100 on DGX-1 (four 100 Gb/s EDR ports per eight GPUs, 125 TFLOPS,
 * step utilisation 0.26: NVIDIA DGX-1 datasheet, 2017) ≈ 3,500; H100 on DGX H100 (19,780 FLOPs per byte, 0.33) ≈ 4,400;
 * so one value serves every GPU [I].
 */
export const DP_COMM_TOKENS = 3600;

/** [I] Largest model treated as plain data-parallel: below it published recipes replicate the model on every device. */
export const DP_ONLY_PARAMS = 1e9;

/** [S] Bytes of training state per parameter with mixed-precision Adam (Rajbhandari et al. 2020, ZeRO, §3.1): 16. */
export const TRAINING_BYTES_PER_PARAM = 16;

/** [I] Devices in one node (NVLink or a board's own interconnect): no network below this. */
export const DEVICES_PER_NODE = 8;

/**
 * [S] Bytes a ZeRO stage-3 (or FSDP full-shard) step exchanges relative to data parallelism's all-reduce: 1.5 (3Ψ vs
 * 2Ψ: parameters all-gathered for the forward and the backward pass, gradients reduce-scattered; Rajbhandari et al.
 * 2020, ZeRO, §7.2.2). Stages 1 and 2 exchange what data parallelism does.
 */
export const ZERO3_COMM_RATIO = 1.5;

export interface CommPlan {
  /** Multiplier of the utilisation (≤ 1). */
  factor: number;
  /** Tokens per device per optimizer step assumed. */
  tokensPerDevice: number;
  /** Global batch assumed (tokens). */
  batch: number;
}

/** Global batch (tokens) for a run of N parameters over D tokens: BATCH_LAW. */
export function globalBatchTokens(params: number, tokens: number): number {
  return BATCH_LAW.coeff * Math.pow(6 * params * tokens, BATCH_LAW.exponent);
}

/**
 * The data-parallel communication factor of a dense token run, or undefined where it does not apply: unknown parameters,
 * tokens or device count; one node or fewer devices; a model at or above DP_ONLY_PARAMS or whose training state does not
 * fit one device (model or sharded parallelism, whose exchange this does not model); TPUs (their pods all-reduce over
 * the chips' own inter-chip links, not a network between hosts).
 */
export function dataParallelComm(
  params: number | undefined,
  tokens: number | undefined,
  devices: number | undefined,
  accel: Accelerator,
  run: { microBatch?: number; seqLen?: number; zeroStage?: number } = {},
): CommPlan | undefined {
  if (params === undefined || tokens === undefined || devices === undefined) return undefined;
  if (!(params > 0) || !(tokens > 0) || !(devices > DEVICES_PER_NODE)) return undefined;
  if (accel.arch === 'tpu' || params >= DP_ONLY_PARAMS) return undefined;
  if (TRAINING_BYTES_PER_PARAM * params > accel.memoryGB * 1e9) return undefined;
  const batch = globalBatchTokens(params, tokens);
  // A device computes at least one micro-batch between two exchanges (more with gradient accumulation, which the
  // inputs do not carry): a stated micro-batch × length is a floor on the tokens per device per step.
  const micro = run.microBatch !== undefined && run.seqLen !== undefined ? run.microBatch * run.seqLen : 0;
  const tokensPerDevice = Math.max(batch / devices, micro > 0 ? micro : 0);
  const bytes = run.zeroStage === 3 ? ZERO3_COMM_RATIO : 1;
  return { factor: 1 / (1 + (bytes * DP_COMM_TOKENS) / tokensPerDevice), tokensPerDevice, batch };
}
