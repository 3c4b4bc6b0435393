// What transformers' TrainingArguments and TRL's configs do when a setting is not written
// (read from transformers 4.57.6 / 5.18 `training_args.py` and TRL ≤ 1.13 `trl/trainer/*_config.py`).
// Each default becomes a fact with origin "framework-default", so rules see what will really happen.
import type { Fact, FactKey, FactValue, RunPlan } from '../types';
import { atLeast, below, type Versions } from './versions';

export type HfFlavour = 'transformers' | 'trl';

interface Default {
  value: FactValue;
  note: string;
}

/** transformers' TrainingArguments defaults, by fact (also read by ../link/imported-training-args). */
export const TRANSFORMERS: Partial<Record<FactKey, Default>> = {
  precision: { value: 'fp32', note: 'bf16 and fp16 default to False in TrainingArguments: training runs in fp32' },
  micro_batch: { value: 8, note: 'per_device_train_batch_size defaults to 8' },
  grad_accum: { value: 1, note: 'gradient_accumulation_steps defaults to 1' },
  epochs: { value: 3, note: 'num_train_epochs defaults to 3.0' },
  // max_steps defaults to -1, which means "no step limit: the epochs decide": no step count to report.
  grad_checkpointing: { value: false, note: 'gradient_checkpointing defaults to False' },
  periodic_save: { value: 'steps', note: "save_strategy defaults to 'steps'" },
  save_steps: {
    value: 500,
    note: 'save_steps defaults to 500: the Trainer saves a resumable checkpoint every 500 steps',
  },
  num_workers: { value: 0, note: 'dataloader_num_workers defaults to 0 (data loaded in the main process)' },
  compile: { value: false, note: 'torch_compile defaults to False' },
  early_stopping: { value: false, note: 'no EarlyStoppingCallback' },
  optimizer: { value: 'adamw_torch', note: "optim defaults to 'adamw_torch' ('adamw_torch_fused' with torch ≥ 2.8)" },
  peft: { value: 'none', note: 'no LoRA/PEFT adapter: all weights are trained' },
};

const TRL: Partial<Record<FactKey, Default>> = {
  ...TRANSFORMERS,
  precision: { value: 'bf16', note: 'TRL ≥ 0.19 configs default bf16 to True unless fp16=True' },
  grad_checkpointing: { value: true, note: 'TRL ≥ 0.22 configs default gradient_checkpointing to True' },
  seq_len: { value: 1024, note: 'SFTConfig max_length defaults to 1024 (TRL ≥ 0.16): longer sequences are truncated' },
};

/**
 * TRL's online-RL trainers sample completions instead of truncating a dataset to `max_length`: GRPOConfig and
 * RLOOConfig bound the prompt (`max_prompt_length`, 512 by default, dropped in TRL 1.x) and the completion
 * (`max_completion_length`, 256) separately, PPOConfig its `response_length`, OnlineDPO/XPO/NashMD `max_new_tokens`
 * (https://huggingface.co/docs/trl/grpo_trainer, …/rloo_trainer, …/ppo_trainer). SFTConfig's `max_length` default
 * (1024) is none of theirs, so no sequence length is defaulted for them.
 */
const ONLINE_RL = /(?:GRPO|RLOO|PPO|OnlineDPO|XPO|NashMD)(?:Config|Trainer)\b/;

/**
 * What an arguments file the script reads (`parse_json_file(json_file=args.train_args_json)`) is written to state: the
 * run's batch, accumulation, length, precision and saves. When that file is named only on the command line, the
 * defaults of those fields are not the run's (facts-34 README, "TrainingArguments from a required JSON").
 */
const FILE_STATES: ReadonlySet<FactKey> = new Set<FactKey>([
  'micro_batch',
  'grad_accum',
  'epochs',
  'precision',
  'periodic_save',
  'save_steps',
]);

/**
 * Adds the framework's defaults for every fact the script does not set. When the arguments are open-ended
 * (parsed from the command line, or `**kwargs`), defaults are still what happens unless the launcher changes them,
 * and the note says so. `fromUnnamedFile`: every argument comes from a file named on the command line.
 */
