// A launcher whose script is not in this tree (a cluster job script kept apart from the code, a `-m package.train`
// module installed elsewhere): the run is still what the launcher says — devices and hardware from the launcher and
// the scheduler, precision, batch, epochs or steps from flags whose meaning does not depend on the script — with a
// note that the script was not found, so everything else is unknown, not guessed from a script nobody read.
import * as path from 'node:path';
import type { Fact, FactKey, FactValue } from '../types';
import { bool, fact, int, type Field } from './fields';
import { HF_SCHEMA } from './hf-fields';
import type { LaunchCommand } from './launcher';
import { lightningPrecision } from './lightning';
import type { RunDraft } from './run-draft';
import { ALIASES } from '../vocabulary/aliases';
import { acOf } from '../vocabulary/values';

/**
 * Flags that mean the same in the training scripts that take them (HF TrainingArguments names are read by
 * HF_SCHEMA first). Names after `-` → `_`. Megatron-LM `--micro-batch-size`, `--train-iters`, `--seq-length`
 * (megatron/training/arguments.py); diffusers/accelerate examples `--train_batch_size` (per device),
 * `--mixed_precision`; Lightning-style `--precision`; nanoGPT/timm-style `--batch_size`, `--epochs`.
 */
const NUMERIC_FLAGS: [string, FactKey][] = [
  ['micro_batch_size', 'micro_batch'],
  ['train_batch_size', 'micro_batch'],
  ['per_gpu_train_batch_size', 'micro_batch'],
  ['batch_size', 'micro_batch'],
  ['train_iters', 'max_steps'],
  ['max_iters', 'max_steps'],
  ['max_train_steps', 'max_steps'],
  ['epochs', 'epochs'],
  ['num_epochs', 'epochs'],
  ['max_epochs', 'epochs'],
  ['seq_length', 'seq_len'],
  ['seq_len', 'seq_len'],
  ['max_seq_len', 'seq_len'],
  ['grad_accum_steps', 'grad_accum'],
  ['save_interval', 'save_steps'],
  ['workers', 'num_workers'],
  ['num_workers', 'num_workers'],
];

const MIXED: Record<string, string> = { no: 'fp32', fp32: 'fp32', fp16: 'fp16', bf16: 'bf16', fp8: 'fp8' };

/** Names a training entry point is often given; other scripts (evaluation, data preparation) are not runs. */
const TRAINING = /(train|finetun|fine_tun|pretrain|sft|dpo|ppo|grpo|rlhf|distill|fit)/i;
// `validate.py` checks a checkpoint (timm's validate.py, https://huggingface.co/docs/timm/training_script); a k-fold
// `cross_validation.py` trains.
const NOT_TRAINING =
  /(eval|infer|generat|predict|preprocess|prepare|download|convert|export|serve|benchmark|bench|test|setup|extract|decode|score|recogni[sz]e|transcribe|(?<!cross[_-]?)validat)/i;

const TRAINING_FLAGS = [
  'epochs',
  'num_epochs',
  'max_epochs',
  'num_train_epochs',
  'max_steps',
  'max_iters',
  'train_iters',
];

/** True when a launcher's own name says it trains (`train.sh`, `run_sft.sh`) and not other work. */
export const launcherForTraining = (launcher: string) =>
  TRAINING.test(path.basename(launcher)) && !launcherForOtherWork(launcher);

/** True when a script's name says it does something else than training (`eval_assert.py`, `extract.py`). */
export const namedForOtherWork = (script: string) => {
  const name = path.basename(script);
  // A script in a tests/ or eval/ folder (`MaxText/tests/forward_pass_logit_checker.py`) checks a model.
  const folder = /(^|[\\/])(tests?|evals?|evaluation|inference)[\\/]/i.test(script);
  return (NOT_TRAINING.test(name) || folder) && !TRAINING.test(name);
};

/**
 * True when a launcher's own name says it evaluates, serves or converts (`evaluate_zeroshot_gpt.sh`,
 * `run_text_generation_server.sh`); narrower than for scripts: `test_convergence.sh` trains.
 */
export const launcherForOtherWork = (launcher: string) => {
  const name = path.basename(launcher);
  return LAUNCHER_OTHER_WORK.test(name) && !TRAINING.test(name);
};
const LAUNCHER_OTHER_WORK =
  /(eval|infer|generat|predict|serv|decode|export|convert|extract|download|preprocess|prepare|(?<!cross[_-]?)validat)/i;

