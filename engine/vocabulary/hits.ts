// The vocabulary's matching: every (entry, row) pair that applies to a file's entries, best first per target —
// framework rows before generic rows, longer key suffixes before shorter, a spelling no row lists read as its nearest
// listed one. Keys of evaluation, test and inference settings never match.
import type { Entry, EntrySet } from '../extract/generic';
import { norm } from '../extract/generic';
import { ALIASES, type Alias, type Target } from './aliases';
import { FRAMEWORK_ROWS } from './aliases-frameworks';
import { DEVICE_ALIASES } from './devices';
import type { Framework } from './frameworks';
/** Keys of evaluation, validation, test and inference settings: never the training run's. */
const NOT_TRAINING =
  /(^|_)(val|valid|validation|eval|evaluate|evaluation|evaluator|test|testing|inference|infer|predict|prediction|generation|generate|sampling|rollout|benchmark|export|serving|deploy)(_|$)/;
/** Groups of settings for sampling from the trained model (`sample:`, `sample_cfg:`), not for training it. */
const SAMPLING_GROUP = /(^|_)sample(_|$)/;
/** A tracker's record of the run (`wandb: {config: {model: llama3-8b}}`): labels logged for display, not settings. */
const TRACKER = /^(wandb|mlflow|comet|neptune|aim|clearml)$/;
const logged = (path: string[]) => {
  const t = path.findIndex((p) => TRACKER.test(p));
  return t >= 0 && path.slice(t + 1, -1).some((p) => /^(config|tags)$/.test(p));
};
/** How often the training run evaluates: keys named for evaluation that are still the training run's settings. */
const EVALUATION_TARGETS: Target[] = ['eval_strategy', 'eval_steps'];
/** Spellings of how often the run validates, whatever group holds them (./aliases.ts). */
const CADENCE = /^(val_freq|validation_steps|val_check_interval|eval_interval|val_interval)$/;
/** Groups whose name holds one of those words but which hold the trained model (verl's actor, its rollout and reference). */
const TRAINING_GROUP = /^actor_rollout_ref$/;

/**
 * `num_steps` inside an on-policy RL algorithm's settings (habitat-baselines `rl.ppo.num_steps: 128`; CleanRL's PPO
 * `--num-steps`, "the number of steps to run in each environment per policy rollout"; Stable-Baselines3 `n_steps`):
 * the rollout length per environment, not the run's length.
 */
const RL_ALGORITHM = /^(ppo|ddppo|appo|a2c|a3c|acktr|trpo|impala)$/;
const rolloutLength = (path: string[]) =>
  /^n(um)?_steps$/.test(path[path.length - 1]) && path.slice(0, -1).some((p) => RL_ALGORITHM.test(p));

/**
 * A length inside a learning-rate scheduler's settings (`scheduler: {name: cosine_schedule_with_warmup,
 * num_training_steps: 40000}`, `lr_scheduler.total_steps`): the horizon of the schedule, which transformers'
 * `get_cosine_schedule_with_warmup(optimizer, num_warmup_steps, num_training_steps)` and torch's
 * `OneCycleLR(total_steps=…)` take as an argument (https://huggingface.co/docs/transformers/main_classes/optimizer_schedules,
 * https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.OneCycleLR.html); the run's own length is
 * elsewhere (the trainer's epochs or steps), and nothing stops when the schedule ends.
 */
const SCHEDULER_GROUP = /^(lr_)?(sched|scheduler|schedule|lr_schedule|lr_scheduler|param_scheduler)s?$/;
const scheduleLength = (path: string[]) => path.slice(0, -1).some((p) => SCHEDULER_GROUP.test(p));

/** Python calls whose keyword arguments name architecture (`GPTConfig(n_layer=12)`) rather than tensor shapes (`torch.cat(x, dim=1)`). */
const CONFIG_CALL = /(Config|Args|Arguments|Params|Settings|Hparams)$/;
const ARCH: Target[] = [
  'arch.layers',
  'arch.hidden',
  'arch.heads',
  'arch.vocab',
  'arch.ffn',
  'arch.mlp_ratio',
  'arch.experts',
  'arch.topk',
  'arch.moe_ffn',
  'arch.shared_experts',
  'arch.shared_ffn',
  'model',
];

export interface Hit {
  entry: Entry;
  alias: Alias;
  key: string;
  score: number;
  /** True when the row belongs to the detected framework (not a generic reading). */
  own: boolean;
}

interface AliasKey {
  alias: Alias;
  key: string;
  parts: string[];
  anchored: boolean;
}

/** The table indexed by each spelling's last key (built once): an entry is compared only with its candidates. */
let INDEX: Map<string, AliasKey[]> | undefined;
function index(): Map<string, AliasKey[]> {
  if (INDEX) return INDEX;
  INDEX = new Map();
  for (const alias of [...ALIASES, ...DEVICE_ALIASES, ...FRAMEWORK_ROWS])
    for (const key of alias.keys) {
      const anchored = key.startsWith('^');
      const parts = norm(anchored ? key.slice(1) : key).split('.');
      const last = parts[parts.length - 1];
      INDEX.set(last, [...(INDEX.get(last) ?? []), { alias, key: anchored ? key.slice(1) : key, parts, anchored }]);
    }
  return INDEX;
}

