// Validate the footprint core against the development cases (core/validation/cases.ts).
//
//   npx tsx scripts/validate-footprint.ts [--json]
//
// Headline: leave-one-SET-out error over the spent published sets (docs/evaluation/heldout/footprint-N, development
// cases since they were scored): for each set, the fitted constants (core/fit.ts: base MFU per architecture, size
// slope, MoE efficiency, vision run efficiency, utilisation spread; the text fill is a prior since round 15) are refitted on every other case and the
// set's estimable runs are estimated with them, as the set was judged when it was held out: the out-of-fold figure
// closest to a new held-out set's. The in-sample figure on the same runs (constants fitted on all cases, as the
// estimator ships) is printed beside it. Below it, leave-one-family-out over all cases (each model family's cases
// estimated with the constants refitted without the family). No constant is fitted on a case it is judged on. Power
// constants are not fitted on cases at all (H200 measurements, published chip powers). The choices of the model (range
// cap, a centre per regime, a simple model for token runs) are judged the same way by scripts/validation/cv-choices.ts.
//
// Per case: the published value, the out-of-family estimate (low/mid/high), its error, whether the published value lies
// inside the range (±0.5 % for published rounding), the in-sample error, and the baseline (plain 6·N·D — or 3 × forward
// FLOPs × samples — at 40 % MFU of the dense 16-bit peak; energy = device-hours × rated power × PUE). Then per tier the
// median |error| of quality-A cases, of quality-B cases and of all, and the inside share.

import { caseFamily, CASES, type CaseMetric, type ValidationCase } from '../core/validation/cases';
import {
  estimate,
  fitConstants,
  forwardFlopsAt,
  GENERIC_ACCELERATOR,
  lookupArchitecture,
  peak16,
  resolveAccelerator,
} from '../core/index';
import type { Accelerator, Estimate, FittedConstants, Range } from '../core/index';
import { prepareRun } from '../core/prepare';
import { DEV7_CASES } from '../core/validation/cases-dev7';
import { inside, median, metricOf, spentSetOf } from './validation/metrics';
import { MISSING_FACTS, missingFacts } from './validation/missing';

interface Row {
  c: ValidationCase;
  family: string;
  loo: Range;
  inSample: Range;
  published: number;
  error: number;
  inside: boolean;
  inSampleError: number;
  inSampleInside: boolean;
  baseline: number;
  baselineError: number;
  eIn: Estimate;
}

function accelOf(c: ValidationCase): Accelerator {
  if (!c.inputs.hardware) return GENERIC_ACCELERATOR;
  const r = resolveAccelerator(c.inputs.hardware);
  return r.ok ? r.value : GENERIC_ACCELERATOR;
}

/** Training FLOPs a naive estimator would use: 6·N·D, or 3 × forward FLOPs × samples × epochs. */
function naiveFlops(c: ValidationCase): number {
  const i = c.inputs;
  const arch = i.architecture ? lookupArchitecture(i.architecture) : undefined;
  const fwd =
    i.flopsPerSample ??
    (arch ? forwardFlopsAt(arch, { resolution: i.resolution, audioSeconds: i.audioSeconds }).flops : undefined);
  if (fwd !== undefined && i.samples !== undefined) return 3 * fwd * i.samples * (i.epochs ?? 1);
  const n = i.activeParams ?? i.params;
  return n !== undefined && i.tokens !== undefined ? 6 * n * i.tokens : NaN;
}

