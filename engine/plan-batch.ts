// The global batch when a run's files close the arithmetic: micro-batch × gradient accumulation × data-parallel
// devices (devices ÷ tensor × pipeline degrees), each stated by the files — never from an assumed or configured
// device count; or, for one process of an accelerate script, its one data-parallel rank (`dp` 1, ./extract/one-rank)
// while the GPU count stays open. Its origin is the weaker of the micro-batch's and the device count's (or the
// rank's): the product claims no more certainty than what it is computed from.
import type { Fact, FactKey, Origin, RunPlan } from './types';

/** Device counts stated as processes, one per GPU (torchrun, accelerate, deepspeed, MPI, SLURM tasks). */
const PER_GPU_PROCESSES =
  /nproc|num_processes|num_gpus|world_size|ntasks|tasks-per|\bnp\b|-np\b|mpirun|horovod|deepspeed/i;
const STRENGTH: Origin[] = ['explicit', 'script-default', 'setting', 'inferred', 'framework-default', 'assumed'];

export function closeGlobalBatch(plan: RunPlan): void {
  const f = plan.facts;
  const stated = (k: FactKey): (Fact & { value: number }) | undefined => {
    const x = f.get(k);
    return x && typeof x.value === 'number' && x.value > 0 && x.origin !== 'assumed' && x.origin !== 'setting'
      ? (x as Fact & { value: number })
      : undefined;
  };
  const micro = stated('micro_batch');
  const accum = stated('grad_accum');
  const devices = stated('devices');
  if (f.has('global_batch')) {
    closeAccumulation(f, stated('global_batch'), micro, devices);
    closeMicroBatch(f, stated('global_batch'), stated('grad_accum'), devices);
    return;
  }
  if (!micro || !accum) return;
  // One process drives every GPU (`nn.DataParallel`, not under a launcher that starts a process per GPU): the
  // loader's batch is the global one, scattered in chunks over the GPUs (torch.nn.DataParallel's documentation).
  if (oneProcessOverGpus(f, devices)) {
    splitByDataParallel(f, micro, accum, devices);
    return;
  }
  // One process of an accelerate script (./extract/one-rank): one data-parallel rank, whatever the GPU count.
  const rank = oneProcessRank(f, devices);
  const by = devices ?? rank;
  if (!by) return;
  const degree = (k: FactKey) => (typeof f.get(k)?.value === 'number' ? (f.get(k)?.value as number) : 1);
  const model = degree('tp') * degree('pp');
  if (devices && (model < 1 || devices.value % model !== 0)) return;
  const dp = devices ? devices.value / model : 1;
  const value = micro.value * accum.value * dp;
  const origin = [micro.origin, by.origin].sort((a, b) => STRENGTH.indexOf(b) - STRENGTH.indexOf(a))[0];
  f.set('global_batch', {
    key: 'global_batch',
    value,
    origin,
    file: micro.file,
    span: micro.span,
    note: `micro-batch ${micro.value} × ${accum.value} accumulation step${accum.value === 1 ? '' : 's'} × ${dp} data-parallel ${rank ? 'rank (one process)' : `device${dp === 1 ? '' : 's'}`} = ${value}`,
  });
}

/**
 * The one data-parallel rank of a run that is one process (`dp` 1 from ./extract/one-rank), when no device count is
 * stated: a count stated after all is what the run spreads over.
 */
function oneProcessRank(f: Map<FactKey, Fact>, devices: Stated | undefined): Stated | undefined {
  const dp = f.get('dp');
  return !devices && dp?.form === 'one-process' && dp.value === 1 ? (dp as Stated) : undefined;
}

type Stated = Fact & { value: number };

/**
 * Whether one process drives the run's GPUs with `nn.DataParallel`: a wrapper in the default run, or one behind a
 * flag (`if args.use_multi_gpu: model = nn.DataParallel(model, device_ids=…)`) in a run that states more than one
 * device — one process can use several GPUs only through that wrapper, so the devices stated are its device ids
 * (Time-Series-Library's `--use_multi_gpu --devices 0,1`). Not when the devices are processes a launcher starts.
 */
function oneProcessOverGpus(f: Map<FactKey, Fact>, devices: Stated | undefined): boolean {
  const dp = f.get('data_parallel')?.value;
  if (PER_GPU_PROCESSES.test(devices?.note ?? '')) return false;
  return dp === true || (dp === 'flag' && !!devices && devices.value > 1);
}

