import type { Rule } from './types';
import { at, written } from './helpers';

const WHAT: Record<string, string> = {
  detect_anomaly: 'autograd anomaly detection checks every backward operation for NaN and keeps its stack trace',
  CUDA_LAUNCH_BLOCKING: 'CUDA_LAUNCH_BLOCKING=1 makes every kernel launch wait for the previous one to finish',
  TORCH_SHOW_CPP_STACKTRACES:
    'TORCH_SHOW_CPP_STACKTRACES=1 captures a C++ stack trace with every error PyTorch raises, including those it catches itself',
};

/** Switches whose cost is small or occasional: information, not a warning. */
const MINOR = new Set(['TORCH_SHOW_CPP_STACKTRACES']);

/**
 * GML703 debug-instrumentation-on — debugging switches left on in a training script.
 */
export const debugInstrumentationOn: Rule = {
  code: 'GML703',
  name: 'debug-instrumentation-on',
  defaultSeverity: 'warning',
  summary: 'Debug switches (anomaly detection, CUDA_LAUNCH_BLOCKING) left on in training',
  doc: {
    whatItDoes:
      'Flags `torch.autograd.set_detect_anomaly(True)`, `torch.autograd.detect_anomaly()` and ' +
      '`os.environ["CUDA_LAUNCH_BLOCKING"] = "1"` in a training script, and `CUDA_LAUNCH_BLOCKING=1` or ' +
      '`TORCH_SHOW_CPP_STACKTRACES=1` set by the shell launcher that starts it (`export …` or before the command).',
    whyIsThisBad:
      'They exist to find a bug, not to train: anomaly detection re-checks every backward operation (the PyTorch docs ' +
      'warn it "will slow down your program"), and CUDA_LAUNCH_BLOCKING serialises every kernel launch so the CPU and ' +
      'GPU never overlap. Left in, they slow the whole run.',
    example: 'torch.autograd.set_detect_anomaly(True)',
    useInstead: '# enable only while debugging, e.g. behind a --debug flag',
    fixSafety:
      'Display-only: remove the line, or put it behind a debug flag. Not flagged: commented-out lines, switches under ' +
      'an `if` on a flag that is off by default (`if args.debug:`), `NCCL_DEBUG=INFO` (it logs set-up and errors, not ' +
      'every kernel).',
  },
  check(ctx) {
    const d = ctx.fact('debug_flag');
    if (!written(d) || typeof d.value !== 'string') return [];
    return [
      {
        ...at(d),
        severity: MINOR.has(d.value) ? 'information' : undefined,
        message: `Debug instrumentation is on: ${WHAT[d.value] ?? d.value}, slowing every training step.`,
        fixes: [
          { title: 'Remove it, or enable it only behind a debug flag', applicability: 'display-only', edits: [] },
        ],
      },
    ];
  },
};
