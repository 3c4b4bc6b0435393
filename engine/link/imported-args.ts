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
  if (binds.length === 0) return undefined;
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
    if (!bound) continue;
    walk ??= new ImportWalk(linker, importRoots(linker, file, text), new Set());
    const def = definitionIn(walk, file, bound.module, bound.symbol);
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

/**
 * The definition with what declares its options elsewhere: a class's base classes (`TrainOptions(BaseOptions)`),
 * and the module's functions it calls that add options (`add_common_args(parser)`), one level each.
 */
function withHelpers(walk: ImportWalk, def: Def): Def[] {
  const out: Def[] = [def];
  if (def.node.type === 'class_definition')
    for (const base of def.node.childForFieldName('superclasses')?.namedChildren ?? []) {
      if (base?.type !== 'identifier') continue;
      const d = definitionOf(def.mod.root, base.text);
      if (d?.kind === 'def') out.push({ mod: def.mod, node: d.node });
      else if (d?.kind === 'import') {
        const b = definitionIn(walk, def.mod.file, d.binding.module, d.binding.symbol ?? base.text);
        if (b) out.push(b);
      }
    }
  for (const d of [...out])
    for (const c of nodesOfType(d.node, ['call'])) {
      const fn = c.childForFieldName('function');
      if (fn?.type !== 'identifier') continue;
      const h = definitionOf(d.mod.root, fn.text);
      if (h?.kind === 'def' && h.node.type === 'function_definition' && /\badd_argument\s*\(/.test(h.node.text))
        if (!out.some((o) => o.node.id === h.node.id && o.mod === d.mod)) out.push({ mod: d.mod, node: h.node });
    }
  return out;
}

/** The script binds the name twice, or sets its attributes in ways not read here. */
function rebound(root: SyntaxNode, text: string, name: string): boolean {
  const binds = nodesOfType(root, ['assignment']).filter((a) => a.childForFieldName('left')?.text === name).length;
  return (
    binds > 1 ||
    new RegExp(`\\b(setattr\\s*\\(\\s*${name}\\b|vars\\s*\\(\\s*${name}\\s*\\)|${name}\\.__dict__)`).test(text)
  );
}

/**
 * dest → default of the options the definitions declare (of `parser` alone when named); undefined when the parser
 * leaves the code read here.
 */
function declared(defs: Def[], script: string, names: Set<string>, parser?: string) {
  const out = new Map<string, { value: FactValue; via: string }>();
  const poisoned = new Set<string>();
  for (const d of defs) {
    const body = d.node.text;
    // The parser handed to a function not read here (`parser = model_option_setter(parser, is_train)`).
    for (const m of body.matchAll(/\b([\w.]+)\s*\(\s*parser\b/g)) {
      const fn = m[1].split('.').pop() ?? '';
      if (KNOWN_USE.test(fn) || defs.some((x) => new RegExp(`\\bdef\\s+${fn}\\s*\\(`).test(x.node.text))) continue;
      return undefined;
    }
    for (const m of body.matchAll(/set_defaults\s*\(([^)]*)\)/g))
      for (const k of m[1].matchAll(/(\w+)\s*=/g)) poisoned.add(k[1]);
    const file = path.basename(d.mod.file);
    for (const c of findCalls(d.mod.root, d.mod.text, ['add_argument'])) {
      if (c.node.startIndex < d.node.startIndex || c.node.endIndex > d.node.endIndex) continue;
      if (parser && c.callee !== `${parser}.add_argument`) continue;
      const flag = c.positional.map((p) => literal(p)).find((v) => typeof v === 'string' && v.startsWith('--'));
      if (typeof flag !== 'string' || literal(c.kwargs.get('required')?.value) === true) continue;
      const destLit = literal(c.kwargs.get('dest')?.value);
      const dest = typeof destLit === 'string' ? destLit : flag.replace(/^--/, '').replace(/-/g, '_');
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
  // The script's own writes (`args.weight_decay = …`, `parser.set_defaults(lr=…)`) are not the declared default.
  for (const n of names)
    for (const m of script.matchAll(new RegExp(`\\b${n}\\.(\\w+)\\s*(?:[-+*/]|//)?=(?!=)`, 'g'))) poisoned.add(m[1]);
  for (const m of script.matchAll(/set_defaults\s*\(([^)]*)\)/g))
    for (const k of m[1].matchAll(/(\w+)\s*=/g)) poisoned.add(k[1]);
  for (const p of poisoned) out.delete(p);
  return out;
}
