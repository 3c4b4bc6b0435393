// The precision a launcher's flag gives a script whose precision fact was read from that flag's argparse default
// (../link/merge.ts): a switch declared off (`--amp`, `--fp16` store_true) turned on, a switch passed as off, and a
// precision passed by name to an option the script hands to its framework — `--mixed_precision fp16` into
// `Accelerator(mixed_precision=args.mixed_precision)` (the diffusers examples), `--precision bf16`; and the precision a
// config's framework documents for a script that shows none (../link/named-configs.ts).
import type { Fact, FactValue } from '../types';
import { precisionOf, type Precision } from '../vocabulary/values';
import { BOOL_TYPE } from './code-signs';
import type { EntrySet } from './generic';
import { vocabRun } from './vocab-run';

interface Given {
  value: FactValue | undefined;
  text?: string;
}

const ON = (v: FactValue | undefined) => v === true || v === 1 || (typeof v === 'string' && /^(true|1)$/i.test(v));
const OFF = (v: FactValue | undefined) => v === false || v === 0 || (typeof v === 'string' && /^(false|0)$/i.test(v));

/**
 * The run's precision when the launch gives `given` for the option `dest` that the script's precision fact `current`
 * (a `script-default`) was read from; undefined when the flag's value says no precision this review reads.
 * `fields` are the launch's other options: timm's train.py takes the half type of `--amp` from `--amp-dtype`
 * (default float16: https://github.com/huggingface/pytorch-image-models/blob/main/train.py, 2024).
 */
export function launchedPrecision(
  current: Fact,
  dest: string,
  given: Given,
  fields: { get(name: string): Given | undefined },
): Precision | undefined {
  // A switch that the script leaves off (fp32, or fp32 weights with TF32 matmuls).
  const switchDefault = current.value === 'fp32' || current.value === 'tf32';
  // An option declared `type=bool` given any value (`--is_amp False`): argparse's bool('False') is True.
  const anyValue = !!current.note?.includes(BOOL_TYPE) && /\S+\s*[=\s]\s*\S/.test(given.text ?? '');
  if (switchDefault && (ON(given.value) || anyValue)) {
    if (/bf16|bfloat16/.test(dest)) return 'bf16';
    // The half type the switched autocast writes (`autocast(enabled=args.amp, dtype=torch.bfloat16)`: ./python-loop.ts).
    const own = /; (bf16|fp16) when on\)/.exec(current.note ?? '');
    if (own) return own[1] as Precision;
    const dtype = fields.get('amp_dtype')?.value;
    return (typeof dtype === 'string' ? precisionOf(dtype) : undefined) ?? 'fp16';
  }
  if (switchDefault && OFF(given.value)) return current.value as Precision;
  // A precision named on the command line (`fp16`, `bf16`, `no`, `bfloat16`, `16-mixed`).
  return typeof given.value === 'string' || typeof given.value === 'number' ? precisionOf(given.value) : undefined;
}

/**
 * The precision a config's own framework documents (torchtitan's FSDP `mixed_precision_param` bfloat16 default, set
 * in library code the training script calls), for a script whose reader found no mixed precision in the script
 * itself (`current`: PyTorch's fp32 default): the framework's default, as the config's run states it; undefined
 * when the config states a precision of its own (the vocabulary reads it) or its framework documents none.
 */
export function configFrameworkPrecision(current: Fact | undefined, sets: EntrySet[]): Fact | undefined {
  if (current?.origin !== 'framework-default' || current.value !== 'fp32') return undefined;
  const p = vocabRun(sets)?.plan.facts.get('precision');
  return p?.origin === 'framework-default' && typeof p.value === 'string' && p.value !== 'fp32' ? p : undefined;
}
