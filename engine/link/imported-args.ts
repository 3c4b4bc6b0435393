// A script whose argparse parser is built in a repository module it imports: `args = ArgsInit().save_exp()` with the
// options in args.py, `args = get_citation_args()`, `opt = TrainOptions().parse()` (and the options of the class it
// derives from), `parser = get_parser()` … `args = parser.parse_args()`. The defaults declared there are the
// script's defaults as much as its own `add_argument` calls would be (argparse docs: an option's `default` is its
// value when the command line omits it), so the script's readers read `args.batch_size` as that default
// (../extract/imported-args.ts), marked `script-default` and named by its option so that a launcher's flag still wins.
//
// Left unknown (precision before recall): an option declared twice with different defaults, one a `set_defaults`
// call names, one the script assigns (`args.lr = …`); everything when the parser is handed to code not read here
// (`model_option_setter(parser)` may add options or change defaults), or when the script rebinds the name, sets
// attributes through `setattr`/`vars()`, or the definition declares no option.
import * as path from 'node:path';
import type { SyntaxNode } from '../parse/python';
import { findCalls, literal } from '../parse/python-syntax';
import { nodesOfType } from '../parse/nodes-of-type';
import { definitionOf, importBindings } from '../extract/python-imports';
import { argparseTyped, type ImportedArgs } from '../extract/imported-args';
import type { FactValue } from '../types';
import { ImportWalk, importRoots, type Mod } from './import-walk';
import { starModules } from './imported-constants';
import type { Linker } from './linker';

/** Libraries, never a repository's parser module. */
const LIBRARY = /^(torch|numpy|os|sys|argparse|tensorflow|keras|jax|flax|optax|transformers|yaml|json|typing)\b/;
/** What may be done with the parser without adding options or defaults elsewhere. */
const KNOWN_USE =
  /^(parse_(known_)?args|add_argument(_group)?|set_defaults|print_help|print_usage|format_help|vars|str|print)$/;
