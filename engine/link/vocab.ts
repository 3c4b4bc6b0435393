// The generic reader and the vocabulary in the linker: a file's entries with those of the base configs it inherits
// (detectron2 `_BASE_`, mmengine `_base_`, gin `include`; read through the FileReader, at most three levels), and
// the run they make when no framework reader claims the file.
import { withParallelDevices } from './parallel-devices';
import * as path from 'node:path';
import { readEntries, type Entry, type EntrySet } from '../extract/generic';
import { typedValue } from '../extract/fields';
import type { LaunchCommand } from '../extract/launcher';
import { ValueResolver } from '../extract/python-values';
import { pythonHints } from '../extract/python-hints';
import { optimizerFact } from '../extract/python-optimizer';
import { builtModelFact } from '../extract/python-model';
import { VISION_CALLS, visionFacts } from '../extract/python-vision';
import { DEVICE_CALLS, pythonDeviceFacts } from '../extract/python-devices';
import { findCalls, literal, spanOf } from '../parse/python-syntax';
import { vocabRun } from '../extract/vocab-run';
import { detectFramework } from '../vocabulary/frameworks';
import { isSettingsModule, isTestModule, trainingEvidence, TRAINS_AT } from '../extract/python-trains';
import { statedDevices } from '../extract/python-trains-run';
import { callLoopSaves, updateLoopFacts } from '../extract/update-loop';
import { namedForOtherWork } from '../extract/launcher-run';
import type { RunDraft } from '../extract/run-draft';
import type { Tree } from '../parse/python';
import type { Linker } from './linker';
import { commandsOf } from './merge';
import { cachedTree } from './tree-cache';
import { withLaunchConfigs } from './launch-refs';
import { sourcedVars } from './wrapper';

