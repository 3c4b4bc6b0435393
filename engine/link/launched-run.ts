// The runs a launcher command starts in a Python script of the tree, under the command's flags: the script's own runs
// (each merged with the command and the configs it names), else a Hydra primary, the config the command gives it,
// its flags read through the vocabulary; with what the modules it calls show (./imports, read with the command's
// flags as the script's arguments, ./launched-args). A script with no run of its own — its loop lives in the modules
// it calls (DeiT-style `main.py` calling `engine.train_one_epoch`) — gives the launcher's own run (its flags and the
// configs it names, ../extract/launcher-run) those modules' facts, the run the script gets when analysed alone.
import * as path from 'node:path';
import type { LaunchCommand } from '../extract/launcher';
import { extractLightning } from '../extract/lightning';
import { launcherForTraining, launcherOnlyRun, switchGiven } from '../extract/launcher-run';
import type { RunDraft } from '../extract/run-draft';
import type { Fact, FactKey } from '../types';
import { commandConfigRuns, withLaunchConfigs } from './launch-refs';
import type { Linker } from './linker';
import { withHydraLength } from './hydra-length';
import { withHydraTrainer } from './hydra-trainer';
import { withImportedLength } from './imported-constants';
import { withNamedConfigs } from './named-configs';
import { boundReads } from './open-length';
import { launchedModules, withSingleDevice } from './single-device';
import { withImportedModules } from './imports';
import { firedCommand, topLevelFunctions } from '../extract/python-fire';
import type { SyntaxNode } from '../parse/python';
import { cachedTree } from './tree-cache';
import { launchedSubmititRuns } from './submitit';
import { evaluationOnly } from './eval-only';
import { entrySets, scriptVocabDrafts } from './vocab';
import { fillUnread } from '../extract/vocab-run';

