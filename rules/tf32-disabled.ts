import type { Rule } from './types';
import { at, replaceFact, savingOf, setArg, settingText, written } from './helpers';

/**
 * GML104 tf32-disabled — fp32 matrix multiplications with TF32 switched off on a GPU that has it.
 */
export const tf32Disabled: Rule = {
  code: 'GML104',
  name: 'tf32-disabled',
  defaultSeverity: 'information',
  summary: 'TF32 switched off for an fp32 run on a GPU with TF32 tensor cores',
  doc: {
    whatItDoes:
      'Flags an explicit switch that keeps fp32 matrix multiplications off the TF32 tensor cores — `tf32=False`, ' +
      '`torch.backends.cuda.matmul.allow_tf32 = False`, `torch.set_float32_matmul_precision("highest")` — in a run ' +
      'that computes in fp32, when the accelerator supports TF32 (NVIDIA Ampere and newer).',
    whyIsThisBad:
      'PyTorch leaves TF32 off for matrix multiplications by default since 1.12; in fp32 they then run on the CUDA ' +
      'cores at a fraction of the tensor-core rate. Measured on an H200 (GPT-style 185 M model): 423 ms per step in ' +
      'true fp32 against 131 ms with TF32 (bench/gpu-energy). The PyTorch profiler flags the same pattern ' +
      '(FP32MatMulPattern).',
    example: 'torch.backends.cuda.matmul.allow_tf32 = False',
    useInstead: 'torch.backends.cuda.matmul.allow_tf32 = True  # or torch.set_float32_matmul_precision("high")',
    fixSafety:
      'Unsafe: TF32 keeps 10 mantissa bits for the products; most training converges the same (NVIDIA), but ' +
      'numerical tests and solvers may need full fp32. Not flagged: mixed precision already on, GPUs without TF32, ' +
      'unknown hardware, TF32 left at its default (GML101 covers fp32 training).',
  },
  check(ctx) {
    const t = ctx.fact('tf32');
    const p = ctx.value('precision');
    if (t?.value !== false || !written(t) || ctx.cpu || !ctx.accelerator?.tflops.tf32) return [];
    if (p !== 'fp32' && p !== 'tf32' && p !== undefined) return [];
    const s = savingOf(ctx, { precision: 'tf32' });
    // How the switch is written (Fact.form, Fact.name): `torch.backends.cuda.matmul.allow_tf32 = False`,
    // `torch.set_float32_matmul_precision("highest")`, or an argument (`tf32=False`, `tf32: false`).
    const [asWritten, edits] =
      t.form === 'assignment' && t.name
        ? [`${t.name} = False`, replaceFact(t, `${t.name} = True`)]
        : t.form === 'call' && t.name
          ? [`${t.name}("highest")`, replaceFact(t, `${t.name}("high")`)]
          : [settingText(t, false, 'tf32'), setArg(ctx, 'tf32', 'tf32', true)];
    return [
      {
        ...at(t),
        message: `TF32 is switched off (${asWritten}) on ${ctx.accelerator.name}: fp32 matrix multiplications run on the CUDA cores${s ? `; TF32 ${s.text}` : ''}.`,
        savings: s?.savings,
        fixes: edits ? [{ title: `Enable TF32${s ? ` — ${s.text}` : ''}`, applicability: 'unsafe', edits }] : [],
      },
    ];
  },
};
