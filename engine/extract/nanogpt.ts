// nanoGPT-style scripts: the run is configured by module-level globals (`dtype = 'bfloat16'`, `batch_size`,
// `gradient_accumulation_steps`, `block_size`, `max_iters`, `eval_interval`, `always_save_checkpoint`, `compile`),
// which config files (`python train.py config/x.py`, exec'd) and `--key=value` flags overwrite.
// Defaults are the module-level globals of karpathy/nanoGPT's train.py (2023); the editor rewrites the global's value in place.
import type { SyntaxNode, Tree } from '../parse/python';
import { findCalls, literal, pythonLiteral, spanOf } from '../parse/python-syntax';
import { pythonHints } from './python-hints';
import { pythonDeviceFacts } from './python-devices';
import { optimizerFact } from './python-optimizer';
import { ValueResolver } from './python-values';
import type { Fact, FactKey, FactValue, OffsetEdit, RunPlan } from '../types';
import { bool, fact, fieldEditor, int, type Field, type Fields, type Schema } from './fields';
import { type RunDraft } from './run-draft';

const KEYS = [
  'batch_size',
  'micro_batch_size',
  'global_batch_size',
  'max_seq_len',
  'block_size',
  'gradient_accumulation_steps',
  'max_iters',
  'always_save_checkpoint',
  'eval_interval',
  'dtype',
  'init_from',
  'n_layer',
  'n_embd',
  'out_dir',
];

const DTYPES: Record<string, string> = { float32: 'fp32', bfloat16: 'bf16', float16: 'fp16' };

/** Top-level `name = expr` assignments (last wins). */
export function moduleAssignments(root: SyntaxNode): Map<string, { stmt: SyntaxNode; right: SyntaxNode }> {
  const out = new Map<string, { stmt: SyntaxNode; right: SyntaxNode }>();
  for (const stmt of root.namedChildren) {
    const a = stmt?.type === 'expression_statement' ? stmt.namedChildren[0] : undefined;
    if (a?.type !== 'assignment') continue;
    const left = a.childForFieldName('left');
    const right = a.childForFieldName('right');
    if (left?.type === 'identifier' && right) out.set(left.text, { stmt: a, right });
  }
  return out;
}

/** Globals of a nanoGPT train.py or config file as fields. */
export function globalFields(file: string, root: SyntaxNode): Fields {
  const out: Fields = new Map();
  for (const [name, { stmt, right }] of moduleAssignments(root)) {
    out.set(name, {
      name,
      value: literal(right),
      file,
      span: spanOf(stmt),
      text: stmt.text.length > 120 ? `${name} = …` : stmt.text,
    });
  }
  return out;
}

