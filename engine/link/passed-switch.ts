// A mixed-precision switch handed down by name: the training step of a module the script calls reads a parameter
// (`def train_step(self, imgs, …, fp16=False, scaler=None):` … `if not fp16: … else: with autocast():`), and the
// script passes its own variable of that name into the code it calls (`fp16 = False` … `fit_one_epoch(…, fp16,
// scaler, …)`, bubbliiiing's detection and segmentation repositories). The script's value decides whether the
// autocast runs: off, the run trains in fp32.
import * as path from 'node:path';
import type { SyntaxNode } from '../parse/python';
import { callSite } from '../parse/python-syntax';
import { dtypeOf } from '../extract/python-common';
import { branchSwitch, isOn } from '../extract/python-branch';
import type { ValueResolver } from '../extract/python-values';
import type { Fact } from '../types';
import type { Mod } from './import-walk';

const parameterNames = (fn: SyntaxNode) =>
  (fn.childForFieldName('parameters')?.namedChildren ?? []).map((p) => (p?.childForFieldName('name') ?? p)?.text);

/**
 * `f` (a precision the module leaves unknown behind a switch) decided by the value the script passes for the switch:
 * fp32 when that value is off; `f` unchanged otherwise (on, not passed by name, or not known).
 */
export function switchPassedOn(f: Fact, step: Mod, into: SyntaxNode[], values: ValueResolver): Fact {
  if (f.key !== 'precision' || f.value !== null || !f.span) return f;
  const at = step.root.descendantForIndex(f.span.start, Math.max(f.span.start, f.span.end - 1));
  const branch = at && branchSwitch(at);
  const name = branch?.cond.type === 'identifier' ? branch.cond.text : undefined;
  let fn = at?.parent;
  while (fn && fn.type !== 'function_definition') fn = fn.parent;
  if (!branch || !name || !fn || !parameterNames(fn).includes(name)) return f;
  // The script's own variable of that name, passed into the code it calls (positionally or as `fp16=fp16`).
  const passed = into
    .flatMap((c) => c.childForFieldName('arguments')?.namedChildren ?? [])
    .map((a) => (a?.type === 'keyword_argument' ? a.childForFieldName('value') : a))
    .find((a): a is SyntaxNode => a?.type === 'identifier' && a.text === name);
  const r = passed ? values.resolve(passed) : undefined;
  if (!passed || !r || r.value === undefined) return f;
  const given = `the script passes ${name} = ${r.node?.text ?? passed.text}`;
  if (isOn(r.value) === branch.runsWhen) {
    // On: an `autocast()` without dtype computes in float16 on CUDA (torch.autocast docs); a dtype is read.
    const call = at.parent?.type === 'call' ? at.parent : at.type === 'call' ? at : undefined;
    const site = call && callSite(call);
    if (site?.name !== 'autocast') return f;
    const dt = site.kwargs.get('dtype')?.value.text;
    const d = dt ? dtypeOf(dt) : 'fp16';
    return d === 'fp16' || d === 'bf16' ? { ...f, value: d, note: `${site.callee}(…) runs: ${given}` } : f;
  }
  return {
    ...f,
    value: 'fp32',
    origin: r.scriptDefault ? 'script-default' : 'explicit',
    note: `the mixed precision in ${path.basename(step.file)} runs only when ${name} is ${branch.runsWhen ? 'on' : 'off'}, and ${given}: fp32`,
  };
}

/** `args.x`, `opt.x`, `cfg.x`: a value read from the script's parsed arguments. */
const ARG_ATTR = /^(?:args|opt|opts|cfg|config|hparams|params|flags|FLAGS)\.(\w+)$/;

/**
 * A break out of the module's epoch loop under `if … and self.early_stop:` where the trainer copies the switch from
 * the script's arguments (`self.early_stop = args.early_stop`) and the script declares it off
 * (`add_argument('--early_stop', default=0)`, kaituoxu's Conv-TasNet and Listen-Attend-Spell solvers): the default run
 * never stops early.
 */
export function stopSwitchedOff(f: Fact, step: Mod, values: ValueResolver): Fact {
  if (f.key !== 'early_stopping' || f.value !== true || !f.span) return f;
  const at = step.root.descendantForIndex(f.span.start, Math.max(f.span.start, f.span.end - 1));
  for (let p = at?.parent; p && p.type !== 'function_definition'; p = p.parent) {
    if (p.type !== 'if_statement') continue;
    for (const part of (p.childForFieldName('condition')?.text ?? '').split(/\s+and\s+/)) {
      const t = part.replace(/^\(|\)$/g, '').trim();
      const own = /^self\.(\w+)$/.exec(t);
      const copied = own && new RegExp(`^\\s*self\\.${own[1]}\\s*=\\s*([\\w.]+)\\s*$`, 'm').exec(step.text)?.[1];
      const dest = ARG_ATTR.exec(copied ?? t)?.[1];
      const d = dest ? values.declaredDefault(dest) : undefined;
      if (d && !isOn(d.value))
        return {
          ...f,
          value: false,
          origin: 'script-default',
          note: `${f.note ?? 'the early stop'}, only when --${dest} is given, and the script leaves it off (${d.via})`,
        };
    }
  }
  return f;
}