export function hfDefaults(
  plan: RunPlan,
  flavour: HfFlavour,
  label: string,
  openEnded: boolean,
  fromUnnamedFile = false,
): void {
  const table = flavour === 'trl' ? TRL : TRANSFORMERS;
  const suffix = openEnded
    ? ` — ${label} arguments can also come from the command line or **kwargs, which this review cannot see`
    : '';
  for (const [key, d] of Object.entries(table) as [FactKey, Default][]) {
    if (plan.facts.has(key) || (fromUnnamedFile && FILE_STATES.has(key))) continue;
    if (key === 'seq_len' && (ONLINE_RL.test(label) || ONLINE_RL.test(plan.entry.label))) {
      // Kept for the token estimate only, as an assumption: no length of the file's or the framework's.
      plan.facts.set(key, {
        key,
        value: d.value,
        origin: 'assumed',
        note: 'online RL: prompt and completion lengths are bounded separately, no single max_length; 1024 assumed',
      });
      continue;
    }
    const fact: Fact = {
      key,
      value: d.value,
      origin: openEnded && key === 'precision' ? 'assumed' : 'framework-default',
      note: d.note + suffix,
    };
    plan.facts.set(key, fact);
  }
  // A model loaded in bf16/fp16 and trained without AMP trains in that dtype (pure half precision), not fp32.
  const dtype = plan.facts.get('model_dtype');
  const precision = plan.facts.get('precision');
  if (
    precision?.value === 'fp32' &&
    (dtype?.value === 'bf16' || dtype?.value === 'fp16') &&
    precision.origin !== 'explicit'
  ) {
    plan.facts.set('precision', {
      ...dtype,
      key: 'precision',
      note: `weights loaded in ${dtype.value} and no AMP flag: the model trains in pure ${dtype.value}`,
    });
  }
  // save_strategy="steps" with save_steps as a fraction (< 1) of the run is still periodic.
  const saveSteps = plan.facts.get('save_steps');
  if (typeof saveSteps?.value === 'number' && saveSteps.value > 0 && saveSteps.value < 1) {
    plan.facts.set('save_steps', { ...saveSteps, note: `${saveSteps.note}; a fraction of the total steps` });
  }
}

/**
 * Defaults that depend on the installed versions, from pins near the script (./versions): TRL < 0.19 leaves bf16
 * off, TRL < 0.22 leaves gradient checkpointing off, transformers ≥ 5 loads the checkpoint's own dtype.
 */
export function applyVersionDefaults(plan: RunPlan, flavour: HfFlavour, versions: Versions): void {
  const soft = (f: Fact | undefined) => !!f && (f.origin === 'framework-default' || f.origin === 'assumed');
  const p = plan.facts.get('precision');
  if (flavour === 'trl' && below(versions.trl, '0.19') && soft(p) && p!.value === 'bf16') {
    plan.facts.set('precision', {
      ...p!,
      value: 'fp32',
      note: `bf16 defaults to False before TRL 0.19 (${versions.trl!.text}): training runs in fp32`,
    });
  }
  const gc = plan.facts.get('grad_checkpointing');
  if (flavour === 'trl' && below(versions.trl, '0.22') && soft(gc) && gc!.value === true) {
    plan.facts.set('grad_checkpointing', {
      ...gc!,
      value: false,
      note: `gradient_checkpointing defaults to False before TRL 0.22 (${versions.trl!.text})`,
    });
  }
  const now = plan.facts.get('precision');
  // A dtype left to the library: transformers ≥ 5 loads the checkpoint's own (the fp32 default is older versions').
  const dtypeDefault = soft(plan.facts.get('model_dtype'));
  if (atLeast(versions.transformers, '5') && dtypeDefault) plan.facts.delete('model_dtype');
  if (
    atLeast(versions.transformers, '5') &&
    soft(now) &&
    now!.value === 'fp32' &&
    plan.facts.has('model') &&
    (!plan.facts.has('model_dtype') || dtypeDefault)
  ) {
    plan.facts.set('precision', {
      ...now!,
      value: null,
      note: `transformers ≥ 5 (${versions.transformers!.text}) loads the checkpoint's dtype (bf16 for most LLMs) and the Trainer does not upcast: precision not judged`,
    });
  }
}
