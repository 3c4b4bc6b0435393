// Hydra configs as runs: a composed config's `_target_: lightning.pytorch.Trainer` or
// `_target_: transformers.TrainingArguments` (TRL configs too) is that class's call site — its keys are the
// Lightning / TrainingArguments fields, read with the same schemas and defaults as the Python extractors. Lightning
// callbacks are the `ModelCheckpoint` / `EarlyStopping` targets anywhere in the composition (a `callbacks` group),
// the batch size is `data.batch_size`. `key: null` means the class default. A group file analyzed without any
// primary config that includes it is judged without its unwritten precision (other configs or the command line may
// set it). Composition: ./hydra-compose.
import * as path from 'node:path';
import type { Fact, FactKey, FactValue, OffsetEdit, RunPlan } from '../types';
import { fieldEditor, type Field, type Fields, type Schema } from './fields';
import { hfDefaults, type HfFlavour } from './hf-defaults';
import { HF_SCHEMA } from './hf-fields';
import {
  Composer,
  nodeAt,
  targets,
  type Composition,
  type HLeaf,
  type HMap,
  type HNode,
  type Override,
} from './hydra-compose';
import { lengthSetElsewhere, LIGHTNING_SCHEMA, lightningDefaults } from './lightning';
import type { FieldLayer, Ref, RunDraft } from './run-draft';

const LIGHTNING_TRAINER = /^(lightning(\.pytorch)?|pytorch_lightning)(\.trainer(\.trainer)?)?\.Trainer$/;
const MAX_RUNS = 3;
/** Hydra's own command-line options, not config overrides. */
const HYDRA_OPTIONS = new Set([
  'config_name',
  'config_path',
  'config_dir',
  'cn',
  'cp',
  'cd',
  'multirun',
  'm',
  'info',
  'cfg',
  'package',
  'resolve',
  'run',
  'help',
  'hydra_help',
  'shell_completion',
  'experimental_rerun',
]);

function hfFlavour(target: string): HfFlavour | undefined {
  if (/^transformers(\.training_args(_seq2seq)?)?\.(Seq2Seq)?TrainingArguments$/.test(target)) return 'transformers';
  if (/^trl(\.trainer(\.\w+)?)?\.(SFT|DPO|GRPO|ORPO|KTO|Reward)Config$/.test(target)) return 'trl';
  return undefined;
}

interface Loc {
  file: string;
  path: string[];
  write?: HLeaf['write'];
}

/** A value as a field named `name`; undefined for `null` (the class default) and for mappings. */
function fieldOf(name: string, node: HNode | undefined, locs: Map<string, Loc>): Field | undefined {
  if (!node) return undefined;
  if (node.kind === 'leaf') {
    if (node.field.value === null) return undefined;
    locs.set(name, { file: node.field.file, path: node.path, write: node.write });
    return { ...node.field, name };
  }
  if (node.kind === 'seq' && node.field && name === 'devices') return { ...node.field, name, value: node.items.length };
  return undefined;
}

export interface HydraSpec {
  composer: Composer;
  primary: string;
  /** Composed on its own: no primary config including it was found. */
  orphan: boolean;
  overrides?: Override[];
}

/** Launcher `key=value` fields as Hydra overrides. */
export function overridesOf(layers: FieldLayer[]): Override[] {
  return layers.flatMap((l) =>
    [...l.fields]
      .filter(([name]) => /^[A-Za-z_][\w.]*$/.test(name) && !HYDRA_OPTIONS.has(name) && !name.startsWith('hydra.'))
      .map(([name, field]) => ({ name, field, write: (v: FactValue) => l.write(name, v) })),
  );
}

export function hydraDrafts(spec: HydraSpec): { drafts: RunDraft[]; messages: string[]; declined?: boolean } {
  const comp = spec.composer.compose(spec.primary, spec.overrides);
  const drafts: RunDraft[] = [];
  if (fitsNothing(comp, spec.primary)) return { drafts, messages: comp.messages, declined: true };
  for (const t of targets(comp.root)) {
    if (drafts.length >= MAX_RUNS) break;
    const flavour = hfFlavour(t.target);
    if (!LIGHTNING_TRAINER.test(t.target) && !flavour) continue;
    const draft = flavour ? hfRun(spec, comp, t, flavour) : lightningRun(spec, comp, t);
    const at = t.at.join('.');
    drafts.push({
      ...draft,
      rebuild: (layers) =>
        hydraDrafts({ ...spec, overrides: [...(spec.overrides ?? []), ...overridesOf(layers)] }).drafts.find(
          (d) => d.plan.entry.label === draft.plan.entry.label && (d as HydraDraft).at === at,
        ) ?? draft,
      at,
    } as HydraDraft);
  }
  return { drafts, messages: comp.messages };
}

