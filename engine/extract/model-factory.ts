// A model built by a factory function rather than by the script's own assignment: `model = get_model(37)` with
// `def get_model(n): return Classifier(n)`, or `net = build(cfg)` whose body assigns `net = UNet(…)` and returns it.
// An engineer reads the function's `return` as the script's assignment: the object it returns is the model the script
// trains. ./python-model reads each returned value as it reads an assignment's right side; returns that disagree or
// cannot all be read give none (precision before recall). Only the first element of a returned tuple is taken
// (`return model, criterion`: the factories' order, model first, as ./python-model's tuple assignments).
import type { SyntaxNode } from '../parse/python';
import { nodesOfType } from '../parse/nodes-of-type';

/** The function named `name` defined at the top level of `root` (the module the call is in), when there is one. */
export function moduleFunction(root: SyntaxNode, name: string): SyntaxNode | undefined {
  const defs = root.namedChildren
    .map((n) => (n?.type === 'decorated_definition' ? n.childForFieldName('definition') : n))
    .filter((n): n is SyntaxNode => n?.type === 'function_definition' && n.childForFieldName('name')?.text === name);
  return defs.length === 1 ? defs[0] : undefined;
}

/**
 * The values every `return` of `def` (not of the functions nested in it) gives, the first element of a tuple; undefined
 * when it has none or one returns nothing (`return`, `return None`: a branch that builds no model).
 */
export function returnedValues(def: SyntaxNode): SyntaxNode[] | undefined {
  const own = nodesOfType(def, 'return_statement').filter((r) => enclosingFunction(r)?.id === def.id);
  const out: SyntaxNode[] = [];
  for (const r of own) {
    let v = r.namedChildren.find((c) => c?.type !== 'comment') ?? undefined;
    if (v?.type === 'expression_list' || v?.type === 'tuple') v = v.namedChildren[0] ?? undefined;
    if (!v || v.type === 'none') return undefined;
    out.push(v);
  }
  return out.length > 0 ? out : undefined;
}

function enclosingFunction(n: SyntaxNode): SyntaxNode | undefined {
  for (let p = n.parent; p; p = p.parent) if (p.type === 'function_definition' || p.type === 'lambda') return p;
  return undefined;
}

/** Libraries whose classes' `from_config` is no project model (Hugging Face's Auto classes are read elsewhere). */
const LIBRARY_MODULE = /^(transformers|diffusers|peft|timm|torch|torchvision|keras|tensorflow|sentence_transformers)\b/;

/**
 * Whether `recv` (`CNNLSTM` of `CNNLSTM.from_config(cfg)`) is a class of the project: defined in `source` or imported
 * from a module that is no library, and not spelled as a Hugging Face class (`Auto…`, `…For…`, `…Model`). Hugging
 * Face's `from_config` is the Auto classes' (https://huggingface.co/docs/transformers/model_doc/auto); a project's
 * classmethod of that name is an alternative constructor of its own class.
 */
export function projectClass(recv: string, source: string): boolean {
  if (!/^[A-Z]\w*$/.test(recv) || /^(Auto|TF|Flax)|For[A-Z]\w*$|Model$|LMHead/.test(recv)) return false;
  if (new RegExp(`^\\s*class\\s+${recv}\\b`, 'm').test(source)) return true;
  const from = new RegExp(`^\\s*from\\s+([\\w.]+)\\s+import\\b[^\\n]*\\b${recv}\\b`, 'm').exec(source);
  return !!from && !LIBRARY_MODULE.test(from[1]);
}
