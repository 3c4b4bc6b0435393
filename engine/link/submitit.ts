// submitit in the linker: a launcher file's run is the run of the trainer module it imports (beside it), with the
// devices its executor requests; a trainer's run takes the devices of a submitit launcher beside it that imports it;
// a launcher whose trainer is not in the tree is a run of its devices alone.
import * as path from 'node:path';
import { submititDevices, mayBeSubmitit } from '../extract/submitit';
import type { RunDraft } from '../extract/run-draft';
import type { Fact } from '../types';
import type { Tree } from '../parse/python';
import type { Linker } from './linker';
import { LAUNCHER_RANK, mergeRun } from './merge';
import { cachedTree } from './tree-cache';
import { switchedOn } from '../extract/launcher-run';
import type { LaunchCommand } from '../extract/launcher';
import { scriptValues } from './launched-args';

const MAX_NEAR = 40;

/** Local modules a Python file imports (`import main_train as trainer`, `from engine_pretrain import train_one_epoch`). */
function importedModules(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import\s+([\w.]+)(?:\s+as\s+\w+)?|from\s+([\w.]+)\s+import\b)/gm)) {
    const mod = m[1] ?? m[2];
    if (mod && !out.includes(mod)) out.push(mod);
  }
  return out;
}

function withDevices(linker: Linker, d: RunDraft, dev: Fact, launcher: string): RunDraft {
  const merged = mergeRun(d, [
    {
      overlay: {
        file: launcher,
        facts: [dev],
        refs: [],
        relevantSpans: dev.span ? [{ file: launcher, span: dev.span, key: 'devices' }] : [],
        edit: () => undefined,
      },
      rank: LAUNCHER_RANK,
    },
  ]);
  const files = [...new Set([...merged.plan.files, linker.id(launcher)])];
  return { ...merged, plan: { ...merged.plan, files } };
}

function devicesOf(linker: Linker, file: string, text: string, tree?: Tree): Fact | undefined {
  if (!mayBeSubmitit(text)) return undefined;
  const t = tree ?? (linker.parser ? cachedTree(path.resolve(file), text, linker.parser) : undefined);
  return t ? submititDevices(linker.id(file), text, t) : undefined;
}

/** The runs of a Python file, with submitit's devices where a submitit launcher states them. */
export function submititRuns(linker: Linker, file: string, text: string, tree: Tree | undefined, drafts: RunDraft[]) {
  const own = devicesOf(linker, file, text, tree);
  if (own) {
    let runs = drafts;
    if (runs.length === 0)
      for (const mod of importedModules(text)) {
        const target = linker.resolve(file, `${mod.replace(/\./g, '/')}.py`);
        const t = target ? linker.read(target) : undefined;
        if (!target || t === undefined) continue;
        runs = linker.pythonRuns(target, t).map((d) => linker.enrich(d));
        if (runs.length) break;
      }
    if (runs.length) return runs.map((d) => switchedOn(withDevices(linker, d, own, file), text, linker.id(file)));
    return [launcherOnly(linker, file, own)];
  }
  // A trainer: the submitit launcher beside it that imports it states the devices.
  // (A count the trainer only implies, one `.cuda()` device, is not one it states.)
  const stated = (d: RunDraft) => ['explicit', 'script-default'].includes(d.plan.facts.get('devices')?.origin ?? '');
  if (drafts.length === 0 || drafts.some(stated)) return drafts;
  const mod = path.basename(file).replace(/\.py$/, '');
  const dir = path.dirname(path.resolve(file));
  for (const name of linker.listDir(dir).slice(0, MAX_NEAR)) {
    const f = path.join(dir, name);
    if (!/\.py$/.test(name) || f === path.resolve(file)) continue;
    const t = linker.read(f);
    if (!t || !mayBeSubmitit(t) || !importedModules(t).some((m) => m === mod || m.endsWith(`.${mod}`))) continue;
    const dev = devicesOf(linker, f, t);
    if (dev && linker.fromLauncher(f)) return drafts.map((d) => withDevices(linker, d, dev, f));
  }
  return drafts;
}

function launcherOnly(linker: Linker, file: string, dev: Fact): RunDraft {
  return {
    plan: {
      framework: 'submitit launch',
      entry: {
        file: linker.id(file),
        span: dev.span ?? { start: 0, end: 0 },
        label: 'submitit job (trainer not found: read from the launcher only)',
      },
      files: [linker.id(file)],
      facts: new Map([['devices', dev]]),
      relevantSpans: dev.span ? [{ file: linker.id(file), span: dev.span, key: 'devices' }] : [],
      edit: undefined,
    },
    kind: 'launcher',
    envPrecision: 'never',
    openEnded: true,
    refs: [],
  };
}

/**
 * A submitit launcher run by a command line (`python run_with_submitit.py --model m --ngpus 2 --nodes 4`): it parses
 * its trainer's own options (`argparse.ArgumentParser(parents=[main.get_args_parser()])`) and hands them to the
 * trainer module it imports (`main.main(args)`), so the command's runs are that module's runs under the same flags
 * (`runsOf`), on the devices the executor requests with the command's values (DeiT's run_with_submitit.py,
 * https://github.com/facebookresearch/deit/blob/main/run_with_submitit.py). None when it requests no devices or no
 * imported module has a run.
 */
export function launchedSubmititRuns(
  linker: Linker,
  cmd: LaunchCommand,
  script: string,
  text: string,
  runsOf: (module: string, text: string) => RunDraft[],
): RunDraft[] {
  if (!mayBeSubmitit(text) || !linker.parser) return [];
  const tree = cachedTree(path.resolve(script), text, linker.parser);
  const dev = submititDevices(linker.id(script), text, tree, (root, calls) => scriptValues(root, calls, cmd));
  if (!dev) return [];
  for (const mod of importedModules(text)) {
    const target = linker.resolve(script, `${mod.replace(/\./g, '/')}.py`);
    const t = target && path.resolve(target) !== path.resolve(script) ? linker.read(target) : undefined;
    if (!target || t === undefined) continue;
    const runs = runsOf(target, t);
    if (runs.length) return runs.map((d) => switchedOn(withDevices(linker, d, dev, script), text, linker.id(script)));
  }
  return [];
}
