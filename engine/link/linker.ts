// The Linker: finds the files one run is made of — configs a script names, launchers that start it, Hydra primaries,
// nanoGPT config overrides, version pins — reading only through the input's FileReader, and merges them.

import * as path from 'node:path';
import type { Parser } from 'web-tree-sitter';
import { accelerateOverlay } from '../extract/accelerate-config';
import { ConfigFormat, detectFormat } from '../extract/config-detect';
import { ConfigDoc, configDoc } from '../extract/config-doc';
import { ConfigOverlay, deepspeedOverlay } from '../extract/deepspeed';
import { fieldEditor, mergeFields } from '../extract/fields';
import { hfArgsFields } from '../extract/hf-args-file';
import { applyVersionDefaults } from '../extract/hf-defaults';
import { scriptsHolder } from './scripts-holder';
import { HF_SCHEMA } from '../extract/hf-fields';
import { splatLinked, splatRefs } from '../extract/hf-splat';
import { hydraFromScript, hydraRuns } from './hydra-runs';
import { extractJax } from '../extract/jax';
import { LaunchCommand } from '../extract/launcher';
import { launcherOnlyRun } from '../extract/launcher-run';
import { globalFields, globalWriter } from '../extract/nanogpt';
import { extractPythonRuns } from '../extract/python-runs';
import { withImportedArgs } from '../extract/imported-args';
import { importedParserArgs } from './imported-args';
import { cdTarget, checkoutPath, variableRootTarget } from './cd-target';
import { FieldLayer, Ref, RunDraft } from '../extract/run-draft';
import { mayBeDstack } from '../extract/dstack';
import { mayBeAzureJob } from '../extract/azureml';
import { mayBeKubernetes } from '../extract/kubernetes';
import { mayBeSkyPilot } from '../extract/skypilot';
import type { Tree } from '../parse/python';
import { Fact } from '../types';
import { CONFIG_RANK, LAUNCHER_RANK, commandsOf, isLauncherName, launcherOverlay, mergeRun, primaryRun } from './merge';
import { FileReader, linkKind } from './reader';
import { versionsNear } from './pins';
import { launcherFields } from './launcher-fields';
import { sourcedVars, wrapperRuns } from './wrapper';
import { commandBase, commandConfigRuns, withLaunchConfigs, withLauncherModel, writtenConfig } from './launch-refs';
import { prepareLaunch } from './short-options';
import { cachedTree, trimTreeCache } from './tree-cache';
import { callerScriptRun, launchedScriptRuns } from './launched-run';
import type { LinkShare } from './link-share';

const MAX_LAUNCHERS = 40;
const MAX_SCRIPTS = 20;

export interface LinkInput {
  file: string;
  text: string;
  reader: FileReader;
  parser?: Parser;
  /** The file's own tree (Python), kept by the caller. */
  tree?: Tree;
  /**
   * Link the file's runs as the launchers beside it start them (their flags, devices and GPU merged in): the runs
   * `linkFile` adds as the file's launched runs. Without it a script or config keeps its own values, and only the
   * input itself (a launcher analysed itself) gives a launcher's values to the runs.
   */
  launched?: boolean;
  /** What the two links of one analysis share (./link-share). */
  share?: LinkShare;
}

export interface LinkResult {
  drafts: RunDraft[];
  messages: string[];
  /** Texts of every file the runs read, for positions in `greenml plan` and hovers. */
  sources: Map<string, string>;
  /** Frees the trees parsed for related files; call after the analysis. */
  dispose(): void;
}

/** Files that mark a repository's root folder. */
export const ROOT_MARKER =
  /^(readme(\.\w+)?|licen[cs]e(\.\w+)?|setup\.py|setup\.cfg|pyproject\.toml|requirements[\w.-]*\.txt|\.git)$/i;

export class Linker {
  readonly sources = new Map<string, string>();
  readonly messages: string[] = [];
  private readonly pyCache = new Map<string, RunDraft[]>();
  /** Trees of the Python files read during this analysis, so no file is parsed twice. */
  private readonly pyTrees = new Map<string, Tree>();
  /** HF-args files unpacked into an arguments call (`**yaml.safe_load(open(…))`). */
  private readonly splats = new Set<Ref>();

