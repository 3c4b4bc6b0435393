import * as fmt from '../engine/format';
import type { Rule } from './types';
import type { MemoryBreakdown } from '../core/index';
import type { RuleContext, RuleFinding } from './types';
import { fits, LARGE_REFERENCE, memoryOn, SMALL_REFERENCE } from './memory-fit';
import { at, num, written } from './helpers';

/** A run this short (GPU-hours in total) on one device gains little from spreading over several. */
export const SHORT_GPU_HOURS = 2;

/**
 * GML004 overprovisioned-accelerators — more devices than a small model's short run can use.
 */
export const overprovisionedAccelerators: Rule = {
  code: 'GML004',
  name: 'overprovisioned-accelerators',
  defaultSeverity: 'information',
  summary: 'Several accelerators (or ZeRO sharding) for a model that fits one and a short run',
  doc: {
    whatItDoes:
      'Flags runs whose own launcher or config asks for 2 or more devices (torchrun, accelerate, DeepSpeed, SkyPilot) whose model, optimizer ' +
      'and batch fit one device and whose whole run is under 2 GPU-hours; and ZeRO stage 2/3 on a single device for a ' +
      'model that fits it.',
    whyIsThisBad:
      'Each extra GPU adds communication per step and its own idle power while waiting for the others; for a model ' +
      'that fits one device the Hugging Face single-GPU guide says DeepSpeed "will only slow things down". Small jobs ' +
      'spread thinly also keep GPUs reserved that others could use.',
    example: 'torchrun --nproc_per_node 8 train.py  # a 125 M model, 40 GPU-minutes in all',
    useInstead: 'python train.py  # one GPU; keep the global batch with gradient accumulation',
    fixSafety:
      'Display-only: fewer devices means a longer wall-clock time, which may matter more. Also flagged: tensor or ' +
      'pipeline parallelism (Megatron-LM, NeMo, torchtitan) for a model that fits one device (hardware unknown: half ' +
      'an 80 GB GPU at its micro-batch). Not flagged: models ' +
      'that do not fit one device, long runs (for the device count), unknown model size. With the hardware unknown, ' +
      '"fits one device" is checked on a 24 GB GPU and the message says so.',
  },
  check(ctx) {
    if (ctx.cpu || !ctx.shape.inputs.params) return [];
    const d = ctx.fact('devices');
    const devices = ctx.shape.inputs.devices ?? 1;
    // Unknown hardware (most public configs): "fits one device" is checked on a 24 GB card, and said so.
    const known = !!ctx.accelerator;
    const one = known
      ? ctx.memory({ devices: 1, zeroStage: undefined })
      : memoryOn(ctx, SMALL_REFERENCE, { devices: 1, zeroStage: undefined });
    const tp = tensorParallel(ctx, known);
    if (tp) return [tp];
    if (!one?.deviceGB || !fits(one, 'high')) return [];
    const room = `≈ ${fmt.num(one.totalGB.mid)} of ${fmt.num(one.deviceGB)} GB${known ? '' : ` of a ${memoryOn(ctx, SMALL_REFERENCE)?.device}; hardware not stated`}`;
    const gpuHours = ctx.estimate.gpuHours.mid;
    const zero = ctx.shape.inputs.zeroStage;
    // Devices requested by the run's own launcher or config (not the workspace setting), and a run length that does
    // not rest on an assumed dataset size.
    const requested = !!d && (d.origin === 'explicit' || d.origin === 'inferred');
    if (
      devices >= 2 &&
      d &&
      requested &&
      !ctx.shape.stepsAssumed &&
      ctx.estimate.method !== 'insufficient-inputs' &&
      gpuHours < SHORT_GPU_HOURS
    )
      return [
        {
          ...at(d),
          message: `${devices} devices for a model that fits one (${room}) and a run of ≈ ${fmt.num(gpuHours)} GPU-hours in all: one device with gradient accumulation avoids the communication and idle time.`,
          fixes: [
            {
              title: 'Run on one device (same global batch via gradient accumulation)',
              applicability: 'display-only',
              edits: [],
            },
          ],
        },
      ];
    if (devices === 1 && requested && zero !== undefined && zero >= 2) {
      const z = ctx.fact('zero_stage');
      return [
        {
          ...(z?.origin === 'explicit' ? at(z) : {}),
          message: `ZeRO stage ${zero} on one device for a model that fits it (${room}): sharding has nothing to shard across and only adds overhead.`,
          fixes: [{ title: 'Train without DeepSpeed ZeRO on one device', applicability: 'display-only', edits: [] }],
        },
      ];
    }
    return [];
  },
};

/**
 * Tensor (or pipeline) parallelism written for a model whose weights, optimizer states and activations fit one
 * device: every layer's matmuls are split and all-reduced (or the layers staged with pipeline bubbles) for nothing —
 * the same GPUs as data-parallel replicas do the work without that traffic (Megatron-LM's guidance: tensor
 * parallelism within a node for models that do not fit; Narayanan et al., SC 2021).
 */
function tensorParallel(ctx: RuleContext, known: boolean): RuleFinding | undefined {
  for (const key of ['tp', 'pp'] as const) {
    const f = ctx.fact(key);
    const n = num(f?.value);
    if (!written(f) || n === undefined || n < 2) continue;
    // Known hardware: fits one device at the run's micro-batch or a smaller one (the global batch kept by
    // accumulation). Unknown hardware (Megatron/NeMo runs are on datacenter GPUs): fits one 80 GB GPU at the run's own
    // micro-batch with half of it to spare — a model that is merely close to fitting is left alone.
    const micro = ctx.shape.inputs.microBatch ?? 1;
    let one: MemoryBreakdown | undefined;
    let at1 = micro;
    if (known)
      for (let m = micro; m >= 1 && !one; m--) {
        if (micro % m !== 0) continue;
        const mem = ctx.memory({ devices: 1, zeroStage: undefined, microBatch: m });
        if (!mem?.deviceGB) return undefined;
        if (fits(mem, 'high')) [one, at1] = [mem, m];
      }
    else {
      const mem = memoryOn(ctx, LARGE_REFERENCE, { devices: 1, zeroStage: undefined });
      if (mem?.deviceGB && mem.totalGB.high <= mem.deviceGB * 0.5) one = mem;
    }
    if (!one) return undefined;
    const mb = at1 === micro ? '' : ` at micro-batch ${at1}`;
    const what = key === 'tp' ? 'Tensor parallelism' : 'Pipeline parallelism';
    const cost =
      key === 'tp'
        ? 'splits every layer across GPUs and all-reduces its activations twice per layer and step'
        : 'stages the layers across GPUs and leaves them idle in pipeline bubbles';
    return {
      ...at(f),
      message: `${what} of ${n} for a model that fits one device${mb} (≈ ${fmt.num(one.totalGB.mid)} of ${fmt.num(one.deviceGB ?? 0)} GB${known ? '' : '; hardware not stated'}): it ${cost}; data parallelism on the same GPUs avoids that traffic.`,
      fixes: [
        {
          title: `Set the ${key === 'tp' ? 'tensor' : 'pipeline'} parallel degree to 1 (data parallelism)`,
          applicability: 'display-only',
          edits: [],
        },
      ],
    };
  }
  return undefined;
}
