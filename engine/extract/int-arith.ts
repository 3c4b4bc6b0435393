// Integer arithmetic on two numbers a Python expression names (`batch_size // MAX_GPU_BATCH_SIZE`).

/** `a + b`, `a - b`, `a * b`, `a // b` on two known numbers (undefined for any other operator, or `// 0`). */
export function integerArithmetic(op: string | undefined, a: number, b: number): number | undefined {
  if (op === '+') return a + b;
  if (op === '-') return a - b;
  if (op === '*') return a * b;
  if (op === '//' && b !== 0) return Math.floor(a / b);
  return undefined;
}
