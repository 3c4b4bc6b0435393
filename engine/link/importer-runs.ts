// A module of the project that is no run by itself — the Dataset/DataLoader module, the tokenisation helper, the
// tf.data pipeline a training script imports (`from dataset import train_dataloader`, `from src.data import
// get_data_loaders`) — is judged with the run of the script that imports it: that script's hardware, devices and
// precision, and the module's own loader and padding where the run takes its data from the module. The reverse of
// ./imports (which follows a script into its modules): the training scripts of the module's repository that import
// it, nearest first, read through the FileReader only; the first one whose run uses the module gives its run. A
// module that no training script imports stays with no run.
import * as path from 'node:path';
import type { RunDraft } from '../extract/run-draft';
import type { Fact, FactKey } from '../types';
import { definitionOf, importBindings, importedUses, type ImportBinding } from '../extract/python-imports';
import { nodesOfType } from '../parse/nodes-of-type';
import { starModules } from './imported-constants';
import { isTestModule } from '../extract/python-trains';
import { findCalls } from '../parse/python-syntax';
import { ValueResolver } from '../extract/python-values';
import { pythonHints } from '../extract/python-hints';
import { maxLengthPadding } from '../extract/padding';
import type { SyntaxNode } from '../parse/python';
import { NAMES_CUDA, judgedLoaderFacts } from '../extract/pinned-copies';
import { ImportWalk, importRoots } from './import-walk';
import { pythonFiles } from './project-files';
import { cachedTree } from './tree-cache';
import type { LinkInput, LinkResult, Linker } from './linker';

