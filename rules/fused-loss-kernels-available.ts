import type { Rule } from './types';
import { longRun, setArg } from './helpers';

/** Decoder families the Liger kernels support (linkedin/Liger-Kernel README, 2025). */
const LIGER_FAMILIES = /llama|mistral|mixtral|gemma|qwen|phi-?3|granite|olmo/i;

/**
 * GML504 fused-loss-kernels-available — a long LLM fine-tune without the fused loss and norm kernels.
 */
export const fusedLossKernelsAvailable: Rule = {
  code: 'GML504',
  name: 'fused-loss-kernels-available',
  defaultSeverity: 'information',
  summary: 'A long Llama/Mistral/Gemma/Qwen fine-tune without the fused Liger kernels (opt-in: select GML504)',
  optIn: true,
  doc: {
    whatItDoes:
      'Flags Hugging Face Trainer/TRL runs of a supported decoder family (Llama, Mistral, Gemma, Qwen, Phi-3, …) ' +
      'estimated at more than `checkpoint-threshold-hours` GPU-hours on a GPU when `use_liger_kernel` is not on. ' +
      'Off unless selected (`select = ["GML504"]`): it is advice for most LLM fine-tunes, not a mistake in them.',
    whyIsThisBad:
      'The cross-entropy over a large vocabulary materialises the full logits tensor, and RMSNorm, RoPE and SwiGLU run ' +
      'as several kernels each. The Liger kernels fuse them: the TrainingArguments docs cite ≈ 20 % higher multi-GPU ' +
      'throughput and ≈ 60 % less memory; the memory goes to a larger batch.',
    example: 'TrainingArguments(output_dir="out", bf16=True)  # Llama-3.1-8B, 30 GPU-hours',
    useInstead: 'TrainingArguments(output_dir="out", bf16=True, use_liger_kernel=True)  # pip install liger-kernel',
    fixSafety:
      "Unsafe: it needs the liger-kernel package and patches the model's modules (results match up to rounding). Not " +
      'flagged: other architectures (GPT-2, BERT, T5), short runs, CPU runs, unknown hardware.',
  },
  check(ctx) {
    const hf = ctx.plan.framework === 'hf-trainer' || ctx.plan.framework === 'trl';
    const liger = ctx.fact('liger');
    if (!hf || liger?.value === true || liger?.value === null || ctx.cpu || !ctx.accelerator) return [];
    const model = String(ctx.value('model') ?? '');
    if (!LIGER_FAMILIES.test(model) || !longRun(ctx)) return [];
    const edits = setArg(ctx, 'liger', 'use_liger_kernel', true);
    return [
      {
        message: `A ${ctx.estimate.gpuHours.mid.toFixed(0)} GPU-hour fine-tune of ${model} without the fused Liger kernels (cross-entropy, RMSNorm, RoPE, SwiGLU): use_liger_kernel=True is typically ≈ 20 % faster with much less memory.`,
        fixes: edits
          ? [{ title: 'Use the fused Liger kernels (use_liger_kernel=True)', applicability: 'unsafe', edits }]
          : [],
      },
    ];
  },
};
