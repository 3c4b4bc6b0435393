import { GENERIC_HARDWARE_SPEED } from '../core/compute';
import * as fmt from '../engine/format';
import type { Rule, RuleFinding } from './types';
import { at, num, setArg, written } from './helpers';
import { niceSaveSteps } from './no-periodic-checkpoint';

/** A save more often than this (minutes of wall-clock) stalls a run with multi-GB checkpoints. */
export const MIN_SAVE_MINUTES = 5;
/** Models at least this large write multi-GB checkpoints (weights + optimizer ≈ 12–16 bytes per parameter). */
export const LARGE_PARAMS = 1e9;
/** More saves than this with no limit fills the disk. */
export const MANY_SAVES = 20;

/**
 * GML304 checkpoint-churn — saving too often, or keeping every checkpoint of a large model.
 */
export const checkpointChurn: Rule = {
  code: 'GML304',
  name: 'checkpoint-churn',
  defaultSeverity: 'information',
  summary: 'Checkpoints of a large model saved every few minutes, or all of them kept',
  doc: {
    whatItDoes:
      'Flags, for models of 1 B parameters or more, a written `save_steps` that saves more often than every 5 minutes ' +
      'of estimated wall-clock time (the time of a step times `save_steps`, on the slow end of the assumed GPU when ' +
      'none is named; judged also when the dataset size is ' +
      'assumed, since it does not change the time of a step), and runs that write more than 20 checkpoints with no ' +
      '`save_total_limit` (not when the run length rests on an assumed dataset size).',
    whyIsThisBad:
      'A full checkpoint of a 7 B model with AdamW states is ≈ 100 GB: writing it stalls the GPUs (saves are ' +
      'synchronous by default) and keeping every one fills disks and storage that draw power. Lightning advises saving ' +
      'less often "to avoid slowdowns"; torchtune issue #988 describes 16 GB merged checkpoints per epoch.',
    example: 'TrainingArguments(save_steps=10)  # 7B model',
    useInstead: 'TrainingArguments(save_steps=500, save_total_limit=2)',
    fixSafety:
      'Safe: fewer or bounded checkpoints do not change training (the latest ones are kept). Unsafe when the dataset ' +
      'size is assumed: the interval proposed may then be longer than the real run.',
  },
  check(ctx) {
    const params = ctx.shape.inputs.params;
    const total = ctx.shape.totalSteps;
    const wall = ctx.estimate.wallHours.mid;
    if (!params || params < LARGE_PARAMS || total === undefined || total < 1) return [];
    if (ctx.value('periodic_save') !== 'steps') return [];
    const s = ctx.fact('save_steps');
    const every = num(s?.value);
    if (every === undefined || every < 1) return [];
    const out: RuleFinding[] = [];
    // The time between saves is `save_steps` × the time of one step (the estimate's wall-clock over its steps). The
    // step's time rests on the model, the batch and the sequence length, not on how many steps the run has: an
    // assumed dataset size scales the wall-clock and the step count together and leaves it unchanged.
    // With the GPU unknown, the estimate assumes an A100-class one that may be as slow as the low end of the core's
    // band for it (GENERIC_HARDWARE_SPEED): a save is too frequent only if it is, even at that end.
    const slowest = ctx.accelerator ? 1 : GENERIC_HARDWARE_SPEED.low;
    const minutes = wall > 0 ? ((every / total) * wall * 60) / slowest : undefined;
    // The time between saves rests on the step time: not judged when the batch or sequence length is a guess.
    const guessed = (['micro_batch', 'seq_len'] as const).some((k) => ctx.fact(k)?.origin === 'assumed');
    if (written(s) && !guessed && minutes !== undefined && minutes < MIN_SAVE_MINUTES) {
      const steps = niceSaveSteps(total, wall);
      const edits = steps && steps > every ? ctx.edit({ save_steps: steps }) : undefined;
      // The interval proposed is kept under a quarter of the run; when the run's length rests on an assumed dataset
      // size, a shorter real run may end before the first save: the fix is then not safe.
      const assumed = ctx.shape.stepsAssumed;
      out.push({
        ...at(s),
        message: `A checkpoint every ${every} steps is one every ≈ ${fmt.hours(minutes / 60)}${ctx.accelerator ? '' : ' (GPU not named: timed at the slow end of the A100-class GPU assumed; set greenml.hardware)'} for a ${fmt.num(params / 1e9)} B model: each save stalls training and writes tens of GB.`,
        fixes: edits
          ? [
              {
                title: `Save every ${steps} steps (≈ 30 min${assumed ? '; the run length is assumed' : ''})`,
                applicability: assumed ? 'unsafe' : 'safe',
                edits,
              },
            ]
          : [],
      });
    }
    // How many checkpoints the run writes rests on its length: not judged when the dataset size is assumed.
    if (ctx.shape.stepsAssumed) return out;
    const limit = ctx.fact('save_total_limit');
    const saves = Math.floor(total / every);
    // `save_total_limit` is a TrainingArguments field: only frameworks built on it get this advice.
    const hfArgs = ['hf-trainer', 'trl', 'axolotl', 'llamafactory', 'hf'].includes(ctx.plan.framework);
    if (hfArgs && num(limit?.value) === undefined && limit?.value !== null && saves > MANY_SAVES && !out.length) {
      const edits = setArg(ctx, 'save_total_limit', 'save_total_limit', 2);
      out.push({
        ...(written(s) ? at(s) : {}),
        message: `${saves} checkpoints of a ${fmt.num(params / 1e9)} B model are all kept (no save_total_limit): each is tens of GB of storage.`,
        fixes: edits
          ? [{ title: 'Keep the last 2 checkpoints (save_total_limit=2)', applicability: 'safe', edits }]
          : [],
      });
    }
    return out;
  },
};