/** Code whose facts only a run can judge: a DataLoader, a tokeniser's padding to the maximum length, tf.data. */
const DATA_CODE = /\bDataLoader\s*\(|["']max_length["']|\bpad_to_max_length\b|\btf\.data\b/;
/** Files that mark a repository's root: importers are looked for below it. */
const ROOT_MARKER = /^(\.git|setup\.py|setup\.cfg|pyproject\.toml|requirements[\w.-]*\.txt|README(\.\w+)?)$/i;
/** Files that mark a repository's root for certain: a git checkout's or a package's. */
const STRONG_MARKER = /^(\.git|setup\.py|setup\.cfg|pyproject\.toml)$/;
/** Folders above the module searched for the repository's root. */
const MAX_UP = 3;
/** Files read in search of an importer, and importers linked, at most. */
const MAX_READ = 150;
const MAX_LINKED = 3;
/** Names of scripts that train: looked at first. */
const TRAINING_NAME = /train|main|run|finetune|fit|pretrain/i;
/** The module's facts a run can take: its training loader's and its data pipeline's. */
const LOADER_KEYS: FactKey[] = ['num_workers', 'pin_memory'];
/** Runs whose training loader is a PyTorch DataLoader the code builds (not the HF Trainer's, Keras's or JAX's). */
const LOADER_FRAMEWORKS = new Set(['pytorch', 'lightning', 'accelerate']);

/** A script that states its device is the CPU (`device = "cpu"`, `torch.device("cpu")`, `.to("cpu")`). */
const CPU_DEVICE = /\bdevice\s*=\s*["']cpu["']|\btorch\.device\(\s*["']cpu["']\s*\)|\.to\(\s*["']cpu["']\s*\)/;

/**
 * Importers being linked. A module imported only by another module of the project (`question.py` by `data_util.py`,
 * which the training script imports) is reached through one such module; no deeper.
 */
let linking = 0;
const MAX_HOPS = 2;

/**
 * The runs of the first training script of the repository that imports `input.file` and uses what it imports, with
 * the module's loader and data facts; none when the module states no data code or no training script imports it.
 * `link` links one file as `greenml plan` would (../link.ts `linkFile`).
 */
export function importerRuns(
  linker: Linker,
  input: LinkInput,
  link: (input: LinkInput) => LinkResult,
  /**
   * The module's own runs where it trains for its importer (./entryless-module): only an importer's run that reads the
   * module, or whose script uses the definition holding one of these runs' loops, is its run.
   */
  loops?: RunDraft[],
): RunDraft[] {
  const training = !!loops;
  const { text } = input;
  if (linking >= MAX_HOPS || !linker.parser || isTestModule(text)) return [];
  if (training && linking > 0) return [];
  // The module analysed states data code; a module between it and the training script need not.
  if (linking === 0 && !training && !DATA_CODE.test(text)) return [];
  const abs = path.resolve(input.file);
  const stem = path.basename(abs, '.py');
  const own = importMention(stem === '__init__' ? path.basename(path.dirname(abs)) : stem);
  // A package whose `__init__.py` re-exports the module (`from .trainer import Trainer`): importers name the package.
  const pkg = reExportingPackage(linker, abs, stem);
  const mention = pkg ? new RegExp(`${own.source}|${importMention(pkg).source}`, 'm') : own;
  const candidates = pythonFiles(linker, repoTop(linker, abs), abs)
    .filter((f) => f !== abs)
    .sort((a, b) => Number(!TRAINING_NAME.test(path.basename(a))) - Number(!TRAINING_NAME.test(path.basename(b))))
    .slice(0, MAX_READ);
  let linked = 0;
  for (const f of candidates) {
    const t = linker.read(f);
    if (!t || !mentions(f, t, pkg ? `${stem}\0${pkg}` : stem, mention) || isTestModule(t)) continue;
    const used = usedNames(linker, f, t, abs);
    if (used.size === 0) continue;
    if (linked++ >= MAX_LINKED) break;
    linking++;
    let drafts: RunDraft[];
    try {
      const tree = cachedTree(f, t, linker.parser);
      const r = link({ ...input, file: linker.id(f), text: t, tree, launched: undefined });
      for (const [k, v] of r.sources) if (!linker.sources.has(k)) linker.sources.set(k, v);
      drafts = r.drafts;
    } finally {
      linking--;
    }
    // The importer runs the module's loop: its run reads the module, or the script uses the definition holding the loop
    // (`from trainer import Trainer` … `Trainer(…).train()`; `train_epoch(…)` called in the script's own loop).
    const runsLoop = (loops ?? []).some((d) => loopReached(input, d, used));
    const reads = (d: RunDraft) => runsLoop || d.plan.files.some((x) => path.resolve(x) === abs);
    const run = training
      ? // The importer's own run (one only its launchers start is not shown as the file's run: keep the module's).
        drafts.find((d) => !d.plan.launchedBy && reads(d))
      : (drafts.find((d) => d.plan.launchedBy) ?? drafts[0]);
    if (run) return [withModuleFacts(input, run, t, used)];
  }
  return [];
}

/**
 * Whether a file's imports may name the module, remembered per file and module name while the file's text is the same
 * string (the disk reader serves an unchanged file's cached text): an edit of a data module re-reads up to MAX_READ
 * files, whose search for the import would otherwise cost 10–30 ms per analysis in a 150-script repository (bench/run.ts
 * case 7).
 */
const mentionSeen = new Map<string, { text: string; hit: boolean }>();
/** Bounds of what is remembered: entries, and characters of text held (mostly the reader's own cached strings). */
const MAX_MENTIONS = 4000;
const MAX_MENTION_CHARS = 16_000_000;
let mentionChars = 0;
function mentions(file: string, text: string, stem: string, mention: RegExp): boolean {
  const key = `${stem}\0${file}`;
  const seen = mentionSeen.get(key);
  if (seen && seen.text === text) return seen.hit;
  const hit = mention.test(text);
  if (mentionSeen.size >= MAX_MENTIONS || mentionChars + text.length > MAX_MENTION_CHARS) {
    mentionSeen.clear();
    mentionChars = 0;
  }
  mentionSeen.set(key, { text, hit });
  mentionChars += text.length;
  return hit;
}

/** An import statement that may name the module (`import stem`, `from pkg.stem import x`, `from pkg import stem`). */
function importMention(stem: string): RegExp {
  const s = stem.replace(/[^\w]/g, '');
  return new RegExp(
    `^[ \\t]*(?:from[ \\t]+[\\w.]*\\b${s}\\b[\\w.]*[ \\t]+import|import[ \\t]+[^\\n]*\\b${s}\\b|from[ \\t]+[\\w.]+[ \\t]+import[ \\t(][^\\n]*\\b${s}\\b)`,
    'm',
  );
}

/** The package folder's name where its `__init__.py` re-exports names of the module (`from .trainer import …`). */
function reExportingPackage(linker: Linker, abs: string, stem: string): string | undefined {
  const dir = path.dirname(abs);
  if (stem === '__init__' || !linker.listDir(dir).includes('__init__.py')) return undefined;
  const init = linker.read(path.join(dir, '__init__.py'));
  return init && new RegExp(`^\\s*from\\s+\\.${stem}\\s+import\\b`, 'm').test(init) ? path.basename(dir) : undefined;
}

/**
 * The folder holding the repository's root marker above the module (at most MAX_UP up); else the folder above the
 * package the module is in (`src/` with an `__init__.py`), or the module's own folder.
 */
function repoTop(linker: Linker, abs: string): string {
  let dir = path.dirname(abs);
  // A README or requirements file marks a project, and a vendored sub-project has its own (`model/detection/README.md`):
  // the outermost within reach is the repository's, unless a package or git root comes first.
  let found: string | undefined;
  for (let i = 0; i <= MAX_UP; i++) {
    const names = linker.listDir(dir);
    if (names.some((n) => STRONG_MARKER.test(n))) return dir;
    if (names.some((n) => ROOT_MARKER.test(n))) found = dir;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  if (found) return found;
  let top = path.dirname(abs);
  for (let i = 0; i < MAX_UP && linker.listDir(top).includes('__init__.py'); i++) top = path.dirname(top);
  return top;
}

/** The names the script takes from the module (its imports resolved as its own imports resolve) and uses. */
function usedNames(linker: Linker, file: string, text: string, abs: string): Set<string> {
  if (!linker.parser) return new Set();
  const root = cachedTree(file, text, linker.parser).rootNode;
  const walk = new ImportWalk(linker, importRoots(linker, file, text), new Set());
  const isModule = (dotted: string) => {
    const m = walk.module(file, dotted);
    return !!m && path.resolve(m.file) === abs;
  };
  // `from pkg import Trainer` where pkg/__init__.py re-exports it from the module: one re-export followed.
  const reExported = (b: ImportBinding) => {
    const d = b.symbol ? walk.importedDef(file, b) : undefined;
    return !!d && path.resolve(d.mod.file) === abs;
  };
  const bindings = importBindings(root).filter(
    (b) =>
      isModule(b.module) || (!!b.symbol && isModule(`${b.module.replace(/\.$/, '')}.${b.symbol}`)) || reExported(b),
  );
  // `from pkg import data` used as `data.loaders()`: the use is returned as `loaders` of `pkg.data` too.
  const out = new Set<string>();
  // `from classifier import *`: the names the script calls that the module defines (./imports `starBindings`).
  if (starModules(root).some(isModule)) {
    const mod = walk.module(file, starModules(root).find(isModule) ?? '');
    for (const c of nodesOfType(root, 'call')) {
      const f = c?.childForFieldName('function');
      if (mod && f?.type === 'identifier' && definitionOf(mod.root, f.text)?.kind === 'def') out.add(f.text);
    }
  }
  if (bindings.length)
    for (const u of importedUses(root, bindings))
      if (u.module === u.binding.module || isModule(u.module)) out.add(u.symbol);
  return out;
}

/**
 * The module's code the script's run reaches: its top-level statements (run on import), and the functions and classes
 * the script uses, with the top-level definitions they name, and so on. `keep` says whether a call sits in that code.
 */
function reachedCode(root: SyntaxNode, used: Set<string>): (node: SyntaxNode) => boolean {
  const defs = new Map<string, SyntaxNode>();
  for (const n of root.namedChildren) {
    const d = n?.type === 'decorated_definition' ? n.childForFieldName('definition') : n;
    const name =
      d && (d.type === 'function_definition' || d.type === 'class_definition')
        ? d.childForFieldName('name')?.text
        : undefined;
    if (n && name) defs.set(name, n);
  }
  const reached = new Set<string>();
  const queue = [...used].filter((u) => defs.has(u));
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    const body = defs.get(name)?.text;
    if (reached.has(name) || body === undefined) continue;
    reached.add(name);
    for (const other of defs.keys())
      if (!reached.has(other) && new RegExp(`\\b${other}\\b`).test(body)) queue.push(other);
  }
  return (node) => {
    let top: SyntaxNode = node;
    while (top.parent && top.parent.type !== 'module') top = top.parent;
    const d = top.type === 'decorated_definition' ? top.childForFieldName('definition') : top;
    const name =
      d && (d.type === 'function_definition' || d.type === 'class_definition')
        ? d.childForFieldName('name')?.text
        : undefined;
    return !name || reached.has(name);
  };
}

/** Whether the module's code the importer uses (`used`, and the definitions they name) holds the run's entry. */
function loopReached(input: LinkInput, d: RunDraft, used: Set<string>): boolean {
  const root = input.tree?.rootNode;
  const { start, end } = d.plan.entry.span;
  const node = root?.descendantForIndex(start, Math.max(start, end - 1));
  return !!root && !!node && node !== root && reachedCode(root, used)(node);
}

/**
 * The importer's run judged in the module: the module's training loader where the run's loader is the module's (or
 * the run names none), its padding and tf.data pipeline where the run states none. The plan's editor is kept only
 * for what the module does not state (a fix of the module's values edits the module).
 */
function withModuleFacts(input: LinkInput, run: RunDraft, importerText: string, used: Set<string>): RunDraft {
  const tree = input.tree;
  if (!tree) return run;
  const root = tree.rootNode;
  const id = input.file;
  const abs = path.resolve(input.file);
  const inModule = (f: Fact | undefined) => !!f?.file && path.resolve(f.file) === abs;
  const values = new ValueResolver(root, findCalls(root, input.text, ['add_argument']));
  const facts = run.plan.facts;
  // An importer that states the CPU as its device and names no CUDA device: the module's data code is not judged for
  // a GPU (an HF Trainer script with `device = "cpu"`, whose run the engine leaves on unknown hardware).
  const onCpu = CPU_DEVICE.test(importerText) && !NAMES_CUDA.test(importerText);
  // Facts the importer's link read in the module, named as this analysis names it.
  for (const [k, f] of facts) if (inModule(f) && f.file !== id) facts.set(k, { ...f, file: id });
  for (const s of run.plan.relevantSpans) if (path.resolve(s.file) === abs) s.file = id;
  const taken: Fact[] = [];
  // The run's loader is the module's, or the run names none (its loader comes from code it hands the module's to).
  const loaderOwn =
    LOADER_FRAMEWORKS.has(run.plan.framework) &&
    LOADER_KEYS.every((k) => !facts.get(k)?.file || inModule(facts.get(k)));
  if (loaderOwn)
    for (const f of judgedLoaderFacts(id, { root, text: input.text }, values, importerText))
      if (LOADER_KEYS.includes(f.key)) taken.push({ ...f, file: f.file ?? id });
  // Its padding: in the code the run reaches (a tokenise function the script's preprocessing maps), not any function.
  const free = (k: FactKey) => !facts.has(k) || inModule(facts.get(k));
  const padding = maxLengthPadding(id, root, input.text, values, reachedCode(root, used), importerText);
  if (padding && free('padding')) taken.push(padding);
  for (const f of pythonHints(id, input.text, root, values)) if (f.key === 'prefetch' && free(f.key)) taken.push(f);
  for (const f of onCpu ? [] : taken) {
    facts.set(f.key, f);
    if (f.span) run.plan.relevantSpans.push({ file: id, span: f.span, key: f.key });
  }
  const own = new Set(taken.map((f) => f.key));
  const edit = run.plan.edit;
  run.plan.files = [...new Set([...run.plan.files.filter((f) => path.resolve(f) !== abs), id])];
  run.plan.edit =
    edit && ((changes) => (Object.keys(changes).some((k) => own.has(k as FactKey)) ? undefined : edit(changes)));
  return run;
}
