// TrainingArguments fields written outside Python: HF-args YAML/JSON files, `--flag value` on a launcher's
// command line, and the HF part of LLaMA-Factory configs. Same meanings as the keyword arguments read in
// ./huggingface.ts.
import type { Fact, FactKey, FactValue } from '../types';
import { bool, fact, int, type Field, type Fields, type Schema, type SchemaOptions } from './fields';
import { fsdpOptionOffload, withoutOffload } from './fsdp-offload';
import { modelName } from './model-name';

/** Field → fact key, for the one-to-one cases (also the keyword arguments ./huggingface.ts reads). */
export const HF_SIMPLE_FIELDS: Record<string, FactKey> = {
  per_device_train_batch_size: 'micro_batch',
  gradient_accumulation_steps: 'grad_accum',
  num_train_epochs: 'epochs',
  max_steps: 'max_steps',
  gradient_checkpointing: 'grad_checkpointing',
  save_strategy: 'periodic_save',
  save_steps: 'save_steps',
  dataloader_num_workers: 'num_workers',
  torch_compile: 'compile',
  max_seq_length: 'seq_len',
  max_length: 'seq_len',
  model_max_length: 'seq_len',
  block_size: 'seq_len',
  optim: 'optimizer',
  model_name_or_path: 'model',
  logging_steps: 'logging_steps',
  report_to: 'tracker',
  eval_strategy: 'eval_strategy',
  evaluation_strategy: 'eval_strategy',
  eval_steps: 'eval_steps',
  dataloader_pin_memory: 'pin_memory',
  dataloader_persistent_workers: 'persistent_workers',
  dataloader_prefetch_factor: 'prefetch',
  save_total_limit: 'save_total_limit',
  save_only_model: 'save_only_model',
  resume_from_checkpoint: 'resume',
  push_to_hub: 'push_to_hub',
  hub_strategy: 'hub_strategy',
  hub_private_repo: 'hub_private',
  hub_model_id: 'hub_model_id',
  load_best_model_at_end: 'load_best',
  auto_find_batch_size: 'auto_batch',
  torch_empty_cache_steps: 'empty_cache',
  group_by_length: 'group_by_length',
  packing: 'packing',
  padding_free: 'packing',
  sample_packing: 'packing',
  use_liger_kernel: 'liger',
  enable_liger_kernel: 'liger',
  tf32: 'tf32',
};

/** Fact → the TrainingArguments field a fix writes, for the one-to-one fields beyond the footprint's. */
export const HF_WRITABLE: Partial<Record<FactKey, string>> = {
  logging_steps: 'logging_steps',
  eval_steps: 'eval_steps',
  eval_strategy: 'eval_strategy',
  num_workers: 'dataloader_num_workers',
  pin_memory: 'dataloader_pin_memory',
  persistent_workers: 'dataloader_persistent_workers',
  save_total_limit: 'save_total_limit',
  save_only_model: 'save_only_model',
  hub_strategy: 'hub_strategy',
  hub_private: 'hub_private_repo',
  compile: 'torch_compile',
  optimizer: 'optim',
  group_by_length: 'group_by_length',
  packing: 'packing',
  tf32: 'tf32',
  liger: 'use_liger_kernel',
};
const BOOLEAN = new Set<FactKey>([
  'grad_checkpointing',
  'compile',
  'pin_memory',
  'persistent_workers',
  'save_only_model',
  'push_to_hub',
  'hub_private',
  'load_best',
  'auto_batch',
  'group_by_length',
  'packing',
  'liger',
  'tf32',
]);
const NUMERIC = new Set<FactKey>([
  'micro_batch',
  'grad_accum',
  'epochs',
  'max_steps',
  'save_steps',
  'num_workers',
  'seq_len',
  'logging_steps',
  'eval_steps',
  'prefetch',
  'save_total_limit',
  'empty_cache',
]);

/** The fields this schema knows (the launcher uses it to tell HF flags from a script's own). */
export const HF_FIELDS = new Set([
  ...Object.keys(HF_SIMPLE_FIELDS),
  'bf16',
  'fp16',
  'tf32',
  'use_cpu',
  'no_cuda',
  'load_in_4bit',
  'use_peft',
  'lora_r',
  'deepspeed',
  'fsdp',
]);

