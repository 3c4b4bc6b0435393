// Jupyter notebooks (`.ipynb`, nbformat 4: https://nbformat.readthedocs.io/en/latest/format_description.html): the
// code cells joined into one Python text, with a map from each character of that text back to its offset in the
// notebook's JSON, so that facts and findings point at the cell line they come from. IPython's own syntax — line
// magics (`%matplotlib inline`), shell escapes (`!pip install …`) and cell magics (`%%bash`) — is not Python: those
// lines become comments or blanks of the same length, so the map stays one character to one. Never executes anything.
import { parseJson, type JsonNode } from './json';

export interface NotebookPython {
  /** The code cells, in order, each ending with a newline. */
  python: string;
  /** Offset in the notebook's text of the character at `i` of `python` (length `python.length + 1`). */
  startOf: Int32Array;
  /** Offset in the notebook's text just after the character at `i` of `python`. */
  endOf: Int32Array;
  /**
   * The notebook's shell commands (`!python train.py --epochs 5`, the body of a `%%bash` cell) at the same offsets
   * as in `python`, everything else blanked (newlines kept): the same map serves both texts. Empty when there are none.
   */
  shell: string;
  /** Code cells read. */
  cells: number;
  /** Offset in `python` where each code cell starts, in order. */
  cellStarts: number[];
  /**
   * The runtime the notebook was last saved on, as its metadata records it (each value with its JSON string token's
   * offsets in the notebook): Colab's `accelerator` ("GPU", "TPU") and `colab.gpuType` ("T4", "A100"), Kaggle's
   * `kaggle.accelerator` ("nvidiaTeslaT4", "gpu", "none").
   */
  runtime: {
    [K in 'colabAccelerator' | 'colabGpuType' | 'kaggleAccelerator']?: { value: string; start: number; end: number };
  };
}

/** Cell magics whose body is shell commands. */
const SHELL_CELL_MAGICS = new Set(['bash', 'sh']);

/** Cell magics whose body is still Python (timing, capturing output); any other `%%name` cell is not Python. */
const PYTHON_CELL_MAGICS = new Set(['time', 'timeit', 'capture', 'prun', 'debug', 'memit', 'skip']);

const child = (n: JsonNode | undefined, key: string) =>
  n?.type === 'object' ? n.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1] : undefined;

/** A JSON string token's characters with the offset range of each in the notebook's text (escapes decoded). */
function decode(text: string, node: JsonNode, out: { chars: string[]; start: number[]; end: number[] }) {
  const raw0 = node.offset + 1;
  const raw1 = node.offset + node.length - 1;
  for (let i = raw0; i < raw1;) {
    const c = text[i];
    let ch = c;
    let len = 1;
    if (c === '\\') {
      const e = text[i + 1];
      len = 2;
      if (e === 'u') {
        ch = String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16) || 0xfffd);
        len = 6;
      } else ch = ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e;
    }
    out.chars.push(ch);
    out.start.push(i);
    out.end.push(i + len);
    i += len;
  }
}

/**
 * The notebook's code cells as Python, or why it cannot be read (not JSON, not nbformat 4). A notebook with no code
 * cell is an empty Python text.
 */
export function notebookPython(text: string): NotebookPython | { error: string } {
  const { root, errors } = parseJson(text);
  if (!root || root.type !== 'object') return { error: `not a notebook (${errors[0] ?? 'no JSON object'})` };
  const cells = child(root, 'cells');
  if (cells?.type !== 'array') {
    const v = child(root, 'nbformat')?.value;
    return { error: typeof v === 'number' && v < 4 ? `nbformat ${v} is not read (only 4)` : 'no "cells" array' };
  }
  const out = { chars: [] as string[], raw: [] as string[], start: [] as number[], end: [] as number[] };
  const shellRanges: [number, number][] = [];
  let count = 0;
  const cellStarts: number[] = [];
  for (const cell of cells.children ?? []) {
    if (child(cell, 'cell_type')?.value !== 'code') continue;
    const src = child(cell, 'source');
    const parts = src?.type === 'string' ? [src] : src?.type === 'array' ? (src.children ?? []) : [];
    const from = out.chars.length;
    cellStarts.push(from);
    for (const p of parts) if (p.type === 'string') decode(text, p, out);
    // Element by element: a spread of a cell's characters would overflow the call stack on a large cell.
    for (let i = from; i < out.chars.length; i++) out.raw.push(out.chars[i]);
    count++;
    for (const r of commentIPython(out.chars, from)) shellRanges.push(r);
    // Every cell ends its last line: a newline mapped to the end of the cell's source.
    if (out.chars.length === from || out.chars[out.chars.length - 1] !== '\n') {
      const at = out.end[out.end.length - 1] ?? (src ? src.offset + src.length : cells.offset);
      out.chars.push('\n');
      out.raw.push('\n');
      out.start.push(at);
      out.end.push(at);
    }
  }
  const n = out.chars.length;
  const startOf = new Int32Array(n + 1);
  const endOf = new Int32Array(n + 1);
  startOf.set(out.start);
  endOf.set(out.end);
  startOf[n] = endOf[n] = n > 0 ? out.end[n - 1] : cells.offset;
  const python = out.chars.join('');
  let shell = '';
  if (shellRanges.length > 0) {
    const sh = python.replace(/[^\n]/g, ' ').split('');
    for (const [a, b] of shellRanges) for (let i = a; i < b; i++) sh[i] = python[i] === '\n' ? '\n' : out.raw[i];
    shell = sh.join('');
  }
  const meta = child(root, 'metadata');
  const runtime: NotebookPython['runtime'] = {};
  const put = (k: keyof NotebookPython['runtime'], n: JsonNode | undefined) => {
    if (n?.type === 'string' && typeof n.value === 'string')
      runtime[k] = { value: n.value, start: n.offset, end: n.offset + n.length };
  };
  put('colabAccelerator', child(meta, 'accelerator'));
  put('colabGpuType', child(child(meta, 'colab'), 'gpuType'));
  put('kaggleAccelerator', child(child(meta, 'kaggle'), 'accelerator'));
  return { python, shell, startOf, endOf, cells: count, cellStarts, runtime };
}

