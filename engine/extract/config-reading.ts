// What a training script fixes about the config it reads (`cfg.TRAIN.END_EPOCH`, `hps.train.batch_size`,
// `opt['train']['checkpoint_save']`): the script's expressions are key paths into that config, so the config's
// values give them a value, and the code gives the config's keys a meaning — the apex/autocast switch a key turns
// on, the loop bound that is the epoch count, the DataLoader's batch and workers, the checkpoint saved in the loop.
// Read from the tree only; nothing is evaluated beyond literals and + - * // of them.
import type { SyntaxNode, Tree } from '../parse/python';
import { callsWithKeyword, findCalls, literal, spanOf } from '../parse/python-syntax';
import type { Fact, FactKey, FactValue } from '../types';
import { integerArithmetic } from './int-arith';
import { notEpochs } from './loop-bounds';
import { configBuiltTrainer } from './config-built-trainer';
import { ARG_CLASSES } from './hf-splat';
import { withDictKwargs } from './hf-kwargs-dict';

/** The value of a config key path (the root variable dropped), or undefined when the config does not say. */
export type PathLookup = (path: string[]) => { value: FactValue; where: string } | undefined;

/** Mixed-precision code: apex, native AMP, half models and loss-scaling optimizers. */
const AMP_CODE =
  /\bamp\.initialize\s*\(|\bnetwork_to_half\s*\(|\bFP16_Optimizer\s*\(|\.half\s*\(\s*\)|\bGradScaler\s*\(|\bautocast\s*\(|\bamp\.scale_loss\s*\(/;
/** The process count a global batch is divided by. */
const WORLD = /world_size|num_gpus|n_gpus|ngpus|num_processes|device_count|get_world_size|num_replicas|nprocs/i;
/** Imports of libraries that run the training loop with their own precision and accumulation settings. */
const LIBRARY_LOOP = /^\s*(?:from|import)\s+(?:composer|mmengine|mmcv|detectron2)\b/m;
/** Any word of mixed precision: a script without one trains in fp32 (PyTorch's default). */
const AMP_WORDS = /\b(amp|autocast|GradScaler|half|fp16|bf16|bfloat16|float16|precision|apex)\b/i;
// NumPy's `np.save(path, array)` writes results or features, not a checkpoint (./save-names mediaSave).
const SAVE_CALL =
  /\b(save_checkpoint|save_model|save_network|torch\.save|(?!(?:np|numpy|onp|jnp)\.save\b)\w+\.save)\s*\(/;
const TRAIN_CALL = /\w*(train|epoch|fit|optimi[sz]e)\w*\s*\(|\.backward\s*\(|\.step\s*\(/i;

/** Keywords whose value is a run setting wherever they are passed (see readingFacts). */
const SETTING_KEYWORDS: Record<string, FactKey | undefined> = {
  per_device_train_batch_size: 'micro_batch',
  batch_size: 'micro_batch',
  gradient_accumulation_steps: 'grad_accum',
  accumulate_grad_batches: 'grad_accum',
  num_train_epochs: 'epochs',
  max_epochs: 'epochs',
  epochs: 'epochs',
  // TrainingArguments' `save_steps`/`max_steps` and TRL's `max_seq_length`/`max_length` (SFTConfig, DPOConfig):
  // the checkpoint cadence, the step budget and the token length (HF TrainingArguments and TRL trainer docs).
  save_steps: 'save_steps',
  max_steps: 'max_steps',
  max_seq_length: 'seq_len',
  max_length: 'seq_len',
};
/** The Hugging Face and TRL calls that take the keywords above (`max_steps` in Lightning's Trainer too). */
const HF_CALLS = /^(\w*TrainingArguments|SFTConfig|DPOConfig|GRPOConfig|ORPOConfig|KTOConfig|RewardConfig|\w*Trainer)$/;
/** Keywords too common to read on any call: only on the calls named here. */
const BY_CALLEE: Record<string, RegExp | undefined> = {
  batch_size: /^(fit|\w*Data[Mm]odule)$/,
  epochs: /^fit$/,
  save_steps: HF_CALLS,
  max_steps: HF_CALLS,
  max_seq_length: HF_CALLS,
  max_length: /^(SFTConfig|DPOConfig|ORPOConfig|KTOConfig|RewardConfig|CPOConfig)$/, // TRL's token length
};

/** `cfg.A.B`, `opt['a']['b']`, `cfg.A.get('B')` → ['A', 'B'] (the root variable dropped); undefined otherwise. */
export function accessPath(n: SyntaxNode | null | undefined): string[] | undefined {
  if (!n) return undefined;
  if (n.type === 'identifier') return [];
  if (n.type === 'attribute') {
    const obj = accessPath(n.childForFieldName('object'));
    const attr = n.childForFieldName('attribute')?.text;
    return obj && attr ? [...obj, attr] : undefined;
  }
  if (n.type === 'subscript') {
    const obj = accessPath(n.childForFieldName('value'));
    const key = literal(n.childForFieldName('subscript'));
    return obj && typeof key === 'string' ? [...obj, key] : undefined;
  }
  if (n.type === 'call') {
    const fn = n.childForFieldName('function');
    const args = n.childForFieldName('arguments')?.namedChildren.filter((c) => c && c.type !== 'comment') ?? [];
    if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'get' && args[0]) {
      const obj = accessPath(fn.childForFieldName('object'));
      const key = literal(args[0]);
      return obj && typeof key === 'string' ? [...obj, key] : undefined;
    }
  }
  if (n.type === 'parenthesized_expression') return accessPath(n.namedChildren[0]);
  return undefined;
}

interface Value {
  value: FactValue;
  /** The config keys the value came from, for the note. */
  from: string[];
}

/**
 * A number or literal from config paths and literals with + - * //; a local name assigned once in the enclosing
 * function (`end_epoch = cfg.TRAIN.END_EPOCH + cfg.TRAIN.EXTRA_EPOCH`) is read through its assignment; undefined
 * when any part is unknown.
 */
function evaluate(n: SyntaxNode | null | undefined, lookup: PathLookup, depth = 0): Value | undefined {
  if (!n) return undefined;
  const lit = literal(n);
  if (lit !== undefined) return { value: lit, from: [] };
  if (n.type === 'identifier' && depth < 2) {
    const rhs = onlyAssignment(n);
    return rhs ? evaluate(rhs, lookup, depth + 1) : undefined;
  }
  const p = accessPath(n);
  if (p && p.length > 0) {
    const hit = lookup(p);
    return hit ? { value: hit.value, from: [hit.where] } : undefined;
  }
  if (n.type === 'parenthesized_expression') return evaluate(n.namedChildren[0], lookup);
  // `int(cfg["batch_size"])`, `float(cfg["epochs"])`: a config number through Python's cast keeps its value.
  const cast = n.type === 'call' && /^(int|float)$/.test(n.childForFieldName('function')?.text ?? '');
  const args = cast ? n.childForFieldName('arguments')?.namedChildren.filter((c) => c?.type !== 'comment') : [];
  if (cast && args?.length === 1) {
    const v = evaluate(args[0], lookup, depth);
    return v && typeof v.value === 'number' ? v : undefined;
  }
  if (n.type === 'binary_operator') {
    const a = evaluate(n.childForFieldName('left'), lookup, depth);
    const b = evaluate(n.childForFieldName('right'), lookup, depth);
    const op = n.childForFieldName('operator')?.text;
    if (!a || !b || typeof a.value !== 'number' || typeof b.value !== 'number') return undefined;
    const v = integerArithmetic(op, a.value, b.value);
    return v === undefined ? undefined : { value: v, from: [...a.from, ...b.from] };
  }
  return undefined;
}

/** Python truth of a condition on config keys (`cfg.FP16.ENABLED`, `lvl != "O0"`, `not x`); undefined when unknown. */
function truth(n: SyntaxNode | null | undefined, lookup: PathLookup): Value | undefined {
  if (!n) return undefined;
  if (n.type === 'not_operator') {
    const v = truth(n.childForFieldName('argument'), lookup);
    return v && { value: !v.value, from: v.from };
  }
  if (n.type === 'comparison_operator') {
    const [a, b] = n.namedChildren;
    const op = n.children.find((c) => c && ['==', '!='].includes(c.type))?.type;
    const x = evaluate(a, lookup);
    const y = evaluate(b, lookup);
    if (!x || !y || !op || n.namedChildren.length !== 2) return undefined;
    const eq = String(x.value).toLowerCase() === String(y.value).toLowerCase();
    return { value: op === '==' ? eq : !eq, from: [...x.from, ...y.from] };
  }
  const v = evaluate(n, lookup);
  if (!v || v.from.length === 0) return undefined;
  return { value: !(v.value === false || v.value === null || v.value === 0 || v.value === ''), from: v.from };
}

function* walk(n: SyntaxNode, type: string): Generator<SyntaxNode> {
  if (n.type === type) yield n;
  for (const c of n.namedChildren) if (c) yield* walk(c, type);
}

export interface ReadingFacts {
  facts: Fact[];
}

/**
 * Facts of the run a script makes of a config it reads: only what the code and the config together decide, each with
 * origin `inferred` and a note naming the keys and the script. Keys the script reads but the config does not state
 * stay unknown (never a guess).
 */
const NO_AMP_IN = 'no autocast, GradScaler, apex or .half() in';

/**
 * The fp32 that `readingFacts` reads from code that shows no mixed precision: an absence, weaker than what the
 * config's own framework documents (torchtitan's FSDP `mixed_precision_param` bfloat16 default, applied in library
 * code the script calls, not in the script).
 */
export const absentMixedPrecision = (f: Fact) =>
  f.key === 'precision' && f.value === 'fp32' && !!f.note?.startsWith(NO_AMP_IN);

export function readingFacts(script: string, text: string, tree: Tree, lookup: PathLookup): Fact[] {
  const root = tree.rootNode;
  const out = new Map<FactKey, Fact>();
  const put = (key: FactKey, value: FactValue, node: SyntaxNode, note: string) => {
    if (!out.has(key)) out.set(key, { key, value, origin: 'inferred', file: script, span: spanOf(node), note });
  };
  const keys = (v: Value) => v.from.join(', ');

  // Mixed precision: a switch on a config key around apex / AMP code, or `autocast(enabled=…)`.
  for (const ifs of walk(root, 'if_statement')) {
    const body = ifs.childForFieldName('consequence');
    if (!body || !AMP_CODE.test(body.text)) continue;
    const cond = ifs.childForFieldName('condition');
    const t = cond ? truth(cond, lookup) : undefined;
    if (!cond || !t) continue;
    const half = /bfloat16|bf16/.test(body.text) ? 'bf16' : 'fp16';
    put(
      'precision',
      t.value ? half : 'fp32',
      cond,
      `${t.value ? half : 'no mixed precision'}: ${keys(t)} ${t.value ? 'turns on' : 'leaves off'} the mixed-precision code of ${base(script)}`,
    );
    break;
  }
  for (const c of findCalls(root, text, ['autocast', 'GradScaler'])) {
    const en = c.kwargs.get('enabled');
    const t = en ? truth(en.value, lookup) : undefined;
    if (!en || !t) continue;
    const dtype = c.kwargs.get('dtype')?.value.text ?? '';
    const half = /bfloat16|bf16/.test(dtype) ? 'bf16' : 'fp16';
    put('precision', t.value ? half : 'fp32', en.value, `${c.name}(enabled=${en.value.text}) with ${keys(t)}`);
  }
  // What the code does not do is said only of code that trains or starts training (a backward pass, an optimizer
  // step, a training call given arguments): a model or data module that reads the config shows nothing of it.
  // Not of a script that hands the loop to a library whose precision and accumulation come from its own config
  // (Composer's `precision` and `device_train_microbatch_size`, an mmengine/mmcv runner, a detectron2 trainer).
  const trains =
    /\bbackward\s*\(|\.step\s*\(|\btrain\w*\s*\(\s*[^)\s]|\.fit\s*\(|optimize_parameters\s*\(/.test(text) &&
    !LIBRARY_LOOP.test(text);
  // An `Accelerator()` given no mixed_precision takes it from `accelerate launch --mixed_precision` or the machine's
  // accelerate config (ACCELERATE_MIXED_PRECISION): the code alone does not say fp32.
  // Nor does it of a trainer the script builds from a config (`instantiate(cfg.trainer)`: ./config-built-trainer.ts).
  if (trains && !AMP_WORDS.test(text) && !/\bAccelerator\s*\(/.test(text) && !configBuiltTrainer(text))
    put('precision', 'fp32', root, `${NO_AMP_IN} ${base(script)}: PyTorch trains in fp32`);

  // The epoch loop: `for epoch in range(begin, end)` around a training call.
  for (const loop of walk(root, 'for_statement')) {
    const it = loop.childForFieldName('right');
    const body = loop.childForFieldName('body');
    if (it?.type !== 'call' || it.childForFieldName('function')?.text !== 'range' || !body) continue;
    if (!TRAIN_CALL.test(body.text)) continue;
    const args = it.childForFieldName('arguments')?.namedChildren.filter((c) => c && c.type !== 'comment') ?? [];
    if (SAVE_CALL.test(body.text))
      put('periodic_save', 'epoch', body, `a checkpoint saved inside the training loop of ${base(script)}`);
    const endNode = args.length === 1 ? args[0] : args[1];
    const end = evaluate(endNode, lookup);
    if (!endNode || !end || typeof end.value !== 'number' || end.from.length === 0) continue;
    const start = args.length === 1 ? { value: 0, from: [] } : evaluate(args[0], lookup);
    // `range(start_epoch, epochs + 1)`: an inclusive end counts from 1.
    const inclusive = endNode?.type === 'binary_operator' && /\+\s*1$/.test(endNode.text);
    const from = typeof start?.value === 'number' ? start.value : inclusive ? 1 : 0;
    const n = end.value - from;
    if (n <= 0) continue;
    const counter = loop.childForFieldName('left')?.text ?? '';
    // `for i in range(cfg.TRAIN.epoch_iters)` counts the iterations of one epoch, not epochs: the epoch loop is
    // further on (around the call of the function that holds this one).
    if (!/epoch/i.test(counter) && notEpochs(endNode.text)) continue;
    if (/epoch/i.test(counter) || /epoch/i.test(endNode.text))
      put('epochs', n, endNode, `for … in ${it.text} in ${base(script)}, with ${keys(end)}`);
    break;
  }

  // A batch key the code divides by the process count (`params.batch_size // params['world_size']`,
  // `cfg.TRAIN.BATCH_SIZE / max(1, cfg.NUM_GPUS)`): the config's batch is the global one, per device unknown until
  // the devices are.
  for (const op of walk(root, 'binary_operator')) {
    const sign = op.childForFieldName('operator')?.text;
    if (sign !== '//' && sign !== '/') continue;
    const left = op.childForFieldName('left');
    const right = op.childForFieldName('right');
    if (!left || !right || !WORLD.test(right.text)) continue;
    const p = accessPath(left);
    if (!p?.length || !/batch/i.test(p[p.length - 1])) continue;
    const g = evaluate(left, lookup);
    const known = g && typeof g.value === 'number' && g.value > 0 && g.from.length > 0;
    if (known)
      put('global_batch', g.value, op, `${op.text} in ${base(script)}: ${keys(g)} is the batch over all processes`);
    put('micro_batch', null, op, `${op.text} in ${base(script)}: the config's batch is divided by the process count`);
    break;
  }

  for (const f of settingFacts(script, text, tree, lookup)) if (!out.has(f.key)) out.set(f.key, f);

  // The training DataLoader: its batch (per process) and its workers.
  const loaders = findCalls(root, text, ['DataLoader']).filter((c) => !/\b(val|test|eval)/i.test(assigned(c.node)));
  const train = loaders.find((c) => /train/i.test(assigned(c.node))) ?? loaders[0];
  if (train) {
    const bs = train.kwargs.get('batch_size')?.value;
    // `BATCH_SIZE_PER_GPU * len(gpus)` under DataParallel: per device it is the per-GPU key.
    const left = bs?.type === 'binary_operator' ? bs.childForFieldName('left') : undefined;
    const per = left && /per_gpu|per_device/i.test(left.text) ? evaluate(left, lookup) : undefined;
    const b = per ?? evaluate(bs, lookup);
    if (bs && b && typeof b.value === 'number' && b.value > 0 && b.from.length)
      put('micro_batch', b.value, bs, `DataLoader(batch_size=${bs.text}) in ${base(script)}, with ${keys(b)}`);
    const nw = train.kwargs.get('num_workers')?.value;
    const w = evaluate(nw, lookup);
    if (nw && w && typeof w.value === 'number' && w.value >= 0)
      put(
        'num_workers',
        w.value,
        nw,
        `DataLoader(num_workers=${nw.text}) in ${base(script)}${w.from.length ? `, with ${keys(w)}` : ''}`,
      );
  }

  // Accumulation: a config key the code names for it, else none in the code.
  const accum = /[\w.[\]'"]*accum\w*/i.exec(text);
  // A step taken every N batches (`if (i + 1) % 4 == 0: opt.step()`) is accumulation too.
  const everyN = /\bif\b[^\n]*%[^\n]*:[ \t]*\n(?:[^\n]*\n){0,3}?[^\n]*\.step\s*\(/.test(text);
  if (!trains) return [...out.values()];
  if (!accum && !everyN && !/%\s*[\w.[\]'"]*(accum|update_freq|iters_to_accumulate)/i.test(text))
    put('grad_accum', 1, root, `no gradient accumulation in ${base(script)}: one optimizer step per batch`);
  else {
    for (const n of walk(root, 'attribute')) {
      if (!/accum/i.test(n.childForFieldName('attribute')?.text ?? '')) continue;
      const v = evaluate(n, lookup);
      if (v && typeof v.value === 'number' && v.from.length) {
        put('grad_accum', Math.max(1, v.value), n, `${v.from.join(', ')} read as the accumulation of ${base(script)}`);
        break;
      }
    }
  }
  return [...out.values()];
}

/**
 * Training settings handed from the config to the call that takes them, by the keyword's documented meaning:
 * `TrainingArguments(per_device_train_batch_size=cfg["training"]["batch_size"])` and its
 * `gradient_accumulation_steps`/`num_train_epochs` (HF TrainingArguments docs, also TRL's SFTConfig and
 * accelerate's `Accelerator(gradient_accumulation_steps=…)`), Lightning `Trainer(accumulate_grad_batches=…,
 * max_epochs=…)`, Keras `model.fit(batch_size=…, epochs=…)` and a LightningDataModule's `batch_size` (its loaders'
 * batch). The evaluation batch (`per_device_eval_batch_size`, `validation_batch_size`) is another keyword, never read.
 */
export function settingFacts(script: string, text: string, tree: Tree, lookup: PathLookup): Fact[] {
  const out = new Map<FactKey, Fact>();
  const put = (key: FactKey, value: FactValue, node: SyntaxNode, note: string) => {
    if (!out.has(key)) out.set(key, { key, value, origin: 'inferred', file: script, span: spanOf(node), note });
  };
  const keys = (v: Value) => v.from.join(', ');
  // `TrainingArguments(**kwargs)` with `kwargs = {"per_device_train_batch_size": int(cfg[…]), …}` (./hf-kwargs-dict).
  const unpacked = findCalls(tree.rootNode, text, ARG_CLASSES).filter((c) => c.hasSplat);
  for (const c of [
    ...callsWithKeyword(tree.rootNode, text, Object.keys(SETTING_KEYWORDS)),
    ...unpacked.map(withDictKwargs),
  ]) {
    for (const [kw, arg] of c.kwargs) {
      const key = SETTING_KEYWORDS[kw];
      if (!key || (BY_CALLEE[kw] && !BY_CALLEE[kw].test(c.name))) continue;
      const v = evaluate(arg.value, lookup);
      if (!v || typeof v.value !== 'number' || v.value < 0 || v.from.length === 0) continue;
      if ((key === 'max_steps' || key === 'save_steps') && v.value <= 0) continue; // -1/0: no budget, no step saves
      put(
        key,
        key === 'grad_accum' ? Math.max(1, v.value) : v.value,
        arg.value,
        `${c.name}(${kw}=${arg.value.text}) in ${base(script)}, with ${keys(v)}`,
      );
    }
  }
  return [...out.values()];
}

/** The value assigned to a name when the enclosing function assigns it exactly once (and the name is no parameter). */
function onlyAssignment(name: SyntaxNode): SyntaxNode | undefined {
  let scope: SyntaxNode | null = name.parent;
  while (scope && scope.type !== 'function_definition' && scope.type !== 'module') scope = scope.parent;
  if (!scope) return undefined;
  const params = scope.childForFieldName('parameters')?.text ?? '';
  if (new RegExp(`\\b${name.text}\\b`).test(params)) return undefined;
  const found: SyntaxNode[] = [];
  for (const a of walk(scope, 'assignment'))
    if (a.childForFieldName('left')?.text === name.text) {
      const right = a.childForFieldName('right');
      if (right) found.push(right);
    }
  for (const a of walk(scope, 'augmented_assignment'))
    if (a.childForFieldName('left')?.text === name.text) return undefined;
  return found.length === 1 && found[0] ? found[0] : undefined;
}

/** The name a call's result is assigned to (`train_loader = DataLoader(…)`), or ''. */
function assigned(call: SyntaxNode): string {
  let n: SyntaxNode | null = call.parent;
  for (let i = 0; n && i < 3; i++, n = n.parent)
    if (n.type === 'assignment') return n.childForFieldName('left')?.text ?? '';
  return '';
}

const base = (f: string) => f.split(/[\\/]/).pop() ?? f;