/** The loader's batch is the global one; each GPU's share is known only when the GPU count is. */
function splitByDataParallel(f: Map<FactKey, Fact>, micro: Stated, accum: Stated, devices: Stated | undefined): void {
  const origin = devices
    ? [micro.origin, devices.origin].sort((a, b) => STRENGTH.indexOf(b) - STRENGTH.indexOf(a))[0]
    : micro.origin;
  const global = micro.value * accum.value;
  f.set('global_batch', {
    key: 'global_batch',
    value: global,
    origin: micro.origin,
    file: micro.file,
    span: micro.span,
    note: `DataParallel: one process loads ${micro.value}${accum.value === 1 ? '' : ` × ${accum.value} accumulation steps`} = ${global} per step and splits each batch over the GPUs`,
  });
  if (devices?.value === 1) return;
  const per = devices ? micro.value / devices.value : undefined;
  const known = per !== undefined && Number.isInteger(per);
  f.set('micro_batch', {
    ...micro,
    value: known ? per : null,
    origin,
    note: devices
      ? `${micro.note ?? `batch ${micro.value}`} — split by DataParallel over ${devices.value} GPUs${known ? `: ${per} per GPU` : ' (in unequal chunks)'}`
      : `${micro.note ?? `batch ${micro.value}`} — split by DataParallel over every visible GPU: the share of each is not known`,
  });
}

/**
 * The accumulation a script computes from the global batch (`accum = total_batch_size // (batch_size * world_size)`,
 * left unknown where it is read: a null `grad_accum`), once the global batch, the micro-batch and the device count
 * are all stated: global ÷ (micro × data-parallel devices), when that divides exactly. A run that states no
 * accumulation at all but both batches is the same arithmetic: Megatron-LM takes `--global-batch-size` and
 * `--micro-batch-size` and accumulates global ÷ (micro × data-parallel size) micro-batches per step
 * (megatron/core/num_microbatches_calculator.py, `ConstantNumMicroBatchesCalculator`), and DeepSpeed derives
 * `gradient_accumulation_steps` from `train_batch_size` the same way (deepspeed/runtime/config.py,
 * `_set_batch_related_parameters`).
 */
function closeAccumulation(f: Map<FactKey, Fact>, global?: Stated, micro?: Stated, devices?: Stated): void {
  const accum = f.get('grad_accum');
  if (!global || !micro || !devices) return;
  if (accum && (accum.value !== null || accum.origin === 'assumed')) return;
  if (f.get('data_parallel')?.value === true || oneProcessOverGpus(f, devices)) return;
  const degree = (k: FactKey) => (typeof f.get(k)?.value === 'number' ? (f.get(k)?.value as number) : 1);
  const model = degree('tp') * degree('pp');
  if (model < 1 || devices.value % model !== 0) return;
  const dp = devices.value / model;
  const n = global.value / (micro.value * dp);
  if (!Number.isInteger(n) || n < 1) return;
  const origin = [global.origin, micro.origin, devices.origin].sort(
    (a, b) => STRENGTH.indexOf(b) - STRENGTH.indexOf(a),
  )[0];
  const how = `global batch ${global.value} ÷ (micro-batch ${micro.value} × ${dp} data-parallel device${dp === 1 ? '' : 's'}) = ${n}`;
  f.set('grad_accum', {
    ...(accum ?? { key: 'grad_accum', file: micro.file, span: micro.span }),
    value: n,
    origin,
    note: accum
      ? `${how} — ${accum.note ?? 'accumulation'}`
      : `${how}: the micro-batches accumulated per optimizer step`,
  });
}

/**
 * The micro-batch of a run that states only the global batch, the accumulation and the devices (open_lm's
 * `--global-batch-size 512 --accum-freq 32` under `torchrun --nproc-per-node=2`: each GPU takes global ÷ world
 * samples in accum-freq chunks, open_lm main.py and train.py): global ÷ (accumulation × data-parallel devices), when
 * that divides exactly and no micro-batch is written.
 */
function closeMicroBatch(f: Map<FactKey, Fact>, global?: Stated, accum?: Stated, devices?: Stated): void {
  if (!global || !accum || !devices || f.has('micro_batch')) return;
  if (f.get('data_parallel')?.value === true || oneProcessOverGpus(f, devices)) return;
  const degree = (k: FactKey) => (typeof f.get(k)?.value === 'number' ? (f.get(k)?.value as number) : 1);
  const model = degree('tp') * degree('pp');
  if (model < 1 || devices.value % model !== 0) return;
  const dp = devices.value / model;
  const n = global.value / (accum.value * dp);
  if (!Number.isInteger(n) || n < 1) return;
  const origin = [global.origin, accum.origin, devices.origin].sort(
    (a, b) => STRENGTH.indexOf(b) - STRENGTH.indexOf(a),
  )[0];
  f.set('micro_batch', {
    key: 'micro_batch',
    value: n,
    origin,
    file: global.file,
    span: global.span,
    note: `global batch ${global.value} ÷ (${accum.value} accumulation step${accum.value === 1 ? '' : 's'} × ${dp} data-parallel device${dp === 1 ? '' : 's'}) = ${n} per device and micro-step`,
  });
}
