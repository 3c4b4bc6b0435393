// Plain PyTorch training loops (`loss.backward(); optimizer.step()`), and accelerate's `Accelerator(mixed_precision=,
// gradient_accumulation_steps=)` around such a loop. Precision comes from autocast/GradScaler/.half() (./python-loop)
// or from the Accelerator. Raw-loop autocast insertion is not a one-token edit, so plain loops get no editor; an
// Accelerator gets one for `mixed_precision=` and `gradient_accumulation_steps=`.
import type { Tree } from '../parse/python';
import { callsWithKeyword, findCalls, pythonLiteral, setKwargs, spanOf, type CallSite } from '../parse/python-syntax';
import type { Fact, FactKey, FactValue, RunPlan } from '../types';
import { fact, fieldEditor, int, kwargFields, type Field, type Fields, type Schema } from './fields';
import { ACCUMULATION, withoutComments } from './code-signs';
import { COMMON_CALLS, fileWideFacts } from './python-common';
import { findTrainingLoop, loopFacts, torchPrecision } from './python-loop';
import { pureDtypePrecision } from './model-dtype-precision';
import { resolveGpuPrecision } from './hf-precision-guard';
import { initializeConfig } from './deepspeed-dict';
import { argFact, dataLoaderFacts, loaderFactories, OTHER_FRAMEWORK } from './python-scan';
import { NAMES_CUDA } from './pinned-copies';
import { deviceHint } from './device-hint';
import { dividedBatch, dividedWorkers } from './python-batch';
import { loopDrawnBatch } from './loop-batch';
import { ValueResolver } from './python-values';
import { addDefaults, frameworkDefault, type Ref, type RunDraft } from './run-draft';

const ACCELERATE_PRECISION: Record<string, string> = { no: 'fp32', fp16: 'fp16', bf16: 'bf16', fp8: 'fp8' };

/** Accelerator(...) keyword arguments and `accelerate launch` / accelerate config settings share these names. */
export const ACCELERATE_SCHEMA: Schema = {
  toFacts(fields) {
    const out: Fact[] = [];
    const mp = fields.get('mixed_precision');
    if (mp) {
      const v =
        mp.value === undefined || mp.value === null ? undefined : ACCELERATE_PRECISION[String(mp.value).toLowerCase()];
      // The argparse option the value is the default of (`mixed_precision=args.mixed_precision`, default "no"), named
      // so that a launcher passing that option replaces it (../link/merge.ts).
      const via = mp.value != null ? /\((default of argparse [^()]*)\)$/.exec(mp.text)?.[1] : undefined;
      out.push(
        fact(
          'precision',
          v ?? null,
          mp,
          `mixed_precision=${JSON.stringify(mp.value ?? mp.text)}${via ? ` (${via})` : ''}${v ? '' : ' (value unknown)'}`,
        ),
      );
    }
    const ga = fields.get('gradient_accumulation_steps');
    if (ga) out.push(fact('grad_accum', int(ga.value) ?? null, ga));
    const cpu = fields.get('cpu');
    if (cpu && cpu.value === true) out.push(fact('hardware', 'cpu', cpu));
    return out;
  },
  changes(changes) {
    const out: Record<string, FactValue> = {};
    for (const [key, v] of Object.entries(changes) as [FactKey, FactValue][]) {
      if (key === 'precision' && (v === 'bf16' || v === 'fp16')) out.mixed_precision = v;
      else if (key === 'grad_accum') out.gradient_accumulation_steps = v;
      else if (key === 'micro_batch') out.batch_size = v;
      else return undefined;
    }
    return out;
  },
};

const LOOP_CALLS = ['Accelerator', 'DataLoader', 'DeepSpeedPlugin', 'add_argument', ...COMMON_CALLS];

