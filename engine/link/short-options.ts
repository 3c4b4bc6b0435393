// A launcher's short options (`-j 16`, `-b 256`) in the names the script declares them under: argparse's
// `add_argument('-j', '--workers', …)` stores `-j 16` in `args.workers`
// (https://docs.python.org/3/library/argparse.html#name-or-flags), the idiom of pytorch/examples' ImageNet script and
// the many scripts built from it. The launcher's parser keeps single-dash words as positionals; this gives each one
// the script (or the local module it imports its parser from, `from opts import parser`) declares beside a long
// option a field under the long option's name, so that the script's default it replaces is found by that name.
import * as path from 'node:path';
import type { LaunchCommand } from '../extract/launcher';
import { typedValue } from '../extract/fields';
import type { Linker } from './linker';
import { commandBase } from './launch-refs';

/** `add_argument('-j', '--workers'` or `add_argument("--workers", "-j"`. */
const SHORT_LONG =
  /add_argument\(\s*['"]-(\w)['"]\s*,\s*['"]--([\w-]+)['"]|add_argument\(\s*['"]--([\w-]+)['"]\s*,\s*['"]-(\w)['"]/g;

/** Short option → the dest of its long option, declared in `text`. */
function shortOptions(text: string, out: Map<string, string>): void {
  for (const m of text.matchAll(SHORT_LONG)) {
    const short = m[1] ?? m[4];
    const long = (m[2] ?? m[3]).replace(/-/g, '_');
    if (!out.has(short)) out.set(short, long);
  }
}

/** The script's short options, from its text and the local modules beside it that it imports from. */
function declared(linker: Linker, script: string): Map<string, string> {
  const out = new Map<string, string>();
  const text = linker.read(script);
  if (!text) return out;
  shortOptions(text, out);
  const dir = path.dirname(path.resolve(script));
  const names = linker.listDir(dir);
  for (const m of [...text.matchAll(/^\s*from\s+([\w.]+)\s+import\b|^\s*import\s+([\w.]+)\s*$/gm)].slice(0, 30)) {
    const f = `${(m[1] ?? m[2]).replace(/\./g, '/')}.py`;
    if (f.includes('/') || !names.includes(f)) continue;
    const t = linker.read(path.join(dir, f));
    if (t && /add_argument\s*\(/.test(t)) shortOptions(t, out);
  }
  return out;
}

/** Adds `-x V` of `cmd`'s positionals as fields named by the long options the entry script declares. */
export function withShortOptions(linker: Linker, entry: string, cmd: LaunchCommand): void {
  if (!/\.py$/.test(entry) || !cmd.positionals.some((w) => /^-\w$/.test(w.text))) return;
  const map = declared(linker, entry);
  const words = cmd.positionals;
  for (let i = 0; i + 1 < words.length; i++) {
    const dest = /^-(\w)$/.exec(words[i].text)?.[1];
    const long = dest ? map.get(dest) : undefined;
    const next = words[i + 1];
    if (!long || cmd.fields.has(long) || next.text.startsWith('-')) continue;
    const text = linker.read(cmd.file) ?? '';
    cmd.fields.set(long, {
      name: long,
      value: next.unresolved ? undefined : typedValue(next.text),
      file: cmd.file,
      span: { start: words[i].span.start, end: next.span.end },
      text: text.slice(words[i].span.start, next.span.end),
    });
    i++;
  }
}

/** What a launch needs before its run is merged: the folder its paths resolve from, its short options by name. */
export function prepareLaunch(linker: Linker, entry: string, launch: { file: string; cmd: LaunchCommand }): void {
  commandBase(linker, launch.file, launch.cmd);
  withShortOptions(linker, entry, launch.cmd);
}
