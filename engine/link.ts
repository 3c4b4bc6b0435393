// Linking: the files of one run — a script, the configs it names (`--deepspeed ds.json`, `parse_yaml_file(…)`,
// `--config_file`), the launcher that starts it (a .sh in the same or parent folder naming it), version pins — merged
// into one run plan in the real override order: launcher flag > config file > script explicit > script default >
// (setting, added later) > framework default > assumed; with each framework's own rule for
// ACCELERATE_MIXED_PRECISION. All file I/O of the engine goes through one injectable `FileReader`: size-capped,
// read-only, nothing executed, no network. Tests pass an in-memory reader.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Parser } from 'web-tree-sitter';
import { accelerateOverlay } from './extract/accelerate-config';
import { extractAxolotl } from './extract/axolotl';
import { configDoc, type ConfigDoc } from './extract/config-doc';
import { detectFormat, type ConfigFormat } from './extract/config-detect';
import { deepspeedOverlay, deepspeedRun, type ConfigOverlay } from './extract/deepspeed';
import { fieldEditor, mergeFields, type Fields } from './extract/fields';
import { extractHfArgsFile, hfArgsFields } from './extract/hf-args-file';
import { splatLinked, splatRefs } from './extract/hf-splat';
import { applyVersionDefaults } from './extract/hf-defaults';
import { HF_FIELDS, HF_SCHEMA } from './extract/hf-fields';
import { parseLauncher, type LaunchCommand } from './extract/launcher';
import { hydraDrafts, type HydraSpec } from './extract/hydra';
import { Composer, type HydraReader } from './extract/hydra-compose';
import { hydraPrimary, hydraScripts, hydraSpecs } from './extract/hydra-find';
import { extractJax } from './extract/jax';
import { extractLightningCli } from './extract/lightning-cli';
import { extractLlamaFactory } from './extract/llamafactory';
import { globalFields, globalWriter } from './extract/nanogpt';
import { extractPythonRuns } from './extract/python-runs';
import type { FieldLayer, Ref, RunDraft } from './extract/run-draft';
import { mayBeSkyPilot, skypilotCommands } from './extract/skypilot';
import { extractTfjs } from './extract/tfjs';
import { extractTorchtune } from './extract/torchtune';
import { parsePyproject, parseRequirements, type Versions } from './extract/versions';
import { parsePython, type Tree } from './parse/python';
import type { Fact, FactKey, FactValue, OffsetEdit, Origin, RunPlan } from './types';

/** Related files larger than this are not read. */
export const MAX_RELATED_BYTES = 512 * 1024;
const MAX_LAUNCHERS = 40;
const MAX_SCRIPTS = 20;

export interface FileReader {
  /** The text of a file, or undefined when missing, too large or binary. */
  read(file: string): string | undefined;
  /** File names (not paths) in a folder; empty when it cannot be listed. */
  list(dir: string): string[];
}

const readable = (text: string) => text.length <= MAX_RELATED_BYTES && !text.slice(0, 8192).includes('\u0000');

/** Reads from disk, with a cache keyed by modification time and size. */
export function diskReader(): FileReader {
  return {
    read(file) {
      try {
        const st = fs.statSync(file);
        if (!st.isFile() || st.size > MAX_RELATED_BYTES) return undefined;
        const hit = CACHE.get(file);
        if (hit && hit.mtime === st.mtimeMs && hit.size === st.size) return hit.text;
        const text = fs.readFileSync(file, 'utf8');
        if (CACHE.size > 500) CACHE.clear();
        const ok = readable(text) ? text : undefined;
        CACHE.set(file, { mtime: st.mtimeMs, size: st.size, text: ok });
        return ok;
      } catch {
        return undefined;
      }
    },
    list(dir) {
      try {
        // A folder's mtime changes when entries are added or removed.
        const mtime = fs.statSync(dir).mtimeMs;
        const hit = LISTS.get(dir);
        if (hit && hit.mtime === mtime) return hit.names;
        const names = fs.readdirSync(dir).slice(0, 2000);
        if (LISTS.size > 500) LISTS.clear();
        LISTS.set(dir, { mtime, names });
        return names;
      } catch {
        return [];
      }
    },
  };
}
const CACHE = new Map<string, { mtime: number; size: number; text: string | undefined }>();
const LISTS = new Map<string, { mtime: number; names: string[] }>();

