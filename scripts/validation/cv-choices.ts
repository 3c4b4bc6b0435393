// Leave-one-SET-out cross-validation of the footprint core's modelling choices (issue 13; docs/evaluation/dev-footprint-14.md).
//
//   npx tsx scripts/validation/cv-choices.ts [--json out.json]
//
// Folds: the spent published sets (docs/evaluation/heldout/footprint-N, development cases since, core/validation/
// cases-spent.ts). For each set, every fitted constant is refitted on the other cases (the other sets and the cases
// that are no set's: core/validation/cases.ts, cases-dev7.ts) and the set's estimable runs are estimated with them: a
// set is judged as it was when it was held out. In-sample: constants fitted on all cases, judged on the same runs.
//
// Choices judged, each against the same runs (the third, a centre per regime, was judged at c2de979 and reverted:
// docs/evaluation/dev-footprint-14.md):
//   text fill  the share of the stated length that text samples fill (core/fit.ts textFill) held at its prior
//              (PRIORS.textFill, the core since round 15), or fitted on each fold's training runs (fitTextFill: the
//              core of rounds 12–14), judged also on the runs whose estimate it moves;
//   cap        the widest range, high ÷ low, 6× or 8× (core/ranges.ts RANGE_CAP; a text-sample run whose own work
//              range is wider keeps that, as rangeCapOf does);
//   token runs the core's utilisation model, or a simple one: the core's FLOPs (6·N per token, N active, plus causal
//              attention beyond 2,048 tokens; text fill, precision as the core takes them) at ONE utilisation, the
//              median implied utilisation of the training folds' published token runs; "plain" drops the attention
//              FLOPs (6·N·D). Its range: the 90 % band (core/fit-spread.ts bandOf) of the training folds' own
//              leave-one-set-out residuals under that model, capped like the core's.
// Noise: a paired bootstrap over runs (2,000 resamples) of the difference in median |error| with the current core.
import * as fs from 'node:fs';
import { CASES, caseFamily, type ValidationCase } from '../../core/validation/cases';
import { estimate, fitConstants, type FittedConstants, type Range } from '../../core/index';
import { fitTextFill } from '../../core/fit';
import { prepareRun } from '../../core/prepare';
import { bandOf } from '../../core/fit-spread';
import { inside, median, metricOf, spentSetOf } from './metrics';

const setOf = spentSetOf;
/** Group left out when a training case's residual is taken: its set, else its family. */
const groupOf = (c: ValidationCase) => setOf(c) ?? `family:${caseFamily(c)}`;

/** The same range capped at `cap` (both sides shrunk in log space, as core/ranges.ts combineLog does). */
function recap(r: Range, cap: number): Range {
  if (!(r.low > 0) || !(r.high > r.low)) return r;
  const lu = Math.log(r.high / r.mid);
  const ld = Math.log(r.mid / r.low);
  const lim = Math.log(cap);
  if (lu + ld <= lim) return r;
  const k = lim / (lu + ld);
  return { low: r.mid * Math.exp(-ld * k), mid: r.mid, high: r.mid * Math.exp(lu * k) };
}

interface Judged {
  c: ValidationCase;
  set: string;
  token: boolean;
  /** Range cap of the run's own work (rangeCapOf: text samples of unstated length). */
  workSpan: number;
}

const estimableRuns: Judged[] = [];
for (const c of CASES) {
  const set = setOf(c);
  if (!set || c.tier === 'convention') continue;
  if (estimate(c.inputs).method === 'insufficient-inputs') continue;
  const run = prepareRun(c.inputs);
  const s = run.work?.spread;
  estimableRuns.push({
    c,
    set,
    token: run.method === 'flops' && run.accelKnown && run.work?.kind === 'tokens' && c.inputs.mfu === undefined,
    workSpan: s && s.low > 0 && s.high > s.low ? s.high / s.low : 1,
  });
}

