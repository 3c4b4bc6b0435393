// Shell scripts that use other shell scripts. A launcher that runs another shell script (`srun … bash run_job.sh`, `./train_wrapper.sh`): the runs are those of
// the commands that script runs, read with the variables the caller set (its exported flags and paths), with the
// caller's device count (the scheduler's allocation) where the script states none. Followed two levels deep. And the
// variables a launcher takes from a file it sources (`source env.sh`, `. ./vars.sh`): known before its commands.
import type { LaunchCommand } from '../extract/launcher';
import { parseLauncher } from '../extract/launcher';
import { parseShell, type Word } from '../parse/shell';
import type { RunDraft } from '../extract/run-draft';
import type { Linker } from './linker';
import { vocabDrafts } from './vocab';

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
  const preset = new Map([...callerArgs(cmd), ...(cmd.vars ?? []), ...(sourcedVars(linker, target, text) ?? [])]);
  for (const inner of parseLauncher(id, text, preset)) {
    forwardArgs(inner, cmd, text);
    const own = inner.facts.find((f) => f.key === 'devices');
    if (outer && (!own || (own.value === null && outer.value !== null))) {
      inner.facts = [...inner.facts.filter((f) => f !== own), outer];
      // Started by a scheduler's job with accelerators: a launch of training unless the script says otherwise.
      inner.scheduled = true;
    }
    if (outerHw && !inner.facts.some((f) => f.key === 'hardware')) inner.facts = [...inner.facts, outerHw];
    out.push(...linker.commandRuns(id, text, inner, depth + 1));
  }
  // Commands that give no run beyond their own words (Megatron-LM's `deepspeed pretrain_gpt.py $ARGS`, the script
  // not in this tree): the run the script's own flags give through the vocabulary, as when it is analysed itself
  // (../link.ts), on the caller's devices and accelerator where it states none.
  const vocab = out.every((d) => d.kind === 'launcher') ? vocabDrafts(linker, id, text) : [];
  for (const d of vocab)
    for (const f of [outer, outerHw]) {
      const cur = f && d.plan.facts.get(f.key);
      if (f && (!cur || cur.value === null || cur.origin === 'assumed')) d.plan.facts.set(f.key, f);
    }
  return (vocab.length ? vocab : out).map((d) => {
    const files = d.plan.files.includes(file) ? d.plan.files : [file, ...d.plan.files];
    return { ...d, plan: { ...d.plan, files } };
  });
}

/** The caller's arguments before its first flag (`bash distributed_train.sh 8 /data --model m`): `$1`, `$2`. */
function leading(cmd: LaunchCommand): Word[] {
  const firstFlag = Math.min(...[...cmd.fields.values()].map((f) => f.span.start));
  return cmd.positionals.filter((w) => w.span.start < firstFlag);
}

/** `$1`… in the script a caller runs with arguments, as presets: the values the caller gives (unread ones stay so). */
function callerArgs(cmd: LaunchCommand): Map<string, string> {
  const out = new Map<string, string>();
  leading(cmd).forEach((w, i) => {
    if (!w.unresolved && i < 9) out.set(String(i + 1), w.text);
  });
  return out;
}

/** `"$@"`, `$*`, `${@:3}`: the script's arguments from the first (after `shift`s) or the third on. */
const FORWARD = /^"?\$(?:@|\*|\{[@*](?::(\d+))?\})"?$/;
const SHIFT = /^[ \t]*shift(?:[ \t]+(\d+))?[ \t]*(?:[;#].*)?$/gm;

/**
 * A command that passes on the arguments its script was given (timm's distributed_train.sh: `NUM_PROC=$1; shift;
 * torchrun --nproc_per_node=$NUM_PROC train.py "$@"`, https://github.com/huggingface/pytorch-image-models/blob/main/distributed_train.sh;
 * OpenMMLab's `tools/dist_train.sh`: `train.py $CONFIG --launcher pytorch ${@:3}`): the caller's flags and the
 * arguments left after the ones consumed reach the script, read as written in the caller.
 */
function forwardArgs(inner: LaunchCommand, cmd: LaunchCommand, text: string): void {
  const at = inner.positionals.findIndex((w) => w.unresolved && FORWARD.test(w.text));
  if (at === -1) return;
  const from = FORWARD.exec(inner.positionals[at].text)?.[1];
  let shifted = 0;
  for (const m of text.matchAll(SHIFT)) if (m.index < inner.span.start) shifted += Number(m[1] ?? 1);
  const skip = from !== undefined ? Number(from) - 1 : shifted;
  const lead = leading(cmd);
  if (skip > lead.length) return;
  const rest = cmd.positionals.slice(skip);
  inner.positionals = [...inner.positionals.slice(0, at), ...rest, ...inner.positionals.slice(at + 1)];
  inner.fields = new Map([...inner.fields, ...cmd.fields]);
  inner.complete = !inner.positionals.some((w) => w.unresolved && !w.text.startsWith('-'));
  inner.caller = { file: cmd.file, span: cmd.span };
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
