import type { Rule } from './types';
import { at, num, written } from './helpers';

/**
 * GML851 hpo-without-pruning — every trial of a search runs to completion.
 */
export const hpoWithoutPruning: Rule = {
  code: 'GML851',
  name: 'hpo-without-pruning',
  defaultSeverity: 'information',
  summary: 'A hyper-parameter search whose trials can never be stopped early',
  doc: {
    whatItDoes:
      'Flags Optuna studies of 20 or more trials (or no cap) whose objective never reports intermediate values (no ' +
      '`trial.report` / `should_prune`, no pruning callback), or that set `NopPruner`; Weights & Biases random or ' +
      'Bayesian sweeps (sweep YAML or `wandb.sweep({...})`) with no `early_terminate` and no `run_cap` under 20; ' +
      'Ray Tune searches of 20 or more trials (`num_samples` × grid) with no scheduler (FIFO).',
    whyIsThisBad:
      'Most trials of a search are poor and recognisable after a fraction of their training; a pruner (Optuna uses ' +
      'MedianPruner by default) stops them — but only if the trial reports its progress. Without it every trial pays ' +
      'for its full training (Optuna docs, "Efficient Optimization Algorithms"; Li et al. 2018, Hyperband).',
    example:
      'def objective(trial):\n    ...\n    return trainer.train().training_loss\nstudy.optimize(objective, n_trials=100)',
    useInstead:
      'def objective(trial):\n    for epoch in range(n):\n        ...\n        trial.report(val_loss, epoch)\n        if trial.should_prune():\n            raise optuna.TrialPruned()',
    fixSafety: 'Display-only: where to report depends on the training loop (or use an integration callback).',
  },
  check(ctx) {
    const p = ctx.fact('sweep_pruner');
    // A W&B random or Bayesian sweep with no early_terminate: every run trains to the end.
    if (ctx.value('sweep') === 'wandb' && p?.value === false && written(p)) {
      const cap = num(ctx.value('sweep_trials'));
      if (cap !== undefined && cap < 20) return [];
      return [
        {
          ...at(p),
          message: `A ${cap ? `${cap}-run ` : ''}W&B sweep with no early_terminate: every run trains to the end, however poor. early_terminate: {type: hyperband, min_iter: 3} stops the poor ones once they log their metric.`,
          fixes: [{ title: 'Add early_terminate (Hyperband)', applicability: 'display-only', edits: [] }],
        },
      ];
    }
    // Ray Tune with no scheduler (FIFO): every trial runs to its end.
    if (ctx.value('sweep') === 'ray' && p?.value === false) {
      const trials = num(ctx.value('sweep_trials'));
      if (trials === undefined || trials < 20) return [];
      return [
        {
          ...at(p),
          message: `${trials} Ray Tune trials with no scheduler: FIFOScheduler runs every trial to its end, however poor. scheduler=ASHAScheduler(…) stops the poor ones once they report.`,
          fixes: [
            { title: 'Use an early-stopping scheduler (ASHAScheduler)', applicability: 'display-only', edits: [] },
          ],
        },
      ];
    }
    if (ctx.value('sweep') !== 'optuna' || !p || p.value === true) return [];
    const t = ctx.value('sweep_trials');
    const trials = t === 'unbounded' ? Infinity : num(t);
    if (p.value === null && (trials === undefined || trials < 20)) return [];
    return [
      {
        ...at(p),
        message:
          p.value === false
            ? 'The study uses NopPruner: every trial trains to the end, however poor.'
            : `${trials === Infinity ? 'Trials' : `${trials} trials`} that never report intermediate values: no trial can be pruned, every one trains to the end.`,
        fixes: [
          {
            title: 'Report progress with trial.report() and prune with trial.should_prune()',
            applicability: 'display-only',
            edits: [],
          },
        ],
      },
    ];
  },
};
