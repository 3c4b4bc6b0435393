// The project a config belongs to and the Python files in it, nearest first: where ./config-readers looks for the
// training script that reads a config, and ./script-config for the schema module of a script's default config.
import * as path from 'node:path';
import type { Linker } from './linker';

/** Python files looked at per config (listing is cheap; only these are read). */
const MAX_CANDIDATES = 200;
const MAX_DEPTH = 3;
const MAX_UP = 5;
/** A repository's root: the walk never goes above a folder holding one of these. */
const ROOT_MARKERS =
  /^(\.git|setup\.py|setup\.cfg|pyproject\.toml|requirements[\w.-]*\.txt|README(\.\w+)?|LICENSE(\.\w+)?)$/i;
const CONFIG_DIR = /^(configs?|conf|cfgs?)$/i;
/** A folder named like a version (`V1.0`, `release-2.1`): a name with a dot that is no file's. */
const VERSION_DIR = /^[\w-]*\d\.\d+$/;
const SKIP_DIRS = /^(\.|__pycache__|node_modules|tests?|docs?|third_party|site-packages|build|dist)/i;

/** The project folder a config belongs to: the nearest folder above it holding code or a root marker. */
export function projectTop(linker: Linker, file: string): string {
  const start = path.dirname(path.resolve(file));
  let dir = start;
  // The outermost folder of configs the config sits in (`configs/` of `configs/fcos/x.py`), if any.
  let cfgRoot: string | undefined;
  for (let d = start, i = 0; i < MAX_UP; i++, d = path.dirname(d)) if (CONFIG_DIR.test(path.basename(d))) cfgRoot = d;
  for (let i = 0; i < MAX_UP; i++) {
    const names = linker.listDir(dir);
    if (names.some((n) => ROOT_MARKERS.test(n))) return dir;
    // A folder of configs (`configs/`, `conf/fcos/`) is no code even when its configs are Python (ml_collections).
    const configs = !!cfgRoot && !path.relative(cfgRoot, dir).startsWith('..');
    const code =
      !configs &&
      (names.some((n) => n.endsWith('.py')) ||
        names.some((n) => !n.includes('.') && linker.listDir(path.join(dir, n)).some((m) => m.endsWith('.py'))));
    if (code) {
      // A package folder (`src/pkg/configs`): its scripts may sit one folder up.
      const up = path.dirname(dir);
      return names.includes('__init__.py') && !linker.listDir(up).some((n) => ROOT_MARKERS.test(n)) ? up : dir;
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return path.dirname(path.resolve(file));
}

/** Python files under `top`, nearest to `from` first, at most MAX_DEPTH folders down. */
export function pythonFiles(linker: Linker, top: string, from: string): string[] {
  const out: string[] = [];
  const queue: [string, number][] = [[top, 0]];
  let listed = 0;
  while (queue.length && listed < 400) {
    const [dir, depth] = queue.shift()!;
    listed++;
    for (const n of linker.listDir(dir)) {
      const f = path.join(dir, n);
      if (n.endsWith('.py')) out.push(f);
      else if ((!n.includes('.') || VERSION_DIR.test(n)) && depth < MAX_DEPTH && !SKIP_DIRS.test(n))
        queue.push([f, depth + 1]);
    }
  }
  const dist = (f: string) => path.relative(path.dirname(from), path.dirname(f)).split(path.sep).length;
  return out.sort((a, b) => dist(a) - dist(b)).slice(0, MAX_CANDIDATES * 2);
}