export const NANOGPT_SCHEMA: Schema = {
  toFacts(fields) {
    const out: Fact[] = [];
    const f = (n: string) => fields.get(n);
    const dt = f('dtype');
    if (dt) {
      const v: string | null = typeof dt.value === 'string' ? (DTYPES[dt.value] ?? null) : null;
      let note = dt.text;
      // nanoGPT's `'bfloat16' if torch.cuda.is_bf16_supported() else 'float16'`: the GPU decides (see `adjust`).
      if (dt.value === undefined && /bf16_supported/.test(dt.text) && /float16/.test(dt.text.replace(/bfloat16/g, '')))
        note = `${dt.text}: ${BY_GPU}`;
      out.push(fact('precision', v, dt, note));
    }
    // lit-gpt style (`micro_batch_size = 4`, `batch_size = global_batch_size // devices`, `gradient_accumulation_steps
    // = batch_size // micro_batch_size`): the loader's batch is `micro_batch_size`, `batch_size` is one device's share
    // of the global batch. llama2.c names the sequence length `max_seq_len`.
    const simple: [string, FactKey][] = [
      [f('micro_batch_size') ? 'micro_batch_size' : 'batch_size', 'micro_batch'],
      ['global_batch_size', 'global_batch'],
      ['gradient_accumulation_steps', 'grad_accum'],
      [f('max_seq_len') && !f('block_size') ? 'max_seq_len' : 'block_size', 'seq_len'],
      ['max_iters', 'max_steps'],
    ];
    for (const [name, key] of simple) {
      const x = f(name);
      if (x)
        out.push(
          fact(
            key,
            int(x.value) ?? null,
            x,
            name === 'gradient_accumulation_steps'
              ? `${x.text} (divided by the number of processes under DDP)`
              : undefined,
          ),
        );
    }
    const c = f('compile');
    if (c) out.push(fact('compile', bool(c.value) ?? null, c));
    const dev = f('device');
    if (dev && typeof dev.value === 'string' && /^(cpu|mps)/.test(dev.value))
      out.push(fact('hardware', dev.value.startsWith('mps') ? 'mps' : 'cpu', dev));
    const init = f('init_from');
    if (init && typeof init.value === 'string' && init.value.startsWith('gpt2'))
      out.push(fact('model', init.value, init));
    const L = int(f('n_layer')?.value);
    const d = int(f('n_embd')?.value);
    if ((!init || init.value === 'scratch') && L && d)
      out.push(
        fact(
          'params',
          12 * L * d * d + 50304 * d,
          f('n_embd')!,
          `≈ 12·n_layer·n_embd² + vocab·n_embd with n_layer=${L}, n_embd=${d}`,
        ),
      );
    // Checkpoints: written at every eval (iter > 0) when always_save_checkpoint, else only when val loss improves.
    const ev = f('eval_interval');
    const always = f('always_save_checkpoint');
    if (ev || always) {
      const at = (always ?? ev)!;
      const every = int(ev?.value);
      const note = `${always ? always.text : 'always_save_checkpoint = True'}; eval_interval = ${every ?? '?'}: ckpt.pt is written at each evaluation${bool(always?.value) === false ? ' that improves the validation loss' : ''}`;
      // With always_save_checkpoint = False the evaluation saves only a better model: a best-model export, with no
      // cadence of its own.
      if (bool(always?.value) === false) out.push({ ...fact('periodic_save', 'steps', at, note), form: 'best-only' });
      else {
        out.push(fact('periodic_save', 'steps', at, note));
        if (every) out.push(fact('save_steps', every, ev ?? at));
      }
    }
    // lit-gpt / TinyLlama pretraining globals: a checkpoint every `save_step_interval` (`save_interval`) optimizer steps;
    // kept by the reader only where the loop saves on that modulo (see `litGptSaves`), and it replaces the eval cadence.
    const save = f('save_step_interval') ?? f('save_interval');
    const n = int(save?.value);
    if (save && n && n > 0) {
      out.push(fact('periodic_save', 'steps', save, `${save.text}: a checkpoint every ${n} steps`));
      out.push(fact('save_steps', n, save));
    }
    return out;
  },
  changes(changes) {
    const out: Record<string, FactValue> = {};
    for (const [key, v] of Object.entries(changes) as [FactKey, FactValue][]) {
      if (key === 'precision' && (v === 'bf16' || v === 'fp16')) out.dtype = v === 'bf16' ? 'bfloat16' : 'float16';
      else if (key === 'micro_batch') out.batch_size = v;
      else if (key === 'grad_accum') out.gradient_accumulation_steps = v;
      else if (key === 'compile') out.compile = v;
      else return undefined;
    }
    return out;
  },
};

/** The note of a precision the GPU decides: bf16 where it supports bf16, else fp16 (resolved by `adjust`). */
const BY_GPU = 'bf16 autocast where the GPU supports it, else fp16 — not known until the hardware is';

const DEFAULTS: [FactKey, FactValue, string][] = [
  [
    'precision',
    null,
    `nanoGPT's dtype default ('bfloat16' if torch.cuda.is_bf16_supported() else 'float16'): ${BY_GPU}`,
  ],
  ['micro_batch', 12, 'batch_size defaults to 12'],
  ['grad_accum', 40, 'gradient_accumulation_steps defaults to 5 * 8'],
  ['seq_len', 1024, 'block_size defaults to 1024'],
  ['max_steps', 600000, 'max_iters defaults to 600000'],
  ['periodic_save', 'steps', 'always_save_checkpoint defaults to True: ckpt.pt at every evaluation'],
  ['save_steps', 2000, 'eval_interval defaults to 2000'],
  ['compile', true, 'compile defaults to True'],
];

