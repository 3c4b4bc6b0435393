// The hand-written training loop of plain PyTorch / accelerate scripts: where `.backward()` runs, the loops around
// it (also through one function call: `for epoch in range(E): train_one_epoch(...)`), how long it runs, whether it
// saves inside the loop, and the precision it computes in (autocast, GradScaler, .half()/.bfloat16()).
import type { SyntaxNode } from '../parse/python';
import { findCalls, spanOf, type CallSite } from '../parse/python-syntax';
import type { Fact } from '../types';
import { dtypeOf } from './python-common';
import { accumulationGuard, ampSwitchNote, stepCallIn, unreadPrecision } from './code-signs';
import { contains, isBackwardCall, loopsAround, moduloGuard, offByDefaultGuard } from './python-scan';
import type { ValueResolver } from './python-values';
import { epochSaveFact } from './fields';
import { stepEvalFacts, validationFacts } from './python-loop-eval';
import { bestSave, weightsOnlyFact } from './weights-only';
import { breakBound, countsAcrossEpochs, epochNamedLoop, neverEnds, notEpochs } from './loop-bounds';
import { overNamedRange, phaseLoop, namedRangeArg, rangeArg, whileBound, whileEpochCount } from './loop-bounds';
import { isSaveName, mediaSave, savingFunctions } from './save-names';
import { enclosingDef } from './python-params';
import { switchedBy } from './python-branch';
import { accumulationGlobal } from './accum-global';

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
    const callers = findCalls(root, text, [name]).filter((c) => c.name === name && !contains(fn!, c.node));
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

function saveFacts(
  file: string,
  root: SyntaxNode,
  text: string,
  loop: TrainingLoop,
  values: ValueResolver,
  epochs: Fact | undefined,
): Fact[] {
  const [step, epoch] = loop.loops;
  if (!step) return [];
  const savers = savingFunctions(root, text);
  // The function that runs the loop saves at its end: `self.model.train()` inside its loop is not that save.
  for (let fn = enclosingDef(loop.backward.node); fn; fn = enclosingDef(fn)) {
    const name = fn.childForFieldName('name')?.text;
    if (name) savers.delete(name);
  }
  const isSave = (n: SyntaxNode | null) => {
    const callee = n?.childForFieldName('function')?.text ?? '';
    const name = callee.split('.').pop() ?? '';
    return (isSaveName(name) && !/save_hyperparameters/.test(name) && !mediaSave(callee)) || savers.has(name);
  };
  const within = loop.loops[loop.loops.length - 1]?.parent ?? undefined;
  const stepSaves = step.descendantsOfType('call').filter(isSave);
  // A per-step save behind a flag that is off by default (timm's `save_recovery` under `args.recovery_interval`,
  // default 0) is not the default run's saving; an epoch-level save around it still is.
  // A periodic save before a best-model one (`if dice > best:` under the evaluation's `% 200`): the cadence is its.
  const onSaves = stepSaves.filter((c) => !offByDefaultGuard(c!, within, values));
  const inStep = onSaves.find((c) => !!c && !bestSave(c)) ?? onSaves[0];
  const offSave = inStep ? undefined : stepSaves[0];
  const flag = offSave ? offByDefaultGuard(offSave, within, values) : undefined;
  // When the step save is off by default, an epoch save counts only if no `if` above it reads a command-line value
  // (directly or through a local assigned from one): accelerate's `if checkpointing_steps == "epoch":` is a flag too.
  const FLAG = /^(args|opt|opts|cfg|config|hparams|flags|FLAGS)\./;
  const flagGuarded = (c: SyntaxNode, l: SyntaxNode) => {
    for (let p = c.parent; p && p.id !== l.id; p = p.parent) {
      if (p.type !== 'if_statement') continue;
      const cond = p.childForFieldName('condition');
      if (!cond) continue;
      if (FLAG.test(cond.text) || cond.descendantsOfType('attribute').some((a) => FLAG.test(a?.text ?? '')))
        return true;
      for (const id of cond.type === 'identifier' ? [cond] : cond.descendantsOfType('identifier'))
        if (id && values.localAssignments(id).some((r) => r.type === 'attribute' && FLAG.test(r.text))) return true;
    }
    return false;
  };
  const outerCalls = (l: SyntaxNode) =>
    l.descendantsOfType('call').filter((c) => isSave(c) && !stepSaves.some((s) => s?.id === c!.id)) as SyntaxNode[];
  // An epoch-level save under a switch that is off by default (`if opt.checkpoint_interval != -1 and …`, default
  // -1) is not the default run's saving either.
  const outerSave = loop.loops
    .slice(1)
    .find((l) => outerCalls(l).some((c) => (!offSave || !flagGuarded(c, l)) && !offByDefaultGuard(c, within, values)));
  const offOuter = outerSave
    ? undefined
    : loop.loops
        .slice(1)
        .flatMap(outerCalls)
        .map((c) => ({ c, flag: offByDefaultGuard(c, within, values) }))
        .find((x) => x.flag);
  if (!outerSave && !inStep && offOuter && !(offSave && flag)) {
    return [
      {
        key: 'periodic_save',
        value: 'no',
        origin: 'script-default',
        file,
        // On the switch's default, the value that decides it (`default=-1`), else on the save.
        span: spanOf(values.declaredDefault(offOuter.flag ?? '')?.node ?? offOuter.c),
        note: `${offOuter.c.childForFieldName('function')?.text}(…) in the epoch loop runs only when --${offOuter.flag} is given (off by default)`,
      },
    ];
  }
  if (offSave && flag && !outerSave) {
    // An epoch-level save behind another command-line value that is not known to be off keeps the run's saving
    // unknown; with none, the default run saves nothing along the way (a launcher that gives the switch: link/merge.ts).
    const unsure = loop.loops
      .slice(1)
      .some((l) => outerCalls(l).some((c) => flagGuarded(c, l) && !offByDefaultGuard(c, within, values)));
    return [
      {
        key: 'periodic_save',
        value: unsure ? null : 'no',
        origin: 'script-default',
        file,
        span: spanOf(values.declaredDefault(flag)?.node ?? offSave),
        note: `${offSave.childForFieldName('function')?.text}(…) in the training loop runs only when --${flag} is given (off by default)`,
      },
    ];
  }
  if (inStep) {
    const guard = moduloGuard(inStep, step, values);
    const weights = weightsOnlyFact(
      file,
      root,
      [...step.descendantsOfType('call').filter(isSave)] as SyntaxNode[],
      values,
    );
    const base = { file, span: spanOf(inStep), origin: 'explicit' as const };
    return [
      {
        ...base,
        key: 'periodic_save',
        value: 'steps',
        note: `${inStep.childForFieldName('function')?.text}(…) inside the training loop`,
      },
      ...(guard?.value
        ? [
            {
              ...base,
              key: 'save_steps' as const,
              value: guard.value,
              span: spanOf(guard.node),
              note: `saves when ${guard.node.text} == 0`,
            },
          ]
        : []),
      ...weights,
    ];
  }
  // A save after the step loop in its function, called from an outer loop: once per outer iteration (./weights-only).
  const holder = enclosingDef(step);
  const around = loop.loops[1];
  const saves =
    holder && around && !contains(holder, around)
      ? holder
          .descendantsOfType('call')
          .filter(
            (c): c is SyntaxNode =>
              !!c &&
              c.startIndex >= step.endIndex &&
              enclosingDef(c)?.id === holder.id &&
              isSave(c) &&
              !offByDefaultGuard(c, holder, values),
          )
      : [];
  const outer = outerSave;
  if (outer) {
    const at = outer.descendantsOfType('call').find((c) => isSave(c) && !stepSaves.some((s) => s?.id === c!.id))!;
    const own = outer.descendantsOfType('call').filter(isSave) as SyntaxNode[];
    return [
      ...weightsOnlyFact(file, root, [...own, ...saves], values),
      epochSaveFact(
        outer === epoch ? epochs : undefined,
        { origin: 'explicit', file, span: spanOf(at) },
        `${at.childForFieldName('function')?.text}(…) once per epoch`,
      ),
    ];
  }
  const after = saves[0];
  if (after)
    return [
      ...weightsOnlyFact(file, root, saves, values),
      epochSaveFact(
        around === epoch ? epochs : undefined,
        { origin: 'explicit', file, span: spanOf(after) },
        `${after.childForFieldName('function')?.text}(…) after each pass of the training loop, once per iteration of the loop that calls it`,
      ),
    ];
  // Reported on the header of the outermost training loop (`for epoch in range(90):`): the loop that saves nothing.
  const outermost = loop.loops[loop.loops.length - 1];
  const colon = outermost.children.find((c) => c?.type === ':');
  return [
    {
      key: 'periodic_save',
      value: 'no',
      origin: 'framework-default',
      file,
      span: { start: outermost.startIndex, end: colon?.endIndex ?? outermost.startIndex + 3 },
      note: 'nothing in the training loop saves a checkpoint (no torch.save / save_state / save_checkpoint inside it): an interruption loses the run',
    },
  ];
}

