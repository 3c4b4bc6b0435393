import * as fmt from '../engine/format';
import type { Rule } from './types';

/**
 * GML101 mixed-precision-off — training in full fp32 on an accelerator with fp16/bf16 tensor cores.
 */
export const mixedPrecisionOff: Rule = {
  code: 'GML101',
  name: 'mixed-precision-off',
  defaultSeverity: 'warning',
  summary: 'Training in full fp32 on hardware with bf16/fp16 tensor cores',
  doc: {
    whatItDoes:
      'Flags training runs that compute in fp32 although the accelerator has fp16/bf16 tensor cores (NVIDIA Volta and newer, AMD CDNA, TPUs).',
    whyIsThisBad:
      'Mixed precision runs matrix multiplications on tensor cores at many times the fp32 rate and halves activation memory. ' +
      'PyTorch computes fp32 matmuls without TF32 by default (since 1.12), so on Ampere and Hopper a transformer step in fp32 ' +
      'is 5–9× slower than in bf16 (7.6× measured on an H200, bench/gpu-energy/RESULTS.md) and the same work takes 80–90 % ' +
      'less GPU energy in bf16; convolutional networks already use TF32 for convolutions and save 30–40 %; on Volta ' +
      "(no TF32) 55–75 %. The estimate's saving is computed for the run at hand. bf16 has fp32's range, so it needs no loss " +
      'scaling on Ampere and newer.',
    example: 'args = TrainingArguments(output_dir="out", per_device_train_batch_size=8)  # bf16/fp16 default to False',
    useInstead:
      'args = TrainingArguments(output_dir="out", per_device_train_batch_size=8, bf16=True)  # fp16=True on V100/T4',
    fixSafety:
      'Unsafe: it changes numerics. bf16 is chosen on hardware that supports it, fp16 (with automatic loss scaling) on ' +
      'Volta/Turing. Not flagged: fp16 or bf16 already on, pure-bf16 weights, CPU runs, GPUs without tensor cores, ' +
      'T5-family models on GPUs without bf16 (they overflow in fp16). With ' +
      'unknown hardware, or a precision inferred from a key of a format without a reader, the finding is information only. ' +
      'An HF-args YAML/JSON read without its script that sets neither bf16 nor fp16 gets information naming the ' +
      "assumption (transformers' Trainer trains in fp32, TRL ≥ 0.19 in bf16).",
  },
  check(ctx) {
    const precision = ctx.fact('precision');
    if (precision?.value === null && precision.form === 'reader-default' && !ctx.cpu) return readerDefault(ctx);
    if (!precision || precision.value !== 'fp32' || ctx.cpu) return [];
    // JAX float32 on unknown hardware, or JAX's float32 default that no dtype states: XLA decides what it runs as.
    if (precision.form === 'xla-float32') return [];
    const acc = ctx.accelerator;
    if (acc && !acc.tensorCores) return [];
    const target = acc && !acc.bf16 ? 'fp16' : 'bf16';
    // T5-family checkpoints were pre-trained with bf16 activations and overflow in fp16 (inf/NaN losses:
    // huggingface/transformers #5651, #14189; google-research/text-to-text-transfer-transformer #539): on hardware
    // without bf16 there is no safe mixed-precision switch to propose.
    const model = ctx.value('model');
    if (target === 'fp16' && typeof model === 'string' && /(^|[/-])(m|flan-|byt|long)?t5|ul2/i.test(model)) return [];
    const s = ctx.saving({ precision: target });
    const known = !!acc;
    const where = known ? `on ${acc.name}` : 'on unknown hardware (set greenml.hardware)';
    // A saving in kWh rests on the run length: say so when that length assumes the dataset size.
    const assumed = ctx.shape.stepsAssumed ? ', assuming the dataset size: set greenml.datasetSize' : '';
    const saved =
      s.kWh.mid > 0
        ? `: ${target} mixed precision would save ≈ ${fmt.energy(s.kWh.mid)} (−${fmt.percent(s.fraction)}) of this run's energy${assumed}`
        : '';
    const why = precision.origin === 'explicit' ? '' : ` (${precision.note ?? 'framework default'})`;
    const edits = ctx.edit({ precision: target });
    const title = `Use ${target} mixed precision${s.kWh.mid > 0 ? ` — saves ≈ ${fmt.energy(s.kWh.mid)} (−${fmt.percent(s.fraction)})` : ''}`;
    return [
      {
        severity: known && precision.origin !== 'assumed' && !ctx.inferred(['precision']) ? undefined : 'information',
        span: precision.span,
        file: precision.file,
        message: `Training runs in fp32 ${where}${why}${saved}.`,
        fixes: edits ? [{ title, applicability: 'unsafe', edits }] : [],
        savings: s.kWh.mid > 0 ? { kWh: s.kWh, kgCO2e: s.kgCO2e, fraction: s.fraction } : undefined,
      },
    ];
  },
};

/**
 * An HF-args file that sets neither bf16 nor fp16, read without its script: transformers' Trainer would train in fp32,
 * TRL (≥ 0.19) in bf16. Information that names that assumption, with the fix that makes it explicit.
 */
function readerDefault(ctx: Parameters<Rule['check']>[0]): ReturnType<Rule['check']> {
  const acc = ctx.accelerator;
  if (acc && !acc.tensorCores) return [];
  const target = acc && !acc.bf16 ? 'fp16' : 'bf16';
  const edits = ctx.edit({ precision: target });
  return [
    {
      severity: 'information',
      message: `bf16/fp16 is not set in this file and the script that reads it is not in view: with transformers' Trainer the run trains in fp32 (TRL ≥ 0.19 defaults to bf16). Set ${target} explicitly.`,
      fixes: edits ? [{ title: `Use ${target} mixed precision`, applicability: 'unsafe', edits }] : [],
    },
  ];
}