/**
 * The adapter switches of Qwen's finetune.py and the many scripts built on it (HfArgumentParser over its own
 * `TrainingArguments(transformers.TrainingArguments)` with `use_lora: bool = False`, and `LoraArguments` with `q_lora:
 * bool = False`): LoRA only when `use_lora` is on, over a quantised base only when `q_lora` is on as well
 * (https://github.com/QwenLM/Qwen/blob/main/finetune.py: `if training_args.use_lora:` around `get_peft_model`,
 * `quantization_config=… if training_args.use_lora and lora_args.q_lora else None`). Flags of the script, not of
 * transformers: read from a launcher's command line only (../link/launcher-fields.ts).
 */
export const ADAPTER_SWITCHES = new Set(['use_lora', 'q_lora', 'lora_enable']);

function adapterSwitch(fields: Fields): Fact | undefined {
  // LLaVA's train.py and its descendants name the same switch `lora_enable` (../vocabulary/sources.ts `llava`).
  const use = fields.get('use_lora') ?? fields.get('lora_enable');
  const on = use ? bool(use.value) : undefined;
  if (!use || on === undefined) return undefined;
  const q = fields.get('q_lora');
  const quantised = on && q && bool(q.value) === true ? q : undefined;
  return fact('peft', on ? (quantised ? 'qlora' : 'lora') : 'none', use, quantised && `${use.text}, ${quantised.text}`);
}

function coerce(key: FactKey, f: Field): FactValue {
  if (f.value === undefined) return null;
  if (BOOLEAN.has(key)) return bool(f.value) ?? null;
  if (NUMERIC.has(key)) return int(f.value) ?? null;
  return f.value;
}

/** Precision from bf16/fp16/tf32 (and LLaMA-Factory's pure_bf16), or undefined when these fields do not decide it. */
export function hfPrecision(fields: Fields, opts: SchemaOptions): Fact | undefined {
  const bf = fields.get('bf16');
  const fp = fields.get('fp16');
  const tf = fields.get('tf32');
  const pure = fields.get('pure_bf16');
  const note = [pure, bf, fp, tf]
    .filter(Boolean)
    .map((f) => f!.text)
    .join(', ');
  if (bool(pure?.value) === true) return fact('precision', 'bf16', pure!, `${note} (pure bf16 weights)`);
  if (bool(bf?.value) === true) return fact('precision', 'bf16', bf!, note);
  if (bool(fp?.value) === true) return fact('precision', 'fp16', fp!, note);
  const unknown = [bf, fp].find((f) => f && bool(f.value) === undefined);
  if (unknown) return fact('precision', null, unknown, `${note} (value unknown)`);
  if ((bf && fp) || ((bf || fp) && opts.complete)) {
    const at = (bf ?? fp)!;
    return fact('precision', bool(tf?.value) === true ? 'tf32' : 'fp32', at, note);
  }
  if (!bf && !fp && bool(tf?.value) === true) return fact('precision', 'tf32', tf!, note);
  return undefined;
}

/** A dtype as written in an argument value (`bfloat16`, `torch.float16`, `fp32`, `auto`). */
function dtypeOf(text: string): string | undefined {
  if (/bfloat16|bf16/.test(text)) return 'bf16';
  if (/float16|fp16|\bhalf\b/.test(text)) return 'fp16';
  if (/float32|fp32/.test(text)) return 'fp32';
  if (/auto/.test(text)) return 'auto';
  return undefined;
}

/** A dtype fact value as TRL's arguments spell it. */
const DTYPE_NAMES: Record<string, string> = { bf16: 'bfloat16', fp16: 'float16', fp32: 'float32' };

