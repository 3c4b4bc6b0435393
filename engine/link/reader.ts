// All file I/O of the engine: one injectable FileReader, size-capped, read-only, never following anything but the
// path it is given. diskReader caches by modification time; memoryReader serves tests and unsaved editor buffers.

import * as fs from 'node:fs';
import * as path from 'node:path';

/** Related files larger than this are not read. */
export const MAX_RELATED_BYTES = 512 * 1024;

export interface FileReader {
  /** The text of a file, or undefined when missing, too large, binary, not a regular file or outside the roots. */
  read(file: string): string | undefined;
  /** File names (not paths) in a folder; empty when it cannot be listed. */
  list(dir: string): string[];
  /** Why `read(file)` gave nothing although the file exists (outside the allowed roots), or undefined. */
  refusal?(file: string): string | undefined;
  /** What the reader serves, for results kept across analyses (ReaderState); absent: it cannot tell. */
  state?(): ReaderState;
}

/**
 * What a reader serves, as far as a cache can tell without reading anything. `disk` changes whenever a file it reads
 * from disk may have changed — its owner is told of every change (the language server's watched-file events) or the
 * files do not change while it lives (the CLI's run) —; undefined when it cannot tell, and a cache must then check
 * the files themselves. `memory` holds the texts it lays over the disk (unsaved editor buffers), by resolved path.
 */
export interface ReaderState {
  disk: string | undefined;
  memory: ReadonlyMap<string, string>;
}

const NO_MEMORY: ReadonlyMap<string, string> = new Map();
/** Each disk reader's own token: two readers never share one. */
let readers = 0;

