// `nn.DataParallel(…)` and its subclasses (a synchronised-BatchNorm `DataParallelWithCallback`, a scatter-by-user
// `UserScatteredDataParallel`): one process driving every GPU (GML506). By name: a called class named
// `…DataParallel…` that is not distributed. Each call is one place to fix (Fact.also), judged by where it runs:
// not at all when it wraps a model for evaluation only (a function that evaluates, a test-only branch) or sits in a
// function the script never uses; `'inference'` when the model it wraps only runs forward passes in the training run
// (a frozen teacher or backbone: ./data-parallel-inference); `'flag'` when it runs only under a command-line or config
// flag not known to be on by default (the run's choice is not in view); true when it runs in the default training run.
import type { SyntaxNode } from '../parse/python';
import { spanOf } from '../parse/python-syntax';
import type { Fact, FactValue } from '../types';
import { evaluationOnly, flagBranch, inCode, takenByDefault, unusedFunction } from './python-branch';
import type { ValueResolver } from './python-values';
import { inferenceOnlyWrapper } from './data-parallel-inference';

/** Code that starts one process per GPU: a DataParallel beside it is no one-process-over-every-GPU run. */
export const MULTI_PROCESS = /\bDistributedDataParallel\b|\binit_process_group\s*\(|\bmp\.spawn\s*\(/;

export function dataParallelFact(
  file: string,
  root: SyntaxNode,
  text: string,
  values: ValueResolver,
): Fact | undefined {
  // Every match holds the word: a file without it is not scanned word by word (`\w*` before it tries every word).
  if (!text.includes('DataParallel')) return undefined;
  const found: { call: SyntaxNode; value: FactValue; note: string }[] = [];
  for (const m of text.matchAll(/\b(\w*DataParallel\w*)\s*\(/g)) {
    if (/Distributed/.test(m[1]) || !inCode(root, m.index)) continue;
    const tok = root.descendantForIndex(m.index + m[0].length - 1, m.index + m[0].length);
    const call = tok?.parent?.type === 'argument_list' ? tok.parent.parent : undefined;
    if (call?.type !== 'call' || evaluationOnly(call) || unusedFunction(call, root)) continue;
    const callee = call.childForFieldName('function')?.text ?? 'DataParallel';
    const inference = inferenceOnlyWrapper(call, root);
    if (inference) {
      found.push({
        call,
        value: 'inference',
        note: `${callee}(…) around a model that only runs inference: ${inference}`,
      });
      continue;
    }
    const branch = flagBranch(call);
    if (branch && takenByDefault(branch, values) !== true)
      found.push({
        call,
        value: 'flag',
        note: `${callee}(…) only when ${branch.test ? `${branch.given ? '' : 'not '}${branch.flag} ${branch.test.op} ${branch.test.value}` : `${branch.given ? '' : 'no '}${branch.flag} is set`}`,
      });
    else found.push({ call, value: true, note: `${callee}(…): one process drives every GPU` });
  }
  if (found.length === 0) return undefined;
  // The first wrapper of the default run leads (its value true), else one under a flag; the others follow in file order.
  const lead = found.find((f) => f.value === true) ?? found.find((f) => f.value === 'flag') ?? found[0];
  const rest = found.filter((f) => f !== lead);
  return {
    key: 'data_parallel',
    value: lead.value,
    origin: 'explicit',
    file,
    span: spanOf(lead.call),
    note: lead.note,
    ...(rest.length ? { also: rest.map((f) => ({ span: spanOf(f.call), value: f.value, note: f.note })) } : {}),
  };
}
