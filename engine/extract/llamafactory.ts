// LLaMA-Factory YAML (`llamafactory-cli train x.yaml`): TrainingArguments keys plus model_name_or_path, stage,
// finetuning_type (default lora), quantization_bit, cutoff_len (default 2048), pure_bf16, and gradient checkpointing
// that LLaMA-Factory turns on itself unless `disable_gradient_checkpointing: true`. Source: LLaMA-Factory
// src/llamafactory/hparams (model_args.py, finetuning_args.py, 2025).
import type { Fact, FactKey, FactValue } from '../types';
import type { ConfigDoc } from './config-doc';
import { topFields } from './config-doc';
import { configRun, deepspeedRef } from './config-run';
import { bool, fact, int, type Fields, type Schema } from './fields';
import { HF_SCHEMA } from './hf-fields';
import { addDefaults, frameworkDefault, type RunDraft } from './run-draft';

export const LLAMAFACTORY_SCHEMA: Schema = {
  toFacts(fields, opts) {
    const out = HF_SCHEMA.toFacts(fields, opts).filter((f) => f.key !== 'grad_checkpointing' && f.key !== 'peft');
    const cut = fields.get('cutoff_len');
    if (cut) out.push(fact('seq_len', int(cut.value) ?? null, cut));
    const gc = fields.get('disable_gradient_checkpointing');
    if (gc && bool(gc.value) !== undefined) out.push(fact('grad_checkpointing', !bool(gc.value), gc));
    const ft = fields.get('finetuning_type');
    const q = fields.get('quantization_bit');
    if (q && int(q.value) !== undefined && int(q.value)! <= 8)
      out.push(fact('peft', 'qlora', q, `${q.text}: quantised base model with LoRA`));
    else if (ft) out.push(fact('peft', ft.value === 'lora' || ft.value === 'oft' ? 'lora' : 'none', ft));
    return out;
  },
  changes(changes, fields) {
    const rest = { ...changes };
    const out: Record<string, FactValue> = {};
    if ('grad_checkpointing' in rest) {
      if (rest.grad_checkpointing !== true) return undefined;
      out.disable_gradient_checkpointing = false;
      delete rest.grad_checkpointing;
    }
    if (Object.keys(rest).length === 0) return out;
    const hf = HF_SCHEMA.changes(rest, fields);
    if (hf && changes.precision && fields.has('pure_bf16') && bool(fields.get('pure_bf16')!.value) === false)
      hf.pure_bf16 = false;
    return hf ? { ...out, ...hf } : undefined;
  },
};

function defaults(facts: Map<FactKey, Fact>, fields: Fields): void {
  const ft = String(fields.get('finetuning_type')?.value ?? 'lora');
  const p = facts.get('precision');
  if ((ft === 'lora' || ft === 'oft') && p?.value === 'fp32') {
    facts.set('precision', {
      ...p,
      value: null,
      note: `${p.note}: with LoRA the frozen base keeps its checkpoint dtype (usually bf16); only the adapters are fp32 — not judged`,
    });
  }
  addDefaults(facts, [
    ft === 'lora' || ft === 'oft'
      ? {
          key: 'precision',
          value: null,
          origin: 'framework-default',
          note: 'bf16/fp16 not set: with LoRA the frozen base keeps its checkpoint dtype (usually bf16) and only the adapters are fp32 — not judged',
        }
      : frameworkDefault(
          'precision',
          'fp32',
          `bf16/fp16 default to False (TrainingArguments) and finetuning_type=${ft} upcasts trainable weights to fp32: training runs in fp32`,
        ),
    frameworkDefault('peft', 'lora', 'finetuning_type defaults to lora'),
    frameworkDefault(
      'grad_checkpointing',
      true,
      'LLaMA-Factory enables gradient checkpointing unless disable_gradient_checkpointing: true',
    ),
    frameworkDefault('seq_len', 2048, 'cutoff_len defaults to 2048 (LLaMA-Factory ≥ 0.9.1)'),
    frameworkDefault('micro_batch', 8, 'per_device_train_batch_size defaults to 8'),
    frameworkDefault('grad_accum', 1, 'gradient_accumulation_steps defaults to 1'),
    frameworkDefault('epochs', 3, 'num_train_epochs defaults to 3.0'),
    frameworkDefault('periodic_save', 'steps', "save_strategy defaults to 'steps'"),
    frameworkDefault('save_steps', 500, 'save_steps defaults to 500'),
    frameworkDefault('num_workers', 0, 'dataloader_num_workers defaults to 0'),
    frameworkDefault('optimizer', 'adamw_torch', "optim defaults to 'adamw_torch' (TrainingArguments)"),
    frameworkDefault('early_stopping', false, 'no early stopping'),
  ]);
}

/**
 * A config that evaluates or predicts and does not train: `do_predict: true` or `do_eval: true` without
 * `do_train: true` (LLaMA-Factory's workflows call `trainer.train()` only `if training_args.do_train`:
 * src/llamafactory/train/sft/workflow.py, 2025), or an evaluation task (`task: mmlu_test`, read by
 * `llamafactory-cli eval`, src/llamafactory/eval/evaluator.py) with no training stage.
 */
function evaluatesOnly(fields: Fields): boolean {
  const on = (k: string) => bool(fields.get(k)?.value) === true;
  if (on('do_train')) return false;
  return on('do_predict') || on('do_eval') || (fields.has('task') && !fields.has('stage'));
}

export function extractLlamaFactory(doc: ConfigDoc): RunDraft | undefined {
  if (evaluatesOnly(topFields(doc))) return undefined;
  return configRun({
    doc,
    framework: 'llamafactory',
    kind: 'llamafactory',
    label: 'LLaMA-Factory config',
    schema: LLAMAFACTORY_SCHEMA,
    fields: topFields(doc),
    defaults,
    entryKey: ['model_name_or_path'],
    refs: deepspeedRef(doc),
    envPrecision: 'unless-mixed',
  });
}
