// Whose method a script calls. ./import-walk asks whether a class the script uses trains by following the methods the
// script calls on objects (`agent.step(…)` → `Agent.step` → `self.learn(…)` → `loss.backward()`), and it knows those
// methods by name only. A script that plays episodes with a trained agent calls `agent.act(state)` and the
// environment's `env.step(action)`: the environment's `step` is not the agent's (`Agent.step` stores the transition and
// learns), and reading it as the agent's gave every "watch the trained agent" script and demonstration notebook a
// training run. Gymnasium's `Env.step(action)` "runs one timestep of the environment's dynamics" and returns the next
// observation and reward (gymnasium.farama.org/api/env/#gymnasium.Env.step); it updates no weights.
//
// For each method name the script calls on a plain variable, this gives the classes its receivers are instances of,
// when every receiver is known: a variable every assignment of which is a call of a class (a PascalCase name by
// PEP 8's class-name convention, resolved through `import … as …`) or of a function of a module that is not
// repository code (`gym.make(…)`). Any other receiver (a parameter, a loop or `with` target, an attribute, a factory
// function of the repository, a variable also bound otherwise) leaves the name out: nothing is known and the walk
// follows the method for every class, as before.
import type { SyntaxNode } from '../parse/python';
import { importBindings } from '../extract/python-imports';
import { nodesOfType } from '../parse/nodes-of-type';

/** The class name given to instances of code outside the repository: it matches no repository class. */
export const EXTERNAL = '';

/** Names bound other than by `name = call(…)`: parameters, loop, `with … as`, unpacking and augmented targets. */
function otherwiseBound(root: SyntaxNode): Set<string> {
  const out = new Set<string>();
  const ids = (n: SyntaxNode | null | undefined) => {
    if (!n) return;
    if (n.type === 'identifier') out.add(n.text);
    else for (const d of n.descendantsOfType('identifier')) if (d) out.add(d.text);
  };
  for (const p of nodesOfType(root, 'parameters')) ids(p);
  for (const p of nodesOfType(root, 'lambda_parameters')) ids(p);
  for (const f of nodesOfType(root, 'for_statement')) ids(f?.childForFieldName('left'));
  for (const f of nodesOfType(root, 'for_in_clause')) ids(f?.childForFieldName('left'));
  for (const a of nodesOfType(root, 'as_pattern')) ids(a?.childForFieldName('alias'));
  for (const a of nodesOfType(root, 'augmented_assignment')) ids(a?.childForFieldName('left'));
  for (const g of nodesOfType(root, 'global_statement')) ids(g);
  for (const a of nodesOfType(root, 'assignment')) {
    const left = a?.childForFieldName('left');
    if (left && left.type !== 'identifier') ids(left);
  }
  return out;
}

/**
 * Method name → the classes of its receivers in `root` (EXTERNAL for objects of code outside the repository), for the
 * names whose every call is on a variable whose every binding is known. `external(head)` is true when the local name
 * `head` is bound by an import of a module that is not repository code.
 */
export function receiverClasses(root: SyntaxNode, external: (head: string) => boolean): Map<string, Set<string>> {
  const aliases = new Map<string, string>();
  for (const b of importBindings(root)) if (b.symbol) aliases.set(b.local, b.symbol);
  const skip = otherwiseBound(root);
  // Variable → the class of each value bound to it; null when one of them is not known.
  const classOf = new Map<string, string[] | null>();
  for (const a of nodesOfType(root, 'assignment')) {
    const left = a?.childForFieldName('left');
    if (left?.type !== 'identifier' || skip.has(left.text) || classOf.get(left.text) === null) continue;
    const right = a?.childForFieldName('right');
    const callee = right?.type === 'call' ? right.childForFieldName('function') : undefined;
    const text = callee && /^[A-Za-z_][\w.]*$/.test(callee.text) ? callee.text : undefined;
    const last = text?.split('.').pop() ?? '';
    const head = text?.split('.')[0] ?? '';
    let cls: string | undefined;
    if (text && external(head)) cls = EXTERNAL;
    else if (text && /^[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$/.test(last))
      cls = text.includes('.') ? last : (aliases.get(last) ?? last);
    if (cls === undefined) classOf.set(left.text, null);
    else classOf.set(left.text, [...(classOf.get(left.text) ?? []), cls]);
  }
  const out = new Map<string, Set<string>>();
  const unknown = new Set<string>();
  for (const c of nodesOfType(root, 'call')) {
    const f = c?.childForFieldName('function');
    if (f?.type !== 'attribute') continue;
    const name = f.childForFieldName('attribute')?.text;
    const obj = f.childForFieldName('object');
    if (!name || unknown.has(name)) continue;
    const classes = obj?.type === 'identifier' ? classOf.get(obj.text) : undefined;
    if (!classes) {
      unknown.add(name);
      out.delete(name);
      continue;
    }
    const set = out.get(name) ?? new Set<string>();
    for (const k of classes) set.add(k);
    out.set(name, set);
  }
  return out;
}
