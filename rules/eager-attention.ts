import type { Rule } from './types';
import { at, setArg, written } from './helpers';

/**
 * GML502 eager-attention — attention forced to the unfused eager implementation.
 */
export const eagerAttention: Rule = {
  code: 'GML502',
  name: 'eager-attention',
  defaultSeverity: 'warning',
  summary: 'Attention forced to the eager (unfused) implementation on a GPU',
  doc: {
    whatItDoes: 'Flags `from_pretrained(..., attn_implementation="eager")` in a GPU training run.',
    whyIsThisBad:
      'Eager attention materialises the full attention matrix in memory and runs it as separate kernels. PyTorch SDPA ' +
      '(the default) and FlashAttention compute it in fused, memory-efficient kernels: faster steps and memory that ' +
      'grows linearly with the sequence (Dao et al. 2022; Hugging Face single-GPU guide).',
    example: 'AutoModelForCausalLM.from_pretrained(name, attn_implementation="eager")',
    useInstead: 'AutoModelForCausalLM.from_pretrained(name, attn_implementation="sdpa")',
    fixSafety:
      'Unsafe: attention weights are no longer returned (`output_attentions`), and results differ in the last bits. Not ' +
      'flagged: Gemma 2/3 (Hugging Face recommends eager for their soft-capped attention in training), CPU runs.',
  },
  check(ctx) {
    const a = ctx.fact('attn_impl');
    if (a?.value !== 'eager' || !written(a) || ctx.cpu) return [];
    if (/gemma-?[23]/i.test(String(ctx.value('model') ?? ''))) return [];
    const edits = setArg(ctx, 'attn_impl', 'attn_implementation', 'sdpa');
    return [
      {
        ...at(a),
        severity: ctx.accelerator ? undefined : 'information',
        message:
          'Attention runs in the eager implementation: the fused SDPA kernel (the default) is faster and stores no full attention matrix.',
        fixes: edits
          ? [{ title: 'Use SDPA attention (attn_implementation="sdpa")', applicability: 'unsafe', edits }]
          : [],
      },
    ];
  },
};
