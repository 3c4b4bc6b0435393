// Python Fire (`fire.Fire(train)`): every parameter of the function it is handed is a command-line flag of the
// parameter's own name (https://google.github.io/python-fire/guide/), so a launcher's `--micro_batch_size 16` sets it.
import type { SyntaxNode } from '../parse/python';
import { nodesOfType } from '../parse/nodes-of-type';

const fired = new WeakMap<SyntaxNode, Set<string>>();

/** Functions the module hands to Python Fire (`fire.Fire(train)`, `Fire(main)`). */
export function firedFunctions(root: SyntaxNode): Set<string> {
  const known = fired.get(root);
  if (known) return known;
  const out = new Set<string>();
  for (const c of nodesOfType(root, 'call')) {
    if (!/^(fire\.)?Fire$/.test(c.childForFieldName('function')?.text ?? '')) continue;
    const first = c.childForFieldName('arguments')?.namedChildren[0];
    if (first?.type === 'identifier') out.add(first.text);
  }
  fired.set(root, out);
  return out;
}
