// The configs a launch command names for the launch itself — `--deepspeed ds.json`, `accelerate launch
// --config_file x.yaml` (and the DeepSpeed JSON that YAML names) — read for a run whose script is not in the tree
// or not read by a framework reader (a launcher-only run, a launcher read through the vocabulary). Their facts sit
// under the launcher's own options (launcher flag > config file), as in the linker's `enrich`.
import * as path from 'node:path';
import { accelerateOverlay } from '../extract/accelerate-config';
import { detectFormat } from '../extract/config-detect';
import { configDoc } from '../extract/config-doc';
import { type EntrySet, readEntries } from '../extract/generic';
import { heredocFiles, type HeredocFile } from '../extract/launcher-heredoc';
import { type ConfigOverlay, deepspeedOverlay } from '../extract/deepspeed';
import type { LaunchCommand } from '../extract/launcher';
import type { Ref, RunDraft } from '../extract/run-draft';
import { lookupArchitecture } from '../../core/data/vision-audio';
import { lookupModel } from '../../core/index';
import { launcherModel } from '../extract/launcher-tools';
import { launcherForOtherWork, namedForOtherWork } from '../extract/launcher-run';
import type { FactKey, Origin, Span } from '../types';
import type { Linker } from './linker';
import { linkKind } from './reader';
import { vocabDrafts } from './vocab';
import { CONFIG_RANK, LAUNCHER_RANK, commandsOf, launcherOverlay, mergeRun } from './merge';

/** Overlays of the DeepSpeed and accelerate configs a command names (nested refs followed once). */
export function launchConfigOverlays(linker: Linker, launcher: string, cmd: LaunchCommand): ConfigOverlay[] {
  commandBase(linker, launcher, cmd);
  const out: ConfigOverlay[] = [];
  const refs: Ref[] = cmd.refs.filter((r) => r.role === 'deepspeed' || r.role === 'accelerate-config');
  const seen = new Set<string>();
  const written = heredocConfigs(linker, launcher);
  for (let k = 0; k < refs.length && k < 8; k++) {
    const ref = refs[k];
    const inline = ref.role === 'deepspeed' ? written.find((h) => samePath(h.path, ref.path)) : undefined;
    if (inline) {
      const overlay = heredocOverlay(linker.id(launcher), inline);
      if (overlay) out.push(overlay);
      continue;
    }
    const target = linker.resolve(ref.file, ref.path, ref.base);
    if (!target || seen.has(target)) continue;
    seen.add(target);
    const c = linker.config(target);
    if (c?.format === 'deepspeed') out.push(deepspeedOverlay(c.doc));
    else if (c?.format === 'accelerate') {
      const o = accelerateOverlay(c.doc);
      out.push(o);
      refs.push(...o.refs.map((r) => ({ ...r, base: path.dirname(target) })));
    } else
      linker.messages.push(
        `${ref.path} (named in ${path.basename(ref.file)}) is not a ${ref.role === 'deepspeed' ? 'DeepSpeed' : 'accelerate'} config this review can read`,
      );
  }
  return out;
}

/** A run from a launcher with the configs its command names, the launcher's own options over them. */
export function withLaunchConfigs(linker: Linker, launcher: string, cmd: LaunchCommand, draft: RunDraft): RunDraft {
  const configs = launchConfigOverlays(linker, launcher, cmd);
  const merged = mergeRun(
    draft,
    [
      ...configs.map((overlay) => ({ overlay, rank: CONFIG_RANK })),
      { overlay: launcherOverlay(launcher, cmd), rank: LAUNCHER_RANK },
    ],
    undefined,
  );
  return withLauncherModel(linker, merged, launcher, cmd);
}

/**
 * The model a launcher's flags name (`--arch resnet50`), for a run that names none itself or only through a default
 * (the script's argparse default of that flag, a framework's or the vocabulary's reading): the flag is what runs.
 */
