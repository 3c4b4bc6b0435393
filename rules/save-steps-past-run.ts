import * as fmt from '../engine/format';
import type { Rule } from './types';
import { assumedLength, at, estimated, longRun, num, settingText, written } from './helpers';
import { LARGE_PARAMS } from './checkpoint-churn';
import { niceSaveSteps } from './no-periodic-checkpoint';

/**
 * GML303 save-steps-past-run — a save interval longer than the run: no checkpoint is ever written.
 */
export const saveStepsPastRun: Rule = {
  code: 'GML303',
  name: 'save-steps-past-run',
  defaultSeverity: 'warning',
  summary: '`save_steps` is larger than the whole run, so no checkpoint is written before the end',
  doc: {
    whatItDoes:
      "Flags a written `save_steps` (or its equivalent in a config) at least as large as the run's total optimizer " +
      'steps, on a run longer than `checkpoint-threshold-hours` GPU-hours. When the step count rests on an assumed ' +
      "dataset size, or the run's duration cannot be estimated, the finding is information and names the assumption; " +
      'a run estimated shorter than the threshold is not flagged.',
    whyIsThisBad:
      'The interval is never reached: the run saves nothing along the way although the code looks as if it did, and an ' +
      'interruption loses everything computed so far. It often follows a change of dataset or batch size that ' +
      'shortened the run.',
    example: 'TrainingArguments(max_steps=3000, save_steps=5000)',
    useInstead: 'TrainingArguments(max_steps=3000, save_steps=500)',
    fixSafety: 'Safe: saving does not change training results. The interval proposed is ≈ 30 minutes of steps.',
  },
  check(ctx) {
    // A cadence past a stated max_steps is already `periodic_save: no` (form `past-run`), which carries the interval
    // (the plan reports no `save_steps` for it); this rule still names it.
    const save = ctx.fact('periodic_save');
    const s = ctx.fact('save_steps') ?? (save?.form === 'past-run' ? save.interval : undefined);
    const every = num(s?.value);
    const total = ctx.shape.totalSteps;
    if (!written(s) || every === undefined || every < 1 || total === undefined) return [];
    if ((save?.value !== 'steps' && save?.form !== 'past-run') || every < total) return [];
    // The step count rests on an assumed dataset size, or the run's duration cannot be estimated: information that
    // names what is unknown. A run estimated short needs no checkpoint.
    const assumed = assumedLength(ctx);
    const known = estimated(ctx);
    if (known && !longRun(ctx)) return [];
    const wall = known ? ctx.estimate.wallHours.mid : 0;
    const steps = niceSaveSteps(total, wall);
    // As GML301's fix: a model of billions of parameters also keeps only the last two checkpoints where the file can
    // say so, so that the new interval does not write tens of GB per save kept forever (GML304).
    const keep =
      steps && (ctx.shape.inputs.params ?? 0) >= LARGE_PARAMS && ctx.fact('save_total_limit') === undefined
        ? ctx.edit({ periodic_save: 'steps', save_steps: steps, save_total_limit: 2 })
        : undefined;
    const edits = keep ?? (steps ? ctx.edit({ periodic_save: 'steps', save_steps: steps }) : undefined);
    const interval = steps && wall > 0 ? ` (≈ ${fmt.hours((steps / total) * wall)})` : '';
    const length = `≈ ${total.toLocaleString('en-US')} steps${assumed ? `, ${assumed}` : ''}`;
    const cost = known
      ? `this run (≈ ${fmt.hours(wall)} wall-clock, ${fmt.num(ctx.estimate.gpuHours.mid)} GPU-h) loses on average half of it (≈ ${fmt.energy(ctx.estimate.energyKWh.mid / 2)}) to an interruption`
      : 'an interruption loses everything computed so far (the run’s duration is unknown: set the model and hardware to estimate it)';
    return [
      {
        ...at(s),
        severity: assumed || !known ? 'information' : undefined,
        message: `${settingText(s, every, 'save_steps')} is not reached before the run ends (${length}): no checkpoint is written, and ${cost}.`,
        fixes: edits
          ? [
              {
                title: `Save a checkpoint every ${steps} step${steps === 1 ? '' : 's'}${interval}`,
                applicability: 'safe',
                edits,
              },
            ]
          : [],
      },
    ];
  },
};
