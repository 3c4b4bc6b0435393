// The checkpoints of a hand-written training loop (./python-loop.ts): a save inside the step loop (its cadence from the
// `step % N` guard around it), once per epoch in a loop around it, after each pass of the function the epoch loop
// calls, or none in the default run where every save waits for a switch that is off by default.
import type { SyntaxNode } from '../parse/python';
import { spanOf } from '../parse/python-syntax';
import type { Fact } from '../types';
import { contains, moduloGuard, offByDefaultGuard } from './python-scan';
import type { ValueResolver } from './python-values';
import { epochSaveFact } from './fields';
import { bestSave, weightsOnlyFact } from './weights-only';
import { isSaveName, mediaSave, savingFunctions } from './save-names';
import { enclosingDef } from './python-params';
import { rangeArg } from './loop-bounds';
import type { TrainingLoop } from './python-loop';

export function saveFacts(
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
  // A best-model save alone (`if acc > best_acc: torch.save(…)`) is no checkpoint along the way: see `bestOnly` below.
  const inStep = onSaves.find((c) => !!c && !bestSave(c));
  const offSave = onSaves.length ? undefined : stepSaves[0];
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
    .find((l) =>
      outerCalls(l).some(
        (c) => !bestSave(c) && (!offSave || !flagGuarded(c, l)) && !offByDefaultGuard(c, within, values),
      ),
    );
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
    // A full-batch loop (one update per pass: the step loop is the epoch loop, `for epoch in range(E)` whose bound is
    // the run's epochs) saving every N passes saves by epoch. Not one pass over a loader (`for step, batch in …`).
    const bound = rangeArg(step);
    if (
      guard &&
      !epoch &&
      bound &&
      epochs?.span &&
      epochs.span.start >= bound.startIndex &&
      epochs.span.end <= step.endIndex
    )
      return [
        ...weights,
        epochSaveFact(
          epochs,
          base,
          `${inStep.childForFieldName('function')?.text}(…) when ${guard.node.text} == 0 in the loop over epochs (one update per epoch)`,
        ),
      ];
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
              // The option's default (`% args.checkpointing_steps`): a launcher's flag replaces it (./link/merge.ts).
              ...(guard.scriptDefault ? { origin: 'script-default' as const } : {}),
              span: spanOf(guard.node),
              note: `saves when ${guard.node.text} == 0${guard.via ? ` (${guard.via})` : ''}`,
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
              !bestSave(c) &&
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
  // Saves made only when the validation improves (`if val_acc > best_acc: torch.save(…)`, `if is_best:`) or once
  // at a pinned epoch keep a best or final model, not the run's progress: an interruption loses everything since the
  // last improvement, so the run has no periodic checkpoint (the lane's labels: a best-only saver is not periodic).
  const bestOnly = [
    ...onSaves,
    ...loop.loops.slice(1).flatMap(outerCalls),
    ...(holder && around && !contains(holder, around)
      ? holder
          .descendantsOfType('call')
          .filter((c): c is SyntaxNode => !!c && c.startIndex >= step.endIndex && enclosingDef(c)?.id === holder.id)
          .filter(isSave)
      : []),
  ].find((c): c is SyntaxNode => !!c && bestSave(c) && !offByDefaultGuard(c, within, values));
  if (bestOnly)
    return [
      {
        key: 'periodic_save',
        value: 'no',
        origin: 'explicit',
        file,
        span: spanOf(bestOnly),
        form: 'best-only',
        note: `${bestOnly.childForFieldName('function')?.text}(…) runs only for the best model so far (or once), not at a cadence: an interruption loses the progress since`,
      },
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
