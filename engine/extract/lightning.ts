// PyTorch Lightning: `Trainer(precision=, devices=, accumulate_grad_batches=, max_epochs=, max_steps=,
// enable_checkpointing=, callbacks=[ModelCheckpoint(...), EarlyStopping(...)])` in Python, and the same settings
// under `trainer:` in a Lightning CLI YAML (./lightning-cli). Defaults from the Lightning 2.x Trainer reference
// (lightning.ai/docs/pytorch/stable/common/trainer.html, 2025):
// precision "32-true", 1000 epochs when no budget is set, a default ModelCheckpoint that saves at each epoch end.
import type { SyntaxNode, Tree } from '../parse/python';
import { findCalls, pythonLiteral, setKwargs, spanOf, type CallSite } from '../parse/python-syntax';
import type { Fact, FactKey, FactValue, RunPlan } from '../types';
import {
  bool,
  epochSaveFact,
  fact,
  fieldEditor,
  int,
  kwargFields,
  mergeFields,
  type Field,
  type Fields,
  type Schema,
} from './fields';
import { COMMON_CALLS, fileWideFacts } from './python-common';
import { importsModule, importsOf, qualified } from './python-scan';
import { lightningScriptLoader } from './lightning-loaders';
import { deviceHint, gpuBranchCount } from './device-hint';
import { FROM_ARGPARSE, trainerFlags } from './lightning-args';
import { ValueResolver } from './python-values';
import { addDefaults, frameworkDefault, type RunDraft } from './run-draft';
import { nodesOfType } from '../parse/nodes-of-type';
import { runsWithoutTraining } from './no-training-call';

/** The note on `epochs` when Lightning's `max_epochs=-1` leaves training without an epoch limit (GML601 reads it). */
const NO_EPOCH_LIMIT = 'max_epochs=-1: no epoch limit';
/**
 * Lightning's DeepSpeedStrategy defaults to ZeRO stage 2, and `strategy="deepspeed"` is that strategy with its
 * defaults (lightning/pytorch/strategies/deepspeed.py: `stage: int = 2`, `register_strategies`;
 * https://lightning.ai/docs/pytorch/stable/advanced/model_parallel/deepspeed.html, 2025).
 */
export const DS_DEFAULT = "DeepSpeedStrategy's default ZeRO stage 2 (no stage given)";

/** Lightning precision input → the precision the run computes in. */
export function lightningPrecision(v: FactValue | undefined): string | undefined {
  const s = String(v).toLowerCase();
  if (/^(64|64-true|double)$/.test(s)) return 'fp64';
  if (/^(32|32-true)$/.test(s)) return 'fp32';
  if (/^(16|16-mixed|16-true)$/.test(s)) return 'fp16';
  if (/^(bf16|bf16-mixed|bf16-true)$/.test(s)) return 'bf16';
  if (/transformer-engine/.test(s)) return 'fp8';
  return undefined;
}

function devicesOf(f: Field): number | undefined {
  const v = f.value;
  const branch = v === undefined ? gpuBranchCount(f.text) : undefined;
  if (branch) return branch;
  if (typeof v === 'number') return v > 0 ? v : undefined;
  if (typeof v === 'string') {
    if (/^\d+$/.test(v.trim())) return Number(v);
    if (/^\d+(\s*,\s*\d+)+,?$/.test(v.trim())) return v.split(',').filter((x) => x.trim()).length;
  }
  if (f.text.trim().match(/=\s*\[([^\]]*)\]$/))
    return f.text
      .split('[')[1]
      .split(',')
      .filter((x) => x.trim() && x.trim() !== ']').length;
  return undefined;
}

