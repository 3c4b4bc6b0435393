// A tokeniser call or collator that pads every example to the maximum length (`padding="max_length"`,
// `pad_to_max_length=True`): the `padding` fact GML203 judges. Read for a script (./python-hints) and for a data
// module judged with the run of the script that imports it (../link/importer-runs.ts), which keeps only the calls that
// run's code reaches.
import type { SyntaxNode } from '../parse/python';
import { callsWithKeyword, literal, spanOf } from '../parse/python-syntax';
import type { Fact } from '../types';
import type { ValueResolver } from './python-values';
import { evaluationOnly, flagBranch, offByDefault, unusedFunction } from './python-branch';
import { boundedEncoderPadding, paddedTask } from './padding-task';

/**
 * The first call of the file that pads to the maximum length, among those `keep` accepts, with the others in `also`
 * (the target text tokenised apart from the input, a collator told to pad as well); undefined when none. `runText`:
 * the code of the script whose run the file is judged with (a tokenisation module's importer), which names the model
 * the padded text trains.
 */
export function maxLengthPadding(
  file: string,
  root: SyntaxNode,
  text: string,
  values: ValueResolver,
  keep: (call: SyntaxNode) => boolean = () => true,
  runText = '',
): Fact | undefined {
  let first: Fact | undefined;
  const also: NonNullable<Fact['also']> = [];
  // What the padded text trains (./padding-task): an encoder classifier's bounded padding is not reported; a language
  // model's is marked, for GML203's severity.
  const task = paddedTask(`${runText}\n${text}`);
  for (const c of callsWithKeyword(root, text, ['padding', 'pad_to_max_length'])) {
    // Not the run's: code in a function the script never uses, in an evaluation-only path, or in a branch whose
    // flag is off by default (the run's padding is elsewhere, if anywhere).
    if (unusedFunction(c.node, root) || evaluationOnly(c.node) || !keep(c.node)) continue;
    const branch = flagBranch(c.node);
    if (offByDefault(branch, values)) continue;
    const p = c.kwargs.get('padding') ?? c.kwargs.get('pad_to_max_length');
    // A constant of the file (`PADDING = "max_length"`) counts; a value chosen by a flag (`"max_length" if
    // args.pad_to_max_length else False`) does not resolve, and is not judged.
    const v = p ? (literal(p.value) ?? values.resolve(p.value).value) : undefined;
    // A collator given padding="max_length" pads every batch to max_length: the same static padding, per batch.
    if (!p || !(v === 'max_length' || (p.name === 'pad_to_max_length' && v === true))) continue;
    if (task === 'encoder-classifier' && boundedEncoderPadding(c.node, values)) continue;
    const note = /Collator/.test(c.name)
      ? `${c.callee}(${p.name}=${p.value.text}): every batch padded to max_length`
      : `${p.name}=${p.value.text}: every example padded to the maximum length`;
    if (first) also.push({ span: spanOf(p.node), value: 'max_length', note });
    else
      first = {
        key: 'padding',
        value: 'max_length',
        origin: 'explicit',
        file,
        span: spanOf(p.node),
        note,
        ...(task === 'language-model' ? { form: 'language-model' as const } : {}),
        ...(branch ? { branch } : {}),
      };
  }
  return first && also.length ? { ...first, also } : first;
}
