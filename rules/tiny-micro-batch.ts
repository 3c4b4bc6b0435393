import type { RunInputs } from '../core/index';
import type { Rule, RuleContext } from './types';
import { at, num, savingOf, unsure, written } from './helpers';
import { fits, memoryOn, SMALL_REFERENCE } from './memory-fit';

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
      'statistics change for convnets. Not flagged: unknown model size, `auto_find_batch_size`, runs where the larger ' +
      'micro-batch would not fit. With the hardware unknown the larger micro-batch must fit a 24 GB GPU, and the ' +
      'finding is information. Where a config states the global batch (Megatron, NeMo, OLMo, Composer) the ' +
      'accumulation is global ÷ (micro × data-parallel devices) and the fix changes only the micro-batch.',
  },
  check(ctx) {
    const mb = ctx.fact('micro_batch');
    const micro = num(mb?.value);
    if (!written(mb) || micro === undefined || micro > 2) return [];
    const acc = accumulation(ctx, micro);
    if (!acc || acc.steps < 8) return [];
    const accum = acc.steps;
    if (ctx.value('auto_batch') === true || ctx.cpu || !ctx.memory()) return [];
    // Unknown hardware (most public configs): the larger micro-batch must fit a 24 GB card, and the finding says so.
    const known = !!ctx.accelerator && !!ctx.memory()?.deviceGB;
    const mem = (change: Partial<RunInputs>) => (known ? ctx.memory(change) : memoryOn(ctx, SMALL_REFERENCE, change));
    let k = 0;
    for (const c of [8, 4, 2])
      if (accum % c === 0 && fits(mem({ microBatch: micro * c }), 'high')) {
        k = c;
        break;
      }
    if (!k) return [];
    const s = known ? savingOf(ctx, { microBatch: micro * k }) : undefined;
    // Where the accumulation follows from a global batch, the global batch stays and only the micro-batch changes.
    const edits = ctx.edit(
      acc.fromGlobal ? { micro_batch: micro * k } : { micro_batch: micro * k, grad_accum: accum / k },
    );
    const where = known
      ? 'fits in memory'
      : `fits even a 24 GB GPU (${memoryOn(ctx, SMALL_REFERENCE)?.device}; hardware not stated)`;
    return [
      {
        ...at(mb),
        severity: !known
          ? 'information'
          : (unsure(ctx, ['micro_batch', 'grad_accum', 'global_batch', 'model']) ?? (s ? undefined : 'information')),
        message: `Micro-batch ${micro} × ${accum} accumulation steps${acc.fromGlobal ? ` (${acc.fromGlobal})` : ''}: micro-batch ${micro * k} ${where} with the same global batch${s ? ` and ${s.text}` : ' and uses the tensor cores better'}.`,
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

/**
 * Accumulation steps: as written, or — when a config states the global batch instead (Megatron, NeMo, OLMo,
 * Composer) — global ÷ (micro × data-parallel devices), when that divides exactly.
 */
function accumulation(ctx: RuleContext, micro: number): { steps: number; fromGlobal?: string } | undefined {
  const ga = ctx.fact('grad_accum');
  const stated = ga && (ga.origin === 'explicit' || ga.origin === 'script-default' || ga.origin === 'inferred');
  const global = ctx.fact('global_batch');
  const g = num(global?.value);
  if (!stated && written(global) && g !== undefined) {
    // The device count must be stated: global 256 at micro-batch 1 is no accumulation at all on 256 GPUs.
    const d = ctx.fact('devices');
    if (!d || d.origin === 'assumed') return undefined;
    const devices = ctx.shape.inputs.devices ?? 1;
    const model = (num(ctx.value('tp')) ?? 1) * (num(ctx.value('pp')) ?? 1);
    const dp = num(ctx.value('dp')) ?? Math.max(1, Math.floor(devices / model));
    const steps = g / (micro * dp);
    if (Number.isInteger(steps) && steps >= 1)
      return { steps, fromGlobal: `global batch ${g} over ${dp} data-parallel device${dp === 1 ? '' : 's'}` };
    return undefined;
  }
  const n = num(ga?.value);
  if (n === undefined) return undefined;
  // Accumulation the linker derived from the global batch (its span is the global batch's): the file states the
  // global batch, so a fix changes the micro-batch only.
  const derived = written(global) && ga?.span?.start === global.span.start && ga.file === global.file;
  return derived ? { steps: n, fromGlobal: `global batch ${g}` } : { steps: n };
}
