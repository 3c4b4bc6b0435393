// What a Python file takes from other modules and calls, read from its tree alone (nothing is imported or run):
// the local names its `import` statements bind, which of them the file uses outside those statements, the top-level
// definition a name stands for in a module, and whether a definition holds a training step (a backward pass, the
// engine's one test: ./python-scan `isBackwardCall`) or calls names that may. ../link/imports.ts resolves the
// modules and walks them.
import type { SyntaxNode } from '../parse/python';
import { isBackwardCall } from './python-scan';
import { nodesOfType, treeMemo } from '../parse/nodes-of-type';

/** One name an import statement binds: `from engine import train_one_epoch as t1` → local t1, module engine, symbol train_one_epoch. */
export interface ImportBinding {
  local: string;
  /** Dotted module as written; leading dots for relative imports (`.trainer`, `..utils`, `.`). */
  module: string;
  /** The name taken from the module (`from m import x`); undefined for `import m` (the module itself). */
  symbol?: string;
}

/**
 * Names bound by import statements: anywhere in the file (functions often import inside `main`), or only at its top
 * level (`topLevel`: what a module re-exports).
 */
export function importBindings(root: SyntaxNode, topLevel = false): ImportBinding[] {
  const out: ImportBinding[] = [];
  const stmts = topLevel
    ? root.namedChildren.filter((n) => n?.type === 'import_statement' || n?.type === 'import_from_statement')
    : nodesOfType(root, ['import_statement', 'import_from_statement']);
  for (const stmt of stmts) {
    if (!stmt) continue;
    if (stmt.type === 'import_statement') {
      for (const n of stmt.namedChildren) {
        if (n?.type === 'dotted_name') out.push({ local: n.text, module: n.text });
        else if (n?.type === 'aliased_import') {
          const name = n.childForFieldName('name')?.text;
          const alias = n.childForFieldName('alias')?.text;
          if (name && alias) out.push({ local: alias, module: name });
        }
      }
      continue;
    }
    const mod = stmt.childForFieldName('module_name')?.text.replace(/\s+/g, '');
    if (!mod || stmt.descendantsOfType('wildcard_import').length) continue;
    for (const n of stmt.childrenForFieldName('name')) {
      if (n?.type === 'dotted_name') out.push({ local: n.text, module: mod, symbol: n.text });
      else if (n?.type === 'aliased_import') {
        const name = n.childForFieldName('name')?.text;
        const alias = n.childForFieldName('alias')?.text;
        if (name && alias) out.push({ local: alias, module: mod, symbol: name });
      }
    }
  }
  return out;
}

/** A use of an imported name: the symbol it reaches in which module (`engine.train_one_epoch(…)` → engine, train_one_epoch). */
export interface ImportedUse {
  binding: ImportBinding;
  /** The module the symbol lives in (the binding's module, or `module.sub` for `import pkg` + `pkg.sub.f()`). */
  module: string;
  symbol: string;
  /** Used inside a loop (`for epoch …: train_one_epoch(…)`): the likeliest way into a training step. */
  inLoop: boolean;
}

const inLoopBody = (n: SyntaxNode) => {
  for (let p = n.parent; p; p = p.parent) if (p.type === 'for_statement' || p.type === 'while_statement') return true;
  return false;
};

const inImportByParents = (n: SyntaxNode) => {
  for (let p = n.parent; p; p = p.parent)
    if (p.type === 'import_statement' || p.type === 'import_from_statement') return true;
  return false;
};

/**
 * Is `n` (a node under `scope`) part of an import statement? The statements' spans are found once per scope: import
 * statements do not nest, and a node with width lies inside one exactly when its span does (walking up a node's
 * parents costs a walk down from the root in tree-sitter, once per level). A zero-width node (a missing token the
 * parser put in) may sit on a statement's edge: its parents are asked.
 */
