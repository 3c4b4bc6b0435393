// Scores the footprint core on a held-out set of published runs (docs/evaluation/heldout/footprint-*/cases.json),
// collected by someone who did not work on the core, and never used to fit or tune it.
//
//   npx tsx scripts/heldout/score-footprint.ts docs/evaluation/heldout/footprint-1/cases.json [--json out.json]
//
// A case the core cannot estimate gets the facts it lacks, the fields of the case that would supply them and the fields
// it states (./not-estimable.ts); the summary counts the cases one field away from estimable, so that labellers know
// what a case must state. --json writes every case's line as data (estimate, error, inside; or lacks, needs, states).
//
// Each case becomes the RunInputs a user would give (parameters, active parameters, tokens, samples × epochs,
// resolution, hardware with parenthesised remarks removed, devices, precision); nothing else. A case is estimable when
// the core returns a method other than "insufficient-inputs". Error = |estimate mid ÷ published − 1| on the case's
// metric; energy cases the labeller marked as accelerator-only (GPU power logging, no PUE) are compared with the
// accelerator share. A resolution written as text ("224x224 crops", footprint-4) gives its leading number of pixels;
// text without one ("COCO multi-scale") gives none, as a user would leave it out. Baseline: plain 6·N·D at 40 % of the dense 16-bit peak (token workloads only).
import * as fs from 'node:fs';
import { estimate, resolveAccelerator, type Estimate, type RunInputs } from '../../core/index';
import { ACCELERATOR_ONLY, inputsOf, type FootprintCase as Case } from './footprint-inputs';
import { MISSING_FACTS } from '../validation/missing';
import { notEstimable, oneFieldAway, type NotEstimable } from './not-estimable';

function metricOf(c: Case, e: Estimate): { mid: number; low: number; high: number } {
  if (c.target.metric === 'gpuHours') return e.gpuHours;
  if (c.target.metric === 'co2eKg') return e.co2eKg;
  if (ACCELERATOR_ONLY.has(c.id) && e.energyBreakdownKWh) return e.energyBreakdownKWh.accelerators;
  return e.energyKWh;
}

function baseline(c: Case, inputs: RunInputs): number | undefined {
  const n = inputs.activeParams ?? inputs.params;
  const r = inputs.hardware ? resolveAccelerator(inputs.hardware) : undefined;
  if (c.target.metric !== 'gpuHours' || !n || !inputs.tokens || !r?.ok) return undefined;
  const peak = r.value.tflops.bf16 ?? r.value.tflops.fp16;
  return peak ? (6 * n * inputs.tokens) / (peak * 1e12 * 0.4) / 3600 : undefined;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

function main() {
  const file = process.argv[2];
  if (!file) throw new Error('usage: score-footprint.ts CASES.json');
  const { cases } = JSON.parse(fs.readFileSync(file, 'utf8')) as { cases: Case[] };
  const errs: number[] = [];
  const errsA: number[] = [];
  const base: number[] = [];
  const baseSame: number[] = [];
  let inRange = 0;
  let estimable = 0;
  const lacking = new Map<string, number>();
  const reasons: { id: string; r: NotEstimable }[] = [];
  const rows: Record<string, unknown>[] = [];
  for (const c of cases) {
    const inputs = inputsOf(c);
    const e = estimate(inputs);
    if (e.method === 'insufficient-inputs') {
      // What it lacks and which fields of the case would supply it, what it states (scripts/heldout/not-estimable.ts).
      const r = notEstimable(c, inputs, e);
      reasons.push({ id: c.id, r });
      for (const f of r.facts) lacking.set(f, (lacking.get(f) ?? 0) + 1);
      console.log(`  ${c.id.padEnd(28)} not estimable: ${r.line}`);
      rows.push({
        id: c.id,
        quality: c.quality,
        estimable: false,
        lacks: r.facts,
        needs: r.needs,
        states: r.states,
        unknownHardware: r.unknownHardware,
      });
      continue;
    }
    estimable++;
    const m = metricOf(c, e);
    const err = Math.abs(m.mid / c.target.value - 1);
    errs.push(err);
    if (c.quality === 'A') errsA.push(err);
    const inside = c.target.value >= m.low && c.target.value <= m.high;
    if (inside) inRange++;
    rows.push({
      id: c.id,
      quality: c.quality,
      estimable: true,
      metric: c.target.metric,
      published: c.target.value,
      estimate: m,
      error: err,
      inside,
    });
    const b = baseline(c, inputs);
    if (b !== undefined) {
      base.push(Math.abs(b / c.target.value - 1));
      baseSame.push(err);
    }
    console.log(
      `  ${c.id.padEnd(28)} ${c.target.metric.padEnd(9)} published ${c.target.value.toPrecision(3).padStart(9)}  estimate ${m.mid.toPrecision(3).padStart(9)} (${m.low.toPrecision(2)}–${m.high.toPrecision(2)})  error ${pct(err).padStart(7)}${inside ? '' : '  outside range'}`,
    );
  }
  console.log(`estimable: ${estimable} / ${cases.length}`);
  if (lacking.size)
    console.log(
      `not estimable, by the fact missing: ${MISSING_FACTS.filter((f) => lacking.has(f))
        .map((f) => `${f} ${lacking.get(f)}`)
        .join(', ')}`,
    );
  const away = oneFieldAway(reasons);
  for (const [field, ids] of away.byField)
    console.log(`one field away: ${ids.length} case(s) would be estimable with ${field}: ${ids.join(', ')}`);
  if (reasons.length) console.log(`not estimable and lacking two facts or more: ${away.twoOrMore}`);
  const unknown = [...new Set(reasons.map((x) => x.r.unknownHardware).filter((h) => h !== undefined))];
  if (unknown.length) console.log(`accelerators the core does not know: ${unknown.join(', ')}`);
  console.log(
    `median error (all estimable): ${pct(median(errs))}; quality A: ${pct(median(errsA))} (n=${errsA.length})`,
  );
  console.log(`published value inside low–high: ${inRange} / ${estimable} (${pct(inRange / Math.max(1, estimable))})`);
  const jsonAt = process.argv.indexOf('--json');
  if (jsonAt > 0 && process.argv[jsonAt + 1])
    fs.writeFileSync(
      process.argv[jsonAt + 1],
      JSON.stringify(
        {
          set: file,
          estimable,
          cases: cases.length,
          medianError: median(errs),
          inside: inRange,
          oneFieldAway: Object.fromEntries(away.byField),
          lackingTwoOrMore: away.twoOrMore,
          rows,
        },
        null,
        2,
      ) + '\n',
    );
  console.log(
    `token cases with a 6ND baseline: core ${pct(median(baseSame))} vs 6·N·D at 40 % ${pct(median(base))} (n=${base.length})`,
  );
}

main();
