// torchtune recipe YAML: dtype (bf16 = full bf16 training), batch_size, gradient_accumulation_steps,
// enable_activation_checkpointing (fallback False), epochs, max_steps_per_epoch, compile, model/_component_ (LoRA
// variants), checkpointer.checkpoint_dir. Released recipes save only at the end of each epoch (recipes/*.py in
// pytorch/torchtune, 2025: `save_checkpoint` is called once per epoch).
import type { Fact, FactKey, FactValue, Span } from '../types';
import type { ConfigDoc } from './config-doc';
import { topFields } from './config-doc';
import { configRun } from './config-run';
import { bool, epochSaveFact, fact, int, type Field, type Fields, type Schema } from './fields';
import { addDefaults, frameworkDefault, type RunDraft } from './run-draft';
import { optimizerName } from '../vocabulary/optimizers';

const DTYPES: Record<string, string> = {
  bf16: 'bf16',
  bfloat16: 'bf16',
  fp32: 'fp32',
  float32: 'fp32',
  fp16: 'fp16',
  float16: 'fp16',
};
const DATASETS: Record<string, string> = {
  alpaca_dataset: 'tatsu-lab/alpaca',
  alpaca_cleaned_dataset: 'yahma/alpaca-cleaned',
};

export const TORCHTUNE_SCHEMA: Schema = {
  toFacts(fields) {
    const out: Fact[] = [];
    const f = (n: string) => fields.get(n);
    const dt = f('dtype');
    if (dt)
      out.push(
        fact(
          'precision',
          dt.value === null ? 'fp32' : (DTYPES[String(dt.value).toLowerCase()] ?? null),
          dt,
          dt.value === 'bf16' ? `${dt.text} (weights, gradients and optimizer state in bf16)` : undefined,
        ),
      );
    const simple: [string, FactKey][] = [
      ['batch_size', 'micro_batch'],
      ['gradient_accumulation_steps', 'grad_accum'],
      ['epochs', 'epochs'],
      ['tokenizer.max_seq_len', 'seq_len'],
    ];
    for (const [name, key] of simple) {
      const x = f(name);
      if (x) out.push(fact(key, int(x.value) ?? null, x));
    }
    const ep = int(f('epochs')?.value);
    const mspe = f('max_steps_per_epoch');
    if (mspe && int(mspe.value) && ep)
      out.push(fact('max_steps', int(mspe.value)! * ep, mspe, `${mspe.text} × ${ep} epochs`));
    const ac = f('enable_activation_checkpointing');
    if (ac) out.push(fact('grad_checkpointing', bool(ac.value) ?? null, ac));
    const c = f('compile');
    if (c) out.push(fact('compile', bool(c.value) ?? null, c));
    // `fsdp_cpu_offload: True`: the distributed recipes' "CPU offload of parameters, gradients, and optimizer states"
    // (recipes/full_finetune_distributed.py in pytorch/torchtune, 2025), FSDP's offload (./fsdp-offload.ts).
    const co = f('fsdp_cpu_offload');
    if (co && bool(co.value) === true)
      out.push({
        ...fact('offload', 'cpu', co, `${co.text}: FSDP keeps the training state on the CPU`),
        form: 'fsdp-offload',
      });
    const comp = f('model._component_');
    if (comp && typeof comp.value === 'string') {
      const name = comp.value.split('.').pop() ?? '';
      out.push(fact('peft', name.startsWith('qlora_') ? 'qlora' : name.startsWith('lora_') ? 'lora' : 'none', comp));
    }
    const dir = f('checkpointer.checkpoint_dir');
    if (dir && typeof dir.value === 'string')
      out.push(fact('model', dir.value, dir, `${dir.text} (model named by its checkpoint folder)`));
    const ds = f('dataset._component_');
    const known = typeof ds?.value === 'string' ? DATASETS[ds.value.split('.').pop() ?? ''] : undefined;
    if (ds && known) out.push(fact('dataset_size', known, ds));
    const opt = f('optimizer._component_');
    if (opt && typeof opt.value === 'string') {
      // The class in the fact's spelling (`torch.optim.AdamW` → adamw, bitsandbytes' `PagedAdamW` → paged_adamw, as
      // Hugging Face spells the same optimizer: ../vocabulary/optimizers.ts); a class the table lacks as written.
      const cls = opt.value.split('.').pop() ?? opt.value;
      out.push(fact('optimizer', optimizerName(cls) ?? (/8bit/i.test(cls) ? 'adamw_8bit' : cls), opt));
    }
    if (dt && DTYPES[String(dt.value).toLowerCase()] === 'bf16')
      out.push(
        fact('model_dtype', 'bf16', dt, `${dt.text}: weights and optimizer state in bf16 (no fp32 master copy)`),
      );
    const every = f('save_every_n_steps');
    if (every && int(every.value))
      out.push(fact('periodic_save', 'steps', every), fact('save_steps', int(every.value)!, every));
    return out;
  },
  changes(changes) {
    const out: Record<string, FactValue> = {};
    for (const [key, v] of Object.entries(changes) as [FactKey, FactValue][]) {
      if (key === 'precision' && v === 'bf16') out.dtype = 'bf16';
      else if (key === 'micro_batch') out.batch_size = v;
      else if (key === 'grad_accum') out.gradient_accumulation_steps = v;
      else if (key === 'grad_checkpointing') out.enable_activation_checkpointing = v;
      else if (key === 'offload' && v === 'none') out.fsdp_cpu_offload = false;
      else return undefined;
    }
    return out;
  },
};

