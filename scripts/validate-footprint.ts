// Validate the footprint core against the development cases (core/validation/cases.ts).
//
//   npx tsx scripts/validate-footprint.ts [--json]
//
// Per case: the estimate (low/mid/high) of the case's target metric, the published value, the error of the mid value,
// whether the published value lies inside the range (±0.5 % for the rounding of published values), and the same error for the baseline (plain 6·N·D at 40 % MFU of
// the dense 16-bit peak — for per-sample workloads 3 × forward FLOPs × samples × epochs at 40 % — energy = device-hours
// × rated power × PUE). Then, per tier, the median absolute error of quality-A cases, of quality-B cases and of all,
// against the baseline's, and the share of published values inside low–high; the overall inside share (target ≥ 80 %);
// and two fit checks: the implied utilisation of each token device-hours case, divided by the size and device-count
// factors, with its median per architecture — the numbers BASE_MFU's [F] values come from — and the implied run
// efficiency of the 16-bit vision cases — where VISION_RUN_EFFICIENCY comes from.
// These are in-sample numbers: the cases were used to develop the method.

import { CASES, type CaseMetric, type ValidationCase } from '../core/validation/cases';
import {
  BASE_MFU,
  estimate,
  forwardFlopsAt,
  GENERIC_ACCELERATOR,
  lookupArchitecture,
  peak16,
  planFlops,
  resolveAccelerator,
  scaleFactor,
  sizeFactor,
  VISION_RUN_EFFICIENCY,
  visionStepUtilisation,
} from '../core/index';
import type { Accelerator, Estimate, Range } from '../core/index';

interface Row {
  c: ValidationCase;
  e: Estimate;
  est: Range;
  published: number;
  error: number;
  inside: boolean;
  baseline: number;
  baselineError: number;
}

