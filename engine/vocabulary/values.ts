// How vocabulary values are read: precision spellings, durations (`1ep`, `4800ba`, `2e9tok`), checkpoint cadences,
// activation-checkpointing modes, PEFT markers, device counts. Each returns undefined for a value it cannot read.
import type { FactValue } from '../types';

export type Precision = 'fp32' | 'tf32' | 'fp16' | 'bf16' | 'fp8';

/** A precision spelling: `bf16-mixed`, `amp_bf16`, `bfloat16`, `16-mixed`, `no`, `fp8`, `hybrid` (--fp8-format), `AmpOptimWrapper`… */
export function precisionOf(v: FactValue | undefined): Precision | undefined {
  if (typeof v === 'number') return v === 16 ? 'fp16' : v === 32 || v === 64 ? 'fp32' : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase();
  // A jmp policy (Levanter `mp: p=f32,c=bfloat16`): the compute dtype decides; with params only, they compute.
  const policy = /^(?:(?:p|params|c|compute|o|output)\s*=\s*\w+\s*,?\s*)+$/.test(s) ? s : undefined;
  if (policy) {
    const c =
      /(?:^|,)\s*(?:c|compute)\s*=\s*(\w+)/.exec(policy)?.[1] ?? /(?:^|,)\s*(?:p|params)\s*=\s*(\w+)/.exec(policy)?.[1];
    return c ? precisionOf(c.replace(/^f(16|32)$/, 'float$1')) : undefined;
  }
  // NVIDIA Apex AMP opt levels (`precision: O0`): O0 pure fp32, O1/O2 fp16 mixed, O3 pure fp16
  // (https://nvidia.github.io/apex/amp.html#opt-levels).
  if (/^o0$/.test(s)) return 'fp32';
  if (/^o[123]$/.test(s)) return 'fp16';
  if (/fp8|float8|e4m3|e5m2|^hybrid$/.test(s)) return 'fp8';
  if (/bf16|bfloat16|mixed_bfloat16/.test(s)) return 'bf16';
  if (/^(16|16-mixed|16-true)$|fp16|float16|half|^amp(optimwrapper)?$|amp_fp16|^mixed_float16$/.test(s)) return 'fp16';
  if (/^(32|32-true|64|64-true)$|fp32|float32|^no$|^full$|^optimwrapper$|^float$/.test(s)) return 'fp32';
  if (/tf32/.test(s)) return 'tf32';
  return undefined;
}

/** The same precision in the spelling style of the value it replaces (`bf16-mixed`, `amp_bf16`, `bfloat16`, `bf16`). */
export function respell(old: FactValue | undefined, p: Precision): string | undefined {
  const s = typeof old === 'string' ? old.toLowerCase() : typeof old === 'number' ? String(old) : '';
  if (/-(mixed|true)$|^(16|32|64)$/.test(s))
    return { bf16: 'bf16-mixed', fp16: '16-mixed', fp32: '32-true', tf32: undefined, fp8: undefined }[p];
  // Apex opt levels take no bf16 (https://nvidia.github.io/apex/amp.html#opt-levels).
  if (/^o[0-3]$/.test(s)) return p === 'fp32' ? 'O0' : p === 'fp16' ? 'O1' : undefined;
  if (/^amp_|^fp32$/.test(s) && s !== 'fp32')
    return { bf16: 'amp_bf16', fp16: 'amp_fp16', fp32: 'fp32', tf32: undefined, fp8: 'amp_fp8' }[p];
  if (/^(no|fp16|bf16|fp8)$/.test(s)) return { bf16: 'bf16', fp16: 'fp16', fp32: 'no', tf32: undefined, fp8: 'fp8' }[p];
  if (/float|bfloat/.test(s))
    return { bf16: 'bfloat16', fp16: 'float16', fp32: 'float32', tf32: undefined, fp8: undefined }[p];
  if (/optimwrapper/.test(s)) return p === 'fp16' ? 'AmpOptimWrapper' : p === 'fp32' ? 'OptimWrapper' : undefined;
  return p === 'tf32' ? undefined : p;
}

