// The generic reader: any structured source → key paths with values, spans and writers (./entries).
import type { Tree } from 'web-tree-sitter';
import type { EntrySet } from './entries';
import { ginEntries } from './gin';
import { iniEntries } from './ini';
import { pythonEntries } from './python';
import { shellEntries } from './shell';
import { tomlEntries } from './toml';
import { jsonEntries, yamlEntries } from './yaml-json';

export type { Base, Entry, EntrySet, EntrySyntax } from './entries';
export { norm } from './entries';

/** The entries of one file, by its syntax (from the name: YAML, JSON, TOML, INI, gin, shell; Python needs its tree). */
export function readEntries(
  file: string,
  text: string,
  tree?: Tree,
  preset?: Map<string, string>,
): EntrySet | undefined {
  try {
    if (/\.ya?ml$/i.test(file)) return yamlEntries(file, text);
    if (/\.jsonc?$/i.test(file)) return jsonEntries(file, text);
    if (/\.toml$/i.test(file)) return tomlEntries(file, text);
    // `.conf` too: a `configparser` file a script reads by default (`--config configurations/PEMS04.conf`).
    if (/\.(ini|cfg|conf)$/i.test(file)) return iniEntries(file, text);
    if (/\.gin$/i.test(file)) return ginEntries(file, text);
    if (/\.(sh|bash|zsh|slurm|sbatch)$/i.test(file)) return shellEntries(file, text, preset);
    if (/\.pyi?$/i.test(file) && tree) return pythonEntries(file, text, tree);
  } catch {
    return undefined;
  }
  return undefined;
}
