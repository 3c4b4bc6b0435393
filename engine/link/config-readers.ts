// A config and the script that reads it are one run, whichever of the two is analysed. Given a config file, the
// training script that reads it is found in the config's own project (nearest folders first, bounded, through the
// FileReader): a script that names the file, one that imports the schema module defining the config's keys (yacs
// `_C.TRAIN.X = …`), or one whose code reads the config's own keys (`hps.train.fp16_run`, `cfg.TRAIN.END_EPOCH`).
// The run then gets what the code fixes and the config does not say (../extract/config-reading): the precision
// switch a key turns on, the epoch loop's bound, the DataLoader's batch and workers, checkpoints saved in the loop,
// accumulation, the optimizer the code builds, and the schema's and argparse's defaults for keys the config leaves
// out — all with origin `inferred`, never over what the config states.
import { multipliedByFound } from '../extract/python-devices';
import { namedForOtherWork } from '../extract/launcher-run';
import * as path from 'node:path';
import { absentMixedPrecision, readingFacts, type PathLookup } from '../extract/config-reading';
import { MULTI_PROCESS } from '../extract/data-parallel';
import type { Entry, EntrySet } from '../extract/generic';
import { readEntries } from '../extract/generic';
import { optimizerFact } from '../extract/python-optimizer';
import { builtModelFact } from '../extract/python-model';
import { ValueResolver } from '../extract/python-values';
import { readSets, vocabRun } from '../extract/vocab-run';
import type { RunDraft } from '../extract/run-draft';
import { findCalls, literal, spanOf } from '../parse/python-syntax';
import type { Tree } from '../parse/python';
import type { Fact, FactKey, Origin } from '../types';
import type { Linker } from './linker';
import { repoWorkers } from './repo-loader-workers';
import { trainingEvidence, TRAINS_AT } from '../extract/python-trains';
import { cachedTree } from './tree-cache';
import { entrySets } from './vocab';
import { repoOptimizer } from './repo-optimizer';
import { withTiedReaders } from './config-readers-tied';
import { configOfOtherWork, writesOnly } from './config-outputs';
import { overOwnSchema } from './own-schema';
import { projectTop, pythonFiles } from './project-files';
export { projectTop, pythonFiles } from './project-files';

const MAX_CANDIDATES = 200;
/** Scripts named for other work than training. */
const OTHER_WORK =
  /(^|[_-])(test|eval|evaluate|infer|inference|predict|demo|valid|validate|export|convert|vis\w*|profile)[_.-]?/i;