/** A training case that can fit the simple model: a published device-hours token run on known hardware. */
function fitsSimple(c: ValidationCase, k: FittedConstants): boolean {
  if (c.tier !== 'device-hours' || c.target.metric !== 'gpuHours' || c.inputs.gpuHours !== undefined) return false;
  if (c.inputs.mfu !== undefined) return false;
  const run = prepareRun(c.inputs, { constants: k });
  return run.method === 'flops' && run.accelKnown && run.work?.kind === 'tokens' && run.work.units !== undefined;
}

/** Share of the per-token FLOPs that 6·N alone counts (attention beyond the reference length left out). */
function plainShare(c: ValidationCase, k: FittedConstants): number {
  const f = prepareRun(c.inputs, { constants: k }).work?.flops;
  return f && f.perToken > 0 ? (f.perToken - f.attentionPerToken) / f.perToken : 1;
}

/** Implied utilisation of a case under the core's FLOPs (the estimate at utilisation 1 ÷ the published value). */
function impliedU(c: ValidationCase, k: FittedConstants, plain: boolean): number {
  const e = estimate({ ...c.inputs, mfu: 1 }, { constants: k });
  const u = metricOf(e, c.target.metric).mid / c.target.value;
  return plain ? u * plainShare(c, k) : u;
}

interface SimpleModel {
  u: number;
  band: { low: number; high: number };
}

/** The simple model fitted on training cases: one utilisation, and a band from their leave-one-group-out residuals. */
function fitSimple(
  train: readonly ValidationCase[],
  k: FittedConstants,
  plain: boolean,
  qualities: ReadonlyArray<'A' | 'B'> = ['A', 'B'],
  fixed?: number,
): SimpleModel {
  const pts = train
    .filter((c) => qualities.includes(c.quality) && fitsSimple(c, k))
    .map((c) => ({ g: groupOf(c), u: impliedU(c, k, plain) }));
  const ok = pts.filter((p) => Number.isFinite(p.u) && p.u > 0 && p.u <= 1);
  const u = fixed ?? median(ok.map((p) => p.u));
  const ratios: number[] = [];
  for (const g of new Set(ok.map((p) => p.g))) {
    const uOut = fixed ?? median(ok.filter((p) => p.g !== g).map((p) => p.u));
    for (const p of ok.filter((x) => x.g === g)) ratios.push(p.u / uOut);
  }
  // ratio = implied ÷ fitted utilisation = estimated ÷ published device-hours: a multiplier of the utilisation.
  const b = bandOf(ratios);
  return { u, band: { low: b.low, high: b.high } };
}

function simpleEstimate(j: Judged, k: FittedConstants, m: SimpleModel, plain: boolean, cap: number): Range {
  const e = estimate({ ...j.c.inputs, mfu: Math.min(1, m.u) }, { constants: k });
  const mid = metricOf(e, j.c.target.metric).mid * (plain ? plainShare(j.c, k) : 1);
  // band: multipliers of the utilisation; hours go the other way.
  return recap({ low: mid / m.band.high, mid, high: mid / m.band.low }, Math.max(cap, j.workSpan));
}

const VARIANTS = [
  'core 8',
  'core 6',
  'fill fitted 8',
  'simple 8',
  'simple 6',
  'plain 8',
  'plain 6',
  'simple-A 8',
  'plain 40% 8',
] as const;
type Variant = (typeof VARIANTS)[number];

interface Out {
  id: string;
  set: string;
  token: boolean;
  published: number;
  oof: Record<Variant, Range>;
  ins: Record<Variant, Range>;
  u?: { oof: number; ins: number };
}

