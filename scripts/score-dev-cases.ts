// Score the round-7 development cases (core/validation/cases-dev7.ts) with the constants as shipped, whether or not
// the cases are in the fitted set: the "before" figure of docs/evaluation/footprint-dev-7.md when they are not, an
// in-sample figure once they are (the leave-one-family-out figure is scripts/validate-footprint.ts's).
//
//   npx tsx scripts/score-dev-cases.ts [--json] [--second]   (--second: the second batch, never fitted on)

import { DEV7_CASES, DEV7_SECOND } from '../core/validation/cases-dev7';
import { estimate, forwardFlopsAt, lookupArchitecture, peak16, resolveAccelerator } from '../core/index';

function naiveHours(c: (typeof DEV7_CASES)[number]): number {
  const i = c.inputs;
  const r = resolveAccelerator(i.hardware ?? '');
  if (!r.ok) return NaN;
  const arch = i.architecture ? lookupArchitecture(i.architecture) : undefined;
  const fwd = i.flopsPerSample ?? (arch ? forwardFlopsAt(arch, { resolution: i.resolution }).flops : undefined);
  const flops =
    fwd !== undefined && i.samples !== undefined
      ? 3 * fwd * i.samples * (i.epochs ?? 1)
      : 6 * (i.activeParams ?? i.params ?? NaN) * (i.tokens ?? NaN);
  return flops / (peak16(r.value) * 1e12 * 0.4) / 3600;
}

const median = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const k = Math.floor(s.length / 2);
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
};
const pct = (x: number) => (Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${(x * 100).toFixed(0)}%` : 'n/a');

const SET = process.argv.includes('--second') ? DEV7_SECOND : DEV7_CASES;
const rows = SET.map((c) => {
  const e = estimate(c.inputs);
  const v = c.target.value;
  const ok = e.method !== 'insufficient-inputs' && e.gpuHours.mid > 0;
  const g = e.gpuHours;
  return {
    id: c.id,
    family: c.family ?? c.id,
    published: v,
    low: g.low,
    mid: g.mid,
    high: g.high,
    estimable: ok,
    error: ok ? g.mid / v - 1 : NaN,
    inside: ok && v >= g.low * 0.995 && v <= g.high * 1.005,
    width: ok ? g.high / g.low : NaN,
    baselineError: naiveHours(c) / v - 1,
    warning: ok ? '' : (e.warnings[0] ?? ''),
  };
});
const est = rows.filter((r) => r.estimable);
const summary = {
  cases: rows.length,
  estimable: est.length,
  medianAbsError: median(est.map((r) => Math.abs(r.error))),
  inside: est.filter((r) => r.inside).length,
  medianWidth: median(est.map((r) => r.width)),
  baselineMedianAbsError: median(est.map((r) => Math.abs(r.baselineError))),
};
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ summary, rows }, null, 2));
} else {
  for (const r of rows)
    console.log(
      `${r.id.padEnd(22)} ${r.family.padEnd(16)} pub ${r.published.toPrecision(3).padStart(8)}  est ${r.mid.toPrecision(3).padStart(8)} ` +
        `[${r.low.toPrecision(3)}–${r.high.toPrecision(3)}] ${pct(r.error).padStart(6)} ${r.inside ? 'in ' : 'OUT'} ` +
        `base ${pct(r.baselineError).padStart(6)} ${r.warning.slice(0, 60)}`,
    );
  console.log(
    `\n${summary.estimable}/${summary.cases} estimable; median |error| ${pct(summary.medianAbsError)}; inside ${summary.inside}/${summary.estimable}; ` +
      `median width high/low ${summary.medianWidth.toFixed(2)}; baseline (40 % of the 16-bit peak) ${pct(summary.baselineMedianAbsError)}`,
  );
}
