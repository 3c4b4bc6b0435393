// axolotl YAML: base_model, micro_batch_size, gradient_accumulation_steps, bf16/fp16 (bf16 defaults to "auto":
// bf16 where the GPU supports it, else fp16), gradient_checkpointing, sequence_len, num_epochs, max_steps, save_*
// (default: save at each epoch end), adapter lora|qlora. Defaults from axolotl's config reference
// (docs/config-reference.qmd in axolotl-ai-cloud/axolotl, 2025).
import type { Fact, FactKey, FactValue } from '../types';
import type { ConfigDoc } from './config-doc';
import { topFields } from './config-doc';
import { configRun, deepspeedRef } from './config-run';
import { bool, epochSaveFact, fact, int, type Fields, type Schema } from './fields';
import { addDefaults, frameworkDefault, type RunDraft } from './run-draft';
import { fsdpFieldsOffload, fsdpOffloadFields } from './fsdp-offload';

const SIMPLE: Record<string, FactKey> = {
  base_model: 'model',
  micro_batch_size: 'micro_batch',
  gradient_accumulation_steps: 'grad_accum',
  sequence_len: 'seq_len',
  num_epochs: 'epochs',
  max_steps: 'max_steps',
  dataloader_num_workers: 'num_workers',
  optimizer: 'optimizer',
  logging_steps: 'logging_steps',
};

/**
 * The tracker axolotl reports to: it turns W&B on when `wandb_project` is set, MLflow when `mlflow_experiment_name`
 * is, TensorBoard with `use_tensorboard: true` (src/axolotl/utils/wandb_.py, mlflow_.py, and `report_to` in
 * core/trainer_builder.py), and no tracker otherwise.
 */
function trackerFact(fields: Fields): Fact | undefined {
  const named = (k: string) => {
    const f = fields.get(k);
    return f && typeof f.value === 'string' && f.value.trim() !== '' ? f : undefined;
  };
  const wb = named('wandb_project');
  if (wb) return fact('tracker', 'wandb', wb, `${wb.text}: axolotl reports to W&B when a project is set`);
  const ml = named('mlflow_experiment_name');
  if (ml) return fact('tracker', 'mlflow', ml, `${ml.text}: axolotl reports to MLflow when an experiment is set`);
  const tb = fields.get('use_tensorboard');
  if (tb && bool(tb.value) === true) return fact('tracker', 'tensorboard', tb);
  return undefined;
}

const truthy = (v: FactValue | undefined) =>
  typeof v === 'string' ? v.length > 0 && !/^(false|no)$/i.test(v) : bool(v);

