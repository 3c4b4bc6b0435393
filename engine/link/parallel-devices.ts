// The device count a torchtitan job config states through its parallel degrees: data-parallel replicate × shard ×
// tensor × pipeline × context. A degree not written is 1, except the shard degree, whose default -1 means "the rest of
// the world size": a config that leaves it unwritten or -1 states no count, which stays unknown. The degrees sit in
// `[parallelism]` (torchtitan since 2025) or, in the 2024 layout, in `[training]` and `[experimental]`
// (`training.data_parallel_shard_degree`, `experimental.pipeline_parallel_degree`). Source:
//   https://github.com/pytorch/torchtitan/blob/main/torchtitan/config/job_config.py (`Parallelism`)
import type { EntrySet } from '../extract/generic';
import { parallelFacts, type Setting } from '../extract/launcher-parallel';
import type { RunDraft } from '../extract/run-draft';

const SECTIONS = ['parallelism', 'training', 'experimental'];

/** Sets the devices of a torchtitan run read through the vocabulary from its degrees, where nothing else states them. */
export function withParallelDevices(sets: EntrySet[], d: RunDraft): void {
  if (d.plan.framework !== 'torchtitan' || d.plan.facts.has('devices')) return;
  const get = (name: string): Setting | undefined => {
    let found: Setting | undefined;
    for (const s of sets)
      for (const e of s.entries) {
        const at = e.path.join('.').toLowerCase();
        if (at === name || SECTIONS.some((sec) => at === `${sec}.${name}`))
          found = { value: e.value, span: e.span, file: s.file, text: e.text };
      }
    return found;
  };
  const devices = parallelFacts(get, d.plan.entry.file).find((f) => f.key === 'devices');
  if (devices) d.plan.facts.set('devices', devices);
}