export const LIGHTNING_SCHEMA: Schema = {
  toFacts(fields) {
    const out: Fact[] = [];
    const f = (n: string) => fields.get(n);
    const p = f('precision');
    if (p && p.value !== null) {
      const v = p.value === undefined ? undefined : lightningPrecision(p.value);
      // The option a script default is read from (`16 if args.fp16 else 32`), in the note for a launcher's flag (../link/merge).
      const from = p.origin === 'script-default' ? /default of argparse --[\w-]+/.exec(p.text)?.[0] : undefined;
      const half = /true/.test(String(p.value)) && v !== 'fp32' ? ' (pure half-precision weights)' : '';
      const note = `precision=${JSON.stringify(p.value ?? p.text)}${v ? half : ' (value unknown)'}`;
      out.push(fact('precision', v ?? null, p, `${note}${from ? ` (${from})` : ''}`));
    }
    // `gpus=` is the Lightning 1.x name of the same setting.
    const d = f('devices') ?? f('gpus');
    const nodes = int(f('num_nodes')?.value) ?? 1;
    if (d) {
      const n = devicesOf(d);
      if (n !== undefined)
        out.push(fact('devices', n * nodes, d, nodes > 1 ? `${d.text} × ${nodes} nodes` : undefined));
      // devices="auto" or -1: every visible accelerator — a count this file does not state (not one).
      else if (d.value === 'auto' || d.value === -1 || d.value === '-1')
        out.push(
          fact(
            'devices',
            null,
            d,
            `${d.text}: every visible device${nodes > 1 ? ` × ${nodes} nodes` : ''}; the count is not in the file`,
          ),
        );
    }
    const acc = f('accelerator');
    if (acc && (acc.value === 'cpu' || acc.value === 'mps')) out.push(fact('hardware', acc.value, acc));
    const ga = f('accumulate_grad_batches');
    // `accumulate_grad_batches: null` (None): Lightning 1.x's default, no accumulation.
    if (ga)
      out.push(
        ga.value === null
          ? fact('grad_accum', 1, ga, `${ga.text}: None is the default, one optimizer step per batch`)
          : fact('grad_accum', int(ga.value) ?? null, ga),
      );
    const me = f('max_epochs');
    if (me)
      out.push(
        int(me.value) === -1
          ? { ...fact('epochs', null, me, NO_EPOCH_LIMIT), form: 'no-limit' }
          : fact('epochs', (int(me.value) ?? -1) >= 0 ? int(me.value)! : null, me),
      );
    const ms = f('max_steps');
    if (ms && (int(ms.value) ?? -1) > 0) out.push(fact('max_steps', int(ms.value)!, ms));
    const bs = f('batch_size');
    if (bs) out.push(fact('micro_batch', int(bs.value) ?? null, bs));
    const nw = f('num_workers'); // the DataModule's, which its loaders take (./hydra, ./lightning-cli)
    if (nw) out.push(fact('num_workers', int(nw.value) ?? null, nw));
    const st = f('strategy');
    const ds =
      typeof st?.value === 'string' ? /^deepspeed(?:_stage_(\d)(?:_offload(?:_nvme)?)?)?$/.exec(st.value) : null;
    if (st && ds?.[1]) out.push(fact('zero_stage', Number(ds[1]), st));
    // `strategy="deepspeed"` is the registered DeepSpeedStrategy with its defaults: ZeRO stage 2.
    else if (st && ds) out.push({ ...fact('zero_stage', 2, st, DS_DEFAULT), origin: 'framework-default' });
    // Checkpointing: enable_checkpointing=False, else a user ModelCheckpoint's trigger, else the default one.
    const en = f('enable_checkpointing');
    const ck = f('checkpoint');
    if (en && bool(en.value) === false) out.push(fact('periodic_save', 'no', en, `${en.text}: no checkpoint is saved`));
    else if (ck) {
      const steps = f('checkpoint.every_n_train_steps');
      const time = f('checkpoint.train_time_interval');
      if (steps && (int(steps.value) ?? 0) > 0) {
        out.push(fact('periodic_save', 'steps', steps, `ModelCheckpoint(${steps.text})`));
        out.push(fact('save_steps', int(steps.value)!, steps));
      } else if (time) out.push(fact('periodic_save', 'time', time, `ModelCheckpoint(${time.text})`));
      else if (steps && steps.value === undefined)
        out.push(fact('periodic_save', null, steps, `ModelCheckpoint(${steps.text}) (value unknown)`));
      else {
        const epochs = out.find((o) => o.key === 'epochs');
        const every = int(f('checkpoint.every_n_epochs')?.value) ?? 1;
        out.push(
          epochSaveFact(
            every === 1 ? epochs : undefined,
            { origin: 'explicit', file: ck.file, span: ck.span },
            `ModelCheckpoint saves at the end of ${every === 1 ? 'each epoch' : `every ${every} epochs`}`,
          ),
        );
      }
    }
    // ModelCheckpoint(save_weights_only=True): checkpoints without optimizer, scheduler and loop state (GML302).
    const wo = ck ? f('checkpoint.save_weights_only') : undefined;
    if (wo && bool(wo.value) === true)
      out.push({
        ...fact('save_only_model', true, wo, `ModelCheckpoint(${wo.text}): weights only`),
        name: 'save_weights_only',
        ...(f('checkpoint.monitor') ? { form: 'best-only' as const } : {}),
      });
    const es = f('early_stopping');
    if (es) out.push(fact('early_stopping', true, es, 'EarlyStopping callback'));
    // `val_check_interval=N` (an int) runs the validation loop every N training batches; a float is a fraction of
    // the epoch (Lightning Trainer docs, "val_check_interval").
    const vci = f('val_check_interval');
    const every = int(vci?.value);
    if (vci && every !== undefined && every >= 1 && /^\d+$/.test(vci.text.replace(/^[^=:]*[=:]\s*/, '').trim())) {
      const text = `${vci.text}: the validation loop runs every ${every} training batches`;
      out.push(fact('eval_strategy', 'steps', vci, text), fact('eval_steps', every, vci, text));
    }
    return out;
  },
  changes(changes, fields) {
    const out: Record<string, FactValue> = {};
    for (const [key, v] of Object.entries(changes) as [FactKey, FactValue][]) {
      if (key === 'precision' && (v === 'bf16' || v === 'fp16')) {
        // Keep "-true" (pure half weights) only if the user already asked for it.
        out.precision =
          /true/.test(String(fields.get('precision')?.value ?? '')) &&
          !/32/.test(String(fields.get('precision')?.value))
            ? `${v === 'bf16' ? 'bf16' : '16'}-true`
            : `${v === 'bf16' ? 'bf16' : '16'}-mixed`;
      } else if (key === 'grad_accum') out.accumulate_grad_batches = v;
      else if (key === 'micro_batch') out.batch_size = v;
      else if (key === 'eval_steps') out.val_check_interval = v;
      else return undefined;
    }
    return out;
  },
};

