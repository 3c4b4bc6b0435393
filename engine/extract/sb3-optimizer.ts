// The optimizer of a stable-baselines3 (or sb3-contrib) agent the script builds and leaves to the library's defaults.
// SB3 builds each policy's optimizer from the policy's `optimizer_class`, `th.optim.Adam` unless `policy_kwargs`
// names another (`BasePolicy.__init__(…, optimizer_class=th.optim.Adam)`,
// https://github.com/DLR-RM/stable-baselines3/blob/master/stable_baselines3/common/policies.py; the algorithms' pages,
// e.g. https://stable-baselines3.readthedocs.io/en/master/modules/ppo.html, "optimizer_class … th.optim.Adam by
// default"). A2C alone replaces it: `use_rms_prop=True` by default makes it `th.optim.RMSprop`
// (https://github.com/DLR-RM/stable-baselines3/blob/master/stable_baselines3/a2c/a2c.py, "use_rms_prop: Whether to use
// RMSprop (default) or Adam as optimizer"). TRPO (a natural-gradient policy step) and ARS (no gradient) are left out.
// Only an agent class imported from the library; an agent loaded from a file (`PPO.load(…)`) is not built here.
import type { SyntaxNode } from '../parse/python';
import { findCalls, literal, spanOf, type CallSite } from '../parse/python-syntax';
import { nodesOfType } from '../parse/nodes-of-type';
import type { Fact } from '../types';
import { optimizerName } from '../vocabulary/optimizers';
import { qualified } from './python-scan';
import type { ValueResolver } from './python-values';

const POLICIES_URL = 'https://github.com/DLR-RM/stable-baselines3/blob/master/stable_baselines3/common/policies.py';
const A2C_URL = 'https://github.com/DLR-RM/stable-baselines3/blob/master/stable_baselines3/a2c/a2c.py';

/** Agents whose policies train with the policy's `optimizer_class` (Adam by default), and A2C. */
const AGENTS = ['A2C', 'PPO', 'DQN', 'SAC', 'TD3', 'DDPG', 'QRDQN', 'TQC', 'RecurrentPPO', 'MaskablePPO', 'CrossQ'];
const LIBRARY = /^(stable_baselines3|sb3_contrib)(\.|$)/;

/** The optimizer the one SB3 agent class the script builds trains with; undefined when agents disagree or none. */
export function sb3Optimizer(
  file: string,
  text: string,
  root: SyntaxNode,
  imports: Map<string, string>,
  values: ValueResolver,
): Fact | undefined {
  if (!/\b(stable_baselines3|sb3_contrib)\b/.test(text)) return undefined;
  const built = findCalls(root, text, AGENTS).filter(
    (c) => c.name === c.callee.split('.').pop() && fromLibrary(c.callee, imports),
  );
  const facts = built.map((c) => agentOptimizer(file, root, c, values));
  const first = facts[0];
  if (!first || facts.some((f) => f === undefined || f.value !== first.value)) return undefined;
  return first;
}

function fromLibrary(callee: string, imports: Map<string, string>): boolean {
  const q = qualified(callee, imports);
  return q !== callee || callee.includes('.') ? LIBRARY.test(q) : false;
}

function agentOptimizer(file: string, root: SyntaxNode, call: CallSite, values: ValueResolver): Fact | undefined {
  const { name: agent, node, kwargs } = call;
  const fact = (value: string, note: string, origin: Fact['origin'] = 'framework-default'): Fact => ({
    key: 'optimizer',
    value,
    origin,
    file,
    span: spanOf(node),
    note,
  });
  // `policy_kwargs=dict(optimizer_class=th.optim.AdamW)`: the class named; a dict the file cannot read leaves it open.
  const pk = kwargs.get('policy_kwargs')?.value;
  if (pk) {
    const named = optimizerClassIn(boundDict(root, pk));
    if (named === null) return undefined;
    if (named) return fact(named, `${agent}(policy_kwargs=… optimizer_class=…)`, 'explicit');
  }
  if (agent === 'A2C') {
    const rms = kwargs.get('use_rms_prop')?.value;
    const r = rms ? values.resolve(rms).value : true;
    if (r === true)
      return fact('rmsprop', `${agent}(…) without use_rms_prop=False: RMSprop, SB3's A2C default (${A2C_URL})`);
    if (r === false) return fact('adam', `${agent}(use_rms_prop=False): the policy's default Adam (${A2C_URL})`);
    return undefined;
  }
  return fact(
    'adam',
    `${agent}(…) without an optimizer_class in policy_kwargs: the policy's default Adam (${POLICIES_URL})`,
  );
}

/** `policy_kwargs=kw` where the file binds `kw` once, to a dict literal or `dict(…)`: that literal. */
function boundDict(root: SyntaxNode, node: SyntaxNode): SyntaxNode {
  if (node.type !== 'identifier') return node;
  const sets = nodesOfType(root, 'assignment').filter((a) => a?.childForFieldName('left')?.text === node.text);
  return (sets.length === 1 && sets[0]?.childForFieldName('right')) || node;
}

/**
 * The optimizer `optimizer_class` names in a `dict(…)` or `{…}` literal; undefined when the literal names none, null
 * when the value is not a literal dict (a name bound elsewhere) or names a class the table does not know.
 */
function optimizerClassIn(node: SyntaxNode): string | undefined | null {
  let cls: SyntaxNode | null | undefined;
  // `dict(**base, …)`, `{**base, …}`: the unpacked dict may name one.
  if (/\*\*/.test(node.text)) return null;
  if (node.type === 'call' && node.childForFieldName('function')?.text === 'dict') {
    const kw = node
      .childForFieldName('arguments')
      ?.namedChildren.find(
        (a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'optimizer_class',
      );
    cls = kw?.childForFieldName('value');
  } else if (node.type === 'dictionary') {
    const pair = node.namedChildren.find(
      (p) => p?.type === 'pair' && literal(p.childForFieldName('key')) === 'optimizer_class',
    );
    cls = pair?.childForFieldName('value');
  } else return null;
  if (!cls) return undefined;
  return optimizerName(cls.text.split('.').pop() ?? '') ?? null;
}