/** Writes a global in a Python file (`name = value`), keeping the quote style. */
export function globalWriter(file: string, text: string, fields: Fields) {
  return (name: string, v: FactValue): OffsetEdit[] | undefined => {
    const f = fields.get(name);
    if (!f || f.file !== file) return undefined;
    const stmt = text.slice(f.span.start, f.span.end);
    const eq = stmt.indexOf('=');
    if (eq === -1) return undefined;
    let valueStart = f.span.start + eq + 1;
    while (text[valueStart] === ' ') valueStart++;
    const old = text.slice(valueStart, f.span.end).trim();
    const quote = old.startsWith("'") ? "'" : '"';
    const lit = typeof v === 'string' ? `${quote}${v}${quote}` : pythonLiteral(v);
    // Keep a trailing comment on the same line.
    const comment = /\s+#.*$/.exec(text.slice(valueStart, f.span.end));
    return [{ file, start: valueStart, end: comment ? valueStart + comment.index : f.span.end, newText: lit }];
  };
}

export function nanoGptLike(fields: Fields): boolean {
  return (
    KEYS.filter((k) => fields.has(k)).length >= 4 &&
    (fields.has('gradient_accumulation_steps') || fields.has('max_iters'))
  );
}

/** The run plan of a nanoGPT-style train.py with config layers (exec'd config files, `--key=value`). */
export function nanoGptPlan(
  file: string,
  entry: Field | undefined,
  span: RunPlan['entry']['span'],
  layers: { fields: Fields; write: (n: string, v: FactValue) => OffsetEdit[] | undefined }[],
  opts: PlanOptions = {},
): RunPlan {
  const merged: Fields = new Map();
  for (const l of layers) for (const [k, v] of l.fields) merged.set(k, v);
  const facts = new Map<FactKey, Fact>();
  for (const f of NANOGPT_SCHEMA.toFacts(merged, { complete: true })) facts.set(f.key, f);
  // nanoGPT's defaults are those of its train.py, whose globals config files overwrite (`exec(open('configurator.py')
  // …)`): a script of the same style without that configurator is no nanoGPT, and what it leaves out is not nanoGPT's.
  if (opts.nanoGptDefaults !== false)
    for (const [key, value, note] of DEFAULTS)
      if (!facts.has(key) && !(key === 'save_steps' && facts.get('periodic_save')?.form === 'best-only'))
        facts.set(key, { key, value, origin: 'framework-default', note });
  closeDividedAccumulation(facts, merged, opts);
  if (opts.accumDividedByWorld) perProcessAccumulation(facts, opts);
  if (opts.autocastOnCudaOnly) offCudaFp32(facts, merged);
  return {
    framework: 'nanogpt',
    entry: { file, span, label: entry ? 'nanoGPT-style globals' : 'train.py' },
    files: [...new Set([file, ...[...merged.values()].map((f) => f.file)])],
    facts,
    edit: fieldEditor(NANOGPT_SCHEMA, layers),
    relevantSpans: [...merged.values()]
      .filter((f) => KEYS.includes(f.name) || f.name === 'compile')
      .map((f) => ({ file: f.file, span: f.span, key: 'precision' as FactKey })),
  };
}

