// The runs a Python launcher starts (../extract/python-launcher): each command it hands to the shell, read like a
// shell launcher's line and followed to the script it runs. Only a script of this tree that is not named for other
// work (evaluation, inference, export) gives a run: a Python file that shells out to `pip`, `git` or an evaluation
// script launches no training, and a command whose script this review cannot see says nothing about one.
import type { Tree } from '../parse/python';
import { namedForOtherWork } from '../extract/launcher-run';
import { mayBePythonLauncher, pythonLauncherCommands } from '../extract/python-launcher';
import type { RunDraft } from '../extract/run-draft';
import type { Linker } from './linker';

export function pythonLauncherDrafts(linker: Linker, file: string, text: string, tree: Tree | undefined): RunDraft[] {
  if (!tree || !mayBePythonLauncher(text)) return [];
  const out: RunDraft[] = [];
  const seen = new Set<string>();
  for (const cmd of pythonLauncherCommands(linker.id(file), text, tree.rootNode)) {
    const t = cmd.target;
    if (!t || t.word.unresolved || t.kind === 'config') continue;
    const script = t.kind === 'module' ? `${t.path.replace(/\./g, '/')}.py` : t.path;
    if (namedForOtherWork(script) || !linker.resolve(file, script)) continue;
    for (const d of linker.commandRuns(file, text, cmd, 0)) {
      if (d.kind === 'launcher') continue;
      const key = `${d.plan.entry.file}:${d.plan.entry.span.start}:${cmd.span.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(d);
    }
  }
  return out;
}
