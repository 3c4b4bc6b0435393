// torchtitan's batch arithmetic. `training.local_batch_size` (`training.batch_size` before 2025) is the batch of one
// data-parallel rank; the data-parallel degree is `data_parallel_replicate_degree` × `data_parallel_shard_degree`
// (tensor, pipeline and context parallel ranks share one batch); `training.global_batch_size` defaults to -1, "defaults
// to `training.local_batch_size * data-parallel degree`", and the trainer accumulates `global_batch_size //
// (local_batch_size * dp_degree)` micro-batches per step — one when no global batch is written; releases before the
// global batch existed have no accumulation at all (torchtitan/config/job_config.py `Training.global_batch_size`,
// `Parallelism.data_parallel_replicate_degree = 1`, `data_parallel_shard_degree = -1`, and torchtitan/train.py
// `gradient_accumulation_steps`, https://github.com/pytorch/torchtitan, 2025). A shard degree of -1 ("the rest of the
// ranks") leaves the data-parallel degree to the launch: nothing is computed from the degrees then.
import type { Fact, FactKey } from '../types';
import type { Signature } from './frameworks';

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);

/** The data-parallel degree a torchtitan config fixes on its own, if it does. */
function dataParallelDegree(s: Signature): { dp: number; text: string } | undefined {
  const replicate = num(s.value('data_parallel_replicate_degree')) ?? 1;
  // The first releases had one `training.data_parallel_degree` (default -1) in place of the two.
  const shard = num(s.value('data_parallel_shard_degree') ?? s.value('data_parallel_degree')) ?? -1;
  if (replicate < 1 || shard < 1) return undefined;
  return { dp: replicate * shard, text: `data-parallel degree ${replicate} × ${shard}` };
}

/** Accumulation and the global batch of a torchtitan job config. */
export function torchtitanBatch(facts: Map<FactKey, Fact>, s: Signature): void {
  const micro = facts.get('micro_batch');
  const m = num(micro?.value);
  const global = facts.get('global_batch');
  const g = num(global?.value);
  const written = num(s.value('global_batch_size'));
  const degree = dataParallelDegree(s);
  if (written === undefined || written < 1) {
    // No global batch: one micro-batch per optimizer step, whatever the launch.
    if (facts.has('grad_accum') || global) return;
    facts.set('grad_accum', {
      key: 'grad_accum',
      value: 1,
      origin: 'framework-default',
      note: 'training.global_batch_size not set (torchtitan defaults it to local batch × data-parallel degree): one micro-batch per optimizer step',
    });
    if (!micro || m === undefined || m < 1 || !degree) return;
    facts.set('global_batch', {
      key: 'global_batch',
      value: m * degree.dp,
      origin: 'inferred',
      file: micro.file,
      span: micro.span,
      note: `local batch ${m} × ${degree.text} = ${m * degree.dp} (no accumulation)`,
    });
    return;
  }
  // A global batch written: the accumulation is global ÷ (local × data-parallel degree) when the degree is fixed.
  if (facts.has('grad_accum') || !global || g === undefined || m === undefined || m < 1 || !degree) return;
  const n = g / (m * degree.dp);
  if (!Number.isInteger(n) || n < 1) return;
  facts.set('grad_accum', {
    key: 'grad_accum',
    value: n,
    origin: 'inferred',
    file: global.file,
    span: global.span,
    note: `global batch ${g} ÷ (local batch ${m} × ${degree.text}) = ${n} micro-batches per optimizer step`,
  });
}