export function extractNanoGpt(file: string, text: string, tree: Tree): RunDraft[] {
  if (!/\.backward\s*\(/.test(text) || !/gradient_accumulation_steps|max_iters/.test(text)) return [];
  const root = tree.rootNode;
  const fields = globalFields(file, root);
  if (!nanoGptLike(fields)) return [];
  const first = [...fields.values()].find((f) => KEYS.includes(f.name))!;
  const values = new ValueResolver(root, findCalls(root, text, ['add_argument']));
  resolveSizes(fields, root, values);
  microIterations(fields, root, values);
  // `micro_batch_size` set in a branch (`if args.model == 1028: micro_batch_size = 16 else: …`): the loader's batch
  // is that one, not known here, and `batch_size` is still one device's share of the global batch.
  const branchMicro = /^[ \t]+micro_batch_size\s*=[^=]/m.exec(text);
  if (!fields.has('micro_batch_size') && branchMicro) {
    const start = branchMicro.index + branchMicro[0].length - branchMicro[0].trimStart().length;
    fields.set('micro_batch_size', {
      name: 'micro_batch_size',
      value: undefined,
      file,
      span: { start, end: text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start) },
      text: 'micro_batch_size set in a branch',
    });
  }
  for (const name of ['save_step_interval', 'save_interval']) if (!litGptSaves(text, name)) fields.delete(name);
  const layer = { fields, write: globalWriter(file, text, fields) };
  const opts: PlanOptions = {
    nanoGptDefaults: CONFIGURATOR.test(text),
    autocastOnCudaOnly: CUDA_DEVICE_TYPE.test(text) && CPU_NULLCONTEXT.test(text),
    accumDividedByWorld: ACCUM_PER_PROCESS.test(text),
    accumAsserted: ACCUM_ASSERT.test(text),
  };
  // The code signals of any training script (per-step host reads, DataParallel, debug switches), under the globals.
  const hints = pythonHints(file, text, root, values);
  // lit-gpt / TinyLlama scripts build their own `Fabric(devices=…)`.
  for (const f of pythonDeviceFacts(file, findCalls(root, text, ['Fabric']), values, text))
    if (!hints.some((h) => h.key === f.key)) hints.push(f);
  // The optimizer it builds itself (lit-gpt / TinyLlama: `torch.optim.AdamW(…)` in `main`).
  const optimizer = optimizerFact(file, text, root, values);
  if (optimizer && !hints.some((h) => h.key === 'optimizer')) hints.push(optimizer);
  const withHints = (plan: RunPlan): RunPlan => {
    for (const f of hints) if (!plan.facts.has(f.key)) plan.facts.set(f.key, f);
    return plan;
  };
  const build = (
    extra: { fields: Fields; write: (n: string, v: FactValue) => OffsetEdit[] | undefined }[],
  ): RunDraft => ({
    plan: withHints(nanoGptPlan(file, first, first.span, [layer, ...extra], opts)),
    kind: 'nanogpt',
    schema: NANOGPT_SCHEMA,
    rebuild: (layers) => build(layers),
    envPrecision: 'never',
    openEnded: /configurator\.py/.test(text) && extra.length === 0,
    refs: [],
    adjust: (plan, bf16Capable) => {
      // Under DDP nanoGPT divides gradient_accumulation_steps by the world size: the global batch stays the same.
      const devices = plan.facts.get('devices');
      const ga = plan.facts.get('grad_accum');
      const n = typeof devices?.value === 'number' && devices.origin !== 'assumed' ? devices.value : undefined;
      const global = plan.facts.get('global_batch')?.value;
      const micro = plan.facts.get('micro_batch')?.value;
      // (Only where it divides: lit-gpt's and TinyLlama's accumulation is per device already.)
      if (
        opts.accumDividedByWorld &&
        n &&
        ga?.value === null &&
        typeof global === 'number' &&
        typeof micro === 'number'
      ) {
        // The whole job's accumulation divided by a device count the user set (a stated one is closed by the plan).
        const per = global / (micro * n);
        if (Number.isInteger(per) && per >= 1)
          plan.facts.set('grad_accum', { ...ga, value: per, note: `${ga.note} → ${per} per process on ${n}` });
      }
      // `'bfloat16' if torch.cuda.is_bf16_supported() else 'float16'`: the named GPU decides.
      const p = plan.facts.get('precision');
      if (p?.value === null && p.note?.includes(BY_GPU) && bf16Capable !== undefined)
        plan.facts.set('precision', {
          ...p,
          value: bf16Capable ? 'bf16' : 'fp16',
          note: `${p.note.replace(BY_GPU, '')}${bf16Capable ? 'bf16 on this GPU' : 'fp16: this GPU has no bf16'}`,
        });
    },
  });
  return [build([])];
}

