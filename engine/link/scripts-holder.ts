import * as path from 'node:path';

/** The folder holding the nearest `scripts/`-like folder above `dir` (`run_scripts`, `shell`), or undefined. */
export function scriptsHolder(dir: string): string | undefined {
  for (let d = dir; path.dirname(d) !== d; d = path.dirname(d))
    if (/^(scripts?|run_scripts?|shells?)$/i.test(path.basename(d))) return path.dirname(d);
  return undefined;
}
