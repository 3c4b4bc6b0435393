// Keras / tf.keras: `mixed_precision.set_global_policy("mixed_bfloat16")` and `model.fit(batch_size=, epochs=,
// callbacks=[ModelCheckpoint(...), BackupAndRestore(...), EarlyStopping(...)])`. Defaults from the Keras API
// reference (keras.io/api/models/model_training_apis, 2024): dtype policy float32, batch_size 32 (arrays), epochs 1, no checkpointing unless a callback is passed.
import type { SyntaxNode, Tree } from '../parse/python';
import { findCalls, spanOf, type CallSite } from '../parse/python-syntax';
import type { Fact, FactKey, RunPlan } from '../types';
import { epochSaveFact } from './fields';
import { COMMON_CALLS, fileWideFacts } from './python-common';
import { argFact } from './python-scan';
import { kerasEarlyStopping } from './keras-stopping';
import { ValueResolver } from './python-values';
import { nodesOfType } from '../parse/nodes-of-type';
import { enclosingDef, paramOf } from './python-params';
import { unusedFunction } from './python-branch';
import { addDefaults, frameworkDefault, type RunDraft } from './run-draft';
import { trainingBatchCall } from './tfdata-pipeline';

const KERAS_COMPILE = /\.compile\s*\((?:[^()]|\([^()]*\))*\bloss\s*=/;
const POLICY_CALLS = ['set_global_policy', 'set_policy', 'set_dtype_policy', 'Policy', 'set_floatx'];

function policyPrecision(v: string): string | undefined {
  if (/bfloat16/.test(v)) return 'bf16';
  if (/float16/.test(v)) return 'fp16';
  if (/float32/.test(v)) return 'fp32';
  return undefined;
}

/** Keras dataset utilities that batch what they return (`batch_size=32` unless given). */
const DATASET_FACTORY = /^(image|text|audio)_dataset_from_directory$|^timeseries_dataset_from_array$/;

/**
 * `fit(train_ds)` where `train_ds` (possibly through `train_ds = train_ds.prefetch(…)` and tuple unpacking) comes
 * from `image_dataset_from_directory(…, batch_size=n)`: n is the per-step batch. Undefined when the dataset's
 * origin is not that plain (then the `.batch(n)` / fit default logic applies).
 */
function datasetBatch(
  root: SyntaxNode,
  text: string,
  fit: CallSite,
  values: ValueResolver,
  file: string,
): Fact | undefined {
  const x = fit.positional[0] ?? fit.kwargs.get('x')?.value;
  if (x?.type !== 'identifier') return undefined;
  const factories = findCalls(root, text, [
    'image_dataset_from_directory',
    'text_dataset_from_directory',
    'audio_dataset_from_directory',
    'timeseries_dataset_from_array',
  ]).filter((c) => DATASET_FACTORY.test(c.name));
  for (const c of factories) {
    const a = c.node.parent?.type === 'assignment' ? c.node.parent.childForFieldName('left') : undefined;
    const names = a
      ? a.type === 'identifier'
        ? [a.text]
        : a.namedChildren.filter((n) => n?.type === 'identifier').map((n) => n!.text)
      : [];
    if (!names.includes(x.text) || c.node.startIndex > fit.node.startIndex) continue;
    // Rebinding the name to anything but `x = x.prefetch/cache/shuffle/map/repeat(…)` (e.g. `.unbatch()`, `.batch()`) is not followed.
    const rebinds = root
      .descendantsOfType('assignment')
      .filter(
        (as) =>
          as?.childForFieldName('left')?.text === x.text &&
          as.startIndex > c.node.startIndex &&
          as.startIndex < fit.node.startIndex,
      );
    if (
      rebinds.some(
        (as) =>
          !new RegExp(`^${x.text}(\\.(prefetch|cache|shuffle|map|repeat|with_options)\\((.|\\n)*?\\))+$`).test(
            as!.childForFieldName('right')?.text ?? '',
          ),
      )
    )
      return undefined;
    const bs = c.kwargs.get('batch_size');
    if (!bs)
      return {
        key: 'micro_batch',
        value: 32,
        origin: 'framework-default',
        file,
        span: spanOf(c.node),
        note: `${c.name}() batch_size defaults to 32; fit() takes the dataset's batches`,
      };
    const r = values.resolve(bs.value);
    if (r.value === null) return undefined;
    return {
      key: 'micro_batch',
      value: typeof r.value === 'number' ? r.value : null,
      origin: r.scriptDefault ? 'script-default' : 'explicit',
      file,
      span: spanOf(bs.node),
      note: `${c.name}(batch_size=${bs.value.text})${r.via ? ` (${r.via})` : ''}: fit() takes the dataset's batches`,
    };
  }
  return undefined;
}

/**
 * `fit(gen)` / `fit(gen.forfit())` where `gen = make_batches(data, batch_size)`: the number the maker is given under a
 * batch-size name, `inferred` (its meaning is our reading of the name). Undefined when no such argument resolves.
 */
function generatorBatch(fit: CallSite, values: ValueResolver, file: string): Fact | undefined {
  let x: SyntaxNode | null | undefined =
    fit.positional[0] ?? fit.kwargs.get('x')?.value ?? fit.kwargs.get('generator')?.value;
  while (x?.type === 'call' || x?.type === 'attribute')
    x = x.type === 'call' ? x.childForFieldName('function') : x.childForFieldName('object');
  if (x?.type !== 'identifier') return undefined;
  const made = values.localAssignments(x);
  const rhs = made.length ? made : [values.moduleBinding(x.text)].filter((n): n is SyntaxNode => !!n);
  if (rhs.length !== 1 || rhs[0].type !== 'call') return undefined;
  const args = rhs[0].childForFieldName('arguments')?.namedChildren ?? [];
  for (const a of args) {
    const kw = a?.type === 'keyword_argument' ? a.childForFieldName('name')?.text : undefined;
    const v = a?.type === 'keyword_argument' ? a.childForFieldName('value') : a;
    if (!v || !/batch_?size/i.test(kw ?? v.text) || (kw && !/batch_?size/i.test(kw))) continue;
    const r = values.resolve(v);
    if (typeof r.value !== 'number') continue;
    return {
      key: 'micro_batch',
      value: r.value,
      origin: 'inferred',
      file,
      span: spanOf(v),
      note: `${rhs[0].childForFieldName('function')?.text}(…, ${a?.text ?? v.text}) makes the batches fit() takes${r.via ? ` (${r.via})` : ''}`,
    };
  }
  return undefined;
}

/** What a name is bound to: its one assignment in its function, else its one assignment outside any function. */
function soleBinding(id: SyntaxNode, values: ValueResolver): SyntaxNode | undefined {
  const made = values.localAssignments(id);
  if (made.length) return made.length === 1 ? made[0] : undefined;
  const fn = enclosingDef(id);
  if (fn && paramOf(fn, id.text)) return undefined;
  const top = nodesOfType(id.tree.rootNode, 'assignment').filter(
    (a) => a.childForFieldName('left')?.text === id.text && !enclosingDef(a),
  );
  return top.length === 1 ? (top[0].childForFieldName('right') ?? undefined) : undefined;
}

/** Positions of `batch_size` in ImageDataGenerator's flow methods (tf.keras.preprocessing.image, TF 2.x API docs). */
const FLOW_BATCH_AT: Record<string, number | undefined> = {
  flow: 2,
  flow_from_directory: 5,
  flow_from_dataframe: undefined,
};

/**
 * `fit_generator(datagen.flow(x, y, batch_size=n))` (or a name bound once to that call) with `datagen` an
 * `ImageDataGenerator(…)`: the flow's batch, 32 when it names none (the documented default of `flow` and
 * `flow_from_directory`). Undefined for any other generator.
 */
function flowBatch(fit: CallSite, values: ValueResolver, file: string): Fact | undefined {
  let x: SyntaxNode | null | undefined =
    fit.positional[0] ?? fit.kwargs.get('x')?.value ?? fit.kwargs.get('generator')?.value;
  if (x?.type === 'identifier') x = soleBinding(x, values);
  const fn = x?.type === 'call' ? x.childForFieldName('function') : undefined;
  const method = fn?.type === 'attribute' ? (fn.childForFieldName('attribute')?.text ?? '') : '';
  if (!x || !fn || !(method in FLOW_BATCH_AT)) return undefined;
  let recv: SyntaxNode | null | undefined = fn.childForFieldName('object');
  if (recv?.type === 'identifier') recv = soleBinding(recv, values);
  if (recv?.type !== 'call' || !/(^|\.)ImageDataGenerator$/.test(recv.childForFieldName('function')?.text ?? ''))
    return undefined;
  const args = (x.childForFieldName('arguments')?.namedChildren ?? []).filter(
    (a): a is SyntaxNode => !!a && a.type !== 'comment',
  );
  if (args.some((a) => a.type === 'list_splat' || a.type === 'dictionary_splat')) return undefined;
  const at = FLOW_BATCH_AT[method];
  const kw = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'batch_size');
  const positional = args.filter((a) => a.type !== 'keyword_argument');
  const v = kw?.childForFieldName('value') ?? (at !== undefined ? positional[at] : undefined);
  if (!v) {
    if (at === undefined) return undefined;
    return { ...frameworkDefault('micro_batch', 32, `${fn.text}() batch_size defaults to 32`), file, span: spanOf(x) };
  }
  const r = values.resolve(v);
  if (typeof r.value !== 'number') return undefined;
  return {
    key: 'micro_batch',
    value: r.value,
    origin: r.scriptDefault ? 'script-default' : 'explicit',
    file,
    span: spanOf(v),
    note: `${fn.text}(…, batch_size=${v.text}) makes the batches fit() takes${r.via ? ` (${r.via})` : ''}`,
  };
}