/** Plain FLOPs at 40 % MFU; energy = hours × (given power or rated power) × PUE; CO2e = energy × intensity. */
function baseline(c: ValidationCase, e: Estimate, m: CaseMetric): number {
  const a = accelOf(c);
  const i = c.inputs;
  const hours = i.gpuHours ?? naiveFlops(c) / (peak16(a) * 1e12 * 0.4) / 3600;
  const power = i.powerW ?? a.powerW;
  const accelKWh = (hours * power) / 1000;
  const kWh = accelKWh * (i.pue ?? e.pue) + (i.includeIdle ? 0.59 * accelKWh : 0);
  switch (m) {
    case 'gpuHours':
      return hours;
    case 'acceleratorKWh':
      return accelKWh;
    case 'energyKWh':
      return kWh;
    case 'co2eKg':
      return (kWh * (i.intensity ?? e.grid?.gPerKWh ?? NaN)) / 1000;
  }
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  const a = Math.abs(x);
  if (a >= 1e6) return `${(x / 1e6).toFixed(a >= 1e7 ? 1 : 2)}M`;
  if (a >= 1e4) return `${(x / 1e3).toFixed(0)}k`;
  if (a >= 100) return x.toFixed(0);
  return x.toFixed(a >= 10 ? 1 : 2);
}