function metricOf(e: Estimate, m: CaseMetric): Range {
  switch (m) {
    case 'gpuHours':
      return e.gpuHours;
    case 'energyKWh':
      return e.energyKWh;
    case 'co2eKg':
      return e.co2eKg;
    case 'acceleratorKWh':
      return e.energyBreakdownKWh?.accelerators ?? { low: NaN, mid: NaN, high: NaN };
  }
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

function median(xs: number[]): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const k = Math.floor(s.length / 2);
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
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

function pad(s: string, n: number): string {
  return s.length >= n ? s.slice(0, n) : s + ' '.repeat(n - s.length);
}

function lpad(s: string, n: number): string {
  return s.length >= n ? s : ' '.repeat(n - s.length) + s;
}

const rows: Row[] = CASES.map((c) => {
  const e = estimate(c.inputs);
  const est = metricOf(e, c.target.metric);
  const published = c.target.value;
  const b = baseline(c, e, c.target.metric);
  const tol = 0.005 * published; // published values are rounded
  return {
    c,
    e,
    est,
    published,
    error: est.mid / published - 1,
    inside: published >= est.low - tol && published <= est.high + tol,
    baseline: b,
    baselineError: b / published - 1,
  };
});

if (process.argv.includes('--json')) {
  console.log(
    JSON.stringify(
      rows.map((r) => ({
        id: r.c.id,
        tier: r.c.tier,
        quality: r.c.quality,
        metric: r.c.target.metric,
        estimate: r.est,
        published: r.published,
        error: r.error,
        inside: r.inside,
        baseline: r.baseline,
        baselineError: r.baselineError,
      })),
      null,
      2,
    ),
  );
  process.exit(0);
}

const tiers = ['convention', 'device-hours', 'measured-energy'] as const;
console.log(
  'Green ML Review — footprint core against the development cases (in-sample; see core/validation/cases.ts)\n',
);
for (const tier of tiers) {
  console.log(`== ${tier}`);
  console.log(
    `${pad('case', 34)} ${pad('q', 1)} ${pad('metric', 14)} ${lpad('low', 8)} ${lpad('mid', 8)} ${lpad('high', 8)} ${lpad('published', 9)} ${lpad('error', 8)} ${pad(' in', 4)} ${lpad('baseline', 8)} ${lpad('b.error', 8)}`,
  );
  for (const r of rows.filter((x) => x.c.tier === tier)) {
    console.log(
      `${pad(r.c.id, 34)} ${r.c.quality} ${pad(r.c.target.metric, 14)} ${lpad(fmt(r.est.low), 8)} ${lpad(fmt(r.est.mid), 8)} ${lpad(fmt(r.est.high), 8)} ${lpad(fmt(r.published), 9)} ${lpad(pct(r.error), 8)} ${pad(r.inside ? ' yes' : ' NO', 4)} ${lpad(fmt(r.baseline), 8)} ${lpad(pct(r.baselineError), 8)}`,
    );
    for (const extra of r.c.also ?? []) {
      const x = metricOf(r.e, extra.metric);
      console.log(
        `${pad(`  (also)`, 34)}   ${pad(extra.metric, 14)} ${lpad(fmt(x.low), 8)} ${lpad(fmt(x.mid), 8)} ${lpad(fmt(x.high), 8)} ${lpad(fmt(extra.value), 9)} ${lpad(pct(x.mid / extra.value - 1), 8)}`,
      );
    }
  }
  console.log('');
}

const fmtErr = (xs: number[]) => (xs.length ? pct(median(xs.map(Math.abs))).replace('+', '') : '-');
console.log(
  '== summary per tier: median |error| of the mid value (A = quality A, B = quality B), share of published values inside low–high',
);
console.log(
  `${pad('tier', 16)} ${lpad('n(A)', 4)} ${lpad('est(A)', 8)} ${lpad('base(A)', 8)} ${lpad('in(A)', 6)}   ${lpad('n(B)', 4)} ${lpad('est(B)', 8)} ${lpad('base(B)', 8)} ${lpad('in(B)', 6)}   ${lpad('est(all)', 8)} ${lpad('base(all)', 9)} ${lpad('in(all)', 8)}`,
);
for (const tier of tiers) {
  const a = rows.filter((r) => r.c.tier === tier && r.c.quality === 'A');
  const b = rows.filter((r) => r.c.tier === tier && r.c.quality === 'B');
  const all = [...a, ...b];
  const ins = (xs: Row[]) => (xs.length ? `${xs.filter((r) => r.inside).length}/${xs.length}` : '-');
  console.log(
    `${pad(tier, 16)} ${lpad(String(a.length), 4)} ${lpad(fmtErr(a.map((r) => r.error)), 8)} ${lpad(fmtErr(a.map((r) => r.baselineError)), 8)} ${lpad(ins(a), 6)}   ` +
      `${lpad(String(b.length), 4)} ${lpad(fmtErr(b.map((r) => r.error)), 8)} ${lpad(fmtErr(b.map((r) => r.baselineError)), 8)} ${lpad(ins(b), 6)}   ` +
      `${lpad(fmtErr(all.map((r) => r.error)), 8)} ${lpad(fmtErr(all.map((r) => r.baselineError)), 9)} ${lpad(ins(all), 8)}`,
  );
}
const vision = rows.filter((r) => r.c.inputs.architecture !== undefined);
if (vision.length) {
  const va = vision.filter((r) => r.c.quality === 'A');
  console.log(
    `${pad('  vision subset', 16)} ${lpad(String(va.length), 4)} ${lpad(fmtErr(va.map((r) => r.error)), 8)} ${lpad(fmtErr(va.map((r) => r.baselineError)), 8)} ${lpad(`${va.filter((r) => r.inside).length}/${va.length}`, 6)}   ` +
      `${lpad(String(vision.length - va.length), 4)}${' '.repeat(30)}${lpad(fmtErr(vision.map((r) => r.error)), 8)} ${lpad(fmtErr(vision.map((r) => r.baselineError)), 9)} ${lpad(`${vision.filter((r) => r.inside).length}/${vision.length}`, 8)}`,
  );
}
const insideAll = rows.filter((r) => r.inside).length;
const aRows = rows.filter((r) => r.c.quality === 'A');
const insideA = aRows.filter((r) => r.inside).length;
const share = (k: number, n: number) => `${k}/${n} = ${((100 * k) / n).toFixed(0)} %`;
console.log(
  `\ninside low–high: all cases ${share(insideAll, rows.length)}; quality A ${share(insideA, aRows.length)} (target ≥ 80 %)${insideAll / rows.length >= 0.8 ? '' : '  << below target'}`,
);
console.log(
  `median |error|, all quality-A cases: estimate ${fmtErr(aRows.filter((r) => r.c.tier !== 'convention').map((r) => r.error))} vs baseline ` +
    `${fmtErr(aRows.filter((r) => r.c.tier !== 'convention').map((r) => r.baselineError))} (convention tier excluded: exact by construction)`,
);

// Fit check: implied utilisation per token device-hours case, with the size and device-count factors divided out.
console.log('\n== fit check: implied 16-bit utilisation of token device-hours cases (÷ size and device-count factors)');
const byArch = new Map<string, number[]>();
for (const r of rows.filter((x) => x.c.tier === 'device-hours' && x.c.inputs.architecture === undefined)) {
  const a = accelOf(r.c);
  const i = r.c.inputs;
  const n = i.activeParams ?? i.params!;
  const flops = planFlops(i).perToken * i.tokens!;
  const implied = flops / (r.published * 3600 * peak16(a) * 1e12);
  const base = implied / sizeFactor(n) / scaleFactor(i.devices ?? 1);
  if (r.c.quality === 'A') byArch.set(a.arch, [...(byArch.get(a.arch) ?? []), base]);
  console.log(
    `${pad(r.c.id, 34)} ${r.c.quality} ${pad(a.arch, 8)} implied MFU ${(implied * 100).toFixed(1)}%  base-equivalent ${(base * 100).toFixed(1)}%`,
  );
}
for (const [arch, xs] of byArch) {
  console.log(
    `median base-equivalent for ${pad(arch, 8)}: ${(median(xs) * 100).toFixed(1)}% over ${xs.length} quality-A cases (BASE_MFU.${arch} = ${((BASE_MFU[arch]?.mfu ?? NaN) * 100).toFixed(1)}%)`,
  );
}

// Fit check: implied run efficiency of the 16-bit vision cases (implied utilisation ÷ step utilisation ÷ device-count factor).
console.log(
  '\n== fit check: implied run efficiency of 16-bit vision cases (implied utilisation ÷ step utilisation ÷ device-count factor)',
);
const eff: number[] = [];
for (const r of rows.filter((x) => x.c.tier === 'device-hours' && x.c.inputs.architecture !== undefined)) {
  const i = r.c.inputs;
  const a = accelOf(r.c);
  const arch = lookupArchitecture(i.architecture!)!;
  const implied = naiveFlops(r.c) / (r.published * 3600 * peak16(a) * 1e12);
  const sixteen = i.precision === 'fp16' || i.precision === 'bf16';
  if (arch.family === 'transformer') continue;
  const step = visionStepUtilisation(arch.family, a.arch).u;
  const e = implied / step / scaleFactor(i.devices ?? 1);
  if (sixteen && r.c.quality === 'A') eff.push(e);
  console.log(
    `${pad(r.c.id, 34)} ${r.c.quality} ${pad(i.precision ?? '', 5)} implied utilisation ${(implied * 100).toFixed(2)}%  ${sixteen ? `run efficiency ${e.toFixed(2)}` : '(not 16-bit: not used for the fit)'}`,
  );
}
if (eff.length)
  console.log(
    `median run efficiency over ${eff.length} quality-A 16-bit cases: ${median(eff).toFixed(3)} (VISION_RUN_EFFICIENCY = ${VISION_RUN_EFFICIENCY})`,
  );
