// TensorFlow.js training scripts (JavaScript/TypeScript): `model.fit(x, y, { batchSize, epochs, callbacks,
// validationSplit })`, `model.fitDataset(ds, { epochs, callbacks })` with `ds.batch(n)`, `tf.train.*` optimizers,
// `tf.callbacks.earlyStopping`, `model.save(...)` inside a callback (periodic save), and the backend package
// (`@tensorflow/tfjs-node-gpu`: CUDA; `@tensorflow/tfjs-node`: CPU). Only files that import TF.js are candidates.
// Defaults from the TF.js API reference (js.tensorflow.org/api/latest, tf.LayersModel.fit, 2024): fit() batchSize 32, epochs 1, no checkpoint unless a callback saves;
// fitDataset() has no epochs default. TF.js has no mixed-precision API: precision is left unjudged.
import { parseJs, within, type JsCall, type JsScript, type JsValue } from '../parse/js-syntax';
import type { Fact, FactKey, FactValue, RunPlan, Span } from '../types';
import { epochSaveFact } from './fields';
import { addDefaults, frameworkDefault, type RunDraft } from './run-draft';

const TFJS_MODULE = /^@tensorflow\/tfjs(-node(-gpu)?|-core|-layers|-backend-\w+)?(\/.*)?$/;
const MAX_RUNS = 5;