function judge(js: Judged[], train: readonly ValidationCase[], k: FittedConstants): Array<Record<Variant, Range>> {
  const simple = fitSimple(train, k, false);
  const plain = fitSimple(train, k, true);
  const simpleA = fitSimple(train, k, false, ['A']);
  const kFitted = { ...k, textFill: fitTextFill(train).textFill };
  const plain40 = fitSimple(train, k, true, ['A', 'B'], 0.4);
  return js.map((j) => {
    const core = metricOf(estimate(j.c.inputs, { constants: k }), j.c.target.metric);
    const cap = (r: Range, x: number) => recap(r, Math.max(x, j.workSpan));
    // Non-token runs keep the core.
    const tok = (m: SimpleModel, p: boolean, x: number) => (j.token ? simpleEstimate(j, k, m, p, x) : cap(core, x));
    return {
      'core 8': cap(core, 8),
      'core 6': cap(core, 6),
      'fill fitted 8': cap(metricOf(estimate(j.c.inputs, { constants: kFitted }), j.c.target.metric), 8),
      'simple 8': tok(simple, false, 8),
      'simple 6': tok(simple, false, 6),
      'plain 8': tok(plain, true, 8),
      'plain 6': tok(plain, true, 6),
      'simple-A 8': tok(simpleA, false, 8),
      'plain 40% 8': tok(plain40, true, 8),
    };
  });
}

const sets = [...new Set(estimableRuns.map((j) => j.set))].sort(
  (a, b) => Number(a.split('-')[1]) - Number(b.split('-')[1]),
);
const kAll = fitConstants(CASES);
const insAll = judge(estimableRuns, CASES, kAll);
const uIns = fitSimple(CASES, kAll, false);
const outs: Out[] = [];
const foldU: Record<string, { simple: number; plain: number }> = {};
for (const set of sets) {
  const train = CASES.filter((c) => setOf(c) !== set);
  const k = fitConstants(train);
  foldU[set] = { simple: fitSimple(train, k, false).u, plain: fitSimple(train, k, true).u };
  const js = estimableRuns.filter((j) => j.set === set);
  const res = judge(js, train, k);
  js.forEach((j, i) =>
    outs.push({
      id: j.c.id,
      set,
      token: j.token,
      published: j.c.target.value,
      oof: res[i],
      ins: insAll[estimableRuns.indexOf(j)],
    }),
  );
}

const err = (r: Range, v: number) => Math.abs(r.mid / v - 1);
const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : 'n/a');
function summary(rows: Out[], v: Variant, which: 'oof' | 'ins') {
  return {
    n: rows.length,
    score: intervalScore(rows.map((o) => [o[which][v], o.published])),
    median: median(rows.map((o) => err(o[which][v], o.published))),
    inside: rows.filter((o) => inside(o.published, o[which][v])).length,
    width: median(rows.map((o) => o[which][v].high / o[which][v].low)),
  };
}

/**
 * Mean interval score (Gneiting & Raftery 2007, §6.2) of the ranges read as 80 % intervals, in natural-log units:
 * ln(high ÷ low) + (2 ÷ 0.2) × how far (in log) the published value lies outside. Lower is better; it charges both
 * a range too narrow to hold the value and one wider than it needs, so it judges the cap on one scale.
 */
function intervalScore(xs: Array<[Range, number]>): number {
  const s = xs.map(([r, v]) => {
    const w = Math.log(r.high / r.low);
    const out = v < r.low ? Math.log(r.low / v) : v > r.high ? Math.log(v / r.high) : 0;
    return w + 10 * out;
  });
  return s.reduce((a, b) => a + b, 0) / s.length;
}

/** Paired bootstrap: 90 % interval of median|err|(v) − median|err|(ref) over resampled runs (seeded, reproducible). */
function bootstrap(rows: Out[], v: Variant, ref: Variant): [number, number] {
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const d: number[] = [];
  for (let b = 0; b < 2000; b++) {
    const pick = rows.map(() => rows[Math.floor(rnd() * rows.length)]);
    d.push(median(pick.map((o) => err(o.oof[v], o.published))) - median(pick.map((o) => err(o.oof[ref], o.published))));
  }
  d.sort((a, b) => a - b);
  return [d[Math.floor(0.05 * d.length)], d[Math.floor(0.95 * d.length)]];
}

