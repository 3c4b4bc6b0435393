// Activation checkpointing that peft switches on: `prepare_model_for_kbit_training(model)` (and its older name
// `prepare_model_for_int8_training`) takes `use_gradient_checkpointing=True` by default and, for a model loaded in 8
// or 4 bits, calls `model.gradient_checkpointing_enable()` (https://github.com/huggingface/peft/blob/main/src/peft/
// utils/other.py, `prepare_model_for_kbit_training`: `if (loaded_in_kbit or is_gptq_quantized …) and
// use_gradient_checkpointing`; peft 0.3's `prepare_model_for_int8_training`: `if loaded_in_8bit and
// use_gradient_checkpointing`). alpaca-lora and the many scripts copied from it call it with the model alone after
// `from_pretrained(…, load_in_8bit=True)`, so checkpointing is on although no flag of the script names it.
import type { SyntaxNode } from '../parse/python';
import { findCalls, spanOf, type CallSite } from '../parse/python-syntax';
import type { Fact } from '../types';
import type { ValueResolver } from './python-values';
import { quantisedLoad } from './quantised-load';

const PREPARE = ['prepare_model_for_kbit_training', 'prepare_model_for_int8_training'];

/**
 * `grad_checkpointing true` when the script runs peft's k-bit preparation on a quantised model without turning
 * `use_gradient_checkpointing` off; undefined otherwise (no preparation, a model in full precision, the option off or
 * unknown, or a preparation or load that the default run skips: `runs` says whether a call runs by default).
 * `loads`: the script's model loads (`AutoModelForCausalLM.from_pretrained(…)`).
 */
export function kbitCheckpointingFact(
  file: string,
  root: SyntaxNode,
  text: string,
  loads: CallSite[],
  values: ValueResolver,
  runs: (node: SyntaxNode) => boolean,
): Fact | undefined {
  if (!PREPARE.some((p) => text.includes(p))) return undefined;
  if (!loads.some((c) => quantisedLoad(c, text, values) === true && runs(c.node))) return undefined;
  for (const c of findCalls(root, text, PREPARE)) {
    if (!runs(c.node)) continue;
    const opt = c.kwargs.get('use_gradient_checkpointing')?.value ?? c.positional[1];
    const on = opt ? values.resolve(opt).value : true;
    if (on !== true) continue;
    return {
      key: 'grad_checkpointing',
      value: true,
      origin: opt ? 'explicit' : 'framework-default',
      file,
      span: spanOf(c.node),
      note: `${c.name}(…) on a model loaded in 8/4 bits: peft's use_gradient_checkpointing${opt ? `=${opt.text}` : ' (default True)'} turns activation checkpointing on`,
    };
  }
  return undefined;
}
