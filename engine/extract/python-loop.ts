// The hand-written training loop of plain PyTorch / accelerate scripts: where `.backward()` runs, the loops around
// it (also through one function call: `for epoch in range(E): train_one_epoch(...)`), how long it runs, whether it
// saves inside the loop (./python-loop-saves.ts), and the precision it computes in (autocast, GradScaler,
// .half()/.bfloat16()).
import type { SyntaxNode } from '../parse/python';
import { findCalls, spanOf, type CallSite } from '../parse/python-syntax';
import type { Fact } from '../types';
import { dtypeOf } from './python-common';
import { gpuDtype } from './gpu-dtype';
import { accumulationGuard, ampSwitchNote, stepCallIn, unreadPrecision } from './code-signs';
import { contains, isBackwardCall, loopsAround, offByDefaultGuard } from './python-scan';
import type { ValueResolver } from './python-values';
import { stepEvalFacts, validationFacts } from './python-loop-eval';
import { breakBound, countsAcrossEpochs, epochNamedLoop, neverEnds, notEpochs } from './loop-bounds';
import { overNamedRange, phaseLoop, namedRangeArg, rangeArg, whileBound, whileEpochCount } from './loop-bounds';
import { enclosingDef } from './python-params';
import { classOf } from './call-args';
import { switchedBy } from './python-branch';
import { accumulationGlobal } from './accum-global';
import { saveFacts } from './python-loop-saves';
import { nodesOfType } from '../parse/nodes-of-type';

export interface TrainingLoop {
  backward: CallSite;
  /** The loops that run the step, innermost first (through one enclosing function's call site). */
  loops: SyntaxNode[];
  /** False when the step sits in a function this file never calls: the loops around it are not visible. */
  visible: boolean;
  /** A loop of micro-steps around the backward pass inside the step loop (`for _ in range(accum):`), if any. */
  accum?: SyntaxNode;
}

/** The first `.backward(` call with its loops, or undefined when the file has none. */
export function findTrainingLoop(root: SyntaxNode, text: string): TrainingLoop | undefined {
  const backward = findCalls(root, text, [
    'backward',
    'manual_backward',
    'fused_backward',
    'scaler',
    'loss_scaler',
  ]).find((c) => isBackwardCall(c.node));
  return backward ? loopAround(root, text, backward) : undefined;
}

/**
 * The loops around a training update of any library (a PyTorch backward pass, a TF2 `tape.gradient`, a JAX
 * `value_and_grad`, a TF1 `sess.run(train_op)`), also through the functions that call it (two levels).
 */
export function loopAround(root: SyntaxNode, text: string, backward: CallSite): TrainingLoop {
  const loops = loopsAround(backward.node).filter((l) => !phaseLoop(l));
  // `for micro in range(accum): … loss.backward()` then `opt.step()` in the loop around it: accumulation, not steps.
  const accum =
    loops.length > 1 && rangeArg(loops[0]) && !stepCallIn(loops[0]) && stepCallIn(loops[1]) ? loops.shift() : undefined;
  let visible = true;
  let fn = enclosingDef(backward.node);
  // Follow the enclosing function to where it is called (two levels: step → epoch → main is common).
  for (let depth = 0; fn && depth < 2; depth++) {
    const name = fn.childForFieldName('name')?.text;
    const inner = loops.filter((l) => contains(fn!, l));
    if (!name) break;
    // A module-level `def train():` is called as `train()`: `model.train()` in an evaluation helper is another method.
    const method = !!classOf(fn);
    const callers = findCalls(root, text, [name]).filter(
      (c) => c.name === name && (method || c.callee === name) && !contains(fn!, c.node),
    );
    if (callers.length === 0) {
      visible = inner.length > 0 && name !== 'training_step';
      break;
    }
    // The call inside a loop is the training one (a warm-up call before the epoch loop runs it once).
    const caller = callers.find((c) => loopsAround(c.node).length > 0) ?? callers[0];
    const outer = loopsAround(caller.node);
    loops.push(...outer);
    fn = enclosingDef(caller.node);
  }
  return { backward, loops, visible, accum };
}

const numberOr = (v: unknown) => (typeof v === 'number' ? v : undefined);

