// Which length bound a run has when its files state both a step budget and an epoch count. A step budget the files
// state ends the run, and an epoch count that is only a default does not stand beside it:
// - transformers' `max_steps`: "If set to a positive number, the total number of training steps to perform.
//   Overrides `num_train_epochs`" (https://huggingface.co/docs/transformers/main_classes/trainer#transformers.TrainingArguments.max_steps);
//   TRL's configs inherit it;
// - the Hugging Face and diffusers example scripts: `--max_train_steps` "Total number of training steps to perform. If
//   provided, overrides num_train_epochs", and `args.num_train_epochs = math.ceil(args.max_train_steps /
//   num_update_steps_per_epoch)` recomputes the epochs from it
//   (https://github.com/huggingface/diffusers/blob/main/examples/dreambooth/train_dreambooth.py);
// - Lightning's `max_epochs` is unlimited once `max_steps` is set.
// A step budget written for this run (in the file or on its command line) therefore outranks an epoch count the
// script only declares as its option's default, one read through the shared vocabulary, or a framework's default.
// Where both are written, the Hugging Face Trainer's documented override decides; elsewhere (a hand-written loop that
// breaks at whichever comes first) both stay.
import type { Origin, RunPlan } from './types';

/** Epoch counts a written step budget outranks: not written for this run. */
const UNWRITTEN: Origin[] = ['script-default', 'inferred', 'framework-default'];
/** Readers of the Hugging Face Trainer and TRL, whose `max_steps` overrides `num_train_epochs`. */
const HF_TRAINER = new Set(['hf-trainer', 'trl', 'hf']);

export function stepBudgetOverEpochs(plan: RunPlan): void {
  const steps = plan.facts.get('max_steps');
  const epochs = plan.facts.get('epochs');
  if (!epochs || typeof steps?.value !== 'number' || steps.value <= 0) return;
  if (steps.origin === 'framework-default' || steps.origin === 'assumed' || steps.origin === 'setting') return;
  const wins =
    epochs.origin === 'framework-default' ||
    (steps.origin === 'explicit' &&
      (UNWRITTEN.includes(epochs.origin) || (epochs.origin === 'explicit' && HF_TRAINER.has(plan.framework))));
  if (wins) plan.facts.delete('epochs');
}
