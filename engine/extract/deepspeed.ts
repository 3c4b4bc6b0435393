// DeepSpeed JSON: train_micro_batch_size_per_gpu, gradient_accumulation_steps, bf16.enabled / fp16.enabled,
// zero_optimization.stage. `"auto"` means "take it from the HF TrainingArguments" (transformers docs, "DeepSpeed" integration, 2025): such a
// key gives no fact here, and the linked script's value stands; unlinked, it stays unknown.
import type { Fact, FactKey, FactValue, OffsetEdit, RunPlan } from '../types';
import type { ConfigDoc } from './config-doc';
import { bool, fact, int, type Field } from './fields';
import type { Ref, RunDraft } from './run-draft';
import { optimizerValue } from '../vocabulary/optimizers';

/** Facts a config file adds to a run defined elsewhere, and how to edit them there. */
export interface ConfigOverlay {
  file: string;
  facts: Fact[];
  /** Facts that reach the run only through ACCELERATE_MIXED_PRECISION (accelerate config). */
  envFacts?: Fact[];
  edit: (changes: Partial<Record<FactKey, FactValue>>) => OffsetEdit[] | undefined;
  refs: Ref[];
  relevantSpans: RunPlan['relevantSpans'];
}

const isAuto = (v: FactValue | undefined) => v === 'auto';

/**
 * ZeRO-Offload settings (one path per part of the training state: optimizer states, weights) whose value "cpu" or
 * "nvme" moves that part off the GPU: one `offload` fact on the first, and the edit that sets every one to "none"
 * (DeepSpeed's default). Edits on separate fields of one text must not overlap.
 */
export function offloadOf(
  doc: ConfigDoc,
  paths: string[][],
): { facts: Fact[]; keepOnGpu: () => OffsetEdit[] | undefined } {
  const on: { path: string[]; field: Field }[] = [];
  for (const p of paths) {
    const field = doc.field(p, p.join('.'));
    if (field && typeof field.value === 'string' && /^(cpu|nvme)$/i.test(field.value)) on.push({ path: p, field });
  }
  const first = on[0]?.field;
  return {
    facts: first
      ? [fact('offload', String(first.value).toLowerCase(), first, on.map((o) => o.field.text).join(', '))]
      : [],
    keepOnGpu: () => {
      const all = on.map((o) => doc.set(o.path, 'none'));
      const flat = all.flatMap((x) => x ?? []);
      const overlap = flat.some((x, i) => flat.some((y, j) => i < j && x.start < y.end && y.start < x.end));
      return on.length && all.every((x) => x) && !overlap ? flat : undefined;
    },
  };
}

