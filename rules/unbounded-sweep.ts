import type { Rule } from './types';
import { at, setArg } from './helpers';

/**
 * GML853 unbounded-sweep — a search with no cap on trials or time.
 */
export const unboundedSweep: Rule = {
  code: 'GML853',
  name: 'unbounded-sweep',
  defaultSeverity: 'warning',
  summary: 'A hyper-parameter search with no trial count or time limit',
  doc: {
    whatItDoes:
      'Flags `study.optimize(objective)` without `n_trials` or `timeout`, and `wandb.agent(sweep_id)` without `count`.',
    whyIsThisBad:
      'Without a cap the search runs until someone stops it: Optuna documents that it "continues until it receives a ' +
      'termination signal", and W&B random and Bayesian sweeps run until stopped. Every extra trial is a full training run.',
    example: 'study.optimize(objective)',
    useInstead: 'study.optimize(objective, n_trials=50)',
    fixSafety:
      'Unsafe: the cap decides how much of the space is searched; 50 trials (Optuna) or 20 runs (W&B) are proposed.',
  },
  check(ctx) {
    const t = ctx.fact('sweep_trials');
    if (t?.value !== 'unbounded') return [];
    const wandb = String(ctx.value('sweep')).startsWith('wandb');
    const edits = wandb ? setArg(ctx, 'sweep_trials', 'count', 20) : setArg(ctx, 'sweep_trials', 'n_trials', 50);
    return [
      {
        ...at(t),
        message: wandb
          ? 'wandb.agent without count: a random or Bayesian sweep runs until stopped, each run a full training.'
          : 'study.optimize without n_trials or timeout: the search runs until interrupted, each trial a full training.',
        fixes: edits
          ? [
              {
                title: wandb ? 'Cap the sweep at 20 runs (count=20)' : 'Cap the search at 50 trials (n_trials=50)',
                applicability: 'unsafe',
                edits,
              },
            ]
          : [],
      },
    ];
  },
};
