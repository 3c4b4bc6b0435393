// What a job's files say beyond their keys, for frameworks read through the vocabulary (../vocabulary/frameworks-jobs.ts
// and OpenMMLab): the command line a Determined experiment runs (its flags are settings of the run), TPU cores that
// count only on a TPU (`use_tpu: false` runs TPUEstimator on one host device), and the devices an OpenMMLab config
// name states (`…_8xb32-210e_…`: 8 GPUs × 32 per GPU).
import * as path from 'node:path';
import type { Entry, EntrySet } from './generic';
import { shellEntries } from './generic/shell';
import type { Fact, FactKey } from '../types';
import type { Framework } from '../vocabulary/frameworks';

/** Keys whose string value is the command a job runs. */
const COMMAND_KEYS: Record<string, string[]> = { determined: ['entrypoint'] };
const TPU_CORE_KEYS = /^(num_tpu_cores|tpu_num_cores|num_cores)$/;
const last = (e: Entry) => (e.path[e.path.length - 1] ?? '').toLowerCase();

/**
 * The entry sets a job's run is read from: the file's own, without TPU core counts when the job says it runs off a
 * TPU (`use_tpu: false` and never true), then the flags of the command line its config runs (Determined's
 * `entrypoint:`), which point at that key and are not rewritten there.
 */
export function jobSets(fw: Framework | undefined, sets: EntrySet[]): EntrySet[] {
  let out = sets;
  if (fw?.id === 'tpu-estimator') {
    const flags = sets.flatMap((s) => s.entries.filter((e) => last(e) === 'use_tpu'));
    if (flags.some((e) => e.value === false) && !flags.some((e) => e.value === true))
      out = sets.map((s) => ({ ...s, entries: s.entries.filter((e) => !TPU_CORE_KEYS.test(last(e))) }));
  }
  const keys = fw ? COMMAND_KEYS[fw.id] : undefined;
  for (const set of keys ? sets : [])
    for (const e of set.entries) {
      if (e.path.length !== 1 || !keys?.includes(e.path[0]) || typeof e.value !== 'string') continue;
      const entries = shellEntries(set.file, e.value).entries.map((x) => ({
        ...x,
        span: e.span,
        text: `${e.path[0]}: … ${x.text}`,
        set: undefined,
      }));
      if (entries.length) out = [...out, { file: set.file, syntax: 'shell', entries, bases: [] }];
    }
  return out;
}

/** Framework facts that need more than one key: TPU cores without a TPU, devices in an OpenMMLab config name. */
export function jobFacts(fw: Framework | undefined, sets: EntrySet[], facts: Map<FactKey, Fact>): void {
  if ((fw?.id === 'mmengine' || fw?.id === 'detectron2-lazy') && !facts.has('devices')) {
    const main = sets[sets.length - 1].file;
    const m = /(?:^|[_-])(\d{1,3})xb(\d{1,4})(?=[_-]|$)/.exec(path.basename(main).replace(/\.py$/, ''));
    const n = m ? Number(m[1]) : 0;
    if (m && n >= 1)
      facts.set('devices', {
        key: 'devices',
        value: n,
        origin: 'inferred',
        file: main,
        note: `the config's name says ${m[1]}xb${m[2]}: ${n} GPUs × ${m[2]} samples per GPU (OpenMMLab's naming convention)`,
      });
  }
}
