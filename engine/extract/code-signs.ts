// What a training script's code shows about precision and accumulation beyond the calls the loop reader reads
// (autocast, GradScaler, .half()): the precision a framework object is built with (Lightning `Fabric(precision=…)`,
// `Trainer(precision=…)`, accelerate `Accelerator(mixed_precision=…)`), apex `amp.initialize(opt_level=…)`, a
// mixed-precision switch the script declares off by default (`--amp`, `--fp16`), and the signs that some mixed
// precision is set up in a way not read here — then no fp32 default is claimed.
import type { SyntaxNode } from '../parse/python';
import { findCalls, spanOf } from '../parse/python-syntax';
import type { Fact } from '../types';
import { precisionOf } from '../vocabulary/values';
import { codeText } from './python-code-text';
import type { Resolved, ValueResolver } from './python-values';
import { moduloGuard, offByDefaultGuard } from './python-scan';
import { switchedBy } from './python-branch';

/**
 * Gradient accumulation spelled in code or settings (not any `accumulate`: a COCO evaluator's `accumulate()` sums
 * predictions).
 */
export const ACCUMULATION =
  /grad(ient)?_?acc(um)?|accumulat\w*_(grad|step|batch|iter|count)|to_accumulate|accum_(iter|steps?|freq|count)|\bacc_steps\b|update_freq|%\s*[\w.]*(accum|update)|MultiSteps|every_k|no_backward_sync|is_accumulating|\.accumulate\(\s*\w/i;

/**
 * Mixed precision set up some way: apex, timm's scalers, an autocast held in a variable, a precision handed to a
 * framework object, a dtype policy. Tested on the code that runs (comments, prose strings, unused imports blanked).
 */
const MIXED_SIGNS =
  /\bfrom apex import amp\b|\bapex\.amp\b|\bamp\.initialize\b|\bamp_autocast\b|\b(Native|Apex|Grad|Loss)\w*Scaler\b|\bloss_scaler\b|\bautocast\b|\bmixed_precision\s*=|\bprecision\s*=\s*['"]?(16|bf16|fp16|bf16-mixed|16-mixed)\b|\bset_global_policy\b|\bmixed_float16\b|\bbfloat16\b|\bfloat16\b/;

/** A command-line switch that turns mixed precision on (`--amp`, `--use_amp`, `--fp16`, `--bf16`, `--native-amp`). */
const MIXED_FLAG = /^(use_|enable_|native_|apex_)?(amp|fp16|bf16|mixed_precision|half(_precision)?)$/;

/** The same length of spaces (newlines kept), so that offsets found in the rest of the text stay the file's. */
const blank = (m: string) => m.replace(/[^\n]/g, ' ');

/** Code without its `#` comments (a comment that mentions autocast sets nothing up). */
export const withoutComments = (text: string) => text.replace(/(^|\s)#[^\n]*/g, blank);

/**
 * Code without its imports of PyTorch's AMP names (`from torch.cuda.amp import autocast, GradScaler`, `from torch
 * import autocast`): a name imported and never used sets nothing up — copied training code often keeps the import
 * of a mixed precision it never turned on. A use (`with autocast():`, `GradScaler()`) is still a sign.
 */
const withoutAmpImports = (text: string) =>
  text.replace(/^[ \t]*from[ \t]+torch(?:\.cuda)?(?:\.amp)?[ \t]+import[ \t]+(?:\([^)]*\)|[^\n]*)/gm, blank);

/** The precision an object that trains is built with: `Fabric(precision=…)`, `Trainer(precision=…)`, `Accelerator(mixed_precision=…)`. */
function constructedPrecision(file: string, root: SyntaxNode, text: string, values: ValueResolver): Fact | undefined {
  const call = findCalls(root, text, ['Fabric', 'Trainer', 'Accelerator']).find(
    (c) => c.kwargs.has('precision') || c.kwargs.has('mixed_precision'),
  );
  const arg = call?.kwargs.get('precision') ?? call?.kwargs.get('mixed_precision');
  if (!call || !arg) return undefined;
  const r = values.resolve(arg.value);
  const p = precisionOf(r.value ?? undefined);
  return {
    key: 'precision',
    value: p ?? null,
    origin: r.scriptDefault ? 'script-default' : 'explicit',
    file,
    span: spanOf(r.node ?? arg.value),
    note: `${call.callee}(${arg.name}=${arg.value.text})${r.via ? ` (${r.via})` : ''}${p ? '' : ': value not read'}`,
  };
}

/** apex `amp.initialize(…, opt_level=X)`: O0 is fp32, O1–O3 fp16; X read where written, else from an `--…opt-level` default. */
function apexPrecision(file: string, root: SyntaxNode, text: string, values: ValueResolver): Fact | undefined {
  const call = findCalls(root, text, ['initialize']).find((c) => /\bamp\.initialize$/.test(c.callee));
  const arg = call?.kwargs.get('opt_level');
  if (!call || !arg) return undefined;
  let r: { value: unknown; node?: SyntaxNode; via?: string; scriptDefault?: boolean } = values.resolve(arg.value);
  if (typeof r.value !== 'string') {
    // `opt_level=config.AMP_OPT_LEVEL` filled from `--amp-opt-level` (yacs configs copy their flags in).
    const flag = findCalls(root, text, ['add_argument']).find((c) =>
      c.positional.some((p) => /^['"]--[\w-]*opt[-_]level['"]$/.test(p.text)),
    );
    const dest = flag?.positional.find((p) => /^['"]--/.test(p.text))?.text.replace(/^['"]--|['"]$/g, '');
    const d = dest ? values.declaredDefault(dest.replace(/-/g, '_')) : undefined;
    if (d) r = { value: d.value, node: d.node, via: d.via, scriptDefault: true };
  }
  const level = typeof r.value === 'string' ? /^O([0-3])$/.exec(r.value)?.[1] : undefined;
  if (level === undefined) return undefined;
  // Behind a switch (`if args.amp:`, `if hps.train.fp16_run:`): not the run's when it is off, unknown when only
  // the config read at run time decides.
  const sw = switchedBy(call.node, values);
  if (sw === 'off') return undefined;
  if (sw)
    return {
      key: 'precision',
      value: null,
      origin: 'explicit',
      file,
      span: spanOf(call.node),
      note: `amp.initialize(opt_level=${arg.value.text}) ${sw}: precision not judged`,
    };
  return {
    key: 'precision',
    value: level === '0' ? 'fp32' : 'fp16',
    origin: r.scriptDefault ? 'script-default' : 'explicit',
    file,
    span: spanOf(r.node ?? arg.value),
    note: `amp.initialize(opt_level=${arg.value.text})${r.via ? ` (${r.via})` : ''}: apex ${level === '0' ? 'O0 is fp32' : `O${level} trains in fp16`}`,
  };
}

/**
 * A mixed-precision switch the script declares off (`add_argument('--amp', action='store_true')`): fp32 unless the
 * launch turns it on (the note names the argparse default, so a launcher's `--amp` replaces it).
 */
function switchedOff(file: string, root: SyntaxNode, text: string, values: ValueResolver): Fact | undefined {
  for (const c of findCalls(root, text, ['add_argument'])) {
    const flag = c.positional.map((p) => p.text.replace(/^['"]|['"]$/g, '')).find((p) => p.startsWith('--'));
    const dest = flag?.slice(2).replace(/-/g, '_');
    if (!dest || !MIXED_FLAG.test(dest)) continue;
    const d = values.declaredDefault(dest);
    if (!d || !(d.value === false || d.value === null || d.value === 0)) continue;
    return {
      key: 'precision',
      value: 'fp32',
      origin: 'script-default',
      file,
      span: spanOf(d.node),
      note: `mixed precision only with ${flag} (default of argparse ${flag} is off${c.kwargs.get('type')?.value.text === 'bool' ? `; ${BOOL_TYPE}` : ''}): fp32`,
    };
  }
  return undefined;
}

/** How a switch note says the option is declared `type=bool` (../link/merge.ts reads it through ./precision-flags). */
export const BOOL_TYPE = 'type=bool: any value given turns it on';

/**
 * The command-line switch that mixed precision written behind a switch off by default waits for: the option guarding
 * the autocast itself (`if args.amp:`), else the one guarding the GradScaler the autocast is tied to (`scaler =
 * GradScaler() if args.is_amp …` handed on, `if scaler is not None: with autocast():`), as a note naming its
 * argparse default — a launcher giving the option replaces it (../link/merge.ts).
 */
export function ampSwitchNote(autocast: SyntaxNode, root: SyntaxNode, text: string, values: ValueResolver): string {
  const scalers = findCalls(root, text, ['GradScaler']).map((c) => c.node);
  const flags = [autocast, ...scalers].map((n) => offByDefaultGuard(n, undefined, values));
  const flag = flags.find((f) => f && values.declaredDefault(f));
  if (!flag) return '';
  // `type=bool` makes any non-empty value true, 'False' included (https://docs.python.org/3/library/argparse.html#type).
  const decl = findCalls(root, text, ['add_argument']).find((c) =>
    c.positional.some((p) => p.text.replace(/^['"]-*|['"]$/g, '').replace(/-/g, '_') === flag),
  );
  const boolType = decl?.kwargs.get('type')?.value.text === 'bool';
  return ` (default of argparse --${flag} is off${boolType ? `; ${BOOL_TYPE}` : ''})`;
}

/**
 * The precision of a training script whose loop shows no autocast, GradScaler or cast the loop reader reads:
 * a framework object's precision, apex's opt level, a switch off by default; `null` when mixed precision is set up
 * in a way not read here; undefined when the code shows none (then fp32 is the library's default).
 */
export function unreadPrecision(file: string, root: SyntaxNode, text: string, values: ValueResolver): Fact | undefined {
  const built = constructedPrecision(file, root, text, values);
  if (built) return built;
  const off = switchedOff(file, root, text, values);
  const apex = apexPrecision(file, root, text, values);
  // An off switch decides over an apex level set behind it (`if use_amp == 'apex': amp.initialize(opt_level='O1')`),
  // unless the level is itself the command-line default (SimMIM's `--amp-opt-level O1`).
  if (apex?.origin === 'script-default') return apex;
  if (off) return off;
  if (apex) return apex;
  // The code that runs (./python-code-text): a help text ('use float16 mixed precision'), a docstring or a log
  // message that names a precision sets nothing up.
  const sign = MIXED_SIGNS.exec(withoutAmpImports(codeText(text)));
  if (!sign) return undefined;
  return {
    key: 'precision',
    value: null,
    origin: 'explicit',
    file,
    span: { start: sign.index, end: sign.index + sign[0].length },
    note: `mixed precision is set up (${sign[0].trim()}) in a way this review does not read: precision not judged`,
  };
}

/**
 * How often the optimizer steps, from the code around `stepCall` inside the training loop `within`: a `% N` guard
 * (./python-scan `moduloGuard`), a flag computed from one (`is_accumulating = step % N != 0` … `if not
 * is_accumulating:`).
 */
export function accumulationGuard(
  stepCall: SyntaxNode,
  within: SyntaxNode,
  values: ValueResolver,
): { value: number | undefined; node: SyntaxNode; scriptDefault?: boolean; via?: string } | undefined {
  const direct = moduloGuard(stepCall, within, values);
  if (direct) return direct;
  const at = (n: SyntaxNode, shown: SyntaxNode) => {
    const r = resolveCount(n, within, values);
    const value = typeof r.value === 'number' ? r.value : undefined;
    return { value, node: shown, scriptDefault: r.scriptDefault, via: r.via };
  };
  for (let p = stepCall.parent; p && p.id !== within.id; p = p.parent) {
    if (p.type !== 'if_statement') continue;
    const cond = p.childForFieldName('condition');
    const id = cond?.type === 'not_operator' ? cond.childForFieldName('argument') : cond;
    if (id?.type !== 'identifier') continue;
    for (const rhs of values.localAssignments(id)) {
      const mod = [rhs, ...rhs.descendantsOfType('binary_operator')].find(
        (b) => b?.type === 'binary_operator' && b.childForFieldName('operator')?.text === '%',
      );
      const n = mod?.childForFieldName('right');
      if (mod && n) return at(n, mod);
    }
  }
  return undefined;
}

/**
 * An accumulation count as the training loop `within` starts with it. timm's train.py sets `accum_steps =
 * args.grad_accum_steps` before its loop and, inside it, `if batch_idx >= last_batch_idx_to_accum: accum_steps =
 * last_accum_steps` for the epoch's last, shorter group (timm train.py `train_one_epoch`,
 * https://github.com/huggingface/pytorch-image-models/blob/main/train.py): a change under a condition inside the loop
 * does not make the count of every full group unknown. The one assignment before the loop is read then.
 */
function resolveCount(n: SyntaxNode, within: SyntaxNode, values: ValueResolver): Resolved {
  const r = values.resolve(n);
  if (r.value !== undefined || n.type !== 'identifier') return r;
  const inside = (x: SyntaxNode) => x.startIndex >= within.startIndex && x.endIndex <= within.endIndex;
  const conditional = (x: SyntaxNode) => {
    for (let p = x.parent; p && p.id !== within.id; p = p.parent) if (p.type === 'if_statement') return true;
    return false;
  };
  const all = values.localAssignments(n);
  const before = all.filter((x) => !inside(x));
  if (before.length !== 1 || all.some((x) => inside(x) && !conditional(x))) return r;
  if (before[0].endIndex > within.startIndex) return r;
  return values.resolve(before[0]);
}

/** The optimizer's step call (not a scheduler's) inside `node`, if any. */
export const stepCallIn = (node: SyntaxNode) =>
  node.descendantsOfType('call').find((c): c is SyntaxNode => {
    const f = c?.childForFieldName('function')?.text ?? '';
    return /(^|\.)step$/.test(f) && !/sched/i.test(f);
  });
