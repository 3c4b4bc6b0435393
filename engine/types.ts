// The engine's data model: facts, run plans, findings. Shared by extractors, rules and both front ends.
import type { Estimate, Range, RunInputs, Saving } from '../core/index';

/** Stable fact keys (ARCHITECTURE.md, "Contracts"); used by `greenml plan`, hovers and rules. */
export const FACT_KEYS = [
  'precision',
  'micro_batch',
  'grad_accum',
  'devices',
  'epochs',
  'max_steps',
  'seq_len',
  'model',
  'params',
  /** Parameters each token passes through, for a mixture-of-experts model whose architecture keys the files state. */
  'active_params',
  /**
   * Parameters of a model class the script defines, counted from its torch.nn layer constructors
   * (engine/extract/layer-params.ts); form `convolutional` when it holds convolutions. Read by the toy-run check only,
   * not by the footprint (a convolution's FLOPs depend on the image size, not on its parameters alone).
   */
  'layer_params',
  'grad_checkpointing',
  'periodic_save',
  'save_steps',
  'num_workers',
  'compile',
  'early_stopping',
  'peft',
  'hardware',
  'region',
  'dataset_size',
  'optimizer',
  'model_dtype',
  'framework',
  'zero_stage',
  /** Samples per optimizer step over all devices, when a file states it (Megatron, detectron2, Ultralytics, T5X). */
  'global_batch',
  /** Training tokens when the run length is stated in tokens (`max_tokens`, `max_duration: 2e9tok`). */
  'train_tokens',
  /** 'text', 'vision' or 'audio': facts of one modality are not reported for another (no sequence length for a ResNet). */
  'modality',
  /** Tensor, pipeline and data parallel degrees (Megatron-LM, NeMo, torchtitan); devices = tp × pp × dp (× cp). */
  'tp',
  'pp',
  'dp',
  /** Side in pixels of the training images (the training crop), for vision models. */
  'resolution',
  /**
   * Preference optimisation on pairs, from the TRL trainer a script builds: 'reference' (DPOTrainer: a frozen reference
   * model) or 'reference-free' (ORPOTrainer, or DPOConfig(reference_free=True)); core RunInputs.preference.
   */
  'preference',
  /**
   * On-policy RL on prompts, from the TRL trainer a script builds: the completions GRPOTrainer generates per prompt
   * (GRPOConfig num_generations); core RunInputs.rollout.
   */
  'rollouts',
  // Settings the rules read beyond the footprint (rules/): logging, evaluation, loading, kernels, saving, hub.
  'logging_steps',
  'eval_strategy',
  'eval_steps',
  'pin_memory',
  'persistent_workers',
  'prefetch',
  'save_total_limit',
  'save_only_model',
  'resume',
  'push_to_hub',
  'hub_strategy',
  'hub_private',
  'hub_model_id',
  'load_best',
  'auto_batch',
  'empty_cache',
  'group_by_length',
  'packing',
  'padding',
  'attn_impl',
  'optimizer_impl',
  'tf32',
  'compute_dtype',
  'offload',
  'data_parallel',
  'cudnn_benchmark',
  'debug_flag',
  'profiler',
  'host_sync',
  /** The experiment tracker the run reports to (`report_to`: 'wandb', 'tensorboard', …; 'none' when off). */
  'tracker',
  /** Histograms, images or figures logged on every training step (`add_histogram`, `wandb.Image`, …). */
  'media_logging',
  'credential',
  'validation',
  'sweep',
  'sweep_trials',
  'sweep_pruner',
  'sweep_grid',
  'local_data',
  'liger',
] as const;
export type FactKey = (typeof FACT_KEYS)[number];

export type FactValue = string | number | boolean | null;

/**
 * Where a value comes from. In override order, strongest first: explicit (written in the file),
 * script-default (a default the script declares: argparse/dataclass field), setting (editor or greenml.toml),
 * inferred (written in a file, its meaning read through the shared vocabulary without a reader for the file's
 * framework: the value is the file's, what it means is our reading), framework-default (what the library does when
 * nothing is written), assumed (our guess, shown to the user).
 *
 * `inferred` sits below `setting` (a user's stated setting beats our reading of a key) and above
 * `framework-default` (a value the file writes beats what the library would do had nothing been written).
 */
