import type { Rule } from './types';
import { at, num, written } from './helpers';

/** Fewer optimizer steps than this over a whole epoch-based run leaves the optimiser little to work with. */
export const FEW_STEPS = 10;

/**
 * GML206 oversized-effective-batch — a global batch so large that the run takes only a handful of steps.
 */
export const oversizedEffectiveBatch: Rule = {
  code: 'GML206',
  name: 'oversized-effective-batch',
  defaultSeverity: 'information',
  summary: 'The global batch is so large that the whole run makes only a handful of optimizer steps',
  doc: {
    whatItDoes:
      'Flags epoch-based runs on a known dataset whose global batch (micro-batch × accumulation × devices) leaves fewer ' +
      'than 10 optimizer steps in the whole run.',
    whyIsThisBad:
      'Beyond the critical batch size more examples per step buy almost nothing (McCandlish et al. 2018, "An ' +
      'Empirical Model of Large-Batch Training"; Shallue et al. 2019): the run spends the energy of many examples on a ' +
      'few updates and is then usually re-run with more epochs.',
    example:
      'TrainingArguments(per_device_train_batch_size=64, gradient_accumulation_steps=64, num_train_epochs=1)  # 20k examples',
    useInstead: 'TrainingArguments(per_device_train_batch_size=64, gradient_accumulation_steps=2, num_train_epochs=1)',
    fixSafety:
      'Display-only: the right batch depends on the learning rate and the task. Not flagged: runs with `max_steps`, ' +
      'assumed dataset sizes, LAMB/LARS large-batch recipes.',
  },
  check(ctx) {
    const total = ctx.shape.totalSteps;
    const steps = num(ctx.value('max_steps'));
    if (total === undefined || ctx.shape.stepsAssumed || (steps !== undefined && steps > 0)) return [];
    if (/lamb|lars/i.test(String(ctx.value('optimizer') ?? ''))) return [];
    const i = ctx.shape.inputs;
    const global = (i.microBatch ?? 1) * (num(ctx.value('grad_accum')) ?? 1) * (i.devices ?? 1);
    if (total >= FEW_STEPS || global < 64) return [];
    const f = ctx.fact('grad_accum');
    return [
      {
        ...(written(f) ? at(f) : {}),
        message: `A global batch of ${global} leaves only ${total} optimizer step${total === 1 ? '' : 's'} for the whole run: most examples buy little progress. Use less accumulation (or fewer devices) for more, smaller steps.`,
        fixes: [
          { title: 'Reduce gradient accumulation for more optimizer steps', applicability: 'display-only', edits: [] },
        ],
      },
    ];
  },
};
