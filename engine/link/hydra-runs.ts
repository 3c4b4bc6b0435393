// Hydra runs in the linker: the runs composed from the primary configs that include a file, and the runs of the
// primary config a `@hydra.main` script names, each with the launcher that starts the script.
import * as path from 'node:path';
import { HydraSpec, hydraDrafts } from '../extract/hydra';
import { Composer, type HydraReader } from '../extract/hydra-compose';
import { hydraPrimary, hydraScripts, hydraSpecs } from '../extract/hydra-find';
import type { LaunchCommand } from '../extract/launcher';
import type { RunDraft } from '../extract/run-draft';
import type { Linker } from './linker';

const hydraReader = (linker: Linker): HydraReader => ({
  read: (f) => linker.read(f),
  list: (d) => linker.input.reader.list(d),
  id: (f) => linker.id(f),
});

function hydraSpecRuns(linker: Linker, spec: HydraSpec, launch?: { file: string; cmd: LaunchCommand }): RunDraft[] {
  const r = hydraDrafts(spec);
  linker.messages.push(...r.messages);
  // A composition that trains nothing (`train: False`, an evaluation entry): no other reader makes it a run.
  if (r.declined) linker.hydraDeclined.add(linker.id(spec.primary));
  return r.drafts.map((d) => linker.enrich(d, launch));
}

/** The runs composed from the primary configs that include `file` (or from the file itself), each with the launcher of the script whose @hydra.main names its primary. */
export function hydraRuns(linker: Linker, file: string): RunDraft[] {
  const reader = hydraReader(linker);
  const specs = hydraSpecs(file, reader);
  const runs = specs.flatMap((spec) => {
    const script = hydraScripts(spec.primary, reader)[0];
    return hydraSpecRuns(linker, spec, script ? linker.launchersOf(script)[0] : undefined);
  });
  if (runs.length === 0 && specs.every((s) => linker.hydraDeclined.has(linker.id(s.primary))))
    linker.hydraDeclined.add(linker.id(file));
  // One run per `_target_` node, from the first (training) primary config that composes it.
  const seenEntries = new Set<string>();
  return runs.filter((d) => {
    const key = `${d.plan.entry.file}:${d.plan.entry.span.start}`;
    return !seenEntries.has(key) && !!seenEntries.add(key);
  });
}

/** A Python script whose config is Hydra's (`@hydra.main`): the runs of the primary config it names. */
export function hydraFromScript(
  linker: Linker,
  script: string,
  text: string,
  forced?: { file: string; cmd: LaunchCommand },
): RunDraft[] {
  if (!/\bhydra\b/.test(text)) return [];
  const reader = hydraReader(linker);
  const launch = forced ?? linker.launchersOf(script)[0];
  const name = launch?.cmd.fields.get('config_name')?.value;
  const primary = hydraPrimary(script, text, reader, typeof name === 'string' ? name : undefined);
  if (!primary) return [];
  return hydraSpecRuns(
    linker,
    { composer: new Composer(reader, path.dirname(primary)), primary, orphan: false },
    launch,
  );
}
