// A config given alone that no reader makes a run of: the run of a launcher beside it whose command passes it to a
// training script (`python -m train --gin_file=configs/blender.gin`, `python train.py -c conf/exp/dtu.conf`), under
// any option name. The script's run is what the config configures; the config's own settings, read through the
// vocabulary, go over the script's (a config layer is above the script's defaults, ./merge), and the launcher's
// flags over both. A launcher that runs an evaluation script, or a script not in this tree, gives nothing.
import * as path from 'node:path';
import { namedForOtherWork } from '../extract/launcher-run';
import type { RunDraft } from '../extract/run-draft';
import { readSets } from '../extract/vocab-run';
import type { Linker } from './linker';
import { commandsOf, isLauncherName } from './merge';
import { entrySets } from './vocab';
import { sourcedVars } from './wrapper';

const MAX_LAUNCHERS = 40;

/** Folders where a launcher of `file` may live: its own, the folder above, and their `scripts/`. */
function nearDirs(file: string): string[] {
  const dir = path.dirname(path.resolve(file));
  const parent = path.dirname(dir);
  const top = path.dirname(parent);
  return [
    ...new Set([dir, path.join(dir, 'scripts'), parent, path.join(parent, 'scripts'), path.join(top, 'scripts')]),
  ];
}

export function namingLauncherRuns(linker: Linker, file: string, text: string): RunDraft[] {
  const wanted = path.resolve(file);
  const base = path.basename(file);
  const out: RunDraft[] = [];
  let seen = 0;
  for (const dir of nearDirs(file)) {
    for (const name of [...linker.listDir(dir)].sort()) {
      if (!isLauncherName(name) || seen >= MAX_LAUNCHERS) continue;
      seen++;
      const lf = path.join(dir, name);
      const ltext = linker.read(lf);
      if (!ltext || !ltext.includes(base)) continue;
      for (const cmd of commandsOf(linker.id(lf), ltext, sourcedVars(linker, lf, ltext))) {
        const t = cmd.target;
        if (!t || t.word.unresolved || t.kind === 'config') continue;
        const script = t.kind === 'module' ? `${t.path.replace(/\./g, '/')}.py` : t.path;
        if (namedForOtherWork(script)) continue;
        const names = (v: unknown) => typeof v === 'string' && linker.names(lf, v, wanted);
        const passed =
          [...cmd.fields.values()].some((f) => names(f.value)) || cmd.positionals.some((w) => names(w.text));
        if (!passed) continue;
        const runs = linker.commandRuns(linker.id(lf), ltext, cmd, 0).filter((d) => d.kind !== 'launcher');
        out.push(...runs.map((d) => withConfig(linker, file, text, d, linker.id(lf))));
      }
      if (out.length) return out.slice(0, 1);
    }
  }
  return out;
}

/** The config's own settings over the script's, never over the launcher's flags; the config is one of the run's files. */
function withConfig(linker: Linker, file: string, text: string, d: RunDraft, launcher: string): RunDraft {
  const { sets } = entrySets(linker, file, text);
  const { read } = readSets(sets);
  const facts = d.plan.facts;
  for (const [k, f] of read.facts) {
    const cur = facts.get(k);
    if (cur && cur.file === launcher && cur.origin !== 'assumed') continue;
    facts.set(k, f.origin === 'explicit' ? f : { ...f, origin: 'inferred' });
    if (f.span && f.file) d.plan.relevantSpans.push({ file: f.file, span: f.span, key: k });
  }
  const id = linker.id(file);
  const files = d.plan.files.includes(id) ? d.plan.files : [...d.plan.files, id];
  return { ...d, plan: { ...d.plan, files } };
}
