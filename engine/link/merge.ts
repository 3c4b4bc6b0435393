// Merging the layers of one run by rank (launcher flag > config file > script explicit > script default > setting >
// framework default > assumed), each fact remembering which layer set it so edits go to that layer.

import * as path from 'node:path';
import { extractAxolotl } from '../extract/axolotl';
import { ConfigFormat } from '../extract/config-detect';
import { ConfigDoc } from '../extract/config-doc';
import { ConfigOverlay } from '../extract/deepspeed';
import { LaunchCommand, parseLauncher } from '../extract/launcher';
import { extractLightningCli } from '../extract/lightning-cli';
import { extractWandbSweep } from '../extract/wandb-sweep';
import { extractLlamaFactory } from '../extract/llamafactory';
import { RunDraft } from '../extract/run-draft';
import { dstackCommands } from '../extract/dstack';
import { azuremlCommands } from '../extract/azureml';
import { mosaicmlCommands } from '../extract/mosaicml';
import { kubernetesCommands } from '../extract/kubernetes';
import { skypilotCommands } from '../extract/skypilot';
import { extractTorchtune } from '../extract/torchtune';
import { Fact, FactKey, FactValue, OffsetEdit, Origin, RunPlan } from '../types';
import { linkKind } from './reader';
import { optimizerValue } from '../vocabulary/optimizers';
import { launchedPrecision } from '../extract/precision-flags';

export const RANK: Record<Origin, number> = {
  assumed: 0,
  'framework-default': 1,
  inferred: 1.5,
  setting: 2,
  'script-default': 3,
  explicit: 4,
};
export const CONFIG_RANK = 5;
export const LAUNCHER_RANK = 6;

/** Shell launchers, and YAML files that may be SkyPilot tasks (their `run:` script launches). */
export const isLauncherName = (name: string) => linkKind(name) === 'shell' || /\.ya?ml$/i.test(name);

/** The commands a launcher runs: a shell script's, a SkyPilot task's `run:`, a dstack task's `commands:`, a Kubernetes manifest's containers, an Azure ML command job's `command:`, a MosaicML run's `command:` (none for other YAML). */
export function commandsOf(file: string, text: string, preset?: Map<string, string>): LaunchCommand[] {
  if (linkKind(file, text) === 'shell') return parseLauncher(file, text, preset);
  return (
    skypilotCommands(file, text) ??
    dstackCommands(file, text) ??
    kubernetesCommands(file, text) ??
    azuremlCommands(file, text) ??
    mosaicmlCommands(file, text) ??
    []
  );
}

/** Devices, hardware and launch-time precision from a launcher command. */
export function launcherOverlay(file: string, cmd: LaunchCommand): ConfigOverlay {
  return {
    file,
    facts: cmd.facts,
    envFacts: cmd.envFacts,
    refs: [],
    relevantSpans: [...cmd.facts, ...cmd.envFacts]
      .filter((f) => f.span)
      .map((f) => ({ file, span: f.span!, key: f.key })),
    edit: (changes) => {
      const keys = Object.keys(changes);
      if (keys.length !== 1 || keys[0] !== 'precision') return undefined;
      return cmd.editEnv?.(changes.precision!);
    },
  };
}

/** Owner of a fact set by a launcher flag for which no text edit is offered. */
const NO_EDITOR = -2;