/**
 * A composition whose top-level `train` switch is off (`train: False`, an evaluation experiment of the
 * lightning-hydra-template layout, whose train.py calls `trainer.fit` only `if cfg.get("train")`:
 * https://github.com/ashleve/lightning-hydra-template/blob/main/src/train.py, 2024) trains nothing: its Trainer only
 * tests or predicts. A `train:` mapping (other layouts' training section) is not the switch.
 */
function fitsNothing(comp: Composition, primary: string): boolean {
  const sw = comp.root.entries.get('train');
  const v = sw?.kind === 'leaf' ? sw.field.value : undefined;
  if (v === false || (typeof v === 'string' && /^(false|no|off)$/i.test(v))) return true;
  // The template's evaluation entry (`eval.yaml`, whose eval.py only calls `trainer.test`) and other primaries named
  // for testing or prediction compose the same Trainer without fitting it, unless they turn the switch on.
  const on = v === true || (typeof v === 'string' && /^(true|yes|on)$/i.test(v));
  return !on && EVALUATION_ENTRY.test(path.basename(primary));
}

const EVALUATION_ENTRY = /^(eval|evaluate|evaluation|test|testing|predict|prediction|infer|inference)\.ya?ml$/i;

type HydraDraft = RunDraft & { at: string };
type Target = ReturnType<typeof targets>[number];

/** One editor for all the run's fields: each written where it is set; a new one added to the `_target_` mapping. */
function editor(schema: Schema, comp: Composition, t: Target, fields: Fields, locs: Map<string, Loc>) {
  const home = comp.docs.get(t.leaf.field.file);
  const homePath = t.leaf.path.slice(0, -1);
  const write = (name: string, v: FactValue): OffsetEdit[] | undefined => {
    const loc = locs.get(name);
    if (loc?.write) return loc.write(v);
    if (loc) return comp.docs.get(loc.file)?.set(loc.path, v);
    if (name.includes('.') || name === 'batch_size' || !home) return undefined;
    return home.set([...homePath, name], v);
  };
  return fieldEditor(schema, [{ fields, write }]);
}

function basePlan(comp: Composition, t: Target, framework: string, facts: Map<FactKey, Fact>, label: string): RunPlan {
  const file = t.leaf.field.file;
  const span = comp.docs.get(file)?.keySpan(t.leaf.path) ?? t.leaf.field.span;
  const files = [
    ...new Set([...comp.files, ...[...facts.values()].map((f) => f.file).filter((f): f is string => !!f)]),
  ];
  return {
    framework,
    entry: { file, span, label },
    files,
    facts,
    relevantSpans: [
      { file, span, key: 'precision' },
      ...[...facts.values()].filter((f) => f.file && f.span).map((f) => ({ file: f.file!, span: f.span!, key: f.key })),
    ],
  };
}

/** A group file on its own (its `_target_` at the top): the precision it does not write may come from elsewhere. */
function orphanPrecision(facts: Map<FactKey, Fact>, spec: HydraSpec, t: Target) {
  const p = facts.get('precision');
  if (spec.orphan && t.at.length === 0 && p && p.origin === 'framework-default') {
    facts.set('precision', {
      ...p,
      origin: 'assumed',
      note: `${p.note} — unless the config that includes ${path.basename(spec.primary)} or the command line sets it (no primary config including it was found)`,
    });
  }
}

function lightningRun(spec: HydraSpec, comp: Composition, t: Target): RunDraft {
  const locs = new Map<string, Loc>();
  const fields: Fields = new Map();
  const put = (name: string, node: HNode | undefined) => {
    const f = fieldOf(name, node, locs);
    if (f) fields.set(name, f);
  };
  for (const [k, v] of t.map.entries) if (!k.startsWith('_') && k !== 'callbacks') put(k, v);
  // Callbacks: ModelCheckpoint / EarlyStopping targets anywhere (a `callbacks` group, or the Trainer's own list).
  const all = targets(comp.root);
  const ckpt = all.find((x) => /(^|\.)ModelCheckpoint$/.test(x.target));
  if (ckpt) {
    fields.set('checkpoint', { ...ckpt.leaf.field, name: 'checkpoint', value: true, text: `_target_: ${ckpt.target}` });
    for (const [k, v] of ckpt.map.entries) if (!k.startsWith('_')) put(`checkpoint.${k}`, v);
  }
  const early = all.find((x) => /(^|\.)EarlyStopping$/.test(x.target));
  if (early)
    fields.set('early_stopping', {
      ...early.leaf.field,
      name: 'early_stopping',
      value: true,
      text: `_target_: ${early.target}`,
    });
  // A DeepSpeedStrategy target (a `strategy` group the Trainer interpolates): its stage, else Lightning's default.
  const ds = all.find((x) => /(^|\.)DeepSpeedStrategy$/.test(x.target));
  const stage = ds?.map.entries.get('stage');
  if (ds && typeof fields.get('strategy')?.value !== 'string' && !ds.map.entries.has('config'))
    fields.set('strategy', {
      ...(stage?.kind === 'leaf' ? stage.field : ds.leaf.field),
      name: 'strategy',
      value: stage === undefined ? 'deepspeed' : stage.kind === 'leaf' ? `deepspeed_stage_${stage.field.value}` : null,
      text: `_target_: ${ds.target}${stage?.kind === 'leaf' ? ` (stage: ${stage.field.text})` : ''}`,
    });
  // Else the batch of the one LightningDataModule the config instantiates, whatever its group is called
  // (`dataset: {_target_: pkg.MNISTDataModule, batch_size: …}`): a DataModule's loaders take it (Lightning docs,
  // https://lightning.ai/docs/pytorch/stable/data/datamodule.html, 2025).
  // Its `num_workers` likewise: the DataModule hands it to the DataLoaders it builds.
  for (const key of ['batch_size', 'num_workers']) {
    const modules = all.filter((x) => /DataModule$/.test(x.target) && x.map.entries.get(key)?.kind === 'leaf');
    const value = [['data', key], ['datamodule', key], ...(modules.length === 1 ? [[...modules[0].at, key]] : [])]
      .map((p) => nodeAt(comp.root, p))
      .find((n) => n?.kind === 'leaf');
    put(key, value);
  }
  const facts = new Map<FactKey, Fact>();
  for (const f of LIGHTNING_SCHEMA.toFacts(fields, { complete: true })) facts.set(f.key, f);
  lightningDefaults(facts, fields);
  orphanPrecision(facts, spec, t);
  if (spec.orphan && t.at.length === 0)
    lengthSetElsewhere(facts, `the config that includes ${path.basename(spec.primary)} or the command line`);
  const plan = basePlan(comp, t, 'lightning', facts, 'Trainer (Hydra _target_)');
  plan.edit = editor(LIGHTNING_SCHEMA, comp, t, fields, locs);
  return { plan, kind: 'hydra', schema: LIGHTNING_SCHEMA, envPrecision: 'never', openEnded: true, refs: [] };
}

