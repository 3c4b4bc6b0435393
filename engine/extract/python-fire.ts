// Python Fire (`fire.Fire(train)`): every parameter of the function it is handed is a command-line flag of the
// parameter's own name (https://google.github.io/python-fire/guide/), so a launcher's `--micro_batch_size 16` sets it.
// `fire.Fire()` with no argument exposes every function of the module as a command: `python train.py pretrain
// --batch_size=64` calls `pretrain(batch_size=64)` (the guide's "Exposing Multiple Commands"), so the command's first
// word picks the one function that runs and the flags are that function's parameters.
import type { SyntaxNode } from '../parse/python';
import { nodesOfType } from '../parse/nodes-of-type';

const fired = new WeakMap<SyntaxNode, Set<string>>();

/** The functions defined at the module's top level (decorated ones included), by name. */
export function topLevelFunctions(root: SyntaxNode): Map<string, SyntaxNode> {
  const out = new Map<string, SyntaxNode>();
  for (const c of root.namedChildren) {
    if (!c) continue;
    const def = c.type === 'decorated_definition' ? c.childForFieldName('definition') : c;
    const name = def?.type === 'function_definition' ? def.childForFieldName('name')?.text : undefined;
    if (def && name) out.set(name, def);
  }
  return out;
}

/** Whether the module calls `fire.Fire()` (or `Fire()`) with no argument: every top-level function is a command. */
export function firesModule(root: SyntaxNode): boolean {
  return nodesOfType(root, 'call').some(
    (c) =>
      /^(fire\.)?Fire$/.test(c.childForFieldName('function')?.text ?? '') &&
      (c.childForFieldName('arguments')?.namedChildren.filter((a) => a && a.type !== 'comment').length ?? 0) === 0,
  );
}

/** Functions the module hands to Python Fire (`fire.Fire(train)`, `Fire(main)`; every function for `fire.Fire()`). */
export function firedFunctions(root: SyntaxNode): Set<string> {
  const known = fired.get(root);
  if (known) return known;
  const out = new Set<string>();
  for (const c of nodesOfType(root, 'call')) {
    if (!/^(fire\.)?Fire$/.test(c.childForFieldName('function')?.text ?? '')) continue;
    const first = c.childForFieldName('arguments')?.namedChildren[0];
    if (first?.type === 'identifier') out.add(first.text);
  }
  if (firesModule(root)) for (const name of topLevelFunctions(root).keys()) out.add(name);
  fired.set(root, out);
  return out;
}

/**
 * The function a command runs in a module that calls `fire.Fire()` with no argument: the top-level function its
 * first word names (`python train.py finetune --lr 1e-4` → `finetune`); undefined otherwise.
 */
export function firedCommand(root: SyntaxNode, word: string | undefined): SyntaxNode | undefined {
  if (!word || !firesModule(root)) return undefined;
  return topLevelFunctions(root).get(word);
}