/** The runs `launcher` (text `text`) starts with `cmd` in the Python script `script` (text `scriptText`). */
export function launchedScriptRuns(
  linker: Linker,
  launcher: string,
  text: string,
  cmd: LaunchCommand,
  script: string,
  scriptText: string,
  /** A submitit launcher's trainer module is read once, not its own imports' trainers. */
  nested = false,
): RunDraft[] {
  if (evaluationOnly(cmd, scriptText)) return [];
  const forced = { file: launcher, cmd };
  const all = linker.pythonRuns(script, scriptText);
  const runs = firedRuns(linker, cmd, script, scriptText, all);
  // `python train.py evaluate` of a `fire.Fire()` module: the function it names trains nothing.
  if (all.length && !runs.length) return [];
  let found = runs.length
    ? runs.map((d) =>
        withScriptSettings(
          linker,
          cmd,
          withFlags(withNamedConfigs(linker, launcher, cmd, linker.enrich(d, forced)), linker, cmd, script),
          script,
          scriptText,
        ),
      )
    : linker.hydraFromScript(script, scriptText, forced);
  // What the script alone reads from elsewhere, as when analysed itself (../link.ts): a bound or batch taken from a
  // config module it imports (`cfg.per_device_train_batch_size` of `from configs import configs as cfg`), a Hydra
  // script's loop bound from its primary config — where the command overrides it (`training.max_iters=100`), its value.
  if (runs.length && linker.parser) {
    const tree = cachedTree(path.resolve(script), scriptText, linker.parser);
    withImportedLength(linker, script, scriptText, tree, found);
    if (/@(?:hydra\.)?main\s*\(/.test(scriptText)) {
      withHydraLength(linker, script, scriptText, tree, found, cmd.fields);
      withHydraTrainer(linker, script, scriptText, tree, found, cmd.fields);
    }
  }
  // A Lightning 1.x Trainer built from the command line (`Trainer.from_argparse_args(args)`): the flags are its arguments.
  if (!found.length) found = commandLineTrainers(linker, launcher, cmd, script, scriptText);
  // A script no reader claims: the config it is given (`--cfg-path x.yaml`), else its flags through the vocabulary.
  if (!found.length) found = commandConfigRuns(linker, launcher, cmd, 'script');
  if (!found.length) found = scriptVocabDrafts(linker, launcher, text, cmd, script, scriptText, true);
  // The one device of a plain `python script.py` (./single-device) and what the modules it calls show.
  if (found.length) found = launchedModules(linker, script, scriptText, found, cmd);
  // A submitit launcher: its trainer module's runs under the same flags, on the devices it requests (./submitit).
  else if (!nested)
    found = launchedSubmititRuns(linker, cmd, script, scriptText, (m, t) =>
      launchedScriptRuns(linker, launcher, text, cmd, m, t, true),
    );
  if (!found.length) found = launchedRunOf(linker, launcher, cmd, script, scriptText);
  // A script whose loop lives in the modules it calls, started with flags that say nothing of training by name
  // (`python run.py --algo dqn --num_T 1000000`): the run the script gets when analysed alone, under this command.
  if (!found.length && !nested) found = calledModuleRuns(linker, launcher, cmd, script, scriptText);
  // The script analysed alone keeps its own defaults (a launcher's `$1` is not its run's business).
  const alone = path.resolve(linker.input.file) === path.resolve(script);
  return found.map((d) => (alone ? switchGiven(d, cmd) : unreadOptions(linker, switchGiven(d, cmd), cmd)));
}

/** The parameters of the function a `fire.Fire()` command runs that the command gives as flags. */
function firedParams(linker: Linker, cmd: LaunchCommand, script: string): Set<string> {
  const text = linker.read(script);
  if (!linker.parser || text === undefined || !/\bFire\s*\(/.test(text)) return new Set();
  const fn = firedCommand(cachedTree(path.resolve(script), text, linker.parser).rootNode, cmd.positionals[0]?.text);
  const params = fn?.childForFieldName('parameters')?.namedChildren ?? [];
  const names = params.map((p) => (p?.type === 'identifier' ? p.text : p?.childForFieldName('name')?.text));
  const flags = new Set([...cmd.fields.keys()].map(flagName));
  return new Set(names.filter((n): n is string => !!n && flags.has(n.toLowerCase())));
}

/** Whether a fact's written value is one of these parameters as it is (`precision=precision`, `gpus=gpus`). */
function passesParam(linker: Linker, f: Fact, params: Set<string>): boolean {
  const at = f.file && f.span ? (linker.read(f.file)?.slice(f.span.start, f.span.end) ?? '') : '';
  const value = /^\s*\w+\s*=\s*([A-Za-z_]\w*)\s*$/.exec(at)?.[1] ?? /^\s*([A-Za-z_]\w*)\s*$/.exec(at)?.[1];
  return !!value && params.has(value);
}

/**
 * A module run through `fire.Fire()` (../extract/python-fire): only the runs of the function the command's first word
 * names — in its body, or in the module's functions it calls — are started; a command naming a function with no run
 * (`python train.py evaluate`) starts none.
 */
function firedRuns(linker: Linker, cmd: LaunchCommand, script: string, text: string, runs: RunDraft[]): RunDraft[] {
  if (!runs.length || !linker.parser || !/\bFire\s*\(/.test(text)) return runs;
  const root = cachedTree(path.resolve(script), text, linker.parser).rootNode;
  const fn = firedCommand(root, cmd.positionals[0]?.text);
  if (!fn) return runs;
  const id = linker.id(script);
  const top = topLevelFunctions(root);
  const called = new Set(
    [...fn.text.matchAll(/\b([A-Za-z_]\w*)\s*\(/g)].map((m) => m[1]).filter((n) => top.has(n) && top.get(n) !== fn),
  );
  const inside = (d: RunDraft, def: { startIndex: number; endIndex: number }) =>
    d.plan.entry.file === id && d.plan.entry.span.start >= def.startIndex && d.plan.entry.span.end <= def.endIndex;
  return runs.filter((d) => inside(d, fn) || [...called].some((n) => inside(d, top.get(n) as SyntaxNode)));
}

const flagName = (s: string) => s.replace(/^-+/, '').replace(/-/g, '_').toLowerCase();

/**
 * An option the command passes with a value this review cannot read (`--model $MODEL`, `MODEL=$1`): the script's
 * argparse default is not this run's value, which is unknown (./launched-args reads the modules' options so too).
 */
function unreadOptions(linker: Linker, d: RunDraft, cmd: LaunchCommand): RunDraft {
  const unread = new Map([...cmd.fields].filter(([, f]) => f.value === undefined).map(([k, f]) => [flagName(k), f]));
  if (!unread.size) return d;
  for (const [key, f] of d.plan.facts) {
    if (f.origin !== 'script-default' || !f.file || !f.span) continue;
    const decl = linker.read(f.file)?.slice(f.span.start, f.span.end) ?? '';
    if (!/\badd_argument\s*\(/.test(decl)) continue;
    const given = [...decl.matchAll(/['"](--?[\w-]+)['"]/g)].map((m) => unread.get(flagName(m[1]))).find(Boolean);
    if (given)
      d.plan.facts.set(key, {
        key,
        value: null,
        origin: 'explicit',
        file: given.file,
        span: given.span,
        note: `${given.text}: a value not readable here, in place of the script's default`,
      });
  }
  return d;
}

/**
 * Whether the command gives an option the script tests against a word (`if args.algo == "ppo":`) a value other than
 * its default: the module the script calls is then chosen by the command, and the walk of the script alone followed
 * the default's.
 */
function choosesOtherBranch(cmd: LaunchCommand, text: string): boolean {
  for (const m of text.matchAll(/\b\w+\.(\w+)\s*==\s*['"]([^'"]*)['"]/g)) {
    const given = [...cmd.fields].find(([k]) => flagName(k) === m[1].toLowerCase())?.[1];
    if (!given) continue;
    if (given.value === undefined) return true;
    const decl = new RegExp(`add_argument\\(\\s*['"]--?${m[1]}['"][^)]*?default\\s*=\\s*['"]([^'"]*)['"]`).exec(text);
    if (String(given.value) !== (decl?.[1] ?? String(given.value) + ' ')) return true;
  }
  return false;
}

/**
 * The run of the module loop `script` calls (../link/imports-merge, as when the script is analysed alone), merged with
 * `cmd`: its flags are the script's arguments, its devices and configs the run's.
 */
function calledModuleRuns(
  linker: Linker,
  launcher: string,
  cmd: LaunchCommand,
  script: string,
  text: string,
): RunDraft[] {
  if (!linker.input.parser || choosesOtherBranch(cmd, text)) return [];
  const tree = cachedTree(path.resolve(script), text, linker.input.parser);
  const own = withImportedModules(linker, script, text, tree, [], cmd);
  if (!own.length) return [];
  const out = own.map((d) => withFlags(linker.enrich(d, { file: launcher, cmd }), linker, cmd, script));
  withSingleDevice(linker, script, text, tree, out, cmd);
  return out;
}

/** `launcher`'s own run for `cmd`, with what the modules `script` calls show; none when the command is no training. */
function launchedRunOf(linker: Linker, launcher: string, cmd: LaunchCommand, script: string, text: string): RunDraft[] {
  const own = launcherOnlyRun(launcher, cmd, linker.id(script));
  if (!own) return [];
  return launchedModules(linker, script, text, [withLaunchConfigs(linker, launcher, cmd, own)], cmd);
}

/**
 * A Lightning 1.x script whose Trainer takes its arguments from the command line (../extract/lightning-args), run by
 * `cmd`: that Trainer's run, merged with the command.
 */
function commandLineTrainers(
  linker: Linker,
  launcher: string,
  cmd: LaunchCommand,
  script: string,
  text: string,
): RunDraft[] {
  if (!linker.parser || !/\bfrom_argparse_args\s*\(/.test(text)) return [];
  const tree = cachedTree(path.resolve(script), text, linker.parser);
  return extractLightning(linker.id(script), text, tree, cmd.fields).map((d) =>
    withFlags(linker.enrich(d, { file: launcher, cmd }), linker, cmd, script),
  );
}

/**
 * What the command's own flags say (`--batch_size 1 --num_workers 4`, `--gradient_accumulation_steps 8`: names whose
 * meaning does not depend on the script, ../extract/launcher-run) where the script's run has no value: the key is
 * not there, or its reader could not read it.
 */
function withFlags(run: RunDraft, linker: Linker, cmd: LaunchCommand, script: string): RunDraft {
  const flags = launcherOnlyRun(cmd.file, cmd, linker.id(script))?.plan.facts;
  const given = firedParams(linker, cmd, script);
  for (const [key, f] of flags ?? []) {
    const cur = run.plan.facts.get(key);
    if (!cur && ownLengthOption(run, key, f, linker.read(script) ?? '')) continue;
    // An open bound (`range(self.num_epochs + 1)`) takes the flag it reads (`--num_epochs 6172`): ./open-length.
    const open = cur?.value === null && (cur.origin !== 'explicit' || boundReads(linker, cur, f));
    // A parameter of the function `fire.Fire()` runs, passed on as it is (`Trainer(precision=precision)`), whose
    // default the script's reader took: the command's flag of that name (`--precision=16`) is its value.
    const firedDefault = cur?.origin === 'script-default' && given.size > 0 && passesParam(linker, cur, given);
    if (f.value !== null && (!cur || open || firedDefault)) run.plan.facts.set(key, f);
  }
  return run;
}

/** The other measure of a run's length: a loop bounded by one is not bounded by an option named for the other. */
const OTHER_LENGTH: Partial<Record<FactKey, FactKey>> = { max_steps: 'epochs', epochs: 'max_steps' };

/**
 * A length flag (`--max-iters 100`) the script declares as its own argparse option and only hands on as another
 * call's keyword argument or writes into a string (`Optimizer(…, max_iters=args.max_iters)`, `str(args.max_iters)`),
 * in a run whose loop the script's reading bounds by the other measure (`for epoch in range(args.epochs)`): the
 * option is something else (an optimizer's inner iterations), so its name alone does not make it the run's length.
 * A flag the script compares, counts with or assigns (`if global_step >= args.max_train_steps: break`), one it does
 * not declare (a library's own parser) or a script that passes all its options on (`**vars(args)`) still counts.
 */
function ownLengthOption(run: RunDraft, key: FactKey, f: Fact, scriptText: string): boolean {
  const other = OTHER_LENGTH[key];
  const bound = other ? run.plan.facts.get(other) : undefined;
  if (!bound || typeof bound.value !== 'number' || bound.origin === 'assumed' || bound.origin === 'framework-default')
    return false;
  const flag = /^--?([A-Za-z][\w-]*)$/.exec(f.name ?? '')?.[1];
  if (!flag) return false;
  const spelled = flag.replace(/[-_]/g, '[-_]');
  const declared = new RegExp(`add_argument\\(\\s*(?:['"]-\\w['"]\\s*,\\s*)?['"]--${spelled}['"]`);
  if (!declared.test(scriptText) || /\bvars\s*\(\s*\w+\s*\)|\.__dict__/.test(scriptText)) return false;
  const dest = flag.replace(/-/g, '_');
  for (const m of scriptText.matchAll(new RegExp(`\\b\\w+\\.${dest}\\b`, 'g'))) {
    const before = scriptText.slice(scriptText.lastIndexOf('\n', m.index) + 1, m.index);
    const after = scriptText.slice(m.index + m[0].length, m.index + m[0].length + 2);
    // (A keyword argument on a call's own line or a continuation line: `name=value,` / `name=value)`.)
    const keyword = /(?:^|[(,])\s*\w+\s*=\s*$/.test(before) && /^\s*[,)]/.test(after);
    const text = /(?:\bstr\(|\.format\(|\bprint\(|\{)\s*$/.test(before);
    if (!keyword && !text) return false;
  }
  return true;
}

/**
 * What the script's loop reader could not follow (`DataLoader(batch_size=hyperparams['batch_size'])`), from the
 * script's own settings, for a command that passes it no argument (`python3 train.py` under `#SBATCH`): the run is
 * the script's as analysed itself (../link.ts), so the launcher does not lose what the script alone shows. Not when
 * the command passes arguments: they may choose another branch (`--checkpoint_name x.pt` loading a saved config).
 */
function withScriptSettings(
  linker: Linker,
  cmd: LaunchCommand,
  d: RunDraft,
  script: string,
  scriptText: string,
): RunDraft {
  if (d.plan.entry.file !== linker.id(script) || (d.kind !== 'torch' && d.kind !== 'accelerate')) return d;
  if (cmd.fields.size > 0 || cmd.positionals.length > 0 || !cmd.complete) return d;
  fillUnread(d, entrySets(linker, script, scriptText).sets);
  return d;
}

/**
 * A launcher that starts the script its caller names (`accelerate launch --config_file x.yaml $1`, run as
 * `./train.sh sft.py`): when its own name says it trains and it names an accelerate or DeepSpeed config, its run is
 * what the launcher and that config state (devices, precision, ZeRO stage); everything the script sets is unknown.
 */
export function callerScriptRun(linker: Linker, launcher: string, cmd: LaunchCommand): RunDraft[] {
  if (!cmd.target?.word.unresolved || cmd.tool === 'python' || cmd.tool === 'shell') return [];
  if (!launcherForTraining(launcher)) return [];
  if (!cmd.refs.some((r) => r.role === 'deepspeed' || r.role === 'accelerate-config')) return [];
  const own = launcherOnlyRun(launcher, cmd, undefined, true);
  return own ? [withLaunchConfigs(linker, launcher, cmd, own)] : [];
}
