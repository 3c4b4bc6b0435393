// A step cadence that the run never reaches is no periodic save: `save_steps` at or past `max_steps`
// (nanoT5's `checkpoint.every_steps: 100000` "once in the end" over a shorter run), or a sentinel that says "never"
// (`save_steps=999999`, `ckpt_every=9999999`, `1e9`). Whatever the framework, `periodic_save` becomes `no` (form
// `past-run`), so rules see a run that saves only at its end; the interval is no cadence of the run, so the plan
// reports no `save_steps`, and the `periodic_save` fact carries it as written (`Fact.interval`) for GML303's finding
// and fix on that argument.
import type { Fact, Origin, RunPlan } from './types';

const STRENGTH: Origin[] = ['explicit', 'script-default', 'setting', 'inferred', 'framework-default', 'assumed'];
const weaker = (a: Fact, b: Fact): Origin =>
  STRENGTH.indexOf(a.origin) >= STRENGTH.indexOf(b.origin) ? a.origin : b.origin;

/** Nines only, from 99,999 up (`999999`, `9999999`), or 10⁸ and more: written to mean "never". */
export function neverInterval(n: number): boolean {
  return n >= 1e8 || (n >= 99_999 && /^9+$/.test(String(n)));
}

/**
 * A save period spelled without a unit (`SAVE_FREQ`, `CHECKPOINT_PERIOD`, `save_every`, `checkpoint_interval`) in a
 * run the files measure in epochs and not in steps, no larger than the epoch count: it counts epochs (Swin/SimMIM's
 * `SAVE_FREQ: 5` over `EPOCHS: 100`, pySlowFast's `CHECKPOINT_PERIOD`). A spelling that names steps or iterations
 * (`save_steps`, `every_n_train_steps`) keeps its unit.
 */
function epochPeriod(f: RunPlan['facts']): boolean {
  const every = f.get('save_steps');
  const epochs = f.get('epochs');
  if (typeof every?.value !== 'number' || typeof epochs?.value !== 'number' || f.has('max_steps')) return false;
  if (every.origin === 'assumed' || every.origin === 'setting' || every.origin === 'framework-default') return false;
  if (epochs.origin === 'assumed' || epochs.origin === 'setting' || epochs.origin === 'framework-default') return false;
  const spelled =
    every.name ??
    /key `([\w.-]+)`|^([\w.-]+)/
      .exec(every.note ?? '')
      ?.slice(1)
      .find(Boolean) ??
    '';
  const last = spelled.split('.').pop() ?? '';
  if (!/freq|period|every|interval/i.test(last) || /step|iter|batch|update|sample|token/i.test(last)) return false;
  return every.value >= 1 && every.value <= epochs.value;
}

/** Frameworks that document their unit-less save period in steps (verl's `trainer.save_freq`, ./vocabulary/sources.ts). */
const STEP_PERIOD = new Set(['verl']);
/**
 * Readers of the Hugging Face Trainer and TRL: `save_steps` is the "number of updates steps before two checkpoint
 * saves if save_strategy="steps"" (https://huggingface.co/docs/transformers/main_classes/trainer#transformers.TrainingArguments.save_steps),
 * read by nothing under another strategy.
 */
const HF_TRAINER = new Set(['hf-trainer', 'trl', 'hf']);

export function closeSaveCadence(plan: RunPlan): void {
  const f = plan.facts;
  dropIdleInterval(f, HF_TRAINER.has(plan.framework));
  const cadence = f.get('periodic_save')?.value;
  const period = f.get('save_steps');
  if (period && (cadence === 'steps' || cadence === 'epoch') && !STEP_PERIOD.has(plan.framework) && epochPeriod(f)) {
    const every = period;
    // Saved each epoch by the loop already (the period read beside it): only the step interval goes.
    if (cadence === 'epoch') {
      f.delete('save_steps');
      return;
    }
    f.set('periodic_save', {
      ...every,
      key: 'periodic_save',
      value: 'epoch',
      note: `${every.note ?? 'a save period'}: every ${every.value} epochs (the run is measured in epochs, the period names no unit)`,
    });
    f.delete('save_steps');
    return;
  }
  const save = f.get('periodic_save');
  const every = f.get('save_steps');
  if (save?.value !== 'steps' || typeof every?.value !== 'number' || every.value < 1) return;
  if (every.origin === 'assumed' || every.origin === 'setting') return;
  const stop = f.get('max_steps');
  const steps =
    typeof stop?.value === 'number' && stop.value > 0 && stop.origin !== 'assumed' && stop.origin !== 'setting'
      ? stop.value
      : undefined;
  // With the run's steps written, the interval is compared with them (a 999,999 interval in a run of 2 M steps is
  // reached); without, only a sentinel says "never".
  const never = steps === undefined && neverInterval(every.value);
  if (!never && (steps === undefined || every.value < steps)) return;
  const n = every.value.toLocaleString('en-US');
  const why =
    steps === undefined
      ? `a checkpoint every ${n} steps is written to mean never`
      : `a checkpoint every ${n} steps is not reached before the run's ${steps.toLocaleString('en-US')} steps end`;
  const fact: Fact = {
    ...save,
    value: 'no',
    form: 'past-run',
    file: every.file ?? save.file,
    span: every.span ?? save.span,
    origin: weaker(every, stop && steps !== undefined && !never ? stop : every),
    note: `${why}: no checkpoint before the end (${every.note ?? 'save_steps'})`,
    interval: every,
  };
  f.set('periodic_save', fact);
  f.delete('save_steps');
}

/**
 * A step interval is a cadence only under a step strategy: with saving off (`--save_strategy no`) or by epoch, the
 * Trainer never reads `save_steps` (transformers' `IntervalStrategy`), and with a strategy that is written but not
 * known here (`save_strategy=self.args.x`), the framework's default interval may not be the one in force. A run whose
 * own interval lies past its end (form `past-run`) keeps it on its `periodic_save` fact: it is why nothing is saved.
 */
function dropIdleInterval(f: RunPlan['facts'], trainer: boolean): void {
  const save = f.get('periodic_save');
  const every = f.get('save_steps');
  if (!every || save?.form === 'past-run') return;
  const isDefault = (x: Fact) => x.origin === 'framework-default' || x.origin === 'assumed';
  // Saving off: a written `no`, or a default interval under it. A default strategy under a written interval
  // (Lightning's epoch checkpoint beside `every_n_train_steps: 250`) says less than the interval. By epoch: only a
  // default interval goes (a loop read as saving each epoch may save under `step % save_steps` inside it); under the
  // Trainer's own `save_strategy="epoch"`, a written interval goes too (`--save_strategy epoch --save_steps 1`).
  const off =
    (save?.value === 'no' && (!isDefault(save) || isDefault(every))) ||
    (save?.value === 'epoch' && (isDefault(every) || (trainer && !isDefault(save))));
  const unknown = !!save && save.value === null && isDefault(every);
  if (off || unknown) f.delete('save_steps');
}