/**
 * How a value is stated, where a rule needs more than the value and its origin. Set by the extractors, so that no
 * rule reads `note` (a sentence for people, free to change):
 * - `launcher`: written in a shell launcher or job script rather than in the training code (a credential).
 * - `model-call`: a method call on the model object (`model.push_to_hub(…)`), not a trainer argument.
 * - `weights-only-save`: a hand-written loop's `torch.save(model.state_dict(), …)` as its only saving.
 * - `in-memory-data`: a loader over tensors already in memory (`TensorDataset`): no per-sample work to overlap.
 * - `no-limit`: the setting switches its own limit off (Lightning `max_epochs=-1`), so the value is unknown (null).
 * - `reader-default`: the file leaves the value to the program that reads it, which is not in view (an HF-args YAML
 *   without bf16/fp16 and without its script: transformers would train in fp32, TRL in bf16), so it is unknown (null).
 */
export type FactForm =
  | 'launcher'
  | 'model-call'
  | 'weights-only-save'
  /** Keras `ModelCheckpoint(save_weights_only=True)` as the only checkpoint of a `fit()`: no optimizer state. */
  | 'keras-weights-only'
  | 'in-memory-data'
  | 'no-limit'
  | 'reader-default'
  /** `layer_params` of a network with convolutions: its FLOPs grow with the image size. */
  | 'convolutional'
  /** `name = value` in Python (`torch.backends.cudnn.benchmark = False`): `name` is the target as written. */
  | 'assignment'
  /** `name(value)` in Python (`torch.set_float32_matmul_precision("highest")`): `name` is the callee as written. */
  | 'call'
  /** An operand of an expression (`500` in `it % 500 == 0`): a fix replaces the operand alone. */
  | 'operand'
  /** `padding` of text that trains a language model (causal, seq2seq or masked LM; ./extract/padding-task.ts). */
  | 'language-model'
  /** A checkpoint kept only when a monitored metric improves (`ModelCheckpoint(monitor="val_acc")`): a best-model export. */
  | 'best-only'
  /**
   * A step cadence at or past the run's end (`save_steps` ≥ `max_steps`, or a 9,999,999 "never" sentinel): no
   * checkpoint before the end. `periodic_save` is `no` and carries the interval as written (`Fact.interval`); the
   * plan reports no `save_steps`.
   */
  | 'past-run'
  /**
   * An epoch loop's bound read from a config chosen on the command line (`range(hps.train.epochs)`), unknown, where
   * every config of the repository that sets that key gives 10,000 epochs or more: bounded in name only
   * (./link/project-config-length.ts).
   */
  | 'placeholder-configs'
  /**
   * The same unknown bound where every value the repository writes for it (configs; for a one-level key, also its code
   * and launchers) is 50 epochs or more: a long fixed schedule whichever config runs (./link/project-config-length.ts).
   */
  | 'many-epochs-configs'
  /**
   * `offload` by FSDP's CPU offload (parameters and gradients on the CPU, the optimizer step there), not DeepSpeed's
   * ZeRO-Offload. In Python, `name` is the keyword a fix sets to False (`offload_params`, `cpu_offload`), or "fsdp" when
   * the span is the word `offload` inside transformers' option string (a fix deletes it); empty when no fix applies.
   */
  | 'fsdp-offload'
  /**
   * float32 in JAX: what its matmuls run as depends on the hardware (TF32 on Ampere+ GPUs, bf16 passes on TPUs under
   * XLA's default matmul precision), so no finding is made of it until the hardware is known (../extract/jax.ts).
   */
  | 'xla-float32'
  /**
   * `model` named by a class the project builds itself under a name a size table holds (its own `UNet` in unet.py, a
   * CIFAR `ResNet18`): the name as the code writes it, not the table's network of that name, so no size, modality or
   * per-sample FLOPs are taken from the tables for it (../plan.ts `tableModel`).
   */
  | 'own-class'
  /**
   * `dp` 1 of a run that is one process of an accelerate script (../extract/one-rank.ts): one data-parallel rank while
   * the device count stays open; ../plan-batch.ts multiplies it out where no device count is stated.
   */
  | 'one-process';

export type Origin = 'explicit' | 'script-default' | 'setting' | 'inferred' | 'framework-default' | 'assumed';

/** A half-open span in UTF-16 code units of one file's text. */
export interface Span {
  start: number;
  end: number;
}

