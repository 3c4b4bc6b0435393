// The argparse options a script takes from the repository module that builds its parser (`args = ArgsInit().parse()`
// with the options declared in args.py, `opt = TrainOptions().parse()`, `args = get_args()`): the linker finds them
// (./link/imported-args.ts) and hands them to the readers of that one script while they read it; the value resolver
// (./python-values.ts) reads `args.batch_size` of those names as the option's declared default, as it reads the
// script's own argparse. Only reads of the names bound to the parsed arguments are answered, and the answer sits on
// the script's own expression (the declaration is in another file).
import type { SyntaxNode, Tree } from '../parse/python';
import type { FactValue } from '../types';

export interface ImportedArgs {
  /** Names the script binds to the parsed arguments (`args`, `opt`); `self.opt` reads the same. */
  names: Set<string>;
  /** dest → the default the module declares, with how it was found ("default of argparse --x (args.py)"). */
  defaults: Map<string, { value: FactValue; via: string }>;
}

const current = new WeakMap<Tree, ImportedArgs>();

/** Runs the readers of one script (its tree) with the options its parser module declares. */
export function withImportedArgs<T>(tree: Tree, args: ImportedArgs | undefined, read: () => T): T {
  if (!args || args.defaults.size === 0) return read();
  current.set(tree, args);
  try {
    return read();
  } finally {
    current.delete(tree);
  }
}

/** `args.<dest>` (or `self.args.<dest>`) of a name bound to the imported parser's result: the declared default. */
export function importedArg(root: SyntaxNode, attribute: SyntaxNode): { value: FactValue; via: string } | undefined {
  const args = current.get(root.tree);
  if (!args || attribute.type !== 'attribute') return undefined;
  const object = attribute.childForFieldName('object')?.text.replace(/^self\./, '') ?? '';
  const dest = attribute.childForFieldName('attribute')?.text;
  return dest && args.names.has(object) ? args.defaults.get(dest) : undefined;
}

/**
 * A string default goes through the option's `type` like a command-line value (argparse docs, "default"):
 * `type=int, default='200'` is 200. Shared by the script's own parser (./python-values.ts) and a parser built in an
 * imported module (../link/imported-args.ts).
 */
export function argparseTyped(v: FactValue | undefined, type: string | undefined): FactValue | undefined {
  if (typeof v !== 'string' || (type !== 'int' && type !== 'float')) return v;
  if (!/^\s*-?\d+(\.\d+)?([eE][-+]?\d+)?\s*$/.test(v)) return v;
  return type === 'int' ? Math.trunc(Number(v)) : Number(v);
}
