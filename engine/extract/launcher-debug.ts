// Debug switches a launcher sets in the environment of the training process: `export CUDA_LAUNCH_BLOCKING=1`,
// `CUDA_LAUNCH_BLOCKING=1 python train.py`, `TORCH_SHOW_CPP_STACKTRACES=1`. Each becomes a `debug_flag` fact with the
// span of the assignment. Commented-out lines (`# export CUDA_LAUNCH_BLOCKING=1`, the usual "uncomment to debug")
// are not read: the shell word splitter gives the comments' spans, and an assignment inside one is skipped. A value
// other than 1 (`=0`, `=$DEBUG`) is not a switch that is on. NCCL_DEBUG=INFO is not here: it logs at set-up and on
// errors, not per kernel (NCCL environment variables, docs.nvidia.com/deeplearning/nccl).
import type { ShellScript } from '../parse/shell';
import type { Fact } from '../types';

const SWITCHES = ['CUDA_LAUNCH_BLOCKING', 'TORCH_SHOW_CPP_STACKTRACES'] as const;

export function launcherDebugFlags(file: string, text: string, script: ShellScript): Fact[] {
  const out: Fact[] = [];
  const inComment = (i: number) => script.comments.some((c) => c.span.start <= i && i < c.span.end);
  for (const name of SWITCHES) {
    const set = script.vars.get(name) === '1' || script.commands.some((c) => c.env.get(name) === '1');
    if (!set) continue;
    const re = new RegExp(`(?<![\\w$])${name}=(["']?)1\\1(?![\\w.])`, 'g');
    const hit = [...text.matchAll(re)].find((m) => !inComment(m.index));
    if (!hit) continue;
    out.push({
      key: 'debug_flag',
      value: name,
      origin: 'explicit',
      file,
      span: { start: hit.index, end: hit.index + hit[0].length },
      note: `${hit[0]} in the launcher's environment`,
    });
  }
  return out;
}
