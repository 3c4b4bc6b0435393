import type { Rule, RuleContext } from './types';
import { at, num, written } from './helpers';

/**
 * GML601 unbounded-training — no limit on the run, or many epochs with a validation set and no early stopping.
 */
export const unboundedTraining: Rule = {
  code: 'GML601',
  name: 'unbounded-training',
  defaultSeverity: 'information',
  summary: 'No limit on the run, or many epochs with a validation set evaluated but no early stopping',
  doc: {
    whatItDoes:
      'Flags training that nothing stops once the model has stopped improving. Unbounded runs (warning): a Lightning ' +
      '`Trainer(max_epochs=-1)` with no `max_steps`, `max_time` or `EarlyStopping`, and a hand-written `while True:` ' +
      'training loop that nothing leaves (no `break` of its own, `return`, `raise` or `sys.exit()`). Runs bounded in ' +
      'name only (information): no epoch, step or time limit written, so that the library falls back to a limit of ' +
      'its own (Lightning: 1000 epochs; not a `LightningCLI` or a Hydra Trainer group file on its own, whose run ' +
      'length the command line or the including config sets); an epoch count no run reaches (10,000 or more) on a run that evaluates as it ' +
      'goes, also when the loop reads it from a config the command line chooses (`range(args.train.epochs)`) and ' +
      'every config of the repository that sets that key gives 10,000 or more (not when the script exits on its ' +
      'epoch or step itself). Fixed schedules that evaluate every epoch and never stop early (information): Keras `fit(epochs ≥ 50)` ' +
      'with `validation_data`/`validation_split` and no `EarlyStopping` in its `callbacks` (one built and left out ' +
      'of the list counts as none; also a script whose model comes from a star import of its project, ' +
      '`from model_init import *`), Lightning runs and hand-written loops of ≥ 50 epochs with a validation pass every ' +
      'epoch and nothing that stops early (a callback, a patience counter, a `break` out of the epoch loop) — also ' +
      'when the loop reads its count from a config the script does not name (`range(config.train.epochs)`, ' +
      '`range(config["num_epochs"])`, `range(self.num_epochs)`) and every value the repository writes for that count ' +
      'is 50 or more (its YAML and JSON configs; for a one-level name or one no such config sets, also the literal ' +
      'numbers its code and launchers write for it: a dict entry, an argparse default, a dataclass field, a ' +
      '`--num_epochs 200` flag; nothing when any of them is below 50) — and ' +
      'Hugging Face arguments (a Trainer, or its flags in a launcher or config) with `num_train_epochs ≥ 10` and an ' +
      'evaluation strategy. Reported on the `fit()` call or the epoch loop that goes on regardless, else on the ' +
      'epoch count.',
    whyIsThisBad:
      'The validation loss is computed and then ignored: training goes on for every epoch written even after the model ' +
      'stops improving, often for most of the run (Prechelt 1998, "Early Stopping — But When?"; Keras `EarlyStopping` ' +
      'and Hugging Face `EarlyStoppingCallback` exist for this). A run with no limit at all goes on until someone ' +
      'notices. How much a fixed schedule wastes is not known before the run (a learning-rate schedule tied to the ' +
      'epoch count may need every epoch), so those findings are information.',
    example: 'model.fit(x, y, validation_split=0.1, epochs=200)',
    useInstead:
      'model.fit(x, y, validation_split=0.1, epochs=200,\n          callbacks=[keras.callbacks.EarlyStopping(patience=10, restore_best_weights=True)])',
    fixSafety:
      'Display-only: early stopping changes how long the model trains, which depends on the task. Not flagged: runs ' +
      'with `max_steps` (or Lightning `max_time`), no validation set, fewer epochs, an early-stopping callback that ' +
      'reaches the run, callbacks that cannot be read when the file builds a stopper, a `break` out of the epoch ' +
      "loop or a patience counter (not a learning-rate scheduler's `patience`, nor a command-line option declared " +
      "for the scheduler, such as timm's `--patience-epochs`), and large epoch counts on runs that never evaluate.",
  },
  check(ctx) {
    const stop = ctx.fact('early_stopping');
    if (stop?.value === true) return [];
    const ep = ctx.fact('epochs');
    const bounded = (num(ctx.value('max_steps')) ?? -1) > 0;
    const fix = [
      {
        title: 'Stop early when the validation loss stops improving',
        applicability: 'display-only' as const,
        edits: [],
      },
    ];
    // Lightning `max_epochs=-1`, a hand-written `while True:` that nothing leaves (the extractor leaves the epoch
    // count unknown and marks the fact `no-limit`).
    if (written(ep) && ep.value === null && ep.form === 'no-limit' && !bounded)
      return [
        {
          ...at(ep),
          severity: 'warning',
          message:
            ctx.plan.framework === 'lightning'
              ? 'max_epochs=-1 with no max_steps, max_time or EarlyStopping: training never stops by itself. Add an EarlyStopping callback or a limit.'
              : 'The training loop is a `while True:` that nothing leaves (no break, return or exit): training never stops by itself. Add a step or time budget, or stop when the validation loss stops improving.',
          fixes: fix,
        },
      ];
    const epochs = num(ep?.value);
    if (!ep || bounded) return [];
    // The bound is read from a config the command line chooses, and every config of the repository that sets it is
    // a placeholder (10,000 epochs or more): bounded in name only whichever config runs.
    if (
      written(ep) &&
      ep.value === null &&
      ep.form === 'placeholder-configs' &&
      evaluatedRun(ctx) &&
      stop?.value !== null
    )
      return [
        {
          ...at(ep),
          message: `No config of the repository limits this loop: every one that sets its bound gives ${PLACEHOLDER_EPOCHS.toLocaleString('en-US')} epochs or more, so the run evaluates as it goes but nothing stops it until someone stops it by hand. Set the number of steps the run needs, or stop when the validation loss has not improved for a while.`,
          fixes: fix,
        },
      ];
    // Nothing written limits the run and the library falls back to a limit of its own nobody chose (Lightning's
    // 1000 epochs when max_epochs, max_steps and max_time are all unset): the run is bounded in name only.
    if (ep.origin === 'framework-default' && epochs !== undefined && epochs >= FALLBACK_EPOCHS && stop?.value === false)
      return [
        {
          ...ctx.anchor,
          message: `No epoch, step or time limit is written: the run falls back to ${epochs} epochs, a length nobody chose, and nothing stops it early. Set max_epochs (or max_steps / max_time) for the run, or add an EarlyStopping callback.`,
          fixes: fix,
        },
      ];
    if (!written(ep)) return [];
    const validated = ctx.value('validation') === true;
    const es = ctx.value('eval_strategy');
    const evaluated = evaluatedRun(ctx);
    // An epoch count no run reaches (VITS's `epochs: 20000`, Wav2Lip's `nepochs=2e17`) on a run that evaluates as it
    // goes: the count is a placeholder, the run goes on until someone stops it by hand, watching the evaluation.
    if (epochs !== undefined && epochs >= PLACEHOLDER_EPOCHS && evaluated && stop?.value !== null)
      return [
        {
          ...at(ep),
          message: `${epochs} epochs is no limit: the run evaluates as it goes but nothing stops it, so it trains until someone stops it by hand. Set the number of steps the run needs, or stop when the validation loss has not improved for a while.`,
          fixes: fix,
        },
      ];
    // A Keras-style `fit(validation_data=…)` in a file whose framework is not read (its model comes from a star
    // import): the early_stopping fact sits on that call.
    const fitCall = stop?.form === 'call' && /(^|\.)fit(_generator)?$/.test(stop.name ?? '');
    const keras = (ctx.plan.framework.startsWith('keras') || fitCall) && validated;
    // Lightning and hand-written loops: many epochs, a validation pass each epoch, and nothing that stops early
    // (an EarlyStopping callback, a break out of the epoch loop, a patience counter; unreadable callbacks count as
    // a possible stopper: early_stopping null).
    const lightning = ctx.plan.framework === 'lightning';
    const hfRun = /^(hf|trl)/.test(ctx.plan.framework) || ctx.fact('eval_strategy')?.origin === 'inferred';
    const loop = !lightning && !ctx.plan.framework.startsWith('keras') && !hfRun;
    const other = (lightning || loop) && validated && stop?.value !== null;
    // Hugging Face arguments (a Trainer, or its flags in a launcher or config whose script is not in view).
    const hf =
      hfRun &&
      !lightning &&
      epochs !== undefined &&
      epochs >= HF_EPOCHS &&
      (es === 'steps' || es === 'epoch') &&
      stop?.value !== null;
    const how = keras
      ? 'keras.callbacks.EarlyStopping(patience=…, restore_best_weights=True)'
      : lightning
        ? 'an EarlyStopping(monitor="val_loss", patience=…) callback'
        : hf
          ? 'EarlyStoppingCallback(early_stopping_patience=…) with load_best_model_at_end=True'
          : 'a patience counter that stops when the validation loss has not improved for a few epochs';
    // Where the run goes on regardless: the fit() call that passes no stopper, the epoch loop's header; else the
    // epoch count.
    // The loop in a module the script calls (a project's `Trainer.training()`) while the script writes the count: on
    // the count, in the file that decides it.
    // Lightning's default (no EarlyStopping callback) is placed on the `fit()` call when the script makes one.
    const placed = !!stop?.file && !!stop.span;
    const loopHere = placed && (stop.file === ep.file || stop.file === ctx.plan.entry.file);
    const where = placed && stop.value === false && loopHere ? at(stop) : at(ep);
    const one = (n: number | string, place: ReturnType<typeof at>) => ({
      ...place,
      message: `${typeof n === 'number' ? `${n} epochs` : n} with a validation set evaluated but no early stopping: training continues after the model stops improving, and the saving is not known before the run (a fixed schedule may need every epoch). Add ${how}.`,
      fixes: fix,
    });
    // The count is read from a config the script does not name, and every value the repository writes for it is a
    // long schedule (engine/link/project-config-length.ts): judged as a written count of that length.
    const manyByConfigs = written(ep) && ep.value === null && ep.form === 'many-epochs-configs';
    const hfArgs = hfRun && !lightning && (es === 'steps' || es === 'epoch');
    const fromConfigs = `${MANY_EPOCHS} epochs or more (every value the repository writes for the loop's count is at least ${MANY_EPOCHS})`;
    const out = [];
    // Keras: every fit() of the script that validates with nothing that stops early (a frozen stage, then an
    // unfrozen one), each with the epochs it runs; the run's own fit takes the run's count when its own is unknown.
    if (keras && written(stop) && stop.also?.length) {
      for (const a of stop.also) {
        const own = a.span.start === stop.span.start;
        const n = num(a.value) ?? (own ? epochs : undefined);
        if (n !== undefined && n >= MANY_EPOCHS) out.push(one(n, { file: stop.file, span: a.span }));
      }
    } else if ((keras || other) && epochs !== undefined && epochs >= MANY_EPOCHS) out.push(one(epochs, where));
    else if (hf && epochs !== undefined) out.push(one(epochs, at(ep)));
    else if (manyByConfigs && stop?.value === false && (keras || other || hfArgs))
      out.push(one(fromConfigs, hfArgs ? at(ep) : where));
    return out;
  },
};

/** A validation pass every epoch, or an evaluation strategy or interval. */
function evaluatedRun(ctx: RuleContext): boolean {
  const es = ctx.value('eval_strategy');
  return (
    ctx.value('validation') === true || es === 'steps' || es === 'epoch' || num(ctx.value('eval_steps')) !== undefined
  );
}

/** Epochs from which a run that validates every epoch should stop early (Keras, Lightning, hand-written loops). */
const MANY_EPOCHS = 50;
/** Hugging Face fine-tunes converge in a few epochs (the Trainer's default is 3). */
const HF_EPOCHS = 10;
/** A library's own limit when none is written (Lightning: 1000 epochs) is no chosen length. */
const FALLBACK_EPOCHS = 1000;
/** An epoch count no run reaches: a placeholder for "until stopped". */
const PLACEHOLDER_EPOCHS = 10_000;