function defaults(facts: Map<FactKey, Fact>): void {
  addDefaults(facts, [
    {
      key: 'precision',
      value: null,
      origin: 'framework-default',
      note: 'dtype is a required recipe key and is not set',
    },
    frameworkDefault('grad_checkpointing', false, 'enable_activation_checkpointing falls back to False'),
    frameworkDefault('grad_accum', 1, 'gradient_accumulation_steps not set'),
    frameworkDefault('epochs', 1, 'epochs not set'),
    frameworkDefault('early_stopping', false, 'torchtune recipes have no early stopping'),
  ]);
  if (!facts.has('periodic_save'))
    facts.set(
      'periodic_save',
      epochSaveFact(
        facts.get('epochs'),
        { origin: 'framework-default' },
        'torchtune recipes (≤ 0.6.1) save a checkpoint only at the end of each epoch',
      ),
    );
}

/**
 * The recipe a torchtune config is written for, as torchtune's own configs name it in their header comment
 * (`# Config for single device LoRA finetuning in lora_finetune_single_device.py`): only the comment block that opens
 * the file, before its first key.
 */
function headerRecipe(doc: ConfigDoc): { name: string; span: Span } | undefined {
  const head = /^(?:[ \t]*(?:#[^\n]*)?\n)*/.exec(doc.text)?.[0] ?? '';
  const m = /^[ \t]*#[ \t]*Config for\b[^\n]*?\bin[ \t]+(?:[\w./-]*\/)?(\w+)\.py\b/m.exec(head);
  return m ? { name: m[1], span: { start: m.index, end: m.index + m[0].length } } : undefined;
}

/**
 * One device for a config written for a single-device recipe: torchtune registers every `*_single_device` recipe
 * with `supports_distributed=False`, and `tune run` refuses `--nproc_per_node` for such a recipe
 * (torchtune/_recipe_registry.py and torchtune/_cli/run.py in pytorch/torchtune), so the run is one process on one
 * device. A launcher that runs the config states its own count over this one (`tune run --nproc_per_node 4 …`,
 * ../extract/launcher-tools). A template with Jinja placeholders (`{{model_dir}}`) is not run as written: the program
 * that renders it chooses the recipe and the process count.
 */
function recipeDevices(doc: ConfigDoc, facts: Map<FactKey, Fact>): void {
  const recipe = headerRecipe(doc);
  if (!recipe || !/_single_device$/.test(recipe.name) || facts.has('devices')) return;
  if (/\{\{[^}\n]*\}\}/.test(doc.text.replace(/^[ \t]*#[^\n]*$/gm, ''))) return;
  facts.set('devices', {
    key: 'devices',
    value: 1,
    origin: 'inferred',
    file: doc.file,
    span: recipe.span,
    note: `written for ${recipe.name}, a single-device recipe: one process on one device`,
  });
}

export function extractTorchtune(doc: ConfigDoc): RunDraft | undefined {
  // Every torchtune training recipe reads `cfg.optimizer` and `cfg.epochs` (recipes/*_finetune_*.py in
  // pytorch/torchtune); the configs of the generate, eleuther_eval and quantize recipes have neither: they train nothing.
  if (!doc.has(['optimizer']) && !doc.has(['epochs'])) return undefined;
  const fields: Fields = topFields(doc);
  for (const path of [
    ['model', '_component_'],
    ['checkpointer', 'checkpoint_dir'],
    ['tokenizer', 'max_seq_len'],
    ['dataset', '_component_'],
    ['optimizer', '_component_'],
  ]) {
    const f: Field | undefined = doc.field(path, path.join('.'));
    if (f) fields.set(f.name, f);
  }
  return configRun({
    doc,
    framework: 'torchtune',
    kind: 'torchtune',
    label: 'torchtune recipe config',
    schema: TORCHTUNE_SCHEMA,
    fields,
    pathOf: (name) => name.split('.'),
    defaults: (facts) => {
      defaults(facts);
      recipeDevices(doc, facts);
    },
    entryKey: doc.has(['model']) ? ['model'] : [doc.keys()[0] ?? ''],
  });
}
