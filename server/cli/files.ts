// Finds the files to review under the given paths, skipping dependency and VCS folders, what `.gitignore` files and
// `exclude` patterns leave out (the `ignore` package implements git's pattern rules), special files (FIFOs, devices,
// sockets) and symlinks that lead out of the workspace. Every folder and file is visited once per real path, so
// symlink loops end and a file reached by two names is reviewed once.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import {
  insideRoots,
  linkKind,
  pythonShebang,
  readRegularFile,
  readRegularHead,
  realPath,
  specialKind,
} from '../../engine/link/reader';

const SKIP_DIRS = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.venv',
  'venv',
  'env',
  '__pycache__',
  '.mypy_cache',
  '.tox',
  'dist',
  'build',
  'site-packages',
  '.ipynb_checkpoints',
]);

/** Training configs are small: in a folder walk, larger YAML/JSON files are data (datasets, lockfiles), not configs. */
const MAX_WALKED_CONFIG_BYTES = 256 * 1024;
const MAX_WALKED_SCRIPT_BYTES = 512 * 1024;
const MAX_GITIGNORE_BYTES = 256 * 1024;
const NOT_CONFIGS =
  /^(package(-lock)?|tsconfig|jsconfig|composer|\.eslintrc|renovate|tokenizer|tokenizer_config|vocab|special_tokens_map|generation_config|config)\.json$/i;

/** TOML files of tools, not of training runs: not walked (a training TOML is recognised by content, e.g. torchtitan's). */
const NOT_TRAINING_TOML =
  /^(pyproject|greenml|cargo|poetry|uv|ruff|\.?rustfmt|tox|netlify|wrangler|fly|taplo|mypy|black|codecov|\.?cargo-config|config)\.toml$/i;

/** Notebooks carry their outputs (images, tables): a walk reads those whose JSON is at most this size. */
const MAX_WALKED_NOTEBOOK_BYTES = 4 * 1024 * 1024;

function wanted(p: string, size: number): boolean {
  if (/\.ipynb$/i.test(p)) return size <= MAX_WALKED_NOTEBOOK_BYTES;
  const kind = linkKind(p);
  // An extensionless entry point (`./train`) whose first line is a Python shebang is a Python script.
  if (kind === 'other')
    return size <= MAX_WALKED_SCRIPT_BYTES && path.extname(p) === '' && pythonShebang(p, readRegularHead(p, 256));
  if (kind === 'config')
    return (
      size <= MAX_WALKED_CONFIG_BYTES &&
      !NOT_CONFIGS.test(path.basename(p)) &&
      !NOT_TRAINING_TOML.test(path.basename(p)) &&
      !p.includes(`${path.sep}.github${path.sep}`)
    );
  // JS/TS: training scripts are small; minified bundles and large generated files are not reviewed in a walk.
  if (kind === 'javascript') return size <= MAX_WALKED_SCRIPT_BYTES && !/\.min\.[mc]?js$/i.test(p);
  return true;
}

export interface WalkOptions {
  /** Real or given paths of the workspace: symlinks whose target is outside all of them are not followed. */
  roots?: string[];
  /** gitignore-style `exclude` patterns that apply under a folder (from the greenml.toml that governs it). */
  excludes?: (dir: string) => { base: string; patterns: string[] } | undefined;
}

interface Matcher {
  base: string;
  ig: Ignore;
}

function gitignoreOf(dir: string): Matcher | undefined {
  const f = path.join(dir, '.gitignore');
  let text: string;
  try {
    text = readRegularFile(f, MAX_GITIGNORE_BYTES);
  } catch {
    return undefined;
  }
  return { base: dir, ig: ignore().add(text) };
}

function ignoredBy(matchers: Matcher[], p: string, isDir: boolean): boolean {
  for (const m of matchers) {
    const rel = path.relative(m.base, p);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) continue;
    const posix = rel.split(path.sep).join('/');
    if (m.ig.ignores(isDir ? `${posix}/` : posix)) return true;
  }
  return false;
}

export function collectFiles(
  paths: string[],
  opts: WalkOptions = {},
): { files: string[]; errors: { path: string; message: string }[] } {
  const files: string[] = [];
  const errors: { path: string; message: string }[] = [];
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const excludeCache = new Map<string, Matcher | undefined>();
  const excludeOf = (dir: string): Matcher | undefined => {
    const e = opts.excludes?.(dir);
    if (!e || e.patterns.length === 0) return undefined;
    const key = `${e.base}\u0000${e.patterns.join('\u0000')}`;
    if (!excludeCache.has(key)) excludeCache.set(key, { base: e.base, ig: ignore().add(e.patterns) });
    return excludeCache.get(key);
  };
  const walkRoots = [...(opts.roots ?? []), ...paths]
    .map((r) => realPath(path.resolve(r)))
    .filter((r): r is string => !!r);

  const walkDir = (dir: string, real: string, matchers: Matcher[], explicit: boolean) => {
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    if (!explicit && SKIP_DIRS.has(path.basename(dir))) return;
    let names: string[];
    try {
      names = fs.readdirSync(dir).sort();
    } catch (e) {
      errors.push({ path: dir, message: (e as Error).message });
      return;
    }
    const here = [...matchers];
    const gi = gitignoreOf(dir);
    if (gi) here.push(gi);
    const ex = excludeOf(dir);
    if (ex && !here.includes(ex)) here.push(ex);
    for (const n of names) {
      const p = path.join(dir, n);
      let st: fs.Stats;
      let target: string;
      try {
        st = fs.lstatSync(p);
        if (st.isSymbolicLink()) {
          const r = realPath(p);
          if (!r) continue; // dangling
          if (walkRoots.length && !insideRoots(r, walkRoots)) {
            errors.push({ path: p, message: `symlink to ${r}, outside the workspace: not followed` });
            continue;
          }
          st = fs.statSync(p);
          target = r;
        } else target = path.join(real, n);
      } catch (e) {
        errors.push({ path: p, message: (e as Error).message });
        continue;
      }
      if (st.isDirectory()) {
        if (SKIP_DIRS.has(n) || ignoredBy(here, p, true)) continue;
        walkDir(p, target, here, false);
      } else if (st.isFile()) {
        if (ignoredBy(here, p, false) || !wanted(p, st.size) || seenFiles.has(target)) continue;
        seenFiles.add(target);
        files.push(p);
      } else {
        errors.push({ path: p, message: `${specialKind(st)}, not a regular file: skipped` });
      }
    }
  };

  /** The .gitignore files of the folders above an explicit folder, up to the workspace root that holds it. */
  const ancestors = (dir: string): Matcher[] => {
    const real = realPath(path.resolve(dir));
    const root =
      real && walkRoots.filter((r) => insideRoots(real, [r]) && r !== real).sort((a, b) => b.length - a.length)[0];
    if (!real || !root) return [];
    const out: Matcher[] = [];
    for (let d = path.dirname(real); ; d = path.dirname(d)) {
      const gi = gitignoreOf(d);
      if (gi) out.unshift(gi);
      if (d === root || path.dirname(d) === d) break;
    }
    return out;
  };

  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      errors.push({
        path: p,
        message: code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file or directory' : (e as Error).message,
      });
      continue;
    }
    const real = realPath(p) ?? path.resolve(p);
    if (st.isDirectory()) walkDir(p, real, ancestors(p), true);
    else if (st.isFile()) {
      if (seenFiles.has(real)) continue;
      seenFiles.add(real);
      files.push(p);
    } else errors.push({ path: p, message: `${specialKind(st)}, not a regular file: skipped` });
  }
  return { files, errors };
}
