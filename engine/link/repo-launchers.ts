// The devices of a script's launched run (../link.ts `linkFile`: a script planned alone keeps its own values, and
// `Linker.fromLauncher` keeps these launchers off its own run), from the launchers that run it: those beside it (the
// ones the linker merges, ./linker.ts `launchersOf`) and those anywhere in its repository — research repositories
// keep their launch commands apart from the code (`experiments/mpii/hg.sh` running `example/main.py` with
// `CUDA_VISIBLE_DEVICES=0`). Every such
// launcher that states a device count is read; the count is the run's only when they all state the same one. When
// they differ, the count is chosen at launch: no count.
//
// The repository is the nearest folder above the script that holds a project's top-level files (a README, a licence,
// setup.py, pyproject.toml, requirements.txt or .git) — never a folder above it, so the walk stays inside one
// repository when several lie side by side. The walk is bounded (folders, depth, launchers read).
import * as path from 'node:path';
import type { Fact } from '../types';
import type { LaunchCommand } from '../extract/launcher';
import type { RunDraft } from '../extract/run-draft';
import { ROOT_MARKER, type Linker } from './linker';
import { commandsOf, isLauncherName } from './merge';
import { sourcedVars } from './wrapper';
import { SINGLE_PROCESS } from '../extract/single-device';
import { linkKind } from './reader';

/** Folders a launcher never lives in (data, outputs, environments, vendored code). */
const SKIP_DIR =
  /^(\.|__|node_modules$|data$|datasets?$|outputs?$|logs?$|checkpoints?$|results?$|venv$|env$|site-packages$)/i;
/**
 * Folders whose own root markers make no second repository: those above, and runs, tests and docs (a `docs/`
 * with its own requirements.txt for the documentation build).
 */
const NOT_A_REPO =
  /^(\.|__|node_modules$|data$|datasets?$|outputs?$|logs?$|checkpoints?$|results?$|venv$|env$|site-packages$|wandb$|runs$|tests?$|docs?$)/i;
const MAX_UP = 2;
const MAX_DEPTH = 3;
const MAX_DIRS = 80;
const MAX_LAUNCHERS = 60;

const hasMarker = (linker: Linker, dir: string) => linker.listDir(dir).some((n) => ROOT_MARKER.test(n));

/**
 * The repository folder of `file`: the nearest folder at or above its own (at most `up` folders up) with a root
 * marker — unless that folder holds repositories side by side (two or more of its folders have markers of their own):
 * a script whose repository has no marker is not linked across its neighbours. Shared by every search of a whole
 * repository (its launchers here, its defaults in ./repo-defaults).
 */
