// A launcher that changes folder before it runs the script (`cd src` then `python main.py …`, CenterNet's
// experiments/*.sh, run from the repository's root as its README says): the script is looked for under that folder,
// from the launcher's folder and the folders above it (./linker.ts `resolve`). Only one plain relative `cd` before the
// command is read (no variables, no `..`, no `~`).
//
// A cluster job whose working folder is an absolute path on the cluster (SGE `#$ -wd /home/u/proj/code/`, SLURM
// `#SBATCH --chdir=…`/`-D`, or one `cd /abs/…/code`) runs the script from the checkout's folder of that name: the
// last one to three folders of the path are looked for the same way (`code/train.py` from `cluster_configs/job.sh`).
// Any other change of folder leaves the script not found.
//
// A file named by a path on the author's machine (`bash ~/proj/train/scripts/x.sh`, `--config_path
// /home/u/proj/config/train.yaml`, `bash /Repo/ResNet50/args.sh`: job scripts written for one cluster) that is not
// on this one: the checkout's file with the same trailing folders and name (`checkoutPath`).
import * as path from 'node:path';
import type { LaunchCommand } from '../extract/launcher';
import type { Linker } from './linker';

/** `#$ -wd DIR` (SGE, https://gridscheduler.sourceforge.net/htmlman/htmlman1/qsub.html), `#SBATCH --chdir=DIR` / `-D DIR`. */
const JOB_DIR = /^#(?:\$[ \t]+-wd|SBATCH[ \t]+(?:--chdir[ \t=]|-D[ \t]))[ \t]*(\S+)/gm;

export function cdTarget(linker: Linker, file: string, text: string, cmd: LaunchCommand): string | undefined {
  const t = cmd.target;
  if (!t || t.kind !== 'script' || path.isAbsolute(t.path)) return undefined;
  const before = text.slice(0, cmd.span.start);
  const cds = [...before.matchAll(/^[ \t]*(?:[\w-]+=\S*[ \t]+)*cd[ \t]+([^\s;&|#]*)[ \t]*(?:$|[;&#])/gm)];
  const jobs = [...before.matchAll(JOB_DIR)];
  // One `cd`; else, with none, one job working folder.
  const m = cds.length === 1 ? cds[0] : cds.length === 0 && jobs.length === 1 ? jobs[0] : undefined;
  const dir = m?.[1].replace(/^['"]|['"]$/g, '');
  if (!dir || /[$`~*?]/.test(dir) || dir.split('/').includes('..')) return undefined;
  if (!path.isAbsolute(dir)) return cds.length ? linker.resolve(file, path.join(dir, t.path)) : undefined;
  const parts = dir.split('/').filter((p) => p && p !== '.');
  for (let k = 1; k <= Math.min(3, parts.length); k++) {
    const found = linker.resolve(file, path.join(...parts.slice(-k), t.path));
    if (found) return found;
  }
  return undefined;
}

/**
 * The checkout's file for an absolute or home-relative path (`/home/u/proj/config/x.yaml`, `~/proj/run/a.sh`) from
 * a launcher: its trailing parts, longest first and never fewer than a folder and the name, looked for as a relative
 * path is (./linker.ts `resolve`: the launcher's folder and the folders above). A bare name (`/data/train.py`) is not
 * enough to say it is this checkout's file.
 */
export function checkoutPath(linker: Linker, from: string, p: string): string | undefined {
  const parts = p
    .replace(/^~(?=\/)/, '')
    .split('/')
    .filter((x) => x && x !== '.');
  if (parts.includes('..') || parts.includes('~')) return undefined;
  for (let k = 1; k <= parts.length - 2; k++) {
    const found = linker.resolve(from, parts.slice(k).join('/'));
    if (found) return found;
  }
  return undefined;
}

/**
 * A script named under a folder variable the launcher does not set (`deepspeed ${BASE_DIR}/proj/sft.py`,
 * `python $ROOT/train.py` in a job script written for one cluster): the variable holds the author's checkout, so the
 * script is the checkout's file with the same trailing folders and name, longest first, looked for as a relative path
 * is (./linker.ts `resolve`: a bare name stops at the first folder with a root marker). Only one leading variable
 * followed by a plain path to a `.py` file; anything else stays unresolved.
 */
export function variableRootTarget(linker: Linker, file: string, cmd: LaunchCommand): LaunchCommand {
  const t = cmd.target;
  const m = t?.word.unresolved && t.kind === 'script' ? /^\$\{?\w+\}?\/([\w./-]+\.py)$/.exec(t.path) : null;
  if (!t || !m) return cmd;
  const parts = m[1].split('/').filter((x) => x && x !== '.');
  if (parts.includes('..')) return cmd;
  for (let k = 0; k < parts.length; k++) {
    const rel = parts.slice(k).join('/');
    if (linker.resolve(file, rel))
      return { ...cmd, target: { ...t, path: rel, word: { ...t.word, unresolved: false } } };
  }
  return cmd;
}
