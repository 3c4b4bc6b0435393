// The other half of "a config and the script that reads it are one run": a training script analysed alone reads the
// config it names as its default (`add_argument("--config", default="configs/base.yaml")`, click's
// `@click.option("--config_path", default=…)`, `def main(json_path=
// "options/train.json")`, `OmegaConf.load("conf/train.yaml")`, `Config.fromfile(…)`, `merge_from_file(…)`,
// `yaml.safe_load(open(…))`). The script's expressions over that config (`cfg.TRAIN.EPOCHS`) then have values, the
// switches it reads are set or not, and what the config states fills what the script's reader only assumed — origin
// `inferred`, with a note naming the default config. A path given on a command line replaces it, so a launcher's
// config (./named-configs) is applied first and this one only where nothing else was.
import * as path from 'node:path';
import { readingFacts, settingFacts } from '../extract/config-reading';
import { readSets, stepBudgetEnds } from '../extract/vocab-run';
import type { RunDraft } from '../extract/run-draft';
import { findCalls, literal } from '../parse/python-syntax';
import { nodesOfType } from '../parse/nodes-of-type';
import type { SyntaxNode, Tree } from '../parse/python';
import type { Fact, FactKey, Origin } from '../types';
import type { Linker } from './linker';
import { configLookup, schemaOf, projectTop, pythonFiles } from './config-readers';
import { entrySets } from './vocab';

const CONFIG_FILE = /\.(ya?ml|jsonc?|toml|ini|cfg|conf)$/i;
const CONFIG_OPTION = /^-{1,2}(c|cfg|config|config[-_]?file|config[-_]?path|opt|options?|hparams|hps|exp[-_]?config)$/i;
const LOADERS = [
  'load',
  'safe_load',
  'full_load',
  'fromfile',
  'merge_from_file',
  'from_yaml',
  'parse_yaml',
  'get_hparams_from_file',
];
/** Origins the default config may replace: nothing the script states. */
const WEAK: Origin[] = ['assumed', 'framework-default'];
const KEEP: FactKey[] = ['model', 'params', 'modality', 'framework', 'devices', 'hardware'];

/** The `open(…)` call a `with open(…) as <name>:` binds to `name`. */
function openedAs(root: SyntaxNode, name: string): SyntaxNode | undefined {
  for (const item of nodesOfType(root, 'with_item')) {
    const v = item?.childForFieldName('value');
    const call = v?.type === 'as_pattern' ? v.namedChildren[0] : undefined;
    const alias = v?.childForFieldName('alias')?.text.replace(/^as\s+/, '');
    if (call?.type === 'call' && call.childForFieldName('function')?.text === 'open' && alias === name) return call;
  }
  return undefined;
}

/**
 * A path as written: a literal, `Path("configs/x.yaml")`, `ROOT / "configs" / "x.yaml"` or
 * `os.path.join(ROOT, "configs", "x.yaml")` (the folder the parts are joined under left out: the linker looks up from
 * the script's folder), or a module constant bound to one (`DEFAULT_CONFIG = ROOT / "configs" / "x.yaml"`).
 */
function pathText(n: SyntaxNode | null | undefined, root: SyntaxNode, depth = 0): string | undefined {
  if (!n) return undefined;
  const v = literal(n);
  if (typeof v === 'string') return v;
  if (n.type === 'identifier' && depth === 0) {
    const bound = root.namedChildren
      .map((st) => (st?.type === 'expression_statement' ? st.namedChildren[0] : undefined))
      .filter((a) => a?.type === 'assignment' && a.childForFieldName('left')?.text === n.text);
    return bound.length === 1 ? pathText(bound[0]?.childForFieldName('right'), root, 1) : undefined;
  }
  const fn = n.type === 'call' ? n.childForFieldName('function')?.text : undefined;
  const args = n.type === 'call' ? (n.childForFieldName('arguments')?.namedChildren ?? []) : [];
  if (fn && /^(pathlib\.)?Path$/.test(fn) && args.length === 1) return pathText(args[0], root, 1);
  const parts: (string | undefined)[] =
    n.type === 'binary_operator' && n.childForFieldName('operator')?.text === '/'
      ? [pathText(n.childForFieldName('left'), root, 1), pathText(n.childForFieldName('right'), root, 1)]
      : fn === 'os.path.join'
        ? args.map((a) => (typeof literal(a) === 'string' ? (literal(a) as string) : undefined))
        : [];
  // The leading folder may be unknown (`ROOT`, `Path(__file__).parent`); every part after it must be written.
  const start = parts[0] === undefined ? 1 : 0;
  if (parts.length < 2 || parts.slice(start).some((x) => x === undefined)) return undefined;
  return parts.slice(start).join('/');
}

