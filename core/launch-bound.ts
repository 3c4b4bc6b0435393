// Launch-bound micro-steps: a small model on few tokens per micro-step finishes its GPU kernels faster than eager
// PyTorch can issue them, so a step cannot take less than the host time to launch its kernels (and the device idles, at
// low power, for the rest). Modelled as a floor per micro-step proportional to the number of layers (a convolutional
// network's repeated blocks count as layers: core/data/vision-audio.ts CONV_BLOCKS), applied only when the micro-batch
// (and for token workloads the sequence length) is known (a script or a bench run), never to published runs described by
// totals.

import { approxShape, type Band } from './compute';
import type { InputBoundPlan } from './input-bound';
import type { WorkPlan } from './estimate-model';
import { CONV_BLOCKS } from './data/vision-audio';
import type { RunInputs } from './types';

/**
 * [S]/[I] Host time per layer per micro-step of an eager PyTorch training step (forward, backward and optimizer
 * launches): 2.07 ms. From one measurement: the 185 M-parameter, 12-layer GPT-style decoder at 2 × 1,024 tokens per step
 * in bf16 took 24.9 ms on H200 while its FLOPs need ≈ 9 ms (bench/gpu-energy/results-h200-2026-12-04.json,
 * gpt-batch2 bf16, 2026): 24.9 / 12 layers. Fitted on that run only, so the GPU bench's held-out figures exclude it. The
 * proportionality to layers and the 0.5–1.5× range (faster hosts, CUDA graphs or torch.compile; slower hosts) are our
 * inference [I].
 */
export const LAUNCH_SECONDS_PER_LAYER: Band = { low: 2.07e-3 * 0.5, mid: 2.07e-3, high: 2.07e-3 * 1.5 };

/**
 * [S, in-sample] Power of a GPU while a launch-bound step waits for the host, as a fraction of its limit: 0.19–0.5, mid
 * 0.27. Between the small kernels of a launch-bound step the queue is never empty for long, so the GPU keeps its clocks up
 * (it does not fall to the between-step idle of core/energy.ts, 0.12). Set from the launch-bound rows of this repository's
 * H200 measurements (bench/gpu-energy/results-h200-2026-12-04-launch.json and -small-batches.json, 2026; 1–4 × 1,024
 * tokens, 12 and 36 layers, bf16): solving measured power = wait + (load power − wait) × computing share for the wait
 * gives 0.19–0.5 on the seven rows whose computing share is under 0.45 (median 0.27: the mid; their range: the
 * band) and 0.5–0.6 at batch 4 (share ≈ 0.7, where the solve is unstable, not used). Those runs are therefore in-sample for power (bench/gpu-energy/RESULTS.md says so). Same
 * fraction of the limit on other GPUs [I]: static power and clocks scale with the board, not with the model.
 */
export const LAUNCH_WAIT_POWER_FRACTION: Band = { low: 0.19, mid: 0.27, high: 0.5 };

/** What every launch-floor plan says the same way: its key, how to lift it, and the power while the device waits. */
const LAUNCH_PLAN_COMMON = {
  key: 'launch-bound',
  override: 'raise the micro-batch (or use CUDA graphs / torch.compile)',
  powerNote: `launch-bound micro-steps (the GPU keeps its clocks up while it waits for launches: ${Math.round(
    LAUNCH_WAIT_POWER_FRACTION.low * 100,
  )}–${Math.round(LAUNCH_WAIT_POWER_FRACTION.high * 100)} % of its limit, not idle)`,
  waitPowerFraction: LAUNCH_WAIT_POWER_FRACTION,
} as const;

/**
 * The launch floor of a convolutional network at a known micro-batch (images per device per micro-step): its repeated
 * blocks × LAUNCH_SECONDS_PER_LAYER. At large batches the device's own work is longer and the floor does not bind; at
 * small ones it sets the step. [In-sample] bench/gpu-energy/RESULTS.md pass 3 (H200, 2026): ResNet-50 at batch 64 took
 * 33.0 ms in bf16 (31.5 ms fp16) against 12.2 ms from its FLOPs; 16 blocks × 2.07 ms = 33 ms. That run was held out
 * when it was measured; counting a block as one layer was chosen after seeing it, so it is in-sample here.
 */
function convLaunchPlan(inputs: RunInputs, work: WorkPlan): InputBoundPlan | undefined {
  if (work.family === 'transformer' || !work.arch) return undefined;
  const row = CONV_BLOCKS[work.arch.id];
  const mb = inputs.microBatch;
  if (!row || mb === undefined || !(mb > 0)) return undefined;
  const per = (s: number) => (row.blocks * s) / mb;
  const r = LAUNCH_SECONDS_PER_LAYER;
  return {
    secondsPerUnit: { low: per(r.high), mid: per(r.mid), high: per(r.low) },
    text:
      `Launch floor: a micro-step of ${work.arch.name} (${row.blocks} blocks) takes at least ${Math.round(row.blocks * r.low * 1e3)}–` +
      `${Math.round(row.blocks * r.high * 1e3)} ms (mid ${Math.round(row.blocks * r.mid * 1e3)} ms) of host time to launch its kernels in ` +
      `eager PyTorch; with ${mb} images per micro-step the device waits for it when its own work is shorter, and draws less power meanwhile`,
    source:
      `${row.source} (blocks); host time per block from bench/gpu-energy/RESULTS.md (H200, 2026), set on a 12-layer decoder; ` +
      'ResNet-50 at batch 64 in pass 3 (33 ms measured) agrees and is in-sample',
    ...LAUNCH_PLAN_COMMON,
  };
}

/** The launch floor of a token workload (micro-batch and sequence length known) or a convolutional network (micro-batch). */
export function launchBoundPlan(inputs: RunInputs, work: WorkPlan | undefined): InputBoundPlan | undefined {
  if (work?.kind === 'samples') return convLaunchPlan(inputs, work);
  if (!work || work.kind !== 'tokens' || !(work.params! > 0)) return undefined;
  const mb = inputs.microBatch;
  const seq = inputs.seqLen;
  if (!(mb! > 0) || !(seq! > 0)) return undefined;
  const layers = inputs.shape?.layers ?? approxShape(work.params!).layers;
  const tokens = mb! * seq!;
  const per = (s: number) => (layers * s) / tokens;
  const r = LAUNCH_SECONDS_PER_LAYER;
  return {
    // low utilisation level ↔ slow host (more seconds per token)
    secondsPerUnit: { low: per(r.high), mid: per(r.mid), high: per(r.low) },
    text:
      `Launch floor: a micro-step of ${layers} layers takes at least ${Math.round(layers * r.low * 1e3)}–${Math.round(layers * r.high * 1e3)} ms ` +
      `(mid ${Math.round(layers * r.mid * 1e3)} ms) of host time to launch its kernels in eager PyTorch; with ${mb}×${seq} tokens per micro-step ` +
      'the device waits for it when its own work is shorter, and draws less power meanwhile',
    source:
      'bench/gpu-energy/RESULTS.md (H200, 2026): 185 M decoder at 2 × 1,024 tokens, 24.9 ms per step, 306 W; power while ' +
      'waiting from the launch-bound H200 rows of 2026-12-04 (in-sample)',
    ...LAUNCH_PLAN_COMMON,
  };
}
