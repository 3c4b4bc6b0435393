// A run length the script reads from an instance of a config class of its project: `config = Config()` (the class
// imported from a module of the tree) … `for epoch in range(config.epochs)`, where the class sets `self.epochs = 200`
// in its `__init__`, takes it as a parameter default (`def __init__(self, epoch=5000): self.epoch = epoch`), or
// writes it as a class attribute (`epochs = 200`). Python runs `__init__` on `Config()`, so a constructor given no
// argument for it leaves the instance with that value (Python tutorial, "Classes": "class instantiation
// automatically invokes __init__() for the newly created class instance"). Only one binding of the attribute in the
// whole class, to a literal, is taken; a script that binds the name to anything but that class, or passes arguments
// that may set it, leaves it unknown. Asked by ./imported-constants for a name the script binds itself.
import * as path from 'node:path';
import type { SyntaxNode } from '../parse/python';
import { literal } from '../parse/python-syntax';
import { definitionOf, importBindings, methodsOf } from '../extract/python-imports';
import type { Resolved } from '../extract/python-values';
import type { ImportWalk, Mod } from './import-walk';

const strip = (n: SyntaxNode | null | undefined): SyntaxNode | undefined => {
  let x = n ?? undefined;
  while (x?.type === 'parenthesized_expression' && x.namedChildren.length === 1) x = x.namedChildren[0] ?? undefined;
  return x;
};

/** `head.attr` where every binding of `head` in the script is `Cls()` of an imported config class. */
export function instanceAttribute(
  walk: ImportWalk,
  self: Mod,
  head: string,
  attr: string,
  /** The class may be defined in `self` itself (a config module that makes its own instance). */
  local = false,
): Resolved | undefined {
  const bound = self.root
    .descendantsOfType('assignment')
    .filter((a) => a?.childForFieldName('left')?.text === head)
    .map((a) => strip(a?.childForFieldName('right')));
  if (bound.length === 0 || !bound.every((c) => c?.type === 'call')) return undefined;
  const names = bound.map((c) => c?.childForFieldName('function')?.text ?? '');
  const cls = names[0];
  if (!/^[A-Z]\w*$/.test(cls) || !names.every((n) => n === cls)) return undefined;
  const own = local ? definitionOf(self.root, cls) : undefined;
  const b = own ? [] : importBindings(self.root).filter((x) => x.local === cls && x.symbol);
  if (!own && (b.length !== 1 || !b[0].symbol)) return undefined;
  const mod = own ? self : walk.module(self.file, b[0].module);
  const def = own ?? (mod && definitionOf(mod.root, b[0].symbol ?? ''));
  if (!mod || def?.kind !== 'def' || def.node.type !== 'class_definition') return undefined;
  const args = bound.flatMap((c) => c?.childForFieldName('arguments')?.namedChildren ?? []);
  return classAttribute(def.node, attr, args, mod.file);
}

/**
 * `cfg.attr` where the script imports an instance a config module makes once at its top level (`from config import
 * config as cfg`, config.py ending `config = Config()`, the class defined there): the attribute as `Cls()` leaves it,
 * read like an instance the script makes. None where the module binds the name again or passes the call arguments
 * that may set it; the script's own writes are checked by the caller.
 */
export function moduleInstanceAttribute(
  walk: ImportWalk,
  self: Mod,
  module: string,
  symbol: string,
  attr: string,
): Resolved | undefined {
  const mod = walk.module(self.file, module);
  // The module itself changes the instance (`config.batch_size = 64`, `setattr(config, …)`): not the class's value.
  const set = new RegExp(
    `(^|[^\\w.])${symbol}\\s*\\.\\s*${attr}\\s*[-+*/]?=[^=]|\\bsetattr\\s*\\(\\s*${symbol}\\b`,
    'm',
  );
  if (!mod || set.test(mod.text)) return undefined;
  return instanceAttribute(walk, mod, symbol, attr, true);
}

