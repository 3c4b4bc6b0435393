// Parallel degrees of a launch (Megatron-LM / NeMo, torchtitan, ColossalAI): `tp`, `pp`, `dp` facts, and the device
// count they multiply to when every degree is stated. Sources:
//   Megatron-LM arguments (`--tensor-model-parallel-size`, `--pipeline-model-parallel-size`):
//     https://github.com/NVIDIA/Megatron-LM/blob/main/megatron/training/arguments.py
//   torchtitan `[parallelism]` (`data_parallel_shard_degree`, `…replicate_degree`, -1 = inferred):
//     https://github.com/pytorch/torchtitan/blob/main/torchtitan/config/job_config.py
//   ColossalAI HybridParallelPlugin (`tp_size`, `pp_size`): https://colossalai.org/docs/basics/booster_plugins/
import type { Fact, FactKey, Span } from '../types';

/** A scalar setting read from flags or config keys: value, where, as written. */
export interface Setting {
  value: unknown;
  span?: Span;
  file?: string;
  text: string;
}

/**
 * Parallel degrees → `tp`, `pp`, `dp` facts, and devices = tp × pp × dp × cp when every degree the run uses is stated.
 * Names (after `-` → `_`): Megatron-LM / NeMo `tensor_model_parallel_size`, `pipeline_model_parallel_size`,
 * `context_parallel_size`; torchtitan `parallelism.data_parallel_shard_degree`, `…replicate_degree`,
 * `tensor_parallel_degree`, `pipeline_parallel_degree`, `context_parallel_degree` (-1 = inferred from the world size).
 */
export function parallelFacts(get: (name: string) => Setting | undefined, file: string): Fact[] {
  const pick = (...names: string[]) => {
    for (const n of names) {
      const s = get(n) ?? get(`parallelism.${n}`);
      if (s) return s;
    }
    return undefined;
  };
  const num = (s: Setting | undefined) =>
    s && (typeof s.value === 'number' || (typeof s.value === 'string' && /^-?\d+$/.test(s.value)))
      ? Number(s.value)
      : undefined;
  const out: Fact[] = [];
  const fact = (key: FactKey, s: Setting, value: number | null, note?: string): Fact => ({
    key,
    value,
    origin: 'explicit',
    file: s.file ?? file,
    span: s.span,
    note: note ?? s.text,
  });
  // `tp_size` / `pp_size`: ColossalAI HybridParallelPlugin and most scripts built on it; `model_parallel_size`:
  // Megatron-LM before the split into tensor and pipeline degrees (and LLaMA2-Accessory, fairscale).
  const tp = pick(
    'tensor_model_parallel_size',
    'tensor_parallel_degree',
    'tensor_parallel_size',
    'tp_size',
    'model_parallel_size',
  );
  const pp = pick('pipeline_model_parallel_size', 'pipeline_parallel_degree', 'pipeline_parallel_size', 'pp_size');
  const cp = pick('context_parallel_size', 'context_parallel_degree');
  const shard = pick('data_parallel_shard_degree');
  const rep = pick('data_parallel_replicate_degree');
  const dpSize = pick('data_parallel_size');
  const v = { tp: num(tp), pp: num(pp), cp: num(cp), shard: num(shard), rep: num(rep), dp: num(dpSize) };
  const positive = (n: number | undefined) => (n !== undefined && n > 0 ? n : null);
  if (tp) out.push(fact('tp', tp, positive(v.tp), v.tp === -1 ? `${tp.text} (inferred at launch)` : undefined));
  if (pp) out.push(fact('pp', pp, positive(v.pp), v.pp === -1 ? `${pp.text} (inferred at launch)` : undefined));
  let dp: number | null | undefined;
  let dpAt: Setting | undefined;
  if (dpSize) {
    dp = positive(v.dp);
    dpAt = dpSize;
  } else if (shard || rep) {
    // torchtitan: dp = replicate × shard; -1 (the default for shard, so also when only the replicate degree is
    // written) means "the rest of the world size".
    const s = shard ? v.shard : -1;
    const r = rep ? v.rep : 1;
    dp = s !== undefined && r !== undefined && s > 0 && r > 0 ? s * r : null;
    dpAt = shard ?? rep;
  }
  if (dpAt)
    out.push(
      fact(
        'dp',
        dpAt,
        dp ?? null,
        dp === null
          ? `${dpAt.text} (inferred from the world size at launch)`
          : [shard, rep]
              .filter(Boolean)
              .map((s) => s?.text)
              .join(' × ') || undefined,
      ),
    );
  // Devices only when every degree is stated: dp (and tp, pp, cp when given) all positive.
  if (dpAt && typeof dp === 'number') {
    const parts = [dp, tp ? positive(v.tp) : 1, pp ? positive(v.pp) : 1, cp ? positive(v.cp) : 1];
    if (parts.every((p) => typeof p === 'number')) {
      const total = (parts as number[]).reduce((a, b) => a * b, 1);
      out.push({
        key: 'devices',
        value: total,
        origin: 'explicit',
        file: dpAt.file ?? file,
        span: dpAt.span,
        note: `dp ${dp}${tp ? ` × tp ${v.tp}` : ''}${pp ? ` × pp ${v.pp}` : ''}${cp ? ` × cp ${v.cp}` : ''} (${[
          ...(dpSize ? [dpSize] : [rep, shard]),
          tp,
          pp,
          cp,
        ]
          .filter(Boolean)
          .map((s) => s?.text)
          .join(', ')})`,
      });
    }
  }
  return out;
}