/** Lightning 2.x defaults for what the fields do not set. */
export function lightningDefaults(facts: Map<FactKey, Fact>, fields: Fields): void {
  const budget = ['max_epochs', 'max_steps', 'max_time'].some((k) => fields.has(k));
  const defaults: Fact[] = [
    frameworkDefault('precision', 'fp32', 'Lightning Trainer precision defaults to "32-true": training runs in fp32'),
    frameworkDefault('grad_accum', 1, 'accumulate_grad_batches defaults to 1'),
    frameworkDefault('early_stopping', false, 'no EarlyStopping callback'),
  ];
  if (!budget)
    defaults.push(
      frameworkDefault('epochs', 1000, 'no max_epochs, max_steps or max_time: Lightning falls back to 1000 epochs'),
    );
  addDefaults(facts, defaults);
  if (!facts.has('periodic_save')) {
    facts.set(
      'periodic_save',
      epochSaveFact(
        facts.get('epochs'),
        { origin: 'framework-default' },
        'enable_checkpointing defaults to True: the default ModelCheckpoint saves at the end of each epoch (latest only)',
      ),
    );
  }
}

/**
 * The run length is set where this file cannot see it (LightningCLI's `--trainer.max_epochs` or `--config`, the Hydra
 * config or command line that includes a Trainer group file): Lightning's 1000-epoch fallback is then an assumption
 * for the estimate, not a run without a limit.
 */
export function lengthSetElsewhere(facts: Map<FactKey, Fact>, where: string): void {
  const ep = facts.get('epochs');
  if (ep?.origin === 'framework-default' && !ep.file)
    facts.set('epochs', { ...ep, origin: 'assumed', note: `${ep.note} — unless ${where} sets it` });
}

const LIGHTNING_CALLS = [
  'Trainer',
  'LightningCLI',
  'ModelCheckpoint',
  'EarlyStopping',
  'DeepSpeedStrategy',
  'DataLoader',
  'add_argument',
  ...COMMON_CALLS,
];

/**
 * `LightningCLI(Model, DataModule, trainer_defaults={"max_epochs": 10, ...})`: the Trainer the CLI builds, with the
 * literal entries of `trainer_defaults` as its arguments (flags on the command line can still change them).
 */
