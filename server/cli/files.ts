// Finds the files to review under the given paths, skipping dependency and VCS folders.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { kindOf } from '../review/analyze-file';

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
const NOT_CONFIGS =
  /^(package(-lock)?|tsconfig|jsconfig|composer|\.eslintrc|renovate|tokenizer|tokenizer_config|vocab|special_tokens_map|generation_config|config)\.json$/i;

/** TOML files of tools, not of training runs: not walked (a training TOML is recognised by content, e.g. torchtitan's). */
const NOT_TRAINING_TOML =
  /^(pyproject|greenml|cargo|poetry|uv|ruff|\.?rustfmt|tox|netlify|wrangler|fly|taplo|mypy|black|codecov|\.?cargo-config|config)\.toml$/i;

function wanted(p: string, size: number): boolean {
  const kind = kindOf(p);
  if (kind === 'unsupported') return false;
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

export function collectFiles(paths: string[]): { files: string[]; errors: { path: string; message: string }[] } {
  const files: string[] = [];
  const errors: { path: string; message: string }[] = [];
  const walk = (p: string, explicit: boolean) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (e) {
      errors.push({
        path: p,
        message: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message,
      });
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
    } else if (st.isFile() && (explicit || wanted(p, st.size))) {
      files.push(p);
    }
  };
  for (const p of paths) walk(p, true);
  return { files, errors };
}