export const HF_SCHEMA: Schema = {
  toFacts(fields, opts) {
    const out: Fact[] = [];
    for (const [name, key] of Object.entries(HF_SIMPLE_FIELDS)) {
      const f = fields.get(name);
      if (!f || out.some((o) => o.key === key)) continue;
      const v = coerce(key, f);
      // max_steps ≤ 0 (TrainingArguments' default -1) sets no step limit: the epochs decide, nothing to report
      // (https://huggingface.co/docs/transformers/main_classes/trainer#transformers.TrainingArguments.max_steps).
      if (key === 'max_steps' && typeof v === 'number' && v <= 0) continue;
      out.push(fact(key, v, f));
    }
    // The scripts' own argument dataclasses name the checkpoint `model_name` (TRL's example GRPO/SFT scripts of
    // 2024-25, `ScriptArguments.model_name`) where `ModelConfig` says `model_name_or_path`: the same model, when it
    // names one (./model-name.ts).
    const mn = fields.get('model_name');
    const mv = mn && !out.some((o) => o.key === 'model') ? modelName(mn.value) : undefined;
    if (mn && mv) out.push(fact('model', mv, mn));
    const p = hfPrecision(fields, opts);
    if (p) out.push(p);
    // Not a TrainingArguments field: the script's own flag that its accumulation divides by the micro-batch (the
    // name ./huggingface.ts maps that flag to), so the value given on the command line is the global batch.
    const gb = fields.get('global_batch');
    if (gb) out.push(fact('global_batch', int(gb.value) ?? null, gb, `${gb.text}: the batch the accumulation divides`));
    // TRL's ModelConfig (`torch_dtype`, newer `dtype`): the dtype the model is loaded in; under `load_in_4bit` TRL
    // also makes it the 4-bit compute dtype (trl/trainer/utils.py get_quantization_config, 2025).
    const dt = fields.get('torch_dtype') ?? fields.get('dtype');
    const dtv = typeof dt?.value === 'string' ? dtypeOf(dt.value) : undefined;
    if (dt && dtv && dtv !== 'auto') out.push({ ...fact('model_dtype', dtv, dt), name: dt.name });
    const cd = fields.get('bnb_4bit_compute_dtype');
    const cdv = typeof cd?.value === 'string' ? dtypeOf(cd.value) : undefined;
    if (bool(fields.get('load_in_4bit')?.value) === true) {
      if (cd && cdv && cdv !== 'auto') out.push(fact('compute_dtype', cdv, cd));
      else if (!cd && dt && dtv && dtv !== 'auto')
        out.push(fact('compute_dtype', dtv, dt, `${dt.text}: the 4-bit compute dtype too`));
    }
    // The example scripts' DataTrainingArguments (run_glue.py, run_clm.py …): `pad_to_max_length: true` pads every
    // example to max_seq_length in preprocessing instead of per batch in the collator.
    const pad = fields.get('pad_to_max_length');
    if (pad && bool(pad.value) === true)
      out.push(fact('padding', 'max_length', pad, `${pad.text}: every example padded to the maximum length`));
    const cpu = fields.get('use_cpu') ?? fields.get('no_cuda');
    if (cpu && bool(cpu.value) === true) out.push(fact('hardware', 'cpu', cpu));
    // `fsdp: "full_shard offload"`: FSDP's CPU offload (./fsdp-offload.ts).
    const offload = fsdpOptionOffload(fields.get('fsdp'));
    if (offload) out.push(offload);
    const q = fields.get('load_in_4bit');
    const lora = fields.get('use_peft') ?? fields.get('lora_r');
    const sw = adapterSwitch(fields);
    if (q && bool(q.value) === true) out.push(fact('peft', 'qlora', q, `${q.text}: 4-bit quantised base model`));
    else if (lora && (bool(lora.value) === true || (int(lora.value) ?? 0) > 0)) out.push(fact('peft', 'lora', lora));
    else if (sw) out.push(sw);
    return out;
  },
  changes(changes, fields) {
    const out: Record<string, FactValue> = {};
    for (const [key, v] of Object.entries(changes) as [FactKey, FactValue][]) {
      if (key === 'precision') {
        if (v !== 'bf16' && v !== 'fp16') return undefined;
        out[v] = true;
        const other = v === 'bf16' ? 'fp16' : 'bf16';
        if (fields.has(other) && bool(fields.get(other)!.value) !== false) out[other] = false;
      } else if (key === 'micro_batch') out.per_device_train_batch_size = v;
      else if (key === 'grad_accum') out.gradient_accumulation_steps = v;
      else if (key === 'grad_checkpointing') out.gradient_checkpointing = v;
      else if (key === 'periodic_save' && v === 'steps') out.save_strategy = 'steps';
      else if (key === 'save_steps') out.save_steps = v;
      else if ((key === 'model_dtype' || key === 'compute_dtype') && typeof v === 'string' && DTYPE_NAMES[v]) {
        const name =
          key === 'compute_dtype' && fields.has('bnb_4bit_compute_dtype')
            ? 'bnb_4bit_compute_dtype'
            : fields.has('dtype') && !fields.has('torch_dtype')
              ? 'dtype'
              : 'torch_dtype';
        out[name] = DTYPE_NAMES[v];
      } else if (HF_WRITABLE[key]) out[HF_WRITABLE[key]] = v;
      else if (key === 'offload' && v === 'none') {
        // `fsdp` without its `offload` option (./fsdp-offload.ts).
        const rest = withoutOffload(fields.get('fsdp')?.value);
        if (rest === undefined) return undefined;
        out.fsdp = rest;
      } else return undefined;
    }
    return out;
  },
};
