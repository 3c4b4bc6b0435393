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
  // The config built in the call, or bound once to a name: what its own `load_in_Nbit=` gives
  // (`BitsAndBytesConfig(load_in_4bit=training_args.load_in_4bit, …)` with that field False by default quantises
  // nothing; the `bnb_4bit_*` settings beside it only apply to a 4-bit load).
  const own = q ? configSwitch(q, values, bits) : undefined;
  // A switch it cannot read (`load_in_4bit=bool(cfg.get("load_in_4bit", True))`) is left to the words as before.
  if (own === false) return unknown ? undefined : false;
  if (q && (own === true || words.test(text))) {
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

/** The `BitsAndBytesConfig(…)` call a config argument is: written in place, or a name bound once to it. */
function ownConfig(value: SyntaxNode, values: ValueResolver): { node: SyntaxNode; kwargs: string[] } | undefined {
  let v: SyntaxNode | undefined = value;
  if (v.type === 'identifier') {
    const rhs = values.localAssignments(v);
    v = rhs.length === 1 ? rhs[0] : undefined;
  }
  if (v?.type !== 'call' || !/(?:^|\.)BitsAndBytesConfig$/.test(v.childForFieldName('function')?.text ?? ''))
    return undefined;
  const kwargs = (v.childForFieldName('arguments')?.namedChildren ?? [])
    .filter((a) => a?.type === 'keyword_argument')
    .map((a) => a!.childForFieldName('name')?.text ?? '');
  return { node: v, kwargs };
}

/**
 * What a `BitsAndBytesConfig(…)` argument's own `load_in_Nbit=` switches give for `bits`: true when one is on, false
 * when every one written is off (and one is written), undefined when one cannot be read or none is written.
 */
function configSwitch(value: SyntaxNode, values: ValueResolver, bits: readonly (4 | 8)[]): boolean | undefined {
  const cfg = ownConfig(value, values);
  if (!cfg) return undefined;
  const args = cfg.node.childForFieldName('arguments')?.namedChildren ?? [];
  let written = false;
  for (const a of args) {
    if (a?.type !== 'keyword_argument') continue;
    const name = a.childForFieldName('name')?.text ?? '';
    const m = /^load_in_(\d)bit$/.exec(name);
    if (!m) continue;
    const r = values.resolve(a.childForFieldName('value')).value;
    if (!bits.includes(Number(m[1]) as 4 | 8)) {
      if (r === true) return false;
      continue;
    }
    written = true;
    if (r === true) return true;
    if (r !== false) return undefined;
  }
  return written ? false : undefined;
}
