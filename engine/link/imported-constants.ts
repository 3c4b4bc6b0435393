// A run length the script reads from a config module it imports: `from conf import *` (or through a module that
// star-imports it) with `epoch = 1000` in conf.py, `from config import EPOCHS`, `import config as C` … `C.epochs`.
// The script's loop bound is a name its own text does not bind (`range(total_epoch)`, `run(total_epoch=epoch)`): the
// script's value resolver follows it through the file (locals, parameters and their callers) and asks here for a
// name the file takes from a module. Only a literal bound exactly once at the top level of a module of this tree is
// taken, as `inferred` (a value the code reads, found by following imports); a name bound in several modules with
// different values, or also bound by the script, is left unknown — except an instance of a config class of the
// project the script makes (`config = Config()`, ./config-class).
import type { SyntaxNode } from '../parse/python';
import { findCalls, literal } from '../parse/python-syntax';
import type { RunDraft } from '../extract/run-draft';
import { ValueResolver, type Resolved } from '../extract/python-values';
import { importBindings } from '../extract/python-imports';
import { ImportWalk, importRoots, type Mod } from './import-walk';
import type { Linker } from './linker';
import { openFact, openLengths, UNDECLARED_OPTION, type OpenLength } from './open-length';
import { cachedTree } from './tree-cache';
import type { FactKey } from '../types';
import { classVariable, instanceAttribute, moduleInstanceAttribute } from './config-class';
import * as path from 'node:path';

/** Star imports followed from the script (`train.py` → `data.py` → `conf.py`). */
const MAX_STAR_DEPTH = 3;

/** Fills the run length of the script's own runs from the config modules it imports, where the script leaves it unknown. */
export function withImportedLength(
  linker: Linker,
  file: string,
  text: string,
  tree: { rootNode: SyntaxNode } | undefined,
  drafts: RunDraft[],
): void {
  if (!tree || !linker.parser) return;
  // The loop's bound, and the loader's batch and workers read the same way (`DataLoader(batch_size=hp.batch_size)`).
  const keys: FactKey[] = ['epochs', 'max_steps', 'micro_batch', 'grad_accum', 'num_workers'];
  const open = openLengths(linker, file, drafts, keys);
  if (open.length > 0) fillFrom(linker, file, text, tree.rootNode, open);
  // The same, where the bound or the loader is in a module of the project the script's run reaches (the loop of
  // gan_training.py over `range(args['n_epochs'])`, a DataLoaderCreator in data_loader.py): read in that module, with
  // the imports of that module (`from model_args import args` there).
  const self = linker.id(file);
  const others = new Map<string, OpenLength[]>();
  for (const d of drafts)
    for (const k of keys) {
      const f = d.plan.facts.get(k);
      if (!f?.file || f.file === self || !/\.py$/.test(f.file) || !f.span || !openFact(f)) continue;
      others.set(f.file, [...(others.get(f.file) ?? []), { d, k, f }]);
    }
  for (const [id, items] of others) {
    const abs = path.resolve(id);
    const modText = linker.read(abs);
    if (!modText) continue;
    fillFrom(linker, abs, modText, cachedTree(abs, modText, linker.parser).rootNode, items);
  }
}

/** Resolves each open fact's expression (at its span in `file`) through the modules `file` imports. */
function fillFrom(linker: Linker, file: string, text: string, root: SyntaxNode, open: OpenLength[]): void {
  const walk = new ImportWalk(linker, importRoots(linker, file, text), new Set());
  const self: Mod = { file: path.resolve(file), text, root };
  let taken = 0;
  const values = new ValueResolver(root, findCalls(root, text, ['add_argument']), (name) => {
    const r = importedValue(walk, self, name);
    if (r) taken++;
    return r;
  });
  for (const { d, k, f } of open) {
    if (!f?.span) continue;
    // `auto_find_batch_size=True`: the Trainer halves the batch after an out-of-memory error, so the written size is
    // only where it starts (https://huggingface.co/docs/transformers/main_classes/trainer, `auto_find_batch_size`).
    if (k === 'micro_batch' && d.plan.facts.get('auto_batch')?.value === true) continue;
    const node = root.descendantForIndex(f.span.start, f.span.end);
    const exact = node && node.startIndex === f.span.start && node.endIndex === f.span.end ? node : undefined;
    // A batch's span is its keyword argument (`batch_size=hp.batch_size`): the value is what is read.
    const bound = exact?.type === 'keyword_argument' ? (exact.childForFieldName('value') ?? undefined) : exact;
    taken = 0;
    const r = bound ? values.resolve(bound) : undefined;
    // No loader workers (0) is a setting; no epochs or batch of 0 is.
    if (typeof r?.value !== 'number' || taken === 0 || r.value < 0 || (r.value === 0 && k !== 'num_workers')) continue;
    const said = (f.note ?? k)
      .replace(UNDECLARED_OPTION, '')
      .replace(/\s*(— value unknown|\((not a literal; )?value unknown\))$/, '');
    d.plan.facts.set(k, { ...f, value: r.value, origin: 'inferred', note: `${said}: ${r.via}` });
  }
}