function importSpans(scope: SyntaxNode): (n: SyntaxNode) => boolean {
  const spans = treeMemo(scope, 'import-spans', () =>
    nodesOfType(scope, ['import_statement', 'import_from_statement']).map((s) => [s.startIndex, s.endIndex] as const),
  );
  return (n) => {
    if (spans.length === 0) return false;
    const start = n.startIndex;
    const end = n.endIndex;
    if (start === end) return inImportByParents(n);
    // The last statement starting at or before `start` is the only one that can hold the node.
    let lo = 0;
    let hi = spans.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid][0] <= start) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return at >= 0 && end <= spans[at][1];
  };
}

/**
 * The imported names `scope` uses (called, instantiated, subscripted, passed on): for `from m import f` a use of `f`;
 * for `import m` (or `import m as x`) each `m.f` it reads. A `from pkg import mod` name used as `mod.f` is returned
 * both as the symbol `mod` of pkg and as `f` of `pkg.mod`: the caller tries the module first.
 */
export function importedUses(scope: SyntaxNode, bindings: ImportBinding[]): ImportedUse[] {
  const byLocal = new Map(bindings.map((b) => [b.local, b]));
  const out: ImportedUse[] = [];
  const byKey = new Map<string, ImportedUse>();
  const add = (binding: ImportBinding, module: string, symbol: string, at: SyntaxNode) => {
    const k = `${module}\0${symbol}`;
    const prev = byKey.get(k);
    if (prev) prev.inLoop ||= inLoopBody(at);
    else {
      const use = { binding, module, symbol, inLoop: inLoopBody(at) };
      byKey.set(k, use);
      out.push(use);
    }
  };
  const inImport = importSpans(scope);
  for (const n of scope.descendantsOfType(['identifier', 'attribute'])) {
    if (!n || inImport(n)) continue;
    if (n.type === 'attribute') {
      // `engine.train_one_epoch`, `xlm.trainer.Trainer`: the longest dotted prefix an import binds.
      if (n.parent?.type === 'attribute' && n.parent.childForFieldName('object')?.id === n.id) continue;
      const parts = n.text.replace(/\s+/g, '').split('.');
      if (!parts.every((p) => /^\w+$/.test(p))) continue;
      for (let i = parts.length - 1; i >= 1; i--) {
        const b = byLocal.get(parts.slice(0, i).join('.'));
        if (!b) continue;
        const sub = parts.slice(i, -1);
        const base = b.symbol ? `${b.module}${b.module.endsWith('.') ? '' : '.'}${b.symbol}` : b.module;
        add(b, [base, ...sub].join('.').replace(/^(\.+)\./, '$1'), parts[parts.length - 1], n);
        break;
      }
      continue;
    }
    if (n.parent?.type === 'attribute' && n.parent.childForFieldName('attribute')?.id === n.id) continue;
    if (n.parent?.type === 'keyword_argument' && n.parent.childForFieldName('name')?.id === n.id) continue;
    const b = byLocal.get(n.text);
    if (b?.symbol) add(b, b.module, b.symbol, n);
  }
  return out;
}

/** A top-level definition of a module: a function, a class, an assignment, or a name it imports from elsewhere. */
export type Definition =
  { kind: 'def'; node: SyntaxNode } | { kind: 'assign'; node: SyntaxNode } | { kind: 'import'; binding: ImportBinding };

/** What `name` stands for at the top level of a module (a definition before an import of the same name). */
export function definitionOf(root: SyntaxNode, name: string): Definition | undefined {
  // The module's top-level names are indexed once per tree: the import walk asks a module for every name it calls.
  const { defined, imported } = treeMemo(root, 'definitions', () => topLevelNames(root));
  const found = defined.get(name);
  if (found) return found;
  const b = imported.get(name);
  return b ? { kind: 'import', binding: b } : undefined;
}

