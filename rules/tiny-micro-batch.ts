import type { Rule } from './types';
import { at, num, savingOf, unsure, written } from './helpers';
import { fits } from './memory-fit';

/**
 * GML201 tiny-micro-batch — micro-batch 1–2 with heavy gradient accumulation while memory has room.
 */
export const tinyMicroBatch: Rule = {
  code: 'GML201',
  name: 'tiny-micro-batch',
  defaultSeverity: 'warning',
  summary: 'Micro-batch 1–2 with 8+ accumulation steps although a larger micro-batch fits',
  doc: {
    whatItDoes:
      'Flags a per-device batch of 1 or 2 with at least 8 gradient-accumulation steps when the memory model says a ' +
      'micro-batch 2–8× larger fits the accelerator (with the same global batch).',
    whyIsThisBad:
      'Each micro-batch of one or two sequences leaves the tensor cores mostly idle and repeats the per-step ' +
      'overheads; the Hugging Face single-GPU guide advises against micro-batch 1 × 64 accumulation for a global batch ' +
      'of 64 and recommends the largest micro-batch that fits. Keeping the global batch keeps the optimisation.',
    example: 'TrainingArguments(per_device_train_batch_size=1, gradient_accumulation_steps=32)',
    useInstead: 'TrainingArguments(per_device_train_batch_size=8, gradient_accumulation_steps=4)  # same global batch',
    fixSafety:
      'Unsafe: the memory model is an estimate (a larger micro-batch can still run out of memory) and batch-norm ' +
      'statistics change for convnets. Not flagged: unknown hardware or model size, `auto_find_batch_size`, runs ' +
      'where the larger micro-batch would not fit.',
  },
  check(ctx) {
    const mb = ctx.fact('micro_batch');
    const micro = num(mb?.value);
    const accum = num(ctx.value('grad_accum'));
    if (!written(mb) || micro === undefined || micro > 2 || accum === undefined || accum < 8) return [];
    if (ctx.value('auto_batch') === true || ctx.cpu || !ctx.accelerator || !ctx.memory()?.deviceGB) return [];
    let k = 0;
    for (const c of [8, 4, 2])
      if (accum % c === 0 && fits(ctx.memory({ microBatch: micro * c }), 'high')) {
        k = c;
        break;
      }
    if (!k) return [];
    const s = savingOf(ctx, { microBatch: micro * k });
    const edits = ctx.edit({ micro_batch: micro * k, grad_accum: accum / k });
    return [
      {
        ...at(mb),
        severity: unsure(ctx, ['micro_batch', 'grad_accum', 'model']) ?? (s ? undefined : 'information'),
        message: `Micro-batch ${micro} × ${accum} accumulation steps: micro-batch ${micro * k} fits in memory with the same global batch${s ? ` and ${s.text}` : ' and uses the tensor cores better'}.`,
        savings: s?.savings,
        fixes: edits
          ? [
              {
                title: `Use micro-batch ${micro * k} × ${accum / k} accumulation steps${s ? ` — ${s.text}` : ''}`,
                applicability: 'unsafe',
                edits,
              },
            ]
          : [],
      },
    ];
  },
};
