// Ultralytics' batch arithmetic. `batch` is the images of one iteration over all GPUs (split over the DDP processes),
// and the trainer accumulates gradients up to a nominal batch: `self.accumulate = max(round(self.args.nbs /
// self.batch_size), 1)` with `nbs: 64` by default (ultralytics/engine/trainer.py `_setup_train`, and
// ultralytics/cfg/default.yaml "nbs: 64 # (int) nominal batch size",
// https://github.com/ultralytics/ultralytics/blob/main/ultralytics/engine/trainer.py, 2025). So one optimizer step
// sees batch × accumulate images (64 when batch is 16, the default). `device` unset, or one device id, trains on one
// GPU (`select_device` picks "0"), where the per-process batch is the whole `batch`. An AutoBatch `batch: -1` or a
// memory fraction (`batch: 0.7`) is no count: nothing is computed then.
import type { Fact, FactKey } from '../types';

const DEFAULT_BATCH = 16;
const DEFAULT_NBS = 64;

/** Accumulation, the images per optimizer step and the per-process batch of an Ultralytics run. */
export function ultralyticsBatch(facts: Map<FactKey, Fact>, nbsStated: number | undefined, batchUnread: boolean): void {
  if (facts.has('grad_accum')) return;
  const stated = facts.get('global_batch');
  if (!stated && batchUnread) return;
  const batch = stated ? stated.value : DEFAULT_BATCH;
  if (typeof batch !== 'number' || !Number.isInteger(batch) || batch < 1) return;
  const nbs = nbsStated ?? DEFAULT_NBS;
  const accum = Math.max(Math.round(nbs / batch), 1);
  // A stated batch with the default nbs is read through the framework's rule: inferred.
  const origin = !stated ? 'framework-default' : nbsStated === undefined ? 'inferred' : stated.origin;
  const base = { origin, file: stated?.file, span: stated?.span } as const;
  const said = stated ? `batch ${batch}` : `batch defaults to ${batch}`;
  facts.set('grad_accum', {
    key: 'grad_accum',
    value: accum,
    ...base,
    note: `${said}: Ultralytics accumulates max(round(nbs ${nbs} / ${batch}), 1) = ${accum} iteration${accum === 1 ? '' : 's'} per optimizer step`,
  });
  facts.set('global_batch', {
    key: 'global_batch',
    value: batch * accum,
    ...base,
    note: `${said} × ${accum} accumulated = ${batch * accum} images per optimizer step`,
  });
  const devices = facts.get('devices');
  const n = devices ? devices.value : 1;
  if (!facts.has('micro_batch') && typeof n === 'number' && n >= 1 && batch % n === 0)
    facts.set('micro_batch', {
      key: 'micro_batch',
      value: batch / n,
      ...base,
      origin: stated?.origin ?? 'framework-default',
      note: devices
        ? `batch ${batch} over ${n} GPU${n === 1 ? '' : 's'}`
        : `batch ${batch} on the one GPU Ultralytics picks when no device is given`,
    });
}
