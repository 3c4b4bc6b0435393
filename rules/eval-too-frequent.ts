import type { Rule } from './types';
import type { Fact } from '../engine/types';
import { assumedLength, at, num, replaceFact, setArg, written } from './helpers';

/** More evaluations than this over a run is too many for the training it checks. */
export const MAX_EVALS = 50;
/**
 * An evaluation that falls back to a logging interval this small comes after so few training steps that it weighs
 * on the run whatever its length: flagged on a short run too (fewer than MAX_EVALS evaluations).
 */
export const DENSE_FALLBACK = 10;

const nice = (n: number) => {
  // Up to runs of millions of steps: the interval the fix writes must bring the count under MAX_EVALS.
  const steps = [10, 20, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 25000, 50000, 100000];
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
      'at all, in which case the Trainer falls back to `logging_steps` (a warning when that is 50 steps or fewer); ' +
      'a Lightning `Trainer(val_check_interval=N)` (an int: validation every N training batches) that does the same, ' +
      'and a hand-written loop that evaluates under `if step % N == 0:` in the loop that runs the backward pass (each ' +
      'block that calls an evaluation by name on its own, such as a HellaSwag pass beside the validation loss; not a ' +
      'block that only switches the model to `.eval()` to sample). Where N is a command-line option ' +
      "(`global_step % args.logging_steps`, the layout of Transformers' pre-Trainer example scripts), a launcher's " +
      'flag replaces its default, and an evaluation behind a switch (`if args.evaluate_during_training:`) counts ' +
      'only when the launcher gives the switch. A ' +
      "fallback to a `logging_steps` of 10 or fewer (a launcher's `--logging_steps 1`) is flagged on a short run too: an " +
      'evaluation after every few steps weighs on the run whatever its length.',
    whyIsThisBad:
      'Each evaluation is a forward pass over the whole validation set. The TrainingArguments docs: `eval_steps` ' +
      '"will default to the same value as logging_steps if not set" — with logging every 10 steps the run evaluates ' +
      'every 10 steps, and evaluation can cost more than the training it checks.',
    example: 'TrainingArguments(eval_strategy="steps", logging_steps=10)',
    useInstead: 'TrainingArguments(eval_strategy="steps", eval_steps=500, logging_steps=10)',
    fixSafety:
      'Safe: evaluating less often does not change training. No fix when `load_best_model_at_end` ties checkpoints ' +
      'to evaluations. When the step count rests on an assumed dataset size the finding is information and names ' +
      'the assumption.',
  },
  check(ctx) {
    const es = ctx.fact('eval_strategy');
    if (es?.value !== 'steps' || !written(es)) return [];
    const total = ctx.shape.totalSteps;
    // A step count resting on the assumed dataset size: information that names the assumption.
    const assumed = assumedLength(ctx);
    const lightning = ctx.plan.framework === 'lightning';
    const ev = ctx.fact('eval_steps');
    // An interval written but not known (`it % args.eval_every`): not "unset", so not logging_steps' either.
    if (ev && ev.value === null && written(ev)) return [];
    const evalSteps = num(ev?.value);
    const logging = num(ctx.value('logging_steps')) ?? 500;
    const every = evalSteps ?? logging;
    const fallback = evalSteps === undefined;
    // `eval_steps` unset and `logging_steps` ≤ 10 (a launcher's `--logging_steps 1`): an evaluation every few steps,
    // however many steps the run has.
    const dense = fallback && every <= DENSE_FALLBACK;
    if (total === undefined || every < 1 || (!dense && total / every <= MAX_EVALS)) return [];
    const target = nice(total / 20);
    // A config's own spelling (BasicSR's `val_freq`, `validation_steps`), which the fix rewrites.
    const name = lightning ? 'val_check_interval' : ev?.origin === 'inferred' && ev.name ? ev.name : 'eval_steps';
    // In a hand-written loop the interval is an operand (`it % 50`): the fix replaces that number alone.
    const edits =
      ctx.value('load_best') === true || target <= every
        ? undefined
        : ev?.form === 'operand'
          ? replaceFact(ev, String(target))
          : setArg(ctx, 'eval_steps', name, target);
    const what = lightning
      ? `Validation every ${every} training batches (val_check_interval=${every})`
      : `Evaluation every ${every === 1 ? 'step' : `${every} steps`}${fallback ? ' (eval_steps is not set, so it follows logging_steps)' : ''}`;
    const count = (n: number) =>
      `≈ ${Math.floor(total / n)} evaluations over ≈ ${total.toLocaleString('en-US')} steps${assumed ? ` (${assumed})` : ''}`;
    return [
      {
        ...(fallback ? at(es) : at(ev)),
        severity: assumed ? 'information' : fallback && logging <= 50 ? 'warning' : undefined,
        message: `${what}: ${count(every)}, each a pass over the validation set.`,
        fixes: edits
          ? [{ title: `Evaluate every ${target} steps (${name}=${target})`, applicability: 'safe', edits }]
          : [],
      },
      ...(fallback || !ev ? [] : otherBlocks(ev, total, assumed, count)),
    ];
  },
};

/**
 * The other evaluation blocks of a hand-written loop (Fact.also: a HellaSwag pass beside the validation loss, each
 * under its own `if step % N == 0:`): each is its own pass over its own data, reported on its own interval.
 */
function otherBlocks(ev: Fact, total: number, assumed: string | undefined, count: (n: number) => string) {
  return (ev.also ?? []).flatMap((a) => {
    const n = num(a.value);
    if (n === undefined || n < 1 || total / n <= MAX_EVALS || !ev.file) return [];
    const target = nice(total / 20);
    const edits = target > n ? replaceFact({ ...ev, span: a.span }, String(target)) : undefined;
    return [
      {
        file: ev.file,
        span: a.span,
        severity: assumed ? ('information' as const) : undefined,
        message: `Another evaluation every ${n} steps in the same loop: ${count(n)}, each a pass over its own data.`,
        fixes: edits ? [{ title: `Evaluate every ${target} steps`, applicability: 'safe' as const, edits }] : [],
      },
    ];
  });
}
