import type { Rule } from './types';
import { at, written } from './helpers';

/**
 * GML103 bf16-on-pre-ampere — bf16 asked of a GPU without bf16 tensor cores.
 */
export const bf16OnPreAmpere: Rule = {
  code: 'GML103',
  name: 'bf16-on-pre-ampere',
  defaultSeverity: 'warning',
  summary: 'bf16 requested on a GPU without bf16 support (V100, T4, P100)',
  doc: {
    whatItDoes:
      'Flags bf16 written in the code or config when the accelerator is known to lack bf16 tensor cores (NVIDIA ' +
      'Volta, Turing and older).',
    whyIsThisBad:
      'Depending on the versions installed the run either stops at start-up ("bf16 requires Ampere or newer") or ' +
      'falls back to slow emulation: the same work takes several times the time and energy. fp16 with loss scaling ' +
      "uses these GPUs' tensor cores (Hugging Face single-GPU guide: bf16 needs Ampere or newer).",
    example: 'TrainingArguments(output_dir="out", bf16=True)  # on a T4',
    useInstead: 'TrainingArguments(output_dir="out", fp16=True)',
    fixSafety:
      'Unsafe: fp16 has a smaller range than bf16 (loss scaling handles most models; T5-family checkpoints can ' +
      'overflow). Not flagged: unknown hardware, TPUs and CPUs with bf16, bf16 that is a framework default.',
  },
  check(ctx) {
    const p = ctx.fact('precision');
    const acc = ctx.accelerator;
    if (p?.value !== 'bf16' || !written(p) || ctx.cpu || !acc || acc.bf16 || !acc.tensorCores) return [];
    const edits = ctx.edit({ precision: 'fp16' });
    return [
      {
        ...at(p),
        message: `bf16 on ${acc.name}, which has no bf16 tensor cores: the run fails at start or runs emulated; fp16 mixed precision uses its tensor cores.`,
        fixes: edits ? [{ title: 'Use fp16 mixed precision (with loss scaling)', applicability: 'unsafe', edits }] : [],
      },
    ];
  },
};