/** What a path names when it is not a regular file, in words ("a FIFO"), or undefined for a regular file. */
export function specialKind(st: fs.Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Read a regular file of at most `maxBytes`: the type is checked before anything is opened (a FIFO would block, a
 * device like /dev/zero never ends), and checked again on the open descriptor, which is opened non-blocking and read
 * only up to the cap. Throws an Error whose message names the problem.
 */
export function readRegularFile(file: string, maxBytes: number): string {
  const st = fs.statSync(file);
  const special = specialKind(st);
  if (special) throw new Error(`${special}, not a regular file: not read`);
  if (st.size > maxBytes) throw new Error(`larger than ${formatBytes(maxBytes)}: not read`);
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const again = specialKind(fs.fstatSync(fd));
    if (again) throw new Error(`${again}, not a regular file: not read`);
    const buf = Buffer.alloc(Math.min(maxBytes, st.size) + 1);
    let n = 0;
    for (;;) {
      const k = fs.readSync(fd, buf, n, buf.length - n, null);
      if (k === 0) break;
      n += k;
      if (n >= buf.length) throw new Error(`larger than ${formatBytes(maxBytes)}: not read`);
    }
    return buf.subarray(0, n).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** The first `bytes` bytes of a regular file (a shebang line, a magic number), after the same type check; '' on error. */
export function readRegularHead(file: string, bytes: number): string {
  try {
    const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    try {
      if (specialKind(fs.fstatSync(fd))) return '';
      const buf = Buffer.alloc(bytes);
      const n = fs.readSync(fd, buf, 0, bytes, 0);
      return buf.subarray(0, n).toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
}

const formatBytes = (n: number) =>
  n >= 1024 * 1024 ? `${+(n / 1024 / 1024).toFixed(1)} MB` : `${+(n / 1024).toFixed(1)} KB`;

/** Is `file` (already a real path) inside one of `roots` (real paths)? */
export function insideRoots(file: string, roots: readonly string[]): boolean {
  return roots.some((r) => file === r || file.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
}

/** The real path of an existing file or folder, or undefined. */
export function realPath(p: string): string | undefined {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return undefined;
  }
}

/**
 * The workspace boundary: files (after resolving symlinks) outside `roots` are neither read nor listed. A refused
 * read that names an existing file is remembered with its reason, so the linker can say which link it did not follow.
 */
export function boundedReader(inner: FileReader, roots: readonly string[]): FileReader {
  const real = [...new Set(roots.map((r) => realPath(path.resolve(r)) ?? path.resolve(r)))];
  const verdicts = new Map<string, string | undefined>();
  // Real paths of existing folders, found once each: a file's real path is its folder's with its own name when the
  // file is no link (one lstat, where resolving the whole path again asks the system about every folder above it).
  const realDirs = new Map<string, string>();
  const realOf = (abs: string): string | undefined => {
    const dir = path.dirname(abs);
    if (dir === abs) return realPath(abs);
    let rd = realDirs.get(dir);
    if (rd === undefined) {
      rd = realPath(dir);
      if (rd === undefined) return undefined;
      if (realDirs.size > 5000) realDirs.clear();
      realDirs.set(dir, rd);
    }
    let st: fs.Stats | undefined;
    try {
      st = fs.lstatSync(abs, { throwIfNoEntry: false });
    } catch {
      return undefined;
    }
    if (!st) return undefined;
    return st.isSymbolicLink() || st.isDirectory() ? realPath(abs) : path.join(rd, path.basename(abs));
  };
  const check = (p: string): string | undefined => {
    // Keys are resolved paths: the linker's paths (resolved already) are found without resolving them again.
    if (verdicts.has(p)) return verdicts.get(p);
    const abs = path.resolve(p);
    if (verdicts.has(abs)) return verdicts.get(abs);
    // A path that does not exist is not refused (nothing to read); one outside every root is (its real path
    // resolved in full for the message).
    const fast = realOf(abs);
    const r = fast === undefined || insideRoots(fast, real) ? fast : realPath(abs);
    const why =
      r === undefined || insideRoots(r, real)
        ? undefined
        : `outside the workspace (${real.join(', ')}${r !== abs ? `; ${abs} resolves to ${r}` : ''}); add its folder to greenml.extraRoots or extra-roots in greenml.toml to allow it`;
    if (verdicts.size > 5000) verdicts.clear();
    verdicts.set(abs, why);
    return why;
  };
  const bounds = real.join(path.delimiter);
  const innerState = inner.state?.bind(inner);
  return {
    read: (file) => (check(file) ? undefined : inner.read(file)),
    list: (dir) => (check(dir) ? [] : inner.list(dir)),
    refusal: (file) => check(file),
    state: innerState
      ? () => {
          const s = innerState();
          return { disk: s.disk === undefined ? undefined : `${s.disk}|${bounds}`, memory: s.memory };
        }
      : undefined,
  };
}

export const readable = (text: string) => text.length <= MAX_RELATED_BYTES && !text.slice(0, 8192).includes('\u0000');

/** Bounds of the disk caches: entries, and characters of text held (≈ 2 bytes each). */
const MAX_CACHED_FILES = 2000;
const MAX_CACHED_CHARS = 16 * 1024 * 1024;

/**
 * Reads from disk, with a cache keyed by modification time and size. `stable` (the CLI: files do not change during
 * one run) trusts the cache without a `stat` per read, remembers missing files too, and lists each folder once.
 * `changes` is its owner's count of file-change notifications (undefined while it receives none): with it, or
 * `stable`, the reader's state says when nothing on disk has changed (ReaderState).
 */
export function diskReader(opts: { stable?: boolean; changes?: () => number | undefined } = {}): FileReader {
  const id = ++readers;
  const state = (): ReaderState => {
    const n = opts.stable ? 0 : opts.changes?.();
    return { disk: n === undefined ? undefined : `${opts.stable ? 's' : 'w'}${id}.${n}`, memory: NO_MEMORY };
  };
  const snapshot = new Map<string, string | undefined>();
  const lists = new Map<string, string[]>();
  let chars = 0;
  const read = (file: string): string | undefined => {
    try {
      const st = fs.statSync(file);
      if (!st.isFile() || st.size > MAX_RELATED_BYTES) return undefined;
      const hit = CACHE.get(file);
      if (hit && hit.mtime === st.mtimeMs && hit.size === st.size) return hit.text;
      const text = readRegularFile(file, MAX_RELATED_BYTES);
      const ok = readable(text) ? text : undefined;
      if (CACHE.size >= MAX_CACHED_FILES || cacheChars + text.length > MAX_CACHED_CHARS) {
        CACHE.clear();
        cacheChars = 0;
      }
      CACHE.set(file, { mtime: st.mtimeMs, size: st.size, text: ok });
      cacheChars += ok?.length ?? 0;
      return ok;
    } catch {
      return undefined;
    }
  };
  const list = (dir: string): string[] => {
    try {
      // A folder's mtime changes when entries are added or removed.
      const mtime = fs.statSync(dir).mtimeMs;
      const hit = LISTS.get(dir);
      if (hit && hit.mtime === mtime) return hit.names;
      const names = fs.readdirSync(dir).slice(0, 2000);
      if (LISTS.size > 500) LISTS.clear();
      LISTS.set(dir, { mtime, names });
      return names;
    } catch {
      return [];
    }
  };
  if (!opts.stable) return { read, list, state };
  return {
    state,
    read(file) {
      if (snapshot.has(file)) return snapshot.get(file);
      const t = read(file);
      if (snapshot.size >= MAX_CACHED_FILES || chars + (t?.length ?? 0) > MAX_CACHED_CHARS) {
        snapshot.clear();
        chars = 0;
      }
      snapshot.set(file, t);
      chars += t?.length ?? 0;
      return t;
    },
    list(dir) {
      const hit = lists.get(dir);
      if (hit) return hit;
      const names = list(dir);
      if (lists.size >= MAX_CACHED_FILES) lists.clear();
      lists.set(dir, names);
      return names;
    },
  };
}
const CACHE = new Map<string, { mtime: number; size: number; text: string | undefined }>();
let cacheChars = 0;
const LISTS = new Map<string, { mtime: number; names: string[] }>();

/**
 * In-memory files (absolute paths → text), for tests and unsaved editor buffers. Its state is its texts over its
 * fallback's disk; with no fallback, everything it serves is in memory.
 */
export function memoryReader(files: Record<string, string>, fallback?: FileReader): FileReader {
  const norm = new Map(Object.entries(files).map(([k, v]) => [path.resolve(k), v]));
  const under = fallback?.state?.bind(fallback);
  const state = !fallback
    ? () => ({ disk: 'memory', memory: norm })
    : under
      ? () => ({ disk: under().disk, memory: norm })
      : undefined;
  return {
    state,
    read: (file) => {
      const t = norm.get(path.resolve(file));
      return t !== undefined ? (readable(t) ? t : undefined) : fallback?.read(file);
    },
    refusal: (file) => (norm.has(path.resolve(file)) ? undefined : fallback?.refusal?.(file)),
    list: (dir) => {
      const d = path.resolve(dir);
      // Files and, as on disk, the folders under `dir`.
      const mine = [...norm.keys()]
        .filter((k) => k.startsWith(d + path.sep))
        .map((k) => k.slice(d.length + 1).split(path.sep)[0]);
      return [...new Set([...mine, ...(fallback?.list(dir) ?? [])])];
    },
  };
}

export type LinkKind = 'python' | 'config' | 'shell' | 'javascript' | 'other';

/**
 * A file with no extension whose first line is a Python shebang (`#!/usr/bin/env python`, `#!/usr/bin/python3`,
 * `#!/usr/bin/env -S python3 -u`): an entry point the shell runs as `./train`, Python all the same.
 */
export function pythonShebang(file: string, text: string): boolean {
  const base = path.basename(file);
  if (base.startsWith('.') || path.extname(base) !== '' || !text.startsWith('#!')) return false;
  const first = text.slice(2, 256).split(/\r?\n/, 1)[0];
  return /^\s*\S*(?:\/|\s|^)(?:env(?:\s+-\S+)*\s+)?(python|pypy)[\d.]*(?:\s|$)/.test(first);
}

/** Text, notebooks and logs: never a script, whatever their first line says. */
const DOCUMENT = /\.(md|markdown|txt|rst|log|out|err|html?|ipynb|csv|tsv)$/i;

/**
 * A job script by its text where its name does not say so (`runbatch.s`, `train.job`, `job.pbs`, an extensionless
 * `train`): a shell shebang on the first line (`#!/bin/bash`, `#!/usr/bin/env bash`), or scheduler directives at the
 * start of its lines: sbatch, qsub and bsub take a job file of any name (`#SBATCH`:
 * https://slurm.schedmd.com/sbatch.html; SGE `#$`: https://gridscheduler.sourceforge.net/htmlman/htmlman1/qsub.html;
 * `#PBS`: PBS Professional's qsub; `#BSUB`: https://www.ibm.com/docs/en/spectrum-lsf/10.1.0?topic=reference-bsub).
 */
export function shellByText(file: string, text: string): boolean {
  const base = path.basename(file);
  if (base.startsWith('.') || DOCUMENT.test(base)) return false;
  const first = text.slice(2, 256).split(/\r?\n/, 1)[0];
  if (text.startsWith('#!') && /^\s*(?:\S*\/)?(?:env(?:\s+-\S+)*\s+)?(?:ba|z|da|k)?sh(?:\s|$)/.test(first)) return true;
  return /^#(?:SBATCH|PBS|BSUB)[ \t]+-|^#\$[ \t]+-/m.test(text.slice(0, 4096));
}

/**
 * The kind of a file by its name; with its text, an extensionless file with a Python shebang is Python, and a job
 * script of another name (`shellByText`) is shell.
 */
export function linkKind(file: string, text?: string): LinkKind {
  if (/\.pyi?$/i.test(file)) return 'python';
  if (text !== undefined && pythonShebang(file, text)) return 'python';
  if (/\.[mc]?[jt]s$/i.test(file) && !/\.d\.[mc]?ts$/i.test(file)) return 'javascript';
  if (/\.(ya?ml|jsonc?|toml|ini|cfg|gin)$/i.test(file)) return 'config';
  if (/\.(sh|bash|zsh|slurm|sbatch)$/i.test(file)) return 'shell';
  if (text !== undefined && shellByText(file, text)) return 'shell';
  return 'other';
}