/** epochs / max_steps / grad_accum / periodic_save / save_steps from the loop's shape. */
export function loopFacts(
  file: string,
  root: SyntaxNode,
  text: string,
  loop: TrainingLoop,
  values: ValueResolver,
): Fact[] {
  const out: Fact[] = [];
  if (!loop.visible) return out;
  const [step, epoch] = loop.loops;
  if (step) {
    // A `while` budget counts only when its value is known (`while i < len(data)` is an epoch of unknown length).
    // A `while True:` epoch loop left at a step budget (`if global_step % t_total == 0: break` after the batch loop).
    const endlessEpochs =
      epoch?.type === 'while_statement' && /^(True|1)$/.test(epoch.childForFieldName('condition')?.text ?? '');
    const wb = epoch ? (endlessEpochs ? whileBound(epoch) : undefined) : whileBound(step);
    // `for batch in loader:` that leaves at `if update_step > args.num_training_steps: break` stops at that step
    // budget: alone (a streaming loader or one pass), or beside the epochs of a loop around it, whichever comes first.
    const fb = step.type !== 'for_statement' ? undefined : breakBound(step);
    const startOf = (s: SyntaxNode) => values.resolve(s).value;
    const known = (b: SyntaxNode | undefined) => (b && typeof values.resolve(b).value === 'number' ? b : undefined);
    const n =
      rangeArg(step, startOf) ??
      known(wb) ??
      known(epoch && fb && !countsAcrossEpochs(fb, step, epoch) ? undefined : fb);
    const header = { start: step.startIndex, end: step.childForFieldName('body')?.startIndex ?? step.endIndex };
    const perEpoch = !epoch && n !== wb && n !== fb && epochNamedLoop(step, n) && !notEpochs(n?.text ?? '');
    if (n && (!epoch || n === wb || n === fb)) {
      const r = values.resolve(n);
      out.push({
        key: perEpoch ? 'epochs' : 'max_steps',
        value: typeof r.value === 'number' ? r.value : null,
        origin: r.scriptDefault ? 'script-default' : 'explicit',
        file,
        span: spanOf(n),
        note: `${n === wb ? `the while training loop stops at ${n.text}` : n === fb ? `the training loop breaks at ${n.text}` : `the training loop runs range(${n.text})`} ${perEpoch ? 'epochs' : 'steps'}${r.via ? ` (${r.via})` : ''}`,
      });
    } else if (!n && !epoch && step.type === 'for_statement' && !fb && !overNamedRange(step, root)) {
      out.push({
        key: 'epochs',
        value: 1,
        origin: 'explicit',
        file,
        span: header,
        note: 'one pass over the data: the training loop has no epoch loop around it',
      });
    }
    if (epoch) {
      const we = rangeArg(epoch, startOf) || namedRangeArg(epoch, startOf) ? undefined : whileEpochCount(epoch);
      const e = we ?? rangeArg(epoch, startOf) ?? namedRangeArg(epoch, startOf);
      const r = values.resolve(e);
      // The count where it is written (`--epochs` default=300, `max_epochs = 300`), which a finding about it names;
      // the loop's own `range(…)` when it is written there or cannot be read.
      if (e && !notEpochs(e.text))
        out.push({
          key: 'epochs',
          value: typeof r.value === 'number' ? r.value : null,
          origin: r.scriptDefault ? 'script-default' : 'explicit',
          file,
          span: spanOf(typeof r.value === 'number' && r.node ? r.node : e),
          note: `${we ? `while ${epoch.childForFieldName('condition')?.text ?? '…'}: (one epoch per pass)` : `for … in range(${e.text})`} around the training loop${r.via ? ` (${r.via})` : ''}`,
        });
    }
    const endless = loop.loops.find(neverEnds);
    if (endless && !out.some((f) => f.key === 'epochs' || f.key === 'max_steps')) {
      const colon = endless.children.find((c) => c?.type === ':');
      out.push({
        key: 'epochs',
        value: null,
        origin: 'explicit',
        file,
        span: { start: endless.startIndex, end: colon?.endIndex ?? endless.startIndex + 5 },
        note: `${endless.childForFieldName('condition')?.text === '1' ? 'while 1' : 'while True'} around the training step with no break, return or exit: it runs until the process is stopped`,
        form: 'no-limit',
      });
    }
    if (epoch || perEpoch) out.push(...validationFacts(file, text, epoch ?? step, epoch ? step : undefined));
    // Manual gradient accumulation: `if (i + 1) % N == 0: optimizer.step()`.
    const stepCall = stepCallIn(step);
    out.push(...stepEvalFacts(file, step, values));
    const micro = loop.accum && rangeArg(loop.accum);
    const guard = micro
      ? { ...values.resolve(micro), value: numberOr(values.resolve(micro).value), node: micro }
      : stepCall
        ? accumulationGuard(stepCall, step, values)
        : undefined;
    out.push(...accumulationGlobal(file, guard?.node, root, values));
    if (guard)
      out.push({
        key: 'grad_accum',
        value: guard.value ?? null,
        origin: guard.scriptDefault ? 'script-default' : 'explicit',
        file,
        span: spanOf(guard.node),
        note: `${micro ? `${micro.text} micro-steps before each optimizer step` : `optimizer.step() every ${guard.node.text}`}${guard.via ? ` (${guard.via})` : ''}`,
      });
  }
  out.push(
    ...saveFacts(
      file,
      root,
      text,
      loop,
      values,
      out.find((f) => f.key === 'epochs'),
    ),
  );
  return out;
}