/** In-memory files (absolute paths → text), for tests and unsaved editor buffers. */
export function memoryReader(files: Record<string, string>, fallback?: FileReader): FileReader {
  const norm = new Map(Object.entries(files).map(([k, v]) => [path.resolve(k), v]));
  return {
    read: (file) => {
      const t = norm.get(path.resolve(file));
      return t !== undefined ? (readable(t) ? t : undefined) : fallback?.read(file);
    },
    list: (dir) => {
      const d = path.resolve(dir);
      const mine = [...norm.keys()].filter((k) => path.dirname(k) === d).map((k) => path.basename(k));
      return [...new Set([...mine, ...(fallback?.list(dir) ?? [])])];
    },
  };
}

export type LinkKind = 'python' | 'config' | 'shell' | 'javascript' | 'other';

export function linkKind(file: string): LinkKind {
  if (/\.pyi?$/i.test(file)) return 'python';
  if (/\.[mc]?[jt]s$/i.test(file) && !/\.d\.[mc]?ts$/i.test(file)) return 'javascript';
  if (/\.(ya?ml|jsonc?)$/i.test(file)) return 'config';
  if (/\.(sh|bash|slurm|sbatch)$/i.test(file)) return 'shell';
  return 'other';
}

export interface LinkInput {
  file: string;
  text: string;
  reader: FileReader;
  parser?: Parser;
  /** The file's own tree (Python), kept by the caller. */
  tree?: Tree;
}

export interface LinkResult {
  drafts: RunDraft[];
  messages: string[];
  /** Texts of every file the runs read, for positions in `greenml plan` and hovers. */
  sources: Map<string, string>;
  /** Frees the trees parsed for related files; call after the analysis. */
  dispose(): void;
}

const RANK: Record<Origin, number> = {
  assumed: 0,
  'framework-default': 1,
  setting: 2,
  'script-default': 3,
  explicit: 4,
};
const CONFIG_RANK = 5;
const LAUNCHER_RANK = 6;

class Linker {
  readonly sources = new Map<string, string>();
  readonly messages: string[] = [];
  private readonly trees: Tree[] = [];
  private readonly pyCache = new Map<string, RunDraft[]>();
  /** Trees of the Python files read during this analysis, so no file is parsed twice. */
  private readonly pyTrees = new Map<string, Tree>();
  /** HF-args files unpacked into an arguments call (`**yaml.safe_load(open(…))`). */
  private readonly splats = new Set<Ref>();

  constructor(private readonly input: LinkInput) {
    this.sources.set(input.file, input.text);
  }

  /** The name a file goes by in plans and findings: the input's own spelling for itself, others in the same style (relative to the working folder when the input is relative, as the CLI's paths are). */
  id(file: string): string {
    const abs = path.resolve(file);
    if (abs === path.resolve(this.input.file)) return this.input.file;
    return path.isAbsolute(this.input.file) ? abs : path.relative(process.cwd(), abs) || abs;
  }

  dispose() {
    for (const t of this.trees) t.delete();
    this.trees.length = 0;
  }

  read(file: string): string | undefined {
    const abs = path.resolve(file);
    if (abs === path.resolve(this.input.file)) return this.input.text;
    const t = this.input.reader.read(abs);
    if (t !== undefined) this.sources.set(this.id(abs), t);
    return t;
  }