/**
 * IPython lines of the cell starting at `from` turned into comments of the same length (the map stays 1:1); returns
 * the ranges that hold shell commands (after a line's `!`, a `%%bash` cell's body).
 */
function commentIPython(chars: string[], from: number): [number, number][] {
  const shell: [number, number][] = [];
  const lines: number[] = [from];
  for (let i = from; i < chars.length; i++) if (chars[i] === '\n' && i + 1 < chars.length) lines.push(i + 1);
  const firstText = (at: number) => {
    let i = at;
    while (i < chars.length && (chars[i] === ' ' || chars[i] === '\t')) i++;
    return i;
  };
  const head = firstText(from);
  if (chars[head] === '%' && chars[head + 1] === '%') {
    let name = '';
    for (let i = head + 2; i < chars.length && /\w/.test(chars[i]); i++) name += chars[i];
    chars[head] = '#';
    // `%%time` and its kind: only the magic line is IPython; `%%bash`, `%%writefile`: the rest of the cell is not
    // Python, and becomes blank lines.
    if (!PYTHON_CELL_MAGICS.has(name)) {
      const body = lines[1] ?? chars.length;
      if (SHELL_CELL_MAGICS.has(name)) shell.push([body, chars.length]);
      for (let i = body; i < chars.length; i++) if (chars[i] !== '\n') chars[i] = ' ';
      return shell;
    }
  }
  const lineEnd = (at: number) => {
    let e = at;
    while (e < chars.length && chars[e] !== '\n') e++;
    return e;
  };
  const continued = (e: number) => {
    let i = e - 1;
    while (i >= 0 && (chars[i] === ' ' || chars[i] === '\t' || chars[i] === '\r')) i--;
    return chars[i] === '\\';
  };
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k];
    const t = firstText(l);
    const text = chars.slice(t, lineEnd(t)).join('');
    // `%cd repo` changes the folder of the `!` commands after it; `!cd repo` alone runs in a shell of its own and
    // changes nothing after it (IPython docs, "Shell assignment" / `%cd`).
    if (/^%cd\s+\S/.test(text)) shell.push([t + 1, lineEnd(t)]);
    if (chars[t] === '!' && !/^!\s*cd(\s+[^;&|]*)?$/.test(text)) {
      let e = lineEnd(t);
      shell.push([t + 1, e]);
      // `!accelerate launch train.py \` goes on over the next lines, which are the command's, not Python.
      for (let more = continued(e); more && k + 1 < lines.length;) {
        const next = lines[++k];
        e = lineEnd(next);
        more = continued(e);
        shell.push([next, e]);
        for (let i = next; i < e; i++) chars[i] = ' ';
      }
    }
    if (chars[t] === '%' || chars[t] === '!' || (chars[t] === '?' && t === l)) chars[t] = '#';
  }
  return shell;
}

/** A span of the Python text as a span of the notebook's text. */
export function notebookSpan(nb: NotebookPython, s: { start: number; end: number }): { start: number; end: number } {
  const max = nb.python.length;
  const a = Math.max(0, Math.min(s.start, max));
  const b = Math.max(a, Math.min(s.end, max));
  return { start: nb.startOf[a], end: b > a ? nb.endOf[b - 1] : nb.startOf[a] };
}

/** The end (in `python`) of the code cell that holds offset `at`: where the next cell starts, or the text's end. */
export function cellEndOf(nb: NotebookPython, at: number): number {
  for (const s of nb.cellStarts) if (s > at) return s;
  return nb.python.length;
}

/**
 * The notebook's Python with every code cell from offset `from` on blanked (newlines kept): the same length, so the
 * offsets and the map to the JSON stay those of the whole notebook.
 */
export function pythonBefore(nb: NotebookPython, from: number): string {
  return nb.python.slice(0, from) + nb.python.slice(from).replace(/[^\n]/g, ' ');
}
