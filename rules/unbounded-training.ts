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
      'killed), a hand-written `while True:` training loop that nothing leaves (no `break` of its own, `return`, ' +
      '`raise` or `sys.exit()`), Keras `fit(epochs ≥ 50)` with `validation_data`/`validation_split`, Hugging Face runs with ' +
      '`num_train_epochs ≥ 10` and an evaluation strategy, and Lightning runs or hand-written loops of ≥ 50 epochs ' +
      'that evaluate a validation set every epoch, when nothing stops early (a callback, a patience counter, a ' +
      '`break` out of the epoch loop).',
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
    // Lightning `max_epochs=-1`, a hand-written `while True:` that nothing leaves (the extractor leaves the epoch
    // count unknown and marks the fact `no-limit`).
    if (written(ep) && ep.value === null && ep.form === 'no-limit' && !((num(ctx.value('max_steps')) ?? -1) > 0))
      return [
        {
          ...at(ep),
          severity: 'warning',
          message:
            ctx.plan.framework === 'lightning'
              ? 'max_epochs=-1 with no max_steps, max_time or EarlyStopping: training never stops by itself. Add an EarlyStopping callback or a limit.'
              : 'The training loop is a `while True:` that nothing leaves (no break, return or exit): training never stops by itself. Add a step or time budget, or stop when the validation loss stops improving.',
          fixes: [
            { title: 'Stop early when the validation loss stops improving', applicability: 'display-only', edits: [] },
          ],
        },
      ];
    const epochs = num(ep?.value);
    if (!written(ep) || epochs === undefined || (num(ctx.value('max_steps')) ?? -1) > 0) return [];
    const validated = ctx.value('validation') === true;
    const keras = ctx.plan.framework.startsWith('keras') && validated && epochs >= 50;
    // Lightning and hand-written loops: many epochs, a validation pass each epoch, and nothing that stops early
    // (an EarlyStopping callback, a break out of the epoch loop, a patience counter; unreadable callbacks count as
    // a possible stopper: early_stopping null).
    const lightning = ctx.plan.framework === 'lightning';
    const loop = !lightning && !ctx.plan.framework.startsWith('keras') && !/^(hf-trainer|trl)/.test(ctx.plan.framework);
    const other = (lightning || loop) && validated && epochs >= 50 && ctx.value('early_stopping') !== null;
    const es = ctx.value('eval_strategy');
    const hf =
      (ctx.plan.framework === 'hf-trainer' || ctx.plan.framework === 'trl') &&
      epochs >= 10 &&
      (es === 'steps' || es === 'epoch');
    if (!keras && !hf && !other) return [];
    const how = keras
      ? 'keras.callbacks.EarlyStopping(patience=…, restore_best_weights=True)'
      : lightning
        ? 'an EarlyStopping(monitor="val_loss", patience=…) callback'
        : hf
          ? 'EarlyStoppingCallback(early_stopping_patience=…) with load_best_model_at_end=True'
          : 'a patience counter that stops when the validation loss has not improved for a few epochs';
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
