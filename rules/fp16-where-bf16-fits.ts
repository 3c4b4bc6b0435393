import type { Rule } from './types';
import { at, written } from './helpers';

/**
 * GML102 fp16-where-bf16-fits — fp16 mixed precision on hardware with bf16 tensor cores.
 */
export const fp16WhereBf16Fits: Rule = {
  code: 'GML102',
  name: 'fp16-where-bf16-fits',
  defaultSeverity: 'information',
  summary: 'fp16 mixed precision on hardware that has bf16 (Ampere and newer)',
  doc: {
    whatItDoes:
      'Flags fp16 mixed precision written in the code or config (`fp16=True`, `precision="16-mixed"`, ' +
      '`mixed_precision: fp16`) when the accelerator is known to support bf16 (NVIDIA Ampere and newer, TPUs): set ' +
      'in the settings or `greenml.toml`, or stated by a launcher or cluster spec of the run.',
    whyIsThisBad:
      'fp16 has a narrow range (largest value 65,504): it needs loss scaling, skips steps on overflow and can diverge ' +
      "into NaN losses, which costs reruns. bf16 has fp32's range at the same speed on these GPUs, so it needs no " +
      'loss scaling (Hugging Face, "Methods and tools for efficient training on a single GPU"; axolotl mixed-precision docs).',
    example: 'TrainingArguments(output_dir="out", fp16=True)  # on an A100',
    useInstead: 'TrainingArguments(output_dir="out", bf16=True)',
    fixSafety:
      'Unsafe: it changes numerics. Not flagged: V100, T4 and older GPUs (no bf16 tensor cores), CPU runs, fp16 that ' +
      'is a framework default rather than written, and fp16 on unknown hardware: fp16 is the right choice on the ' +
      'V100s and T4s many of these runs still use, so without the GPU in view there is nothing to judge.',
  },
  check(ctx) {
    const p = ctx.fact('precision');
    if (p?.value !== 'fp16' || !written(p) || ctx.cpu) return [];
    const acc = ctx.accelerator;
    // Unknown hardware: fp16 is right on a V100 or T4, so a finding would be a guess (silence, not information).
    if (!acc || !acc.bf16) return [];
    const edits = ctx.edit({ precision: 'bf16' });
    // A model loaded in half precision (`torch_dtype=torch.float16`) trains in fp16 weights, not mixed precision.
    const what = ctx.value('model_dtype') === 'fp16' ? 'fp16 weights' : 'fp16 mixed precision';
    return [
      {
        ...at(p),
        message: `${what} on ${acc.name}, which has bf16: bf16 runs at the same speed without loss scaling or overflow.`,
        fixes: edits ? [{ title: 'Use bf16 instead of fp16', applicability: 'unsafe', edits }] : [],
      },
    ];
  },
};
