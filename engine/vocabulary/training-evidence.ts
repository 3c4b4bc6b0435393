// Whether a structured file that no framework reader claims reads as a training config — one judgement for YAML,
// JSON, TOML, INI, gin and shell, whatever the framework. A file trains something when it states how the model is
// optimised (a learning rate, an optimizer, a schedule, gradient clipping) AND how long or on how much (a run length
// or a batch), AND settings of at least three kinds in all. The kinds, by key spelling:
//   length      epochs, steps, iterations, boosting rounds (`n_estimators`, `num_boost_round`), RL timesteps
//   batch       batch or minibatch sizes
//   optimise    learning rate and its schedule, optimizer, weight decay, momentum, warm-up, gradient clipping
//   rl          the objective of reinforcement learning: discount, GAE λ, PPO clip, entropy and value coefficients,
//               rollout horizon, replay buffer, target-network updates (Stable-Baselines3 and rl_games parameters)
//   trees       gradient-boosted trees: leaves, depth, leaf regularisation, row/feature subsampling, early-stopping
//               rounds (XGBoost, LightGBM and CatBoost parameters)
//   supervise   a loss, metrics to monitor, early stopping or patience, dropout, regularisers, EMA
//   cadence     checkpoint, evaluation or logging intervals
//   precision / accumulation / activation checkpointing / PEFT (read as facts by ./read.ts)
// What is not a run, whatever its keys: repository infrastructure (CI workflows, compose files, package metadata) by
// file name, a file whose name says inference, serving, evaluation or data preparation, and an override file that
// sets nothing of training itself (`base_config: base.yml` + profiler switches): its base is another file's run.
// Sources: Stable-Baselines3 PPO/DQN parameters (https://stable-baselines3.readthedocs.io/en/master/modules/ppo.html,
// 2025), rl_games config (https://github.com/Denys88/rl_games/blob/master/docs/CONFIG_PARAMS.md, 2024), XGBoost
// parameters (https://xgboost.readthedocs.io/en/stable/parameter.html, 2025), LightGBM parameters
// (https://lightgbm.readthedocs.io/en/stable/Parameters.html, 2025), CatBoost training parameters
// (https://catboost.ai/docs/en/references/training-parameters/, 2025).
import type { Entry, EntrySet } from '../extract/generic';
import { norm } from '../extract/generic';
import type { FactKey } from '../types';
import type { VocabResult } from './read';

export type Kind =
  'length' | 'batch' | 'optimise' | 'rl' | 'trees' | 'supervise' | 'cadence' | 'precision' | 'accumulation' | 'memory';

/** Key spellings of each kind (the last key of a path, lower case, `-` as `_`). */
const KINDS: [Kind, RegExp][] = [
  [
    'length',
    /^(n_|num_|max_|total_|train_|training_)?(epochs?|iters?|iterations|steps|updates|timesteps|rounds|boost_rounds?|estimators|train_steps|train_epochs)$|^(n_estimators|num_boost_round|nrounds|mini_epochs|max_duration)$/,
  ],
  ['batch', /^(\w+_)?(batch|batch_size|batchsize|minibatch|minibatch_size|mini_batch_size|micro_batch_size|bs)$/],
  [
    'optimise',
    /^(\w+_)?(lr|learning_rate|learn_rate)$|^(eta|weight_decay|momentum|optimizer|optimiser|optim|lr_schedule\w*|lr_scheduler\w*|lr_decay\w*|lr_warmup\w*|warmup\w*|scheduler|grad_clip\w*|clip_grad\w*|grad_norm|max_grad_norm|gradient_clip\w*|adam_beta\d|betas|adam_eps\w*)$/,
  ],
  [
    'rl',
    /^(gamma|discount|discount_factor|gae_lambda|lam|lambda_gae|tau|clip_range\w*|clip_param|e_clip|eps_clip|ppo_clip\w*|ent_coef|entropy_coef\w*|entropy_beta|vf_coef|value_loss_coef|critic_coef|value_coef|horizon_length|n_steps|rollout_length|num_rollouts?|replay_buffer\w*|buffer_size|target_update\w*|learning_starts|train_freq|num_actors|kl_threshold|target_kl|exploration_\w+|epsilon_(start|end|decay)|reward_scale|normalize_advantage)$/,
  ],
  [
    'trees',
    /^(num_leaves|max_depth|depth|min_child_weight|min_child_samples|min_data_in_leaf|min_sum_hessian_in_leaf|l2_leaf_reg|lambda_l[12]|reg_alpha|reg_lambda|colsample_by\w+|subsample|bagging_fraction|bagging_freq|feature_fraction|early_stopping_rounds|od_pval|od_type|boosting|boosting_type|booster|tree_method|max_bin|leaf_estimation_\w+|bagging_temperature|min_split_gain|grow_policy)$/,
  ],
  [
    'supervise',
    /^(loss|loss_\w+|\w+_loss|criterion|metrics?|monitor|monitor_mode|early_stop\w*|patience|\w+_patience|label_smoothing\w*|\w*regularizer|ema_\w+|\w*dropout\w*)$/,
  ],
  [
    'cadence',
    /^(save|checkpoint|ckpt|eval|val|valid|validation|log|logging|snapshot)_(\w+_)?(interval|every|freq|frequency|steps|epochs?|period)(_\w+)?$|^(val_check_interval|check_val_every_n_epoch|save_best\w*|keep_checkpoint_max)$/,
  ],
];

