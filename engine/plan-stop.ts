// An early stop that has nothing left to stop: a stopper judged at the end of each epoch (a patience counter around a
// hand-written epoch loop, Keras' `EarlyStopping`, whose `patience` is the "number of epochs with no improvement
// after which training will be stopped", https://keras.io/api/callbacks/early_stopping/) cannot end a run of one
// epoch early — the run ends there anyway. Such a run has no early stopping. Not where the run evaluates within an
// epoch (an evaluation every N steps, Lightning's `val_check_interval`), where a stop may fire mid-epoch.
import type { Fact, Origin, RunPlan } from './types';

const STATED: Origin[] = ['explicit', 'script-default', 'inferred'];

export function closeEarlyStop(plan: RunPlan): void {
  const f = plan.facts;
  const stop = f.get('early_stopping');
  const epochs = f.get('epochs');
  if (stop?.value !== true || epochs?.value !== 1 || !STATED.includes(epochs.origin)) return;
  if (plan.framework === 'lightning' || f.get('eval_strategy')?.value === 'steps') return;
  if (typeof f.get('eval_steps')?.value === 'number') return;
  const off: Fact = {
    ...stop,
    value: false,
    origin: STATED.indexOf(epochs.origin) > STATED.indexOf(stop.origin) ? epochs.origin : stop.origin,
    note: `${stop.note ?? 'an early stop'}, but the run is one epoch long: a stop judged at the end of an epoch never ends it early`,
  };
  f.set('early_stopping', off);
}