/** Code that trains (a helper module that only parses the config's path is not its reader). */
// (or hands its model, loader and optimizer to the project's training loop: maskrcnn-benchmark's `do_train(…)`, or
// to a Hugging Face / TRL trainer: `trainer.train()`, `dpo_trainer.train()`; Keras 2's `model.fit_generator(…)`).
const TRAINS =
  /\.backward\s*\(|\bDataLoader\s*\(|\boptimizer\.step\s*\(|\boptimize_parameters\s*\(|\.fit(_generator)?\s*\(|\b(do_train|train_one_epoch)\s*\(|\b\w*trainer\.train\s*\(/i;
/** Origins a script's reading may replace. */
const WEAK: Origin[] = ['assumed', 'framework-default'];
/** Facts the reading gives a run. */
const FILLED: FactKey[] = [
  'precision',
  'optimizer',
  'grad_accum',
  'periodic_save',
  'num_workers',
  'epochs',
  'micro_batch',
  'global_batch',
];

/** Facts the reading script's own run decides in code. */
const CODE_FACTS: FactKey[] = [
  'precision',
  'grad_accum',
  'periodic_save',
  'optimizer',
  'num_workers',
  // `nn.DataParallel(model)`: the config's loader batch is the global one (../plan-batch.ts).
  'data_parallel',
];

export interface Reader {
  file: string;
  text: string;
  tree: Tree;
  how: string;
}

/** Leaf keys of a config's entries (its bases included), for matching against code. */
const leafKeys = (sets: EntrySet[]) =>
  new Set(
    sets
      .flatMap((s) => s.entries)
      .map((e) => e.path[e.path.length - 1])
      .filter((k) => k.length >= 4 && /[A-Za-z]/.test(k)),
  );

/** How many of `keys` the code reads as `.KEY`, `['KEY']` or `.get('KEY')`. */
function keysRead(text: string, keys: Set<string>): number {
  let n = 0;
  for (const k of keys) {
    const e = k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`\\.${e}\\b|\\[\\s*['"]${e}['"]\\s*\\]|\\.get\\(\\s*['"]${e}['"]`).test(text)) n++;
  }
  return n;
}

/** A yacs-style schema module (`_C.TRAIN.END_EPOCH = 140`) defining most of the config's keys. */
export function schemaOf(linker: Linker, files: string[], own: EntrySet[]): EntrySet | undefined {
  const paths = new Set(own.flatMap((s) => s.entries.map((e) => e.path.join('.'))));
  if (paths.size < 3 || !linker.parser) return undefined;
  let best: { set: EntrySet; n: number } | undefined;
  for (const f of files) {
    const text = linker.read(f);
    // yacs nodes and their look-alikes (a project's own `SegmentronConfig()` dict of attribute nodes).
    if (!text || !/^\s*(_C|__C|_?cfg|config|C)\s*=\s*(CN|CfgNode|EasyDict|edict|ConfigDict|\w+Config)\s*\(/m.test(text))
      continue;
    const set = readEntries(linker.id(f), text, cachedTree(path.resolve(f), text, linker.parser));
    if (!set) continue;
    // Paths without the schema's root variable (`_C.TRAIN.LR` → `TRAIN.LR`).
    const entries = set.entries.filter((e) => e.path.length > 1).map((e) => ({ ...e, path: e.path.slice(1) }));
    const n = entries.filter((e) => paths.has(e.path.join('.'))).length;
    if (n >= 3 && n >= 0.5 * Math.min(paths.size, 20) && (!best || n > best.n))
      best = { set: { ...set, entries, bases: [] }, n };
  }
  return best?.set;
}

/** `@hydra.main(config_path="conf", config_name="train")` in `script`, naming `config` (conf/train.yaml). */
function hydraPrimary(script: string, text: string, config: string): boolean {
  if (!/\.ya?ml$/i.test(config) || !text.includes('config_name')) return false;
  const stem = path.basename(config).replace(/\.ya?ml$/i, '');
  const name = /config_name\s*=\s*['"]([^'"]+)['"]/.exec(text)?.[1];
  const dir = /config_path\s*=\s*['"]([^'"]+)['"]/.exec(text)?.[1];
  if (name?.replace(/\.ya?ml$/i, '') !== stem || dir === undefined) return false;
  return path.resolve(path.dirname(path.resolve(script)), dir) === path.dirname(path.resolve(config));
}

/** Does the script import the schema module (`from config import config`, `from lib.config import cfg`)? */
function importsModule(text: string, schemaFile: string): boolean {
  const stem = path.basename(schemaFile, '.py');
  const pkg = path.basename(path.dirname(schemaFile));
  const names = stem === '__init__' || stem === 'default' || stem === 'defaults' ? [pkg] : [stem, pkg];
  return names.some((n) =>
    new RegExp(`^\\s*(from\\s+[\\w.]*\\b${n}\\b[\\w.]*\\s+import|import\\s+[\\w.]*\\b${n}\\b)`, 'm').test(text),
  );
}

/** The training scripts of the project that read this config, best first. */
export function readersOf(
  linker: Linker,
  file: string,
  own: EntrySet[],
): { readers: Reader[]; schema?: EntrySet; files: string[]; tied?: Reader[] } {
  if (!linker.parser) return { readers: [], files: [] };
  const top = projectTop(linker, file);
  const files = pythonFiles(linker, top, file);
  const schema = schemaOf(linker, files, own);
  const keys = leafKeys(own);
  const base = path.basename(file);
  const scored: { r: Reader; score: number }[] = [];
  let read = 0;
  for (const f of files) {
    // Named for other work (`extract_features.py`, `preprocess.py`): its loader batch is not the training run's.
    if (read >= MAX_CANDIDATES || OTHER_WORK.test(path.basename(f, '.py')) || namedForOtherWork(path.basename(f)))
      continue;
    const text = linker.read(f);
    read++;
    // A script composing this Hydra config trains in ways the quick test misses (physicsnemo's
    // `@StaticCaptureTraining` step): the code's training evidence decides (../extract/python-trains).
    if (!text || !(TRAINS.test(text) || (hydraPrimary(f, text, file) && trainsByCode(linker, f, text)))) continue;
    let how: string | undefined;
    let score = 0;
    // A script that names the file only to write it (a settings snapshot, a summary) is its producer (./config-outputs).
    if (text.includes(base) && writesOnly(text, base)) continue;
    if (text.includes(base) && new RegExp(`['"/]${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]`).test(text)) {
      how = `names ${base}`;
      score = 1000;
    } else if (hydraPrimary(f, text, file)) {
      how = `composes it (@hydra.main config_name="${path.basename(file).replace(/\.ya?ml$/i, '')}")`;
      score = 1000;
    } else if (schema && importsModule(text, schema.file)) {
      how = `imports the schema ${path.basename(schema.file)} of its keys`;
      score = 500;
    } else {
      const n = keysRead(text, keys);
      // Large maps (speaker or label names) swell a config's keys: a dozen settings read is enough.
      if (n >= 4 && (n >= 0.15 * keys.size || n >= 12)) {
        how = `reads ${n} of its keys`;
        score = n;
      }
    }
    if (!how) continue;
    if (!/\bif\s+__name__\s*==|^\s*def main\b|^\s*main\s*\(/m.test(text)) score /= 2;
    scored.push({ r: { file: f, text, tree: cachedTree(path.resolve(f), text, linker.parser), how }, score });
  }
  scored.sort((a, b) => b.score - a.score);
  // Read by key overlap alone, several scripts of one project that read the same keys leave the reader open
  // (KAIR's `main_train_*.py` all read `opt['train'][…]`): no link rather than a guess.
  const [first, second] = scored;
  if (first && second && first.score < 500 && first.score < second.score + Math.max(3, first.score / 4))
    return { readers: [], schema, files, tied: scored.map((s) => s.r) };
  return { readers: scored.map((s) => s.r), schema, files };
}

/** Argparse defaults of the script and of the local modules it imports (`from alphapose.opt import opt`). */
function argDefaults(linker: Linker, reader: Reader, top: string): Map<string, Entry> {
  const out = new Map<string, Entry>();
  const add = (f: string, text: string) => {
    if (!linker.parser || !/add_argument\s*\(/.test(text)) return;
    const set = readEntries(linker.id(f), text, cachedTree(path.resolve(f), text, linker.parser));
    for (const e of set?.entries ?? [])
      if (e.kind === 'default' && e.path.length === 1 && !out.has(e.path[0])) out.set(e.path[0], e);
  };
  add(reader.file, reader.text);
  const mods = [...reader.text.matchAll(/^\s*(?:from\s+([\w.]+)\s+import|import\s+([\w.]+))/gm)].slice(0, 30);
  for (const m of mods) {
    const rel = (m[1] ?? m[2]).replace(/\./g, '/');
    for (const dir of [path.dirname(reader.file), top, path.join(top, 'lib')]) {
      const f = path.join(dir, `${rel}.py`);
      const t = linker.listDir(path.dirname(f)).includes(path.basename(f)) ? linker.read(f) : undefined;
      if (t) {
        add(f, t);
        break;
      }
    }
  }
  return out;
}

/** Config keys the code sets from an argument (`config.AMP_OPT_LEVEL = args.amp_opt_level`), with that default. */
function argOverrides(texts: string[], defaults: Map<string, Entry>): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const t of texts)
    for (const m of t.matchAll(/^\s*\w+((?:\.\w+)+)\s*=\s*args\.(\w+)\s*$/gm)) {
      const d = defaults.get(m[2]);
      if (d && d.value !== null && d.value !== undefined) out.set(m[1].slice(1), d);
    }
  return out;
}

/** Key paths → values of a config over its schema. */
export const configLookup = (own: EntrySet[], schema: EntrySet | undefined): PathLookup =>
  lookupOf(own, schema, new Map(), new Map());

/** Key paths → values: argument overrides, then the config (its bases under it), then the schema. */
function lookupOf(
  own: EntrySet[],
  schema: EntrySet | undefined,
  args: Map<string, Entry>,
  overrides: Map<string, Entry>,
): PathLookup {
  const layers: { file: string; entries: Entry[] }[] = [...own].reverse();
  if (schema) layers.push(schema);
  return (p) => {
    for (let i = 0; i < p.length; i++) {
      const want = p.slice(i).join('.');
      if (i > 0 && p.length - i < 2) break;
      const o = overrides.get(want);
      if (o && o.value !== undefined) return { value: o.value, where: `${want} (argument default ${o.text})` };
      for (const l of layers) {
        const e = l.entries.find((x) => x.path.join('.') === want && x.value !== undefined);
        if (e) return { value: e.value!, where: `${want} (${path.basename(l.file)})` };
      }
    }
    // `dataset_opt['dataloader_batch_size']` (a sub-mapping bound to a name): the one key of the config with that
    // specific name.
    const leaf = p[p.length - 1];
    if (p.length >= 2 || (leaf.includes('_') && leaf.length >= 8)) {
      const tail = `.${p.join('.')}`;
      const hits = layers.flatMap((l) =>
        l.entries.filter((x) => `.${x.path.join('.')}`.endsWith(tail) && x.value !== undefined).map((e) => ({ e, l })),
      );
      const files = new Set(hits.map((h) => h.e.path.join('.')));
      if (hits.length && files.size === 1)
        return { value: hits[0].e.value!, where: `${hits[0].e.path.join('.')} (${path.basename(hits[0].l.file)})` };
    }
    // `opt.nThreads` where opt is the parsed arguments.
    const a = p.length === 1 ? args.get(p[0]) : undefined;
    return a && a.value !== undefined ? { value: a.value, where: `--${p[0]} (argument default)` } : undefined;
  };
}

/**
 * The config's run with what the script that reads it fixes: the config's own run (or, for a config no reader or
 * vocabulary made a run of, the run of the config over its schema) with the script's reading filled in where the
 * config says nothing. Unchanged when no training script of the project reads the config.
 */
export function withReadingScript(linker: Linker, file: string, text: string, drafts: RunDraft[]): RunDraft[] {
  // A run with code of its own is not a config's (a Python config is itself a .py file).
  const code = (f: string) => /\.py$/.test(f) && path.resolve(f) !== path.resolve(file);
  if (drafts.length > 1 || drafts.some((d) => d.kind !== 'vocab' || d.plan.files.some(code))) return drafts;
  const own = entrySets(linker, file, text).sets;
  if (own.length === 0 || own[own.length - 1].entries.length < 3) return drafts;
  // A config of inference, evaluation or data that is no run by itself is no training script's run (./config-outputs).
  if (!drafts[0] && configOfOtherWork(path.relative(projectTop(linker, file), path.resolve(file)))) return drafts;
  const found = readersOf(linker, file, own);
  const reader = found.readers[0];
  if (!reader) {
    overOwnSchema(drafts[0], found.schema, own);
    return withTiedReaders(linker, drafts, found.tied, configLookup(own, found.schema));
  }
  const schema = found.schema ?? splatSchema(linker.id(reader.file), reader);
  const top = projectTop(linker, file);
  const args = argDefaults(linker, reader, top);
  const schemaText = schema ? linker.read(path.resolve(schema.file)) : undefined;
  const overrides = argOverrides([reader.text, schemaText ?? ''], args);
  const lookup = lookupOf(own, schema, args, overrides);
  const script = linker.id(reader.file);
  const reading = readingFacts(script, reader.text, reader.tree, lookup).filter((f) => FILLED.includes(f.key));
  let d = drafts[0];
  if (!d) {
    const made = vocabRun(schema ? [schema, ...own] : own) ?? readRun(file, own, schema, reading);
    if (!made) return drafts;
    d = linker.enrich(made);
  }
  const facts = d.plan.facts;
  // A project's own yacs schema (maskrcnn-benchmark and its forks, lufficc/SSD) states that project's defaults: the
  // numbers detectron2 documents for its own schema are not this code's (./own-schema.ts).
  const ownSchema = overOwnSchema(d, found.schema, own);
  // The schema's defaults for what the config leaves out, read through the vocabulary: the project's declared
  // default stands over a framework's documented one.
  const withSchema = schema && drafts[0] ? vocabRun([schema, ...own]) : undefined;
  for (const [k, f] of withSchema?.plan.facts ?? []) {
    if (f.origin === 'framework-default' && (ownSchema || facts.has(k))) continue;
    if ((!facts.has(k) || WEAK.includes(facts.get(k)!.origin)) && !overridden(f, schema, own)) {
      if (k === 'save_steps' && facts.get('periodic_save')?.origin === 'framework-default')
        facts.delete('periodic_save');
      facts.set(k, { ...f, origin: 'inferred' });
    }
  }
  const fill = (f: Fact) => {
    const cur = facts.get(f.key);
    // The schema's default is the weakest written value: the script's reading of the same key says what it does.
    const fromSchema = !!schema && cur?.file === schema.file;
    // A batch the code divides by the process count overrides the vocabulary's per-device reading of the same key.
    const divided = f.key === 'micro_batch' && f.value === null && cur?.origin === 'inferred';
    if (cur && !WEAK.includes(cur.origin) && cur.value !== null && !fromSchema && !divided) return;
    // The config's framework documents a precision its library code sets (torchtitan): no autocast in the script
    // says nothing against it.
    if (cur?.origin === 'framework-default' && cur.value !== null && absentMixedPrecision(f)) return;
    facts.set(f.key, { ...f, note: `${f.note} — ${path.basename(reader.file)} ${reader.how}` });
    if (f.span && f.file) d.plan.relevantSpans.push({ file: f.file, span: f.span, key: f.key });
  };
  for (const f of reading) fill(f);
  // What the script's own reader states in code (an unconditional `autocast`, its accumulation, its checkpoint
  // calls): choices of the code, not of the config. Batch and length are left out: the script's own defaults for
  // them are what the config replaces.
  for (const run of linker.pythonRuns(reader.file, reader.text).filter((r) => r.plan.entry.file === script))
    for (const k of CODE_FACTS) {
      const f = run.plan.facts.get(k);
      // A DataParallel beside DistributedDataParallel (fairchem's single-GPU `OCPDataParallel`, then DDP) is no
      // one-process-over-every-GPU run.
      if (k === 'data_parallel' && MULTI_PROCESS.test(reader.text)) continue;
      if (f && f.value !== null && f.origin !== 'assumed' && !reading.some((x) => x.key === k))
        fill({ ...f, origin: 'inferred' });
    }
  // A config's AMP switch read as fp16 (`amp: true`): the reading script's autocast says which half type it is.
  const amp = facts.get('precision');
  if (amp?.origin === 'inferred' && amp.value === 'fp16' && amp.file !== script) {
    const dtype = autocastDtype(reader.text);
    if (dtype !== 'fp16')
      facts.set('precision', {
        ...amp,
        value: dtype ?? null,
        note: `${amp.note} — ${path.basename(reader.file)} autocasts to ${dtype ?? 'a dtype it computes (not known here)'}`,
      });
  }
  // A device count the script multiplies by the GPUs it finds (`world_size=cfg["dist_config"]["world_size"] * num_gpus`
  // with `num_gpus = torch.cuda.device_count()`): the config's value is a factor of the count, not the count.
  const dev = facts.get('devices');
  if (dev?.origin === 'inferred' && dev.file !== script && dev.name && multipliedByFound(dev.name, reader.text))
    facts.set('devices', {
      ...dev,
      value: null,
      note: `${dev.note} — ${path.basename(reader.file)} multiplies ${dev.name} by the GPUs it finds: a factor of the count`,
    });
  // The optimizer the code builds, where the config names none.
  if (!facts.get('optimizer') || WEAK.includes(facts.get('optimizer')!.origin)) {
    const calls = findCalls(reader.tree.rootNode, reader.text, ['add_argument']);
    const o =
      optimizerFact(script, reader.text, reader.tree.rootNode, new ValueResolver(reader.tree.rootNode, calls)) ??
      repoOptimizer(linker, { file: path.resolve(reader.file), text: reader.text, root: reader.tree.rootNode });
    if (o && typeof o.value === 'string') fill({ ...o, origin: 'inferred' });
  }
  // The workers of the DataLoader the code leaves to a repository helper (./repo-loader-workers).
  const mod = { file: path.resolve(reader.file), text: reader.text, root: reader.tree.rootNode };
  const workers = WEAK.includes(facts.get('num_workers')?.origin ?? 'assumed') ? repoWorkers(linker, mod) : undefined;
  if (workers) fill({ ...workers, origin: 'inferred' });
  // The model the code builds (`generator = BigVGAN(h)`), where the config names none.
  if (!facts.get('model')?.value) {
    const calls = findCalls(reader.tree.rootNode, reader.text, ['add_argument']);
    const m = builtModelFact(script, reader.tree.rootNode, new ValueResolver(reader.tree.rootNode, calls));
    if (m) fill({ ...m, origin: 'inferred' });
  }
  d.plan.files = [...new Set([...d.plan.files, script, ...(schema ? [schema.file] : [])])];
  d.plan.entry.label += ` — read by ${path.basename(reader.file)}`;
  return [d];
}

/**
 * A config the vocabulary alone does not read as training (a yacs experiment file of model keys, a JSON of options)
 * but a training script reads: its run is the schema's and the config's settings read through the vocabulary, when
 * they or the script's reading state a batch or a run length (a data or model config read by the same script states
 * neither).
 */
function readRun(file: string, own: EntrySet[], schema: EntrySet | undefined, reading: Fact[]): RunDraft | undefined {
  const sets = schema ? [schema, ...own] : own;
  const { read } = readSets(sets);
  const facts = new Map<FactKey, Fact>();
  for (const [k, f] of read.facts)
    if (!overridden(f, schema, own)) facts.set(k, { ...f, origin: f.origin === 'explicit' ? f.origin : 'inferred' });
  const sized = (k: FactKey) => facts.has(k) || reading.some((f) => f.key === k && f.value !== null);
  if (!(['micro_batch', 'global_batch', 'epochs', 'max_steps'] as FactKey[]).some(sized)) return undefined;
  const main = own[own.length - 1];
  return {
    plan: {
      framework: 'config',
      entry: { file: main.file, span: main.entries[0]?.span ?? { start: 0, end: 0 }, label: 'training config' },
      files: [...new Set(sets.map((s) => s.file))],
      facts,
      edit: read.edit,
      relevantSpans: [...facts.values()].flatMap((f) =>
        f.span && f.file ? [{ file: f.file, span: f.span, key: f.key }] : [],
      ),
    },
    kind: 'vocab',
    envPrecision: 'never',
    openEnded: false,
    refs: [],
  };
}

/** A schema default for a key the config writes (in a form not read here, `GPUS: (0,1,2,3)`): not what runs. */
function overridden(f: Fact, schema: EntrySet | undefined, own: EntrySet[]): boolean {
  if (!schema || f.file !== schema.file) return false;
  const key = /key `([^`]+)`/.exec(f.note ?? '')?.[1];
  if (!key) return false;
  const written = new Set(own.flatMap((s) => s.entries.map((e) => e.path.join('.'))));
  const parts = key.split('.');
  return written.has(key) || written.has(parts.slice(1).join('.'));
}

/**
 * True when a script's own code trains as ../extract/python-trains reads it (a loop of optimizer steps, a training
 * call), or shows some of it (a loop over epochs) under a name that says it trains (`train_dlwp.py`).
 */
function trainsByCode(linker: Linker, file: string, text: string): boolean {
  if (!linker.parser) return false;
  const code = trainingEvidence(cachedTree(path.resolve(file), text, linker.parser), text).code;
  return code >= TRAINS_AT || (code > 0 && /(^|[_-])train/i.test(path.basename(file)));
}

/**
 * The half type a script's `autocast(…)` calls compute in: fp16 without a dtype (CUDA's default) or with float16,
 * bf16 with bfloat16, undefined when a dtype is computed (`dtype=amp_dtype`) or the calls disagree.
 */
function autocastDtype(text: string): 'fp16' | 'bf16' | undefined {
  const kinds = new Set<string>();
  for (const m of text.matchAll(/\bautocast\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g)) {
    // `dtype=` or positional (`autocast("cuda", torch.bfloat16)`).
    const d = /\bdtype\s*=\s*([\w.]+)/.exec(m[1])?.[1] ?? /\b(?:torch\.)?b?float16\b/.exec(m[1])?.[0];
    kinds.add(
      d === undefined || /(^|\.)(float16|half)$/.test(d) ? 'fp16' : /(^|\.)bfloat16$/.test(d) ? 'bf16' : 'unknown',
    );
  }
  if (kinds.size === 0) return 'fp16';
  return kinds.size === 1 && !kinds.has('unknown') ? ([...kinds][0] as 'fp16' | 'bf16') : undefined;
}

/**
 * The config spread into a function of the reading script (`main(**OmegaConf.load(args.config))`, Tune-A-Video and
 * AnimateDiff style): the function's keyword defaults are the defaults of every key the config leaves out.
 */
function splatSchema(file: string, reader: Reader): EntrySet | undefined {
  const root = reader.tree.rootNode;
  const names = new Set<string>();
  for (const call of root.descendantsOfType('call')) {
    const fn = call?.childForFieldName('function');
    const splat = call?.childForFieldName('arguments')?.namedChildren.find((a) => a?.type === 'dictionary_splat');
    if (fn?.type === 'identifier' && splat && /OmegaConf\.load|\b(config|cfg|conf|args_dict)\b/i.test(splat.text))
      names.add(fn.text);
  }
  if (names.size !== 1) return undefined;
  const name = [...names][0];
  const def = root.namedChildren
    .map((n) => (n?.type === 'decorated_definition' ? n.childForFieldName('definition') : n))
    .find((n) => n?.type === 'function_definition' && n.childForFieldName('name')?.text === name);
  const entries: Entry[] = [];
  for (const p of def?.childForFieldName('parameters')?.namedChildren ?? []) {
    if (p?.type !== 'default_parameter' && p?.type !== 'typed_default_parameter') continue;
    const key = p.childForFieldName('name')?.text;
    const value = literal(p.childForFieldName('value') ?? undefined);
    if (key && value !== undefined)
      entries.push({ path: [key], value, span: spanOf(p), text: p.text.slice(0, 80), kind: 'default' });
  }
  return entries.length >= 3 ? { file, syntax: 'python', entries, bases: [] } : undefined;
}
