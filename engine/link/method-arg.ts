// A run length a module's training method takes as a parameter (`def fit(self, num_epoch=101): for epoch in
// range(num_epoch):` in model.py), where the script that builds the class calls the method (`model = BPRMF(config)`
// … `model.fit()` in main.py): the value every such call passes, else the parameter's default — Python binds an
// omitted argument to the default in the definition (Python reference, "Function definitions":
// https://docs.python.org/3/reference/compound_stmts.html#function-definitions). The module alone cannot say (its
// callers are elsewhere: ../extract/python-values leaves a method's parameter unknown when nothing in the file calls it).
import type { SyntaxNode } from '../parse/python';
import { callSite, literal } from '../parse/python-syntax';
import type { FactValue } from '../types';
import type { Mod } from './import-walk';
import type { ScriptArgs } from './caller-loop';

export interface PassedArg {
  value: FactValue;
  node: SyntaxNode;
  /** The file of `node`; '' for the module's own default. */
  file: string;
  origin: 'explicit' | 'script-default';
  via: string;
}

const PARAM_TYPES = new Set(['identifier', 'default_parameter', 'typed_parameter', 'typed_default_parameter']);

/**
 * `expr` (a bare name at `at` in the module) as the parameter of the method or function around it, through the
 * script's calls of that method on an instance of its class (or of that function): undefined when the name is
 * assigned in the function, the script never calls it, a call passes `**kwargs`, or the calls disagree.
 */
export function methodArg(
  expr: string,
  at: SyntaxNode | undefined,
  script: Mod,
  args: ScriptArgs,
): PassedArg | undefined {
  if (!at || !/^[A-Za-z_]\w*$/.test(expr)) return undefined;
  let fn: SyntaxNode | null = at.parent;
  while (fn && fn.type !== 'function_definition') fn = fn.parent;
  const fname = fn?.childForFieldName('name')?.text;
  if (!fn || !fname || fname === '__init__') return undefined;
  const params = (fn.childForFieldName('parameters')?.namedChildren ?? []).filter(
    (p): p is SyntaxNode => !!p && PARAM_TYPES.has(p.type),
  );
  const nameOf = (p: SyntaxNode) => (p.type === 'identifier' ? p : (p.childForFieldName('name') ?? p.namedChildren[0]));
  const index = params.findIndex((p) => nameOf(p)?.text === expr);
  if (index < 0) return undefined;
  // Rebound in the function (`num_epoch = num_epoch or 10`): not the value passed.
  const body = fn.childForFieldName('body');
  const rebinds = (body?.descendantsOfType(['assignment', 'augmented_assignment']) ?? []).some(
    (a) => a?.childForFieldName('left')?.text === expr,
  );
  if (rebinds) return undefined;
  // A method: called on an instance of its class, which the script must build (`BPRMF(config)`).
  let cls: SyntaxNode | null = fn.parent;
  while (cls && cls.type !== 'class_definition' && cls.type !== 'module') cls = cls.parent;
  const clsName = cls?.type === 'class_definition' ? cls.childForFieldName('name')?.text : undefined;
  const first = params[0] ? nameOf(params[0])?.text : undefined;
  const method = !!clsName && (first === 'self' || first === 'cls');
  const offset = method ? 1 : 0;
  if (method && index === 0) return undefined;
  const calls = script.root.descendantsOfType('call').flatMap((n) => {
    const c = n ? callSite(n) : undefined;
    return c ? [c] : [];
  });
  if (method && !calls.some((c) => c.name === clsName)) return undefined;
  const mine = calls.filter((c) =>
    method ? c.callee.includes('.') && c.name === fname : c.callee === fname || c.name === fname,
  );
  if (mine.length === 0) return undefined;
  const found: PassedArg[] = [];
  for (const c of mine) {
    if (c.hasSplat) return undefined;
    const given = c.kwargs.get(expr)?.value ?? c.positional[index - offset];
    if (given) {
      const r = args.values.resolve(given);
      if (r.value === undefined || r.value === null) return undefined;
      found.push({
        value: r.value,
        node: r.node ?? given,
        file: args.fileOf(r.node ?? given),
        origin: r.scriptDefault ? 'script-default' : 'explicit',
        via: `${c.callee}(${expr}=${given.text})${r.via ? `, ${r.via}` : ''}`,
      });
      continue;
    }
    const def = params[index].childForFieldName('value');
    const v = def ? literal(def) : undefined;
    if (v === undefined || v === null || !def) return undefined;
    found.push({
      value: v,
      node: def,
      file: '',
      origin: 'script-default',
      via: `default of ${fname}(${expr}=${def.text})`,
    });
  }
  return found.every((x) => x.value === found[0].value) ? found[0] : undefined;
}
