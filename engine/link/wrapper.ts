// Shell scripts that use other shell scripts. A launcher that runs another shell script (`srun … bash run_job.sh`, `./train_wrapper.sh`): the runs are those of
// the commands that script runs, read with the variables the caller set (its exported flags and paths), with the
// caller's device count (the scheduler's allocation) where the script states none. Followed two levels deep. And the
// variables a launcher takes from a file it sources (`source env.sh`, `. ./vars.sh`): known before its commands.
import type { LaunchCommand } from '../extract/launcher';
import { parseLauncher } from '../extract/launcher';
import { parseShell } from '../parse/shell';
import type { RunDraft } from '../extract/run-draft';
import type { Linker } from './linker';

const MAX_DEPTH = 2;

export function wrapperRuns(
  linker: Linker,
  file: string,
  cmd: LaunchCommand,
  target: string,
  depth: number,
): RunDraft[] {
  if (depth >= MAX_DEPTH) return [];
  const text = linker.read(target);
  if (text === undefined) return [];
  const id = linker.id(target);
  // The caller's devices, a count or a request whose count the file does not fix (a null value with its reason).
  const outer = cmd.facts.find((f) => f.key === 'devices');
  // The caller's accelerator (`#SBATCH --gres=gpu:a100:4` above `srun bash run.sh`): the GPU the inner commands run on.
  const outerHw = cmd.facts.find((f) => f.key === 'hardware');
  const out: RunDraft[] = [];
  const preset = new Map([...(cmd.vars ?? []), ...(sourcedVars(linker, target, text) ?? [])]);
  for (const inner of parseLauncher(id, text, preset)) {
    const own = inner.facts.find((f) => f.key === 'devices');
    if (outer && (!own || (own.value === null && outer.value !== null))) {
      inner.facts = [...inner.facts.filter((f) => f !== own), outer];
      // Started by a scheduler's job with accelerators: a launch of training unless the script says otherwise.
      inner.scheduled = true;
    }
    if (outerHw && !inner.facts.some((f) => f.key === 'hardware')) inner.facts = [...inner.facts, outerHw];
    for (const d of linker.commandRuns(id, text, inner, depth + 1)) {
      const files = d.plan.files.includes(file) ? d.plan.files : [file, ...d.plan.files];
      out.push({ ...d, plan: { ...d.plan, files } });
    }
  }
  return out;
}

/** `source x.sh` / `. x.sh` with a literal path: the files a launcher reads its variables from. */
const SOURCE = /^[ \t]*(?:source|\.)[ \t]+["']?([\w./-]+)["']?[ \t]*(?:#.*)?$/gm;
const MAX_SOURCED = 4;

/** The variables the files a launcher sources set (read, never run), in the order sourced; undefined when none. */
export function sourcedVars(linker: Linker, file: string, text: string): Map<string, string> | undefined {
  if (!/(^|\n)[ \t]*(source|\.)[ \t]/.test(text)) return undefined;
  const vars = new Map<string, string>();
  let n = 0;
  for (const m of text.matchAll(SOURCE)) {
    if (++n > MAX_SOURCED) break;
    const target = linker.resolve(file, m[1]);
    const t = target ? linker.read(target) : undefined;
    if (t === undefined) continue;
    for (const [k, v] of parseShell(t, vars).vars) vars.set(k, v);
  }
  return vars.size ? vars : undefined;
}