export const bool = (v: FactValue | undefined): boolean | undefined => {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false|yes|no|on|off)$/i.test(v)) return /^(true|yes|on)$/i.test(v);
  if (v === 0 || v === 1) return v === 1;
  return undefined;
};

export const number = (v: FactValue | undefined): number | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^[-+]?\d[\d_]*(\.\d+)?(e[-+]?\d+)?$/i.test(v.trim()))
    return Number(v.replace(/_/g, ''));
  return undefined;
};

/** A positive whole number (a batch, a step count); undefined for 0, negatives, fractions and non-numbers. */
export const count = (v: FactValue | undefined): number | undefined => {
  const n = number(v);
  return n !== undefined && n > 0 && Number.isInteger(n) ? n : undefined;
};

export interface Duration {
  unit: 'steps' | 'epochs' | 'tokens' | 'samples';
  value: number;
}

/** Composer/OLMo durations: `1ep`, `4800ba`, `2e9tok`, `1000sp`, OLMo's `2T` (tokens) and plain integers (steps). */
export function durationOf(v: FactValue | undefined): Duration | undefined {
  const n = count(v);
  if (n !== undefined) return { unit: 'steps', value: n };
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(\d[\d_]*(?:\.\d+)?(?:e\d+)?)\s*(ep|ba|tok|sp|T|steps?|epochs?|tokens?)\s*$/i.exec(v);
  if (!m) return undefined;
  const value = Number(m[1].replace(/_/g, ''));
  if (!Number.isFinite(value) || value <= 0) return undefined;
  const u = m[2];
  if (/^ep/i.test(u)) return { unit: 'epochs', value };
  if (/^(ba|step)/i.test(u)) return { unit: 'steps', value };
  if (/^(tok|T$)/.test(u) || /^tok/i.test(u)) return { unit: 'tokens', value };
  if (/^sp/i.test(u)) return { unit: 'samples', value };
  return undefined;
}

/** Activation checkpointing: booleans, or a mode (`selective`, `full`, `uniform`, …) where `none`/null mean off. */
export function acOf(v: FactValue | undefined): boolean | undefined {
  const b = bool(v);
  if (b !== undefined) return b;
  if (v === null) return false;
  if (typeof v !== 'string') return undefined;
  if (/^(none|no|off|false|disabled?)$/i.test(v.trim()) || v.trim() === '') return false;
  return true;
}

/** PEFT: a LoRA rank, `lora`/`qlora`, `full`/`none`, or a use_lora switch. */
export function peftOf(v: FactValue | undefined, key: string): string | undefined {
  if (/(^|_)r$|rank/.test(key)) {
    const n = number(v);
    return n === undefined ? undefined : n > 0 ? 'lora' : 'none';
  }
  const b = bool(v);
  if (b !== undefined) return b ? 'lora' : 'none';
  if (v === null) return 'none';
  if (typeof v !== 'string') return undefined;
  if (/qlora/i.test(v)) return 'qlora';
  if (/lora/i.test(v)) return 'lora';
  if (/^(full|none|freeze)$/i.test(v)) return 'none';
  return undefined;
}

/**
 * A device count: an integer, a list of device ids, `"0,1,2,3"` or a tuple written as text (`(0,1,2,3)`, yacs); undefined
 * for `auto` and -1. `ids`: the value names device ids (`gpu_ids`, yacs `GPUS: '0'`), so one id is one device and -1 the CPU.
 */
export function devicesOf(v: FactValue | undefined, items?: number, ids = false): number | undefined {
  if (items !== undefined) return items > 0 ? items : undefined;
  const list = typeof v === 'string' ? /^\s*[([]?\s*(\d+(?:\s*,\s*\d+)*)\s*,?\s*[)\]]?\s*$/.exec(v) : null;
  if (list && (ids || list[1].includes(',') || /^\s*\(/.test(v as string))) return list[1].split(',').length;
  if (ids) return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? 1 : undefined;
  return count(v);
}
