// Model name resolution: a Hugging Face hub id, a local path or a loose spelling to a row of core/data/models.ts.
// Pure: no I/O, never throws.

import { MODELS } from './data/models';
import { ModelInfo } from './types';

const FILE_EXT = /\.(?:json|bin|safetensors|pt|pth|ckpt|gguf|h5|msgpack)$/;
const VARIANT_TOKENS = new Set([
  'hf',
  'chat',
  'instruct',
  'it',
  'pt',
  'sft',
  'dpo',
  'rlhf',
  'deduped',
  'awq',
  'gptq',
  'gguf',
  'exl2',
  'mlx',
  'fp16',
  'bf16',
  'fp8',
  'int4',
  'int8',
  '4bit',
  '8bit',
  'bnb',
]);

/**
 * Reduce a model name to the key its base checkpoint shares: chat/instruct/quantisation tokens and release dates
 * dropped wherever they sit ("Mistral-7B-Instruct-v0.3" -> "mistral-7b-v0.3"), "Meta-Llama" -> "llama".
 * "-Base" is dropped only after a size ("Qwen3-8B-Base"); in "t5-base" or "bert-base-uncased" it is the name.
 */
function modelKey(name: string): string {
  const tokens = name
    .toLowerCase()
    .split(/[-_]+/)
    .filter((t) => t.length > 0);
  const kept = tokens.filter(
    (t, i) =>
      i === 0 ||
      !(VARIANT_TOKENS.has(t) || /^\d{4}$/.test(t) || (t === 'base' && /\d(?:\.\d+)?[bm]$/.test(tokens[i - 1]))),
  );
  if (kept[0] === 'meta' && kept[1]?.startsWith('llama')) kept.shift();
  return kept.join('-');
}

/** Looser key: also drop version tokens ("Mistral-7B-Instruct-v0.2" -> "mistral-7b"). */
function looseKey(key: string): string {
  return key
    .split('-')
    .filter((t, i) => i === 0 || !/^v\d+(?:\.\d+)*$/.test(t))
    .join('-');
}

function lastSegment(id: string): string {
  const parts = id.split('/');
  return parts[parts.length - 1];
}

const MODEL_INDEX = MODELS.map((m) => {
  const seg = lastSegment(m.id).toLowerCase();
  const key = modelKey(seg);
  return { m, id: m.id.toLowerCase(), seg, key, loose: looseKey(key) };
});

/**
 * Look up a model by hub id ("meta-llama/Llama-2-7b-hf"), bare name ("gpt2"), variant ("Llama-2-7b-chat-hf",
 * "Qwen2.5-7B-Instruct") or local path whose last (or an enclosing) directory is the model name
 * ("./checkpoints/Llama-2-7b-hf", "out/gpt2/checkpoint-500"). Case-insensitive.
 */
export function lookupModel(id: string): ModelInfo | undefined {
  if (typeof id !== 'string') return undefined;
  let s = id
    .trim()
    .replace(/\\/g, '/')
    .replace(/^hf:\/\//i, '');
  s = s.replace(/^https?:\/\/(?:www\.)?huggingface\.co\//i, '').replace(/\/+$/, '');
  if (s.length === 0) return undefined;
  const lower = s.toLowerCase();

  const exact = MODEL_INDEX.find((e) => e.id === lower);
  if (exact) return exact.m;

  const segments = lower.split('/').filter((p) => p.length > 0 && p !== '.' && p !== '..' && !FILE_EXT.test(p));
  // Nearest directory first; each pass is stricter-to-looser so an exact name beats a variant match.
  for (let i = segments.length - 1; i >= 0; i--) {
    const seg = segments[i];
    const bySeg = MODEL_INDEX.find((e) => e.seg === seg);
    if (bySeg) return bySeg.m;
    const key = modelKey(seg);
    const byKey = MODEL_INDEX.find((e) => e.key === key);
    if (byKey) return byKey.m;
    const loose = looseKey(key);
    const byLoose = MODEL_INDEX.find((e) => e.loose === loose);
    if (byLoose) return byLoose.m;
  }
  return undefined;
}