  constructor(readonly input: LinkInput) {
    this.sources.set(input.file, input.text);
    this.inputAbs = path.resolve(input.file);
    this.lists = input.share?.lists ?? new Map();
  }

  private readonly inputAbs: string;
  /** Per analysis (synchronous: the working folder stays): names given by `id`, folders listed by `listDir`. */
  private readonly ids = new Map<string, string>();
  private readonly lists: Map<string, string[]>;
  private cwd: string | undefined;

  /** The name a file goes by in plans and findings: the input's own spelling for itself, others in the same style (relative to the working folder when the input is relative, as the CLI's paths are). */
  id(file: string): string {
    let id = this.ids.get(file);
    if (id !== undefined) return id;
    const abs = path.resolve(file);
    if (abs === this.inputAbs) id = this.input.file;
    else if (path.isAbsolute(this.input.file)) id = abs;
    else {
      // Under the working folder, the relative path is the rest of the (resolved, normalised) path.
      const cwd = (this.cwd ??= process.cwd());
      const under = cwd.length > 1 && abs.startsWith(cwd + path.sep);
      id = (under ? abs.slice(cwd.length + 1) : path.relative(cwd, abs)) || abs;
    }
    this.ids.set(file, id);
    return id;
  }

  dispose() {
    trimTreeCache();
  }

  /**
   * Names in a folder, through the reader (nothing outside what it allows), in name order: a copy, never the reader's
   * own list, which every analysis shares (sorted in place, it made `repoRoot`'s bounded walk depend on the analyses
   * run before). Callers must not change it.
   */
  listDir(dir: string): readonly string[] {
    let names = this.lists.get(dir);
    if (!names) this.lists.set(dir, (names = [...this.input.reader.list(dir)].sort()));
    return names;
  }

  /** The Python parser, for related files (undefined when the caller gave none). */
  get parser(): Parser | undefined {
    return this.input.parser;
  }

  read(file: string, namedIn?: string): string | undefined {
    const abs = path.resolve(file);
    if (abs === this.inputAbs) return this.input.text;
    const t = this.input.reader.read(abs);
    if (t !== undefined) this.sources.set(this.id(abs), t);
    else this.refused(abs, namedIn);
    return t;
  }

  private readonly refusedFiles = new Set<string>();

  /** Say once per file which link was not followed and why (a file outside the workspace). */
  private refused(abs: string, namedIn?: string) {
    const why = this.input.reader.refusal?.(abs);
    if (!why || this.refusedFiles.has(abs)) return;
    this.refusedFiles.add(abs);
    this.messages.push(`link to ${abs}${namedIn ? ` (named in ${path.basename(namedIn)})` : ''} not followed: ${why}`);
  }

  /** Runs of a Python file (the input's own tree, or a fresh parse kept until dispose). */
  pythonRuns(file: string, text: string): RunDraft[] {
    const abs = path.resolve(file);
    const hit = this.pyCache.get(abs);
    if (hit) return hit;
    let tree = abs === this.inputAbs ? this.input.tree : undefined;
    if (!tree) {
      if (!this.input.parser) return [];
      tree = cachedTree(abs, text, this.input.parser);
    }
    this.pyTrees.set(abs, tree);
    const shared = this.input.share?.pythonRuns(abs, text);
    if (shared) {
      for (const r of shared.splats) this.splats.add(r);
      this.pyCache.set(abs, shared.runs);
      return shared.runs;
    }
    // JAX/Flax first: Flax scripts often parse TrainingArguments without training through the HF Trainer.
    // Read with the argparse options declared in the module that builds its parser (./imported-args).
    const t = tree;
    let runs = withImportedArgs(t, importedParserArgs(this, abs, text, t.rootNode), () => {
      const jax = extractJax(this.id(file), text, t);
      return jax.length ? jax : extractPythonRuns(this.id(file), text, t);
    });
    // `TrainingArguments(**yaml.safe_load(open("args.yaml")))`: that file holds the other arguments.
    const splat = runs.some((r) => r.kind === 'hf') ? splatRefs(this.id(file), text, tree) : [];
    for (const r of splat) this.splats.add(r);
    if (splat.length) runs = runs.map((r) => (r.kind === 'hf' ? { ...r, refs: [...r.refs, ...splat] } : r));
    this.pyCache.set(abs, runs);
    this.input.share?.keep(abs, text, runs, splat);
    return runs;
  }

