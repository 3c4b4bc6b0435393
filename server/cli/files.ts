// Finds the files to review under the given paths, skipping dependency and VCS folders.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { kindOf } from '../engine/analyze-file';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.venv', 'venv', 'env', '__pycache__', '.mypy_cache', '.tox', 'dist', 'build', 'site-packages', '.ipynb_checkpoints']);

export function collectFiles(paths: string[]): { files: string[]; errors: { path: string; message: string }[] } {
  const files: string[] = [];
  const errors: { path: string; message: string }[] = [];
  const walk = (p: string, explicit: boolean) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (e) {
      errors.push({ path: p, message: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message });
      return;
    }
    if (st.isDirectory()) {
      if (!explicit && SKIP_DIRS.has(path.basename(p))) return;
      let names: string[];
      try {
        names = fs.readdirSync(p).sort();
      } catch (e) {
        errors.push({ path: p, message: (e as Error).message });
        return;
      }
      for (const n of names) walk(path.join(p, n), false);
    } else if (st.isFile() && (explicit || kindOf(p) !== 'unsupported')) {
      files.push(p);
    }
  };
  for (const p of paths) walk(p, true);
  return { files, errors };
}
