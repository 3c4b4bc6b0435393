// Small helpers the rules share: edits for facts that the plan's editor does not write (code signals read by
// engine/extract/python-hints.ts), savings from the core's what-if, and severity lowering on unsure facts.
import * as fmt from '../engine/format';
import { pythonLiteral } from '../engine/parse/python-syntax';
import type { Fact, FactKey, FactValue, OffsetEdit, RunInputs } from '../engine/types';
import type { RuleContext, RuleFinding } from './types';

/**
 * A fact written in a file (explicit, a script default, or a key read through the shared vocabulary — `inferred`,
 * whose findings the review lowers to information), with a span there.
 */
export const written = (f: Fact | undefined): f is Fact & { file: string; span: { start: number; end: number } } =>
  !!f && !!f.file && !!f.span && (f.origin === 'explicit' || f.origin === 'script-default' || f.origin === 'inferred');

/**
 * Edits that set a keyword argument: the plan's editor when it can write the fact, else replace the written
 * `name=value` argument, else insert it where the fact says a keyword goes (a library default in a call).
 */
export function setArg(
  ctx: RuleContext,
  key: FactKey,
  name: string,
  value: FactValue | { code: string },
): OffsetEdit[] | undefined {
  const code = typeof value === 'object' && value !== null ? value.code : pythonLiteral(value);
  if (typeof value !== 'object' || value === null) {
    const viaPlan = ctx.edit({ [key]: value });
    if (viaPlan) return viaPlan;
  }
  const f = ctx.fact(key);
  if (!f?.file || !f.span) return undefined;
  if (f.argInsert) {
    const at = f.argInsert.at;
    return [{ file: f.file, start: at, end: at, newText: `${f.argInsert.empty ? '' : ', '}${name}=${code}` }];
  }
  // A dict entry (`"num_workers": 0` in a dict splatted into the call) is rewritten as one.
  const entry = f.name && /^["']/.test(f.name) ? `${f.name}: ${code}` : undefined;
  if (written(f)) return [{ file: f.file, start: f.span.start, end: f.span.end, newText: entry ?? `${name}=${code}` }];
  return undefined;
}

/**
 * A setting as the fact's file would write it, from the key as spelled there (`Fact.name`) and a value: `--save-interval
 * 50000` on a command line, `save_steps=500` in Python, `"save_steps": 500` in JSON, `interval = 500` in TOML or gin,
 * `save_steps: 500` in YAML; `fallback=value` in Python syntax when the fact has no name.
 */
export function settingText(f: Fact, value: FactValue, fallback: string): string {
  const n = f.name;
  const py = pythonLiteral(value);
  if (!n) return `${fallback}=${py}`;
  if (n.startsWith('-')) return `${n} ${py}`;
  // A key of a Python dict (`"num_workers": 0` splatted into a call).
  if (/^["']/.test(n)) return `${n}: ${py}`;
  const ext = /\.(\w+)$/.exec(f.file ?? '')?.[1]?.toLowerCase();
  if (ext === 'py' || ext === 'pyi') return `${n}=${py}`;
  if (ext === 'json') return `"${n}": ${JSON.stringify(value)}`;
  if (ext === 'toml' || ext === 'gin') return `${n} = ${JSON.stringify(value)}`;
  return `${n}: ${JSON.stringify(value)}`;
}

/** Replace a written fact's whole span with `text`. */
export function replaceFact(f: Fact | undefined, text: string): OffsetEdit[] | undefined {
  return written(f) ? [{ file: f.file, start: f.span.start, end: f.span.end, newText: text }] : undefined;
}

/** The core's saving for a change, as a finding's `savings` and a title suffix; undefined when nothing is saved. */
export function savingOf(ctx: RuleContext, change: Partial<RunInputs>) {
  if (ctx.estimate.method === 'insufficient-inputs') return undefined;
  const s = ctx.saving(change);
  if (!(s.kWh.mid > 0)) return undefined;
  return {
    savings: { kWh: s.kWh, kgCO2e: s.kgCO2e, fraction: s.fraction },
    text: `saves ≈ ${fmt.energy(s.kWh.mid)} (−${fmt.percent(s.fraction)})`,
  };
}

/** Information instead of the rule's default when a deciding fact rests on inference or an assumption. */
export function unsure(ctx: RuleContext, keys: FactKey[]): RuleFinding['severity'] {
  return ctx.inferred(keys) ? 'information' : undefined;
}

/** Where a finding about a fact goes: on the fact when it is written in a file, else the run's anchor. */
export function at(f: Fact | undefined): Pick<RuleFinding, 'file' | 'span'> {
  return f?.file && f.span ? { file: f.file, span: f.span } : {};
}

/** True for a GPU run: not known to be on CPU/MPS (hardware may be unknown). */
export const gpuRun = (ctx: RuleContext) => !ctx.cpu;

/** The run is long enough to matter: estimated at or above the checkpoint threshold in GPU-hours. */
export function longRun(ctx: RuleContext): boolean {
  const e = ctx.estimate;
  return e.method !== 'insufficient-inputs' && e.gpuHours.mid >= ctx.settings.checkpointThresholdHours;
}

export const num = (v: FactValue | undefined): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;

/**
 * The assumption a run's length rests on, in words for an information finding ("assuming 50,000 examples per epoch
 * (set greenml.datasetSize or `dataset-size` in greenml.toml)"); undefined when the step count does not rest on an
 * assumed dataset size.
 */
export function assumedLength(ctx: RuleContext): string | undefined {
  if (!ctx.shape.stepsAssumed) return undefined;
  const n = num(ctx.value('dataset_size'));
  const devices = ctx.fact('devices')?.origin === 'assumed' ? ' on one device' : '';
  return `assuming ${n === undefined ? 'the dataset size' : `${n.toLocaleString('en-US')} examples per epoch`}${devices} (set greenml.datasetSize or \`dataset-size\` in greenml.toml)`;
}

/** True when the core could estimate the run (a model, a length and hardware it knows, or assumed). */
export const estimated = (ctx: RuleContext): boolean =>
  ctx.estimate.method !== 'insufficient-inputs' && ctx.estimate.gpuHours.mid > 0;

/**
 * Written run shapes from which a run whose duration cannot be estimated is taken to be long. A strong sign is enough
 * alone (≥ 8 devices, ≥ 1 B parameters, ≥ 1,000,000 optimizer steps); weak ones (≥ 10,000 steps, ≥ 50 epochs, ≥ 2
 * devices, ≥ 100 M parameters) count only in pairs — a long loop over a small model is minutes of work. A million
 * steps is long whatever the model: eager PyTorch spends ≈ 2 ms of host time launching each layer's kernels
 * (core/launch-bound.ts, LAUNCH_SECONDS_PER_LAYER), so even a two-layer network needs over an hour for them.
 */
export const LONG_SIGNS = {
  steps: 10_000,
  manySteps: 1_000_000,
  epochs: 50,
  devices: 2,
  manyDevices: 8,
  params: 1e8,
  bigParams: 1e9,
} as const;

/**
 * For a run the core cannot estimate (no model it knows, no hardware): what the file states that makes it a long run,
 * each value written, not assumed, in words for an information finding ("300 epochs and 4 devices"); undefined when
 * nothing says so (see LONG_SIGNS).
 */
export function longSign(ctx: RuleContext): string | undefined {
  const w = (k: FactKey) => {
    const f = ctx.fact(k);
    return f && f.origin !== 'assumed' && f.origin !== 'framework-default' ? num(f.value) : undefined;
  };
  const steps = ctx.shape.stepsAssumed ? undefined : ctx.shape.totalSteps;
  const epochs = w('epochs');
  const devices = w('devices');
  const params = ctx.shape.inputs.params;
  const billions = params !== undefined ? `a model of ${fmt.num(params / 1e9)} B parameters` : '';
  if (params !== undefined && params >= LONG_SIGNS.bigParams) return billions;
  if (devices !== undefined && devices >= LONG_SIGNS.manyDevices) return `${devices} devices`;
  if (steps !== undefined && steps >= LONG_SIGNS.manySteps) return `≈ ${steps.toLocaleString('en-US')} steps`;
  const weak = [
    steps !== undefined && steps >= LONG_SIGNS.steps ? `≈ ${steps.toLocaleString('en-US')} steps` : undefined,
    steps === undefined && epochs !== undefined && epochs >= LONG_SIGNS.epochs ? `${epochs} epochs` : undefined,
    devices !== undefined && devices >= LONG_SIGNS.devices ? `${devices} devices` : undefined,
    params !== undefined && params >= LONG_SIGNS.params ? billions : undefined,
  ].filter((x): x is string => !!x);
  return weak.length >= 2 ? `${weak[0]} and ${weak[1]}` : undefined;
}

/**
 * An epoch count the script reads from a config it does not name, where every value the repository writes for it is
 * 50 or more (engine/link/project-config-length.ts, form `many-epochs-configs`): a long schedule whichever config
 * runs, in words for an information finding; undefined otherwise.
 */
export function configsEpochSign(ctx: RuleContext): string | undefined {
  const ep = ctx.fact('epochs');
  return ep?.value === null && ep.form === 'many-epochs-configs'
    ? `${LONG_SIGNS.epochs} epochs or more, in every config that sets the count,`
    : undefined;
}