/** `train_max_steps` → `max_steps`, `num_epoch` → `num_epochs`: a `train_` prefix dropped or a plural toggled. */
function variant(last: string, idx: Map<string, AliasKey[]>, usable: (c: AliasKey) => boolean): string | undefined {
  const bare = last.replace(/^(train|training)_/, '');
  const plural = (k: string) => (k.endsWith('s') ? k.slice(0, -1) : `${k}s`);
  // The first spelling a usable row lists (`train_epoch`: `epoch` is only PaddleDetection's, `train_epochs` generic).
  return [bare, plural(last), plural(bare)].find((k) => k !== last && k.length > 2 && idx.get(k)?.some(usable));
}

const matches = (path: string[], k: AliasKey) =>
  path.length >= k.parts.length &&
  (!k.anchored || path.length === k.parts.length) &&
  k.parts.every((x, i) => path[path.length - k.parts.length + i] === x);

/** Every (entry, alias) pair that applies, best first per target. */
export function hits(sets: EntrySet[], fw: Framework | undefined): Map<Target, Hit[]> {
  const out = new Map<Target, Hit[]>();
  const fid = fw?.id ?? 'generic';
  const idx = index();
  sets.forEach((set, layer) => {
    for (const entry of set.entries) {
      // A shell variable is read through the flags it fills, except by rows that read the variable itself.
      const variable = entry.kind === 'env' && !entry.setting;
      if (variable && !idx.get(norm(entry.path[entry.path.length - 1] ?? ''))?.some((c) => c.alias.variable)) continue;
      // scikit-learn's nested parameter names (`net__max_epochs`, `net__module__hidden`: skorch, pipelines) are paths.
      const path = entry.path.flatMap((p) => (p.includes('__') ? p.split('__').filter(Boolean) : [p])).map(norm);
      // A key made only of underscores (`"__"` in a tokenizer's vocabulary) names nothing.
      if (!path.length) continue;
      const applies = (c: AliasKey) => (!c.alias.fw || c.alias.fw.includes(fid)) && !c.alias.notFw?.includes(fid);
      let candidates = idx.get(path[path.length - 1])?.filter(applies);
      // A spelling no applicable row lists, read as its nearest listed one (`train_max_steps`, `num_epoch`, `epoch`):
      // generic rows only.
      // Not for device counts: `gpu: 3` names a GPU, it does not count three.
      const guess = (c: AliasKey) => !c.alias.fw && !/^(devices|nodes)/.test(c.alias.to);
      const near = candidates?.length ? undefined : variant(path[path.length - 1], idx, guess);
      if (near) [candidates, path[path.length - 1]] = [(idx.get(near) ?? []).filter(guess), near];
      if (variable) candidates = candidates?.filter((c) => c.alias.variable);
      if (!candidates?.length) continue;
      const notTraining = (p: string) => NOT_TRAINING.test(p) && !TRAINING_GROUP.test(p);
      // A group of sampling settings (`config.sample.mini_batch_size`, a diffusion model's sampler for its FID
      // evaluation): never the training run's; the word alone stays a leaf's own (`sample_rate`, `samples_per_gpu`).
      if (path.slice(0, -1).some((p) => SAMPLING_GROUP.test(p))) continue;
      if (logged(path)) continue;
      if (path.some(notTraining)) {
        // The training run's own evaluation cadence (`eval_steps`, `evaluation_strategy`) is a training setting:
        // only its rows read such a key, and not inside a group of evaluation settings.
        candidates = candidates.filter((c) => EVALUATION_TARGETS.includes(c.alias.to));
        // A cadence named for validation in the one top-level group of validation settings (BasicSR's
        // `val: {val_freq: 5e3}`) is still the training run's.
        const cadence = path.length === 2 && CADENCE.test(path[1]) && notTraining(path[0]);
        if (!candidates.length || (!cadence && path.slice(0, -1).some(notTraining))) continue;
      }
      // The longest matching spelling of each row.
      const best = new Map<Alias, AliasKey>();
      for (const c of candidates) {
        if (!matches(path, c)) continue;
        const cur = best.get(c.alias);
        if (!cur || c.parts.length > cur.parts.length) best.set(c.alias, c);
      }
      for (const [alias, k] of best) {
        if ((alias.fw && !alias.fw.includes(fid)) || alias.notFw?.includes(fid)) continue;
        if (alias.to === 'max_steps' && rolloutLength(path)) continue;
        if ((alias.to === 'max_steps' || alias.to === 'epochs') && scheduleLength(path)) continue;
        if (set.syntax === 'python' && entry.callee && ARCH.includes(alias.to) && !CONFIG_CALL.test(entry.callee))
          continue;
        const specific = !!alias.fw && fid !== 'generic';
        const own = specific || (!!fw && alias.src.includes(fw.src));
        // Framework rows, then longer suffixes, then shallower paths, then later layers and later lines.
        const score =
          (specific ? 1000 : 0) -
          (alias.weak ? 500 : 0) +
          k.parts.length * 100 -
          path.length * 5 +
          layer * 2 +
          (path.some((p) => /train/.test(p)) ? 3 : 0);
        const list = out.get(alias.to) ?? [];
        list.push({ entry, alias, key: k.key, score, own });
        out.set(alias.to, list);
      }
    }
  });
  for (const list of out.values()) list.sort((a, b) => b.score - a.score || b.entry.span.start - a.entry.span.start);
  return out;
}
