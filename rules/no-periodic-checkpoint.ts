import * as fmt from '../engine/format';
import type { Rule, RuleContext } from './types';
import { LARGE_PARAMS } from './checkpoint-churn';
import { LONG_SIGNS, configsEpochSign, longSign, num, written } from './helpers';
import type { FactKey } from '../engine/types';

/**
 * Checkpoint interval to propose: about 30 minutes of wall-clock time, at most a quarter of the run, rounded down to
 * a readable number of steps — always below the run's length, so the fix writes a checkpoint and clears the finding.
 * Undefined for a run of fewer than 2 steps.
 */
export function niceSaveSteps(totalSteps: number, wallHours: number): number | undefined {
  if (totalSteps < 2) return undefined;
  const perHalfHour = wallHours > 0 ? (totalSteps / wallHours) * 0.5 : totalSteps / 10;
  const target = Math.max(1, Math.min(perHalfHour, totalSteps / 4));
  const nice = [1, 2, 5, 10, 20, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 50000];
  let best = 1;
  for (const n of nice) if (n <= target) best = n;
  return best;
}

/**
 * GML301 no-periodic-checkpoint — a long run that cannot survive an interruption.
 */
export const noPeriodicCheckpoint: Rule = {
  code: 'GML301',
  name: 'no-periodic-checkpoint',
  defaultSeverity: 'warning',
  summary: 'A run longer than the threshold (default 1 GPU-hour) saves no resumable checkpoint along the way',
  doc: {
    whatItDoes:
      'Flags runs estimated to take longer than `checkpoint-threshold-hours` GPU-hours (default 1) that save no checkpoint ' +
      'before the end: `save_strategy="no"`, a Lightning `enable_checkpointing=False`, a plain training loop (PyTorch, ' +
      'vision or language) with no save inside it. When the run length rests on an assumed dataset size, or cannot be ' +
      'estimated, the finding is information only; a loop that cannot be estimated is flagged only when the file ' +
      'states a long run (≥ 10,000 steps, ≥ 50 epochs, ≥ 8 devices or a model of ≥ 1 B parameters; also an epoch ' +
      'count read from a config the script does not name where every value the repository writes for it is 50 or ' +
      'more, as GML601 reads it), and a recipe of ' +
      '≥ 50 epochs estimated short only under an assumed dataset size is flagged when a dataset up to ten times that ' +
      'size would make it long (the message says from what size). `save_steps` ' +
      'past the end of the run is GML303.',
    whyIsThisBad:
      'Interruptions are routine — spot pre-emption, out-of-memory late in an epoch, driver resets, wall-time limits. Meta ' +
      'reports 419 unexpected interruptions in 54 days of Llama 3 405B pre-training (Llama 3 paper, 2024). Without periodic ' +
      'checkpoints an interruption throws away everything computed so far, and the energy with it.',
    example: 'TrainingArguments(output_dir="out", num_train_epochs=3, save_strategy="no")',
    useInstead:
      'TrainingArguments(output_dir="out", num_train_epochs=3, save_strategy="steps", save_steps=500, save_total_limit=2)',
    fixSafety:
      'Safe: saving does not change training results. It costs disk space (bounded by save_total_limit) and a little time ' +
      "per save. The Trainer's default (save every 500 steps) is never flagged unless the run is shorter than 500 steps.",
  },
  check(ctx) {
    const strategy = ctx.fact('periodic_save');
    const total = ctx.shape.totalSteps;
    // save_steps past the end of the run is GML303's finding (save-steps-past-run).
    const at = strategy;
    const reason =
      strategy?.value === 'no'
        ? `no checkpoint is saved during training (${strategy.note ?? 'saving is off'})`
        : undefined;
    if (!reason) return [];
    // A loop whose only save keeps the best model so far (`if acc > best: torch.save(…)`) saves inside the run: a
    // restart loses the progress since the last improvement, not the run. Not this rule's finding (GML302 judges
    // what such a save keeps).
    if (strategy?.form === 'best-only') return [];
    // An interval past the end of a run of known length is GML303's finding, on the interval itself.
    const every = num(ctx.value('save_steps') ?? strategy?.interval?.value);
    if (strategy?.form === 'past-run' && total !== undefined && every !== undefined && every >= total) return [];
    const gpuHours = ctx.estimate.gpuHours.mid;
    const known = ctx.estimate.method !== 'insufficient-inputs' && gpuHours > 0;
    const threshold = ctx.settings.checkpointThresholdHours;
    // Short only under an assumed dataset size: a recipe of many epochs (≥ 50) whose run would pass the threshold on a
    // dataset up to ten times the assumed one still gets information that says what the dataset size would need to be.
    const epochs = ctx.fact('epochs');
    const manyEpochs = written(epochs) && (num(epochs.value) ?? 0) >= LONG_SIGNS.epochs;
    const crossesAt =
      known && gpuHours < threshold && ctx.shape.stepsAssumed && manyEpochs && gpuHours * 10 >= threshold
        ? examplesFor(ctx, threshold / gpuHours)
        : undefined;
    if (known && gpuHours < threshold && !crossesAt) return [];
    // A framework that saves nothing by default (a plain loop, Keras fit) is only worth a word when the run is long:
    // with no estimate, when the file itself states a long run (≥ 10,000 steps, ≥ 50 epochs, ≥ 8 devices, ≥ 1 B
    // parameters) — information that says what the length rests on.
    const sign = known ? undefined : (longSign(ctx) ?? lengthSign(ctx));
    if (!known && at?.origin !== 'explicit' && !sign) return [];
    const wall = ctx.estimate.wallHours.mid;
    const steps = total !== undefined && total > 0 ? niceSaveSteps(total, wall) : 500;
    if (steps === undefined) return [];
    const lostKWh = ctx.estimate.energyKWh.mid / 2;
    const interval = total && wall > 0 ? (steps / total) * wall : undefined;
    // A length that rests on an assumed dataset size is a guess: say so, and do not warn on it.
    const guessed = known && ctx.shape.stepsAssumed;
    const length = known
      ? `this run (≈ ${fmt.hours(wall)} wall-clock, ${fmt.num(gpuHours)} GPU-h${guessed ? `, assuming the dataset size${crossesAt ? `; over ${fmt.num(threshold)} GPU-h from ${crossesAt}` : ''}: set greenml.datasetSize` : ''})`
      : `this run (length unknown${sign ? `, but ${sign} written` : ''}: set the model and hardware to estimate it)`;
    // Saving turned on for a model of billions of parameters keeps the last two checkpoints too, where the file can
    // say so (`save_total_limit`), so that the fix does not trade lost work for tens of GB per save kept forever.
    const keep =
      (ctx.shape.inputs.params ?? 0) >= LARGE_PARAMS && ctx.fact('save_total_limit') === undefined
        ? ctx.edit({ periodic_save: 'steps', save_steps: steps, save_total_limit: 2 })
        : undefined;
    const edits = keep ?? ctx.edit({ periodic_save: 'steps', save_steps: steps });
    // Expected loss per interruption: half the run without checkpoints, half an interval with them.
    const lostWithKWh = interval && wall > 0 ? (ctx.estimate.energyKWh.mid * (interval / wall)) / 2 : 0;
    const saving = known
      ? ` (≈ ${interval ? fmt.hours(interval) : `${steps} step${steps === 1 ? '' : 's'}`}) — saves ≈ ${fmt.energy(lostKWh - lostWithKWh)} per interruption`
      : '';
    return [
      {
        severity:
          known &&
          !guessed &&
          !ctx.inferred(['periodic_save', 'save_steps', 'max_steps', 'epochs', 'micro_batch', 'params'])
            ? undefined
            : 'information',
        span: at?.span,
        file: at?.file,
        message: `${reason}: ${length} cannot survive an interruption; on average one loses half the run${known ? ` (≈ ${fmt.energy(lostKWh)})` : ''}.`,
        fixes: edits
          ? [
              {
                title: `Save a checkpoint every ${steps} step${steps === 1 ? '' : 's'}${saving}`,
                applicability: 'safe',
                edits,
              },
            ]
          : [],
      },
    ];
  },
};

/** The dataset size at which a run whose length rests on an assumed size reaches `factor` times its estimate. */
function examplesFor(ctx: RuleContext, factor: number): string {
  const n = num(ctx.value('dataset_size'));
  return n === undefined
    ? `${fmt.num(factor)}× the assumed dataset`
    : `≈ ${Math.ceil((n * factor) / 1000).toLocaleString('en-US')},000 examples per epoch`;
}

/**
 * A run length the files write that is long by itself (≥ 50 epochs or ≥ 10,000 steps, never an assumed one): with no
 * estimate, a run that saves nothing along the way is still worth a word, as information that says what it rests on.
 */
function lengthSign(ctx: RuleContext): string | undefined {
  const w = (k: FactKey) => {
    const f = ctx.fact(k);
    return f && f.origin !== 'assumed' && f.origin !== 'setting' ? num(f.value) : undefined;
  };
  const steps = w('max_steps');
  if (steps !== undefined && steps >= LONG_SIGNS.steps) return `${steps.toLocaleString('en-US')} steps`;
  const epochs = w('epochs');
  if (epochs !== undefined && epochs >= LONG_SIGNS.epochs) return `${epochs} epochs`;
  return configsEpochSign(ctx);
}
