// All file I/O of the engine: one injectable FileReader, size-capped, read-only, never following anything but the
// path it is given. diskReader caches by modification time; memoryReader serves tests and unsaved editor buffers.

import * as fs from 'node:fs';
import * as path from 'node:path';

/** Related files larger than this are not read. */
export const MAX_RELATED_BYTES = 512 * 1024;

export interface FileReader {
  /** The text of a file, or undefined when missing, too large or binary. */
  read(file: string): string | undefined;
  /** File names (not paths) in a folder; empty when it cannot be listed. */
  list(dir: string): string[];
}

export const readable = (text: string) => text.length <= MAX_RELATED_BYTES && !text.slice(0, 8192).includes('\u0000');

/** Reads from disk, with a cache keyed by modification time and size. */
export function diskReader(): FileReader {
  return {
    read(file) {
      try {
        const st = fs.statSync(file);
        if (!st.isFile() || st.size > MAX_RELATED_BYTES) return undefined;
        const hit = CACHE.get(file);
        if (hit && hit.mtime === st.mtimeMs && hit.size === st.size) return hit.text;
        const text = fs.readFileSync(file, 'utf8');
        if (CACHE.size > 500) CACHE.clear();
        const ok = readable(text) ? text : undefined;
        CACHE.set(file, { mtime: st.mtimeMs, size: st.size, text: ok });
        return ok;
      } catch {
        return undefined;
      }
    },
    list(dir) {
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
    },
  };
}
const CACHE = new Map<string, { mtime: number; size: number; text: string | undefined }>();
const LISTS = new Map<string, { mtime: number; names: string[] }>();

/** In-memory files (absolute paths → text), for tests and unsaved editor buffers. */
export function memoryReader(files: Record<string, string>, fallback?: FileReader): FileReader {
  const norm = new Map(Object.entries(files).map(([k, v]) => [path.resolve(k), v]));
  return {
    read: (file) => {
      const t = norm.get(path.resolve(file));
      return t !== undefined ? (readable(t) ? t : undefined) : fallback?.read(file);
    },
    list: (dir) => {
      const d = path.resolve(dir);
      const mine = [...norm.keys()].filter((k) => path.dirname(k) === d).map((k) => path.basename(k));
      return [...new Set([...mine, ...(fallback?.list(dir) ?? [])])];
    },
  };
}

export type LinkKind = 'python' | 'config' | 'shell' | 'javascript' | 'other';

export function linkKind(file: string): LinkKind {
  if (/\.pyi?$/i.test(file)) return 'python';
  if (/\.[mc]?[jt]s$/i.test(file) && !/\.d\.[mc]?ts$/i.test(file)) return 'javascript';
  if (/\.(ya?ml|jsonc?|toml|gin)$/i.test(file)) return 'config';
  if (/\.(sh|bash|slurm|sbatch)$/i.test(file)) return 'shell';
  return 'other';
}
