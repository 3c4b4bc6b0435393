import * as fmt from '../engine/format';
import type { Rule } from './types';
import { fits } from './memory-fit';
import { at } from './helpers';

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
      'Display-only: fewer devices means a longer wall-clock time, which may matter more. Not flagged: models that do ' +
      'not fit one device, long runs, unknown hardware or model size.',
  },
  check(ctx) {
    if (!ctx.accelerator || ctx.cpu || !ctx.shape.inputs.params) return [];
    const d = ctx.fact('devices');
    const devices = ctx.shape.inputs.devices ?? 1;
    const one = ctx.memory({ devices: 1, zeroStage: undefined });
    if (!one?.deviceGB || !fits(one, 'high')) return [];
    const room = `≈ ${fmt.num(one.totalGB.mid)} of ${fmt.num(one.deviceGB)} GB`;
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