/** True when a command that starts a script not in the tree looks like a training launch. */
export function looksLikeTraining(cmd: LaunchCommand): boolean {
  // A module (`-m pkg.training.helpers.prefetch_weights`) is named by its last part, not by the packages above it.
  const target = cmd.target?.path ?? '';
  const name = cmd.target?.kind === 'module' ? (target.split('.').pop() ?? target) : path.basename(target);
  if (NOT_TRAINING.test(name)) return false;
  if (TRAINING.test(name)) return true;
  // `evaluate_zeroshot_gpt.sh` starting `tasks/main.py`: the launcher's own name says what the script does.
  if (launcherForOtherWork(cmd.file)) return false;
  // `python main.py --epochs 90`: a script of any name given a run length is a training launch.
  if (TRAINING_FLAGS.some((f) => cmd.fields.has(f))) return true;
  // `torchrun main.py`, `deepspeed run.py`: a multi-device launcher starts training unless the name says otherwise,
  // but only when it also passes a setting this review reads.
  // A scheduler's job given accelerators (a Kubernetes Job asking for GPUs or TPU cores) is a launch too.
  return (cmd.tool !== 'python' || cmd.scheduled === true) && cmd.facts.some((f) => f.key === 'devices');
}

/**
 * `script`: the script when it is in the tree but no reader finds a training run in it (read from the launcher).
 * `unnamed`: the script is the caller's argument (`accelerate launch --config_file x.yaml $1` in a launcher named for
 * training, ../link/launched-run): the run is what the launcher states.
 */
export function launcherOnlyRun(
  file: string,
  cmd: LaunchCommand,
  script?: string,
  unnamed = false,
): RunDraft | undefined {
  // A config target is a run only for the tools whose command is a training recipe (`tune run`, `axolotl train`,
  // `llamafactory-cli train`): a SkyPilot task whose config is mounted from elsewhere still launches training.
  const recipe = cmd.tool === 'tune' || cmd.tool === 'axolotl' || cmd.tool === 'llamafactory';
  if (!cmd.target || (cmd.target.kind === 'config' && !recipe)) return undefined;
  if (!unnamed && (cmd.target.word.unresolved || !looksLikeTraining(cmd))) return undefined;
  const facts = new Map<FactKey, Fact>();
  const put = (f: Fact) => {
    if (!facts.has(f.key)) facts.set(f.key, f);
  };
  for (const f of cmd.facts) put(f);
  for (const f of HF_SCHEMA.toFacts(cmd.fields, { complete: false })) put(f);
  for (const [name, key] of NUMERIC_FLAGS) {
    const f = cmd.fields.get(name);
    if (f) put(fact(key, int(f.value) ?? null, f));
  }
  for (const f of vocabularyFlags(cmd)) put(f);
  const precision = precisionFlag(cmd);
  if (precision) put(precision);
  for (const f of cmd.envFacts) put(f);
  const where = cmd.target.word;
  return {
    plan: {
      framework: `${cmd.tool} launch`,
      entry: {
        file,
        span: cmd.span,
        label: unnamed
          ? `${cmd.tool} ${cmd.target.path} (the script is the caller's argument: read from the launcher)`
          : script
            ? `${cmd.tool} ${cmd.target.path} (no training loop read in the script: read from the launcher)`
            : `${cmd.tool} ${cmd.target.path} (${cmd.target.kind === 'config' ? 'config' : 'script'} not found: read from the launcher only)`,
      },
      files: script ? [file, script] : [file],
      facts,
      relevantSpans: [...facts.values()].flatMap((f) => (f.span ? [{ file, span: f.span, key: f.key }] : [])),
      edit: undefined,
    },
    kind: 'launcher',
    // `accelerate launch` puts its mixed precision in the environment of whatever script it starts (Accelerator and
    // the HF Trainer read ACCELERATE_MIXED_PRECISION unless the script sets one): for a script the caller names.
    envPrecision: unnamed && cmd.accelerate ? 'if-unset' : 'never',
    openEnded: true,
    refs: cmd.refs,
    anchor: { file, span: where.span },
  };
}
/**
 * The per-device batch, sequence length, loader workers, activation checkpointing and accumulation from flags the
 * shared vocabulary lists for any framework (`--micro_bsz 16`, `--ctx_len 512`, `--grad_cp 1`, `--accum-freq 32`):
 * `inferred`, since no reader of the script says what they mean. A one-word spelling of a generic row, not a weak
 * one; of the batches, a per-device one or a flag that calls itself global (`--global-batch-size 512`: not
 * `--total_batch_size`, which counts tokens in nanoGPT-style scripts).
 */
