// Optimizer classes a Python config or script names as values rather than strings: `type=AdamW` after
// `from torch.optim import AdamW`, or `type=torch.optim.SGD` — as MMEngine's `Runner(optim_wrapper=dict(
// optimizer=dict(type=SGD, …)))` and its pure-Python configs write them (https://mmengine.readthedocs.io/en/latest/
// get_started/15_minutes.html; https://mmengine.readthedocs.io/en/latest/advanced_tutorials/config.html, 2025). The
// value is the class's dotted path, which the vocabulary reads as the optimizer it names.
import type { Node as SyntaxNode } from 'web-tree-sitter';

/** A module path optimizer classes live in (`torch.optim`, `torch.optim.adamw`, `mmengine.optim`, `keras.optimizers`). */
const OPTIMIZER_MODULE = /(^|\.)(optim|optimizers?)(\.|$)/;

/** Names the file imports from an optimizer module, by local name → dotted path. */
export function importedOptimizerClasses(text: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!/optim/.test(text)) return out;
  for (const m of text.matchAll(/^from[ \t]+([\w.]+)[ \t]+import[ \t]+\(?([\w \t,]+)\)?[ \t]*$/gm)) {
    if (!OPTIMIZER_MODULE.test(m[1])) continue;
    for (const part of m[2].split(',')) {
      const [name, alias] = part.trim().split(/[ \t]+as[ \t]+/);
      if (/^[A-Z]\w*$/.test(name)) out.set(alias ?? name, `${m[1]}.${name}`);
    }
  }
  return out;
}

/** The dotted class path a value node names, when it is an optimizer class (imported, or written in full). */
export function optimizerClassValue(n: SyntaxNode, imported: Map<string, string>): string | undefined {
  if (n.type === 'identifier') return imported.get(n.text);
  if (n.type !== 'attribute') return undefined;
  const last = n.childForFieldName('attribute')?.text ?? '';
  const obj = n.childForFieldName('object')?.text ?? '';
  return /^[A-Z]/.test(last) && OPTIMIZER_MODULE.test(obj) ? n.text : undefined;
}
