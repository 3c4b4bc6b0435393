import type { Rule } from './types';
import { at, num, setArg, written } from './helpers';

/** More evaluations than this over a run is too many for the training it checks. */
export const MAX_EVALS = 50;

const nice = (n: number) => {
  const steps = [10, 20, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000];
  let best = 10;
  for (const s of steps) if (s <= n) best = s;
  return best;
};

/**
 * GML701 eval-too-frequent — evaluation every few steps, or falling back to the logging interval.
 */
export const evalTooFrequent: Rule = {
  code: 'GML701',
  name: 'eval-too-frequent',
  defaultSeverity: 'information',
  summary: 'Evaluation runs so often that it takes a large share of the run',
  doc: {
    whatItDoes:
      'Flags `eval_strategy="steps"` runs that evaluate more than 50 times: a small `eval_steps`, or no `eval_steps` ' +
      'at all, in which case the Trainer falls back to `logging_steps` (a warning when that is 50 steps or fewer).',
    whyIsThisBad:
      'Each evaluation is a forward pass over the whole validation set. The TrainingArguments docs: `eval_steps` ' +
      '"will default to the same value as logging_steps if not set" — with logging every 10 steps the run evaluates ' +
      'every 10 steps, and evaluation can cost more than the training it checks.',
    example: 'TrainingArguments(eval_strategy="steps", logging_steps=10)',
    useInstead: 'TrainingArguments(eval_strategy="steps", eval_steps=500, logging_steps=10)',
    fixSafety:
      'Safe: evaluating less often does not change training. Not flagged when `load_best_model_at_end` ties ' +
      'checkpoints to evaluations (no fix then), nor on runs whose length rests on an assumed dataset size.',
  },
  check(ctx) {
    const es = ctx.fact('eval_strategy');
    if (es?.value !== 'steps' || !written(es)) return [];
    const total = ctx.shape.totalSteps;
    if (total === undefined || ctx.shape.stepsAssumed) return [];
    const ev = ctx.fact('eval_steps');
    const evalSteps = num(ev?.value);
    const logging = num(ctx.value('logging_steps')) ?? 500;
    const every = evalSteps ?? logging;
    if (every < 1 || total / every <= MAX_EVALS) return [];
    const fallback = evalSteps === undefined;
    const target = nice(total / 20);
    const edits =
      ctx.value('load_best') === true || target <= every ? undefined : setArg(ctx, 'eval_steps', 'eval_steps', target);
    return [
      {
        ...(fallback ? at(es) : at(ev)),
        severity: fallback && logging <= 50 ? 'warning' : undefined,
        message: `Evaluation every ${every} steps${fallback ? ' (eval_steps is not set, so it follows logging_steps)' : ''}: ≈ ${Math.floor(total / every)} evaluations over ≈ ${total.toLocaleString('en-US')} steps, each a pass over the validation set.`,
        fixes: edits
          ? [{ title: `Evaluate every ${target} steps (eval_steps=${target})`, applicability: 'safe', edits }]
          : [],
      },
    ];
  },
};