export function deepspeedOverlay(doc: ConfigDoc): ConfigOverlay {
  const facts: Fact[] = [];
  const micro = doc.field(['train_micro_batch_size_per_gpu']);
  if (micro && !isAuto(micro.value)) facts.push(fact('micro_batch', int(micro.value) ?? null, micro));
  const ga = doc.field(['gradient_accumulation_steps']);
  if (ga && !isAuto(ga.value)) facts.push(fact('grad_accum', int(ga.value) ?? null, ga));
  // DeepSpeed requires train_batch_size = micro batch × accumulation × world size: with all three written, the
  // world size follows (https://www.deepspeed.ai/docs/config-json/#batch-size-related-parameters).
  const tbs = doc.field(['train_batch_size']);
  const [t, m, g] = [tbs, micro, ga].map((x) => (x && !isAuto(x.value) ? int(x.value) : undefined));
  if (tbs && t && m && g && t % (m * g) === 0)
    facts.push(
      fact(
        'devices',
        t / (m * g),
        tbs,
        `train_batch_size ${t} / (train_micro_batch_size_per_gpu ${m} × gradient_accumulation_steps ${g})`,
      ),
    );
  // train_batch_size is the global batch (micro × accumulation × GPUs), whether or not the others are written.
  if (tbs && !isAuto(tbs.value)) facts.push(fact('global_batch', t ?? null, tbs, `${tbs.text}: the global batch`));
  // `optimizer.type`: DeepSpeed's "Adam" runs with adam_w_mode true unless the params turn it off (AdamW), per
  // https://www.deepspeed.ai/docs/config-json/#optimizer-parameters (2025).
  const ot = doc.field(['optimizer', 'type'], 'optimizer.type');
  if (ot && typeof ot.value === 'string' && !isAuto(ot.value)) {
    const wMode = doc.field(['optimizer', 'params', 'adam_w_mode'], 'optimizer.params.adam_w_mode');
    const plainAdam = /^adam$/i.test(ot.value) && bool(wMode?.value) !== false;
    facts.push(fact('optimizer', plainAdam ? 'adamw' : optimizerValue(ot.value), ot));
  }
  const bf = doc.field(['bf16', 'enabled'], 'bf16.enabled') ?? doc.field(['bfloat16', 'enabled'], 'bfloat16.enabled');
  const fp = doc.field(['fp16', 'enabled'], 'fp16.enabled');
  const note = [bf?.text && `bf16 ${bf.text}`, fp?.text && `fp16 ${fp.text}`].filter(Boolean).join(', ');
  if (bf && bool(bf.value) === true) facts.push(fact('precision', 'bf16', bf, note));
  else if (fp && bool(fp.value) === true) facts.push(fact('precision', 'fp16', fp, note));
  else if (bf && fp && bool(bf.value) === false && bool(fp.value) === false)
    facts.push(fact('precision', 'fp32', bf, `${note}: DeepSpeed trains in fp32`));
  else if (
    (bf && !isAuto(bf.value) && bool(bf.value) === undefined) ||
    (fp && !isAuto(fp.value) && bool(fp.value) === undefined)
  )
    facts.push(fact('precision', null, (bf ?? fp)!, `${note} (value unknown)`));
  const stage = doc.field(['zero_optimization', 'stage'], 'zero_optimization.stage');
  if (stage && !isAuto(stage.value))
    facts.push(fact('zero_stage', int(stage.value) ?? null, stage, `ZeRO ${stage.text}`));
  // ZeRO-Offload: `zero_optimization.offload_optimizer.device` / `offload_param.device` is "cpu" or "nvme" to move
  // the optimizer states or the weights off the GPU, "none" (the default) to keep them
  // (https://www.deepspeed.ai/docs/config-json/#zero-optimizations-for-fp16-training).
  const offload = offloadOf(doc, [
    ['zero_optimization', 'offload_optimizer', 'device'],
    ['zero_optimization', 'offload_param', 'device'],
  ]);
  facts.push(...offload.facts);
  return {
    file: doc.file,
    facts,
    refs: [],
    relevantSpans: facts.filter((f) => f.span).map((f) => ({ file: doc.file, span: f.span!, key: f.key })),
    edit: (changes) => {
      const edits: OffsetEdit[] = [];
      for (const [key, v] of Object.entries(changes) as [FactKey, FactValue][]) {
        let e: OffsetEdit[] | undefined;
        if (key === 'precision' && (v === 'bf16' || v === 'fp16')) {
          const other = v === 'bf16' ? fp : bf;
          e = doc.set(
            [v === 'bf16' ? (bf?.name === 'bfloat16.enabled' ? 'bfloat16' : 'bf16') : 'fp16', 'enabled'],
            true,
          );
          if (e && other && bool(other.value) === true) {
            // Two edits to one JSON text must not overlap: write the second on the text after the first.
            const o = doc.set([other.name.split('.')[0], 'enabled'], false);
            if (!o || o.some((x) => e!.some((y) => x.start < y.end && y.start < x.end))) return undefined;
            e.push(...o);
          }
        } else if (key === 'micro_batch' && micro && !isAuto(micro.value))
          e = doc.set(['train_micro_batch_size_per_gpu'], v);
        else if (key === 'grad_accum' && ga && !isAuto(ga.value)) e = doc.set(['gradient_accumulation_steps'], v);
        else if (key === 'offload' && v === 'none') e = offload.keepOnGpu();
        if (!e) return undefined;
        edits.push(...e);
      }
      return edits;
    },
  };
}

/** A DeepSpeed config no script in reach uses: its own facts, DeepSpeed's defaults for the rest. */
export function deepspeedRun(doc: ConfigDoc): RunDraft {
  const o = deepspeedOverlay(doc);
  const facts = new Map<FactKey, Fact>(o.facts.map((f) => [f.key, f]));
  if (!facts.has('precision')) {
    facts.set('precision', {
      key: 'precision',
      value: null,
      origin: 'framework-default',
      note: 'bf16/fp16 are "auto" or not set: the precision comes from the script that uses this config (not found)',
    });
  }
  if (!facts.has('zero_stage') && !doc.has(['zero_optimization']))
    facts.set('zero_stage', {
      key: 'zero_stage',
      value: 0,
      origin: 'framework-default',
      note: 'no zero_optimization section: ZeRO stage 0',
    });
  const first = doc.keys()[0] ?? '';
  return {
    plan: {
      framework: 'deepspeed',
      entry: { file: doc.file, span: doc.keySpan([first]), label: 'DeepSpeed config' },
      files: [doc.file],
      facts,
      edit: o.edit,
      relevantSpans: o.relevantSpans,
    },
    kind: 'deepspeed',
    envPrecision: 'never',
    openEnded: true,
    refs: [],
  };
}