export interface PlanOptions {
  /** False for a script of the same style that is not nanoGPT's train.py: no nanoGPT default fills what it omits. */
  nanoGptDefaults?: boolean;
  /** True when the script divides `gradient_accumulation_steps` by the process count (`//= ddp_world_size`). */
  accumDividedByWorld?: boolean;
  /** True when it asserts the division is exact (`assert gradient_accumulation_steps % ddp_world_size == 0`). */
  accumAsserted?: boolean;
  /** True when the script autocasts only on CUDA (`ctx = nullcontext() if device_type == 'cpu' else autocast(…)`). */
  autocastOnCudaOnly?: boolean;
}

/**
 * lit-gpt's and TinyLlama's pretraining loops save when `state["step_count"] % save_step_interval == 0` (older lit-gpt:
 * `save_interval`) with `fabric.save(...)`: the global is a step cadence only where that test guards a save.
 */
function litGptSaves(text: string, name: string): boolean {
  const test = new RegExp(`%\\s*${name}\\s*==\\s*0[^\\n]*\\n(?:[^\\n]*\\n){0,8}[^\\n]*\\b(fabric|torch)\\.save\\s*\\(`);
  return test.test(text);
}

/** `device_type = 'cuda' if 'cuda' in device else 'cpu'`: every device but CUDA counts as the CPU. */
const CUDA_DEVICE_TYPE = /\bdevice_type\s*=\s*['"]cuda['"]\s+if\s+['"]cuda['"]\s+in\s+device\s+else\s+['"]cpu['"]/;
/** `ctx = nullcontext() if device_type == 'cpu' else torch.amp.autocast(…)`: no autocast on the CPU. */
const CPU_NULLCONTEXT = /\bnullcontext\(\)\s*if\s+device_type\s*==\s*['"]cpu['"]\s*else\b[^\n]*autocast/;

/**
 * nanoGPT's and llama2.c's train.py autocast only on CUDA: `device_type = 'cuda' if 'cuda' in device else 'cpu'` and
 * `ctx = nullcontext() if device_type == 'cpu' else torch.amp.autocast(device_type=device_type, dtype=ptdtype)`
 * (karpathy/nanoGPT train.py; its README runs `--device=cpu` and `--device=mps` on machines without a CUDA GPU). A run
 * whose `device` names no CUDA device (`'cpu'`, `'mps'`) never applies `dtype`: its forward and backward passes run
 * in fp32. A `device` that is not a literal leaves the precision as `dtype` says.
 */
function offCudaFp32(facts: Map<FactKey, Fact>, merged: Fields): void {
  const dev = merged.get('device');
  if (typeof dev?.value !== 'string' || dev.value.includes('cuda')) return;
  facts.set(
    'precision',
    fact(
      'precision',
      'fp32',
      dev,
      `${dev.text}: not a CUDA device, so the script's autocast context is nullcontext() and dtype is not applied — fp32`,
    ),
  );
}

/** nanoGPT's configurator: config files and `--key=value` flags overwrite the globals. */
const CONFIGURATOR = /configurator\.py|exec\(open\(/;
/** `gradient_accumulation_steps //= ddp_world_size` (nanoGPT, llama2.c): the written value is for the whole job. */
const ACCUM_PER_PROCESS = /^\s*gradient_accumulation_steps\s*\/\/=\s*\w*world_size\b/m;
const ACCUM_ASSERT = /^\s*assert\s+gradient_accumulation_steps\s*%\s*\w*world_size\s*==\s*0\b/m;
/** Size globals written as arithmetic of other globals or arguments (`batch_size // micro_batch_size`). */
const SIZES = [
  'batch_size',
  'micro_batch_size',
  'global_batch_size',
  'gradient_accumulation_steps',
  'block_size',
  'max_seq_len',
];

/**
 * lit-gpt / TinyLlama count `max_iters` in micro-batches, written as the optimizer steps times the accumulation
 * (`max_iters = max_step * gradient_accumulation_steps`; the loop breaks at `iter_num >= max_iters` and steps the
 * optimizer once per accumulation): the run's optimizer steps are the other factor.
 */
function microIterations(fields: Fields, root: SyntaxNode, values: ValueResolver): void {
  const f = fields.get('max_iters');
  const right = f && f.value === undefined ? moduleAssignments(root).get('max_iters')?.right : undefined;
  if (!f || right?.type !== 'binary_operator' || right.childForFieldName('operator')?.text !== '*') return;
  const [a, b] = [right.childForFieldName('left'), right.childForFieldName('right')];
  const steps = a?.text === 'gradient_accumulation_steps' ? b : b?.text === 'gradient_accumulation_steps' ? a : null;
  if (!steps) return;
  const r = values.resolve(steps);
  if (typeof r.value !== 'number' || !Number.isInteger(r.value) || r.value <= 0) return;
  fields.set('max_iters', {
    ...f,
    value: r.value,
    text: `${f.text}: ${steps.text} = ${r.value} optimizer steps (max_iters counts micro-batches)`,
  });
}

/** A size global written as an expression takes the value its literals, globals and argparse defaults give. */
function resolveSizes(fields: Fields, root: SyntaxNode, values: ValueResolver): void {
  for (const name of SIZES) {
    const f = fields.get(name);
    const right = f && f.value === undefined ? moduleAssignments(root).get(name)?.right : undefined;
    if (!f || !right) continue;
    const r = values.resolve(right);
    if (typeof r.value !== 'number' || !Number.isInteger(r.value) || r.value <= 0) continue;
    fields.set(name, {
      ...f,
      value: r.value,
      origin: r.scriptDefault ? 'script-default' : f.origin,
      text: `${f.text} = ${r.value}${r.via ? ` (${r.via})` : ''}`,
    });
  }
}

/**
 * The accumulation each process runs where the script divides the written one by the process count: known only with
 * the count. A written 1 under `assert gradient_accumulation_steps % ddp_world_size == 0` runs on one process only.
 */
function perProcessAccumulation(facts: Map<FactKey, Fact>, opts: PlanOptions): void {
  const accum = facts.get('grad_accum');
  if (typeof accum?.value !== 'number' || accum.origin === 'framework-default') return;
  if (accum.value === 1 && opts.accumAsserted) {
    if (!facts.has('devices'))
      facts.set('devices', {
        key: 'devices',
        value: 1,
        origin: 'inferred',
        file: accum.file,
        span: accum.span,
        note: `${accum.note ?? 'gradient_accumulation_steps = 1'}: the script asserts it divides by the process count, so it runs on one process`,
      });
    return;
  }
  facts.set('grad_accum', {
    ...accum,
    value: null,
    note: `${accum.note ?? `gradient_accumulation_steps = ${accum.value}`}: ${accum.value} for the whole job, divided by the process count — per process not known until the count is`,
  });
}

/**
 * nanoGPT's accumulation is written for the whole job and divided by the process count at start-up: micro-batch ×
 * the written accumulation is the global batch on any number of processes (nanoGPT's "~0.5M" tokens per step).
 */
function closeDividedAccumulation(facts: Map<FactKey, Fact>, merged: Fields, opts: PlanOptions): void {
  if (!opts.accumDividedByWorld || typeof facts.get('global_batch')?.value === 'number') return;
  const micro = facts.get('micro_batch');
  const accum = facts.get('grad_accum');
  if (typeof micro?.value !== 'number' || typeof accum?.value !== 'number') return;
  if (micro.origin === 'framework-default' || accum.origin === 'framework-default') return;
  const at = merged.get('gradient_accumulation_steps');
  const value = micro.value * accum.value;
  facts.set('global_batch', {
    key: 'global_batch',
    value,
    origin: micro.origin === 'explicit' && accum.origin === 'explicit' ? 'explicit' : 'script-default',
    file: at?.file ?? micro.file,
    span: at?.span ?? micro.span,
    note: `batch_size ${micro.value} × gradient_accumulation_steps ${accum.value} = ${value}: the script divides the accumulation by the process count (//= world_size), so the global batch is the same on any number of processes`,
  });
}
