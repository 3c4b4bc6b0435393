// Where the footprint core's error is systematic: leave-one-set-out residuals of the spent published sets (as in
// scripts/validate-footprint.ts's headline) grouped by kind of run — modality, model size, devices, accelerator
// generation, precision, year, MoE, PEFT, fine-tune vs pre-training, tokens per micro-step.
//
//   npx tsx scripts/validation/residuals.ts [--cases] [--transfer]
//
// Per group: n, the median signed error (estimate ÷ published − 1, geometric: exp of the median log ratio; positive =
// over-estimate), the median |error| and the share inside low–high. --cases prints every run's features and error.
// Since round 24 also by kind of run (LLM pre-training, LLM fine-tune, vision, speech, image–text, small single-GPU
// runs), by accelerator and by what the source states (devices, precision, sequence length). --transfer asks whether a
// group's bias is a cause a constant could fix: each run corrected by the median residual of the OTHER sets' runs in
// its group (in full and by half), the headline recomputed; a grouping whose correction does not lower it is scatter.
import { CASES, type ValidationCase } from '../../core/validation/cases';
import { estimate, fitConstants, GENERIC_ACCELERATOR, resolveAccelerator } from '../../core/index';
import type { FittedConstants } from '../../core/index';
import { inside, median, metricOf, spentSetOf } from './metrics';

interface Res {
  c: ValidationCase;
  set: string;
  logRatio: number;
  inSampleLog: number;
  inside: boolean;
  f: Record<string, string>;
}

const bucket = (x: number | undefined, edges: number[], labels: string[]) => {
  if (x === undefined) return 'unknown';
  for (let i = 0; i < edges.length; i++) if (x < edges[i]) return labels[i];
  return labels[edges.length];
};

const FINETUNE = /fine-?tun|\bsft\b|instruct|\bft\b|lora|adapter|distil|chat|\bdpo\b|rlhf|classif|ner\b|glue|squad/i;

function features(c: ValidationCase): Record<string, string> {
  const i = c.inputs;
  const r = i.hardware ? resolveAccelerator(i.hardware) : undefined;
  const a = r?.ok ? r.value : GENERIC_ACCELERATOR;
  const n = i.activeParams ?? i.params;
  const modality = i.architecture
    ? `per-sample ${i.audioSeconds !== undefined ? 'audio' : 'vision'}`
    : i.sampleKind
      ? `tokens ${i.sampleKind}`
      : 'tokens';
  const tokPerStep = i.microBatch && i.seqLen ? i.microBatch * i.seqLen : undefined;
  const dataTokens = i.tokens;
  return {
    metric: c.target.metric,
    modality,
    size: bucket(n, [1e8, 1e9, 1e10, 1e11], ['<100M', '100M–1B', '1–10B', '10–100B', '≥100B']),
    devices: bucket(i.devices, [2, 9, 65, 513], ['1', '2–8', '9–64', '65–512', '>512']),
    arch: a.arch,
    precision: i.precision ?? 'unstated',
    year: String(c.year ?? 'unknown'),
    moe: i.activeParams !== undefined && i.params !== undefined && i.activeParams < i.params * 0.95 ? 'MoE' : 'dense',
    peft: i.peft ? i.peft.method : 'full',
    stage: FINETUNE.test(`${c.name} ${c.id}`) ? 'fine-tune' : 'pre-train/other',
    encoder: i.encoder || c.encoder ? 'encoder' : 'decoder/other',
    tokensPerStep: bucket(tokPerStep, [1024, 4096, 16384], ['<1k', '1–4k', '4–16k', '≥16k']),
    dataTokens: bucket(dataTokens, [1e9, 1e10, 1e11, 1e12], ['<1B', '1–10B', '10–100B', '0.1–1T', '≥1T']),
    seq: bucket(i.seqLen, [1024, 4096], ['<1k', '1–4k', '≥4k']),
    form: i.tokens !== undefined ? 'tokens given' : i.samples !== undefined ? 'samples × epochs' : 'other',
    card: /rtx|titan|gtx|a[456]000|a10\b|l4\b|l40|t4\b|4090|3090/i.test(i.hardware ?? '')
      ? 'desktop/workstation'
      : 'datacentre',
    quality: c.quality,
    kind: kindOf(c),
    accelerator: r?.ok ? a.id : 'unknown',
    states: ['devices', 'precision', 'seqLen'].filter((k) => i[k as keyof typeof i] !== undefined).join('+') || 'none',
  };
}