/** The config file a script reads when run without arguments, as written. */
function defaultConfig(text: string, tree: Tree): string | undefined {
  const root = tree.rootNode;
  // argparse `add_argument("--config", default=…)`, click `@click.option("-p", "--config_path", default=…)`.
  for (const c of findCalls(root, text, ['add_argument', 'option'])) {
    const names = c.positional.map((p) => literal(p)).filter((v): v is string => typeof v === 'string');
    const d = pathText(c.kwargs.get('default')?.value, root);
    if (names.some((n) => CONFIG_OPTION.test(n)) && typeof d === 'string' && CONFIG_FILE.test(d)) return d;
  }
  for (const c of findCalls(root, text, LOADERS)) {
    let arg: SyntaxNode | undefined = c.positional[0];
    // `yaml.safe_load(open("x.yaml"))`; `with open("x.yaml") as f: cfg = yaml.safe_load(f)` (the file `f` names).
    if (arg?.type === 'identifier') arg = openedAs(root, arg.text) ?? arg;
    if (arg?.type === 'call' && arg.childForFieldName('function')?.text === 'open')
      arg = arg.childForFieldName('arguments')?.namedChildren[0] ?? undefined;
    const v = literal(arg);
    if (typeof v === 'string' && CONFIG_FILE.test(v)) return v;
  }
  // `def main(json_path="options/train.json")`
  const m =
    /^\s*def\s+\w+\s*\([^)]*?\b\w*(config|cfg|json|yaml|opt)\w*\s*=\s*['"]([^'"]+\.(?:ya?ml|jsonc?|toml))['"]/im.exec(
      text,
    );
  return m?.[2];
}

/**
 * The script's own runs with what its default config states and what its code makes of it; with `only`, those facts
 * alone (a run made from the modules the script imports takes the run length of the script's own loop, not what the
 * script's text alone says of precision or loaders the modules decide).
 */
export function withDefaultConfig(
  linker: Linker,
  file: string,
  text: string,
  tree: Tree | undefined,
  drafts: RunDraft[],
  only?: FactKey[],
): RunDraft[] {
  if (!tree || !/\.(ya?ml|jsonc?|toml|ini|cfg|conf)['"]/.test(text)) return drafts;
  const id = linker.id(file);
  // A Hugging Face run takes from the config only what the script's own expressions read from it (its
  // `TrainingArguments(…=cfg[…])`), not what the config's keys would say on their own.
  const mine = drafts.filter((d) => d.plan.entry.file === id);
  if (mine.length === 0) return drafts;
  const named = defaultConfig(text, tree);
  const target = named ? linker.resolve(file, named) : undefined;
  const ctext = target ? linker.read(target) : undefined;
  if (!target || ctext === undefined) return drafts;
  const own = entrySets(linker, target, ctext).sets;
  if (own.length === 0) return drafts;
  const cid = linker.id(target);
  const schema = schemaOf(linker, pythonFiles(linker, projectTop(linker, target), target), own);
  const lookup = configLookup(own, schema);
  const reading = readingFacts(id, text, tree, lookup);
  const settings = settingFacts(id, text, tree, lookup);
  const { read } = readSets(schema ? [schema, ...own] : own);
  for (const d of mine) {
    const facts = d.plan.facts;
    const weak = (k: FactKey) => {
      if (only && !only.includes(k)) return false;
      const cur = facts.get(k);
      if (k === 'epochs' && stepBudgetEnds(facts)) return false;
      return !cur || WEAK.includes(cur.origin) || cur.value === null;
    };
    let added = false;
    const set = (f: Fact, note: string) => {
      facts.set(f.key, { ...f, origin: 'inferred', note });
      if (f.span && f.file) d.plan.relevantSpans.push({ file: f.file, span: f.span, key: f.key });
      added = true;
    };
    for (const f of d.kind === 'hf' ? settings : reading)
      if (weak(f.key) && f.value !== null) set(f, `${f.note} (its default config ${path.basename(cid)})`);
    for (const [k, f] of read.facts)
      if (d.kind !== 'hf' && !KEEP.includes(k) && weak(k) && f.value !== null)
        set(f, `${f.note} (in ${path.basename(f.file ?? cid)}, the default config of ${path.basename(id)})`);
    if (added) d.plan.files = [...new Set([...d.plan.files, cid, ...(schema ? [schema.file] : [])])];
  }
  return drafts;
}