/** Precision of a hand-written loop: autocast, GradScaler, .half()/.bfloat16(), TF32 flags; fp32 when none. */
export function torchPrecision(file: string, root: SyntaxNode, text: string, values: ValueResolver): Fact {
  const autocasts = findCalls(root, text, ['autocast']).filter((c) => c.name === 'autocast');
  let switchedOff: (typeof autocasts)[number] | undefined;
  for (const a of autocasts) {
    const enabled = a.kwargs.get('enabled');
    const en = enabled ? values.resolve(enabled.value).value : true;
    if (en === false) continue;
    const base = { key: 'precision' as const, origin: 'explicit' as const, file, span: spanOf(a.node) };
    // A wrapper object's own `autocast()` (`accel.autocast()`): on or off as that object was built.
    const owner = a.callee.includes('.') ? a.callee.slice(0, a.callee.lastIndexOf('.')) : '';
    if (owner && !/^(torch(\.(cuda|cpu|xpu))?(\.amp)?|(cuda\.)?amp)$/.test(owner) && !a.kwargs.has('dtype'))
      return { ...base, value: null, note: `${a.callee}(): mixed precision as ${owner} was set up, not read here` };
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
  // `GradScaler(enabled=args.amp)` with a store_true flag: no loss scaling unless the flag is given.
  const scaler = findCalls(root, text, ['GradScaler']).find((c) => {
    const e = c.kwargs.get('enabled');
    if (switchedBy(c.node, values) === 'off') return false;
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
  if (off)
    return {
      key: 'precision',
      value: 'fp32',
      origin: 'script-default',
      file,
      span: spanOf(off.node),
      note: `${off.callee}(enabled=${off.kwargs.get('enabled')?.value.text}) is off by default: fp32 unless it is turned on`,
    };
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