export interface Fact {
  key: FactKey;
  value: FactValue;
  origin: Origin;
  /** File path or URI the value was read from; absent for settings and assumptions. */
  file?: string;
  span?: Span;
  /** Why the value is what it is, in one sentence ("TrainingArguments default save_strategy='steps', save_steps=500"). */
  note?: string;
  /** How the value is stated, when a rule depends on it (see FactForm). */
  form?: FactForm;
  /**
   * The keyword or key as the file spells it (`dtype` or `torch_dtype`, `--save-interval`), where a fix must write the
   * same name back.
   */
  name?: string;
  /**
   * For a value not written in a call (a library default): where a fix inserts the keyword argument that sets it —
   * before the call's closing parenthesis; `empty` when the call has no arguments yet.
   */
  argInsert?: { at: number; empty: boolean };
  /**
   * Further places in the same file where the same fact holds, in file order (each per-step host read of GML404, each
   * unfused optimizer): a rule that reports every occurrence gives each its own finding, so a user fixing them one by
   * one sees each on its own line. The fact's own span is the first.
   */
  also?: { span: Span; value: FactValue; note?: string; argInsert?: { at: number; empty: boolean } }[];
  /**
   * The command-line flag (argparse dest) whose branch the value is written in: it holds only when the flag is
   * given (`given: true`) or only when it is not. A launcher that says otherwise makes it not the run's value
   * (engine/link/merge.ts drops it).
   */
  branch?: { flag: string; given: boolean };
  /**
   * On a `periodic_save` of form `past-run`: the step interval the run never reaches, as read (its value, origin,
   * name and span), which the plan no longer reports as `save_steps` — GML303 names it and fixes it in place.
   */
  interval?: Fact;
}

/** An edit to one file, in UTF-16 offsets of that file's current text. */
export interface OffsetEdit {
  file: string;
  start: number;
  end: number;
  newText: string;
}

/**
 * Knows how to change facts in their own syntax (keyword arguments, YAML keys, CLI flags). Returns undefined when
 * one of the changes cannot be written there. Several changes become one consistent set of edits.
 */
export type PlanEditor = (changes: Partial<Record<FactKey, FactValue>>) => OffsetEdit[] | undefined;

export interface RunPlan {
  /** Framework of the run-defining object: "hf-trainer", "trl-sft", ... (the reader's id, which rules decide on). */
  framework: string;
  /**
   * The framework a user names, where `framework` is a generic reader's id (`config`): the library the run's code
   * trains with (`pytorch`, `tensorflow`, `flax`, …) or the OpenMMLab codebase of an mmengine config
   * (../engine/link/code-library.ts). Shown in place of `framework` (`frameworkName`).
   */
  library?: string;
  /** The run-defining call (where the CodeLens goes). */
  entry: { file: string; span: Span; label: string };
  files: string[];
  facts: Map<FactKey, Fact>;
  edit?: PlanEditor;
  /** Spans of the keyword arguments / keys that shape the footprint, for hovers. */
  relevantSpans: { file: string; span: Span; key: FactKey }[];
  /**
   * The launchers beside the file analysed that start this run with their flags (a script's or config's launched
   * run, ../engine/link.ts `linkFile`); absent on the file's own runs and on a launcher's runs.
   */
  launchedBy?: string[];
  /**
   * A module with no entry of its own (a trainer class, a `train_epoch` helper) whose loop a script of its repository
   * runs: that script. The run is the module's reading, judged on the module's lines; `greenml plan` shows the
   * script's run instead (../engine/link/entryless-module.ts).
   */
  partOf?: string;
}

/** The framework shown for a run: the one a user names (`library`), else the reader's id. */
export const frameworkName = (plan: Pick<RunPlan, 'framework' | 'library'>): string => plan.library ?? plan.framework;

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type Applicability = 'safe' | 'unsafe' | 'display-only';

export interface Fix {
  title: string;
  applicability: Applicability;
  edits: OffsetEdit[];
}

export interface Finding {
  code: string;
  name: string;
  severity: Severity;
  message: string;
  file: string;
  span: Span;
  fixes: Fix[];
  savings?: { kWh: Range; kgCO2e: Range; fraction: number };
  /**
   * True when the waste is below the user's threshold (`min-saving-kwh`) or the run is a toy: the finding is
   * information at most, and the CLI hides it unless asked (`--show-minor`).
   */
  minor?: boolean;
}

export interface AnalyzedRun {
  plan: RunPlan;
  inputs: RunInputs;
  estimate: Estimate;
  /** Optimizer steps over the whole run, when computable. */
  totalSteps?: number;
}

export type { Estimate, Range, RunInputs, Saving };
