import type { Rule } from './types';
import { at, setArg } from './helpers';

/**
 * GML802 qlora-fp32-compute — a 4-bit base whose matrix multiplications run in fp32.
 */
export const qloraFp32Compute: Rule = {
  code: 'GML802',
  name: 'qlora-fp32-compute',
  defaultSeverity: 'warning',
  summary: 'A 4-bit (QLoRA) model computes in fp32 (bnb_4bit_compute_dtype unset or float32)',
  doc: {
    whatItDoes:
      'Flags `BitsAndBytesConfig(load_in_4bit=True)` whose `bnb_4bit_compute_dtype` is float32 — written, or left at ' +
      'its default (torch.float32).',
    whyIsThisBad:
      'The 4-bit weights are dequantised for every matrix multiplication into the compute dtype: in fp32 those run on ' +
      'the CUDA cores instead of the tensor cores, several times slower. The QLoRA paper and the bitsandbytes docs use ' +
      'bfloat16 compute (Dettmers et al. 2023); transformers warns when the input is 16-bit and compute is fp32.',
    example: 'BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4")',
    useInstead: 'BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_compute_dtype="bfloat16")',
    fixSafety:
      'Unsafe: it changes numerics (bfloat16 as in QLoRA; float16 on GPUs without bf16). Not flagged: 8-bit loading, ' +
      'CPU runs.',
  },
  check(ctx) {
    const c = ctx.fact('compute_dtype');
    if (c?.value !== 'fp32' || !c.file || !c.span || ctx.cpu) return [];
    const half = ctx.accelerator && !ctx.accelerator.bf16 ? 'float16' : 'bfloat16';
    // A config (TRL/HF-args YAML, launcher flags) is rewritten by its own editor; Python gets the keyword argument.
    const py = /\.pyi?$/i.test(c.file);
    const edits = py
      ? setArg(ctx, 'compute_dtype', 'bnb_4bit_compute_dtype', { code: `"${half}"` })
      : ctx.edit({ compute_dtype: half === 'float16' ? 'fp16' : 'bf16' });
    return [
      {
        ...at(c),
        severity: ctx.accelerator ? undefined : 'information',
        message: `The 4-bit model computes in fp32 (${py ? (c.origin === 'explicit' ? 'bnb_4bit_compute_dtype=float32' : 'bnb_4bit_compute_dtype defaults to float32') : (c.note ?? c.origin)}): every matrix multiplication misses the tensor cores. Use ${half}.`,
        fixes: edits
          ? [
              {
                title: `Compute in ${half}${py ? ` (bnb_4bit_compute_dtype="${half}")` : ''}`,
                applicability: 'unsafe',
                edits,
              },
            ]
          : [],
      },
    ];
  },
};