/** A name the script takes from a module (`epoch` through star imports, `C.epochs`), when its text does not bind it. */
export function importedValue(walk: ImportWalk, self: Mod, name: string): Resolved | undefined {
  const keyed = /^(\w+)\[("[^"\\]*")\]$/.exec(name);
  if (keyed) return importedDictValue(walk, self, keyed[1], JSON.parse(keyed[2]) as string);
  const [head, attr, more] = name.split('.');
  if (more !== undefined) return undefined;
  const binds = importBindings(self.root, true);
  // Set by the script somewhere (`C.epochs = args.epochs`, `setattr(C, "epochs", …)`, `global epoch`): not the module's.
  const set = attr
    ? new RegExp(`(^|[^\\w.])${head}\\s*\\.\\s*${attr}\\s*[-+*/]?=[^=]|\\bsetattr\\s*\\(\\s*${head}\\b`, 'm')
    : new RegExp(`\\bglobal\\b[^\\n]*\\b${head}\\b`);
  if (set.test(self.text)) return undefined;
  if (attr !== undefined) {
    // `import conf` / `import conf as C` / `from pkg import conf`: the module's constant.
    const b = binds.filter((x) => x.local === head);
    // `config = Config()` in the script, the class a config class of the project (./config-class).
    const inst = b.length === 0 ? instanceAttribute(walk, self, head, attr) : undefined;
    if (inst) return inst;
    if (b.length > 1 || topLevelBinds(self.root, head) !== 0) return undefined;
    // Not imported by the script: a module a star-imported module imports (`from network import *`, where
    // network.py has `import hyperparams as hp`) — the star import binds every public name (Python reference, "The
    // import statement": without `__all__`, all names not beginning with an underscore).
    const mod = b.length
      ? walk.module(self.file, b[0].symbol ? `${b[0].module}.${b[0].symbol}` : b[0].module)
      : starModule(walk, self, head, 0, new Set());
    if (mod) return constantOf(mod, attr);
    // `from config import config as cfg`: an instance the config module makes of its own class (./config-class).
    const made =
      b.length === 1 && b[0].symbol ? moduleInstanceAttribute(walk, self, b[0].module, b[0].symbol, attr) : undefined;
    if (made) return made;
    // `from config import Config` … `Config.batch_size`: a class variable of the project's config class.
    return b.length === 1 ? classVariable(walk, self, head, attr) : undefined;
  }
  // The script binds the name itself (or imports it twice): not ours to fill.
  if (topLevelBinds(self.root, name) !== 0) return undefined;
  const named = binds.filter((x) => x.local === name && x.symbol);
  if (named.length > 1) return undefined;
  const symbol = named[0]?.symbol;
  if (symbol) {
    const mod = walk.module(self.file, named[0].module);
    return mod ? constantOf(mod, symbol) : undefined;
  }
  return starValue(walk, self, name, 0, new Set());
}

/**
 * `hp["batch_size"]` where the script imports `hp` by name from a module that binds it once to a dict literal
 * (`from hyper_params import hyper_params as hp`, `hyper_params = {"batch_size": 64, …}`): that key's literal. Not
 * where the script binds the name or writes into it (`hp["batch_size"] = …`, `hp.update(…)`).
 */
function importedDictValue(walk: ImportWalk, self: Mod, head: string, key: string): Resolved | undefined {
  const named = importBindings(self.root, true).filter((x) => x.local === head);
  const symbol = named[0]?.symbol;
  if (named.length !== 1 || !symbol || topLevelBinds(self.root, head) !== 0) return undefined;
  if (new RegExp(`\\b${head}\\s*(\\[[^\\]]*\\]\\s*[-+*/]?=[^=]|\\.(update|setdefault|pop)\\s*\\()`).test(self.text))
    return undefined;
  const mod = walk.module(self.file, named[0].module);
  if (!mod || topLevelBinds(mod.root, symbol) !== 1) return undefined;
  if (new RegExp(`\\b${symbol}\\s*(\\[[^\\]]*\\]\\s*[-+*/]?=[^=]|\\.(update|setdefault|pop)\\s*\\()`).test(mod.text))
    return undefined;
  for (const s of mod.root.namedChildren) {
    const a = s?.type === 'expression_statement' ? s.namedChildren[0] : undefined;
    const dict =
      a?.type === 'assignment' && a.childForFieldName('left')?.text === symbol
        ? a.childForFieldName('right')
        : undefined;
    if (dict?.type !== 'dictionary') continue;
    const pairs = dict.namedChildren.filter((p) => p?.type === 'pair' && literal(p.childForFieldName('key')) === key);
    const v = pairs.length === 1 ? pairs[0]?.childForFieldName('value') : undefined;
    const value = literal(v);
    if (!v || value === undefined || value === null) return undefined;
    return { value, node: v, via: `${symbol}[${JSON.stringify(key)}] = ${v.text} in ${path.basename(mod.file)}` };
  }
  return undefined;
}

/** The one value `name` has among the modules `from m import *` brings in (followed a few levels). */
function starValue(walk: ImportWalk, mod: Mod, name: string, depth: number, seen: Set<string>): Resolved | undefined {
  if (depth >= MAX_STAR_DEPTH || seen.has(mod.file)) return undefined;
  seen.add(mod.file);
  const found: Resolved[] = [];
  for (const m of starModules(mod.root)) {
    const sub = walk.module(mod.file, m);
    if (!sub) continue;
    const own = constantOf(sub, name);
    const r = own ?? (topLevelBinds(sub.root, name) === 0 ? starValue(walk, sub, name, depth + 1, seen) : undefined);
    if (r) found.push(r);
    else if (topLevelBinds(sub.root, name) !== 0) return undefined;
  }
  return found.length > 0 && found.every((r) => r.value === found[0].value) ? found[found.length - 1] : undefined;
}

/** The one module that `name` is bound to by an import in the modules `from m import *` brings in (a few levels). */
function starModule(walk: ImportWalk, mod: Mod, name: string, depth: number, seen: Set<string>): Mod | undefined {
  if (depth >= MAX_STAR_DEPTH || seen.has(mod.file) || name.startsWith('_')) return undefined;
  seen.add(mod.file);
  const found: Mod[] = [];
  for (const m of starModules(mod.root)) {
    const sub = walk.module(mod.file, m);
    if (!sub || /^__all__\s*[+]?=/m.test(sub.text)) continue;
    const b = importBindings(sub.root, true).filter((x) => x.local === name);
    const own = topLevelBinds(sub.root, name);
    if (own > 0 || b.length > 1) return undefined;
    const r =
      b.length === 1
        ? walk.module(sub.file, b[0].symbol ? `${b[0].module}.${b[0].symbol}` : b[0].module)
        : starModule(walk, sub, name, depth + 1, seen);
    if (r) found.push(r);
  }
  return found.length > 0 && found.every((r) => r.file === found[0].file) ? found[0] : undefined;
}

/** `from m import *` at the top level of a module. */
export function starModules(root: SyntaxNode): string[] {
  const out: string[] = [];
  for (const s of root.namedChildren)
    if (s?.type === 'import_from_statement' && s.descendantsOfType('wildcard_import').length) {
      const m = s.childForFieldName('module_name')?.text.replace(/\s+/g, '');
      if (m) out.push(m);
    }
  return out;
}

/** A literal bound exactly once at a module's top level (`epoch = 1000`). */
function constantOf(mod: Mod, name: string): Resolved | undefined {
  if (topLevelBinds(mod.root, name) !== 1) return undefined;
  for (const s of mod.root.namedChildren) {
    const a = s?.type === 'expression_statement' ? s.namedChildren[0] : undefined;
    if (a?.type !== 'assignment' || a.childForFieldName('left')?.text !== name) continue;
    const right = a.childForFieldName('right');
    const v = literal(right);
    if (v === undefined || v === null || !right) return undefined;
    return { value: v, node: right, via: `${name} = ${right.text} in ${path.basename(mod.file)}` };
  }
  return undefined;
}

/** How many top-level statements bind `name` (an assignment, `+=`, a def, a class, a for loop, an import of it). */
function topLevelBinds(root: SyntaxNode, name: string): number {
  let n = 0;
  const re = new RegExp(`(^|[\\s,(])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*(,|\\)|$)`);
  for (const s of root.namedChildren) {
    if (!s) continue;
    const a = s.type === 'expression_statement' ? s.namedChildren[0] : undefined;
    if (
      (a?.type === 'assignment' || a?.type === 'augmented_assignment') &&
      re.test(a.childForFieldName('left')?.text ?? '')
    )
      n++;
    else if (
      (s.type === 'function_definition' || s.type === 'class_definition') &&
      s.childForFieldName('name')?.text === name
    )
      n++;
    else if (s.type === 'for_statement' && re.test(s.childForFieldName('left')?.text ?? '')) n++;
    else if (s.type === 'if_statement' || s.type === 'try_statement' || s.type === 'with_statement') {
      // Bound under a condition at the top level: counted, so that it is never taken as a constant.
      if (new RegExp(`^\\s*${name}\\s*=[^=]`, 'm').test(s.text)) n++;
    }
  }
  return n;
}