  config(file: string): { doc: ConfigDoc; format: ConfigFormat } | undefined {
    const text = this.read(file);
    if (text === undefined) return undefined;
    const doc = configDoc(this.id(file), text);
    const format = doc ? detectFormat(doc) : undefined;
    if (!doc || !format) return undefined;
    return { doc, format };
  }

  /** Any YAML/JSON mapping, whatever its format (a file unpacked into TrainingArguments need not look like one). */
  anyConfig(file: string): { doc: ConfigDoc; format: ConfigFormat } | undefined {
    const text = this.read(file);
    const doc = text === undefined ? undefined : configDoc(this.id(file), text);
    return doc ? { doc, format: 'hf-args' } : undefined;
  }

  /**
   * A path named in `from`, resolved against the folder the command runs in when known (`base`), else against
   * `from`'s folder and the folders above, up to the repository's root (launchers usually run from it, however deep
   * they sit: `scripts/long_term/etth1.sh` running `python run.py`), at most six folders up. For a bare name the walk
   * also stops at the first folder holding a root marker (`.git`, `setup.py`, a README…), so a bare `train.py` never
   * meets another project's file of that name; a path with folders in it is specific enough to go on.
   */
  resolve(from: string, p: string, base?: string): string | undefined {
    if (!p || /[$`*?]/.test(p)) return undefined;
    if (path.isAbsolute(p) || p.startsWith('~/')) {
      if (path.isAbsolute(p) && this.read(p, from) !== undefined) return path.resolve(p);
      // A launcher's path on its author's machine: the checkout's file of that name (./cd-target).
      return linkKind(from) === 'shell' ? checkoutPath(this, from, p) : undefined;
    }
    if (base) {
      const cand = path.resolve(base, p);
      if (this.read(cand, from) !== undefined) return cand;
    }
    let dir = path.dirname(path.resolve(from));
    const bare = !p.replace(/^\.\//, '').includes('/');
    for (let i = 0; i < 6; i++) {
      const cand = path.resolve(dir, p);
      if (this.read(cand, from) !== undefined) return cand;
      const up = path.dirname(dir);
      if (up === dir || (bare && this.listDir(dir).some((n) => ROOT_MARKER.test(n)))) break;
      dir = up;
    }
    // A launcher kept under a `scripts/` folder (`scripts/a/b/x.sh`) runs from the folder that holds `scripts/`.
    const holder = scriptsHolder(path.dirname(path.resolve(from)));
    const cand = holder && path.resolve(holder, p);
    return cand && this.read(cand, from) !== undefined ? cand : undefined;
  }

  /** Folders where a launcher or a user of `file` may live. */
  private nearDirs(file: string): string[] {
    const dir = path.dirname(path.resolve(file));
    const parent = path.dirname(dir);
    return [...new Set([dir, path.join(dir, 'scripts'), parent, path.join(parent, 'scripts')])];
  }

  /** Does `named` (as written in `launcher`) mean `wanted`? */
  names(launcher: string, named: string, wanted: string): boolean {
    const norm = named.replace(/^\.\//, '');
    const ldir = path.dirname(path.resolve(launcher));
    // A config or script analysed alone is not matched to a launcher by a path of the author's machine: it keeps its
    // own values (a launcher's overrides would reach it; docs/evaluation/dev-launch-23.md).
    if (path.isAbsolute(norm)) return path.resolve(norm) === wanted;
    if (path.resolve(ldir, norm) === wanted || path.resolve(path.dirname(ldir), norm) === wanted) return true;
    return norm.includes('/') && wanted.endsWith(path.sep + norm.split('/').join(path.sep));
  }

  /**
   * Launchers other than the input found to run one of its runs' files, whose values were kept off those runs: a file
   * planned alone is its own run (what a user reading it sees, and how every labelled set labels it); the runs these
   * launchers start are the file's launched runs (../link.ts).
   */
  readonly launchersAside = new Set<string>();

  /** Hydra configs whose compositions train nothing (../extract/hydra.ts `fitsNothing`): no fallback run for them. */
  readonly hydraDeclined = new Set<string>();

  /** May the launcher `file` give its flags, devices or GPU to this analysis's runs? (Noted when it may not.) */
  fromLauncher(file: string): boolean {
    if (this.input.launched || path.resolve(file) === this.inputAbs) return true;
    this.launchersAside.add(this.id(file));
    return false;
  }

  /** Launcher commands near `file` that run it (as a script or as their config) and may give it their values. */
  launchersOf(file: string): { file: string; cmd: LaunchCommand }[] {
    const wanted = path.resolve(file);
    const base = path.basename(file);
    const out: { file: string; cmd: LaunchCommand }[] = [];
    let seen = 0;
    for (const dir of this.nearDirs(file)) {
      for (const name of this.listDir(dir)) {
        if (!isLauncherName(name) || seen >= MAX_LAUNCHERS) continue;
        seen++;
        const lf = path.join(dir, name);
        const text = this.read(lf);
        if (!text || !text.includes(base)) continue;
        for (const cmd of commandsOf(this.id(lf), text, sourcedVars(this, lf, text))) {
          const direct = cmd.target && cmd.target.kind !== 'module' && this.names(lf, cmd.target.path, wanted);
          // `python main.py fit --config config.yaml` (Lightning CLI): the config is an option of the script.
          const option = ['config', 'config_file', 'config_path'].some(
            (k) =>
              typeof cmd.fields.get(k)?.value === 'string' && this.names(lf, String(cmd.fields.get(k)!.value), wanted),
          );
          if ((direct || option) && this.fromLauncher(lf)) out.push({ file: this.id(lf), cmd });
        }
      }
    }
    return out;
  }

  /** Python scripts and launchers near a config file that name it (launchers only for a Python config file). */
  /** `users`, when given, receives the files (scripts, launchers) whose runs use this file. */
  usersOf(file: string, launchersOnly = false, users?: Set<string>): RunDraft[] {
    const wanted = path.resolve(file);
    const base = path.basename(file);
    const out: RunDraft[] = [];
    let scripts = 0;
    for (const dir of this.nearDirs(file)) {
      for (const name of this.listDir(dir)) {
        const f = path.join(dir, name);
        const kind = linkKind(name);
        if ((kind !== 'python' || launchersOnly) && !isLauncherName(name)) continue;
        if (scripts >= MAX_SCRIPTS) break;
        const text = this.read(f);
        if (
          !text ||
          !text.includes(base) ||
          (kind === 'config' &&
            !mayBeSkyPilot(text) &&
            !mayBeKubernetes(text) &&
            !mayBeDstack(text) &&
            !mayBeAzureJob(text))
        )
          continue;
        scripts++;
        const drafts =
          kind === 'python' ? this.pythonRuns(f, text).map((d) => this.enrich(d)) : this.launcherRuns(f, text);
        const using = drafts.filter((d) => d.plan.files.some((x) => path.resolve(x) === wanted));
        // A launcher passing the config is not the config's run: its flags are over the config's values.
        if (kind !== 'python' && using.length > 0 && !this.fromLauncher(f)) continue;
        if (using.length > 0) users?.add(f);
        out.push(...using);
      }
      if (out.length > 0) break;
    }
    return out;
  }

  /** The tree of a Python file this analysis has read (`pythonRuns`). */
  treeOf(file: string): Tree | undefined {
    return this.pyTrees.get(path.resolve(file));
  }

  /** The runs a launcher starts, each merged with the launcher's command. */
  launcherRuns(file: string, text: string): RunDraft[] {
    return commandsOf(file, text, sourcedVars(this, file, text)).flatMap((cmd) => this.commandRuns(file, text, cmd, 0));
  }

  /** The runs one launcher command starts (`depth`: shell scripts followed through wrappers so far). */
  commandRuns(file: string, text: string, given: LaunchCommand, depth: number): RunDraft[] {
    const out: RunDraft[] = [];
    const cmd = variableRootTarget(this, file, given);
    if (!cmd.target || cmd.target.word.unresolved) return callerScriptRun(this, file, cmd);
    const base = commandBase(this, file, cmd);
    // `-m pkg.train`: a module of this tree is read like a script; one installed elsewhere is not here.
    const modPath = `${cmd.target.path.replace(/\./g, '/')}.py`;
    const target =
      cmd.target.kind === 'module'
        ? (this.resolve(file, modPath, base) ?? this.resolve(file, modPath))
        : (this.resolve(file, cmd.target.path, base) ?? cdTarget(this, file, text, cmd));
    if (cmd.tool === 'shell') {
      // The commands of the script it runs; else (not in this tree, or no run found there) the config it is given.
      const runs = target ? wrapperRuns(this, file, cmd, target, depth) : [];
      return runs.length ? runs : commandConfigRuns(this, file, cmd);
    }
    if (!target) {
      // A script not in this tree given a config that is (`train.py --config conf/x.yaml`): that config's run.
      const configured = commandConfigRuns(this, file, cmd);
      if (configured.length) return configured;
      const own = launcherOnlyRun(file, cmd);
      if (own) out.push(withLaunchConfigs(this, file, cmd, own));
      return out;
    }
    const t = this.read(target)!;
    // A Python script: its runs under the launcher's command (./launched-run).
    if (linkKind(target, t) === 'python') out.push(...launchedScriptRuns(this, file, text, cmd, target, t));
    else {
      const c = this.config(target);
      const d = c && primaryRun(c.doc, c.format);
      if (d) out.push(this.enrich(d, { file, cmd }));
    }
    return out;
  }

  /** Hydra: the runs composed from the primary configs that include `file` (./hydra-runs). */
  hydraRuns(file: string): RunDraft[] {
    return hydraRuns(this, file);
  }

  /** A Python script whose config is Hydra's (`@hydra.main`): the runs of the primary config it names. */
  hydraFromScript(script: string, text: string, forced?: { file: string; cmd: LaunchCommand }): RunDraft[] {
    return hydraFromScript(this, script, text, forced);
  }

  /**
   * One run with everything that reaches it: its launcher (given, or found near the entry file), the configs it and
   * its launcher name, version pins; merged by layer.
   */
  enrich(draft: RunDraft, forced?: { file: string; cmd: LaunchCommand }): RunDraft {
    const entry = draft.plan.entry.file;
    const launch = forced ?? this.launchersOf(entry)[0];
    if (launch) prepareLaunch(this, entry, launch);
    const refs: Ref[] = [...draft.refs, ...(launch?.cmd.refs ?? [])];
    const overlays: { overlay: ConfigOverlay; rank: number }[] = [];
    const schemaLayers: FieldLayer[] = [];
    let argsFile: RunDraft['anchor'];
    let splatFile: string | undefined;
    const seen = new Set<string>();
    for (let k = 0; k < refs.length; k++) {
      const ref = refs[k];
      const inline = launch && ref.role === 'deepspeed' ? writtenConfig(this, launch.file, ref) : undefined;
      if (inline) overlays.push({ overlay: inline, rank: CONFIG_RANK });
      const target = inline ? undefined : this.resolve(ref.file, ref.path, ref.base);
      if (!target || seen.has(target) || path.resolve(target) === path.resolve(entry)) continue;
      seen.add(target);
      const splat = this.splats.has(ref) && draft.kind === 'hf';
      const c = splat ? this.anyConfig(target) : this.config(target);
      if (!c) {
        if (ref.role === 'deepspeed' || ref.role === 'accelerate-config')
          this.messages.push(
            `${ref.path} (named in ${path.basename(ref.file)}) is not a ${ref.role === 'deepspeed' ? 'DeepSpeed' : 'accelerate'} config this review can read`,
          );
        continue;
      }
      if (c.doc.errors.length)
        this.messages.push(`${path.basename(target)}: ${c.doc.errors[0]} — values read from the valid part`);
      if (splat) {
        schemaLayers.push({ kind: 'config', ...hfArgsFields(c.doc), complete: true });
        argsFile = { file: c.doc.file, span: c.doc.keySpan([c.doc.keys()[0] ?? '']) };
        splatFile = c.doc.file;
      } else if (c.format === 'deepspeed') overlays.push({ overlay: deepspeedOverlay(c.doc), rank: CONFIG_RANK });
      else if (c.format === 'accelerate') {
        const o = accelerateOverlay(c.doc);
        overlays.push({ overlay: o, rank: CONFIG_RANK });
        refs.push(...o.refs);
      } else if (c.format === 'hf-args' && draft.kind === 'hf') {
        schemaLayers.push({ kind: 'config', ...hfArgsFields(c.doc), complete: true });
        // `parse_yaml_file("args.yaml")`: every argument comes from that file, so findings about unwritten
        // arguments (and their fixes) belong there.
        if (draft.fromParser && draft.refs.includes(ref))
          argsFile = { file: c.doc.file, span: c.doc.keySpan([c.doc.keys()[0] ?? '']) };
      }
    }
    if (launch) {
      const cmd = launch.cmd;
      const fields = launcherFields(draft, cmd);
      if (fields) schemaLayers.push({ kind: 'launcher', fields, write: cmd.write, complete: cmd.complete });
      // nanoGPT: `python train.py config/x.py --k=v` — the config file's globals, then the flags.
      if (draft.kind === 'nanogpt') {
        const configs: FieldLayer[] = [];
        for (const p of cmd.positionals) {
          const f = /\.py$/.test(p.text) ? this.resolve(launch.file, p.text) : undefined;
          const text = f ? this.read(f) : undefined;
          if (!f || text === undefined || !this.input.parser) continue;
          const tree = cachedTree(path.resolve(f), text, this.input.parser);
          const g = globalFields(this.id(f), tree.rootNode);
          configs.push({ kind: 'config', fields: g, write: globalWriter(this.id(f), text, g), complete: true });
        }
        schemaLayers.unshift(...configs);
      }
      overlays.push({ overlay: launcherOverlay(launch.file, cmd), rank: LAUNCHER_RANK });
    }
    let d: RunDraft = argsFile ? { ...draft, anchor: argsFile } : draft;
    let schemaEdit: ConfigOverlay['edit'] | undefined;
    if (draft.rebuild && schemaLayers.length > 0) d = draft.rebuild(schemaLayers);
    else if (draft.kind === 'hf' && schemaLayers.length > 0) {
      const merged = mergeFields(...schemaLayers.map((l) => l.fields));
      const facts = HF_SCHEMA.toFacts(merged, {
        complete: schemaLayers.every((l) => l.complete) && (!!draft.fromParser || !!splatFile),
      });
      schemaEdit = fieldEditor(HF_SCHEMA, schemaLayers);
      const byFile = (f: Fact) =>
        schemaLayers.find((l) => [...l.fields.values()].some((x) => x.file === f.file))?.kind === 'launcher'
          ? LAUNCHER_RANK
          : CONFIG_RANK;
      for (const r of [CONFIG_RANK, LAUNCHER_RANK]) {
        const mine = facts.filter((f) => byFile(f) === r);
        if (mine.length)
          overlays.unshift({
            overlay: {
              file: mine[0].file!,
              facts: mine,
              refs: [],
              relevantSpans: mine.map((f) => ({ file: f.file!, span: f.span!, key: f.key })),
              edit: fieldEditor(HF_SCHEMA, schemaLayers),
            },
            rank: r,
          });
      }
    }
    if (splatFile) d = splatLinked(d, splatFile);
    if (d.kind === 'hf' && d.flavour) applyVersionDefaults(d.plan, d.flavour, versionsNear(this.input.reader, entry));
    const merged = mergeRun(
      d,
      overlays.sort((a, b) => a.rank - b.rank),
      launch?.cmd,
      schemaEdit,
    );
    return launch ? withLauncherModel(this, merged, launch.file, launch.cmd) : merged;
  }
}