const VOCAB_FLAG_KEYS: FactKey[] = ['micro_batch', 'seq_len', 'num_workers', 'grad_checkpointing', 'grad_accum'];
const VOCAB_FLAGS = new Map(
  ALIASES.filter(
    (a) =>
      !a.fw &&
      !a.weak &&
      (VOCAB_FLAG_KEYS.includes(a.to as FactKey) || a.to === 'global_batch') &&
      (a.to !== 'micro_batch' || a.scope === 'per-device'),
  ).flatMap((a) =>
    a.keys
      .filter((k) => /^[a-z_]+$/.test(k) && (a.to !== 'global_batch' || /^global_/.test(k)))
      .map((k) => [k, a] as const),
  ),
);
function vocabularyFlags(cmd: LaunchCommand): Fact[] {
  const out: Fact[] = [];
  for (const [name, f] of cmd.fields) {
    const row = VOCAB_FLAGS.get(name.replace(/-/g, '_').toLowerCase());
    if (!row) continue;
    const value = row.read === 'ac' ? acOf(f.value) : int(f.value);
    out.push({
      ...fact(row.to as FactKey, value ?? null, f),
      origin: 'inferred',
      note: `inferred from the flag ${f.text}: read as ${row.to} in the shared vocabulary`,
    });
  }
  return out;
}

/** `--bf16`, `--fp16`, `--mixed_precision bf16`, `--precision bf16-mixed`, `--amp` (when HF_SCHEMA did not decide). */
function precisionFlag(cmd: LaunchCommand): Fact | undefined {
  const f = (n: string): Field | undefined => cmd.fields.get(n);
  const mp = f('mixed_precision');
  if (mp && typeof mp.value === 'string') return fact('precision', MIXED[mp.value.toLowerCase()] ?? null, mp);
  const p = f('precision');
  if (p && p.value !== undefined) {
    const v = lightningPrecision(p.value as FactValue) ?? MIXED[String(p.value).toLowerCase()];
    return fact('precision', v ?? null, p, `${p.text}${v ? '' : ' (value unknown)'}`);
  }
  const amp = f('amp') ?? f('use_amp');
  if (amp && bool(amp.value) === true)
    return fact('precision', null, amp, `${amp.text}: mixed precision, fp16 or bf16 decided by the script`);
  return undefined;
}

// An epoch save a script runs only when a switch is given (`if args.output_dir and args.save_ckpt:` with `output_dir`
// defaulting to ''): off in the script's default run (../link/imports-merge.ts, ./python-loop.ts say so in the fact's
// note), on in a run whose command line gives the switch or whose submitit launcher sets it in code.
const SWITCHED = /in the (?:epoch loop|loop around \S+) runs only when --([\w-]+) is given/;

/** The switch an epoch save waits for, from the fact's note. */
const switchOf = (f: Fact | undefined) => (f?.value === 'no' ? SWITCHED.exec(f.note ?? '')?.[1] : undefined);

/** The command gives the switch (`--output_dir ./out`): the run saves every epoch. */
export function switchGiven(d: RunDraft, cmd: LaunchCommand): RunDraft {
  const f = d.plan.facts.get('periodic_save');
  const name = switchOf(f);
  const given = name ? cmd.fields.get(name.replace(/-/g, '_')) : undefined;
  if (!f || !given || given.value === false || given.value === '' || given.value === 0) return d;
  d.plan.facts.set('periodic_save', {
    ...f,
    value: 'epoch',
    origin: 'explicit',
    file: given.file,
    span: given.span,
    note: `${f.note?.replace(/ runs only when .*$/, '')} — ${given.text} on the command line`,
  });
  return d;
}

/** A submitit launcher sets the switch in its own code (`args.output_dir = args.job_dir`): the run saves every epoch. */
export function switchedOn(d: RunDraft, text: string, file: string): RunDraft {
  const f = d.plan.facts.get('periodic_save');
  const name = switchOf(f);
  const at = name ? new RegExp(`\\bargs\\.${name}\\s*=[^=]`).exec(text) : null;
  if (!f || !name || !at) return d;
  d.plan.facts.set('periodic_save', {
    key: 'periodic_save',
    value: 'epoch',
    origin: 'explicit',
    file,
    span: { start: at.index, end: at.index + at[0].length - 1 },
    note: `${f.note?.replace(/ runs only when .*$/, '')} — the launcher sets args.${name}`,
  });
  return d;
}
