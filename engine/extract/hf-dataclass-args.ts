// The script's own subclass of transformers' TrainingArguments (or of a TRL config) that HfArgumentParser fills:
// `@dataclass class MyTrainingArguments(Seq2SeqTrainingArguments): bf16: bool = field(default=False)`. Its fields
// redeclare the library's with the script's defaults, which are what runs when the command line leaves them out
// (HfArgumentParser builds each option's default from the dataclass field: transformers' hf_argparser.py). Read as a
// call whose keyword arguments are those fields, so that ./huggingface reads them as it reads `TrainingArguments(…)`,
// each value a script default. Fields with a `default_factory`, or without a default, give nothing.
import type { SyntaxNode } from '../parse/python';
import type { CallSite, KwArg } from '../parse/python-syntax';
import type { FactKey, FactValue, OffsetEdit, PlanEditor } from '../types';

/** The base classes whose fields are the Trainer's arguments. */
const ARGUMENT_BASE =
  /^\(\s*(?:[\w.]+\.)?(?:Seq2Seq)?(?:TrainingArguments|SFTConfig|DPOConfig|GRPOConfig|ORPOConfig|KTOConfig|RewardConfig|CPOConfig)\s*\)$/;

/**
 * The fields of the one class of this file that `parser` fills and that subclasses the Trainer's arguments, as a call
 * site, or undefined.
 */
export function parserDataclassArgs(root: SyntaxNode, parser: CallSite, text: string): CallSite | undefined {
  let list = parser.argList.text;
  const only = parser.positional[0];
  if (only?.type === 'identifier') {
    const m = new RegExp(`\\b${only.text}\\s*=\\s*([\\[(][^\\])]*[\\])])`).exec(text);
    if (m) list = m[1];
  }
  const named = new Set(list.match(/[A-Za-z_]\w*/g) ?? []);
  const found: SyntaxNode[] = [];
  for (const c of root.namedChildren) {
    const def = c?.type === 'decorated_definition' ? c.childForFieldName('definition') : c;
    if (def?.type !== 'class_definition') continue;
    const name = def.childForFieldName('name')?.text;
    if (name && named.has(name) && ARGUMENT_BASE.test(def.childForFieldName('superclasses')?.text ?? ''))
      found.push(def);
  }
  if (found.length !== 1) return undefined;
  const cls = found[0];
  const kwargs = new Map<string, KwArg>();
  for (const st of cls.childForFieldName('body')?.namedChildren ?? []) {
    const a = st?.type === 'expression_statement' ? st.namedChildren[0] : undefined;
    if (a?.type !== 'assignment') continue;
    const left = a.childForFieldName('left');
    let value = a.childForFieldName('right');
    if (left?.type !== 'identifier' || !value) continue;
    if (value.type === 'call' && /^(?:dataclasses\.)?field$/.test(value.childForFieldName('function')?.text ?? '')) {
      const d = value
        .childForFieldName('arguments')
        ?.namedChildren.find((k) => k?.type === 'keyword_argument' && k.childForFieldName('name')?.text === 'default');
      value = d?.childForFieldName('value') ?? null;
    }
    if (value) kwargs.set(left.text, { name: left.text, node: a, value });
  }
  const name = cls.childForFieldName('name')?.text;
  const body = cls.childForFieldName('body');
  if (!name || !body) return undefined;
  return {
    node: cls,
    callee: name,
    name,
    argList: body,
    positional: [],
    kwargs,
    hasSplat: false,
  };
}

/**
 * Changes to the run's precision written into the subclass's own fields: `bf16: bool = field(default=False)` →
 * `default=True` (and a `fp16` field that is on turned off). Only fields the class declares are changed; a change it
 * cannot write there (a field it does not redeclare, another fact) gives no edit.
 */
export function fieldEditor(own: CallSite, file: string): PlanEditor {
  return (changes) => {
    const edits: OffsetEdit[] = [];
    for (const [key, v] of Object.entries(changes) as [FactKey, FactValue][]) {
      if (key !== 'precision' || (v !== 'bf16' && v !== 'fp16')) return undefined;
      const on = own.kwargs.get(v);
      if (!on) return undefined;
      edits.push({ file, start: on.value.startIndex, end: on.value.endIndex, newText: 'True' });
      const other = own.kwargs.get(v === 'bf16' ? 'fp16' : 'bf16');
      if (other && other.value.type !== 'false')
        edits.push({ file, start: other.value.startIndex, end: other.value.endIndex, newText: 'False' });
    }
    return edits;
  };
}
