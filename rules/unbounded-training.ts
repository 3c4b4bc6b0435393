import type { Rule } from './types';
import { at, num, written } from './helpers';

/**
 * GML601 unbounded-training — many epochs, a validation set, and no early stopping.
 */
export const unboundedTraining: Rule = {
  code: 'GML601',
  name: 'unbounded-training',
  defaultSeverity: 'information',
  summary: 'No epoch limit, or many epochs with a validation set evaluated but no early stopping',
  doc: {
    whatItDoes:
      'Flags a Lightning `Trainer(max_epochs=-1)` with no `max_steps`, `max_time` or `EarlyStopping` (it trains until ' +
      'killed), Keras `fit(epochs ≥ 50)` with `validation_data`/`validation_split`, and Hugging Face runs with ' +
      '`num_train_epochs ≥ 10` and an evaluation strategy, when no early-stopping callback is used.',
    whyIsThisBad:
      'The validation loss is computed and then ignored: training goes on for every epoch written even after the model ' +
      'stops improving, often for most of the run (Caruana et al. 2001; Keras `EarlyStopping` and Hugging Face ' +
      '`EarlyStoppingCallback` exist for this).',
    example: 'model.fit(x, y, validation_split=0.1, epochs=200)',
    useInstead:
      'model.fit(x, y, validation_split=0.1, epochs=200,\n          callbacks=[keras.callbacks.EarlyStopping(patience=10, restore_best_weights=True)])',
    fixSafety:
      'Display-only: early stopping changes how long the model trains, which depends on the task. Not flagged: runs ' +
      'with `max_steps` (or Lightning `max_time`), no validation set, fewer epochs, or an early-stopping callback.',
  },
  check(ctx) {
    if (ctx.value('early_stopping') === true) return [];
    const ep = ctx.fact('epochs');
    // Lightning `max_epochs=-1` (the extractor leaves the epoch count unknown and marks the fact `no-limit`).
    if (
      ctx.plan.framework === 'lightning' &&
      written(ep) &&
      ep.value === null &&
      ep.form === 'no-limit' &&
      !((num(ctx.value('max_steps')) ?? -1) > 0)
    )
      return [
        {
          ...at(ep),
          severity: 'warning',
          message:
            'max_epochs=-1 with no max_steps, max_time or EarlyStopping: training never stops by itself. Add an EarlyStopping callback or a limit.',
          fixes: [
            { title: 'Stop early when the validation loss stops improving', applicability: 'display-only', edits: [] },
          ],
        },
      ];
    const epochs = num(ep?.value);
    if (!written(ep) || epochs === undefined || (num(ctx.value('max_steps')) ?? -1) > 0) return [];
    const keras = ctx.plan.framework.startsWith('keras') && ctx.value('validation') === true && epochs >= 50;
    const es = ctx.value('eval_strategy');
    const hf =
      (ctx.plan.framework === 'hf-trainer' || ctx.plan.framework === 'trl') &&
      epochs >= 10 &&
      (es === 'steps' || es === 'epoch');
    if (!keras && !hf) return [];
    const how = keras
      ? 'keras.callbacks.EarlyStopping(patience=…, restore_best_weights=True)'
      : 'EarlyStoppingCallback(early_stopping_patience=…) with load_best_model_at_end=True';
    return [
      {
        ...at(ep),
        message: `${epochs} epochs with a validation set evaluated but no early stopping: training continues after the model stops improving. Add ${how}.`,
        fixes: [
          { title: 'Stop early when the validation loss stops improving', applicability: 'display-only', edits: [] },
        ],
      },
    ];
  },
};