const PARSES = /\bparse_(?:known_)?args\s*\(/;

interface Def {
  mod: Mod;
  node: SyntaxNode;
  /** A class of the parser's chain: 0 the class called, 1 its base… (undefined: a helper function). */
  level?: number;
}

/** The options the script's parsed arguments take from the module that declares them, if any. */
export function importedParserArgs(
  linker: Linker,
  file: string,
  text: string,
  root: SyntaxNode,
): ImportedArgs | undefined {
  if (!linker.parser || !/\bimport\b/.test(text)) return undefined;
  const binds = importBindings(root).filter((b) => !LIBRARY.test(b.module));
  if (binds.length === 0 && starModules(root).length === 0) return undefined;
  let walk: ImportWalk | undefined;
  for (const a of nodesOfType(root, ['assignment'])) {
    const left = a.childForFieldName('left');
    const right = a.childForFieldName('right');
    if (left?.type !== 'identifier' || right?.type !== 'call') continue;
    const callee = rootCallee(right);
    // `from opts import parser` … `args = parser.parse_args()`: the parser a module builds at its top level.
    const parsed = /^(\w+)\.parse_(?:known_)?args$/.exec(callee ?? '')?.[1];
    const object = parsed ? binds.find((b) => b.symbol && b.local === parsed) : undefined;
    if (object) {
      walk ??= new ImportWalk(linker, importRoots(linker, file, text), new Set());
      const mod = walk.module(file, object.module);
      if (!mod || definitionOf(mod.root, object.symbol ?? '')?.kind !== 'assign') return undefined;
      const names = new Set([left.text]);
      if (rebound(root, text, left.text)) return undefined;
      const defaults = declared([{ mod, node: mod.root }], text, names, object.symbol);
      return defaults && defaults.size > 0 ? { names, defaults } : undefined;
    }
    const bound = callee && boundSymbol(binds, callee);
    // `from config import *` … `opt = get_opt()`: a function the script neither defines nor imports by name, taken
    // from a module it star-imports (defNamed: a star import binds every public name).
    const starred = !bound && callee && /^\w+$/.test(callee) && !definitionOf(root, callee);
    if (!bound && !starred) continue;
    walk ??= new ImportWalk(linker, importRoots(linker, file, text), new Set());
    const def = bound
      ? definitionIn(walk, file, bound.module, bound.symbol)
      : defNamed(walk, { file: path.resolve(file), text, root }, callee);
    if (!def) continue;
    const defs = withHelpers(walk, def);
    if (!defs.some((d) => /\badd_argument\s*\(/.test(d.node.text))) continue;
    // The definition parses (`args = ArgsInit().parse()`), or returns the parser the script parses.
    const names = new Set<string>();
    if (defs.some((d) => PARSES.test(d.node.text))) names.add(left.text);
    for (const m of text.matchAll(
      new RegExp(`^\\s*(\\w+)\\s*(?:,\\s*\\w+\\s*)?=\\s*${left.text}\\.parse_(?:known_)?args\\s*\\(`, 'gm'),
    ))
      names.add(m[1]);
    if (names.size === 0 || [...names].some((n) => rebound(root, text, n))) return undefined;
    const defaults = declared(defs, text, names);
    return defaults && defaults.size > 0 ? { names, defaults } : undefined;
  }
  return undefined;
}

/** The name a call chain starts from: `ArgsInit().save_exp()` → ArgsInit, `options.get_args()` → options.get_args. */
function rootCallee(call: SyntaxNode): string | undefined {
  let n: SyntaxNode | null = call;
  while (n && (n.type === 'call' || (n.type === 'attribute' && n.childForFieldName('object')?.type === 'call')))
    n = n.type === 'call' ? n.childForFieldName('function') : n.childForFieldName('object');
  return n && (n.type === 'identifier' || n.type === 'attribute') ? n.text : undefined;
}

/** The module and symbol an imported callee names (`from args import ArgsInit`, `import options as O` + `O.get`). */
function boundSymbol(binds: ReturnType<typeof importBindings>, callee: string) {
  for (const b of binds) {
    if (b.symbol && callee === b.local) return { module: b.module, symbol: b.symbol };
    if (!b.symbol && callee.startsWith(`${b.local}.`) && !callee.slice(b.local.length + 1).includes('.'))
      return { module: b.module, symbol: callee.slice(b.local.length + 1) };
  }
  return undefined;
}

/** A function or class of a repository module (through one re-export: `from .args import ArgsInit` in __init__.py). */
function definitionIn(walk: ImportWalk, from: string, module: string, symbol: string, hops = 0): Def | undefined {
  const mod = walk.module(from, module);
  const d = mod && definitionOf(mod.root, symbol);
  if (!mod || !d) return undefined;
  if (d.kind === 'def') return { mod, node: d.node };
  if (d.kind === 'import' && hops < 1)
    return definitionIn(walk, mod.file, d.binding.module, d.binding.symbol ?? symbol, hops + 1);
  return undefined;
}

/** Base classes followed up a parser class's chain (`CycleGANTrainArgParser` → `TrainArgParser` → `BaseArgParser`). */
const MAX_BASES = 3;

/**
 * The definition with what declares its options elsewhere: a class's base classes up its chain
 * (`TrainOptions(BaseOptions)`, a few levels, each in its module or imported), and the functions it calls that add
 * options (`add_common_args(parser)`), defined in its module, imported from another or brought in by
 * `from .parse import *` — one level each. `level` is a class's distance from the called one (bases run first).
 */
function withHelpers(walk: ImportWalk, def: Def): Def[] {
  const out: Def[] = [{ ...def, level: 0 }];
  for (let i = 0; i < out.length && i <= MAX_BASES; i++) {
    const d = out[i];
    if (d.node.type !== 'class_definition') continue;
    for (const base of d.node.childForFieldName('superclasses')?.namedChildren ?? []) {
      if (base?.type !== 'identifier') continue;
      const b = defNamed(walk, d.mod, base.text);
      if (b && !out.some((o) => o.node.id === b.node.id && o.mod === b.mod))
        out.push({ ...b, level: (d.level ?? 0) + 1 });
    }
  }
  for (const d of [...out])
    for (const c of nodesOfType(d.node, ['call'])) {
      const fn = c.childForFieldName('function');
      if (fn?.type !== 'identifier') continue;
      const h = defNamed(walk, d.mod, fn.text);
      if (h && h.node.type === 'function_definition' && /\badd_argument\s*\(/.test(h.node.text))
        if (!out.some((o) => o.node.id === h.node.id && o.mod === h.mod)) out.push(h);
    }
  return out;
}

/** A function or class a module defines, imports, or takes from a module it star-imports (`from .parse import *`). */
function defNamed(walk: ImportWalk, mod: Mod, name: string): Def | undefined {
  const d = definitionOf(mod.root, name);
  if (d?.kind === 'def') return { mod, node: d.node };
  if (d?.kind === 'import') return definitionIn(walk, mod.file, d.binding.module, d.binding.symbol ?? name);
  if (d || name.startsWith('_')) return undefined;
  // A star import binds every public name of the module (Python reference, "The import statement").
  for (const m of starModules(mod.root)) {
    const sub = walk.module(mod.file, m);
    const s = sub && definitionOf(sub.root, name);
    if (sub && s?.kind === 'def') return { mod: sub, node: s.node };
  }
  return undefined;
}

/**
 * The script binds the name twice, or sets its attributes in ways not read here: `setattr(args, …)`, a write through
 * its attribute dict (`vars(args).update(…)`, `args.__dict__[k] = v`) or that dict kept under another name. Reading
 * it (`print(vars(args))`, `json.dumps(opt.__dict__)`, `wandb.init(config=vars(args))`) changes no option: `vars()`
 * returns the object's `__dict__` (https://docs.python.org/3/library/functions.html#vars).
 */
function rebound(root: SyntaxNode, text: string, name: string): boolean {
  const binds = nodesOfType(root, ['assignment']).filter((a) => a.childForFieldName('left')?.text === name).length;
  const dict = `(?:\\bvars\\s*\\(\\s*${name}\\s*\\)|\\b${name}\\.__dict__)`;
  const write = `\\s*(?:\\[[^\\]\\n]*\\]\\s*[-+*/]?=(?!=)|\\.(?:update|setdefault|pop)\\s*\\(|=(?!=))`;
  return (
    binds > 1 ||
    new RegExp(`\\bsetattr\\s*\\(\\s*${name}\\b`).test(text) ||
    new RegExp(`${dict}${write}`).test(text) ||
    new RegExp(`^[ \\t]*\\w+\\s*=\\s*${dict}[ \\t]*(?:#.*)?$`, 'm').test(text)
  );
}

/**
 * dest → default of the options the definitions declare (of `parser` alone when named); undefined when the parser
 * leaves the code read here. A `set_defaults(x=…)` replaces the default of an option added before it (argparse docs,
 * `set_defaults`: "parser-level defaults always override argument-level defaults"), which is known for a class of the
 * parser's chain whose bases' `__init__` ran first (`super().__init__()` before it, the subclass's
 * `self.parser.set_defaults(batch_size=1)` over the base's `--batch_size` default 20); anywhere else, or with an
 * option added after it, the option is left unknown.
 */
function declared(defs: Def[], script: string, names: Set<string>, parser?: string) {
  const out = new Map<string, { value: FactValue; via: string }>();
  const poisoned = new Set<string>();
  /** Where each option was added: the chain level of its class (undefined: a helper) and its offset there. */
  const added = new Map<string, { level?: number; at: number; flag: string }[]>();
  const sets = new Map<string, { level?: number; at: number; value: FactValue | undefined; file: string }[]>();
  for (const d of defs) {
    const body = d.node.text;
    // The parser handed to a function not read here (`parser = model_option_setter(parser, is_train)`).
    for (const m of body.matchAll(/\b([\w.]+)\s*\(\s*parser\b/g)) {
      const fn = m[1].split('.').pop() ?? '';
      if (KNOWN_USE.test(fn) || defs.some((x) => new RegExp(`\\bdef\\s+${fn}\\s*\\(`).test(x.node.text))) continue;
      return undefined;
    }
    const file = path.basename(d.mod.file);
    const superAt = d.level === undefined ? undefined : superInit(d.node);
    for (const c of findCalls(d.mod.root, d.mod.text, ['set_defaults'])) {
      if (c.node.startIndex < d.node.startIndex || c.node.endIndex > d.node.endIndex) continue;
      // Before the bases' `__init__` runs, their options would take their own defaults again.
      const ordered = d.level !== undefined && (superAt === undefined || superAt < c.node.startIndex);
      for (const [k, kw] of c.kwargs) {
        const list = sets.get(k) ?? [];
        list.push({ level: ordered ? d.level : undefined, at: c.node.startIndex, value: literal(kw.value), file });
        sets.set(k, list);
      }
      if (c.hasSplat || c.positional.length) return undefined;
    }
    for (const c of findCalls(d.mod.root, d.mod.text, ['add_argument'])) {
      if (c.node.startIndex < d.node.startIndex || c.node.endIndex > d.node.endIndex) continue;
      if (parser && c.callee !== `${parser}.add_argument`) continue;
      const flag = c.positional.map((p) => literal(p)).find((v) => typeof v === 'string' && v.startsWith('--'));
      if (typeof flag !== 'string' || literal(c.kwargs.get('required')?.value) === true) continue;
      const destLit = literal(c.kwargs.get('dest')?.value);
      const dest = typeof destLit === 'string' ? destLit : flag.replace(/^--/, '').replace(/-/g, '_');
      added.set(dest, [...(added.get(dest) ?? []), { level: d.level, at: c.node.startIndex, flag }]);
      const action = literal(c.kwargs.get('action')?.value);
      const def = c.kwargs.get('default');
      let v: FactValue | undefined = def
        ? literal(def.value)
        : action === 'store_true'
          ? false
          : action === 'store_false'
            ? true
            : undefined;
      v = argparseTyped(v, c.kwargs.get('type')?.value.text);
      if (v === undefined || v === null) {
        poisoned.add(dest);
        continue;
      }
      const prev = out.get(dest);
      if (prev && prev.value !== v) poisoned.add(dest);
      out.set(dest, { value: v, via: `default of argparse ${flag} (${file})` });
    }
  }
  for (const [k, list] of sets) {
    const last = overriding(list, added.get(k) ?? []);
    if (!last || last.value === undefined || last.value === null || poisoned.has(k)) {
      poisoned.add(k);
      continue;
    }
    // Named by its option, so that a launcher's flag still replaces it (./merge.ts reads the note).
    const flag = added.get(k)?.[0]?.flag ?? `--${k}`;
    out.set(k, {
      value: last.value,
      via: `default of argparse ${flag}: set_defaults(${k}=${String(last.value)}) (${last.file})`,
    });
  }
  // The script's own writes (`args.weight_decay = …`, `parser.set_defaults(lr=…)`) are not the declared default.
  for (const n of names)
    for (const m of script.matchAll(new RegExp(`\\b${n}\\.(\\w+)\\s*(?:[-+*/]|//)?=(?!=)`, 'g'))) poisoned.add(m[1]);
  for (const m of script.matchAll(/set_defaults\s*\(([^)]*)\)/g))
    for (const k of m[1].matchAll(/(\w+)\s*=/g)) poisoned.add(k[1]);
  for (const p of poisoned) out.delete(p);
  return out;
}

type Placed = { level?: number; at: number };

/**
 * The `set_defaults` of an option that runs last, when every place that sets or adds it runs in a known order (the
 * chain's classes, bases first, each in its text's order) and no option is added after it; undefined otherwise.
 */
function overriding<T extends Placed>(sets: T[], adds: Placed[]): T | undefined {
  if ([...sets, ...adds].some((p) => p.level === undefined)) return undefined;
  const later = (a: Placed, b: Placed) => {
    const la = a.level ?? 0;
    const lb = b.level ?? 0;
    return la !== lb ? la < lb : a.at > b.at;
  };
  const last = sets.reduce((a, b) => (later(b, a) ? b : a));
  return adds.some((a) => later(a, last)) ? undefined : last;
}

/** Where a class's code calls its base's `__init__` (`super().__init__()`, `Base.__init__(self)`), if it does. */
function superInit(cls: SyntaxNode): number | undefined {
  if (cls.type !== 'class_definition') return undefined;
  const c = nodesOfType(cls, ['call']).find((n) =>
    /^(super\s*\([^)]*\)|\w+)\s*\.\s*__init__$/.test(n.childForFieldName('function')?.text ?? ''),
  );
  return c?.startIndex;
}