/** The argparse dest a script-default fact came from, read from its note ("default of argparse --batch-size"). */
/** Merges overlays into a run by rank, each fact remembering which layer set it, and routes edits to that layer. */
function argparseDest(note: string | undefined): string | undefined {
  // A parameter of the function `fire.Fire(main)` exposes ("default of main(max_len=256)"): fire makes every
  // parameter a `--name` flag (https://github.com/google/python-fire/blob/master/docs/guide.md).
  const m = note ? (/default of argparse --([\w-]+)/.exec(note) ?? /default of \w+\((\w+)=/.exec(note)) : null;
  return m ? m[1].replace(/-/g, '_') : undefined;
}

/** The other argparse options a script-default fact's note says its value was computed from. */
function otherDests(note: string | undefined, dest: string): string[] {
  const all = [...(note ?? '').matchAll(/default of argparse --([\w-]+)/g)].map((m) => m[1].replace(/-/g, '_'));
  return all.filter((d) => d !== dest);
}

/** The switch an off-by-default save waits for, from its note ("… runs only when --save_model is given"). */
function switchDest(f: Fact): string | undefined {
  const m = f.key === 'periodic_save' ? /runs only when --([\w-]+) is given/.exec(f.note ?? '') : null;
  return m ? m[1].replace(/-/g, '_') : undefined;
}

export function mergeRun(
  draft: RunDraft,
  overlays: { overlay: ConfigOverlay; rank: number }[],
  launch?: LaunchCommand,
  schemaEdit?: ConfigOverlay['edit'],
): RunDraft {
  const base = draft.plan;
  const facts = new Map<FactKey, Fact>(base.facts);
  const owner = new Map<FactKey, number>();
  const rankOf = (k: FactKey) =>
    owner.has(k) ? overlays[owner.get(k)!].rank : RANK[facts.get(k)?.origin ?? 'assumed'];
  const put = (f: Fact, i: number, rank: number) => {
    if (!facts.has(f.key) || rank >= rankOf(f.key)) {
      facts.set(f.key, f);
      owner.set(f.key, i);
    }
  };
  overlays.forEach(({ overlay, rank }, i) => overlay.facts.forEach((f) => put(f, i, rank)));
  // ACCELERATE_MIXED_PRECISION (accelerate launch / accelerate config) reaches the run only where the framework
  // reads it: HF TrainingArguments unless bf16/fp16 is on; Accelerator() unless mixed_precision is passed.
  const current = facts.get('precision');
  const envApplies =
    draft.envPrecision !== 'never' &&
    !owner.has('precision') &&
    (!current ||
      current.origin === 'framework-default' ||
      current.origin === 'assumed' ||
      (draft.envPrecision === 'unless-mixed' &&
        current.value !== null &&
        !(typeof current.value === 'string' && /bf16|fp16|fp8/.test(current.value))));
  if (envApplies) overlays.forEach(({ overlay, rank }, i) => (overlay.envFacts ?? []).forEach((f) => put(f, i, rank)));
  // An Accelerator() whose script shows reduced-precision code this review does not read (a bfloat16 cast, a string
  // that names mixed_precision=): the launch's bf16/fp16/fp8 still makes the Accelerator autocast in that dtype.
  else if (draft.envPrecision === 'if-unset' && !owner.has('precision') && current?.value === null)
    overlays.forEach(({ overlay, rank }, i) =>
      (overlay.envFacts ?? [])
        .filter((f) => f.key === 'precision' && typeof f.value === 'string' && /^(bf16|fp16|fp8)$/.test(f.value))
        .forEach((f) => put(f, i, rank)),
    );
  // A fully visible command line that sets no precision: the framework default is what runs, not a guess.
  const p = facts.get('precision');
  if (
    p?.origin === 'assumed' &&
    !owner.has('precision') &&
    launch &&
    launch.complete &&
    (draft.fromParser || draft.envPrecision === 'if-unset') &&
    !launch.accelerate
  ) {
    facts.set('precision', {
      ...p,
      origin: 'framework-default',
      note: `${(p.note ?? '').split(' — ')[0]} (the launcher ${path.basename(launch.file)} sets no precision)`,
    });
  } else if (p?.origin === 'assumed' && !owner.has('precision') && draft.anchor && draft.fromParser) {
    facts.set('precision', {
      ...p,
      origin: 'framework-default',
      note: `${(p.note ?? '').split(' — ')[0]} (all arguments come from ${path.basename(draft.anchor.file)}, which sets neither)`,
    });
  }
  // A plain argparse script (loop, Lightning, Keras, JAX…): a launcher flag replaces the default it names
  // (`--epochs 2` over `add_argument("--epochs", default=9)`). HF scripts map their flags through `draft.flags`.
  // An HF script's sequence length read outside TrainingArguments (a tokenizer's or its data code's `max_length`
  // from the script's own option) is replaced the same way; its other options map through `draft.flags`.
  if (launch && draft.kind !== 'lightning-cli' && !draft.rebuild) {
    for (const [k, f] of facts) {
      if (draft.kind === 'hf' && k !== 'seq_len') continue;
      const dest =
        f.origin === 'script-default' || f.origin === 'inferred' ? (argparseDest(f.note) ?? switchDest(f)) : undefined;
      const given = dest ? launch.fields.get(dest) : undefined;
      // A default the script computes from other options' defaults (`args.epochs = epoches[args.dataset.lower()]`):
      // a launcher that gives one of those options picks another value, not read here.
      const from = !given && dest ? otherDests(f.note, dest).find((d) => launch.fields.get(d)) : undefined;
      if (from) {
        facts.set(k, {
          ...f,
          value: null,
          note: `${f.note} — --${from} on ${path.basename(launch.file)} changes it (value not readable here)`,
        });
        continue;
      }
      if (!given) continue;
      // A mixed-precision switch the script declares off (`--amp`) given on the command line, or a precision named
      // for the option the script's precision is read from (`--mixed_precision fp16`): ../extract/precision-flags.
      const switchOn = k === 'precision' ? launchedPrecision(f, dest ?? '', given, launch.fields) : undefined;
      // A default the script leaves unset (a required option: null) takes the launcher's number or switch.
      // A switch written as a number (`--grad_cp 1`) is on when not 0.
      const v = typeof f.value === 'boolean' && typeof given.value === 'number' ? given.value !== 0 : given.value;
      const typed = f.value === null ? typeof v === 'number' : typeof v === typeof f.value;
      // A save behind a switch the launcher gives: it saves, at a cadence this review does not read from the flag.
      const plain = switchOn ?? (v === undefined || !typed || k === 'precision' || switchDest(f) ? null : v);
      // An optimizer named on the command line (`--optim AdamW`), in the fact's spelling.
      const value = k === 'optimizer' && typeof plain === 'string' ? optimizerValue(plain) : plain;
      facts.set(k, {
        ...f,
        value,
        // A value whose meaning only its name says stays inferred.
        origin: f.origin === 'inferred' ? 'inferred' : 'explicit',
        file: given.file,
        span: given.span,
        note: `${given.text} on ${path.basename(launch.file)} overrides the script's default${value === null ? ' (value not readable here)' : ''}`,
      });
      owner.set(k, NO_EDITOR);
    }
  }
  // A value written in a branch a flag selects (`padding="max_length"` in the `else:` of `if args.data_packing:`):
  // not the run's when the launcher gives the flag the branch excludes, or (every argument visible) leaves out the
  // flag it needs.
  if (launch)
    for (const [k, f] of facts) {
      if (!f.branch) continue;
      const given = launch.fields.has(f.branch.flag);
      if (given !== f.branch.given && (given || launch.complete)) facts.delete(k);
    }
  // A switch that is off unless its flag is given (any kind of script): the launcher that gives the flag turns it on;
  // one that passes arguments this review cannot read (`$EXTRA_ARGS`, `"$@"`) leaves it unknown.
  if (launch)
    for (const [k, f] of facts) {
      const flag =
        f.origin === 'script-default' && f.value === false
          ? /runs only when --([\w-]+) is given/.exec(f.note ?? '')
          : null;
      if (!flag) continue;
      const given = launch.fields.get(flag[1]) ?? launch.fields.get(flag[1].replace(/_/g, '-'));
      if (given && given.value !== false) {
        facts.set(k, {
          ...f,
          value: true,
          origin: 'explicit',
          file: given.file,
          span: given.span,
          note: `${given.text} on ${path.basename(launch.file)} turns it on`,
        });
        owner.set(k, NO_EDITOR);
      } else if (!given && !launch.complete)
        facts.set(k, {
          ...f,
          value: null,
          note: `${f.note}; ${path.basename(launch.file)} passes arguments not read here`,
        });
    }
  // The global batch a script's defaults make (the dividend of its accumulation arithmetic), under a launcher that
  // passes arguments not read here (`"$@"`): any of the sizes it is made of may be set there.
  const global = facts.get('global_batch');
  if (launch && !launch.complete && global?.origin === 'script-default' && typeof global.value === 'number')
    facts.set('global_batch', {
      ...global,
      value: null,
      note: `${global.note}; ${path.basename(launch.file)} passes arguments not read here`,
    });
  // Every argument is visible (a complete command line, or one arguments file): the defaults are not guesses.
  if (draft.fromParser && ((launch && launch.complete && !launch.accelerate) || draft.anchor)) {
    for (const [k, f] of facts)
      if (f.note?.includes(' — HfArgumentParser arguments'))
        facts.set(k, { ...f, note: f.note.split(' — HfArgumentParser arguments')[0] });
  }
  const home = draft.anchor?.file ?? base.entry.file;
  const files = [
    ...new Set([
      ...base.files,
      ...overlays.map((o) => o.overlay.file),
      ...[...facts.values()].map((f) => f.file).filter((f): f is string => !!f),
    ]),
  ];
  const plan: RunPlan = {
    ...base,
    files,
    facts,
    relevantSpans: [...base.relevantSpans, ...overlays.flatMap((o) => o.overlay.relevantSpans)],
    edit: (changes) => {
      const groups = new Map<number, Partial<Record<FactKey, FactValue>>>();
      for (const [k, v] of Object.entries(changes) as [FactKey, FactValue][]) {
        const o = owner.get(k) ?? -1;
        groups.set(o, { ...(groups.get(o) ?? {}), [k]: v });
      }
      const edits: OffsetEdit[] = [];
      for (const [o, subset] of groups) {
        if (o === NO_EDITOR) return undefined;
        const e =
          o === -1
            ? (base.edit?.(subset) ?? (draft.anchor ? schemaEdit?.(subset) : undefined))
            : overlays[o].overlay.edit(subset);
        if (!e) return undefined;
        edits.push(...e);
      }
      // A quick fix edits one document: the one where the finding about these facts is shown.
      const filesEdited = new Set(edits.map((e) => e.file));
      if (filesEdited.size > 1) return undefined;
      const where = new Set(
        Object.keys(changes).map(
          (k) => (facts.get(k as FactKey)?.span ? facts.get(k as FactKey)!.file : undefined) ?? home,
        ),
      );
      if (edits.length && !where.has(edits[0].file)) return undefined;
      return edits;
    },
  };
  return { ...draft, plan };
}

/** The run a config file defines by itself (axolotl, LLaMA-Factory, torchtune, Lightning CLI). */
export function primaryRun(doc: ConfigDoc, format: ConfigFormat): RunDraft | undefined {
  switch (format) {
    case 'axolotl':
      return extractAxolotl(doc);
    case 'llamafactory':
      return extractLlamaFactory(doc);
    case 'torchtune':
      return extractTorchtune(doc);
    case 'lightning-cli':
      return extractLightningCli(doc);
    case 'wandb-sweep':
      return extractWandbSweep(doc);
    default:
      return undefined;
  }
}