const tokenRows = outs.filter((o) => o.token);
/** Token runs whose tokens are stated (the 6·N·D baseline of scripts/heldout/score-footprint.ts applies to them). */
const statedIds = new Set(estimableRuns.filter((j) => j.token && j.c.inputs.tokens !== undefined).map((j) => j.c.id));
const statedRows = outs.filter((o) => statedIds.has(o.id));
console.log(
  `Leave-one-set-out over ${sets.length} spent footprint sets: ${outs.length} estimable published runs (${tokenRows.length} token runs)`,
);
console.log(
  `simple model's utilisation: in-sample ${pct(uIns.u)} (band ${uIns.band.low.toFixed(2)}–${uIns.band.high.toFixed(2)}× of it); ` +
    `by fold ${sets.map((s) => `${s.replace('footprint-', 'f')} ${pct(foldU[s].simple)}`).join(', ')}`,
);
console.log(
  '\nvariant      | out-of-fold: all runs (median, inside, width, interval score) | token runs      | tokens stated   | in-sample: all runs | token runs      | Δ median vs core 8, 90 % bootstrap',
);
for (const v of VARIANTS) {
  const a = summary(outs, v, 'oof');
  const t = summary(tokenRows, v, 'oof');
  const ia = summary(outs, v, 'ins');
  const it = summary(tokenRows, v, 'ins');
  const st = summary(statedRows, v, 'oof');
  const [lo, hi] = v === 'core 8' ? [0, 0] : bootstrap(outs, v, 'core 8');
  console.log(
    `${v.padEnd(12)} | ${pct(a.median).padStart(7)} ${`${a.inside}/${a.n}`.padStart(7)} ${a.width.toFixed(2)}× ${a.score.toFixed(2)}` +
      `                         | ${pct(t.median).padStart(7)} ${`${t.inside}/${t.n}`.padStart(7)} | ${pct(st.median).padStart(7)} ${`${st.inside}/${st.n}`.padStart(7)} | ${pct(ia.median).padStart(7)} ${`${ia.inside}/${ia.n}`.padStart(7)}   ` +
      `  | ${pct(it.median).padStart(7)} ${`${it.inside}/${it.n}`.padStart(7)} | ${v === 'core 8' ? '—' : `${pct(lo)} … ${pct(hi)}`}`,
  );
}
// The runs the text fill moves (text samples of stated length, no tokens): the choice is judged on them too.
const fillRows = outs.filter((o) => Math.abs(o.oof['fill fitted 8'].mid / o.oof['core 8'].mid - 1) > 1e-9);
console.log(`\nruns the text fill moves (n = ${fillRows.length}), out of fold | in sample:`);
for (const v of ['core 8', 'fill fitted 8'] as const) {
  const [a, i] = [summary(fillRows, v, 'oof'), summary(fillRows, v, 'ins')];
  console.log(
    `${v.padEnd(12)} | ${pct(a.median)} inside ${a.inside}/${a.n}, interval score ${a.score.toFixed(2)} | ${pct(i.median)} inside ${i.inside}/${i.n}`,
  );
}
console.log('\nout-of-fold median |error| (inside) by fold');
console.log(`${'variant'.padEnd(12)} ${sets.map((s) => s.replace('footprint-', 'f').padStart(14)).join('')}`);
for (const v of VARIANTS)
  console.log(
    `${v.padEnd(12)} ${sets
      .map((s) => {
        const x = summary(
          outs.filter((o) => o.set === s),
          v,
          'oof',
        );
        return `${pct(x.median)} ${x.inside}/${x.n}`.padStart(14);
      })
      .join('')}`,
  );
const jsonAt = process.argv.indexOf('--json');
if (jsonAt > 0) fs.writeFileSync(process.argv[jsonAt + 1], JSON.stringify({ sets, foldU, rows: outs }, null, 1));