const MAX_BASE_DEPTH = 3;
/** Code that evaluates or predicts: a file with it and no training code is not a run, whatever settings it reads. */
const INFERENCE = /\bno_grad\b|inference_mode|\.eval\(\)|\.predict\(|\.generate\(|\bevaluate\(/;

/** Entry sets of a file, its bases first; `complete` is false when a base could not be read. */
export function entrySets(
  linker: Linker,
  file: string,
  text: string,
  tree?: Tree,
): { sets: EntrySet[]; complete: boolean } {
  let complete = true;
  const seen = new Set<string>();
  const load = (f: string, t: string, own: Tree | undefined, depth: number): EntrySet[] => {
    const abs = path.resolve(f);
    if (seen.has(abs)) return [];
    seen.add(abs);
    let tr = own;
    if (!tr && /\.pyi?$/i.test(f) && linker.parser) tr = cachedTree(abs, t, linker.parser);
    const set = readEntries(
      linker.id(f),
      t,
      tr,
      /\.(sh|bash|zsh|slurm|sbatch)$/i.test(f) ? sourcedVars(linker, f, t) : undefined,
    );
    if (!set) return [];
    const bases: EntrySet[] = [];
    for (const b of set.bases) {
      const target =
        depth < MAX_BASE_DEPTH
          ? [b.path, ...(b.alt ?? [])].map((p) => linker.resolve(f, p)).find((t) => t !== undefined)
          : undefined;
      const bt = target ? linker.read(target) : undefined;
      if (!target || bt === undefined) {
        // A dataset or model definition (OpenMMLab's `_base_/datasets/…`, `_base_/models/…`) sets no precision or
        // accumulation: the framework defaults still hold without it.
        complete &&= b.optional === true || /(^|\/)(datasets?|models?)\/[^/]+$/.test(b.path);
        continue;
      }
      const loaded = load(target, bt, undefined, depth + 1);
      const prefix = b.prefix ?? [];
      bases.push(
        ...(prefix.length
          ? loaded.map((s) => ({ ...s, entries: s.entries.map((e) => ({ ...e, path: [...prefix, ...e.path] })) }))
          : loaded),
      );
    }
    return [...bases, set];
  };
  return { sets: load(file, text, tree, 0), complete };
}

/** Words of training settings and config frameworks: a Python file without a few of them is not read generically. */
const TRAINING_WORDS =
  /\b(batch_size|micro_batch_size|global_batch_size|train_batch_size|ims_per_batch|total_batch_size|samples_per_gpu|batch|epochs|num_epochs|max_epochs|num_train_epochs|max_iter|max_iters|max_steps|train_steps|train_iters|num_train_steps|iterations_per_loop|learning_rate|base_lr|lr|gradient_accumulation_steps|amp|half_precision|mixed_precision|bf16|fp16|precision|imgsz|_base_|train_cfg|optim_wrapper)\b/gi;
const TRAINING_PARTS = new RegExp(`(?<![A-Za-z0-9])(${TRAINING_WORDS.source.slice(3, -3)})(?![A-Za-z0-9])`, 'gi');
const CONFIG_IMPORTS =
  /^\s*(from|import)\s+(ultralytics|detectron2|mmengine|mmdet|mmcv|mmpretrain|ml_collections|yacs|timm|composer|olmo_core|ding)\b/m;

/** True when a Python file may be a training config worth the generic reader's walk (which costs a few ms per 1,000 lines). */
export function mayBeConfig(text: string, settingsModule = false): boolean {
  // OpenMMLab configs that only inherit (`_base_ = [...]`) are configs by construction.
  if (CONFIG_IMPORTS.test(text) || /^_base_\s*=/m.test(text)) return true;
  // A `get_config()` built on another module's config builder (ml_collections style): read with that base.
  if (/^def get_config\b/m.test(text) && /^from\s+\S+\s+import\s+.*\bget_\w*config/m.test(text)) return true;
  const seen = new Set<string>();
  for (const m of text.matchAll(TRAINING_WORDS)) if (seen.add(m[1].toLowerCase()).size >= 3) return true;
  // Words inside longer keys (`__C.TRAIN.BATCH_SIZE`, `WARMUP_EPOCHS`, `actor_lr`) in a module that only sets values
  // (a script's `--use_amp` flag beside two settings is no config).
  if (settingsModule)
    for (const m of text.matchAll(TRAINING_PARTS)) if (seen.add(m[1].toLowerCase()).size >= 3) return true;
  return false;
}

/** The vocabulary's run of a file no framework reader claimed (a config alone, a launcher whose script is elsewhere). */
export function vocabDrafts(
  linker: Linker,
  file: string,
  text: string,
  tree?: Tree,
  overlays?: EntrySet[],
  /** False for a script's run seen from one launcher: the launchers beside the script are not that launcher. */
  withLaunchers = true,
): RunDraft[] {
  const py = /\.pyi?$/i.test(file);
  if (py && !tree && linker.parser) tree = cachedTree(path.resolve(file), text, linker.parser);
  // Does the Python file train, whatever its library (../extract/python-trains)?
  const evidence = py && tree ? trainingEvidence(tree, text) : undefined;
  const settings = !!tree && isSettingsModule(tree.rootNode);
  if (py && !mayBeConfig(text, settings) && !(evidence && evidence.code >= TRAINS_AT)) return [];
  if (py && isTestModule(text)) return [];
  const { sets, complete } = entrySets(linker, file, text, tree);
  const python =
    evidence && tree
      ? {
          evidence,
          settingsModule: settings,
          declares: /\badd_argument\s*\(|^@(dataclasses\.)?dataclass\b|\bDEFINE_\w+\s*\(/m.test(text),
          inference: INFERENCE.test(text),
          text,
        }
      : undefined;
  const d = vocabRun(sets, { basesComplete: complete, overlays, python });
  if (!d) return [];
  // torchtitan: devices = the product of the parallel degrees, when the shard degree is written (./parallel-devices).
  withParallelDevices([...sets, ...(overlays ?? [])], d);
  // An option a launcher beside the script gives (or arguments it passes unread) does not keep its default.
  const given = (name: string) =>
    !!overlays?.length ||
    linker
      .launchersOf(file)
      .some((l) => !l.cmd.complete || [...l.cmd.fields.keys()].some((k) => k.replace(/-/g, '_') === name));
  if (tree && python) statedDevices(linker.id(file), text, tree, d.plan.facts, [], given);
  // A script whose settings are ml_collections flags runs its own loop too (jaxrl's `agent.update(batch)`).
  if (tree && python && evidence && (d.plan.framework === 'config' || d.plan.framework === 'mlcollections')) {
    updateLoopFacts(linker.id(file), tree, text, evidence, d.plan.facts);
    callLoopSaves(linker.id(file), tree, text, evidence, d.plan.facts);
  }
  // Said on the run (CodeLens, plan), not as a file error: an include outside the workspace is normal.
  if (!complete) d.plan.entry.label += ' — a base config it inherits could not be read: no framework defaults applied';
  // A training script read through the vocabulary (Composer's Trainer) builds its model like any other script:
  // torchvision / timm / Keras constructors name the architecture (../extract/python-vision).
  if (tree) ownDevices(linker.id(file), text, tree, d);
  if (tree && !d.plan.facts.has('model')) {
    const calls = findCalls(tree.rootNode, text, [...VISION_CALLS, 'add_argument']);
    const vision = visionFacts(linker.id(file), text, tree.rootNode, calls, new ValueResolver(tree.rootNode, calls));
    for (const f of vision.values()) if (!d.plan.facts.has(f.key)) d.plan.facts.set(f.key, f);
    // `HuggingFaceModel(AutoModelForCausalLM.from_pretrained("gpt2"))`: one named checkpoint is the model.
    const named = findCalls(tree.rootNode, text, ['from_pretrained'])
      .map((c) => ({ c, v: literal(c.positional[0] ?? c.kwargs.get('pretrained_model_name_or_path')?.value) }))
      .filter((x) => typeof x.v === 'string' && x.v.trim() !== '');
    if (!d.plan.facts.has('model') && new Set(named.map((x) => x.v)).size === 1)
      d.plan.facts.set('model', {
        key: 'model',
        value: named[0].v as string,
        origin: 'explicit',
        file: linker.id(file),
        span: spanOf(named[0].c.node),
        note: `${named[0].c.callee}("${named[0].v}")`,
      });
  }
  // The class it constructs and trains (`model = NeuralFM(…)`), or the branch its model option takes
  // (`if model_str == 'gcn_ae': …`), as any training script's (../extract/python-model).
  if (tree && python && python.evidence.code >= TRAINS_AT && !d.plan.facts.has('model')) {
    const resolver = new ValueResolver(tree.rootNode, findCalls(tree.rootNode, text, ['add_argument']));
    const built = builtModelFact(linker.id(file), tree.rootNode, resolver);
    if (built) d.plan.facts.set('model', built);
  }
  // The optimizer a script read through the vocabulary builds (`torch.optim.AdamW(...)` in its own code).
  if (tree) scriptOptimizer(linker.id(file), text, tree, d);
  // A script whose code trains carries the code signals of any training script (per-step host reads, DataParallel,
  // padding, debug switches: ../extract/python-hints), under what its settings state.
  if (tree && python && python.evidence.code >= TRAINS_AT) {
    const calls = findCalls(tree.rootNode, text, ['add_argument']);
    const hints = pythonHints(linker.id(file), text, tree.rootNode, new ValueResolver(tree.rootNode, calls));
    for (const f of hints) if (!d.plan.facts.has(f.key)) d.plan.facts.set(f.key, f);
  }
  if (/\.(sh|bash|zsh|slurm|sbatch)$/i.test(file)) {
    // Devices and hardware from the launcher's own options (torchrun, SLURM), over the script's flags.
    const cmd = commandsOf(file, text)[0];
    return [cmd ? withLaunchConfigs(linker, file, cmd, d) : d];
  }
  return [withLaunchers ? linker.enrich(d) : d];
}

/**
 * Devices a script read through the vocabulary states in code (Ray Train's `ScalingConfig(num_workers=8,
 * use_gpu=True)`, `DataParallel(device_ids=…)`, `mp.spawn(nprocs=…)`, ../extract/python-devices): over the keys' reading,
 * and a `num_workers` inside a `ScalingConfig` is Ray's workers, not data-loader workers.
 */
function ownDevices(file: string, text: string, tree: Tree, d: RunDraft): void {
  if (!/ScalingConfig|DataParallel|spawn\(/.test(text)) return;
  const calls = findCalls(tree.rootNode, text, [...DEVICE_CALLS, 'add_argument']);
  const facts = d.plan.facts;
  for (const c of calls.filter((x) => x.name === 'ScalingConfig')) {
    const w = facts.get('num_workers');
    if (w?.span && w.file === file && w.span.start >= c.node.startIndex && w.span.end <= c.node.endIndex)
      facts.delete('num_workers');
  }
  const dev = pythonDeviceFacts(file, calls, new ValueResolver(tree.rootNode, calls), text).find(
    (f) => f.key === 'devices',
  );
  if (dev && (!facts.has('devices') || facts.get('devices')?.origin === 'assumed')) facts.set('devices', dev);
}

/**
 * A launcher's script that no framework reader claims (Megatron-LM's `pretrain_gpt.py` parses arguments and calls the
 * library): the launcher's flags through the vocabulary over the defaults the script declares (argparse, dataclass
 * fields), with the launcher's devices over both. The script is one of the run's files, so analysing it shows this run.
 */
export function scriptVocabDrafts(
  linker: Linker,
  launcher: string,
  ltext: string,
  cmd: LaunchCommand | undefined,
  script: string,
  stext: string,
  /** The launcher is the file analysed (./launched-run), not the script. */
  launched = false,
  /** The script is analysed alone and the launcher may not give it its values: the defaults it declares only. */
  aside = false,
): RunDraft[] {
  if (!/\.pyi?$/i.test(script) || !linker.parser || namedForOtherWork(script)) return [];
  const tree = cachedTree(path.resolve(script), stext, linker.parser);
  const own = readEntries(linker.id(script), stext, tree);
  const all = readEntries(linker.id(launcher), ltext);
  if (!own || !all) return [];
  const own1 = cmd ? ownFlags(all, cmd, commandsOf(linker.id(launcher), ltext)) : all;
  const flags = cmd ? withShortOptions(own1, cmd, stext, ltext) : own1;
  const defaults: EntrySet = { ...own, entries: own.entries.filter((e) => e.kind === 'default') };
  // A wrapper's command passing on its caller's arguments (`"$@"`): the caller's flags, read where they are written.
  const sets = aside ? [] : [flags, ...callerFlags(linker, cmd)];
  const ownRun = () => (aside ? undefined : launchedOwnRun(linker, launcher, cmd, script, stext, tree, sets));
  // Analysing the launcher, a script of a framework the vocabulary knows (timm's argparse train.py): its own run with
  // the flags over it keeps that framework's defaults, which a reading of the flags alone would lose.
  const first = launched && detectFramework([own]) ? ownRun() : undefined;
  const d = first ?? vocabRun([defaults, ...sets]) ?? ownRun();
  if (!d) return [];
  scriptOptimizer(linker.id(script), stext, tree, d);
  const parser = trainingArgumentsParser(linker, script, stext);
  if (parser) trainingArgumentsDefaults(d, parser);
  const files = [...new Set([...d.plan.files, linker.id(script)])];
  const run: RunDraft = { ...d, plan: { ...d.plan, files } };
  return [cmd && !aside ? withLaunchConfigs(linker, launcher, cmd, run) : run];
}

/** The flags of the caller's command whose arguments a wrapper's command passes on (../link/wrapper). */
function callerFlags(linker: Linker, cmd: LaunchCommand | undefined): EntrySet[] {
  const c = cmd?.caller;
  const text = c && linker.read(c.file);
  const set = c && text !== undefined ? readEntries(linker.id(c.file), text) : undefined;
  if (!c || !set) return [];
  const inside = (e: Entry) => e.kind !== 'env' && e.span.start >= c.span.start && e.span.end <= c.span.end;
  return [{ ...set, entries: set.entries.filter(inside) }];
}

/**
 * The launcher's entries that can be this command's: not the flags of another command that runs another program
 * (`python ./prep_data.py` then `python ../src/run.py --n-epochs 30`: the first script is given none of the second's).
 */
function ownFlags(set: EntrySet, cmd: LaunchCommand, cmds: LaunchCommand[]): EntrySet {
  const others = cmds.filter(
    (c) => c.span.start !== cmd.span.start && (c.target?.path ?? c.tool) !== (cmd.target?.path ?? cmd.tool),
  );
  if (!others.length) return set;
  const inOther = (s: { start: number; end: number }) =>
    others.some((c) => s.start >= c.span.start && s.end <= c.span.end) &&
    !(s.start >= cmd.span.start && s.end <= cmd.span.end);
  return { ...set, entries: set.entries.filter((e) => e.kind === 'env' || !inOther(e.span)) };
}

/**
 * The command's short options (`-b 256 -j 8 -m 1000`) under the names the script's argparse gives them
 * (`add_argument("-m", "--max_epochs", …)`): read as the long option would be.
 */
function withShortOptions(set: EntrySet, cmd: LaunchCommand, stext: string, ltext: string): EntrySet {
  const shorts = shortOptions(stext);
  if (!shorts.size) return set;
  const words = cmd.positionals;
  const added: Entry[] = [];
  for (let i = 0; i < words.length; i++) {
    const opt = shorts.get(words[i].text);
    if (!opt) continue;
    const next = words[i + 1];
    const span = opt.flag || !next ? words[i].span : { start: words[i].span.start, end: next.span.end };
    added.push({
      path: [opt.dest],
      value: opt.flag ? opt.flag === 'true' : next && !next.unresolved ? typedValue(next.text) : undefined,
      span,
      text: ltext.slice(span.start, span.end),
      kind: 'value',
    });
    if (!opt.flag) i++;
  }
  return added.length ? { ...set, entries: [...set.entries, ...added] } : set;
}

/** `-x` → the dest of `add_argument("-x", "--long-name", …)` (or `dest=`), and whether it is a switch. */
function shortOptions(text: string): Map<string, { dest: string; flag?: 'true' | 'false' }> {
  const out = new Map<string, { dest: string; flag?: 'true' | 'false' }>();
  if (!text.includes('add_argument')) return out;
  for (const m of text.matchAll(/\badd_argument\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g)) {
    // The option strings come before the keyword arguments.
    const head = m[1].split(/,\s*\w+\s*=/)[0];
    const names = [...head.matchAll(/['"](-{1,2}[A-Za-z][\w-]*)['"]/g)].map((x) => x[1]);
    const short = names.find((n) => /^-[A-Za-z]$/.test(n));
    const long = names.find((n) => n.startsWith('--'));
    const dest = /\bdest\s*=\s*['"](\w+)['"]/.exec(m[1])?.[1] ?? long?.slice(2).replace(/-/g, '_');
    if (!short || !dest) continue;
    const action = /\baction\s*=\s*['"]store_(true|false)['"]/.exec(m[1])?.[1] as 'true' | 'false' | undefined;
    out.set(short, { dest, flag: action });
  }
  return out;
}

/**
 * A launcher whose flags name no training setting (`python -u run.py --model_id x --data ETTh1`) running a script
 * whose code trains: the script's own run (its code and defaults, as when it is analysed itself) with the launcher's
 * flags read over it, entered at the launcher's command. Not when some of its arguments cannot be read
 * (`pretrain.py ${gpt_options}` from a sourced file): what they set is not known, so the script's defaults are not the
 * run's.
 */
function launchedOwnRun(
  linker: Linker,
  launcher: string,
  cmd: LaunchCommand | undefined,
  script: string,
  stext: string,
  tree: Tree,
  flags: EntrySet[],
): RunDraft | undefined {
  if (!cmd?.complete) return undefined;
  const [d] = vocabDrafts(linker, script, stext, tree, flags, false);
  if (!d) return undefined;
  const entry = { ...d.plan.entry, file: linker.id(launcher), span: cmd.span };
  return { ...d, plan: { ...d.plan, entry, files: [...new Set([...d.plan.files, linker.id(launcher)])] } };
}

const MAX_NEAR_LAUNCHERS = 40;

/**
 * A Python entry script with no run of its own (argparse only): the run a shell launcher beside it (or one folder up)
 * gives it, read as in scriptVocabDrafts — found by the script's name in the launcher's text, so a launcher whose
 * command line this review cannot split (`torchrun $DISTRIBUTED_ARGS pretrain.py $GPT_ARGS`) still counts. The script
 * planned alone (the launcher may not give it its values, `Linker.fromLauncher`): the defaults it declares only.
 */
export function launchedScriptDrafts(linker: Linker, file: string, text: string): RunDraft[] {
  const base = path.basename(file);
  const named = new RegExp(`(^|[\\s/'"])${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[\\s'"]|$)`, 'm');
  const dir = path.dirname(path.resolve(file));
  for (const d of [dir, path.dirname(dir)]) {
    for (const name of linker.listDir(d).slice(0, MAX_NEAR_LAUNCHERS)) {
      if (!/\.(sh|bash|zsh|slurm|sbatch)$/i.test(name)) continue;
      const lf = path.join(d, name);
      const lt = linker.read(lf);
      if (!lt || !named.test(lt)) continue;
      const aside = !linker.fromLauncher(lf);
      const runs = scriptVocabDrafts(linker, lf, lt, commandsOf(lf, lt)[0], file, text, false, aside);
      if (runs.length) return runs;
    }
  }
  return [];
}

/** The optimizer the script's own code builds, where the flags and configs name none. */
function scriptOptimizer(file: string, text: string, tree: Tree, d: RunDraft): void {
  if (d.plan.facts.has('optimizer')) return;
  const calls = findCalls(tree.rootNode, text, ['add_argument']);
  const f = optimizerFact(file, text, tree.rootNode, new ValueResolver(tree.rootNode, calls));
  if (f && typeof f.value === 'string') d.plan.facts.set('optimizer', f);
}

/** Parsing transformers' TrainingArguments from the command line (`HfArgumentParser((…, TrainingArguments))`). */
const PARSES_TRAINING_ARGS =
  /\bHfArgumentParser\s*\([^)]*\b(Seq2Seq)?TrainingArguments\b|\bclass\s+\w+\s*\(\s*(transformers\.)?(Seq2Seq)?TrainingArguments\s*\)/;

/**
 * The file where a launched script parses its flags into TrainingArguments: the script itself or a module of its
 * own folder it imports them from (`from arguments import get_args`).
 */
function trainingArgumentsParser(linker: Linker, script: string, text: string): string | undefined {
  if (PARSES_TRAINING_ARGS.test(text)) return script;
  for (const m of text.matchAll(/^\s*from\s+([A-Za-z_][\w]*)\s+import\b/gm)) {
    const mod = linker.resolve(script, `${m[1]}.py`);
    const t = mod && path.dirname(mod) === path.dirname(path.resolve(script)) ? linker.read(mod) : undefined;
    if (t && PARSES_TRAINING_ARGS.test(t)) return mod;
  }
  return undefined;
}

/**
 * The launcher's flags are TrainingArguments: what they leave out is TrainingArguments' documented default — no
 * bf16/fp16 (fp32) and the AdamW optimizer (../extract/hf-defaults.ts).
 */
function trainingArgumentsDefaults(d: RunDraft, parser: string): void {
  const note = (what: string) =>
    `${what} (${path.basename(parser)} parses the flags into TrainingArguments; https://huggingface.co/docs/transformers/main_classes/trainer#transformers.TrainingArguments, 2025)`;
  const facts = d.plan.facts;
  if (!facts.has('precision'))
    facts.set('precision', {
      key: 'precision',
      value: 'fp32',
      origin: 'framework-default',
      note: note('bf16 and fp16 default to False: training runs in fp32'),
    });
  if (!facts.has('optimizer'))
    facts.set('optimizer', {
      key: 'optimizer',
      value: 'adamw_torch',
      origin: 'framework-default',
      note: note("optim defaults to 'adamw_torch'"),
    });
  if (!facts.has('grad_accum'))
    facts.set('grad_accum', {
      key: 'grad_accum',
      value: 1,
      origin: 'framework-default',
      note: note('gradient_accumulation_steps defaults to 1'),
    });
}