  /** Runs of a Python file (the input's own tree, or a fresh parse kept until dispose). */
  pythonRuns(file: string, text: string): RunDraft[] {
    const abs = path.resolve(file);
    const hit = this.pyCache.get(abs);
    if (hit) return hit;
    let tree = abs === path.resolve(this.input.file) ? this.input.tree : undefined;
    if (!tree) {
      if (!this.input.parser) return [];
      tree = parsePython(this.input.parser, text);
      this.trees.push(tree);
    }
    this.pyTrees.set(abs, tree);
    // JAX/Flax first: Flax scripts often parse TrainingArguments without training through the HF Trainer.
    const jax = extractJax(this.id(file), text, tree);
    let runs = jax.length ? jax : extractPythonRuns(this.id(file), text, tree);
    // `TrainingArguments(**yaml.safe_load(open("args.yaml")))`: that file holds the other arguments.
    const splat = runs.some((r) => r.kind === 'hf') ? splatRefs(this.id(file), text, tree) : [];
    for (const r of splat) this.splats.add(r);
    if (splat.length) runs = runs.map((r) => (r.kind === 'hf' ? { ...r, refs: [...r.refs, ...splat] } : r));
    this.pyCache.set(abs, runs);
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

  /** A path named in `from`, resolved against its folder, then the folders above (launchers often run from the repo root). */
  resolve(from: string, p: string): string | undefined {
    if (!p || /[$`*?]/.test(p)) return undefined;
    if (path.isAbsolute(p)) return this.read(p) !== undefined ? path.resolve(p) : undefined;
    let dir = path.dirname(path.resolve(from));
    for (let i = 0; i < 3; i++) {
      const cand = path.resolve(dir, p);
      if (this.read(cand) !== undefined) return cand;
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
    return undefined;
  }

  /** Folders where a launcher or a user of `file` may live. */
  private nearDirs(file: string): string[] {
    const dir = path.dirname(path.resolve(file));
    const parent = path.dirname(dir);
    return [...new Set([dir, path.join(dir, 'scripts'), parent, path.join(parent, 'scripts')])];
  }

  /** Does `named` (as written in `launcher`) mean `wanted`? */
  private names(launcher: string, named: string, wanted: string): boolean {
    const norm = named.replace(/^\.\//, '');
    const ldir = path.dirname(path.resolve(launcher));
    if (path.isAbsolute(norm)) return path.resolve(norm) === wanted;
    if (path.resolve(ldir, norm) === wanted || path.resolve(path.dirname(ldir), norm) === wanted) return true;
    return norm.includes('/') && wanted.endsWith(path.sep + norm.split('/').join(path.sep));
  }

  /** Launcher commands near `file` that run it (as a script or as their config). */
  launchersOf(file: string): { file: string; cmd: LaunchCommand }[] {
    const wanted = path.resolve(file);
    const base = path.basename(file);
    const out: { file: string; cmd: LaunchCommand }[] = [];
    let seen = 0;
    for (const dir of this.nearDirs(file)) {
      for (const name of this.input.reader.list(dir).sort()) {
        if (!isLauncherName(name) || seen >= MAX_LAUNCHERS) continue;
        seen++;
        const lf = path.join(dir, name);
        const text = this.read(lf);
        if (!text || !text.includes(base)) continue;
        for (const cmd of commandsOf(this.id(lf), text)) {
          const direct = cmd.target && cmd.target.kind !== 'module' && this.names(lf, cmd.target.path, wanted);
          // `python main.py fit --config config.yaml` (Lightning CLI): the config is an option of the script.
          const option = ['config', 'config_file', 'config_path'].some(
            (k) =>
              typeof cmd.fields.get(k)?.value === 'string' && this.names(lf, String(cmd.fields.get(k)!.value), wanted),
          );
          if (direct || option) out.push({ file: this.id(lf), cmd });
        }
      }
    }
    return out;
  }

  /** Python scripts and launchers near a config file that name it (launchers only for a Python config file). */
  usersOf(file: string, launchersOnly = false): RunDraft[] {
    const wanted = path.resolve(file);
    const base = path.basename(file);
    const out: RunDraft[] = [];
    let scripts = 0;
    for (const dir of this.nearDirs(file)) {
      for (const name of this.input.reader.list(dir).sort()) {
        const f = path.join(dir, name);
        const kind = linkKind(name);
        if ((kind !== 'python' || launchersOnly) && !isLauncherName(name)) continue;
        if (scripts >= MAX_SCRIPTS) break;
        const text = this.read(f);
        if (!text || !text.includes(base) || (kind === 'config' && !mayBeSkyPilot(text))) continue;
        scripts++;
        const drafts =
          kind === 'python' ? this.pythonRuns(f, text).map((d) => this.enrich(d)) : this.launcherRuns(f, text);
        out.push(...drafts.filter((d) => d.plan.files.some((x) => path.resolve(x) === wanted)));
      }
      if (out.length > 0) break;
    }
    return out;
  }

  /**
   * A nanoGPT-style config (`config/x.py`, plain `name = value` globals) that no launcher names: the run of a
   * `train*.py` beside its folder whose globals it overrides, when most of its settings are globals of that script.
   */
  nanogptUsers(file: string, text: string): RunDraft[] {
    if (!this.input.parser || !/^configs?$/i.test(path.basename(path.dirname(path.resolve(file))))) return [];
    const tree = parsePython(this.input.parser, text);
    this.trees.push(tree);
    const g = globalFields(this.id(file), tree.rootNode);
    if (g.size === 0 || g.size !== tree.rootNode.namedChildren.filter((n) => n?.type !== 'comment').length) return [];
    const parent = path.dirname(path.dirname(path.resolve(file)));
    for (const name of this.input.reader
      .list(parent)
      .filter((n) => /^train\w*\.py$/.test(n))
      .sort()) {
      const script = path.join(parent, name);
      const st = this.read(script);
      if (!st || !/configurator|exec\(open\(/.test(st)) continue;
      const runs = this.pythonRuns(script, st).filter((d) => d.kind === 'nanogpt' && d.rebuild);
      if (runs.length === 0) continue;
      const scriptTree = this.pyTrees.get(path.resolve(script));
      if (!scriptTree) continue;
      const own = globalFields(this.id(script), scriptTree.rootNode);
      const shared = [...g.keys()].filter((k) => own.has(k)).length;
      if (shared * 2 < g.size) continue;
      const layer: FieldLayer = {
        kind: 'config',
        fields: g,
        write: globalWriter(this.id(file), text, g),
        complete: true,
      };
      return runs.map((d) => this.enrich(d.rebuild!([layer])));
    }
    return [];
  }

  /** The runs a launcher starts, each merged with the launcher's command. */
  launcherRuns(file: string, text: string): RunDraft[] {
    const out: RunDraft[] = [];
    for (const cmd of commandsOf(file, text)) {
      if (!cmd.target || cmd.target.kind === 'module' || cmd.target.word.unresolved) continue;
      const target = this.resolve(file, cmd.target.path);
      if (!target) continue;
      const t = this.read(target)!;
      if (linkKind(target) === 'python') {
        const runs = this.pythonRuns(target, t);
        out.push(
          ...(runs.length
            ? runs.map((d) => this.enrich(d, { file, cmd }))
            : this.hydraFromScript(target, t, { file, cmd })),
        );
      } else {
        const c = this.config(target);
        const d = c && primaryRun(c.doc, c.format);
        if (d) out.push(this.enrich(d, { file, cmd }));
      }
    }
    return out;
  }

  private hydraReader(): HydraReader {
    return { read: (f) => this.read(f), list: (d) => this.input.reader.list(d), id: (f) => this.id(f) };
  }

  /** Hydra: the runs composed from the primary configs that include `file` (or from the file itself), each with the launcher of the script whose @hydra.main names its primary. */
  hydraRuns(file: string): RunDraft[] {
    const reader = this.hydraReader();
    const runs = hydraSpecs(file, reader).flatMap((spec) => {
      const script = hydraScripts(spec.primary, reader)[0];
      return this.hydraSpecRuns(spec, script ? this.launchersOf(script)[0] : undefined);
    });
    // One run per `_target_` node, from the first (training) primary config that composes it.
    const seenEntries = new Set<string>();
    return runs.filter((d) => {
      const key = `${d.plan.entry.file}:${d.plan.entry.span.start}`;
      return !seenEntries.has(key) && !!seenEntries.add(key);
    });
  }

  /** A Python script whose config is Hydra's (`@hydra.main`): the runs of the primary config it names. */
  hydraFromScript(script: string, text: string, forced?: { file: string; cmd: LaunchCommand }): RunDraft[] {
    if (!/\bhydra\b/.test(text)) return [];
    const reader = this.hydraReader();
    const launch = forced ?? this.launchersOf(script)[0];
    const name = launch?.cmd.fields.get('config_name')?.value;
    const primary = hydraPrimary(script, text, reader, typeof name === 'string' ? name : undefined);
    if (!primary) return [];
    return this.hydraSpecRuns(
      { composer: new Composer(reader, path.dirname(primary)), primary, orphan: false },
      launch,
    );
  }

  private hydraSpecRuns(spec: HydraSpec, launch?: { file: string; cmd: LaunchCommand }): RunDraft[] {
    const r = hydraDrafts(spec);
    this.messages.push(...r.messages);
    return r.drafts.map((d) => this.enrich(d, launch));
  }

  versions(file: string): Versions {
    let dir = path.dirname(path.resolve(file));
    for (let i = 0; i < 4; i++) {
      const names = this.input.reader.list(dir);
      const reqs = names.filter((n) => /^requirements[\w.-]*\.txt$/i.test(n)).sort();
      const out: Versions = {};
      for (const r of reqs) Object.assign(out, parseRequirements(this.input.reader.read(path.join(dir, r)) ?? '', r));
      if (names.includes('pyproject.toml'))
        Object.assign(
          out,
          parsePyproject(this.input.reader.read(path.join(dir, 'pyproject.toml')) ?? '', 'pyproject.toml'),
        );
      if (out.transformers || out.trl) return out;
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
    return {};
  }

  /**
   * One run with everything that reaches it: its launcher (given, or found near the entry file), the configs it and
   * its launcher name, version pins; merged by layer.
   */
  enrich(draft: RunDraft, forced?: { file: string; cmd: LaunchCommand }): RunDraft {
    const entry = draft.plan.entry.file;
    const launch = forced ?? this.launchersOf(entry)[0];
    const refs: Ref[] = [...draft.refs, ...(launch?.cmd.refs ?? [])];
    const overlays: { overlay: ConfigOverlay; rank: number }[] = [];
    const schemaLayers: FieldLayer[] = [];
    let argsFile: RunDraft['anchor'];
    let splatFile: string | undefined;
    const seen = new Set<string>();
    for (let k = 0; k < refs.length; k++) {
      const ref = refs[k];
      const target = this.resolve(ref.file, ref.path);
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
      const fields = this.launcherFields(draft, cmd);
      if (fields) schemaLayers.push({ kind: 'launcher', fields, write: cmd.write, complete: cmd.complete });
      // nanoGPT: `python train.py config/x.py --k=v` — the config file's globals, then the flags.
      if (draft.kind === 'nanogpt') {
        const configs: FieldLayer[] = [];
        for (const p of cmd.positionals) {
          const f = /\.py$/.test(p.text) ? this.resolve(launch.file, p.text) : undefined;
          const text = f ? this.read(f) : undefined;
          if (!f || text === undefined || !this.input.parser) continue;
          const tree = parsePython(this.input.parser, text);
          this.trees.push(tree);
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
    if (d.kind === 'hf' && d.flavour) applyVersionDefaults(d.plan, d.flavour, this.versions(entry));
    return mergeRun(
      d,
      overlays.sort((a, b) => a.rank - b.rank),
      launch?.cmd,
      schemaEdit,
    );
  }

  /** The launcher's script arguments in the run's schema, or undefined when they do not map to it. */
  private launcherFields(draft: RunDraft, cmd: LaunchCommand): Fields | undefined {
    if (draft.kind === 'hf') {
      const out: Fields = new Map();
      for (const [name, f] of cmd.fields) {
        const field = draft.fromParser ? (HF_FIELDS.has(name) ? name : undefined) : draft.flags?.get(name);
        if (field) out.set(field, { ...f, name: field });
      }
      return out.size ? out : undefined;
    }
    if (draft.kind === 'lightning-cli') {
      // `--trainer.precision bf16-mixed`, `--data.batch_size 32` override the YAML.
      const out: Fields = new Map();
      for (const [name, f] of cmd.fields) {
        const m =
          /^(?:trainer\.)?(precision|devices|num_nodes|accelerator|accumulate_grad_batches|max_epochs|max_steps|max_time|enable_checkpointing|strategy)$/.exec(
            name,
          ) ?? /^data\.(?:init_args\.)?(batch_size)$/.exec(name);
        if (m && (name.startsWith('trainer.') || name.startsWith('data.'))) out.set(m[1], { ...f, name: m[1] });
      }
      return out.size ? out : undefined;
    }
    if (draft.rebuild) return cmd.fields.size ? cmd.fields : undefined;
    return undefined;
  }
}

/** Shell launchers, and YAML files that may be SkyPilot tasks (their `run:` script launches). */
const isLauncherName = (name: string) => linkKind(name) === 'shell' || /\.ya?ml$/i.test(name);

/** The commands a launcher runs: a shell script's, or a SkyPilot task's `run:` (none for other YAML). */
function commandsOf(file: string, text: string): LaunchCommand[] {
  return linkKind(file) === 'shell' ? parseLauncher(file, text) : (skypilotCommands(file, text) ?? []);
}

/** Devices, hardware and launch-time precision from a launcher command. */
function launcherOverlay(file: string, cmd: LaunchCommand): ConfigOverlay {
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

/** Merges overlays into a run by rank, each fact remembering which layer set it, and routes edits to that layer. */
/** Owner of a fact set by a launcher flag for which no text edit is offered. */
const NO_EDITOR = -2;

/** The argparse dest a script-default fact came from, read from its note ("default of argparse --batch-size"). */
function argparseDest(note: string | undefined): string | undefined {
  const m = note ? /default of argparse --([\w-]+)/.exec(note) : null;
  return m ? m[1].replace(/-/g, '_') : undefined;
}

function mergeRun(
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
  if (launch && draft.kind !== 'hf' && draft.kind !== 'lightning-cli' && !draft.rebuild) {
    for (const [k, f] of facts) {
      const dest = f.origin === 'script-default' ? argparseDest(f.note) : undefined;
      const given = dest ? launch.fields.get(dest) : undefined;
      if (!given) continue;
      const value = given.value === undefined || typeof given.value !== typeof f.value ? null : given.value;
      facts.set(k, {
        ...f,
        value,
        origin: 'explicit',
        file: given.file,
        span: given.span,
        note: `${given.text} on ${path.basename(launch.file)} overrides the script's default${value === null ? ' (value not readable here)' : ''}`,
      });
      owner.set(k, NO_EDITOR);
    }
  }
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
function primaryRun(doc: ConfigDoc, format: ConfigFormat): RunDraft | undefined {
  switch (format) {
    case 'axolotl':
      return extractAxolotl(doc);
    case 'llamafactory':
      return extractLlamaFactory(doc);
    case 'torchtune':
      return extractTorchtune(doc);
    case 'lightning-cli':
      return extractLightningCli(doc);
    default:
      return undefined;
  }
}

/** Every run the file takes part in, merged with the files linked to it. Never throws on user text. */
export function linkFile(input: LinkInput): LinkResult {
  const linker = new Linker(input);
  const { file, text } = input;
  let drafts: RunDraft[] = [];
  try {
    const kind = linkKind(file);
    if (kind === 'python') {
      drafts = linker.pythonRuns(file, text).map((d) => linker.enrich(d));
      // A Hydra script (`@hydra.main`) trains what its primary config composes.
      if (drafts.length === 0) drafts = linker.hydraFromScript(file, text);
      // A Python file with no run of its own may be a config a launcher passes to a script (nanoGPT's config/*.py).
      if (drafts.length === 0 && /^\s*\w+\s*=/m.test(text)) drafts = linker.usersOf(file, true);
      // No launcher names it: `python train.py config/x.py` as nanoGPT's README says, with train.py one folder up.
      if (drafts.length === 0 && /^\s*\w+\s*=/m.test(text)) drafts = linker.nanogptUsers(file, text);
    } else if (kind === 'shell') drafts = linker.launcherRuns(file, text);
    else if (kind === 'javascript') {
      const r = extractTfjs(file, text);
      drafts = r.drafts;
      linker.messages.push(...r.messages);
    } else if (kind === 'config') {
      const c = linker.config(file);
      if (c) {
        if (c.doc.errors.length)
          linker.messages.push(`${c.doc.errors[0]} — values read from the valid part of this ${c.format} config`);
        const own = primaryRun(c.doc, c.format);
        if (c.format === 'hydra') drafts = linker.hydraRuns(file);
        else if (c.format === 'skypilot') drafts = linker.launcherRuns(file, text);
        else if (own) drafts = [linker.enrich(own)];
        else {
          drafts = linker.usersOf(file);
          if (drafts.length === 0 && c.format === 'deepspeed') drafts = [deepspeedRun(c.doc)];
          if (drafts.length === 0 && c.format === 'hf-args') drafts = [linker.enrich(extractHfArgsFile(c.doc))];
        }
      } else if (
        configDoc(file, text)
          ?.keys()
          .some((k) => HF_FIELDS.has(k))
      ) {
        // A file of TrainingArguments fields without the HF-args signature: unpacked by a script (`**yaml.safe_load`)?
        drafts = linker.usersOf(file).filter((d) => d.kind === 'hf');
      } else if (
        /\.(ya?ml|jsonc?)$/i.test(file) &&
        text.trim() &&
        !configDoc(file, text) &&
        /^\s*[{\w"'-]/.test(text) &&
        /(train|deepspeed|accelerate|axolotl|torchtune|lightning)/i.test(file)
      ) {
        linker.messages.push('this config could not be read as a YAML/JSON mapping');
      }
    }
  } catch (e) {
    linker.messages.push(`linking ${path.basename(file)} failed: ${(e as Error).message}`);
  }
  return { drafts, messages: linker.messages, sources: linker.sources, dispose: () => linker.dispose() };
}
