// Whether a model load quantises the weights in the default run: `load_in_4bit=True`, or a bitsandbytes config passed
// as `quantization_config=`. The config is often passed only behind a switch — Qwen's finetune.py and the scripts
// copied from it write `quantization_config=… if lora_args.q_lora else None` (`q_lora: bool = False`), others
// `bnb_config if load_in_4bit else None` — and then the default run loads the weights unquantised
// (https://huggingface.co/docs/transformers/main/en/quantization/bitsandbytes: the weights are quantised only
// when a `BitsAndBytesConfig` reaches `from_pretrained`).
import type { SyntaxNode } from '../parse/python';
import type { CallSite } from '../parse/python-syntax';
import type { ValueResolver } from './python-values';
import { isOn } from './python-branch';

/**
 * True when `c` (a `from_pretrained` call) loads its weights in `bits` (4, or 4 or 8) in the default run; false when
 * it does not (no quantising argument, `None`, or a switch that is off by default picks `None`); undefined when a
 * switch the file cannot read decides it.
 */
export function quantisedLoad(
  c: CallSite,
  text: string,
  values: ValueResolver,
  bits: readonly (4 | 8)[] = [4, 8],
): boolean | undefined {
  let unknown = false;
  for (const b of bits) {
    const v = c.kwargs.get(`load_in_${b}bit`)?.value;
    if (!v) continue;
    const r = values.resolve(v).value;
    if (r === true) return true;
    if (r === undefined) unknown = true;
  }
  const q = c.kwargs.get('quantization_config')?.value;
  const words = new RegExp(`load_in_(${bits.join('|')})bit\\s*=\\s*True${bits.includes(4) ? '|bnb_4bit' : ''}`);
  if (q && words.test(text)) {
    const on = passedWhen(q, values);
    if (on !== false) return on;
  }
  return unknown ? undefined : false;
}

/**
 * Whether a config argument reaches the call: `None` never; `cfg if cond else None` (or a local assigned that way)
 * when `cond` holds, read from its literal or declared default; anything else always.
 */
function passedWhen(value: SyntaxNode, values: ValueResolver, depth = 0): boolean | undefined {
  if (value.type === 'none') return false;
  const inner = value.type === 'parenthesized_expression' ? value.namedChildren[0] : undefined;
  if (inner && value.namedChildren.length === 1) return passedWhen(inner, values, depth);
  if (value.type === 'conditional_expression' && value.namedChildren.length === 3) {
    const [yes, cond, no] = value.namedChildren;
    if (yes?.type !== 'none' && no?.type !== 'none') return true;
    const not = cond?.type === 'not_operator';
    const c = values.resolve(not ? cond.childForFieldName('argument') : cond).value;
    if (c === undefined) return undefined;
    return (isOn(c) !== not) === (no?.type === 'none');
  }
  // `quantization_config=bnb_config` with `bnb_config = … if cond else None` in the same function.
  if (value.type === 'identifier' && depth === 0) {
    const rhs = values.localAssignments(value);
    if (rhs.length === 1) return passedWhen(rhs[0], values, depth + 1);
  }
  return true;
}