export function extractKeras(file: string, text: string, tree: Tree): RunDraft[] {
  // `fit_generator` is the Keras 1/2 spelling (removed in TF 2.6) that older scripts and notebooks still use.
  // A model built in an imported module (`from keras_model import model`) is still a Keras run where the file compiles
  // it with a loss: `Model.compile(optimizer=…, loss=…)` is the Keras API (keras.io/api/models/model_training_apis);
  // `torch.compile` takes no loss.
  if (!/\.fit(?:_generator)?\s*\(/.test(text) || !(/\b(keras|tensorflow)\b/.test(text) || KERAS_COMPILE.test(text)))
    return [];
  const root = tree.rootNode;
  const calls = findCalls(root, text, [
    'fit',
    'fit_generator',
    'compile',
    'ModelCheckpoint',
    'BackupAndRestore',
    'EarlyStopping',
    'batch',
    // argparse options: `epochs=args.epochs` reads the option's default.
    'add_argument',
    ...POLICY_CALLS,
    ...COMMON_CALLS,
  ]);
  // The fit the script runs: one in a module-level function that running the file never calls (`def alexnet_train():
  // … fit(…)` beside `# alexnet_train()` commented out and `vgg19_train()` called) trains nothing, as Python executes a
  // function body only when it is called (https://docs.python.org/3/reference/compound_stmts.html#function-definitions:
  // "The function definition does not execute the function body"). Such fits are passed over while another fit runs.
  const allFits = calls.filter((c) => /\.fit(_generator)?$/.test(c.callee));
  const liveFits = allFits.filter((c) => !unusedFunction(c.node, root));
  const pool = liveFits.length ? liveFits : allFits;
  const fit = pool.find((c) => c.kwargs.has('epochs') || c.kwargs.has('nb_epoch')) ?? pool[0];
  if (!fit || !calls.some((c) => c.callee.endsWith('.compile'))) return [];
  const values = new ValueResolver(root, calls);
  const facts = new Map<FactKey, Fact>(fileWideFacts(file, text, root, calls, values));
  // Precision: the global dtype policy.
  const policy =
    calls.find((c) => POLICY_CALLS.includes(c.name) && c.name !== 'Policy') ?? calls.find((c) => c.name === 'Policy');
  let policyCall: CallSite | undefined;
  if (policy) {
    const arg = policy.positional[0] ?? policy.kwargs.get('name')?.value;
    const r = values.resolve(arg);
    const p = typeof r.value === 'string' ? policyPrecision(r.value) : undefined;
    facts.set('precision', {
      key: 'precision',
      value: p ?? null,
      origin: 'explicit',
      file,
      span: spanOf(policy.node),
      note: `${policy.callee}(${arg?.text ?? ''})${p ? '' : ' (value unknown)'}`,
    });
    if (arg && typeof r.value === 'string' && r.node === arg) policyCall = policy;
  }
  // fit(batch_size=, epochs=, callbacks=)
  const bs = fit.kwargs.get('batch_size');
  if (bs) facts.set('micro_batch', argFact('micro_batch', file, bs, values));
  else if (datasetBatch(root, text, fit, values, file))
    facts.set('micro_batch', datasetBatch(root, text, fit, values, file)!);
  else {
    // The pipeline fit() trains on, not one batched for `validation_data` or evaluation (./tfdata-pipeline).
    const batch = trainingBatchCall(
      root,
      text,
      calls.filter((c) => c.callee.endsWith('.batch') && c.positional[0]),
    );
    const r = batch ? values.resolve(batch.positional[0]) : undefined;
    if (batch && typeof r?.value === 'number')
      facts.set('micro_batch', {
        key: 'micro_batch',
        value: r.value,
        origin: 'explicit',
        file,
        span: spanOf(batch.node),
        note: `tf.data ${batch.callee}(${batch.positional[0].text})`,
      });
    else if (!batch) {
      // The default of 32 batches arrays (x with y); a generator or dataset brings its own batches (Keras
      // Model.fit docs, 2024: "do not specify the batch_size if your data is … generators"): read from its maker.
      const y = fit.positional[1] ?? fit.kwargs.get('y')?.value;
      const gen = y
        ? undefined
        : (flowBatch(fit, values, file) ??
          (fit.name === 'fit_generator' ? undefined : generatorBatch(fit, values, file)));
      if (gen) facts.set('micro_batch', gen);
      else if (y) facts.set('micro_batch', frameworkDefault('micro_batch', 32, 'fit() batch_size defaults to 32'));
    }
  }
  // Under a tf.distribute strategy the batch fed to fit() is global, split over the replicas (TensorFlow distributed
  // training guide, 2024): it is the run's global batch, and the per-replica batch depends on how many there are.
  const mb = facts.get('micro_batch');
  const distributed = /\b(Mirrored|MultiWorkerMirrored|TPU|CentralStorage)Strategy\s*\(/.test(text);
  if (distributed && typeof mb?.value === 'number') {
    facts.set('global_batch', { ...mb, key: 'global_batch', note: `${mb.note ?? ''} — global under tf.distribute` });
    facts.set('micro_batch', {
      ...mb,
      value: null,
      note: `${mb.note ?? ''}: under tf.distribute each replica gets ${mb.value} ÷ replicas`,
    });
  } else if (distributed && !mb)
    // A batch made where this file does not show it (a `keras.utils.Sequence` of the project): whatever its size,
    // each replica gets a share of it — a `--batch_size` the launcher passes is no per-device batch.
    facts.set('micro_batch', {
      key: 'micro_batch',
      value: null,
      origin: 'explicit',
      file,
      span: spanOf(fit.node),
      note: `${fit.callee}(…) takes batches made elsewhere: under tf.distribute each replica gets a share of each`,
    });
  // Keras 2 `fit(workers=n)` / `fit_generator(workers=n)`: processes or threads feeding the generator.
  const workers = fit.kwargs.get('workers');
  if (workers) facts.set('num_workers', argFact('num_workers', file, workers, values));
  // `nb_epoch=` is Keras 1's name, still taken by Keras 2 as `epochs` ("The `nb_epoch` argument in `fit` has been
  // renamed `epochs`": https://github.com/keras-team/keras/blob/2.2.4/keras/engine/training.py, fit's legacy support).
  const ep = fit.kwargs.get('epochs') ?? fit.kwargs.get('nb_epoch');
  facts.set(
    'epochs',
    ep ? argFact('epochs', file, ep, values) : frameworkDefault('epochs', 1, 'fit() epochs defaults to 1'),
  );
  const saver = calls.find((c) => c.name === 'BackupAndRestore') ?? calls.find((c) => c.name === 'ModelCheckpoint');
  if (saver) {
    const freq = saver.kwargs.get('save_freq');
    const r = freq ? values.resolve(freq.value) : undefined;
    const base = { origin: 'explicit' as const, file, span: spanOf(saver.node) };
    if (typeof r?.value === 'number') {
      facts.set('periodic_save', {
        ...base,
        key: 'periodic_save',
        value: 'steps',
        note: `${saver.name}(save_freq=${r.value}): every ${r.value} batches`,
      });
      facts.set('save_steps', {
        ...base,
        key: 'save_steps',
        value: r.value,
        span: spanOf(freq!.node),
        note: `save_freq=${r.value}`,
      });
    } else if (freq && r?.value === undefined)
      facts.set('periodic_save', {
        ...base,
        key: 'periodic_save',
        value: null,
        note: `${saver.name}(save_freq=${freq.value.text}) (value unknown)`,
      });
    else
      facts.set(
        'periodic_save',
        epochSaveFact(facts.get('epochs'), base, `${saver.name} saves at the end of each epoch (save_freq="epoch")`),
      );
  } else {
    facts.set(
      'periodic_save',
      frameworkDefault(
        'periodic_save',
        'no',
        'fit() saves nothing unless a ModelCheckpoint or BackupAndRestore callback is passed',
      ),
    );
  }
  // ModelCheckpoint(save_weights_only=True) writes `model.save_weights`: no optimizer state or epoch, so training
  // cannot resume from it; a full save (`model.save`, the default) keeps the optimizer, BackupAndRestore the whole
  // training state (Keras API reference, "ModelCheckpoint", "BackupAndRestore"). Judged when every checkpoint callback
  // keeps the weights alone; reported on each one that is not a best-model export (save_best_only=True).
  const ckpts = calls.filter((c) => c.name === 'ModelCheckpoint');
  const kw = (c: CallSite, k: string) => {
    const a = c.kwargs.get(k);
    return a ? values.resolve(a.value).value : undefined;
  };
  if (
    ckpts.length > 0 &&
    !calls.some((c) => c.name === 'BackupAndRestore') &&
    ckpts.every((c) => kw(c, 'save_weights_only') === true)
  ) {
    const regular = ckpts.filter((c) => kw(c, 'save_best_only') !== true);
    const spans = regular.flatMap((c) => {
      const a = c.kwargs.get('save_weights_only');
      return a ? [spanOf(a.node)] : [];
    });
    const note = 'ModelCheckpoint(save_weights_only=True) saves model.save_weights only';
    if (spans[0])
      facts.set('save_only_model', {
        key: 'save_only_model',
        value: true,
        origin: 'explicit',
        file,
        span: spans[0],
        note,
        name: 'save_weights_only',
        form: 'keras-weights-only',
        ...(spans.length > 1 ? { also: spans.slice(1).map((span) => ({ span, value: true, note })) } : {}),
      });
  }
  // compile(jit_compile=True): XLA compilation of the train step (a literal True / False only; "auto" is left alone).
  const jit = calls
    .find((c) => c.callee.endsWith('.compile') && c.kwargs.has('jit_compile'))
    ?.kwargs.get('jit_compile');
  const jv = jit ? values.resolve(jit.value).value : undefined;
  if (jit && typeof jv === 'boolean')
    facts.set('compile', {
      key: 'compile',
      value: jv,
      origin: 'explicit',
      file,
      span: spanOf(jit.node),
      note: `compile(jit_compile=${jit.value.text}): XLA-compiled train step`,
    });
  // Early stopping: a stopper that reaches the validating fit's callbacks (./keras-stopping.ts); a fit that does not
  // validate keeps the file-wide reading (an EarlyStopping built anywhere).
  // Only the fits the script runs (`pool`): a validating fit in a function never called is not one more site.
  const stopping = kerasEarlyStopping(file, root, text, pool, fit, values);
  const early = calls.find((c) => c.name === 'EarlyStopping');
  if (stopping) facts.set('early_stopping', stopping);
  else if (early)
    facts.set('early_stopping', {
      key: 'early_stopping',
      value: true,
      origin: 'explicit',
      file,
      span: spanOf(early.node),
      note: 'EarlyStopping callback',
    });
  addDefaults(facts, [
    frameworkDefault(
      'precision',
      'fp32',
      'the Keras dtype policy defaults to "float32": no mixed_precision.set_global_policy("mixed_bfloat16") in this file',
    ),
    frameworkDefault('grad_accum', 1, 'Keras fit() has no gradient accumulation'),
    frameworkDefault('early_stopping', false, 'no EarlyStopping callback'),
  ]);
  const pc = policyCall;
  const plan: RunPlan = {
    framework: 'keras',
    entry: { file, span: spanOf(fit.node), label: 'fit' },
    files: [file],
    facts,
    // A one-token fix exists only where a policy call with a string literal is already written.
    edit: (changes) => {
      const keys = Object.keys(changes);
      const target = changes.precision;
      if (!pc || keys.length !== 1 || (target !== 'bf16' && target !== 'fp16')) return undefined;
      const arg = pc.positional[0] ?? pc.kwargs.get('name')!.value;
      const q = arg.text.startsWith("'") ? "'" : '"';
      return [
        {
          file,
          start: arg.startIndex,
          end: arg.endIndex,
          newText: `${q}mixed_${target === 'bf16' ? 'bfloat16' : 'float16'}${q}`,
        },
      ];
    },
    relevantSpans: [
      { file, span: spanOf(fit.node), key: 'epochs' },
      ...[...facts.values()].filter((f) => f.file === file && f.span).map((f) => ({ file, span: f.span!, key: f.key })),
    ],
  };
  return [{ plan, kind: 'keras', envPrecision: 'never', openEnded: fit.hasSplat, refs: [] }];
}
