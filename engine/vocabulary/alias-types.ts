// The shape of a vocabulary row (./aliases.ts, ./aliases-frameworks.ts): the fact or quantity a key means, how its
// value is read, and the row builder `A`.
import type { FactKey } from '../types';
import type { SourceId } from './sources';

/** What a key means: a fact, or a quantity the run's facts are computed from. */
export type Target =
  | FactKey
  | 'arch.layers'
  | 'arch.hidden'
  | 'arch.heads'
  | 'arch.vocab'
  | 'arch.ffn'
  | 'arch.mlp_ratio'
  | 'arch.glu'
  | 'arch.untied'
  | 'arch.tied'
  /** Mixture-of-experts: routed experts per layer, experts each token uses, an expert's MLP width, shared experts. */
  | 'arch.experts'
  | 'arch.topk'
  | 'arch.moe_ffn'
  | 'arch.shared_experts'
  | 'arch.shared_ffn'
  /** The size a launcher names its model by, in billions (Megatron-DeepSpeed's `model_size=0.125`). */
  | 'arch.nominal_b'
  | 'quantized'
  | 'model.flavor'
  | 'nodes'
  /** Devices per node, within one slice, and slices (./devices.ts combines them). */
  | 'devices.node'
  | 'devices.slice'
  | 'devices.slices'
  | 'tp'
  | 'pp'
  | 'dp'
  | 'train_samples'
  | 'duration'
  | 'lr'
  | 'nbs'
  /** Epochs without improvement before a stop (Ultralytics `patience`, ./ultralytics-train.ts). */
  | 'patience'
  | 'batch_tokens'
  | 'vision'
  | 'audio'
  /** A key that looks like a training setting but means something else in its framework: read as nothing. */
  | 'none';

/** How a value is read (./read.ts). */
export type Reader =
  | 'int'
  | 'bool'
  | 'precision'
  | 'duration'
  | 'save'
  | 'minutes'
  | 'ac'
  | 'peft'
  | 'string'
  | 'devices'
  /** A list of device ids (`gpu_ids: 0,1`, `train_gpu: [0, 1]`): its length; one id (`gpu_id: 0`) is one device. */
  | 'device-ids'
  | 'number'
  | 'present'
  | 'size';

export interface Alias {
  to: Target;
  keys: string[];
  read: Reader;
  scope?: 'per-device' | 'global';
  unit?: 'steps' | 'epochs' | 'tokens' | 'samples';
  /** For boolean precision switches: the precision `true` means, and what `false` means when it alone decides. */
  on?: 'fp16' | 'bf16' | 'fp8';
  off?: 'fp32';
  /** Frameworks this spelling belongs to; absent: any file. */
  fw?: string[];
  /** Frameworks where this spelling means something else (a framework row reads it there). */
  notFw?: string[];
  /** Read only when no other spelling of the fact is written (a tokenizer's `model_max_length` beside `block_size`). */
  weak?: boolean;
  /** Read from a shell variable the launcher sets (`model_size=0.125`), not only from a flag it fills. */
  variable?: boolean;
  src: SourceId[];
}

export const A = (to: Target, keys: string, read: Reader, src: SourceId[], more: Partial<Alias> = {}): Alias => ({
  to,
  keys: keys.split(/\s+/).filter(Boolean),
  read,
  src,
  ...more,
});
