import * as fmt from '../engine/format';
import { breakdown, fits, largestFittingMicroBatch, offloaded } from './memory-fit';
import type { Rule } from './types';

/**
 * GML207 batch-exceeds-memory — the per-device batch will not fit the accelerator's memory.
 */
export const batchExceedsMemory: Rule = {
  code: 'GML207',
  name: 'batch-exceeds-memory',
  defaultSeverity: 'warning',
  summary: 'The per-device batch needs more memory than the accelerator has',
  doc: {
    whatItDoes:
      'Estimates memory per device — weights, gradients, optimizer states, activations — from the model, precision, ' +
      'micro-batch, sequence length, checkpointing, LoRA and ZeRO settings, and flags configurations that exceed the ' +
      "accelerator's memory.",
    whyIsThisBad:
      'A run that does not fit crashes with CUDA out-of-memory, often after minutes of data loading and compilation, and ' +
      'is then retried by trial and error; or it is moved to more GPUs than it needs. Gradient accumulation keeps the same ' +
      'global batch with a smaller micro-batch; gradient checkpointing trades ≈ 20–33 % more compute for most of the ' +
      'activation memory.',
    example: 'TrainingArguments(per_device_train_batch_size=32)  # 7B model, 2k tokens, one 80 GB GPU',
    useInstead: 'TrainingArguments(per_device_train_batch_size=4, gradient_accumulation_steps=8)  # same global batch',
    fixSafety:
      'Unsafe: the memory model is an estimate (activations especially), and the fix changes the micro-batch. The global ' +
      'batch — and so the optimisation — stays the same. Only fires when the hardware is known, and not on a run whose ' +
      'DeepSpeed config offloads state to CPU or NVMe, or whose FSDP offloads parameters to the CPU (the memory model ' +
      'counts it on the GPU).',
  },
  check(ctx) {
    const m = ctx.memory();
    if (!m?.deviceGB || ctx.cpu || !ctx.accelerator || offloaded(ctx)) return [];
    if (fits(m) !== false) return [];
    const micro = ctx.shape.inputs.microBatch ?? 1;
    const accum = typeof ctx.value('grad_accum') === 'number' ? (ctx.value('grad_accum') as number) : 1;
    const fixes = [];
    const smaller = largestFittingMicroBatch(ctx, micro);
    if (smaller) {
      const k = micro / smaller;
      const edits = ctx.edit({ micro_batch: smaller, grad_accum: accum * k });
      const after = ctx.memory({ microBatch: smaller })!;
      if (edits)
        fixes.push({
          title: `Use micro-batch ${smaller} × ${accum * k} accumulation steps (same global batch) — fits in ≈ ${fmt.num(after.totalGB.mid)} of ${fmt.num(m.deviceGB)} GB, avoids an out-of-memory crash`,
          applicability: 'unsafe' as const,
          edits,
        });
    }
    if (!ctx.shape.inputs.gradCheckpointing) {
      const withGc = ctx.memory({ gradCheckpointing: true });
      if (fits(withGc)) {
        const edits = ctx.edit({ grad_checkpointing: true });
        const cost = ctx.saving({ gradCheckpointing: true });
        if (edits)
          fixes.push({
            title: `Enable gradient checkpointing — fits in ≈ ${fmt.num(withGc!.totalGB.mid)} GB at micro-batch ${micro} (costs ≈ ${fmt.percent(-cost.fraction)} more compute)`,
            applicability: 'unsafe' as const,
            edits,
          });
      }
    }
    const micro1 = ctx.memory({ microBatch: 1, gradCheckpointing: true });
    const hopeless = fits(micro1) === false;
    const at = ctx.fact('micro_batch');
    return [
      {
        span: at?.span,
        file: at?.file,
        // A memory estimate from inferred facts (a batch or model size read from a key we only guess the meaning of) is a hint.
        severity:
          fits(m, 'low') === false &&
          !ctx.inferred(['micro_batch', 'params', 'seq_len', 'precision', 'grad_checkpointing', 'devices'])
            ? undefined
            : 'information',
        message:
          `Needs ≈ ${fmt.num(m.totalGB.mid)} GB per device (${fmt.num(m.totalGB.low)}–${fmt.num(m.totalGB.high)}: ${breakdown(m)}) but ${ctx.accelerator.name} has ${fmt.num(m.deviceGB)} GB` +
          (hopeless
            ? ': it does not fit even at micro-batch 1 with checkpointing — use LoRA/QLoRA, ZeRO/FSDP sharding across devices, or a larger accelerator.'
            : ': this micro-batch will run out of memory.'),
        fixes,
      },
    ];
  },
};