/** Each top-level definition or assignment by name (the last one wins), and each imported name (the first one). */
function topLevelNames(root: SyntaxNode) {
  const defined = new Map<string, Definition>();
  for (const top of root.namedChildren) {
    const n = top?.type === 'decorated_definition' ? top.childForFieldName('definition') : top;
    if (!n) continue;
    if (n.type === 'function_definition' || n.type === 'class_definition') {
      const name = n.childForFieldName('name')?.text;
      if (name !== undefined) defined.set(name, { kind: 'def', node: n });
    }
    const a = n.type === 'expression_statement' ? n.namedChildren[0] : undefined;
    if (a?.type !== 'assignment') continue;
    const left = a.childForFieldName('left')?.text;
    const right = left === undefined ? null : a.childForFieldName('right');
    if (left !== undefined && right) defined.set(left, { kind: 'assign', node: right });
  }
  const imported = new Map<string, ImportBinding>();
  for (const b of importBindings(root, true)) if (!imported.has(b.local)) imported.set(b.local, b);
  return { defined, imported };
}

/** A backward pass inside `node` (the step of a training loop, by the engine's own test). */
export function holdsStep(node: SyntaxNode): boolean {
  return node.descendantsOfType('call').some((c) => isBackwardCall(c));
}

/**
 * Names a definition hands work to: callees (`train_one_epoch(…)`, `self.optimize(…)` → `optimize`), a class's base
 * classes, and the names an assignment's value holds (`train_factory = {'mot': MotTrainer}`).
 */
export function namesCalled(def: SyntaxNode): { plain: string[]; methods: string[] } {
  const plain = new Set<string>();
  const methods = new Set<string>();
  if (def.type === 'class_definition')
    for (const b of def.childForFieldName('superclasses')?.namedChildren ?? [])
      if (b && /^[\w.]+$/.test(b.text)) plain.add(b.text);
  if (def.type !== 'function_definition' && def.type !== 'class_definition')
    for (const id of [def, ...def.descendantsOfType(['identifier', 'attribute'])])
      if (id && (id.type === 'identifier' || id.type === 'attribute') && /^[\w.]+$/.test(id.text)) plain.add(id.text);
  for (const c of def.descendantsOfType('call')) {
    const f = c?.childForFieldName('function');
    if (!f) continue;
    if (f.type === 'identifier') plain.add(f.text);
    else if (f.type === 'attribute' && /^self\.\w+$/.test(f.text)) methods.add(f.text.slice(5));
    else if (f.type === 'attribute' && /^[\w.]+$/.test(f.text)) plain.add(f.text);
  }
  return { plain: [...plain], methods: [...methods] };
}

/** The methods of a class, by name. */
export function methodsOf(cls: SyntaxNode): Map<string, SyntaxNode> {
  const out = new Map<string, SyntaxNode>();
  for (const s of cls.childForFieldName('body')?.namedChildren ?? []) {
    const fn = s?.type === 'decorated_definition' ? s.childForFieldName('definition') : s;
    const name = fn?.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
    if (fn && name) out.set(name, fn);
  }
  return out;
}

/** Names the file binds to a whole module (`import config`, `import config as C`, `from . import config`), by root. */
const moduleNames = new WeakMap<SyntaxNode, Set<string>>();

/**
 * Whether an attribute's object reads parsed options (`args.epochs`, `opt.lr`, `config.batch_size`): a conventional
 * namespace name the file does not bind to an imported module. `import config` … `config.NUM_WORKERS` reads a module
 * constant (Python reference, "The import statement": the name is bound to the module object), which
 * ../link/imported-constants.ts reads from that module — not an argparse dest a launcher flag would fill.
 */
export function optionNamespace(root: SyntaxNode, obj: SyntaxNode | null | undefined): boolean {
  const name = obj?.type === 'identifier' ? obj.text : '';
  if (!/^(args|opt|opts|cfg|config|hparams|training_args|train_args|script_args|model_args)$/.test(name)) return false;
  let mods = moduleNames.get(root);
  if (!mods) {
    mods = new Set(importBindings(root).flatMap((b) => (!b.symbol || /^\.+$/.test(b.module) ? [b.local] : [])));
    moduleNames.set(root, mods);
  }
  return !mods.has(name);
}