/** Facts of ./read.ts that are kinds of their own. */
const FACT_KINDS: [FactKey, Kind][] = [
  ['max_steps', 'length'],
  ['epochs', 'length'],
  ['train_tokens', 'length'],
  ['micro_batch', 'batch'],
  ['global_batch', 'batch'],
  ['optimizer', 'optimise'],
  ['save_steps', 'cadence'],
  ['precision', 'precision'],
  ['grad_accum', 'accumulation'],
  ['grad_checkpointing', 'memory'],
  ['peft', 'memory'],
];

/** Keys under these groups are evaluation, test or inference settings, not the training run's. */
const ASIDE = /(^|_)(test|testing|inference|infer|predict|prediction|generation|generate|serving|deploy)(_|$)/;

const EVAL_KEY = /(^|_)(eval|val|valid|validation|test|inference|infer|predict|generation|sampling)(_|$)/;

// A Weights & Biases run folder (`wandb/run-<time>-<id>/files/config.yaml`, `wandb-summary.json`) is the record the
// client writes of a run that happened, not a config any run reads (docs.wandb.ai, "Where does wandb store its files").
/** Repository infrastructure by file name: CI, compose, package metadata, docs and environment files. */
const INFRASTRUCTURE =
  /(^|\/)\.(github|gitlab|circleci|buildkite|azure-pipelines)\/|(^|\/)wandb\/(offline-)?run-[^/]+\/files\/|(^|\/)(pyproject\.toml|setup\.cfg|tox\.ini|pytest\.ini|package(-lock)?\.json|tsconfig\.json|\.pre-commit-config\.ya?ml|\.gitlab-ci\.ya?ml|mkdocs\.ya?ml|_config\.ya?ml|(docker-)?compose([.-][\w-]+)?\.ya?ml|environment([.-][\w-]+)?\.ya?ml|conda([.-][\w-]+)?\.ya?ml|codecov\.ya?ml|\.readthedocs\.ya?ml|readthedocs\.ya?ml|dependabot\.ya?ml|citation\.cff|chart\.ya?ml|kustomization\.ya?ml|cloudbuild\.ya?ml|appveyor\.ya?ml|\.travis\.ya?ml|meta\.ya?ml|requirements[\w.-]*\.(txt|in))$/i;

/** A file named for inference, serving, evaluation or data preparation (and not also for training). */
const NOT_TRAINING_NAME =
  /(^|[_.-])(infer|inference|serve|serving|deploy|predict|prediction|eval|evaluate|evaluation|generate|generation|sample|sampling|decode|decoding|export|convert|preprocess|preprocessing|prepare|tokeni[sz]er|dataset|data|vocab)([_.-]|$)/i;
/** A folder of such files (`configs/v5e/inference/`), named so as a whole. */
const NOT_TRAINING_FOLDER = /^(inference|infer|serving|serve|deploy|eval|evaluation|predict|prediction|export)$/i;
const TRAINING_NAME = /(^|[_.-])(train|training|finetune|fine[_-]?tune|pretrain|sft)([_.-]|$)/i;

