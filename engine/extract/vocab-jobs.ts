// What a job's files say beyond their keys, for frameworks read through the vocabulary (../vocabulary/frameworks-jobs.ts
// and OpenMMLab): the command line a Determined experiment runs (its flags are settings of the run), TPU cores that
// count only on a TPU (`use_tpu: false` runs TPUEstimator on one host device), the devices an OpenMMLab config name
// mentions (`…_8xb32-210e_…`: 8 GPUs × 32 per GPU, told in a note, not claimed), and the batches of an RLlib experiment.
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

/** Framework facts that need more than one key: TPU cores without a TPU, devices an OpenMMLab config name mentions. */
export function jobFacts(fw: Framework | undefined, sets: EntrySet[], facts: Map<FactKey, Fact>): void {
  if (fw?.id === 'rllib') rllibBatches(sets, facts);
  if ((fw?.id === 'mmengine' || fw?.id === 'detectron2-lazy') && !facts.has('devices')) {
    const main = sets[sets.length - 1].file;
    const m = /(?:^|[_-])(\d{1,3})xb(\d{1,4})(?=[_-]|$)/.exec(path.basename(main).replace(/\.py$/, ''));
    const n = m ? Number(m[1]) : 0;
    // A config copied and edited keeps its name: when its own batch is not the name's per-GPU batch
    // (`yolov3_mobilenetv2_8xb24-…_banana.py` training 2 per GPU), the name no longer describes the run.
    const micro = facts.get('micro_batch')?.value;
    const renamed = typeof micro === 'number' && m && micro !== Number(m[2]);
    // The name records the setup the authors trained with; the config states no count, and the run has the count of
    // the launcher that starts it (`tools/dist_train.sh config.py 4`, or one process for `tools/train.py`): the name's
    // count is told, not claimed (the naming style's `[gpu x batch_per_gpu]` field, "GPUs and samples per GPU":
    // https://github.com/open-mmlab/mmdetection/blob/v2.22.0/docs/en/tutorials/config.md; the GPU count is an argument
    // of `tools/dist_train.sh ${CONFIG_FILE} ${GPU_NUM}`: https://mmdetection.readthedocs.io/en/latest/user_guides/train.html).
    if (m && n >= 1 && !renamed)
      facts.set('devices', {
        key: 'devices',
        value: null,
        origin: 'inferred',
        file: main,
        note: `the config's name says ${m[1]}xb${m[2]} (${n} GPUs × ${m[2]} samples per GPU, OpenMMLab's naming convention), but the count is the launcher's: not stated in this file`,
      });
  }
}

/**
 * RLlib algorithms whose `train_batch_size` is the batch of one gradient step: off-policy learners sample it from
 * their replay buffer (DQN, SAC, CQL, DDPG/TD3), IMPALA's and A2C's learners step once per train batch
 * (https://docs.ray.io/en/releases-1.13.0/rllib/rllib-algorithms.html). PPO's is a rollout batch that
 * `sgd_minibatch_size` cuts into minibatches.
 */
const ONE_STEP_BATCH = /^(DQN|APEX|R2D2|SIMPLE_Q|SAC|CQL|DDPG|TD3|APEX_DDPG|IMPALA|A2C|A3C|PG|MARWIL|BC)$/;

/**
 * An RLlib experiment's batches (https://docs.ray.io/en/releases-1.13.0/rllib/rllib-training.html#common-parameters):
 * PPO's `sgd_minibatch_size` is the SGD batch across all learner GPUs; the one-step algorithms' `train_batch_size` is
 * theirs. A learner on one GPU (or none) takes all of it; on several, how RLlib splits it is its own business.
 */
function rllibBatches(sets: EntrySet[], facts: Map<FactKey, Fact>): void {
  const all = sets.flatMap((s) => s.entries.map((e) => ({ e, file: s.file })));
  const runs = all.filter((x) => x.e.path.length === 2 && x.e.path[1] === 'run');
  // One experiment per file: several would be several runs with their own settings.
  if (runs.length !== 1) return;
  const exp = runs[0].e.path[0];
  const setting = (k: string) => all.filter((x) => x.e.path.join('.') === `${exp}.config.${k}`).pop();
  const gpus = setting('num_gpus')?.e.value ?? 0;
  if (typeof gpus !== 'number') return;
  const algo = String(runs[0].e.value);
  const sgd = setting('sgd_minibatch_size');
  const train = setting('train_batch_size');
  const src =
    /^(PPO|APPO|DDPPO)$/.test(algo) && typeof sgd?.e.value === 'number'
      ? sgd
      : ONE_STEP_BATCH.test(algo) && !setting('microbatch_size') && typeof train?.e.value === 'number'
        ? train
        : undefined;
  if (!src || typeof src.e.value !== 'number' || src.e.value < 1) return;
  const n = src.e.value;
  const at = { origin: 'explicit' as const, file: src.file, span: src.e.span };
  facts.set('global_batch', {
    key: 'global_batch',
    value: n,
    ...at,
    note: `${src.e.text}: the batch of one ${algo} gradient step`,
  });
  if (gpus <= 1)
    facts.set('micro_batch', {
      key: 'micro_batch',
      value: n,
      ...at,
      note: `${src.e.text} on one learner ${gpus === 1 ? 'GPU' : 'process'}`,
    });
}
