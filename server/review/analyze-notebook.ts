// A Jupyter notebook analysed as the Python of its code cells (../../engine/parse/notebook.ts), under a name of its
// own beside the notebook (`train.ipynb` → `train.ipynb.py`, so that its imports of the folder's modules resolve),
// then every place in the result moved back to the notebook: the file's name and each span, in the notebook's JSON
// offsets. Quick fixes are not offered in a notebook (an edit of the cells' Python is not an edit of its JSON): each
// fix stays, as display-only, with its title and saving.
import * as path from 'node:path';
import { notebookPython, notebookSpan, type NotebookPython } from '../../engine/parse/notebook';
import type { Span } from '../../engine/types';
import type { DocumentAnalysis } from './analyze';

export const isNotebook = (file: string) => /\.ipynb$/i.test(file);

/** The Python text of a notebook and the name it is analysed under, or why it cannot be read. */
export function notebookSource(file: string, text: string): { nb: NotebookPython; pyFile: string } | { error: string } {
  const nb = notebookPython(text);
  if ('error' in nb) return { error: `notebook not read: ${nb.error}` };
  return { nb, pyFile: `${file}.py` };
}

const isSpan = (v: unknown): v is Span =>
  typeof v === 'object' && v !== null && typeof (v as Span).start === 'number' && typeof (v as Span).end === 'number';

/**
 * A copy of `a` with `pyFile` renamed `file` and its spans moved to the notebook's offsets. Copies, never mutates:
 * facts may be held by the linker's caches, keyed by `pyFile`.
 */
export function fromNotebook(
  a: DocumentAnalysis,
  file: string,
  pyFile: string,
  nb: NotebookPython,
  text: string,
): DocumentAnalysis {
  // Objects copied, by identity and by whether they belong to the notebook (a fact's `also` entries carry no
  // file: they are their fact's).
  const pyBase = path.basename(pyFile);
  const base = path.basename(file);
  const seen = [new Map<object, unknown>(), new Map<object, unknown>()];
  const copy = (x: unknown, inherited: boolean): unknown => {
    if (x === pyFile) return file;
    // Notes name the file they read (`--epochs 50 on train.ipynb.sh overrides …`): the notebook's name instead.
    if (typeof x === 'string') return x.includes(pyBase) ? x.split(pyBase).join(base) : x;
    if (typeof x !== 'object' || x === null) return x;
    const o = x as Record<string, unknown>;
    const mine = typeof o.file === 'string' ? o.file === pyFile : inherited;
    const memo = seen[mine ? 1 : 0];
    if (memo.has(o)) return memo.get(o);

    if (x instanceof Map) {
      const m = new Map();
      memo.set(o, m);
      for (const [k, v] of x) m.set(copy(k, mine), copy(v, mine));
      return m;
    }
    if (Array.isArray(x)) {
      const arr: unknown[] = [];
      memo.set(o, arr);
      for (const v of x) arr.push(copy(v, mine));
      return arr;
    }
    const r: Record<string, unknown> = {};
    memo.set(o, r);
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'function' || k === 'argInsert') continue; // edits of the cells' Python: none in a notebook
      r[k] = mine && k === 'span' && isSpan(v) ? notebookSpan(nb, v) : copy(v, mine);
    }
    // An edit of the notebook (`{file, start, end, newText}`): its range moved too (fixes are emptied below).
    if (mine && typeof o.file === 'string' && typeof o.start === 'number' && typeof o.end === 'number')
      Object.assign(r, notebookSpan(nb, { start: o.start, end: o.end }));
    return r;
  };
  const out = copy(a, false) as DocumentAnalysis;
  for (const f of out.findings)
    f.fixes = f.fixes.map((fx) => ({ ...fx, applicability: 'display-only' as const, edits: [] }));
  if (out.sources?.has(file)) out.sources.set(file, text);
  return out;
}