function hfRun(spec: HydraSpec, comp: Composition, t: Target, flavour: HfFlavour): RunDraft {
  const locs = new Map<string, Loc>();
  const fields: Fields = new Map();
  for (const [k, v] of t.map.entries) {
    if (k.startsWith('_')) continue;
    const f = fieldOf(k, v, locs);
    if (f) fields.set(k, f);
  }
  const facts = new Map<FactKey, Fact>();
  for (const f of HF_SCHEMA.toFacts(fields, { complete: true })) facts.set(f.key, f);
  const loader = targets(comp.root).find(
    (x) => /\.from_pretrained$/.test(x.target) && x.map.entries.get('pretrained_model_name_or_path')?.kind === 'leaf',
  );
  const name = loader?.map.entries.get('pretrained_model_name_or_path') as HLeaf | undefined;
  if (name && typeof name.field.value === 'string' && !facts.has('model'))
    facts.set('model', {
      key: 'model',
      value: name.field.value,
      origin: 'explicit',
      file: name.field.file,
      span: name.field.span,
      note: `${loader!.target}(${name.field.text})`,
    });
  const label = `${t.target.split('.').pop()} (Hydra _target_)`;
  const plan = basePlan(comp, t, flavour === 'trl' ? 'trl' : 'hf-trainer', facts, label);
  hfDefaults(plan, flavour, t.target.split('.').pop()!, false);
  orphanPrecision(plan.facts, spec, t);
  plan.edit = editor(HF_SCHEMA, comp, t, fields, locs);
  const ds = fields.get('deepspeed');
  const refs: Ref[] =
    ds && typeof ds.value === 'string' && /\.json$/i.test(ds.value)
      ? [{ path: ds.value, role: 'deepspeed', file: ds.file, span: ds.span }]
      : [];
  return { plan, kind: 'hydra', schema: HF_SCHEMA, envPrecision: 'unless-mixed', openEnded: true, refs };
}

export type { HMap };

/**
 * The Lightning Trainer a script builds from a section of its Hydra config (`L.Trainer(**cfg.trainer, logger=…)`):
 * that section of the primary config composed with the command line's overrides, read as a `_target_: …Trainer`
 * mapping is (unwritten arguments are Lightning's defaults: the section is all the splat passes). `at`: the section's
 * path (`["trainer"]`). Undefined when the section is not a mapping of the composed config.
 */
export function splattedTrainerFacts(spec: HydraSpec, at: string[]): Map<FactKey, Fact> | undefined {
  const comp = spec.composer.compose(spec.primary, spec.overrides);
  const node = nodeAt(comp.root, at);
  if (node?.kind !== 'map') return undefined;
  const fields: Fields = new Map();
  const locs = new Map<string, Loc>();
  for (const [k, v] of node.entries) {
    const f = k.startsWith('_') || k === 'callbacks' ? undefined : fieldOf(k, v, locs);
    if (f) fields.set(k, f);
  }
  const facts = new Map<FactKey, Fact>();
  for (const f of LIGHTNING_SCHEMA.toFacts(fields, { complete: true })) facts.set(f.key, f);
  lightningDefaults(facts, fields);
  return facts;
}