function cliTrainerFields(
  file: string,
  cli: CallSite,
  resolve: (n: unknown) => { value: FactValue | undefined; via?: string; scriptDefault?: boolean },
): Fields {
  const out: Fields = new Map();
  const dict = cli.kwargs.get('trainer_defaults')?.value;
  if (dict?.type !== 'dictionary') return out;
  for (const pair of dict.namedChildren) {
    if (pair?.type !== 'pair') continue;
    const key = pair.childForFieldName('key');
    const value = pair.childForFieldName('value');
    const name = key?.type === 'string' ? key.text.replace(/^[rbuRBU]*["']|["']$/g, '') : undefined;
    if (!name || !value || name === 'callbacks') continue;
    const r = resolve(value);
    out.set(name, {
      name,
      value: r.value,
      file,
      span: spanOf(pair),
      text: `trainer_defaults ${pair.text}`,
      origin: r.scriptDefault ? 'script-default' : 'explicit',
    });
  }
  return out;
}

/** Callbacks that never stop training (checkpointing, monitors, progress bars, summaries). */
const NON_STOPPING =
  /checkpoint|ckpt|LearningRateMonitor|lr_monitor|ProgressBar|ModelSummary|DeviceStatsMonitor|Timer\(|^\s*$/i;

/**
 * True when `callbacks=[…]` may hold something that stops training: a list this reader cannot read (a variable), or
 * an item that is neither a known non-stopping callback nor a callback class of this file whose body never sets
 * `should_stop` (an image logger, a sample generator). Items are the list's elements in the syntax tree, so the
 * commas inside `ModelCheckpoint(monitor="val_acc", mode="max")` do not split it.
 */
function mayStop(cb: { span: { start: number; end: number } }, root: SyntaxNode): boolean {
  const arg = root.descendantForIndex(cb.span.start, cb.span.end);
  const list = arg?.type === 'keyword_argument' ? arg.childForFieldName('value') : undefined;
  if (list?.type !== 'list') return true;
  return list.namedChildren.some((item) => {
    if (!item || NON_STOPPING.test(item.text)) return false;
    const name = /^([A-Za-z_]\w*)\s*\(/.exec(item.text)?.[1];
    const cls = name
      ? nodesOfType(root, 'class_definition').find((c) => c?.childForFieldName('name')?.text === name)
      : undefined;
    return !cls || /should_stop|KeyboardInterrupt|sys\.exit/.test(cls.text);
  });
}

/**
 * What else may end a `max_epochs=-1` run: `max_time`, a `max_steps` that is not -1 (or not readable), callbacks
 * this reader cannot tell apart from a stopper (a list in a variable, a callback of the project's own), or no
 * `.fit(` in the file (a Trainer built for `predict`/`test`). Undefined when nothing bounds it.
 */
function otherBound(fields: Fields, root: SyntaxNode, text: string): string | undefined {
  if (fields.has('max_time')) return 'max_time bounds the run';
  const ms = fields.get('max_steps');
  if (ms && int(ms.value) !== -1) return 'max_steps bounds the run';
  const cb = fields.get('callbacks');
  if (cb && mayStop(cb, root)) return 'a callback may stop the run';
  if (!/\.fit\s*\(/.test(text)) return 'this file does not call fit';
  return undefined;
}

/** `commandLine`: the flags of a command that runs the file, for a Trainer built from them (./lightning-args). */
export function extractLightning(file: string, text: string, tree: Tree, commandLine?: Fields): RunDraft[] {
  // A Trainer built only to test or predict (a `test.py` without `.fit(`) trains nothing.
  const fromArgs = !!commandLine && FROM_ARGPARSE.test(text) && /\.fit\s*\(/.test(text);
  if (!/lightning/.test(text) || !(/\b(?:Trainer|LightningCLI)\s*\(/.test(text) || fromArgs)) return [];
  const root = tree.rootNode;
  const imports = importsOf(root);
  if (!importsModule(imports, /^(lightning|pytorch_lightning)\b/)) return [];
  const calls = findCalls(root, text, fromArgs ? [...LIGHTNING_CALLS, 'from_argparse_args'] : LIGHTNING_CALLS);
  const values = new ValueResolver(root, calls);
  const isLightning = (c: CallSite) => /^(lightning|pytorch_lightning)\b/.test(qualified(c.callee, imports));
  const fromArgsCall = (c: CallSite) =>
    c.name === 'from_argparse_args' && /\bTrainer\.from_argparse_args$/.test(c.callee);
  let trainers = calls.filter((c) => (c.name === 'Trainer' || (fromArgs && fromArgsCall(c))) && isLightning(c));
  const cli = trainers.length === 0 ? calls.find((c) => c.name === 'LightningCLI' && isLightning(c)) : undefined;
  if (cli) trainers = [cli];
  if (trainers.length === 0) return [];
  // A Trainer built only to `test`, `validate` or `predict` in a script that never calls `fit` (./no-training-call).
  if (!cli && runsWithoutTraining(root, text)) return [];
  const resolve = (n: unknown) => values.resolve(n as Parameters<ValueResolver['resolve']>[0]);
  const common = fileWideFacts(file, text, root, calls, values, true);
  const loader = lightningScriptLoader(file, root, text, calls, values);
  const checkpoints = calls.filter((c) => c.name === 'ModelCheckpoint');
  const enclosing = (n: SyntaxNode) => {
    for (let p = n.parent; p; p = p.parent) if (p.type === 'function_definition') return p;
    return undefined;
  };
  // A trainer's own ModelCheckpoint: one in its callbacks, else one built in the same function, else one at module
  // level (a file with several trainers — notebooks — keeps each trainer's checkpoint with it).
  const ckptOf = (trainer: CallSite) =>
    checkpoints.find((c) => c.node.startIndex >= trainer.node.startIndex && c.node.endIndex <= trainer.node.endIndex) ??
    checkpoints.find((c) => enclosing(c.node) && enclosing(c.node)?.id === enclosing(trainer.node)?.id) ??
    checkpoints.find((c) => !enclosing(c.node));
  const early = calls.find((c) => c.name === 'EarlyStopping');
  const dsStrategy = calls.find((c) => c.name === 'DeepSpeedStrategy');
  const fits = findCalls(root, text, ['fit']).filter((c) => c.name === 'fit');
  const device = deviceHint(file, root, text);
  return trainers.map((trainer) => {
    const fields =
      trainer === cli
        ? cliTrainerFields(file, cli, resolve)
        : fromArgsCall(trainer)
          ? mergeFields(trainerFlags(commandLine), kwargFields(file, trainer, resolve))
          : kwargFields(file, trainer, resolve);
    const ckpt = ckptOf(trainer);
    if (ckpt) {
      fields.set('checkpoint', {
        name: 'checkpoint',
        value: true,
        file,
        span: spanOf(ckpt.node),
        text: 'ModelCheckpoint(…)',
      });
      for (const [k, v] of kwargFields(file, ckpt, resolve, 'checkpoint.')) fields.set(k, v);
    }
    if (early)
      fields.set('early_stopping', {
        name: 'early_stopping',
        value: true,
        file,
        span: spanOf(early.node),
        text: 'EarlyStopping(…)',
      });
    const facts = new Map<FactKey, Fact>(common);
    for (const f of loader.facts) facts.set(f.key, f);
    if (device && !fields.has('accelerator')) facts.set('hardware', device);
    const splat = trainer !== cli && trainer.hasSplat; // `**cfg.trainer`: no default known (../link/hydra-trainer)
    for (const f of LIGHTNING_SCHEMA.toFacts(fields, { complete: !splat }))
      // Ray Train's ScalingConfig decides the count that `devices="auto"` leaves open.
      if (!(f.key === 'devices' && f.value === null && typeof common.get('devices')?.value === 'number'))
        facts.set(f.key, f);
    const ep = facts.get('epochs');
    if (ep?.form === 'no-limit') {
      const why = otherBound(fields, root, text);
      if (why) facts.set('epochs', { ...ep, form: undefined, note: `max_epochs=-1, but ${why}` });
    }
    // A validation set evaluated each epoch: `.fit(model, train, val)`, `val_dataloaders=`, or a `validation_step`
    // this file defines (GML601 reads it with early_stopping).
    const valFit = fits.find((c) => c.positional.length >= 3 || c.kwargs.has('val_dataloaders'));
    const valStep = /\bdef\s+validation_step\s*\(/.exec(text);
    const valSpan = valFit
      ? spanOf(valFit.node)
      : valStep
        ? { start: valStep.index, end: valStep.index + valStep[0].length }
        : undefined;
    if (valSpan)
      facts.set('validation', {
        key: 'validation',
        value: true,
        origin: 'explicit',
        file,
        span: valSpan,
        note: valFit
          ? 'fit(…) with validation loaders: a validation pass every epoch'
          : 'validation_step(…) runs every epoch',
      });
    // Callbacks this reader cannot tell apart from a stopper (a list in a variable, a callback of the project's own):
    // whether the run stops early is unknown.
    const cb = fields.get('callbacks');
    if (!early && cb && mayStop(cb, root))
      facts.set('early_stopping', {
        key: 'early_stopping',
        value: null,
        origin: 'explicit',
        file: cb.file,
        span: cb.span,
        note: 'callbacks this reader cannot read may stop the run early',
      });
    const stageArg = dsStrategy?.kwargs.get('stage');
    const stage = stageArg ? resolve(stageArg.value).value : undefined;
    // No stage and no DeepSpeed config of its own (`config=`, which holds the stage): the default, stage 2.
    if (dsStrategy && !stageArg && !dsStrategy.kwargs.has('config') && !dsStrategy.positional.length)
      facts.set('zero_stage', {
        key: 'zero_stage',
        value: 2,
        origin: 'framework-default',
        file,
        span: spanOf(dsStrategy.node),
        note: `DeepSpeedStrategy(): ${DS_DEFAULT}`,
      });
    if (typeof stage === 'number')
      facts.set('zero_stage', {
        key: 'zero_stage',
        value: stage,
        origin: 'explicit',
        file,
        span: spanOf(dsStrategy!.node),
        note: `DeepSpeedStrategy(stage=${stage})`,
      });
    if (!splat) lightningDefaults(facts, fields);
    if (trainer === cli) lengthSetElsewhere(facts, 'the command line or the --config file of the LightningCLI');
    const trainerLayer = {
      fields,
      write: (name: string, v: FactValue) =>
        name === 'batch_size' || trainer === cli
          ? undefined
          : setKwargs(trainer, [[name, pythonLiteral(v)]], text, file),
    };
    const loaderCall = loader.call;
    const loaderLayer = {
      fields: new Map<string, Field>(
        loaderCall?.kwargs.has('batch_size')
          ? [['batch_size', { name: 'batch_size', value: undefined, file, span: spanOf(loaderCall.node), text: '' }]]
          : [],
      ),
      write: (name: string, v: FactValue) =>
        name === 'batch_size' && loaderCall?.kwargs.get('batch_size')?.value.type === 'integer'
          ? setKwargs(loaderCall, [['batch_size', pythonLiteral(v)]], text, file)
          : undefined,
    };
    const plan: RunPlan = {
      framework: 'lightning',
      entry: {
        file,
        span: spanOf(trainer.node),
        label: trainer === cli ? 'LightningCLI' : fromArgsCall(trainer) ? 'Trainer.from_argparse_args' : 'Trainer',
      },
      files: [file],
      facts,
      edit: fieldEditor(LIGHTNING_SCHEMA, [trainerLayer, loaderLayer]),
      relevantSpans: [...fields.values()]
        .filter((f) => !f.name.startsWith('checkpoint.'))
        .map((f) => ({ file, span: f.span, key: keyOfField(f.name) }))
        .filter((s): s is RunPlan['relevantSpans'][number] => !!s.key),
    };
    return {
      plan,
      kind: 'lightning',
      schema: LIGHTNING_SCHEMA,
      envPrecision: 'never',
      openEnded: trainer.hasSplat || trainer === cli,
      refs: [],
    } satisfies RunDraft;
  });
}

const FIELD_KEYS: Record<string, FactKey> = {
  precision: 'precision',
  devices: 'devices',
  gpus: 'devices',
  accumulate_grad_batches: 'grad_accum',
  max_epochs: 'epochs',
  max_steps: 'max_steps',
  enable_checkpointing: 'periodic_save',
  checkpoint: 'periodic_save',
  early_stopping: 'early_stopping',
  batch_size: 'micro_batch',
  strategy: 'zero_stage',
};
export const keyOfField = (name: string): FactKey => FIELD_KEYS[name];
export { mergeFields };
