// The arguments call a Hugging Face trainer's `args` reaches through a function of the same file. Structured
// fine-tuning code builds its `TrainingArguments` (or TRL config) in a helper and its trainer elsewhere:
//   training_args = self._build_training_args(out_dir)      # def _build_training_args(…): return TrainingArguments(…)
//   trainer = SFTTrainer(model=model, args=training_args)
// or hands the helper's result to the function that builds the trainer (`def create_trainer(model, training_args):`).
// The trainer then trains with what that construction says (the `args` the Trainer is given is the
// TrainingArguments it runs with: https://huggingface.co/docs/transformers/main_classes/trainer#transformers.Trainer);
// read apart, the trainer showed TrainingArguments' defaults and the construction a second run of nulls.
import type { SyntaxNode } from '../parse/python';
import type { CallSite } from '../parse/python-syntax';
import { assignedName } from '../parse/python-syntax';
import { nodesOfType } from '../parse/nodes-of-type';
import { bindingsIn } from './local-bindings';
import { enclosingDef, paramOf } from './python-params';

/**
 * The one arguments call `value` (a trainer's `args`) reaches in this file, if any:
 * - a call of a function or method the file defines, every `return` of which gives one arguments call (written in
 *   the return, or the name the function binds to it);
 * - a name the enclosing function binds once to such a call;
 * - a parameter of the function that builds the trainer, which that function never rebinds, when the file builds
 *   exactly one arguments call and no other trainer of the file is given it.
 * Nothing where two constructions could be the one.
 */
export function argsThroughHelper(
  value: SyntaxNode,
  trainer: CallSite,
  argCalls: CallSite[],
  trainers: CallSite[],
  root: SyntaxNode,
): CallSite | undefined {
  if (argCalls.length === 0) return undefined;
  if (value.type === 'call') return returnedArguments(value, argCalls, root);
  if (value.type !== 'identifier') return undefined;
  const fn = enclosingDef(trainer.node);
  const bound = fn ? bindingsIn(fn, value.text) : moduleBindings(root, value.text);
  if (bound === 'opaque') return undefined;
  if (bound && bound.length > 0) {
    const before = bound.filter((b) => b.startIndex < trainer.node.startIndex);
    const last = before[before.length - 1];
    return last?.type === 'call' ? returnedArguments(last, argCalls, root) : undefined;
  }
  // A parameter the function is handed: the file's one construction, where no other trainer takes it.
  if (!fn || !paramOf(fn, value.text)) return undefined;
  if (argCalls.length !== 1) return undefined;
  const only = argCalls[0];
  const taken = trainers.some((t) => {
    if (t.node.id === trainer.node.id) return false;
    const a = t.kwargs.get('args')?.value ?? t.positional[1];
    return !!a && (a.id === only.node.id || (a.type === 'identifier' && a.text === assignedName(only.node)));
  });
  return taken ? undefined : only;
}

/** `name = expr` at the module's top level (not inside a definition). */
function moduleBindings(root: SyntaxNode, name: string): SyntaxNode[] {
  return nodesOfType(root, 'assignment')
    .filter((a) => !enclosingDef(a) && a.childForFieldName('left')?.text === name)
    .map((a) => a.childForFieldName('right'))
    .filter((r): r is SyntaxNode => !!r);
}

/** The arguments call every `return` of the file's function that `call` calls gives (`f(…)`, `self.f(…)`). */
function returnedArguments(call: SyntaxNode, argCalls: CallSite[], root: SyntaxNode): CallSite | undefined {
  const callee = call.childForFieldName('function')?.text.replace(/\s+/g, '') ?? '';
  const m = /^(?:(?:self|cls)\.)?([A-Za-z_]\w*)$/.exec(callee);
  if (!m) return undefined;
  const defs = nodesOfType(root, 'function_definition').filter((d) => d.childForFieldName('name')?.text === m[1]);
  if (defs.length !== 1) return undefined;
  const fn = defs[0];
  const returns = nodesOfType(root, 'return_statement').filter((r) => enclosingDef(r)?.id === fn.id);
  if (returns.length === 0) return undefined;
  let found: CallSite | undefined;
  for (const r of returns) {
    const v = r.namedChildren[0];
    if (!v) return undefined;
    let site: CallSite | undefined;
    if (v.type === 'call') site = argCalls.find((a) => a.node.id === v.id);
    else if (v.type === 'identifier') {
      const b = bindingsIn(fn, v.text);
      if (b === 'opaque' || !b || b.length !== 1) return undefined;
      site = argCalls.find((a) => a.node.id === b[0].id);
    }
    if (!site || (found && found.node.id !== site.node.id)) return undefined;
    found = site;
  }
  return found;
}
