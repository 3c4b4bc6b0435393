import * as fmt from '../engine/format';
import { fits, offloaded } from './memory-fit';
import type { Rule } from './types';
import { written } from './helpers';

/** Memory use above this share of the device counts as tight. */
export const TIGHT_FRACTION = 0.8;

/**
 * GML205 activation-checkpointing-missing — a memory-bound run without gradient checkpointing.
 */
export const activationCheckpointingMissing: Rule = {
  code: 'GML205',
  name: 'activation-checkpointing-missing',
  defaultSeverity: 'information',
  summary: 'Memory is tight, activations dominate, and gradient checkpointing is off',
  doc: {
    whatItDoes:
      'Flags runs whose estimated memory per device is tight (over 80 % of the accelerator) at a small micro-batch (≤ 4) ' +
      'without gradient checkpointing, when checkpointing would make room for at least twice the micro-batch.',
    whyIsThisBad:
      'Small micro-batches keep tensor cores under-used and push users to more GPUs or CPU offload. Gradient checkpointing ' +
      'stores only layer inputs and recomputes the rest in the backward pass (Chen et al. 2016): ≈ 20–33 % more compute ' +
      'for most of the activation memory, which pays off when the freed memory goes to a larger micro-batch or fewer devices.',
    example: 'TrainingArguments(per_device_train_batch_size=2)  # 7B model, activations fill the GPU',
    useInstead: 'TrainingArguments(per_device_train_batch_size=8, gradient_checkpointing=True)',
    fixSafety:
      'Unsafe: it changes speed and memory, not results; it only saves energy if the memory is put to use. Not ' +
      'flagged on a run whose DeepSpeed config offloads state to CPU or NVMe, or whose FSDP offloads parameters to the ' +
      'CPU (the memory model counts it on the GPU).',
  },
  check(ctx) {
    if (ctx.shape.inputs.gradCheckpointing || ctx.cpu || !ctx.accelerator || offloaded(ctx)) return [];
    const m = ctx.memory();
    if (!m?.deviceGB || fits(m) === false) return []; // not fitting at all is GML207's finding
    const share = m.totalGB.mid / m.deviceGB;
    const micro = ctx.shape.inputs.microBatch ?? 1;
    if (share < TIGHT_FRACTION || micro > 4) return [];
    const withGc = ctx.memory({ gradCheckpointing: true })!;
    const freed = m.totalGB.mid - withGc.totalGB.mid;
    let bigger = micro;
    while (bigger < 64 && fits(ctx.memory({ gradCheckpointing: true, microBatch: bigger * 2 }))) bigger *= 2;
    if (bigger === micro) return []; // checkpointing would buy nothing usable here
    // Put the freed memory to use: a larger micro-batch with fewer accumulation steps keeps the global batch.
    const accum = typeof ctx.value('grad_accum') === 'number' ? (ctx.value('grad_accum') as number) : 1;
    const k = bigger / micro;
    const rebatch = accum % k === 0;
    const edits = rebatch
      ? ctx.edit({ grad_checkpointing: true, micro_batch: bigger, grad_accum: accum / k })
      : ctx.edit({ grad_checkpointing: true });
    const at = ctx.fact('grad_checkpointing');
    return [
      {
        severity: ctx.inferred(['micro_batch', 'params', 'seq_len', 'precision', 'grad_checkpointing', 'devices'])
          ? 'information'
          : undefined,
        span: written(at) ? at.span : undefined,
        file: written(at) ? at.file : undefined,
        message:
          `Memory is tight: ≈ ${fmt.num(m.totalGB.mid)} of ${fmt.num(m.deviceGB)} GB per device, ${fmt.num(m.activationsGB)} GB of it activations, at micro-batch ${micro}. ` +
          `Gradient checkpointing would free ≈ ${fmt.num(freed)} GB, room for micro-batch ${bigger}.`,
        fixes: edits
          ? [
              {
                title: rebatch
                  ? `Enable gradient checkpointing with micro-batch ${bigger} × ${accum / k} accumulation (same global batch) — frees ≈ ${fmt.num(freed)} GB per device`
                  : `Enable gradient checkpointing — frees ≈ ${fmt.num(freed)} GB per device (room for micro-batch ${bigger})`,
                applicability: 'unsafe',
                edits,
              },
            ]
          : [],
      },
    ];
  },
};