/** Why a file is not a training run by its name alone (also for files of a known framework), else undefined. */
export function vetoByName(file: string, evident = false): string | undefined {
  const name = file.replace(/\\/g, '/');
  const base = name.split('/').pop() ?? name;
  if (INFRASTRUCTURE.test(name)) return 'repository infrastructure';
  const folder = name.split('/').slice(-2, -1)[0] ?? '';
  if (
    !evident &&
    (NOT_TRAINING_FOLDER.test(folder) || NOT_TRAINING_NAME.test(base.replace(/\.\w+$/, ''))) &&
    !TRAINING_NAME.test(base)
  )
    return 'named for inference, evaluation or data';
  return undefined;
}

/** A file's own settings say training by themselves: how it optimises, and for how long or on what batch. */
export const selfEvident = (k: Set<Kind>) => k.has('optimise') && (k.has('length') || k.has('batch'));

const scalar = (e: Entry) => e.value !== undefined && e.value !== null && typeof e.value !== 'boolean';

/** The kinds of training settings one entry set states. */
export function kindsOf(set: EntrySet): Set<Kind> {
  const out = new Set<Kind>();
  for (const e of set.entries) {
    // A list of values (a search space: `dropout: [0.1, 0.2]`) states a kind too, but not a length or a batch
    // (a CI job's `steps:` is a list).
    const list = !scalar(e) && (e.items ?? 0) > 0;
    if (e.kind === 'env' || (!scalar(e) && !list)) continue;
    const path = e.path.map(norm);
    if (path.slice(0, -1).some((p) => ASIDE.test(p))) continue;
    const last = path[path.length - 1];
    // `eval_per_device_batch_size`, `val_steps`: an evaluation's batch or length is not the training run's.
    const aside = list || EVAL_KEY.test(last);
    for (const [kind, re] of KINDS)
      if (re.test(last) && !(aside && (kind === 'length' || kind === 'batch'))) out.add(kind);
  }
  return out;
}

const RL = KINDS.find(([k]) => k === 'rl')?.[1] as RegExp;

/** How many distinct settings of the RL objective one entry set states. */
function rlKeys(set: EntrySet): number {
  const keys = new Set<string>();
  for (const e of set.entries) {
    const last = norm(e.path[e.path.length - 1] ?? '');
    if (scalar(e) && RL.test(last)) keys.add(last);
  }
  return keys.size;
}

export interface Judgement {
  training: boolean;
  /** Why not, in words (for tests and the dev-set notes). */
  why: string;
  kinds: Set<Kind>;
}

/**
 * The judgement on a file's reading (`sets`: its bases first, the file itself last). `legacy` is the earlier rule (a
 * batch or run length and three read training settings), kept as one way in: nothing it accepted is dropped unless
 * a veto applies.
 */
export function judgeTraining(sets: EntrySet[], read: VocabResult, legacy: boolean): Judgement {
  const own = sets[sets.length - 1];
  const kinds = new Set<Kind>();
  const mine = kindsOf(own);
  // A name is outweighed by the file's own optimisation settings with a length or a batch (`test_small.yaml` that
  // trains for 2 epochs); infrastructure is not.
  const veto = vetoByName(own.file, selfEvident(mine));
  if (veto) return { training: false, why: veto, kinds };
  if (sets.length > 1 && mine.size === 0)
    return { training: false, why: 'an override that sets nothing of training', kinds: mine };
  for (const s of sets) for (const k of kindsOf(s)) kinds.add(k);
  for (const [key, kind] of FACT_KINDS) if (read.facts.has(key) || read.unread.has(key)) kinds.add(kind);
  if (read.extras.has('lr')) kinds.add('optimise');
  if (read.extras.has('train_samples')) kinds.add('length');
  if (legacy) return { training: true, why: '', kinds };
  // An RL learner's config states no batch or length of its own (the script's flags do): learning rates with two
  // settings of the RL objective (`discount` and `tau`) read as one, where one `gamma` may be a scheduler's decay.
  const rlLearner = kinds.has('optimise') && rlKeys(own) >= 2;
  const training =
    (kinds.has('optimise') && (kinds.has('length') || kinds.has('batch') || kinds.has('rl')) && kinds.size >= 3) ||
    rlLearner;
  return {
    training,
    why: training ? '' : `settings of ${kinds.size} kind(s): ${[...kinds].join(', ') || 'none'}`,
    kinds,
  };
}
