// The run-shape options of `greenml estimate` in explicit mode: what the core needs for mixture-of-experts models,
// distillation, and small launch-bound steps, beyond parameters and tokens.
import { Command } from 'commander';
import type { RunInputs } from '../../../core/index';
import { num } from '../options';

export function addRunShapeOptions(cmd: Command): Command {
  return cmd
    .option('--active-params <n>', 'active parameters per token (mixture-of-experts)', num('--active-params'))
    .option(
      '--teacher-params <n>',
      'distillation: teacher parameters run forward on every token',
      num('--teacher-params'),
    )
    .option(
      '--micro-batch <n>',
      'sequences per device per step (memory; small steps are launch-bound)',
      num('--micro-batch'),
    )
    .option('--seq-len <n>', 'tokens per sequence', num('--seq-len'));
}

export function runShapeInputs(o: Record<string, unknown>): Partial<RunInputs> {
  return {
    activeParams: o.activeParams as number | undefined,
    teacherParams: o.teacherParams as number | undefined,
    microBatch: o.microBatch as number | undefined,
    seqLen: o.seqLen as number | undefined,
  };
}
