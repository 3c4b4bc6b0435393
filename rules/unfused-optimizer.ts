import type { Rule, RuleFinding } from './types';
import { at, replaceFact, setArg, written } from './helpers';
import type { Span } from '../engine/types';

/**
 * GML503 unfused-optimizer — an optimizer step made of one kernel per parameter tensor.
 */
export const unfusedOptimizer: Rule = {
  code: 'GML503',
  name: 'unfused-optimizer',
  defaultSeverity: 'information',
  summary: 'Adam/AdamW with its fused and multi-tensor kernels switched off on a GPU',
  doc: {
    whatItDoes:
      'Flags `torch.optim.Adam/AdamW(..., foreach=False)` or `fused=False`, and `optim="adamw_hf"` or ' +
      '`optim="adamw_torch"` written in TrainingArguments (or an HF-args file), on a GPU run; and, as information, ' +
      "PyTorch's Adam/AdamW built with neither `fused` nor `foreach` in a file that trains on CUDA (`.cuda()`, a " +
      '"cuda" device, `accelerator.prepare`, `torch.cuda.amp`, `torch.cuda.empty_cache()`; seeding CUDA alone does ' +
      'not count) — the default multi-tensor update. Each constructor is its own finding, on the call.',
    whyIsThisBad:
      'The single-tensor path launches several kernels per parameter tensor every step; the fused implementation does ' +
      'the whole update in a few kernels (PyTorch profiler OptimizerSingleTensorPattern; transformers made ' +
      '`adamw_torch_fused` the default for torch ≥ 2.8, PR #37358). The optimizer step is a few per cent of a step, ' +
      'more for models with many small tensors.',
    example: 'torch.optim.AdamW(model.parameters(), lr=3e-4, foreach=False)',
    useInstead: 'torch.optim.AdamW(model.parameters(), lr=3e-4, fused=True)',
    fixSafety:
      'Unsafe: the fused kernel rounds differently in the last bits, and needs every parameter on CUDA in a floating ' +
      "type. Not flagged: the Trainer's default `optim`, 8-bit and paged optimizers, other libraries' Adam (Keras, " +
      'optax), a PyTorch optimizer in a file that never names CUDA, CPU runs.',
  },
  check(ctx) {
    if (ctx.cpu) return [];
    const impl = ctx.fact('optimizer_impl');
    // PyTorch's default on CUDA, the multi-tensor (foreach) update: each constructor is one finding, on its call.
    const defaults = (sites: { span: Span; argInsert?: { at: number; empty: boolean } }[], file: string) =>
      sites.map((s) => {
        const ins = s.argInsert;
        const edits = ins && [{ file, start: ins.at, end: ins.at, newText: `${ins.empty ? '' : ', '}fused=True` }];
        return {
          file,
          span: s.span,
          message:
            'Adam/AdamW without fused=True on a GPU runs the multi-tensor (foreach) update; fused=True does it in fewer ' +
            'kernels (the PyTorch docs rank fused > foreach > for-loop). The optimizer step is a few per cent of a step.',
          fixes: edits
            ? [{ title: 'Use the fused optimizer (fused=True)', applicability: 'unsafe' as const, edits }]
            : [],
        };
      });
    if (impl?.value === 'foreach-default' && impl.file && impl.span)
      return defaults([{ span: impl.span, argInsert: impl.argInsert }, ...(impl.also ?? [])], impl.file);
    const others = impl?.file ? defaults(impl.also ?? [], impl.file) : [];
    if (written(impl) && (impl.value === 'single-tensor' || impl.value === 'unfused')) {
      const edits = replaceFact(impl, 'fused=True');
      const own: RuleFinding[] = [
        {
          ...at(impl),
          message: `The optimizer runs ${impl.value === 'single-tensor' ? 'one kernel per parameter tensor (foreach=False)' : 'unfused (fused=False)'}: fused=True does the update in a few kernels.`,
          fixes: edits ? [{ title: 'Use the fused optimizer (fused=True)', applicability: 'unsafe', edits }] : [],
        },
      ];
      return [...own, ...others].sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
    }
    if (others.length) return others;
    const o = ctx.fact('optimizer');
    // Chosen by name in the Trainer's arguments: the reference AdamW, or PyTorch's AdamW without its fused kernels
    // (the default `optim` is not judged: it is the fused one from transformers with torch ≥ 2.8).
    if (written(o) && (o.value === 'adamw_hf' || o.value === 'adamw_torch')) {
      const edits = setArg(ctx, 'optimizer', 'optim', 'adamw_torch_fused');
      return [
        {
          ...at(o),
          message:
            o.value === 'adamw_hf'
              ? 'optim="adamw_hf" is the Transformers reference AdamW (one kernel per tensor): "adamw_torch_fused" does the same update in fused kernels.'
              : 'optim="adamw_torch" is PyTorch\'s AdamW without its fused kernels: "adamw_torch_fused" does the same update in a few kernels.',
          fixes: edits ? [{ title: 'Use optim="adamw_torch_fused"', applicability: 'unsafe', edits }] : [],
        },
      ];
    }
    return [];
  },
};
