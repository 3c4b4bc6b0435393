// Shared helpers of name resolution (core/resolve.ts, core/resolve-accelerator.ts): edit distance, compact keys and
// failure results with suggestions. Pure.

import type { ResolveResult } from './types';

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    prev = cur;
  }
  return prev[b.length];
}

export function compact(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

export function fail<T>(message: string, suggestions: string[]): ResolveResult<T> {
  return { ok: false, message, suggestions };
}

export function didYouMean(kind: string, input: string, suggestions: string[], fallback: string): string {
  return suggestions.length > 0
    ? `Unknown ${kind} "${input}". Did you mean: ${suggestions.join(', ')}?`
    : `Unknown ${kind} "${input}". ${fallback}`;
}
