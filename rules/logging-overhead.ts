import type { Rule, RuleFinding } from './types';
import { at, num, setArg, written } from './helpers';

/**
 * GML702 logging-overhead — logging every step, or a profiler tracing every step.
 */
export const loggingOverhead: Rule = {
  code: 'GML702',
  name: 'logging-overhead',
  defaultSeverity: 'information',
  summary: 'Logging on every step of a long run, or a profiler with no schedule',
  doc: {
    whatItDoes:
      'Flags `logging_steps=1` on runs of more than 1,000 steps, and `torch.profiler.profile(...)` without a ' +
      '`schedule`, which traces every step it wraps.',
    whyIsThisBad:
      'Each log reads values back from the GPU (a synchronisation) and writes to disk or the network; every step of a ' +
      'long run adds up. A profiler without a schedule records every kernel of every step, slowing training and ' +
      'filling memory (PyTorch profiler docs recommend `schedule(wait, warmup, active)`).',
    example: 'TrainingArguments(logging_steps=1, max_steps=20000)',
    useInstead: 'TrainingArguments(logging_steps=50, max_steps=20000)',
    fixSafety:
      'Safe: logging less often does not change training. The profiler needs a schedule chosen by hand (display-only).',
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    const l = ctx.fact('logging_steps');
    const total = ctx.shape.totalSteps;
    if (written(l) && num(l.value) === 1 && total !== undefined && total > 1000 && !ctx.shape.stepsAssumed) {
      const edits = setArg(ctx, 'logging_steps', 'logging_steps', 50);
      out.push({
        ...at(l),
        message: `Logging on every one of ≈ ${total.toLocaleString('en-US')} steps: each log synchronises with the GPU and writes out.`,
        fixes: edits ? [{ title: 'Log every 50 steps', applicability: 'safe', edits }] : [],
      });
    }
    const p = ctx.fact('profiler');
    if (written(p) && p.value === 'unscheduled')
      out.push({
        ...at(p),
        message:
          'The profiler has no schedule: it traces every step it wraps. Use schedule=torch.profiler.schedule(wait=1, warmup=1, active=3) and a few steps.',
        fixes: [{ title: 'Give the profiler a schedule', applicability: 'display-only', edits: [] }],
      });
    return out;
  },
};