export function withLauncherModel(linker: Linker, draft: RunDraft, launcher: string, cmd: LaunchCommand): RunDraft {
  const cur = draft.plan.facts.get('model');
  // The project's own class of a table's name (form `own-class`) yields to a flag that names a known model.
  if (cur && cur.value !== null && cur.form !== 'own-class' && (cur.origin === 'explicit' || cur.file === launcher))
    return draft;
  const known = (n: string) => !!lookupModel(n) || !!lookupArchitecture(n);
  const m = launcherModel(launcher, cmd.fields, known);
  if (!m) return draft;
  // Other commands of the launcher that run the same script with another model (`case` arms, a loop over models):
  // which one runs is not known.
  const text = linker.read(launcher);
  const others = text !== undefined ? commandsOf(launcher, text) : [];
  if (
    others.some(
      (o) => o.target?.path === cmd.target?.path && launcherModel(launcher, o.fields, known)?.value !== m.value,
    )
  )
    return draft;
  const facts = new Map(draft.plan.facts);
  facts.set('model', m);
  return { ...draft, plan: { ...draft.plan, facts } };
}

/**
 * The runs of the config files a command names (`train.py --cfg-path lavis/projects/x.yaml`) read through the
 * vocabulary, with the launcher over them: for a script no reader claims, whose settings live in that config.
 */
export function commandConfigRuns(linker: Linker, launcher: string, cmd: LaunchCommand, beside?: 'script'): RunDraft[] {
  commandBase(linker, launcher, cmd);
  const out: RunDraft[] = [];
  // The launcher's flags and `key=value` overrides over the config (`train.py base.yml steps=30`): a shell
  // launcher's own entries, read last.
  const ltext = /\.(sh|bash|zsh|slurm|sbatch)$/i.test(launcher) ? linker.read(launcher) : undefined;
  const all = ltext !== undefined ? readEntries(linker.id(launcher), ltext) : undefined;
  const flags = all && ltext !== undefined ? thisCommand(all, cmd, commandsOf(launcher, ltext)) : undefined;
  // A script or launcher named for other work (`decode.py base.yml …`, `evaluate_x.sh`) gives its config no run.
  if ((cmd.target && namedForOtherWork(cmd.target.path)) || launcherForOtherWork(launcher)) return [];
  // A config named by a flag (`--config x.yaml`) or given as the script's argument (`train.py x.yml`).
  for (const ref of cmd.refs.filter((r) => r.role === 'config' || r.role === 'hf-args').slice(0, 2)) {
    const target = linker.resolve(ref.file, ref.path, ref.base);
    const text = target ? linker.read(target) : undefined;
    if (!target || text === undefined) continue;
    // Beside a script of this tree, a config that states nothing of the training run itself (Swin-Unet's `--cfg`
    // model architecture) is not the run: the script's options are (../link: scriptVocabDrafts). Judged on the
    // config as written, before the launcher's overrides (`SOLVER.MAX_ITER 100000` replaces the config's value, it
    // does not make the config less a training config). What the config inherits is its own statement: a detectron2
    // config names its solver in the `_BASE_` file it extends (`_BASE_: "../Base-RCNN-FPN.yaml"` holding
    // `SOLVER.IMS_PER_BATCH`; yacs loads the base first: https://github.com/rbgirshick/yacs/blob/master/yacs/config.py
    // `load_cfg_from_file` with `_BASE_` handled by detectron2/config/config.py `CfgNode.load_yaml_with_base`).
    const id = linker.id(target);
    if (beside && !vocabDrafts(linker, target, text).some((d) => statesTraining(d, id))) continue;
    for (const d of vocabDrafts(linker, target, text, undefined, flags ? [flags] : undefined))
      out.push(withLaunchConfigs(linker, launcher, cmd, d));
  }
  return out;
}

/**
 * The folder a launcher's command runs in, read from where its script resolves (`internvl/train/x.py` named in
 * `shell/v2/run.sh` and found two folders up): the other relative paths of that command (`--deepspeed ds.json`)
 * are relative to the same folder. Sets it on the command's refs.
 */
