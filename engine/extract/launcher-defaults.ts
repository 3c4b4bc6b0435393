// Device counts a launcher reads from a default of its environment (`GPUS=${GPUS:-8}`): the count of a run started
// without those variables, which the caller may change — said as `inferred` (./launcher.ts applies it).
import type { Command } from '../parse/shell';
import type { Fact } from '../types';

/**
 * A device count read from a default of the launcher's environment (`GPUS=${GPUS:-8}`, `--nnodes=${NNODES:-1}`,
 * `: ${N:=2}`): the count of a run started without those variables, which the caller may change — `inferred`.
 */
export function fromDefaults(text: string, cmd: Command, facts: Fact[]): Fact[] {
  const spans = cmd.defaulted ?? [];
  if (spans.length === 0) return facts;
  // As the notes write them: the word, or a `NAME=` prefix's name (`CUDA_VISIBLE_DEVICES=0: 1 GPU visible`).
  const raws = spans
    .map((s) => text.slice(s.start, s.end))
    .map((r) => /^[A-Za-z_]\w*=/.exec(r)?.[0] ?? r)
    .filter((r) => r.length >= 3);
  return facts.map((f) => {
    if (f.key !== 'devices' || typeof f.value !== 'number' || f.origin !== 'explicit') return f;
    const at = f.span;
    const used =
      (at && spans.some((s) => s.start < at.end && at.start < s.end)) || raws.some((r) => f.note?.includes(r));
    return used
      ? {
          ...f,
          origin: 'inferred',
          note: `${f.note ?? ''} (a default of the launcher's variables: the caller may set another)`,
        }
      : f;
  });
}
