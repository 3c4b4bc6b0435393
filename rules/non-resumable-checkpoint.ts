import type { Rule, RuleFinding } from './types';
import {
  LONG_SIGNS,
  at,
  configsEpochSign,
  estimated,
  longRun,
  longSign,
  num,
  setArg,
  settingText,
  written,
} from './helpers';

/**
 * GML302 non-resumable-checkpoint — checkpoints of a long run that cannot restart training.
 */
export const nonResumableCheckpoint: Rule = {
  code: 'GML302',
  name: 'non-resumable-checkpoint',
  defaultSeverity: 'warning',
  summary: 'A long run saves only model weights: its checkpoints cannot resume training',
  doc: {
    whatItDoes:
      'Flags `save_only_model=True`, Lightning `ModelCheckpoint(save_weights_only=True)` (information when it keeps ' +
      'the best model of a monitored metric), or a hand-written loop whose only checkpoints keep the model alone ' +
      '(the saves of the epoch loop and those the training function it calls makes after its batch loop, together) — ' +
      '`torch.save(model.state_dict(), …)`, `torch.save(model, …)`, a dict of weights and counters with no optimizer, ' +
      '`model.save_pretrained(…)`, Keras `save_weights`, `fabric.save(path, {"model": model})`, a saving function ' +
      'of the file that writes only those (reported where it writes them) or that writes what it is handed, given such ' +
      'a dict at the call (`save_checkpoint({"epoch": e, "state_dict": …}, is_best)`: reported where it writes and on ' +
      'that call, where the optimizer would go), or a saving helper of another module handed ' +
      'the checkpoint as dicts of weights and counters (`save_checkpoint(path, {"epoch": e, "state_dict": …})`); a ' +
      'save of the best model so far (under `if acc > best_acc:`) is an export, not judged, and each other save is its ' +
      'own finding — and Keras `ModelCheckpoint(save_weights_only=True)` when every checkpoint callback of the file ' +
      'keeps the weights alone and no `BackupAndRestore` is passed (each one not `save_best_only` reported) — ' +
      'on a run estimated to take longer than `checkpoint-threshold-hours` GPU-hours; on a run that cannot be ' +
      'estimated (or whose length rests on an assumed dataset size), as information when the file states a long run ' +
      '(≥ 10,000 steps, ≥ 50 epochs, ≥ 8 devices or ≥ 1 B parameters, two of them, or 1,000,000 steps or more alone; ' +
      'for a save inside the loop or a ' +
      'Keras or Lightning checkpoint callback that keeps the latest epoch, ≥ 50 epochs written is enough, also when ' +
      'the loop reads its count from a config the script does not name and every value the repository writes for ' +
      'that count is 50 or more — its YAML and JSON configs, or, for a name no such config sets, the literal numbers ' +
      'its code and launchers write for it: a dataclass `epochs: int = 50`, a dict entry, an argparse default, a ' +
      '`--epochs 200` flag).',
    whyIsThisBad:
      'A weights-only checkpoint has no optimizer, scheduler or RNG state: the TrainingArguments docs say it ' +
      '"prevents resuming training from the checkpoint". After an interruption the run starts over, and the energy ' +
      'spent so far is lost although checkpoints were written.',
    example: 'TrainingArguments(output_dir="out", save_steps=500, save_only_model=True)',
    useInstead: 'TrainingArguments(output_dir="out", save_steps=500, save_total_limit=2)',
    fixSafety:
      'Safe: full checkpoints take more disk (bound it with save_total_limit) but do not change training. In a ' +
      'hand-written loop the fix is display-only (what to save depends on the script). Not flagged: short runs, final ' +
      'exports (`trainer.save_model()`), best-model exports, loops that also save the optimizer or call a saving ' +
      'function of their own. Keras: the fix is display-only — add `BackupAndRestore`, or save the whole model ' +
      '(`model.save` keeps the optimizer; Keras 3 wants a `.keras` path for it).',
  },
  check(ctx) {
    const f = ctx.fact('save_only_model');
    if (f?.value !== true || !written(f)) return [];
    // A run that cannot be estimated is flagged (information) when the file states a long run.
    const known = estimated(ctx);
    // A save inside the loop that keeps only the weights is written for restarts: a schedule of many epochs written in
    // the file (≥ 50) is enough for information alone — what an interruption loses grows with the run's length. A step
    // count is not (60,000 MNIST images × 10 epochs are ≈ 19,000 steps of seconds each).
    const ep = ctx.fact('epochs');
    const epochs = ep && ep.origin !== 'assumed' && ep.origin !== 'framework-default' ? num(ep.value) : undefined;
    // The same signs count when the estimate's length rests on an assumed dataset size.
    // Lightning's ModelCheckpoint(save_weights_only=True) with no monitored metric keeps the latest epoch's checkpoint:
    // like Keras's callback, a point to restart from (a monitored one keeps the best model: form `best-only`).
    const lightningLatest = f.name === 'save_weights_only' && f.form === undefined;
    const everyEpoch = f.form === 'weights-only-save' || f.form === 'keras-weights-only' || lightningLatest;
    const sign =
      known && !ctx.shape.stepsAssumed
        ? undefined
        : (longSign(ctx) ??
          (everyEpoch && epochs !== undefined && epochs >= LONG_SIGNS.epochs
            ? `${epochs} epochs`
            : everyEpoch
              ? configsEpochSign(ctx)
              : undefined));
    const isLong = known && longRun(ctx);
    if (!isLong && !sign) return [];
    const long = isLong ? 'this long run' : `this run (length unknown, but ${sign} written)`;
    // A hand-written loop's `torch.save(model.state_dict(), …)`: what to add depends on the script (display-only).
    const loop = f.form === 'weights-only-save';
    // The keyword as the file spells it (`save_only_model`, Lightning's `save_weights_only`).
    const name = f.name && !f.name.startsWith('-') ? f.name : 'save_only_model';
    const edits = loop || f.form === 'keras-weights-only' ? undefined : setArg(ctx, 'save_only_model', name, false);
    const keras = f.form === 'keras-weights-only';
    const finding: RuleFinding = {
      ...at(f),
      // A best-model export (kept when a monitored metric improves) is often meant as the result, not a restart
      // point: information that says what it costs.
      severity: ctx.shape.stepsAssumed || sign || f.form === 'best-only' ? 'information' : undefined,
      message: loop
        ? `Checkpoints hold only the model weights (${f.note}): after an interruption ${long} cannot resume where it stopped. Save the optimizer, scheduler, scaler and epoch/step too.`
        : keras
          ? `Checkpoints hold only the model weights (${f.note}): no optimizer state or epoch, so after an interruption ${long} cannot resume where it stopped.`
          : `Checkpoints hold only the model weights (${settingText(f, true, 'save_only_model')}): after an interruption ${long} cannot resume and starts over.`,
      fixes: loop
        ? [
            {
              title: 'Save a resumable checkpoint: {"model": …, "optimizer": optimizer.state_dict(), "epoch": epoch}',
              applicability: 'display-only' as const,
              edits: [],
            },
          ]
        : keras
          ? [
              {
                title:
                  'Add keras.callbacks.BackupAndRestore(backup_dir) to resume after an interruption, or save the whole model (save_weights_only=False, a .keras path)',
                applicability: 'display-only' as const,
                edits: [],
              },
            ]
          : edits
            ? [{ title: `Save resumable checkpoints (${name}=False)`, applicability: 'safe' as const, edits }]
            : [],
    };
    // Each save that keeps only the weights is its own finding (Fact.also): a loop's two regular saves, two callbacks.
    return [finding, ...(f.also ?? []).map((a) => ({ ...finding, file: f.file, span: a.span, fixes: finding.fixes }))];
  },
};
