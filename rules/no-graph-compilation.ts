import type { Rule } from './types';
import { assumedLength, at, estimated, longRun, longSign, written } from './helpers';

/**
 * GML501 no-graph-compilation — compilation switched off on a long GPU run.
 */
export const noGraphCompilation: Rule = {
  code: 'GML501',
  name: 'no-graph-compilation',
  defaultSeverity: 'information',
  summary: 'torch.compile switched off on a long GPU training run',
  doc: {
    whatItDoes:
      'Flags compilation written off — `torch_compile=False`, nanoGPT `compile = False`, torchtune `compile: False`, ' +
      'axolotl `torch_compile: false` — on a GPU run estimated at more than `checkpoint-threshold-hours` GPU-hours.',
    whyIsThisBad:
      'torch.compile fuses element-wise kernels and removes Python overhead; the PyTorch 2.0 release measured ≈ 43 % ' +
      'faster training on average over 163 open-source models on an A100, and the TrainingArguments docs cite 20–50 %. ' +
      'The one-off compile takes minutes, which a multi-hour run recovers many times over.',
    example: 'compile = False  # nanoGPT config',
    useInstead: 'compile = True  # nanoGPT; torch_compile=True in TrainingArguments',
    fixSafety:
      'Unsafe: some models break the graph or recompile on variable shapes, and compile needs a supported platform. ' +
      'Not flagged: short runs, CPU and MPS runs, compilation left at a default, and runs that cannot be estimated ' +
      'unless the file states a long run (two of ≥ 10,000 steps, ≥ 50 epochs, ≥ 2 devices, ≥ 100 M parameters; or ' +
      'alone ≥ 1,000,000 steps, ≥ 8 devices or ≥ 1 B parameters).',
  },
  check(ctx) {
    const c = ctx.fact('compile');
    if (c?.value !== false || !written(c) || ctx.cpu) return [];
    // A run estimated short gains nothing; one that cannot be estimated is flagged when the file states a long run.
    const known = estimated(ctx);
    const sign = known ? undefined : longSign(ctx);
    if (known ? !longRun(ctx) : !sign) return [];
    const assumed = assumedLength(ctx);
    const size = known
      ? `a run of ≈ ${ctx.estimate.gpuHours.mid.toFixed(1)} GPU-hours${assumed ? ` (${assumed})` : ''}`
      : `a run of unknown length (${sign} written; set the model and hardware to estimate it)`;
    const edits = ctx.edit({ compile: true });
    return [
      {
        ...at(c),
        message: `Compilation is off on ${size}: torch.compile typically trains 20–50 % faster after a one-off compile of a few minutes.`,
        fixes: edits ? [{ title: 'Compile the model (torch.compile)', applicability: 'unsafe', edits }] : [],
      },
    ];
  },
};