function pct(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  return `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
}

const pad = (s: string, n: number) => (s.length >= n ? s.slice(0, n) : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

// Refit per family (leave-one-family-out).
const families = [...new Set(CASES.map(caseFamily))];
const foldConstants = new Map<string, FittedConstants>();
for (const f of families) foldConstants.set(f, fitConstants(CASES.filter((c) => caseFamily(c) !== f)));

const rows: Row[] = CASES.map((c) => {
  const family = caseFamily(c);
  const eIn = estimate(c.inputs);
  const eOut = estimate(c.inputs, { constants: foldConstants.get(family) });
  const published = c.target.value;
  const loo = metricOf(eOut, c.target.metric);
  const inS = metricOf(eIn, c.target.metric);
  const b = baseline(c, eIn, c.target.metric);
  return {
    c,
    family,
    loo,
    inSample: inS,
    published,
    error: loo.mid / published - 1,
    inside: inside(published, loo),
    inSampleError: inS.mid / published - 1,
    inSampleInside: inside(published, inS),
    baseline: b,
    baselineError: b / published - 1,
    eIn,
  };
});

/** A run the core estimates from what its case states (spent published sets hold runs that state too little). */
const estimable = (r: Row) => r.eIn.method !== 'insufficient-inputs';
/** The facts a not-estimable run lacks (scripts/validation/missing.ts). */
const missingOf = (r: Row) => missingFacts(r.eIn.warnings, r.c.inputs);
const predictive = (r: Row) => r.c.tier !== 'convention' && estimable(r);
const spentSet = (r: Row) => spentSetOf(r.c);
const medAbs = (xs: number[]) => median(xs.map(Math.abs));
const share = (rs: Row[], k: (r: Row) => boolean) => (rs.length ? rs.filter(k).length / rs.length : NaN);
/** Median width (high ÷ low) of the leave-one-family-out ranges: how much a covering range costs in precision. */
const width = (rs: Row[]) => median(rs.filter((r) => r.loo.low > 0).map((r) => r.loo.high / r.loo.low));

// Leave-one-SET-out: each spent published set judged with the constants fitted without all of its runs, as it was
// judged when it was held out (a set brings kinds of run no family of the others has; this is the closest figure to a
// new held-out set's).
const spentOf = spentSetOf;
const setFolds = new Map<string, FittedConstants>();
for (const set of new Set(CASES.map(spentOf).filter((x): x is string => x !== undefined)))
  setFolds.set(set, fitConstants(CASES.filter((c) => spentOf(c) !== set)));
const losoRows = rows
  .filter((r) => spentOf(r.c) !== undefined && predictive(r))
  .map((r) => {
    const m = metricOf(estimate(r.c.inputs, { constants: setFolds.get(spentOf(r.c)!) }), r.c.target.metric);
    return {
      set: spentOf(r.c)!,
      inSampleError: r.inSampleError,
      inSampleInside: r.inSampleInside,
      error: m.mid / r.published - 1,
      inside: inside(r.published, m),
      width: m.high / m.low,
    };
  });

if (process.argv.includes('--json')) {
  const a = rows.filter((r) => predictive(r) && r.c.quality === 'A');
  console.log(
    JSON.stringify(
      {
        headline: {
          validation: 'leave-one-set-out',
          sets: setFolds.size,
          runs: losoRows.length,
          medianAbsError: median(losoRows.map((x) => Math.abs(x.error))),
          insideShare: losoRows.filter((x) => x.inside).length / losoRows.length,
          medianWidth: median(losoRows.map((x) => x.width)),
          inSampleMedianAbsError: median(losoRows.map((x) => Math.abs(x.inSampleError))),
          inSampleInsideShare: losoRows.filter((x) => x.inSampleInside).length / losoRows.length,
        },
        leaveOneFamilyOut: {
          families: families.length,
          medianAbsErrorA: medAbs(a.map((r) => r.error)),
          insideShareA: share(a, (r) => r.inside),
          medianAbsErrorAll: medAbs(rows.filter(predictive).map((r) => r.error)),
          insideShareAll: share(rows.filter(predictive), (r) => r.inside),
          medianWidthAll: width(rows.filter(predictive)),
          inSampleMedianAbsErrorA: medAbs(a.map((r) => r.inSampleError)),
          inSampleInsideShareA: share(a, (r) => r.inSampleInside),
          baselineMedianAbsErrorA: medAbs(a.map((r) => r.baselineError)),
          // The utilisation bands shipped (fitted on all cases), by regime: core/fit-spread.ts.
          bands: fitConstants(CASES).spreads,
        },
        cases: rows.map((r) => ({
          id: r.c.id,
          family: r.family,
          estimable: estimable(r),
          ...(estimable(r) ? {} : { missing: missingOf(r) }),
          tier: r.c.tier,
          quality: r.c.quality,
          metric: r.c.target.metric,
          published: r.published,
          estimate: r.loo,
          error: r.error,
          inside: r.inside,
          inSampleEstimate: r.inSample,
          inSampleError: r.inSampleError,
          inSampleInside: r.inSampleInside,
          baseline: r.baseline,
          baselineError: r.baselineError,
        })),
      },
      null,
      2,
    ),
  );
  process.exit(0);
}

const tiers = ['convention', 'device-hours', 'measured-energy'] as const;
console.log(
  'Green ML Review — footprint core against the development cases\n' +
    `Headline: leave-one-set-out over the ${setFolds.size} spent published sets (constants refitted without the set judged), ` +
    'in-sample on the same runs beside it. Per case below: leave-one-family-out (LOFO) and in-sample.\n',
);
for (const tier of tiers) {
  console.log(`== ${tier}`);
  console.log(
    `${pad('case', 26)} ${pad('q', 1)} ${pad('family', 13)} ${pad('metric', 9)} ${lpad('low', 8)} ${lpad('mid', 8)} ${lpad('high', 8)} ${lpad('published', 9)} ${lpad('LOFO err', 9)} ${pad(' in', 4)} ${lpad('in-sample', 9)} ${lpad('baseline', 8)}`,
  );
  for (const r of rows.filter((x) => x.c.tier === tier)) {
    if (!estimable(r)) {
      console.log(
        `${pad(r.c.id, 26)} ${r.c.quality} ${pad(r.family, 13)} not estimable, missing: ${missingOf(r).join(' + ') || r.eIn.warnings[0]?.slice(0, 90)}`,
      );
      continue;
    }
    console.log(
      `${pad(r.c.id, 26)} ${r.c.quality} ${pad(r.family, 13)} ${pad(r.c.target.metric.replace('acceleratorKWh', 'accelKWh'), 9)} ${lpad(fmt(r.loo.low), 8)} ${lpad(fmt(r.loo.mid), 8)} ${lpad(fmt(r.loo.high), 8)} ${lpad(fmt(r.published), 9)} ${lpad(pct(r.error), 9)} ${pad(r.inside ? ' yes' : ' NO', 4)} ${lpad(pct(r.inSampleError), 9)} ${lpad(pct(r.baselineError), 8)}`,
    );
  }
  console.log('');
}

const fmtErr = (xs: number[]) => (xs.length ? pct(medAbs(xs)).replace('+', '') : '-');
const ins = (xs: Row[], k: (r: Row) => boolean) => (xs.length ? `${xs.filter(k).length}/${xs.length}` : '-');
console.log('== summary: median |error| of the mid value and share of published values inside low–high');
console.log(
  `${pad('tier', 18)} ${lpad('n', 3)}  ${lpad('LOFO err', 9)} ${lpad('LOFO in', 8)}   ${lpad('in-sample', 9)} ${lpad('in-s. in', 8)}   ${lpad('baseline', 8)}`,
);
const line = (label: string, xs: Row[]) =>
  console.log(
    `${pad(label, 18)} ${lpad(String(xs.length), 3)}  ${lpad(fmtErr(xs.map((r) => r.error)), 9)} ${lpad(
      ins(xs, (r) => r.inside),
      8,
    )}   ` +
      `${lpad(fmtErr(xs.map((r) => r.inSampleError)), 9)} ${lpad(
        ins(xs, (r) => r.inSampleInside),
        8,
      )}   ${lpad(fmtErr(xs.map((r) => r.baselineError)), 8)}`,
  );
for (const tier of tiers) {
  for (const q of ['A', 'B'] as const)
    line(
      `${tier} ${q}`,
      rows.filter((r) => r.c.tier === tier && r.c.quality === q && estimable(r)),
    );
}
// The spent published sets (development cases since round 10): estimable runs of each.
const spentNames = [...new Set(rows.map(spentSet).filter((x): x is string => x !== undefined))];
for (const set of spentNames) {
  const own = rows.filter((r) => spentSet(r) === set);
  line(`${set} (${own.filter(estimable).length}/${own.length})`, own.filter(estimable));
}
const core = (r: Row) => spentSet(r) === undefined;
const dev7 = new Set(DEV7_CASES.map((c) => c.id));
line(
  'round-7 dev set',
  rows.filter((r) => dev7.has(r.c.id)),
);
line(
  'vision (all q)',
  rows.filter((r) => r.c.inputs.architecture !== undefined && estimable(r)),
);
line(
  'MoE (all q)',
  rows.filter((r) => r.c.inputs.activeParams !== undefined && estimable(r)),
);
// The regimes whose out-of-family residuals set the utilisation band (core/fit-spread.ts).
const regime = (r: Row) => prepareRun(r.c.inputs).regime;
for (const g of ['large', 'small', 'single', 'moe', 'vision', 'unnamed'] as const)
  line(
    `regime ${g}`,
    rows.filter((r) => predictive(r) && regime(r) === g),
  );
// Categories where runs the core had not seen were missed (see the held-out results in the README).
const hw = (r: Row) => (r.c.inputs.hardware ?? '').toLowerCase();
const dh = rows.filter((r) => r.c.tier === 'device-hours' && estimable(r));
line(
  'small dense <4B',
  dh.filter(
    (r) =>
      r.c.inputs.architecture === undefined &&
      r.c.inputs.activeParams === undefined &&
      (r.c.inputs.params ?? Infinity) < 4e9 &&
      !r.c.encoder,
  ),
);
line(
  'encoder-only',
  rows.filter((r) => r.c.encoder && estimable(r)),
);
line(
  'TPU',
  dh.filter((r) => hw(r).startsWith('tpu')),
);
line(
  'Hopper',
  dh.filter((r) => /^h(100|200|800|20)/.test(hw(r))),
);
// By accelerator generation and cluster size (device-hours cases): where a systematic residual would show.
const archOf = (r: Row) => accelOf(r.c).arch;
for (const arch of ['volta', 'ampere', 'hopper', 'tpu'])
  line(
    `  ${arch}`,
    dh.filter((r) => archOf(r) === arch),
  );
const size = (r: Row) => r.c.inputs.devices;
line(
  '  devices ≤ 8',
  dh.filter((r) => (size(r) ?? Infinity) <= 8),
);
line(
  '  devices 9–256',
  dh.filter((r) => (size(r) ?? 0) > 8 && (size(r) ?? 0) <= 256),
);
line(
  '  devices > 256',
  dh.filter((r) => (size(r) ?? 0) > 256),
);
line(
  '  devices unknown',
  dh.filter((r) => size(r) === undefined),
);
line(
  '  seq > 2k given',
  dh.filter((r) => (r.c.inputs.seqLen ?? 0) > 2048),
);
line(
  '  fp32/tf32/fp8',
  dh.filter((r) => ['fp32', 'tf32', 'fp8'].includes(r.c.inputs.precision ?? '')),
);
// The runs the core cannot estimate, by the fact they lack: what a next round would have to supply (or the core to
// know) to make them estimable. A run lacking two facts counts under each.
const notEstimable = rows.filter((r) => r.c.tier !== 'convention' && !estimable(r));
console.log(
  `\n== not estimable: ${notEstimable.length} of ${rows.filter((r) => r.c.tier !== 'convention').length} cases, by the fact they lack (runs of the spent sets by set)`,
);
for (const fact of MISSING_FACTS) {
  const xs = notEstimable.filter((r) => missingOf(r).includes(fact));
  if (!xs.length) continue;
  const bySet = [...new Set(xs.map((r) => spentSet(r) ?? 'own'))]
    .map((set) => `${set.replace('footprint-', 'f')} ${xs.filter((r) => (spentSet(r) ?? 'own') === set).length}`)
    .join(', ');
  console.log(`${pad(fact, 32)} ${lpad(String(xs.length), 4)}  (${bySet})`);
}
const unread = notEstimable.filter((r) => missingOf(r).length === 0);
if (unread.length) console.log(`${pad('(another reason: see its line)', 32)} ${lpad(String(unread.length), 4)}`);
const a = rows.filter((r) => predictive(r) && r.c.quality === 'A');
const all = rows.filter(predictive);
console.log('');
const losoMed = (xs: typeof losoRows, k: 'error' | 'inSampleError') =>
  pct(median(xs.map((x) => Math.abs(x[k])))).replace('+', '');
console.log(
  `HEADLINE (out of fold: leave-one-set-out), spent published sets, estimable runs (n = ${losoRows.length}): ` +
    `median |error| ${losoMed(losoRows, 'error')}, inside low–high ${losoRows.filter((x) => x.inside).length}/${losoRows.length} = ` +
    `${((100 * losoRows.filter((x) => x.inside).length) / losoRows.length).toFixed(0)} %, median width ${median(losoRows.map((x) => x.width)).toFixed(2)}×; ` +
    `in-sample on the same runs ${losoMed(losoRows, 'inSampleError')}, inside ${losoRows.filter((x) => x.inSampleInside).length}/${losoRows.length}`,
);
// `--sets=A-B`: the headline over spent sets A…B only, e.g. the runs of an earlier round's headline when sets join
// (constants still fitted without each judged set, from all the others).
const setsArg = /^--sets=(\d+)-(\d+)$/.exec(process.argv.find((a) => a.startsWith('--sets=')) ?? '');
if (setsArg) {
  const [lo, hi] = [Number(setsArg[1]), Number(setsArg[2])];
  const xs = losoRows.filter((x) => {
    const k = Number(x.set.replace('footprint-', ''));
    return k >= lo && k <= hi;
  });
  console.log(
    `  sets ${lo}–${hi} only (n = ${xs.length}): median |error| ${losoMed(xs, 'error')}, inside ${xs.filter((x) => x.inside).length}/${xs.length}; ` +
      `in-sample ${losoMed(xs, 'inSampleError')}, inside ${xs.filter((x) => x.inSampleInside).length}/${xs.length}`,
  );
}
console.log(
  '  by set: ' +
    [...setFolds.keys()]
      .map((set) => {
        const xs = losoRows.filter((x) => x.set === set);
        return `${set.replace('footprint-', 'f')} ${losoMed(xs, 'error')} ${xs.filter((x) => x.inside).length}/${xs.length}`;
      })
      .join(', '),
);
console.log(
  `  leave-one-family-out, quality-A predictive cases (n = ${a.length}): median |error| ${fmtErr(a.map((r) => r.error))}, ` +
    `inside ${ins(a, (r) => r.inside)} = ${(share(a, (r) => r.inside) * 100).toFixed(0)} %, median width ${width(a).toFixed(2)}×; ` +
    `all predictive cases (n = ${all.length}): ${fmtErr(all.map((r) => r.error))}, inside ${ins(all, (r) => r.inside)} = ${(share(all, (r) => r.inside) * 100).toFixed(0)} %, ` +
    `median width ${width(all).toFixed(2)}×`,
);
const d7 = rows.filter((r) => dev7.has(r.c.id));
const ca = a.filter(core);
const sp = all.filter((r) => !core(r));
console.log(
  `  the cases before round 10 alone, quality A (n = ${ca.length}): median |error| ${fmtErr(ca.map((r) => r.error))}, inside ${ins(ca, (r) => r.inside)}; ` +
    `spent published sets, estimable runs (n = ${sp.length} of ${rows.filter((r) => !core(r)).length}): median |error| ${fmtErr(sp.map((r) => r.error))}, inside ${ins(sp, (r) => r.inside)}, median width ${width(sp).toFixed(2)}×`,
);
console.log(
  `  round-7 development set (n = ${d7.length}): median |error| ${fmtErr(d7.map((r) => r.error))}, inside ${ins(d7, (r) => r.inside)}, ` +
    `median width ${width(d7).toFixed(2)}×`,
);
console.log(
  `  in-sample for comparison: quality A ${fmtErr(a.map((r) => r.inSampleError))}, inside ${ins(a, (r) => r.inSampleInside)}; ` +
    `all ${fmtErr(all.map((r) => r.inSampleError))}, inside ${ins(all, (r) => r.inSampleInside)}`,
);
console.log(`  baseline (6·N·D at 40 % MFU): quality A ${fmtErr(a.map((r) => r.baselineError))}`);

// The constants as shipped (fitted on all cases), with how many cases informed each.
const k = fitConstants(CASES);
console.log('\n== fitted constants (core/fit.ts, on all development cases)');
for (const [arch, n] of Object.entries(k.counts.base)) {
  console.log(`base MFU ${pad(arch, 8)} ${(k.baseMfu[arch].mfu * 100).toFixed(1)} %  (${n} cases)`);
}
console.log(`size slope ${k.sizeSlope.toFixed(3)} per decade below 1B (${k.counts.size} cases)`);
console.log(`MoE efficiency ${k.moeEfficiency.toFixed(3)} (${k.counts.moe} cases)`);
console.log(`vision run efficiency ${k.visionRunEfficiency.toFixed(3)} (${k.counts.vision} cases)`);
console.log(
  `text fill (share of the stated length text samples fill) ${k.textFill.toFixed(3)} (the prior, not fitted)`,
);
const band = (b: { low: number; high: number; n: number }) => `${b.low.toFixed(2)}–${b.high.toFixed(2)}× (${b.n})`;
console.log(
  `utilisation band (90 % prediction interval of out-of-family residuals): pooled ${band(k.spreads.pooled)}; ` +
    Object.entries(k.spreads.byRegime)
      .map(([r, b]) => `${r} ${band(b)}`)
      .join(', ') +
    (k.spreads.unseenHardware
      ? `; unseen hardware (leave-one-architecture-out) ${band(k.spreads.unseenHardware)}`
      : ''),
);