/** Precision of a hand-written loop: autocast, GradScaler, .half()/.bfloat16(), TF32 flags; fp32 when none. */
export function torchPrecision(file: string, root: SyntaxNode, text: string, values: ValueResolver): Fact {
  const autocasts = findCalls(root, text, ['autocast']).filter((c) => c.name === 'autocast');
  let switchedOff: (typeof autocasts)[number] | undefined;
  for (const a of autocasts) {
    // `torch.cuda.amp.autocast(enabled=True, dtype=torch.float16, cache_enabled=True)` takes `enabled` first
    // (https://pytorch.org/docs/stable/amp.html#torch.cuda.amp.autocast): `autocast(scaler is not None)` is its switch.
    // `torch.autocast(device_type, …)` takes the device first: never read as a switch.
    const first = a.positional[0];
    const cudaAmp = /(^|\.)cuda\.amp\.autocast$/.test(a.callee) && first && first.type !== 'string';
    const enabled = a.kwargs.get('enabled') ?? (cudaAmp ? { name: 'enabled', node: first, value: first } : undefined);
    const en = enabled ? values.resolve(enabled.value).value : true;
    if (en === false) continue;
    const base = { key: 'precision' as const, origin: 'explicit' as const, file, span: spanOf(a.node) };
    // A wrapper object's own `autocast()` (`accel.autocast()`): on or off as that object was built.
    const owner = a.callee.includes('.') ? a.callee.slice(0, a.callee.lastIndexOf('.')) : '';
    if (owner && !/^(torch(\.(cuda|cpu|xpu))?(\.amp)?|(cuda\.)?amp)$/.test(owner) && !a.kwargs.has('dtype'))
      return { ...base, value: null, note: `${a.callee}(): mixed precision as ${owner} was set up, not read here` };
    // `autocast(enabled=scaler is not None)` with `scaler = GradScaler() if args.amp else None`: on as the scaler is
    // built (the torchvision classification reference's shape).
    const byScaler = en === undefined && enabled ? scalerSwitch(enabled.value, root, values) : undefined;
    if (byScaler?.on === false)
      return {
        ...base,
        value: 'fp32',
        origin: byScaler.scriptDefault ? 'script-default' : 'explicit',
        note: `${a.callee}(enabled=${enabled!.value.text}) is off: ${byScaler.note}: fp32`,
      };
    if (byScaler?.on === true) return { ...base, value: 'fp16', note: `${a.callee}(…) on: ${byScaler.note}` };
    if (en === undefined)
      return {
        ...base,
        value: null,
        note: `${a.callee}(enabled=${enabled!.value.text}): whether it is on is not known`,
      };
    // Under `if amp:` with `amp` read from a config at run time: whether it runs is not known either.
    const sw = switchedBy(a.node, values);
    if (sw === 'off') {
      switchedOff ??= a;
      continue;
    }
    if (sw) return { ...base, value: null, note: `${sw}: not known if on` };
    const dt = a.kwargs.get('dtype')?.value ?? a.positional.find((p) => /float16|bfloat16|half/.test(p.text));
    const device = a.kwargs.get('device_type')?.value.text ?? a.positional[0]?.text ?? '';
    if (dt) {
      // `dtype=dtype` with `dtype = torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16`, or inline.
      const byGpu = gpuDtype(dt, values, root);
      if (byGpu) return { ...base, value: byGpu.value, note: `${a.callee}(…, dtype=${dt.text}): ${byGpu.note}` };
      const d = dtypeOf(dt.text);
      return {
        ...base,
        value: d === 'bf16' || d === 'fp16' ? d : d === 'fp32' ? 'fp32' : null,
        note: `${a.callee}(…, dtype=${dt.text})${d ? '' : ': mixed precision, dtype not read'}`,
      };
    }
    const cpu = /cpu/.test(device);
    return {
      ...base,
      value: cpu ? 'bf16' : 'fp16',
      note: `${a.callee}(…) without dtype: ${cpu ? 'bfloat16 on CPU' : 'float16 on CUDA'}`,
    };
  }
  const cast = findCalls(root, text, ['half', 'bfloat16', 'to', 'set_default_dtype']).find(
    (c) =>
      ((c.name === 'half' || c.name === 'bfloat16') && c.positional.length === 0 && c.callee.includes('.')) ||
      ((c.name === 'to' || c.name === 'set_default_dtype') &&
        /\b(torch\.)?(bfloat16|float16|half)\b/.test(c.argList.text)),
  );
  const castFlag = cast ? offByDefaultGuard(cast.node, undefined, values) : undefined;
  if (cast && castFlag) {
    return {
      key: 'precision',
      value: 'fp32',
      origin: 'script-default',
      file,
      span: spanOf(cast.node),
      note: `${cast.callee}() runs only when --${castFlag} is given (off by default): fp32 otherwise`,
    };
  }
  if (cast) {
    const d =
      cast.name === 'half' ? 'fp16' : cast.name === 'bfloat16' ? 'bf16' : (dtypeOf(cast.argList.text) ?? 'fp16');
    return {
      key: 'precision',
      value: d,
      origin: 'explicit',
      file,
      span: spanOf(cast.node),
      note: `${cast.callee}(${cast.name === 'half' || cast.name === 'bfloat16' ? '' : '…'}): weights in pure ${d}`,
    };
  }
  // `GradScaler(enabled=args.amp)` with a store_true flag: no loss scaling unless the flag is given. A scaler built
  // whatever the flags while every autocast sits behind a switch that is off by default (`scaler = GradScaler()` …
  // `if args.mixed_precision: with autocast(): …`): scaling alone casts nothing, the default run trains in fp32
  // (https://pytorch.org/docs/stable/amp.html: autocast chooses the op dtypes, GradScaler only scales the loss).
  // Only a scaler outside any switch: one built under `if mixed_precision:` (a trainer class's parameter, set by
  // whoever builds it) is on or off with its autocasts, which this file alone cannot tell.
  const scaler = findCalls(root, text, ['GradScaler']).find((c) => {
    const e = c.kwargs.get('enabled');
    const sw = switchedBy(c.node, values);
    if (sw === 'off' || (switchedOff && sw === undefined && !e)) return false;
    return !e || values.resolve(e.value).value !== false;
  });
  if (scaler)
    return {
      key: 'precision',
      value: 'fp16',
      origin: 'explicit',
      file,
      span: spanOf(scaler.node),
      note: 'GradScaler(): fp16 loss scaling',
    };
  const tf32 =
    /matmul\.allow_tf32\s*=\s*True|set_float32_matmul_precision\(\s*["'](high|medium)["']|fp32_precision\s*=\s*["']tf32["']/.exec(
      text,
    );
  if (tf32) {
    // Beside a mixed-precision switch declared off (timm's train.py `allow_tf32 = True` and `--amp`): TF32 unless a
    // launcher gives the switch, whose argparse default the note names for ../link/merge.ts.
    const sw = unreadPrecision(file, root, text, values);
    if (sw?.origin === 'script-default' && sw.value === 'fp32' && /default of argparse/.test(sw.note ?? ''))
      return { ...sw, value: 'tf32', note: `TF32 matmuls enabled; ${(sw.note ?? '').replace(/: fp32$/, '')}` };
    return {
      key: 'precision',
      value: 'tf32',
      origin: 'explicit',
      file,
      span: { start: tf32.index, end: tf32.index + tf32[0].length },
      note: 'TF32 matmuls enabled',
    };
  }
  // Mixed precision written but switched off by default (`autocast(enabled=args.amp)` with a store_true flag).
  const off = [...autocasts, ...findCalls(root, text, ['GradScaler'])].find(
    (c) => c.kwargs.get('enabled') && values.resolve(c.kwargs.get('enabled')?.value).value === false,
  );
  if (off) {
    // The option it reads (`enabled=args.amp`), named for ../link/merge.ts: a launcher's `--amp` turns it on
    // (./precision-flags.ts), in the autocast's own dtype where it writes one.
    const en = off.kwargs.get('enabled')?.value;
    const dest = en ? values.resolve(en).dest : undefined;
    const dt = off.kwargs.get('dtype')?.value;
    const when =
      dt && (dtypeOf(dt.text) === 'bf16' || dtypeOf(dt.text) === 'fp16') ? `; ${dtypeOf(dt.text)} when on` : '';
    return {
      key: 'precision',
      value: 'fp32',
      origin: 'script-default',
      file,
      span: spanOf(off.node),
      note: `${off.callee}(enabled=${en?.text}) is off by default${dest ? ` (default of argparse --${dest} is off${when})` : ''}: fp32 unless it is turned on`,
    };
  }
  // Every autocast behind a switch that is off by default (`if not fp16: … else: with autocast():` with
  // `fp16 = False`): the default run trains in fp32.
  if (switchedOff)
    return {
      key: 'precision',
      value: 'fp32',
      origin: 'script-default',
      file,
      span: spanOf(switchedOff.node),
      note: `${switchedOff.callee}(…) runs only behind a switch that is off by default${ampSwitchNote(switchedOff.node, root, text, values)}: fp32`,
    };
  return (
    unreadPrecision(file, root, text, values) ?? {
      key: 'precision',
      value: 'fp32',
      origin: 'framework-default',
      note: 'no torch.autocast, GradScaler, .half() or .bfloat16() in this file: PyTorch trains in fp32',
    }
  );
}

/**
 * Whether `X is not None` / `X is None` holds for a loss scaler `X` the file builds: every assignment of `X` that
 * builds a GradScaler either unconditionally (built) or as `GradScaler(…) if C else None` with a flag `C` whose value
 * is known (built when C). The torchvision classification reference switches autocast this way
 * (`scaler = torch.cuda.amp.GradScaler() if args.amp else None`, `autocast(enabled=scaler is not None)`;
 * https://github.com/pytorch/vision/tree/main/references/classification, https://pytorch.org/docs/stable/amp.html).
 * Undefined when the name is assigned anything else or the flag is not known.
 */
function scalerSwitch(
  expr: SyntaxNode,
  root: SyntaxNode,
  values: ValueResolver,
): { on: boolean; note: string; scriptDefault?: boolean } | undefined {
  const e = expr.type === 'parenthesized_expression' ? expr.namedChildren[0] : expr;
  if (e?.type !== 'comparison_operator' || e.namedChildren.length !== 2) return undefined;
  const op = e.children
    .filter((c) => c && !c.isNamed)
    .map((c) => c?.text ?? '')
    .join(' ');
  const [name, none] = e.namedChildren;
  if (none?.type !== 'none' || name?.type !== 'identifier' || (op !== 'is not' && op !== 'is')) return undefined;
  const isScaler = (n: SyntaxNode | null | undefined) =>
    n?.type === 'call' && /(^|\.)GradScaler$/.test(n.childForFieldName('function')?.text ?? '');
  const sets = nodesOfType(root, 'assignment').filter((a) => a?.childForFieldName('left')?.text === name.text);
  let built: boolean | undefined;
  let note = '';
  let scriptDefault: boolean | undefined;
  for (const a of sets) {
    const rhs = a.childForFieldName('right');
    if (rhs?.type === 'none') continue; // `scaler = None` before a later, switched build
    let b: boolean | undefined;
    // `scaler = None` then `if args.use_fp16: scaler = GradScaler()`: built only when the switch is given.
    const flag = isScaler(rhs) ? offByDefaultGuard(a, undefined, values) : undefined;
    if (flag) {
      b = false;
      scriptDefault = true;
      note ||= `${name.text} = ${rhs?.text ?? 'GradScaler()'} runs only when --${flag} is given (off by default)`;
    } else if (isScaler(rhs)) {
      b = true;
      note ||= `${name.text} = ${rhs!.text} whatever the flags`;
    } else if (rhs?.type === 'conditional_expression' && rhs.namedChildren.length === 3) {
      const [yes, cond, no] = rhs.namedChildren;
      const scalerFirst = isScaler(yes) && no?.type === 'none';
      if (!scalerFirst && !(isScaler(no) && yes?.type === 'none')) return undefined;
      const c = values.resolve(cond);
      if (typeof c.value !== 'boolean') return undefined;
      b = scalerFirst ? c.value : !c.value;
      scriptDefault ||= c.scriptDefault;
      // The option's name in the note lets a launcher's `--amp` replace the default (../link/merge.ts).
      const why = c.dest && c.scriptDefault ? `default of argparse --${c.dest}: ${c.value ? 'on' : 'off'}` : c.via;
      note ||= `${name.text} is built only when ${cond!.text} (${why ?? `${cond!.text} = ${c.value}`})`;
    } else return undefined;
    if (built !== undefined && built !== b) return undefined;
    built = b;
  }
  if (built === undefined) return undefined;
  return { on: op === 'is not' ? built : !built, note, scriptDefault };
}
