// A launcher that changes folder before it runs the script (`cd src` then `python main.py …`, CenterNet's
// experiments/*.sh, run from the repository's root as its README says): the script is looked for under that folder,
// from the launcher's folder and the folders above it (./linker.ts `resolve`). Only one plain `cd` before the command
// is read (no variables, no `..`, no `~`); any other change of folder leaves the script not found.
//
// A job file may name its working folder as a scheduler directive instead: Grid Engine's `#$ -wd <dir>` ("Execute the
// job from the directory specified", https://gridscheduler.sourceforge.net/htmlman/htmlman1/qsub.html) and Slurm's
// `#SBATCH --chdir=<dir>` / `-D <dir>` (https://slurm.schedmd.com/sbatch.html#OPT_chdir). Such a folder, like a `cd`
// to an absolute path, is the author's checkout on their cluster (`/SAN/…/codes/MisMatchSSL/code/`): its last one or
// two folders are looked for in this tree the same way, and the script must be found there.
import * as path from 'node:path';
import type { LaunchCommand } from '../extract/launcher';
import type { Linker } from './linker';

const CD = /^[ \t]*(?:[\w-]+=\S*[ \t]+)*cd[ \t]+([^\s;&|#]*)[ \t]*(?:$|[;&#])/gm;
const DIRECTIVE = /^#(?:\$[ \t]+-wd|SBATCH[ \t]+(?:--chdir[= \t]|-D[ \t]))[ \t]*(\S+)/gm;

export function cdTarget(linker: Linker, file: string, text: string, cmd: LaunchCommand): string | undefined {
  const t = cmd.target;
  if (!t || t.kind !== 'script' || path.isAbsolute(t.path)) return undefined;
  const before = text.slice(0, cmd.span.start);
  const dirs = [...before.matchAll(CD), ...before.matchAll(DIRECTIVE)];
  if (dirs.length !== 1) return undefined;
  const dir = dirs[0][1].replace(/^['"]|['"]$/g, '');
  if (!dir || /[$`~*?%]/.test(dir) || dir.split('/').includes('..')) return undefined;
  if (!path.isAbsolute(dir)) return linker.resolve(file, path.join(dir, t.path));
  // The tail of an absolute folder: its last folder, then its last two (`…/MisMatchSSL/code/` → `code/`).
  const parts = dir.split('/').filter(Boolean);
  for (const n of [1, 2]) {
    if (parts.length < n) break;
    const found = linker.resolve(file, path.join(...parts.slice(-n), t.path));
    if (found) return found;
  }
  return undefined;
}
