// JAX / Flax training scripts: an optax optimizer (`optax.adamw(...)`, `optax.MultiSteps(..., every_k_schedule=N)`),
// the update step (./jax-loop) and its loops, Orbax `CheckpointManager` (save_interval_steps) and
// Flax module dtypes (`nn.Dense(..., dtype=jnp.bfloat16, param_dtype=...)`, Flax HF `from_pretrained(dtype=)`, jmp
// policies). Conservative on precision: only a dtype written at a module's construction decides it. An explicit
// float32 is judged only once the hardware is known, and even then XLA's default matmul precision computes float32
// dot products as TF32 on Ampere and newer GPUs and with bfloat16 passes on TPUs (JAX "Matmul precision" docs), so
// it is fp32 only on older tensor-core GPUs or under `jax_default_matmul_precision="highest"`.
import type { SyntaxNode, Tree } from '../parse/python';
import { callsWithKeyword, findCalls, spanOf, type CallSite, type KwArg } from '../parse/python-syntax';
import type { Fact, FactKey, OffsetEdit, RunPlan } from '../types';
import { findJaxLoop } from './jax-loop';
import { loopDrawnBatch } from './loop-batch';
import { COMMON_CALLS, dtypeOf, fileWideFacts } from './python-common';
import { codeText } from './python-code-text';
import { loopFacts } from './python-loop';
import { dataLoaderFacts, importsModule, importsOf, qualified } from './python-scan';
import { ValueResolver } from './python-values';
import { frameworkDefault, type RunDraft } from './run-draft';
import { nodesOfType } from '../parse/nodes-of-type';

const OPTIMIZER_NAMES = [
  'adamw',
  'adam',
  'adamax',
  'adafactor',
  'adagrad',
  'adabelief',
  'lamb',
  'lars',
  'lion',
  'sgd',
  'rmsprop',
  'radam',
  'nadam',
  'novograd',
  'yogi',
  'sm3',
];
const OPTIMIZERS = new RegExp(`^(${OPTIMIZER_NAMES.join('|')})$`);

/** Cheap test on the text before the tree is read. */
const mayBeJax = (text: string) => /\boptax\b/.test(text) && /\b(jax|flax)\b/.test(text);