export function repoRoot(linker: Linker, file: string, up = MAX_UP): string | undefined {
  let dir = path.dirname(path.resolve(file));
  for (let i = 0; i <= up; i++) {
    if (hasMarker(linker, dir)) {
      const nested = linker
        .listDir(dir)
        .filter((n) => !/\.\w+$/.test(n) && !NOT_A_REPO.test(n))
        .slice(0, MAX_DIRS)
        .filter((n) => hasMarker(linker, path.join(dir, n)));
      return nested.length >= 2 ? undefined : dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/**
 * Launcher files under `root`, breadth first, bounded. A name with no extension that lists entries is a folder; a folder
 * with root markers of its own that does not hold the script is another repository (side by side, or nested): skipped.
 */
function launcherFiles(linker: Linker, root: string, file: string): string[] {
  const inside = (dir: string) => path.resolve(file).startsWith(dir + path.sep);
  const out: string[] = [];
  let level = [root];
  let dirs = 0;
  for (let depth = 0; depth <= MAX_DEPTH && level.length; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      if (++dirs > MAX_DIRS) return out;
      for (const name of linker.listDir(dir)) {
        const p = path.join(dir, name);
        if (isLauncherName(name)) {
          if (out.length < MAX_LAUNCHERS) out.push(p);
        } else if (!/\.\w+$/.test(name) && !SKIP_DIR.test(name) && depth < MAX_DEPTH) {
          if (inside(p) || !hasMarker(linker, p)) next.push(p);
        }
      }
    }
    level = next;
  }
  return out;
}

/**
 * The device count the repository's launchers give `file`: the count all of them state, with the launcher that states
 * it; a null count with the reason when they state different ones, or (`spreadOver`) when one starts processes by its
 * own default count; undefined when none states one (or no repository folder is recognised).
 */
type Found = { launcher: string; cmd: LaunchCommand }[];

/** The launcher commands that run `file`: those beside it (./linker.ts `launchersOf`) and those of its repository. */
function repoCommands(linker: Linker, file: string): Found {
  const wanted = path.resolve(file);
  const base = path.basename(file);
  const found: Found = linker.launchersOf(file).map((l) => ({ launcher: l.file, cmd: l.cmd }));
  const root = repoRoot(linker, file);
  const files = root ? launcherFiles(linker, root, file) : [];
  for (const lf of files) {
    const text = linker.read(lf);
    if (!text || !text.includes(base)) continue;
    for (const cmd of commandsOf(linker.id(lf), text, sourcedVars(linker, lf, text)))
      if (
        cmd.target &&
        cmd.target.kind !== 'module' &&
        linker.names(lf, cmd.target.path, wanted) &&
        linker.fromLauncher(lf)
      )
        found.push({ launcher: linker.id(lf), cmd });
  }
  return withCallerHardware(linker, files, found);
}

/**
 * A launcher that names no GPU, run by a job script that does (`#SBATCH --gres=gpu:a100:4` above `srun bash run.sh`):
 * its commands run on the job's GPU (as ./wrapper.ts reads it from the job script). One level of callers, among the
 * repository's launchers.
 */
function withCallerHardware(linker: Linker, files: string[], found: Found): Found {
  const bare = [...new Set(found.filter((f) => !hardwareOf(f.cmd)).map((f) => path.resolve(f.launcher)))];
  if (bare.length === 0) return found;
  const given = new Map<string, Fact>();
  for (const lf of files) {
    if (bare.includes(path.resolve(lf))) continue;
    const text = linker.read(lf);
    const callee = text && bare.find((b) => text.includes(path.basename(b)));
    if (!callee || linkKind(lf) !== 'shell') continue;
    for (const cmd of commandsOf(linker.id(lf), text, sourcedVars(linker, lf, text))) {
      const hw = hardwareOf(cmd);
      if (
        cmd.tool === 'shell' &&
        hw &&
        cmd.target &&
        linker.names(lf, cmd.target.path, callee) &&
        linker.fromLauncher(lf)
      )
        given.set(callee, hw);
    }
  }
  return found.map((f) => {
    const hw = !hardwareOf(f.cmd) && given.get(path.resolve(f.launcher));
    return hw ? { ...f, cmd: { ...f.cmd, facts: [...f.cmd.facts, hw] } } : f;
  });
}

const hardwareOf = (cmd: LaunchCommand) => cmd.facts.find((f) => f.key === 'hardware');

export function repoLauncherDevices(linker: Linker, file: string, spreadOver = false, cmds?: Found): Fact | undefined {
  const found = cmds ?? repoCommands(linker, file);
  const counts = new Map<number, { fact: Fact; launcher: string }>();
  // A launcher that starts several processes by its own default (deepspeed: every visible GPU; accelerate: its
  // config's count) without writing a count: the run is not the plain single-process one.
  const spread = found.find(
    ({ cmd }) => !['python', 'torchrun', 'shell'].includes(cmd.tool) && !cmd.facts.some((f) => f.key === 'devices'),
  );
  if (spread && spreadOver)
    return {
      key: 'devices',
      value: null,
      origin: 'explicit',
      file: spread.launcher,
      span: spread.cmd.span,
      note: `${spread.cmd.tool} runs this script (${spread.launcher}) and writes no count: the count is its default`,
    };
  for (const { launcher, cmd } of found) {
    const dev = cmd.facts.find((f) => f.key === 'devices');
    if (!dev) continue;
    // A launcher that leaves the count to its caller (`--nproc_per_node=$GPUS`): the count is chosen at launch.
    if (typeof dev.value !== 'number') return { ...dev, note: `${dev.note ?? ''} (${launcher})` };
    if (!counts.has(dev.value)) counts.set(dev.value, { fact: dev, launcher });
  }
  if (counts.size === 0) return undefined;
  const all = [...counts.values()];
  if (all.length === 1)
    return {
      ...all[0].fact,
      note: `${all[0].fact.note ?? ''} (${all[0].launcher}, the launcher that runs this script)`,
    };
  return {
    ...all[0].fact,
    value: null,
    note: `the launchers that run this script state different counts (${all
      .map((c) => `${c.fact.value} in ${path.basename(c.launcher)}`)
      .join(', ')}): the count is chosen at launch`,
  };
}

/**
 * The accelerator the repository's launchers that run `file` name (`#SBATCH --gres=gpu:a100:8`, a partition or
 * constraint naming the GPU, a SkyPilot task's `accelerators:`): the one all of them that name one agree on, with the
 * launcher that names it; undefined when none names one or they name different ones (the GPU is chosen at launch).
 * A launcher that names none does not count against the others: it says nothing of the GPU.
 */
export function repoLauncherHardware(linker: Linker, file: string, cmds?: Found): Fact | undefined {
  const named = new Map<string, { fact: Fact; launcher: string }>();
  for (const { launcher, cmd } of cmds ?? repoCommands(linker, file)) {
    const hw = hardwareOf(cmd);
    if (!hw || typeof hw.value !== 'string') continue;
    const k = hw.value.toLowerCase();
    if (!named.has(k)) named.set(k, { fact: hw, launcher });
  }
  if (named.size !== 1) return undefined;
  const [{ fact, launcher }] = named.values();
  return { ...fact, note: `${fact.note ?? fact.value} (${launcher}, the launcher that runs it)` };
}

/**
 * The script's runs take the count its repository's launchers give (launcher over script default, over a count the
 * code only implies, over the launcher merged from nearby when the others disagree with it); a count the script
 * states outright (`DataParallel(device_ids=[0, 1])`) stays.
 */
export function withRepoLauncherDevices(linker: Linker, file: string, drafts: RunDraft[]): RunDraft[] {
  const id = linker.id(file);
  const own = drafts.filter((d) => d.plan.entry.file === id);
  if (own.length === 0) return drafts;
  // Only the one device inferred for a plain script gives way to a launcher that writes no count (./single-device).
  const single = own.some((d) => d.plan.facts.get('devices')?.note?.startsWith(SINGLE_PROCESS));
  const cmds = repoCommands(linker, file);
  const dev = repoLauncherDevices(linker, file, single, cmds);
  const hw = repoLauncherHardware(linker, file, cmds);
  if (!dev && !hw) return drafts;
  // New runs where the count or the hardware changes: a draft may be shared (runs are not changed in place).
  return drafts.map((d) => {
    if (d.plan.entry.file !== id) return d;
    d = withHardware(d, hw, cmds);
    if (!dev) return d;
    const cur = d.plan.facts.get('devices');
    if (cur && cur.origin === 'explicit' && cur.file === id) return d;
    if (cur && cur.value === dev.value && cur.origin !== 'assumed') return d;
    const facts = new Map(d.plan.facts).set('devices', dev);
    const relevantSpans =
      dev.span && dev.file
        ? [...d.plan.relevantSpans, { file: dev.file, span: dev.span, key: 'devices' as const }]
        : d.plan.relevantSpans;
    return { ...d, plan: { ...d.plan, facts, relevantSpans } };
  });
}

/** Flags and configs by which a launcher chooses the run's precision or sharding (what decides GML101, GML207). */
const DECIDING =
  /(^|[_-])(fp16|bf16|fp8|amp|half|precision|dtype|tf32|deepspeed|fsdp|zero|zero_stage|offload|sharding)($|[_-])/i;

/**
 * Does this command choose precision or sharding in a way the run does not show? A launcher merged into the run
 * (its flags read over the script's) does not; one found elsewhere in the repository, whose flags were not read, does
 * when it passes a precision or sharding flag, a DeepSpeed or accelerate config, or is `deepspeed`/`accelerate launch`
 * (their own configs choose both).
 */
function decidesUnseen(cmd: LaunchCommand): boolean {
  if (cmd.tool === 'deepspeed' || cmd.tool === 'accelerate' || cmd.accelerate || cmd.envFacts.length) return true;
  if (cmd.refs.some((r) => r.role === 'deepspeed' || r.role === 'accelerate-config')) return true;
  return [...cmd.fields.keys()].some((k) => DECIDING.test(k));
}

/**
 * The run with the launchers' accelerator where its files name none (a CPU or MPS device the script names stays) —
 * unless a launcher whose flags the run did not read chooses its precision or sharding: with the GPU known, a
 * precision or memory finding would rest on what that launcher overrides.
 */
function withHardware(d: RunDraft, hw: Fact | undefined, cmds: Found = []): RunDraft {
  const cur = d.plan.facts.get('hardware');
  if (!hw || (cur && cur.origin !== 'assumed')) return d;
  const merged = new Set(d.plan.files.map((f) => path.resolve(f)));
  if (cmds.some((c) => !merged.has(path.resolve(c.launcher)) && decidesUnseen(c.cmd))) return d;
  const facts = new Map(d.plan.facts).set('hardware', hw);
  const relevantSpans =
    hw.span && hw.file
      ? [...d.plan.relevantSpans, { file: hw.file, span: hw.span, key: 'hardware' as const }]
      : d.plan.relevantSpans;
  return { ...d, plan: { ...d.plan, facts, relevantSpans } };
}

/** Does this command name `wanted` as what it runs, a config it passes (`--config x.yaml`, `x.yaml`) or a reference? */
function namesFile(linker: Linker, lf: string, cmd: LaunchCommand, wanted: string): boolean {
  const paths = [
    cmd.target?.path,
    ...cmd.refs.map((r) => r.path),
    ...cmd.positionals.map((w) => w.text),
    ...[...cmd.fields.values()].map((f) => (typeof f.value === 'string' ? f.value : undefined)),
  ];
  return paths.some((p) => p !== undefined && /\.\w+$/.test(p) && linker.names(lf, p, wanted));
}

/**
 * A config's runs (or a Python config's, or a script's linked through its config) take the accelerator named by the
 * repository's launchers that run them: those that pass this file (`torchrun train.py configs/a.yaml` under
 * `#SBATCH --gres=gpu:h100:4`, `axolotl train x.yml` in a SkyPilot task) and those that run the script the run's entry
 * is. Only when all that name a GPU name the same one; a run whose files name one (or a CPU) keeps it.
 */
export function withConfigLauncherHardware(linker: Linker, file: string, drafts: RunDraft[]): RunDraft[] {
  const open = drafts.filter((d) => {
    const cur = d.plan.facts.get('hardware');
    return !cur || cur.origin === 'assumed';
  });
  if (open.length === 0) return drafts;
  const wanted = path.resolve(file);
  const base = path.basename(file);
  const root = repoRoot(linker, file);
  const files = root ? launcherFiles(linker, root, file) : [];
  const found: Found = [];
  for (const lf of files) {
    if (path.resolve(lf) === wanted) continue;
    const text = linker.read(lf);
    if (!text || !text.includes(base)) continue;
    for (const cmd of commandsOf(linker.id(lf), text, sourcedVars(linker, lf, text)))
      if (namesFile(linker, lf, cmd, wanted) && linker.fromLauncher(lf)) found.push({ launcher: linker.id(lf), cmd });
  }
  const scripts = new Set(open.map((d) => d.plan.entry.file).filter((e) => path.resolve(e) !== wanted));
  for (const s of scripts) found.push(...repoCommands(linker, s));
  const cmds = withCallerHardware(linker, files, found);
  const hw = repoLauncherHardware(linker, file, cmds);
  return hw ? drafts.map((d) => withHardware(d, hw, cmds)) : drafts;
}
