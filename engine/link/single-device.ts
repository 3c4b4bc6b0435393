// The one device of a plain single-process script (../extract/single-device) wherever its run is made: the script
// analysed alone, or run by a launcher command that is a plain `python script.py` stating no device count (no
// torchrun, accelerate, deepspeed or scheduler options, no CUDA_VISIBLE_DEVICES). The run's other Python files (the
// modules it calls) must show no multi-device mechanism either.
import * as path from 'node:path';
import type { Tree } from 'web-tree-sitter';
import type { LaunchCommand } from '../extract/launcher';
import type { RunDraft } from '../extract/run-draft';
import type { Fact } from '../types';
import { statedDevices } from '../extract/python-trains-run';
import type { Linker } from './linker';
import { withImportedModules } from './imports';
import { cachedTree } from './tree-cache';
import { withUpdateAccumulation } from './update-accum';
import { withOneRank } from '../extract/one-rank';

/**
 * A script run with its own arguments: a `__main__` guard and an argument parser — or, set up by module constants, one
 * that chooses the GPUs its own process sees (`os.environ["CUDA_VISIBLE_DEVICES"] = …`, ../extract/visible-devices).
 */
const ENTRY_SCRIPT = (text: string) =>
  /__name__\s*==\s*['"]__main__['"]/.test(text) &&
  /\bArgumentParser\s*\(|\.parse_args\s*\(|environ\[\s*['"]CUDA_VISIBLE_DEVICES['"]\s*\]\s*=/.test(text);

/**
 * A launcher command that starts one plain Python process and states no device count — or only the GPUs its scheduler
 * reserves for that one process (`#SBATCH --gres=gpu:4` with one task: ../extract/launcher `reserved`).
 */
const plainPython = (cmd: LaunchCommand) =>
  cmd.tool === 'python' && !cmd.facts.some((f) => f.key === 'devices' && f !== cmd.reserved);

/** Whether a run's devices fact is the GPUs a scheduler reserves for one process (not processes started). */
const isReserved = (f: Fact | undefined, cmds: LaunchCommand[]) =>
  !!f &&
  cmds.some(
    (c) =>
      c.reserved &&
      c.reserved.file === f.file &&
      c.reserved.value === f.value &&
      c.reserved.span?.start === f.span?.start &&
      c.reserved.span?.end === f.span?.end,
  );

/** Whether a launcher command sets the script's option `name` (or passes arguments this review cannot read). */
const sets = (cmd: LaunchCommand, name: string) => {
  const want = name.toLowerCase().replace(/-/g, '_');
  return !cmd.complete || [...cmd.fields.keys()].some((k) => k.toLowerCase().replace(/-/g, '_') === want);
};

/** The other Python files of a run (the modules it calls), with their texts. */
function runModules(linker: Linker, d: RunDraft, id: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const f of d.plan.files) {
    if (path.resolve(f) === path.resolve(id) || !/\.py$/.test(f)) continue;
    const t = linker.read(f);
    if (t !== undefined) out.push({ file: f, text: t });
  }
  return out;
}

/**
 * Sets the one device of `script`'s runs where nothing read so far states the count. A run of the script itself (not
 * a module whose run is set up elsewhere, unless it is also a script with its own arguments); a run a launcher starts
 * only when `launch` (or every launcher beside the script that runs it) is a plain `python` command.
 */
export function withSingleDevice(
  linker: Linker,
  script: string,
  text: string,
  tree: Tree,
  drafts: RunDraft[],
  launch?: LaunchCommand,
): void {
  const id = linker.id(script);
  let launched: boolean | undefined;
  // An option the commands that run the script set (`--multigpus`, `--local_rank`): its default does not hold.
  let launchers: LaunchCommand[] | undefined;
  const given = (name: string) =>
    (launchers ??= launch ? [launch] : linker.launchersOf(script).map((l) => l.cmd)).some((c) => sets(c, name));
  for (const d of drafts) {
    const own = d.plan.entry.file === id && !launch;
    if (own) {
      if (/-module$/.test(d.kind) && !ENTRY_SCRIPT(text)) continue;
    } else {
      if (!d.plan.files.some((f) => path.resolve(f) === path.resolve(id))) continue;
      if (launch) {
        if (!plainPython(launch)) continue;
      } else {
        launched ??= (() => {
          const ls = linker.launchersOf(script);
          return ls.length > 0 && ls.every((l) => plainPython(l.cmd));
        })();
        if (!launched) continue;
      }
    }
    const modules = runModules(linker, d, id);
    // GPUs reserved for the one process (`#SBATCH --gres=gpu:4`, `python train.py`): the script says how many it
    // uses — one where it sets up nothing more (a Keras `fit` without a strategy, a loop without DataParallel) —
    // and the reservation stands where it does (DataParallel, a library Trainer that takes every visible GPU).
    const reserved = d.plan.facts.get('devices');
    const cmds = launch ? [launch] : linker.launchersOf(script).map((l) => l.cmd);
    // Only for a run whose training code was read (not a launcher's flags read through the vocabulary, whose
    // modules — where a `MirroredStrategy` may sit — are not among the run's files).
    if (!own && reserved && d.kind !== 'vocab' && isReserved(reserved, cmds)) {
      d.plan.facts.delete('devices');
      statedDevices(id, text, tree, d.plan.facts, modules, given, true);
      if (!d.plan.facts.has('devices')) d.plan.facts.set('devices', reserved);
      else {
        const one = d.plan.facts.get('devices') as Fact;
        d.plan.facts.set('devices', { ...one, note: `${one.note}; ${reserved.note} reserves them for one process` });
      }
    } else statedDevices(id, text, tree, d.plan.facts, modules, given, !own);
    withOneRank(id, text, tree, d.plan.facts, modules);
  }
}

/** A launched script's runs with the modules it calls (./imports), and its one device when `launch` is plain `python`. */
export function launchedModules(
  linker: Linker,
  script: string,
  text: string,
  drafts: RunDraft[],
  launch: LaunchCommand,
): RunDraft[] {
  if (!drafts.length || !linker.input.parser) return drafts;
  const tree = cachedTree(path.resolve(script), text, linker.input.parser);
  const out = withImportedModules(linker, script, text, tree, drafts, launch);
  withSingleDevice(linker, script, text, tree, out, launch);
  withUpdateAccumulation(linker, script, out);
  return out;
}
