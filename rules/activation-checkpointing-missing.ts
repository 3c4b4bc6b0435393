import * as fmt from '../server/engine/format';
import { fits, USABLE_FRACTION } from './memory-fit';
import type { Rule } from './types';

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
      'Flags runs whose estimated memory per device is tight (over 80 % of the accelerator) with activations a large share ' +
      'of it, a small micro-batch, and no gradient checkpointing.',
    whyIsThisBad:
      'Small micro-batches keep tensor cores under-used and push users to more GPUs or CPU offload. Gradient checkpointing ' +
      'stores only layer inputs and recomputes the rest in the backward pass (Chen et al. 2016): ≈ 20–33 % more compute ' +
      'for most of the activation memory, which pays off when the freed memory goes to a larger micro-batch or fewer devices.',
    example: 'TrainingArguments(per_device_train_batch_size=2)  # 7B model, activations fill the GPU',
    useInstead: 'TrainingArguments(per_device_train_batch_size=8, gradient_checkpointing=True)',
    fixSafety: 'Unsafe: it changes speed and memory, not results; it only saves energy if the memory is put to use.',
  },
  check(ctx) {
    if (ctx.shape.inputs.gradCheckpointing || ctx.cpu || !ctx.accelerator) return [];
    const m = ctx.memory();
    if (!m?.deviceGB || fits(m) === false) return []; // not fitting at all is GML207's finding
    const share = m.totalGB.mid / m.deviceGB;
    if (share < TIGHT_FRACTION || m.activationsGB < 0.3 * m.totalGB.mid) return [];
    const micro = ctx.shape.inputs.microBatch ?? 1;
    if (micro > 4) return [];
    const withGc = ctx.memory({ gradCheckpointing: true })!;
    const freed = m.totalGB.mid - withGc.totalGB.mid;
    let bigger = micro;
    while (bigger < 64 && (ctx.memory({ gradCheckpointing: true, microBatch: bigger * 2 })?.totalGB.mid ?? Infinity) <= m.deviceGB * USABLE_FRACTION) bigger *= 2;
    const edits = ctx.edit({ grad_checkpointing: true });
    const at = ctx.fact('grad_checkpointing');
    return [
      {
        span: at?.origin === 'explicit' ? at.span : undefined,
        file: at?.origin === 'explicit' ? at.file : undefined,
        message:
          `Memory is tight: ≈ ${fmt.num(m.totalGB.mid)} of ${fmt.num(m.deviceGB)} GB per device, ${fmt.num(m.activationsGB)} GB of it activations, at micro-batch ${micro}. ` +
          `Gradient checkpointing would free ≈ ${fmt.num(freed)} GB${bigger > micro ? `, room for micro-batch ${bigger}` : ''}.`,
        fixes: edits ? [{ title: `Enable gradient checkpointing — frees ≈ ${fmt.num(freed)} GB per device${bigger > micro ? ` (room for micro-batch ${bigger})` : ''}`, applicability: 'unsafe', edits }] : [],
      },
    ];
  },
};
