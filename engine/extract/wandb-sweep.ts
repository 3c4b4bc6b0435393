// Weights & Biases sweeps: a sweep configuration (YAML file given to `wandb sweep`, or a dict given to
// `wandb.sweep(...)` in Python) with `method` (grid / random / bayes), `parameters`, and optionally `early_terminate`
// and `run_cap` (W&B docs, "Define a sweep configuration": https://docs.wandb.ai/guides/sweeps/define-sweep-configuration).
// A grid sweep runs every combination of the `values` lists, each a full training run; `early_terminate` (Hyperband)
// stops poor runs early. Facts: sweep = "wandb-grid" (a grid) or "wandb", sweep_grid = the number of runs of a grid whose every parameter
// is a `values` list or a fixed `value` (nested or distribution parameters leave it unknown), sweep_pruner = whether
// `early_terminate` is set, sweep_trials = `run_cap` when written.
import type { SyntaxNode } from '../parse/python';
import { literal, spanOf } from '../parse/python-syntax';
import type { Fact, Span } from '../types';
import type { ConfigDoc } from './config-doc';
import type { RunDraft } from './run-draft';

const METHODS = new Set(['grid', 'random', 'bayes']);

/** True for a W&B sweep configuration file: `method` one of grid/random/bayes and a `parameters` mapping. */
export function isWandbSweep(doc: ConfigDoc): boolean {
  const m = doc.field(['method'])?.value;
  return typeof m === 'string' && METHODS.has(m) && doc.keys(['parameters']).length > 0;
}

/** Runs of a grid from each parameter's count of values (undefined for one that is not a list or a fixed value). */
const product = (counts: (number | undefined)[]) =>
  counts.reduce<number | undefined>((a, c) => (a === undefined || c === undefined ? undefined : a * c), 1);

interface SweepShape {
  method: string;
  methodSpan: Span;
  grid?: number;
  earlyTerminate: boolean;
  runCap?: { value: number | null; span: Span };
}

function sweepFacts(file: string, s: SweepShape, via: string): Fact[] {
  const base = { origin: 'explicit' as const, file };
  const out: Fact[] = [
    {
      ...base,
      key: 'sweep',
      value: s.method === 'grid' ? 'wandb-grid' : 'wandb',
      span: s.methodSpan,
      note: `${via}: method ${s.method}`,
    },
  ];
  if (s.method === 'grid' && s.grid !== undefined)
    out.push({
      ...base,
      key: 'sweep_grid',
      value: s.grid,
      span: s.methodSpan,
      note: `${s.grid} runs, every combination of the values lists, each a full training run`,
    });
  out.push({
    ...base,
    key: 'sweep_pruner',
    value: s.earlyTerminate,
    span: s.methodSpan,
    note: s.earlyTerminate
      ? 'early_terminate stops poor runs early'
      : 'no early_terminate: every run trains to the end',
  });
  if (s.runCap) out.push({ ...base, key: 'sweep_trials', value: s.runCap.value, span: s.runCap.span, note: 'run_cap' });
  return out;
}

/** The run a sweep configuration file stands for: the sweep, its size and whether it stops poor runs early. */
export function extractWandbSweep(doc: ConfigDoc): RunDraft {
  const method = doc.field(['method'])!;
  const counts = doc.keys(['parameters']).map((p) => {
    const at = ['parameters', p];
    if (doc.has([...at, 'values'])) return doc.length([...at, 'values']) || undefined;
    return doc.has([...at, 'value']) && doc.keys(at).length === 1 ? 1 : undefined;
  });
  const cap = doc.field(['run_cap']);
  const facts = sweepFacts(
    doc.file,
    {
      method: String(method.value),
      methodSpan: method.span,
      grid: product(counts),
      earlyTerminate: doc.has(['early_terminate']),
      runCap: cap ? { value: typeof cap.value === 'number' ? cap.value : null, span: cap.span } : undefined,
    },
    'W&B sweep configuration',
  );
  return {
    plan: {
      framework: 'wandb-sweep',
      entry: { file: doc.file, span: method.span, label: 'W&B sweep configuration' },
      files: [doc.file],
      facts: new Map(facts.map((f) => [f.key, f])),
      relevantSpans: facts.map((f) => ({ file: doc.file, span: f.span!, key: f.key })),
    },
    kind: 'wandb-sweep',
    envPrecision: 'never',
    openEnded: true,
    refs: [],
  };
}

/** Facts of a sweep configuration dict literal given to `wandb.sweep(...)` (undefined when it is not one). */
export function wandbSweepDictFacts(file: string, dict: SyntaxNode): { method: string; facts: Fact[] } | undefined {
  const pairs = new Map<string, SyntaxNode>();
  for (const p of dict.namedChildren) {
    const k = p?.type === 'pair' ? literal(p.childForFieldName('key')) : undefined;
    if (typeof k === 'string' && p) pairs.set(k, p);
  }
  const m = pairs.get('method');
  const method = literal(m?.childForFieldName('value'));
  if (!m || typeof method !== 'string' || !METHODS.has(method)) return undefined;
  const params = pairs.get('parameters')?.childForFieldName('value');
  const counts =
    params?.type === 'dictionary'
      ? params.namedChildren.map((p) => {
          const v = p?.type === 'pair' ? p.childForFieldName('value') : undefined;
          if (v?.type !== 'dictionary') return undefined;
          const inner = new Map<string, SyntaxNode>();
          for (const q of v.namedChildren) {
            const k = q?.type === 'pair' ? literal(q.childForFieldName('key')) : undefined;
            const val = q?.childForFieldName('value');
            if (typeof k === 'string' && val) inner.set(k, val);
          }
          const values = inner.get('values');
          if (values)
            return values.type === 'list' || values.type === 'tuple' ? values.namedChildren.length : undefined;
          return inner.has('value') && inner.size === 1 ? 1 : undefined;
        })
      : [undefined];
  const cap = pairs.get('run_cap');
  const capValue = literal(cap?.childForFieldName('value'));
  const facts = sweepFacts(
    file,
    {
      method,
      methodSpan: spanOf(m),
      grid: product(counts),
      earlyTerminate: pairs.has('early_terminate'),
      runCap: cap ? { value: typeof capValue === 'number' ? capValue : null, span: spanOf(cap) } : undefined,
    },
    'wandb.sweep(…)',
  );
  return { method, facts };
}
