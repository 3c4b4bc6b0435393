// No checkpoint for a script whose training code is all in its own repository and never saves: the script and every
// local module it imports (followed a few levels: `from train import train`, which imports `from model import KGCN`)
// hold the training update (../extract/python-update's kinds, read as ./update-accum reads them) and not one call that
// could write training state (../extract/python-trains-run `savesAnything`: a save, a checkpoint, a dump or export, a
// callbacks list). Then nothing is written that an interrupted run could resume from: `periodic_save no`. A library
// that trains (and may save by default) is never in view here: the update must be the repository's own code.
import * as path from 'node:path';
import { withoutComments } from '../extract/code-signs';
import type { RunDraft } from '../extract/run-draft';
import { savesAnything } from '../extract/python-trains-run';
import { ImportWalk, importRoots } from './import-walk';
import type { Linker } from './linker';
import { showsUpdate } from './update-accum';

const MAX_MODULES = 16;
const MAX_DEPTH = 3;
/** Modules an import statement names: `from a.b import c, d` → a.b, a.b.c, a.b.d; `import a, b as c` → a, b. */
function importedNames(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^[ \t]*from[ \t]+([.\w]+)[ \t]+import[ \t]+\(?([\w, \t*]+)/gm)) {
    out.push(m[1]);
    for (const n of m[2].split(',').map((s) => s.trim().split(/\s+/)[0]))
      if (n && n !== '*') out.push(m[1].endsWith('.') ? `${m[1]}${n}` : `${m[1]}.${n}`);
  }
  for (const m of text.matchAll(/^[ \t]*import[ \t]+([\w., \t]+)$/gm))
    for (const n of m[1].split(',').map((s) => s.trim().split(/\s+/)[0])) if (n) out.push(n);
  return out;
}

/** The texts of the script and of the local modules it imports, breadth first, bounded. */
function localTexts(linker: Linker, script: string, text: string): { file: string; text: string }[] {
  const walk = new ImportWalk(linker, importRoots(linker, script, text), new Set());
  const seen = new Map<string, string>([[path.resolve(script), text]]);
  let layer = [{ file: path.resolve(script), text }];
  for (let depth = 0; depth < MAX_DEPTH && layer.length; depth++) {
    const next: { file: string; text: string }[] = [];
    for (const from of layer)
      for (const name of importedNames(from.text)) {
        const mod = walk.module(from.file, name);
        if (!mod || seen.has(mod.file) || seen.size >= MAX_MODULES) continue;
        seen.set(mod.file, mod.text);
        next.push({ file: mod.file, text: mod.text });
      }
    layer = next;
  }
  return [...seen].map(([file, t]) => ({ file, text: t }));
}

/** Sets `periodic_save no` on the script's runs that say nothing of saving, where its repository code trains and never saves. */
export function withNoSaveInRun(linker: Linker, script: string, text: string, drafts: RunDraft[]): void {
  const id = path.resolve(linker.id(script));
  const open = drafts.filter((d) => {
    const cur = d.plan.facts.get('periodic_save');
    return (!cur || cur.origin === 'assumed') && path.resolve(d.plan.entry.file) === id;
  });
  if (!open.length || !/__name__\s*==\s*['"]__main__['"]|^\S[^\n]*\(/m.test(text)) return;
  const texts = localTexts(linker, script, text);
  const update = texts.find((t) => showsUpdate(withoutComments(t.text)));
  if (!update || texts.some((t) => savesAnything(t.text))) return;
  for (const d of open)
    d.plan.facts.set('periodic_save', {
      key: 'periodic_save',
      value: 'no',
      origin: 'framework-default',
      file: d.plan.entry.file,
      note: `${path.basename(update.file)} trains and neither this script nor the ${texts.length - 1} local module(s) it imports save anything (no save, checkpoint, dump or export call, no callbacks): an interruption loses the run`,
    });
}
