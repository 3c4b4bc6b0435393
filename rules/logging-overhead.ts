import type { Rule, RuleFinding } from './types';
import { assumedLength, at, num, setArg, written } from './helpers';

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
      'Flags `logging_steps=1` on runs of more than 1,000 steps (information when that count rests on an assumed ' +
      'dataset size, naming the assumption), or reporting to a tracker (`report_to="wandb"`, ' +
      "a launcher's `--report_to wandb --logging_steps 1`, an axolotl config whose `wandb_project` is set) whatever the " +
      'length; the same for `logging_steps: 1` in axolotl configs and `train.log_interval: 1` in LitGPT configs; histograms, images or figures logged ' +
      'on every training step of a hand-written loop (`writer.add_histogram`, `add_image`, `histo_summary`, ' +
      '`wandb.Histogram`, `wandb.Image`), each line its own finding; and `torch.profiler.profile(...)` without a ' +
      '`schedule`, which traces every step it wraps.',
    whyIsThisBad:
      'Each log reads values back from the GPU (a synchronisation) and writes to disk or the network; every step of a ' +
      'long run adds up. A profiler without a schedule records every kernel of every step, slowing training and ' +
      'filling memory (PyTorch profiler docs recommend `schedule(wait, warmup, active)`).',
    example: 'TrainingArguments(logging_steps=1, max_steps=20000)',
    useInstead: 'TrainingArguments(logging_steps=50, max_steps=20000)',
    fixSafety:
      'Safe: logging less often does not change training. The profiler needs a schedule chosen by hand, and ' +
      'per-step media an interval (display-only). Not flagged: `logging_steps` above 1, a short run that reports to ' +
      'no tracker, media logged under an `if` that limits them to some steps or once per epoch, evaluation loops.',
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    const l = ctx.fact('logging_steps');
    const total = ctx.shape.totalSteps;
    const long = total !== undefined && total > 1000 && !ctx.shape.stepsAssumed;
    // Over 1,000 steps only on an assumed dataset size: said as information, naming the assumption.
    const assumedLong = total !== undefined && total > 1000 && ctx.shape.stepsAssumed;
    // A tracker named (`report_to="wandb"`): every step's log is also a record sent over the network.
    const t = ctx.value('tracker');
    const tracker = typeof t === 'string' && t !== '' && !/^(none|null|false|no)$/i.test(t) ? t : undefined;
    if (written(l) && num(l.value) === 1 && (long || tracker || assumedLong)) {
      const edits = setArg(ctx, 'logging_steps', 'logging_steps', 50);
      const length =
        total === undefined
          ? ''
          : ` of ≈ ${total.toLocaleString('en-US')}${ctx.shape.stepsAssumed ? ` (${assumedLength(ctx)})` : ''}`;
      out.push({
        ...at(l),
        ...(!long && !tracker ? { severity: 'information' as const } : {}),
        message: `Logging on every one${length} steps${tracker ? ` to ${tracker}` : ''}: each log synchronises with the GPU and writes out${tracker ? ' a record' : ''}.`,
        fixes: edits ? [{ title: 'Log every 50 steps', applicability: 'safe', edits }] : [],
      });
    }
    const m = ctx.fact('media_logging');
    if (written(m) && !ctx.cpu)
      for (const s of [{ span: m.span, value: m.value }, ...(m.also ?? [])])
        out.push({
          file: m.file,
          span: s.span,
          message: `${String(s.value)}(…) on every training step: the tensor is copied to the host, summarised and written out each step. Log it every N steps.`,
          fixes: [{ title: 'Log media every N steps', applicability: 'display-only', edits: [] }],
        });
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
