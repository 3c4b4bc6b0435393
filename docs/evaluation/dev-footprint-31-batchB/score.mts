// Scores batch B against the core of a checkout: `npx tsx score.mts <repository root>` (run once with main's root, once with
// the branch's). Two readings of each run: `card` = the inputs the held-out format carries (scripts/heldout/footprint-inputs.ts),
// `named` = the same plus the model table's size when the run states no parameter count and names a configuration
// (what engine/plan.ts gives a script that loads that checkpoint). Naive = 6·N·D at 40 % of the 16-bit peak, D = samples × length;
// for an image run (no tokens) the analogue 3 × forward FLOPs per image (the architecture table) × images at 40 %.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? '.');
const core = await import(join(root, 'core/index.ts'));
const resolveModel = await import(join(root, 'core/resolve-model.ts'));
const vision = await import(join(root, 'core/data/vision-audio.ts'));
core.lookupArchitecture ??= vision.lookupArchitecture;
const heldout = await import(join(root, 'scripts/heldout/footprint-inputs.ts'));
const set = JSON.parse(readFileSync(new URL('./cases.json', import.meta.url), 'utf8'));

const rows: string[] = [];
for (const c of set.cases) {
  for (const reading of ['card', 'named'] as const) {
    const inputs = { ...heldout.inputsOf(c) };
    if (reading === 'named') {
      const info = c.model ? resolveModel.lookupModel(c.model) : undefined;
      if (!info || inputs.params !== undefined) continue;
      Object.assign(inputs, { params: info.params, activeParams: info.activeParams, shape: info.shape });
    }
    const e = core.estimate(inputs);
    const t = c.target.value;
    const est = e.method === 'flops' ? e.gpuHours : undefined;
    const n = inputs.activeParams ?? inputs.params;
    const r = inputs.hardware ? core.resolveAccelerator(inputs.hardware) : undefined;
    const peak = r?.ok ? (r.value.tflops.bf16 ?? r.value.tflops.fp16 ?? r.value.tflops.fp32) : undefined;
    const d = inputs.tokens ?? (inputs.samples && inputs.seqLen ? inputs.samples * (inputs.epochs ?? 1) * inputs.seqLen : undefined);
    const arch = inputs.architecture ? core.lookupArchitecture?.(inputs.architecture) : undefined;
    const images = inputs.samples && !inputs.tokens && !inputs.seqLen ? inputs.samples * (inputs.epochs ?? 1) : undefined;
    const work = n && d ? 6 * n * d : arch && images ? 3 * arch.forwardFlops * images : undefined;
    const naive = work && peak ? work / (peak * 1e12 * 0.4) / 3600 : undefined;
    const fmt = (x: number | undefined) => (x === undefined ? '—' : x.toPrecision(3));
    const err = est ? `${((est.mid / t - 1) * 100).toFixed(0)} %` : 'not estimable';
    const inside = est ? (est.low <= t && t <= est.high ? 'inside' : 'outside') : '';
    const naiveErr = naive ? `${((naive / t - 1) * 100).toFixed(0)} %` : '—';
    rows.push(
      [c.id, reading, fmt(t), fmt(est?.mid), `${fmt(est?.low)}–${fmt(est?.high)}`, err, inside, fmt(naive), naiveErr].join(' | '),
    );
  }
}
console.log('id | reading | published | estimate | low–high | error | range | naive | naive error');
for (const r of rows) console.log(r);
