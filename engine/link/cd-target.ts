// A launcher that changes folder before it runs the script (`cd src` then `python main.py …`, CenterNet's
// experiments/*.sh, run from the repository's root as its README says): the script is looked for under that folder,
// from the launcher's folder and the folders above it (./linker.ts `resolve`). Only one plain relative `cd` before the
// command is read (no variables, no `..`, no `~`); any other change of folder leaves the script not found.
import * as path from 'node:path';
import type { LaunchCommand } from '../extract/launcher';
import type { Linker } from './linker';

export function cdTarget(linker: Linker, file: string, text: string, cmd: LaunchCommand): string | undefined {
  const t = cmd.target;
  if (!t || t.kind !== 'script' || path.isAbsolute(t.path)) return undefined;
  const before = text.slice(0, cmd.span.start);
  const cds = [...before.matchAll(/^[ \t]*(?:[\w-]+=\S*[ \t]+)*cd[ \t]+([^\s;&|#]*)[ \t]*(?:$|[;&#])/gm)];
  if (cds.length !== 1) return undefined;
  const dir = cds[0][1].replace(/^['"]|['"]$/g, '');
  if (!dir || /[$`~*?]/.test(dir) || path.isAbsolute(dir) || dir.split('/').includes('..')) return undefined;
  return linker.resolve(file, path.join(dir, t.path));
}