/** Cheap test on the text, before the parser is loaded. */
export const mayBeTfjs = (text: string) => /@tensorflow\/tfjs/.test(text) && /\.fit(Dataset)?\s*\(/.test(text);

interface Resolved {
  value: FactValue | undefined;
  /** The literal the value was read from (a `const` elsewhere in the file), when not the value itself. */
  via?: JsValue;
}

class Scope {
  constructor(readonly script: JsScript) {}

  /** Follows identifiers through `const x = …` (a few hops). */
  deref(v: JsValue | undefined): JsValue | undefined {
    let cur = v;
    for (let i = 0; i < 4 && cur?.kind === 'identifier'; i++) {
      const next = this.script.bindings.get(cur.text);
      if (!next) break;
      cur = next;
    }
    return cur;
  }

  literal(v: JsValue | undefined): Resolved {
    const d = this.deref(v);
    if (!d || !('value' in d)) return { value: undefined };
    return { value: d.value, via: d !== v ? d : undefined };
  }

  /** Properties of an object (through identifiers and spreads); `open` when a spread could not be read. */
  props(v: JsValue | undefined): { props: Map<string, JsValue & { prop: Span }>; open: boolean } {
    const out = new Map<string, JsValue & { prop: Span }>();
    let open = false;
    const d = this.deref(v);
    if (!d) return { props: out, open: v !== undefined };
    if (d.kind !== 'object') return { props: out, open: true };
    for (const p of d.props ?? []) {
      if (p.name === '...') {
        const inner = this.props(p.value);
        open ||= inner.open;
        for (const [k, x] of inner.props) out.set(k, x);
      } else out.set(p.name, { ...p.value, prop: p.span });
    }
    return { props: out, open };
  }

  /** Callback objects passed in `callbacks:` (an array, one callback, or a name for either). */
  callbacks(v: JsValue | undefined): JsValue[] {
    const d = this.deref(v);
    if (!d) return [];
    if (d.kind === 'array') return (d.items ?? []).flatMap((i) => this.callbacks(i));
    return [d];
  }
}

const lastName = (callee: string) => callee.slice(callee.lastIndexOf('.') + 1);
const isSave = (c: JsCall) =>
  /\.save$/.test(c.callee) && c.args.length >= 1 && !/^(localStorage|sessionStorage|fs|db)\./.test(c.callee);

/** Where a callback's code lives: an object literal's methods, `new tf.CustomCallback({…})`, or a class in the file. */
function callbackBodies(scope: Scope, cb: JsValue): { span: Span; what: string }[] {
  if (cb.kind === 'object') return [{ span: cb.span, what: 'callback object' }];
  const callee = cb.kind === 'new' || cb.kind === 'call' ? cb.callee : undefined;
  if (callee) {
    if (/CustomCallback$/.test(callee))
      return (cb.args ?? []).flatMap((a) => callbackBodies(scope, scope.deref(a) ?? a));
    const cls = scope.script.classes.find((c) => c.name === lastName(callee));
    if (cls) return [{ span: cls.span, what: `class ${cls.name}` }];
  }
  return [];
}

/** A `model.save(…)` in an epoch or batch hook of one of the callbacks (directly, or in a function of this file it calls). */
function periodicSave(scope: Scope, cbs: JsValue[]): { hook: string; call: JsCall } | undefined {
  const { calls } = scope.script;
  const saves = calls.filter(isSave);
  if (saves.length === 0) return undefined;
  for (const cb of cbs) {
    for (const body of callbackBodies(scope, cb)) {
      for (const hook of ['onBatchEnd', 'onBatchBegin', 'onYield', 'onEpochEnd', 'onEpochBegin']) {
        const direct = saves.find((s) => within(s.span, body.span) && s.scope.includes(hook));
        if (direct) return { hook, call: direct };
        // One level through a function of this file: `onEpochEnd: () => saveCheckpoint(model)`.
        const helpers = calls
          .filter((c) => within(c.span, body.span) && c.scope.includes(hook) && !c.callee.includes('.'))
          .map((c) => c.callee);
        const indirect = saves.find((s) => helpers.some((h) => s.scope.includes(h)));
        if (indirect) return { hook, call: indirect };
      }
    }
  }
  return undefined;
}

function optimizerOf(scope: Scope, compile: JsCall | undefined): { value: string; span: Span } | undefined {
  const opt = compile ? scope.props(compile.args[0]).props.get('optimizer') : undefined;
  const d = scope.deref(opt);
  if (opt && d?.kind === 'string' && typeof d.value === 'string') return { value: d.value, span: opt.prop };
  if (opt && d?.kind === 'call' && d.callee && /(^|\.)train\.\w+$/.test(d.callee))
    return { value: lastName(d.callee), span: opt.prop };
  const train = scope.script.calls.filter((c) =>
    /(^|\.)train\.(adam|adamax|sgd|momentum|rmsprop|adagrad|adadelta)$/.test(c.callee),
  );
  if (!opt && new Set(train.map((c) => c.callee)).size === 1)
    return { value: lastName(train[0].callee), span: train[0].span };
  return undefined;
}

export function extractTfjs(file: string, text: string): { drafts: RunDraft[]; messages: string[] } {
  if (!mayBeTfjs(text)) return { drafts: [], messages: [] };
  const parsed = parseJs(file, text);
  if ('error' in parsed) return { drafts: [], messages: [parsed.error] };
  const tfImports = parsed.imports.filter((i) => TFJS_MODULE.test(i.module));
  if (tfImports.length === 0) return { drafts: [], messages: [] };
  const scope = new Scope(parsed);
  const fits = parsed.calls
    .filter(
      (c) => (/\.fit$/.test(c.callee) && c.args.length >= 2) || (/\.fitDataset$/.test(c.callee) && c.args.length >= 1),
    )
    .slice(0, MAX_RUNS);
  const base = (span: Span) => ({ origin: 'explicit' as const, file, span });
  const fileFacts = new Map<FactKey, Fact>();
  const gpu = tfImports.find((i) => /tfjs-node-gpu/.test(i.module));
  const cpu = tfImports.find((i) => /^@tensorflow\/tfjs-node$/.test(i.module));
  if (gpu)
    fileFacts.set('framework', {
      ...base(gpu.span),
      key: 'framework',
      value: 'tfjs-node-gpu',
      note: `${gpu.module}: TensorFlow (CUDA) backend`,
    });
  else if (cpu) {
    fileFacts.set('framework', {
      ...base(cpu.span),
      key: 'framework',
      value: 'tfjs-node',
      note: `${cpu.module}: TensorFlow CPU backend`,
    });
    fileFacts.set('hardware', {
      ...base(cpu.span),
      key: 'hardware',
      value: 'cpu',
      note: `${cpu.module} runs on the CPU (the GPU build is @tensorflow/tfjs-node-gpu)`,
    });
  }
  const compile = parsed.calls.find((c) => /\.compile$/.test(c.callee) && scope.deref(c.args[0])?.kind === 'object');
  const opt = optimizerOf(scope, compile);
  if (opt)
    fileFacts.set('optimizer', {
      ...base(opt.span),
      key: 'optimizer',
      value: opt.value,
      note: `optimizer ${opt.value}`,
    });
  fileFacts.set('precision', {
    key: 'precision',
    value: null,
    origin: 'framework-default',
    note: 'TensorFlow.js trains in float32 and has no mixed-precision API: precision is not judged',
  });

  const drafts = fits.map((fit): RunDraft => {
    const dataset = /\.fitDataset$/.test(fit.callee);
    const label = `${fit.callee.length > 30 ? lastName(fit.callee) : fit.callee}`;
    const facts = new Map<FactKey, Fact>(fileFacts);
    const config = fit.args[dataset ? 1 : 2];
    const { props, open } = scope.props(config);
    const num = (key: FactKey, name: string) => {
      const p = props.get(name);
      if (!p) return false;
      const r = scope.literal(p);
      const n = typeof r.value === 'number' ? r.value : null;
      const ok = n !== null;
      facts.set(key, {
        ...base(p.prop),
        key,
        value: n,
        note: ok
          ? `${name}: ${p.text}${r.via ? ` (= ${r.via.text})` : ''}`
          : `${name}: ${p.text} (not a literal; value unknown)`,
      });
      return true;
    };
    const unknown = (key: FactKey, what: string) =>
      facts.set(key, {
        key,
        value: null,
        origin: 'assumed',
        file,
        span: fit.span,
        note: `${what} comes from an object this review cannot read (${config?.text ?? ''})`,
      });
    if (!num('epochs', 'epochs')) {
      if (open) unknown('epochs', 'epochs');
      else if (!dataset) facts.set('epochs', frameworkDefault('epochs', 1, 'fit() epochs defaults to 1'));
    }
    if (!dataset && !num('micro_batch', 'batchSize')) {
      if (open) unknown('micro_batch', 'batchSize');
      else facts.set('micro_batch', frameworkDefault('micro_batch', 32, 'fit() batchSize defaults to 32'));
    }
    if (dataset) {
      const batch = parsed.calls.find(
        (c) => /\.batch$/.test(c.callee) && typeof scope.literal(c.args[0]).value === 'number',
      );
      const size = batch && scope.literal(batch.args[0]).value;
      if (batch && typeof size === 'number')
        facts.set('micro_batch', {
          ...base(batch.span),
          key: 'micro_batch',
          value: size,
          note: `dataset ${batch.callee}(${batch.args[0].text})`,
        });
    }
    const cbProp = props.get('callbacks');
    const cbs = scope.callbacks(cbProp);
    const early = cbs.find(
      (c) => (c.kind === 'call' || c.kind === 'new') && /(^|\.)(callbacks\.)?earlyStopping$/.test(c.callee ?? ''),
    );
    if (early)
      facts.set('early_stopping', {
        ...base(early.span),
        key: 'early_stopping',
        value: true,
        note: `${early.callee}(…) callback`,
      });
    const saved = periodicSave(scope, cbs);
    if (saved) {
      const at = base(saved.call.span);
      if (/Batch|Yield/.test(saved.hook))
        facts.set('periodic_save', {
          ...at,
          key: 'periodic_save',
          value: 'steps',
          note: `${saved.call.callee}(…) in ${saved.hook}: a checkpoint during each epoch`,
        });
      else
        facts.set(
          'periodic_save',
          epochSaveFact(
            facts.get('epochs'),
            at,
            `${saved.call.callee}(…) in ${saved.hook}: a checkpoint at the end of each epoch`,
          ),
        );
    } else if (cbProp && cbs.length === 0) {
      facts.set('periodic_save', {
        key: 'periodic_save',
        value: null,
        origin: 'assumed',
        file,
        span: cbProp.prop,
        note: `callbacks: ${cbProp.text} (not readable here)`,
      });
    }
    addDefaults(facts, [
      frameworkDefault(
        'periodic_save',
        'no',
        `${lastName(fit.callee)}() saves nothing unless a callback calls model.save()`,
      ),
      frameworkDefault('early_stopping', false, 'no tf.callbacks.earlyStopping callback'),
      frameworkDefault('grad_accum', 1, 'TF.js fit() has no gradient accumulation'),
    ]);
    const plan: RunPlan = {
      framework: 'tfjs',
      entry: { file, span: fit.span, label },
      files: [file],
      facts,
      relevantSpans: [...facts.values()].flatMap((f) =>
        f.file === file && f.span ? [{ file, span: f.span, key: f.key }] : [],
      ),
    };
    return { plan, kind: 'tfjs', envPrecision: 'never', openEnded: open, refs: [] };
  });
  return { drafts, messages: [] };
}