/**
 * `Cls.attr` read on a config class of the project itself, not an instance (`from config import Config` …
 * `Trainer(accumulate_grad_batches=Config.effective_batch_size)`): the attribute the class body binds, once, to a
 * literal (Python tutorial, "Class and Instance Variables": a class variable is shared by the class and all its
 * instances, https://docs.python.org/3/tutorial/classes.html#class-and-instance-variables). A dataclass's field
 * default is such a class attribute. None where a method also sets it.
 */
export function classVariable(walk: ImportWalk, self: Mod, head: string, attr: string): Resolved | undefined {
  if (!/^[A-Z]\w*$/.test(head)) return undefined;
  const b = importBindings(self.root).filter((x) => x.local === head && x.symbol);
  if (b.length !== 1 || !b[0].symbol) return undefined;
  const mod = walk.module(self.file, b[0].module);
  const def = mod && definitionOf(mod.root, b[0].symbol);
  if (!mod || def?.kind !== 'def' || def.node.type !== 'class_definition') return undefined;
  const inBody = (def.node.childForFieldName('body')?.namedChildren ?? []).some(
    (s) =>
      s?.type === 'expression_statement' &&
      s.namedChildren[0]?.type === 'assignment' &&
      s.namedChildren[0].childForFieldName('left')?.text === attr,
  );
  return inBody ? classAttribute(def.node, attr, [], mod.file) : undefined;
}

/** The one literal a class gives `attr`: a class attribute, or `self.attr = …` in `__init__` (a literal or a default). */
function classAttribute(cls: SyntaxNode, attr: string, args: (SyntaxNode | null)[], file: string) {
  const body = cls.childForFieldName('body');
  const own = (body?.namedChildren ?? [])
    .map((s) => (s?.type === 'expression_statement' ? s.namedChildren[0] : undefined))
    .filter((a) => a?.type === 'assignment' && a.childForFieldName('left')?.text === attr);
  const sets = (body?.descendantsOfType(['assignment', 'augmented_assignment']) ?? []).filter(
    (a) => a?.childForFieldName('left')?.text === `self.${attr}`,
  );
  const one = [...own, ...sets];
  if (one.length !== 1 || !one[0] || one[0].type !== 'assignment') return undefined;
  const right = strip(one[0].childForFieldName('right'));
  const init = methodsOf(cls).get('__init__');
  const where = `${cls.childForFieldName('name')?.text}.${attr}`;
  const found = (node: SyntaxNode, v: unknown): Resolved | undefined =>
    typeof v === 'number' ? { value: v, node, via: `${where} = ${node.text} in ${path.basename(file)}` } : undefined;
  // A class attribute is what the instance starts with unless the call may set it: a dataclass's generated
  // `__init__` takes every field, positionally or by name (https://docs.python.org/3/library/dataclasses.html).
  const mayBind = (a: SyntaxNode | null) =>
    !a || a.type !== 'keyword_argument' || a.childForFieldName('name')?.text === attr;
  if (own.length === 1) return right && !args.some(mayBind) ? found(right, literal(right)) : undefined;
  // `self.attr = …` outside `__init__` (set by a method later) is not the value the instance starts with.
  if (!init || !right || !(init.startIndex <= one[0].startIndex && one[0].endIndex <= init.endIndex)) return undefined;
  if (right.type !== 'identifier') return found(right, literal(right));
  // `def __init__(self, epoch=5000): … self.epoch = epoch`, the constructor called with no arguments that may set it.
  if (args.some((a) => !a || a.type !== 'keyword_argument' || a.childForFieldName('name')?.text === right.text))
    return undefined;
  if (init.descendantsOfType('assignment').some((a) => a?.childForFieldName('left')?.text === right.text))
    return undefined;
  for (const p of init.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!p || !/default_parameter$/.test(p.type) || p.childForFieldName('name')?.text !== right.text) continue;
    const v = p.childForFieldName('value');
    return v ? found(v, literal(v)) : undefined;
  }
  return undefined;
}
