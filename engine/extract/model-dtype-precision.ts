// A hand-written loop over a model loaded in a half type, with no autocast:
//   model = AutoModelForCausalLM.from_pretrained(name, torch_dtype=torch.bfloat16)
//   … loss.backward(); optimizer.step()
// trains in that type end to end (pure bf16/fp16: the weights, activations and gradients are all bf16; an optimizer
// built on them keeps its states in the parameters' dtype — https://pytorch.org/docs/stable/generated/torch.optim.AdamW.html,
// transformers "torch_dtype" in https://huggingface.co/docs/transformers/main_classes/model#model-instantiation-dtype).
// The dtype's own words (`bfloat16`) read as an unread sign of mixed precision (./code-signs.ts `unreadPrecision`);
// read the file again without the load's dtype argument, and if nothing else sets precision up, the weights' type is
// the run's. Anything else that does (an autocast, a cast, a scaler, another unread sign) keeps its own reading.
import type { Fact } from '../types';

const UNREAD = /^mixed precision is set up \(/;

export function pureDtypePrecision(
  current: Fact | undefined,
  dtype: Fact | undefined,
  reread: (text: string) => Fact,
  text: string,
): Fact | undefined {
  if (current?.value !== null || !UNREAD.test(current.note ?? '')) return undefined;
  if (dtype?.origin !== 'explicit' || (dtype.value !== 'bf16' && dtype.value !== 'fp16') || !dtype.span)
    return undefined;
  const { start, end } = dtype.span;
  if (start < 0 || end > text.length || end <= start) return undefined;
  // Blanked to spaces of the same length: every other position of the file is unchanged.
  const again = reread(text.slice(0, start) + ' '.repeat(end - start) + text.slice(end));
  if (again.value !== 'fp32' || again.origin !== 'framework-default') return undefined;
  return {
    ...dtype,
    key: 'precision',
    note: `weights loaded in ${dtype.value} (${dtype.note ?? 'torch_dtype'}) and no autocast: the model trains in pure ${dtype.value}`,
  };
}