export function extractTorchLoop(file: string, text: string, tree: Tree): RunDraft[] {
  // A training step: a backward pass (or a loss scaler that runs it). PyTorch's when the file imports torch, or when
  // it imports no other framework and steps an optimizer (a training-loop module whose torch lives in its base class:
  // `self.loss_D.backward(); self.optimizer_D.step()`).
  if (!/backward\s*\(|scaler\s*\(/i.test(text)) return [];
  const torch = /\bimport\s+torch|\bfrom\s+torch\b/.test(text);
  if (!torch && (OTHER_FRAMEWORK.test(text) || !/\.step\(\s*\)/.test(text))) return [];
  const root = tree.rootNode;
  const loop = findTrainingLoop(root, text);
  if (!loop) return [];
  const calls = findCalls(root, text, LOOP_CALLS);
  const values = new ValueResolver(root, calls);
  const resolve = (n: unknown) => values.resolve(n as Parameters<ValueResolver['resolve']>[0]);
  const accelerator = calls.find((c) => c.name === 'Accelerator');
  const facts = new Map<FactKey, Fact>(fileWideFacts(file, text, root, calls, values, true));
  const loader = dataLoaderFacts(
    file,
    calls,
    values,
    loaderFactories(callsWithKeyword(root, text, ['batch_size', 'num_workers'])),
  );
  for (const f of loader.facts) facts.set(f.key, f);
  // No DataLoader at all: the batches the loop draws itself (./loop-batch).
  const drawn = calls.some((c) => c.name === 'DataLoader') ? undefined : loopDrawnBatch(file, loop, values);
  if (drawn && !facts.has('micro_batch')) facts.set('micro_batch', drawn);
  const global = dividedBatch(loader.call, values, file);
  if (global) {
    facts.set('global_batch', global);
    const mb = facts.get('micro_batch');
    if (mb)
      facts.set('micro_batch', {
        ...mb,
        value: null,
        note: `${global.note}; per device: unknown until the devices are`,
      });
  }
  const workers = facts.get('num_workers');
  const split = workers && typeof workers.value === 'number' ? dividedWorkers(loader.call) : undefined;
  if (workers && split)
    facts.set('num_workers', {
      ...workers,
      value: null,
      note: `${split.text.replace(/\s+/g, ' ')}: each process runs a share of ${workers.value} workers, unknown until the devices are`,
    });
  // Pinned memory only matters for copies to a GPU: a file that never names CUDA leaves the default unjudged.
  if (facts.get('pin_memory')?.origin === 'framework-default' && !NAMES_CUDA.test(text)) facts.delete('pin_memory');
  for (const f of loopFacts(file, root, text, loop, values)) facts.set(f.key, f);
  const device = deviceHint(file, root, text);
  if (device) facts.set('hardware', device);
  const refs: Ref[] = [];
  const ds = calls.find((c) => c.name === 'DeepSpeedPlugin');
  if (ds) {
    const cfg = ds.kwargs.get('hf_ds_config');
    const p = resolve(cfg?.value).value;
    if (typeof p === 'string' && /\.json$/.test(p))
      refs.push({ path: p, role: 'deepspeed', file, span: spanOf(cfg!.node) });
    const stage = ds.kwargs.get('zero_stage');
    if (stage) facts.set('zero_stage', argFact('zero_stage', file, stage, values));
  }
  let fields: Fields = new Map();
  let edit: RunPlan['edit'];
  if (accelerator) {
    fields = kwargFields(file, accelerator, resolve);
    for (const f of ACCELERATE_SCHEMA.toFacts(fields, { complete: true })) facts.set(f.key, f);
    // Accelerator() without mixed_precision reads ACCELERATE_MIXED_PRECISION, which `accelerate launch` sets
    // (from --mixed_precision or the machine's default config): fp32 only if nothing sets it.
    addDefaults(facts, [
      {
        key: 'precision',
        value: 'fp32',
        origin: 'assumed',
        note: "Accelerator(mixed_precision=None) takes ACCELERATE_MIXED_PRECISION, else 'no' (fp32); `accelerate launch --mixed_precision` or the machine's accelerate config may set it",
      },
      frameworkDefault('grad_accum', 1, 'Accelerator gradient_accumulation_steps defaults to 1'),
    ]);
    const accCall = accelerator;
    const loaderCall: CallSite | undefined = loader.call;
    edit = fieldEditor(ACCELERATE_SCHEMA, [
      {
        fields,
        write: (name, v) =>
          name === 'batch_size' ||
          (name === 'gradient_accumulation_steps' && !fields.has(name) && !/\.accumulate\(/.test(text))
            ? undefined
            : setKwargs(accCall, [[name, pythonLiteral(v)]], text, file),
      },
      {
        fields: new Map<string, Field>(
          loaderCall?.kwargs.has('batch_size')
            ? [['batch_size', { name: 'batch_size', value: undefined, file, span: spanOf(loaderCall.node), text: '' }]]
            : [],
        ),
        write: (name, v) =>
          name === 'batch_size' && loaderCall?.kwargs.get('batch_size')?.value.type === 'integer'
            ? setKwargs(loaderCall, [['batch_size', pythonLiteral(v)]], text, file)
            : undefined,
      },
    ]);
  } else {
    facts.set(
      'precision',
      facts.get('precision')?.origin === 'explicit'
        ? facts.get('precision')!
        : torchPrecision(file, root, text, values),
    );
    const dtype = facts.get('model_dtype');
    // The half type of the weights a loop loads (`from_pretrained(…, torch_dtype=torch.bfloat16)`) is no sign of
    // mixed precision by itself: read the rest of the file without it (./model-dtype-precision.ts).
    const pure = pureDtypePrecision(facts.get('precision'), dtype, (t) => torchPrecision(file, root, t, values), text);
    if (pure) facts.set('precision', pure);
    if (
      facts.get('precision')?.value === 'fp32' &&
      facts.get('precision')?.origin !== 'explicit' &&
      (dtype?.value === 'bf16' || dtype?.value === 'fp16')
    ) {
      facts.set('precision', {
        ...dtype,
        key: 'precision',
        note: `weights loaded in ${dtype.value} and no autocast: the model trains in pure ${dtype.value}`,
      });
    }
  }
  // DeepSpeedPlugin(gradient_accumulation_steps=N) handed to the Accelerator: accelerate writes the plugin's count into
  // the DeepSpeed engine's config, which accumulates N micro-batches per optimizer step (accelerate docs, "DeepSpeed",
  // 2025) — unless the Accelerator is given a count of its own.
  const dsAccum = ds?.kwargs.get('gradient_accumulation_steps');
  const ownAccum = facts.get('grad_accum');
  if (
    dsAccum &&
    accelerator?.kwargs.has('deepspeed_plugin') &&
    !fields.has('gradient_accumulation_steps') &&
    (!ownAccum || ownAccum.origin === 'framework-default')
  )
    facts.set(
      'grad_accum',
      argFact('grad_accum', file, dsAccum, values, (v) => (typeof v === 'number' ? v : undefined)),
    );
  if (accelerator) {
    const p = facts.get('precision');
    // autocast around the forward pass in an accelerate script is still mixed precision.
    if (p?.origin === 'assumed') {
      const t = torchPrecision(file, root, text, values);
      if (t.origin === 'explicit') facts.set('precision', t);
    }
  }
  // The DeepSpeed config the script passes to deepspeed.initialize: the engine's micro-batch, accumulation,
  // precision and ZeRO stage (./deepspeed-dict.ts).
  const dsInit = initializeConfig(file, root, text, values);
  if (dsInit) refs.push(...dsInit.refs);
  for (const f of dsInit?.overlay?.facts ?? []) {
    if (f.key === 'optimizer' && dsInit?.clientOptimizer) continue;
    const cur = facts.get(f.key);
    // The script's own DataLoader batch is the micro-batch it feeds the engine.
    if (f.key === 'micro_batch' && cur?.value != null && cur.origin !== 'framework-default') continue;
    const stated = cur && cur.value !== null && (cur.origin === 'explicit' || cur.origin === 'script-default');
    // bf16/fp16 enabled in the config: the engine casts the model itself, whatever casts the script also writes.
    const engineCasts = f.key === 'precision' && (f.value === 'bf16' || f.value === 'fp16');
    if (stated && cur.value !== f.value && !engineCasts)
      facts.set(f.key, { ...f, value: null, note: `${f.note ?? f.key}; the script also states ${String(cur.value)}` });
    else facts.set(f.key, f);
  }
  // A dict with train_batch_size and no gradient_accumulation_steps: DeepSpeed derives the accumulation as
  // train_batch_size / (micro-batch × processes), unknown until the processes are.
  const dsKeys = dsInit?.overlay?.facts ?? [];
  if (dsInit?.overlay && dsKeys.some((k) => k.key === 'global_batch') && !dsKeys.some((k) => k.key === 'grad_accum')) {
    const cur = facts.get('grad_accum');
    if (!cur || cur.origin === 'framework-default')
      facts.set('grad_accum', {
        key: 'grad_accum',
        value: null,
        origin: 'framework-default',
        note: 'DeepSpeed derives the accumulation from train_batch_size / (micro-batch × processes)',
      });
  }
  // A DeepSpeed engine whose config is not read here: its config, not PyTorch's defaults, sets the precision and
  // the accumulation (a launcher's or the script's JSON fills them in the linker).
  if (dsInit && !dsInit.overlay)
    for (const key of ['precision', 'grad_accum'] as const) {
      const cur = facts.get(key);
      if (!cur || cur.origin === 'framework-default' || cur.origin === 'assumed')
        facts.set(key, {
          key,
          value: null,
          origin: 'framework-default',
          note: 'deepspeed.initialize: the DeepSpeed config sets it (not read here)',
        });
    }
  // No accumulation default where the code accumulates in a way the loop reader did not read.
  if (!ACCUMULATION.test(withoutComments(text)))
    addDefaults(facts, [frameworkDefault('grad_accum', 1, 'one optimizer step per batch')]);
  const entry = accelerator ?? loop.backward;
  const plan: RunPlan = {
    framework: accelerator ? 'accelerate' : 'pytorch',
    entry: { file, span: spanOf(entry.node), label: accelerator ? 'Accelerator' : 'training loop' },
    files: [file],
    facts,
    edit,
    // The entry first: findings about unwritten settings anchor there.
    relevantSpans: [
      { file, span: spanOf(entry.node), key: 'precision' as FactKey },
      ...[...facts.values()].filter((f) => f.file === file && f.span).map((f) => ({ file, span: f.span!, key: f.key })),
    ],
  };
  return [
    {
      plan,
      kind: accelerator ? 'accelerate' : 'torch',
      schema: accelerator ? ACCELERATE_SCHEMA : undefined,
      envPrecision: accelerator ? 'if-unset' : 'never',
      openEnded: false,
      refs,
      // An autocast dtype the GPU's bf16 support picks (./gpu-dtype.ts): resolved once the hardware is known.
      adjust: resolveGpuPrecision,
    },
  ];
}