export const AXOLOTL_SCHEMA: Schema = {
  toFacts(fields) {
    const out: Fact[] = [];
    for (const [name, key] of Object.entries(SIMPLE)) {
      const f = fields.get(name);
      if (f)
        out.push(fact(key, key === 'model' || key === 'optimizer' ? (f.value ?? null) : (int(f.value) ?? null), f));
    }
    const tracker = trackerFact(fields);
    if (tracker) out.push(tracker);
    // One `datasets:` entry loaded by name (`path: yahma/alpaca-cleaned`): its size, when the datasets table knows it.
    const ds = fields.get(DATASET_PATH);
    if (ds && typeof ds.value === 'string') out.push(fact('dataset_size', ds.value, ds));
    const bf = fields.get('bf16');
    const fp = fields.get('fp16');
    const bfv = bf?.value;
    if (bf && (bfv === true || bfv === 'full' || bfv === 'true')) out.push(fact('precision', 'bf16', bf));
    else if (fp && bool(fp.value) === true) out.push(fact('precision', 'fp16', fp));
    else if (bf && bfv === 'auto')
      out.push(fact('precision', 'bf16', bf, `${bf.text}: bf16 where the GPU supports it, else fp16`));
    else if (bf && bool(bfv) === false)
      out.push(fact('precision', 'fp32', bf, [bf.text, fp?.text].filter(Boolean).join(', ')));
    else if ((bf && bfv === undefined) || (fp && fp.value === undefined))
      out.push(fact('precision', null, (bf ?? fp)!, `${(bf ?? fp)!.text} (value unknown)`));
    const gc = fields.get('gradient_checkpointing');
    if (gc) out.push(fact('grad_checkpointing', truthy(gc.value) ?? null, gc));
    // `fsdp_config: {fsdp_offload_params: true}`: FSDP's CPU offload (./fsdp-offload.ts).
    const offload = fsdpFieldsOffload(fields);
    if (offload) out.push(offload.fact);
    const tc = fields.get('torch_compile');
    if (tc) out.push(fact('compile', truthy(tc.value) ?? null, tc));
    // Padding: `pad_to_sequence_len: true` pads every batch to sequence_len; with sample_packing the packs fill it.
    const sp = fields.get('sample_packing');
    if (sp) out.push(fact('packing', bool(sp.value) ?? null, sp));
    const pad = fields.get('pad_to_sequence_len');
    if (pad && bool(pad.value) === true)
      out.push(fact('padding', 'max_length', pad, `${pad.text}: every batch padded to sequence_len`));
    const adapter = fields.get('adapter');
    const q = fields.get('load_in_4bit');
    if ((adapter && /qlora/i.test(String(adapter.value))) || (q && bool(q.value)))
      out.push(fact('peft', 'qlora', (adapter ?? q)!));
    else if (adapter && /lora/i.test(String(adapter.value))) out.push(fact('peft', 'lora', adapter));
    // Checkpoints: save_steps / saves_per_epoch / save_strategy, else at each epoch end.
    const steps = fields.get('save_steps');
    const per = fields.get('saves_per_epoch');
    const strat = fields.get('save_strategy');
    const epochs = out.find((o) => o.key === 'epochs');
    if (strat && strat.value === 'no') out.push(fact('periodic_save', 'no', strat));
    else if (steps && int(steps.value) !== undefined) {
      out.push(fact('periodic_save', 'steps', steps), fact('save_steps', int(steps.value)!, steps));
    } else if (per && int(per.value) === 1) {
      out.push(
        epochSaveFact(
          epochs,
          { origin: 'explicit', file: per.file, span: per.span },
          `${per.text}: a checkpoint at each epoch end`,
        ),
      );
    } else if (per && (int(per.value) ?? 0) > 1) {
      const e = typeof epochs?.value === 'number' ? epochs.value : 1;
      out.push(
        fact('periodic_save', 'steps', per, `${per.text}: a checkpoint every 1/${per.value} epoch`),
        fact(
          'save_steps',
          1 / (int(per.value)! * e),
          per,
          `${per.text}: save_steps = 1/(saves_per_epoch × num_epochs), a fraction of the run`,
        ),
      );
    } else if (strat && strat.value === 'epoch')
      out.push(
        epochSaveFact(
          epochs,
          { origin: 'explicit', file: strat.file, span: strat.span },
          `${strat.text}: a checkpoint at each epoch end`,
        ),
      );
    else if (steps || per || strat)
      out.push(
        fact('periodic_save', null, (steps ?? per ?? strat)!, `${(steps ?? per ?? strat)!.text} (value unknown)`),
      );
    return out;
  },
  changes(changes, fields) {
    const out: Record<string, FactValue> = {};
    for (const [key, v] of Object.entries(changes) as [FactKey, FactValue][]) {
      if (key === 'precision' && (v === 'bf16' || v === 'fp16')) {
        out[v] = true;
        const other = v === 'bf16' ? 'fp16' : 'bf16';
        if (fields.has(other) && fields.get(other)!.value !== false) out[other] = false;
      } else if (key === 'micro_batch') out.micro_batch_size = v;
      else if (key === 'grad_accum') out.gradient_accumulation_steps = v;
      else if (key === 'grad_checkpointing') out.gradient_checkpointing = v;
      else if (key === 'packing') out.sample_packing = v;
      else if (key === 'periodic_save' && v === 'steps') {
        if (fields.has('saves_per_epoch')) return undefined;
        if (fields.has('save_strategy')) out.save_strategy = 'steps';
      } else if (key === 'save_steps') out.save_steps = v;
      else if (key === 'logging_steps') out.logging_steps = v;
      else if (key === 'offload' && v === 'none') {
        const on = fsdpFieldsOffload(fields);
        if (!on) return undefined;
        out[on.name] = false;
      } else return undefined;
    }
    return out;
  },
};