/** `jax.config.update("jax_default_matmul_precision", …)` → the precision float32 matmuls really run in. */
function matmulPrecision(calls: CallSite[]): { value: 'fp32' | 'tf32' | 'bf16'; call: CallSite } | undefined {
  for (const c of calls) {
    if (!c.callee.endsWith('config.update') || !/jax_default_matmul_precision/.test(c.positional[0]?.text ?? ''))
      continue;
    const v = (c.positional[1]?.text ?? '').replace(/["']/g, '').toLowerCase();
    if (/^(highest|float32|f32_f32_f32)$/.test(v)) return { value: 'fp32', call: c };
    if (/^(high|tensorfloat32|tf32_tf32_f32)$/.test(v)) return { value: 'tf32', call: c };
    if (/^(bfloat16|default|fastest|bf16_bf16_f32)$/.test(v)) return { value: 'bf16', call: c };
  }
  return undefined;
}

/** Calls that construct a Flax module: `nn.Dense`, `nnx.Linear`, a Module subclass of this file, Flax HF `from_pretrained`. */
function moduleCalls(root: SyntaxNode, text: string, imports: Map<string, string>): CallSite[] {
  const own = new Set<string>();
  for (const cls of nodesOfType(root, 'class_definition')) {
    const sup = cls?.childForFieldName('superclasses')?.text ?? '';
    const name = cls?.childForFieldName('name')?.text;
    if (name && /\bModule\b/.test(sup)) own.add(name);
  }
  return callsWithKeyword(root, text, ['dtype', 'param_dtype']).filter((c) => {
    const q = qualified(c.callee, imports);
    return (
      (/^flax\./.test(q) && /^[A-Z]/.test(c.name)) ||
      own.has(c.callee) ||
      (c.name === 'from_pretrained' && /^Flax/.test(c.callee))
    );
  });
}

export function extractJax(file: string, text: string, tree: Tree): RunDraft[] {
  if (!mayBeJax(text)) return [];
  const root = tree.rootNode;
  const imports = importsOf(root);
  if (!importsModule(imports, /^optax\b/) || !importsModule(imports, /^(jax|flax)\b/)) return [];
  const loop = findJaxLoop(root, text);
  const calls = findCalls(root, text, [
    'jit',
    'pmap',
    'pjit',
    'MultiSteps',
    'CheckpointManager',
    'CheckpointManagerOptions',
    'update',
    'get_policy',
    'Policy',
    'batch',
    'DataLoader',
    ...COMMON_CALLS,
  ]);
  if (!loop) return [];
  const optimizer = findCalls(root, text, OPTIMIZER_NAMES).find(
    (c) => /^optax\./.test(qualified(c.callee, imports)) && OPTIMIZERS.test(c.name),
  );
  // `optax.inject_hyperparams(optax.adamw)(…)`: named, not called.
  const named = optimizer ? undefined : new RegExp(`\\boptax\\.(${OPTIMIZER_NAMES.join('|')})\\b`).exec(text);
  const values = new ValueResolver(root, calls);
  const common = fileWideFacts(file, text, root, calls, values);
  // Flax HF models take `dtype=` as the computation dtype (weights stay float32): read below as a module dtype.
  common.delete('model_dtype');
  const facts = new Map<FactKey, Fact>(common);
  const put = (f: Fact) => facts.set(f.key, f);
  const at = (n: SyntaxNode) => ({ origin: 'explicit' as const, file, span: spanOf(n) });
  if (optimizer)
    put({ ...at(optimizer.node), key: 'optimizer', value: optimizer.name, note: `${optimizer.callee}(…)` });
  else if (named)
    put({
      key: 'optimizer',
      value: named[1],
      origin: 'explicit',
      file,
      span: { start: named.index, end: named.index + named[0].length },
      note: named[0],
    });
  const multi = calls.find((c) => c.name === 'MultiSteps');
  const k = multi?.kwargs.get('every_k_schedule')?.value ?? multi?.positional[1];
  if (multi && k)
    put({
      ...at(k),
      key: 'grad_accum',
      value: typeof values.resolve(k).value === 'number' ? (values.resolve(k).value as number) : null,
      note: `optax.MultiSteps(every_k_schedule=${k.text})`,
    });
  else put(frameworkDefault('grad_accum', 1, 'no optax.MultiSteps: one update per batch'));
  // `jax.jit`/`pmap` is how JAX runs at all, not the opt-in graph compilation `compile` stands for (torch.compile):
  // nothing to claim.
  const platform = calls.find(
    (c) =>
      c.callee.endsWith('config.update') &&
      /jax_platforms?(_name)?/.test(c.positional[0]?.text ?? '') &&
      /cpu/.test(c.positional[1]?.text ?? ''),
  );
  if (platform || /JAX_PLATFORMS["']?\]?\s*=\s*["']cpu["']/.test(text))
    put({
      key: 'hardware',
      value: 'cpu',
      origin: 'explicit',
      file,
      span: platform ? spanOf(platform.node) : undefined,
      note: 'JAX platform set to cpu',
    });
  // Batch size: the training DataLoader, tf.data `.batch(n)`, or a BATCH_SIZE / batch_size module constant.
  const loader = dataLoaderFacts(file, calls, values);
  for (const f of loader.facts) put(f);
  if (!facts.has('micro_batch')) {
    const batch = calls.find(
      (c) => c.callee.endsWith('.batch') && typeof values.resolve(c.positional[0]).value === 'number',
    );
    const constant = values.constant('batch_size') ?? values.constant('BATCH_SIZE');
    // No loader: the batches the loop draws itself (./loop-batch), `for batch in get_batches(x, y, 128)`.
    const drawn = batch ? undefined : loopDrawnBatch(file, loop, values);
    // Drawn through the module's batch constant (`batches(BATCH_SIZE)`): the fact sits where the value is written.
    const viaConstant = typeof constant?.value === 'number' && drawn?.value === constant.value;
    if (drawn && !viaConstant) put(drawn);
    else if (batch)
      put({
        ...at(batch.node),
        key: 'micro_batch',
        value: values.resolve(batch.positional[0]).value!,
        note: `tf.data ${batch.callee}(${batch.positional[0].text})`,
      });
    else if (typeof constant?.value === 'number')
      put({ ...at(constant.node), key: 'micro_batch', value: constant.value, note: 'batch size constant' });
  }
  for (const f of loopFacts(file, root, text, loop, values)) if (!facts.has(f.key) || f.key === 'periodic_save') put(f);
  // Orbax: CheckpointManager saves every save_interval_steps calls of .save() (default 1).
  const opts = calls.find((c) => c.name === 'CheckpointManagerOptions');
  const interval = opts?.kwargs.get('save_interval_steps');
  if (interval && facts.get('periodic_save')?.value === 'steps' && !facts.has('save_steps')) {
    const r = values.resolve(interval.value);
    put({
      ...at(interval.node),
      key: 'save_steps',
      value: typeof r.value === 'number' ? r.value : null,
      note: `CheckpointManagerOptions(${interval.node.text})`,
    });
  }
  const fp32Kwargs = precisionFacts(file, root, text, imports, calls, put);
  const matmul = matmulPrecision(calls);
  const plan: RunPlan = {
    framework: 'jax',
    entry: { file, span: spanOf((optimizer ?? loop.backward).node), label: (optimizer ?? loop.backward).callee },
    files: [file],
    facts,
    edit: (changes) => {
      // Only bf16 is offered: Flax float16 training needs loss scaling, which is not a one-token change.
      if (Object.keys(changes).length !== 1 || changes.precision !== 'bf16' || fp32Kwargs.length === 0)
        return undefined;
      return fp32Kwargs.map((kw): OffsetEdit => ({
        file,
        start: kw.value.startIndex,
        end: kw.value.endIndex,
        newText: kw.value.text.replace(/float32|fp32/, (m) => (m === 'fp32' ? 'bf16' : 'bfloat16')),
      }));
    },
    relevantSpans: [...facts.values()]
      .filter((f) => f.file === file && f.span)
      .map((f) => ({ file, span: f.span!, key: f.key })),
  };
  const adjust: RunDraft['adjust'] = (p, bf16Capable) => {
    const cur = p.facts.get('precision');
    if (cur?.value !== 'fp32' || (cur.origin !== 'explicit' && cur.form !== 'xla-float32')) return;
    const hw = String(p.facts.get('hardware')?.value ?? '');
    // float32 as the code states it; what the matmuls run as waits for the hardware (form `xla-float32`).
    if (bf16Capable === undefined)
      p.facts.set('precision', {
        ...cur,
        form: 'xla-float32',
        note: `${cur.note} — judged once the hardware is known (XLA computes float32 matmuls as TF32 on Ampere+ GPUs and with bf16 passes on TPUs)`,
      });
    else if (matmul?.value === 'fp32')
      p.facts.set('precision', { ...cur, note: `${cur.note}, and ${matmul.call.node.text}: true float32 matmuls` });
    else if (/tpu/i.test(hw))
      p.facts.set('precision', {
        ...cur,
        value: null,
        note: `${cur.note} — on TPU, XLA's default matmul precision already uses bf16 passes`,
      });
    else if (bf16Capable)
      p.facts.set('precision', {
        ...cur,
        value: 'tf32',
        note: `${cur.note} — XLA's default matmul precision computes float32 dot products as TF32 on this GPU`,
      });
  };
  return [{ plan, kind: 'jax', envPrecision: 'never', openEnded: false, refs: [], adjust }];
}

/** A reduced-precision dtype or policy anywhere in the code: the inputs or a module may compute in it. */
const HALF_WORD = /bfloat16|float16|\bbf16\b|\bfp16\b|\bhalf\b|\bjmp\b|mixed_precision|\bfloat8/i;

/**
 * JAX's float32 default for a file whose code names no reduced-precision dtype or policy: JAX arrays and Flax
 * parameters are float32 unless a dtype says otherwise (JAX default dtypes:
 * https://docs.jax.dev/en/latest/default_dtypes.html; flax.linen `param_dtype=jnp.float32`:
 * https://flax.readthedocs.io/en/latest/api_reference/flax.linen/layers.html). Also read by ./python-trains-run for a
 * JAX training script no JAX reader takes.
 */
export function jaxFloat32(text: string): Fact | undefined {
  if (HALF_WORD.test(codeText(text))) return undefined;
  return {
    key: 'precision',
    value: 'fp32',
    origin: 'framework-default',
    form: 'xla-float32',
    note: 'no dtype written at a Flax module and no reduced-precision dtype in the script: JAX computes in float32',
  };
}

/** Precision and weight dtype from module dtypes and jmp policies; returns the float32 dtype arguments (for the fix). */
function precisionFacts(
  file: string,
  root: SyntaxNode,
  text: string,
  imports: Map<string, string>,
  calls: CallSite[],
  put: (f: Fact) => void,
): KwArg[] {
  const mods = moduleCalls(root, text, imports);
  const dt = mods.flatMap((c) =>
    c.kwargs.get('dtype')
      ? [{ call: c, kw: c.kwargs.get('dtype')!, d: dtypeOf(c.kwargs.get('dtype')!.value.text) }]
      : [],
  );
  const pd = mods.flatMap((c) =>
    c.kwargs.get('param_dtype')
      ? [{ call: c, kw: c.kwargs.get('param_dtype')!, d: dtypeOf(c.kwargs.get('param_dtype')!.value.text) }]
      : [],
  );
  const policy = calls.find(
    (c) => (c.name === 'get_policy' || c.name === 'Policy') && /^jmp\b/.test(qualified(c.callee, imports)),
  );
  const half = dt.find((x) => x.d === 'bf16') ?? dt.find((x) => x.d === 'fp16');
  const float32 = jaxFloat32(text);
  const base = (n: SyntaxNode) => ({ origin: 'explicit' as const, file, span: spanOf(n) });
  if (policy && /compute[_a-z]*\s*=\s*[\w.]*(bfloat16|bf16|float16|half)/.test(policy.argList.text)) {
    const v = /bfloat16|bf16/.test(policy.argList.text.split(/compute/)[1] ?? '') ? 'bf16' : 'fp16';
    put({ ...base(policy.node), key: 'precision', value: v, note: `jmp policy ${policy.argList.text}` });
  } else if (half) {
    put({
      ...base(half.kw.node),
      key: 'precision',
      value: half.d!,
      note: `${half.call.callee}(${half.kw.node.text}): computes in ${half.d}`,
    });
  } else if (dt.length > 0 && dt.every((x) => x.d === 'fp32')) {
    put({
      ...base(dt[0].kw.node),
      key: 'precision',
      value: 'fp32',
      note: `${dt[0].call.callee}(${dt[0].kw.node.text})`,
    });
    const halfParams = pd.find((x) => x.d === 'bf16' || x.d === 'fp16');
    if (halfParams)
      put({
        ...base(halfParams.kw.node),
        key: 'model_dtype',
        value: halfParams.d!,
        note: `${halfParams.kw.node.text}`,
      });
    return dt.map((x) => x.kw);
  } else if (float32) {
    put(float32);
  } else {
    put({
      key: 'precision',
      value: null,
      origin: 'framework-default',
      note: "no dtype written at a Flax module: it computes in its inputs' and parameters' dtype (float32 unless set) — not judged",
    });
  }
  const halfParams = pd.find((x) => x.d === 'bf16' || x.d === 'fp16');
  if (halfParams)
    put({
      ...base(halfParams.kw.node),
      key: 'model_dtype',
      value: halfParams.d!,
      note: `${halfParams.call.callee}(${halfParams.kw.node.text}): ${halfParams.d} parameters`,
    });
  return [];
}