export function commandBase(linker: Linker, launcher: string, cmd: LaunchCommand): string | undefined {
  const t = cmd.target;
  if (!t || t.word.unresolved || path.isAbsolute(t.path)) return undefined;
  const rel = t.kind === 'module' ? `${t.path.replace(/\./g, '/')}.py` : t.path;
  // The script, else a file with folders in its path that the command names (`--cfg-path lavis/projects/x.yaml`).
  const named = [rel, ...cmd.refs.map((r) => r.path).filter((p) => !path.isAbsolute(p) && p.includes('/'))];
  for (const p of named) {
    const found = linker.resolve(launcher, p);
    if (!found) continue;
    const base = path.resolve(found.slice(0, found.length - path.normalize(p).replace(/^\.\//, '').length));
    for (const r of cmd.refs) r.base ??= base;
    return base;
  }
  return undefined;
}

const samePath = (a: string, b: string) => path.normalize(a) === path.normalize(b);
const WEAK: Origin[] = ['assumed', 'framework-default'];
/** Settings of a training run, as a config states them. */
const TRAINING: FactKey[] = [
  'epochs',
  'max_steps',
  'micro_batch',
  'global_batch',
  'grad_accum',
  'optimizer',
  'precision',
];

/**
 * The launcher's entries that can be this command's: not those written inside another of its commands (the
 * `--eval-only … SOLVER.IMS_PER_BATCH 1` that follows the training command), whatever that command runs.
 */
function thisCommand(set: EntrySet, cmd: LaunchCommand, cmds: LaunchCommand[]): EntrySet {
  const inside = (s: Span, c: { span: Span }) => s.start >= c.span.start && s.end <= c.span.end;
  const others = cmds.filter((c) => c.span.start !== cmd.span.start && !inside(cmd.span, c));
  return { ...set, entries: set.entries.filter((e) => e.kind === 'env' || !others.some((c) => inside(e.span, c))) };
}

/**
 * Whether the config `id` states a setting of the training run, itself or in a config file it inherits (the run's
 * other config files of its own kind: its `_BASE_` chain; not a script or a framework's defaults module).
 */
function statesTraining(d: RunDraft, id: string): boolean {
  const own = new Set([id, ...d.plan.files.filter((f) => linkKind(id) === 'config' && linkKind(f) === 'config')]);
  return [...d.plan.facts.values()].some(
    (f) => !!f.file && own.has(f.file) && TRAINING.includes(f.key) && f.value !== null && !WEAK.includes(f.origin),
  );
}

function heredocConfigs(linker: Linker, launcher: string): HeredocFile[] {
  const text = linker.read(launcher);
  return text && /\.(sh|bash|zsh|slurm|sbatch)$/i.test(launcher) ? heredocFiles(text) : [];
}

/** The facts of a DeepSpeed config written by the launcher, placed on its body there (no in-place edits). */
function heredocOverlay(launcher: string, h: HeredocFile): ConfigOverlay | undefined {
  const doc = configDoc(`${launcher}#${h.path}.json`, h.text);
  if (!doc || detectFormat(doc) !== 'deepspeed') return undefined;
  const o = deepspeedOverlay(doc);
  const facts = o.facts.map((f) => ({
    ...f,
    file: launcher,
    span: h.span,
    note: `${f.note ?? ''} (in the config ${path.basename(h.path)} this launcher writes)`,
  }));
  return {
    file: launcher,
    facts,
    refs: [],
    relevantSpans: facts.map((f) => ({ file: launcher, span: h.span, key: f.key })),
    edit: () => undefined,
  };
}

/** The DeepSpeed config a launcher writes itself under the path `ref` names, as an overlay (see launcher-heredoc). */
export function writtenConfig(linker: Linker, launcher: string, ref: Ref): ConfigOverlay | undefined {
  const h = heredocConfigs(linker, launcher).find((x) => samePath(x.path, ref.path));
  return h ? heredocOverlay(linker.id(launcher), h) : undefined;
}