function defaults(facts: Map<FactKey, Fact>, fields: Fields): void {
  addDefaults(facts, [
    {
      key: 'precision',
      value: 'bf16',
      origin: 'framework-default',
      note: 'bf16 defaults to "auto": bf16 where the GPU supports it, else fp16',
    },
    frameworkDefault('micro_batch', 1, 'micro_batch_size defaults to 1'),
    frameworkDefault('grad_accum', 1, 'gradient_accumulation_steps defaults to 1'),
    frameworkDefault('epochs', 1, 'num_epochs defaults to 1'),
    frameworkDefault('seq_len', 512, 'sequence_len defaults to 512'),
    frameworkDefault('grad_checkpointing', false, 'gradient_checkpointing defaults to false'),
    frameworkDefault('compile', false, 'torch_compile is off unless set'),
    frameworkDefault('num_workers', 0, 'dataloader_num_workers unset: the HF default 0'),
    frameworkDefault('optimizer', 'adamw_torch_fused', 'optimizer defaults to adamw_torch_fused (axolotl ≥ 0.8)'),
    frameworkDefault('peft', 'none', 'no adapter: full fine-tuning'),
    frameworkDefault('early_stopping', false, 'no early_stopping_patience'),
  ]);
  // `early_stopping_patience:` left empty (as axolotl's examples do) is unset: only a positive patience stops early.
  const patience = fields.get('early_stopping_patience');
  const n = int(patience?.value);
  if (patience && n !== undefined && n > 0) facts.set('early_stopping', fact('early_stopping', true, patience));
  else if (patience && patience.value !== null && n === undefined)
    facts.set('early_stopping', fact('early_stopping', null, patience, `${patience.text} (value unknown)`));
  if (!facts.has('periodic_save'))
    facts.set(
      'periodic_save',
      epochSaveFact(
        facts.get('epochs'),
        { origin: 'framework-default' },
        'no save_steps, saves_per_epoch or save_strategy: axolotl saves at the end of each epoch',
      ),
    );
}

/** The field name under which the one dataset's `path` is read (a single entry of `datasets:`). */
const DATASET_PATH = 'datasets[0].path';

export function extractAxolotl(doc: ConfigDoc): RunDraft {
  const fields = topFields(doc);
  // Several datasets are mixed (their sizes add up): read a size only when there is one.
  const ds = doc.length(['datasets']) === 1 ? doc.field(['datasets', '0', 'path'], 'path') : undefined;
  if (ds) fields.set(DATASET_PATH, ds);
  for (const [k, f] of fsdpOffloadFields(doc)) fields.set(k, f);
  return configRun({
    doc,
    framework: 'axolotl',
    kind: 'axolotl',
    label: 'axolotl config',
    schema: AXOLOTL_SCHEMA,
    fields,
    defaults,
    entryKey: ['base_model'],
    pathOf: (name) => (name.startsWith('fsdp_config.') ? name.split('.') : [name]),
    refs: deepspeedRef(doc),
    envPrecision: 'unless-mixed',
    adjust: (plan, bf16Capable) => {
      // bf16 "auto" (written or default) on a GPU without bf16: fp16, unless fp16 is explicitly off.
      const p = plan.facts.get('precision');
      if (bf16Capable !== false || p?.value !== 'bf16' || !/auto/.test(p.note ?? '')) return;
      const fp16Off = /fp16:\s*(false|False)/.test(doc.text);
      plan.facts.set('precision', {
        ...p,
        value: fp16Off ? 'fp32' : 'fp16',
        note: `${p.note}: this GPU has no bf16, so ${fp16Off ? 'fp32 (fp16 is off)' : 'fp16'}`,
      });
    },
  });
}
