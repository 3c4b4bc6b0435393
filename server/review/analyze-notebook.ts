// A Jupyter notebook analysed as the Python of its code cells (../../engine/parse/notebook.ts), under a name of its
// own beside the notebook (`train.ipynb` → `train.ipynb.py`, so that its imports of the folder's modules resolve),
// then every place in the result moved back to the notebook: the file's name and each span, in the notebook's JSON
// offsets. Quick fixes are not offered in a notebook (an edit of the cells' Python is not an edit of its JSON): each
// fix stays, as display-only, with its title and saving.
import * as path from 'node:path';
import { cellEndOf, notebookPython, notebookSpan, type NotebookPython } from '../../engine/parse/notebook';
import type { Fact, FactKey, Span } from '../../engine/types';
import type { DocumentAnalysis } from './analyze';

export const isNotebook = (file: string) => /\.ipynb$/i.test(file);

/** The Python text of a notebook and the name it is analysed under, or why it cannot be read. */
export function notebookSource(file: string, text: string): { nb: NotebookPython; pyFile: string } | { error: string } {
  const nb = notebookPython(text);
  if ('error' in nb) return { error: `notebook not read: ${nb.error}` };
  return { nb, pyFile: `${file}.py` };
}

/**
 * Where the notebook's training ends: the end of the code cell that holds each run's training call (its loop, `fit`,
 * `trainer.train()`), or, for a call inside a function or class a cell defines, of the first later cell that calls
 * it, or for a trainer a cell builds (`trainer = Trainer(…)`), of the first later cell that uses it (`trainer.train()`);
 * the last of these over the notebook's runs. The cells after it run once training is over — reloading the saved
 * model for inference (`load_model("model.h5")`, `from_pretrained("./lora-out")`), a second, resumed run — and a
 * value they assign again is not the run's: a notebook's cells run top to bottom, so the training call sees the
 * values assigned before it (https://docs.jupyter.org/en/latest/running.html). Undefined when no run starts in the
 * notebook's own cells, or nothing follows.
 */
export function trainingEnd(a: DocumentAnalysis, pyFile: string, nb: NotebookPython): number | undefined {
  const entries = a.runs.map((r) => r.plan.entry).filter((e) => e.file === pyFile);
  if (entries.length === 0) return undefined;
  let cut = 0;
  for (const e of entries) {
    let end = cellEndOf(nb, Math.max(e.span.start, e.span.end - 1));
    const cellStart = [...nb.cellStarts].reverse().find((s) => s <= e.span.start) ?? 0;
    // The entry inside a top-level `def`/`class` of its cell: the cell that calls it is where the run happens.
    const lineStart = nb.python.lastIndexOf('\n', e.span.start - 1) + 1;
    if (/^[ \t]/.test(nb.python.slice(lineStart, e.span.start + 1))) {
      const defs = [...nb.python.slice(cellStart, lineStart).matchAll(/^(?:async[ \t]+)?(?:def|class)[ \t]+(\w+)/gm)];
      const name = defs[defs.length - 1]?.[1];
      if (name) {
        const call = new RegExp(`\\b${name}\\s*\\(`).exec(nb.python.slice(end));
        if (call) end = cellEndOf(nb, end + call.index);
      }
    }
    // A trainer built in one cell and started in a later one (`trainer = Trainer(…)`, then `trainer.train()`).
    const built = /^[ \t]*(\w+)[ \t]*=[^=]/.exec(nb.python.slice(lineStart, e.span.end));
    if (built) {
      const use = new RegExp(`\\b${built[1]}\\s*\\.\\s*\\w+\\s*\\(`).exec(nb.python.slice(end));
      if (use) end = cellEndOf(nb, end + use.index);
    }
    cut = Math.max(cut, end);
  }
  return /\S/.test(nb.python.slice(cut).replace(/#.*$/gm, '')) ? cut : undefined;
}

/** The facts that say what a run trains and how long: those a shorter read of the notebook must keep. */
const RUN_FACTS = new Set<FactKey>([
  'model',
  'micro_batch',
  'global_batch',
  'grad_accum',
  'epochs',
  'max_steps',
  'precision',
  'optimizer',
  'periodic_save',
  'peft',
  'early_stopping',
]);

/**
 * The same runs, by where each starts, each still stating what it trains and how long: an analysis of fewer cells
 * may change a value the later cells assigned again, never lose one — a loop over epochs in a later cell that calls
 * an imported training function is the run's too, even when its entry is an earlier line.
 */
export function sameRuns(a: DocumentAnalysis, b: DocumentAnalysis): boolean {
  const key = (r: DocumentAnalysis['runs'][number]) =>
    `${r.plan.entry.file}:${r.plan.entry.span.start}:${r.plan.entry.label}`;
  if (a.runs.length !== b.runs.length) return false;
  const later = new Map(b.runs.map((r) => [key(r), r]));
  const stated = (f: Fact | undefined) => f !== undefined && f.value !== null && f.origin !== 'assumed';
  return a.runs.every((r) => {
    const o = later.get(key(r));
    return o !== undefined && [...RUN_FACTS].every((k) => !stated(r.plan.facts.get(k)) || stated(o.plan.facts.get(k)));
  });
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