/** The kinds of run of the brief of round 24: what a user trains, as far as a case's inputs and name say. */
function kindOf(c: ValidationCase): string {
  const i = c.inputs;
  if (i.audioSeconds !== undefined) return 'speech';
  if (i.architecture) return 'vision';
  if (i.sampleKind === 'multimodal') return 'image–text';
  const n = i.activeParams ?? i.params ?? 0;
  if (i.devices === 1 && n < 2e9) return 'small single-GPU';
  return FINETUNE.test(`${c.name} ${c.id}`) ? 'LLM fine-tune' : 'LLM pre-training';
}

const sets = [...new Set(CASES.map(spentSetOf).filter((x): x is string => x !== undefined))];
const folds = new Map<string, FittedConstants>(
  sets.map((s) => [s, fitConstants(CASES.filter((c) => spentSetOf(c) !== s))]),
);
const res: Res[] = [];
for (const c of CASES) {
  const set = spentSetOf(c);
  if (!set || c.tier === 'convention') continue;
  const eIn = estimate(c.inputs);
  if (eIn.method === 'insufficient-inputs') continue;
  const m = metricOf(estimate(c.inputs, { constants: folds.get(set) }), c.target.metric);
  const mi = metricOf(eIn, c.target.metric);
  res.push({
    c,
    set,
    logRatio: Math.log(m.mid / c.target.value),
    inSampleLog: Math.log(mi.mid / c.target.value),
    inside: inside(c.target.value, m),
    f: {
      ...features(c),
      estWall: bucket(
        metricOf(eIn, 'gpuHours').mid / (c.inputs.devices ?? 8),
        [1, 10, 100, 1000],
        ['<1h', '1–10h', '10–100h', '100–1000h', '≥1000h'],
      ),
    },
  });
}

const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(0)}%`;
const summary = (xs: Res[]) =>
  `n ${String(xs.length).padStart(3)}  signed ${pct(Math.exp(median(xs.map((r) => r.logRatio))) - 1).padStart(5)}  |err| ${(
    100 * median(xs.map((r) => Math.abs(Math.exp(r.logRatio) - 1)))
  )
    .toFixed(1)
    .padStart(5)}%  inside ${xs.filter((r) => r.inside).length}/${xs.length}`;
console.log(`all: ${summary(res)}`);
for (const key of Object.keys(res[0].f)) {
  console.log(`\n== by ${key}`);
  const groups = [...new Set(res.map((r) => r.f[key]))].sort();
  for (const g of groups) console.log(`  ${g.padEnd(18)} ${summary(res.filter((r) => r.f[key] === g))}`);
}
if (process.argv.includes('--transfer')) {
  // The headline if each run took the median log residual of the other sets' runs in its group (× shrink).
  const headline = (shift: (r: Res) => number) => {
    const errs = res.map((r) => Math.abs(Math.exp(r.logRatio + shift(r)) - 1));
    return `${(100 * median(errs)).toFixed(1)}%`;
  };
  console.log(`\n== transfer (headline ${headline(() => 0)} as is): each run corrected by its group's other sets`);
  for (const key of Object.keys(res[0].f)) {
    const corr = (r: Res) => {
      const others = res.filter((x) => x.set !== r.set && x.f[key] === r.f[key]).map((x) => -x.logRatio);
      return others.length >= 5 ? median(others) : 0;
    };
    console.log(`  ${key.padEnd(14)} full ${headline(corr)}  half ${headline((r) => corr(r) / 2)}`);
  }
}
if (process.argv.includes('--cases')) {
  console.log('\n== cases (set, id, signed error, inside, features)');
  for (const r of res.sort((a, b) => a.logRatio - b.logRatio))
    console.log(
      `${r.set.replace('footprint-', 'f')}\t${r.c.id}\t${pct(Math.exp(r.logRatio) - 1)}\t${r.inside ? 'in' : 'OUT'}\t${Object.values(r.f).join('\t')}`,
    );
}
