import type { Rule } from './types';
import { at, num } from './helpers';

/** More fits than this in an exhaustive grid. */
export const MAX_GRID_FITS = 100;

/**
 * GML852 grid-search-explosion — an exhaustive grid of hundreds of fits.
 */
export const gridSearchExplosion: Rule = {
  code: 'GML852',
  name: 'grid-search-explosion',
  defaultSeverity: 'information',
  summary: 'An exhaustive grid search of more than 100 fits or runs',
  doc: {
    whatItDoes:
      '`GridSearchCV` whose `param_grid` (a dict literal) multiplies out, times the cross-validation folds, to more ' +
      'than 100 fits; a Weights & Biases grid sweep (`method: grid` in a sweep YAML or a `wandb.sweep({...})` dict) of ' +
      'more than 100 runs with no `early_terminate`.',
    whyIsThisBad:
      'Grid size is the product of the value lists: each added parameter multiplies it. Random search finds as good ' +
      'settings with far fewer trials when few parameters matter (Bergstra & Bengio 2012), and successive halving ' +
      '(`HalvingGridSearchCV`) drops poor candidates on small budgets first (scikit-learn docs).',
    example:
      'GridSearchCV(model, {"lr": [1e-4, 3e-4, 1e-3, 3e-3], "depth": [2, 4, 6, 8, 10], "width": [64, 128, 256, 512]}, cv=5)',
    useInstead: 'RandomizedSearchCV(model, param_distributions, n_iter=20, cv=5)  # or HalvingGridSearchCV',
    fixSafety:
      "Display-only: the search strategy is the user's choice. Not flagged: grids of 100 fits or fewer, W&B grids " +
      'with `early_terminate`, grids whose size cannot be read (distributions, nested parameters, values from code).',
  },
  check(ctx) {
    const g = ctx.fact('sweep_grid');
    const fits = num(g?.value);
    if (!g || fits === undefined || fits <= MAX_GRID_FITS) return [];
    if (ctx.value('sweep') === 'wandb-grid') {
      // A W&B grid: each run is a full training; early_terminate (Hyperband) already stops the poor ones.
      if (ctx.value('sweep_pruner') !== false) return [];
      return [
        {
          ...at(g),
          message: `The grid sweep launches ${fits} runs, each a full training, and stops none early: method: bayes (or random) with run_cap, and early_terminate (Hyperband), reach as good settings with a fraction of the runs.`,
          fixes: [
            { title: 'Use method: bayes with run_cap and early_terminate', applicability: 'display-only', edits: [] },
          ],
        },
      ];
    }
    return [
      {
        ...at(g),
        message: `The grid search fits ${fits} models (${g.note ?? ''}): a randomized or halving search covers it with a fraction of the fits.`,
        fixes: [{ title: 'Use RandomizedSearchCV or HalvingGridSearchCV', applicability: 'display-only', edits: [] }],
      },
    ];
  },
};
