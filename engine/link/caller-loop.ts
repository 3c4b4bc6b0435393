// The script's loop around its call into the module that trains (`for epoch in range(args.epochs): train_one_epoch(…)`
// in main.py): the epochs it runs, the checkpoint it saves per pass, its validation pass and what stops it early
// (./imports-merge joins them to the script's run).
import type { SyntaxNode } from '../parse/python';
import { findCalls, spanOf } from '../parse/python-syntax';
import type { Fact } from '../types';
import { ValueResolver } from '../extract/python-values';
import { loopsAround, offByDefaultGuard, SAVE_CALL } from '../extract/python-scan';
import { bestSave, weightsOnlyFact } from '../extract/weights-only';
import { validationFacts } from '../extract/python-loop-eval';
import { notEpochs, rangeArg } from '../extract/loop-bounds';
import { mediaSave } from '../extract/save-names';
import type { Mod } from './import-walk';
import { stopSwitchedOff } from './passed-switch';

/** The script's parsed arguments: its argparse declarations and those of the modules it imports them from (`opts.py`). */
export interface ScriptArgs {
  values: ValueResolver;
  /** The file a declaration's node is in. */
  fileOf(node: SyntaxNode): string;
}

/** The loop around the call into the step's function (`train_one_epoch` in `main()`): its epochs and saves. */
export function callerLoopFacts(
  callers: { mod: Mod; call: SyntaxNode; args: ScriptArgs }[],
  step: Fact[],
  id: (f: string) => string,
): Fact[] {
  const firstFor = (c: SyntaxNode) => loopsAround(c).find((l) => l.type === 'for_statement');
  const hit = callers.find((c) => firstFor(c.call));
  const outer = hit && firstFor(hit.call);
  if (!hit || !outer) return [];
  const { mod, call, args } = hit;
  const out: Fact[] = [];
  const hasLength = step.some((f) => (f.key === 'epochs' || f.key === 'max_steps') && f.value !== null);
  const n = rangeArg(outer, (s) => args.values.resolve(s).value);
  const what = call.childForFieldName('function')?.text;
  if (n && !hasLength && !notEpochs(n.text, true)) {
    const r = args.values.resolve(n);
    // Unread here (`range(config.epochs)`, `import Config as config`): open on its bound for ./imported-constants.
    out.push({
      key: 'epochs',
      value: typeof r.value === 'number' ? r.value : null,
      origin: r.scriptDefault ? 'script-default' : 'explicit',
      file: id(r.node ? args.fileOf(r.node) : mod.file),
      span: spanOf(r.node ?? n),
      note: `for … in range(${n.text}) around ${what}(…)${r.via ? ` (${r.via})` : ''}`,
    });
  }
  const saves = outer
    .descendantsOfType('call')
    .filter(
      (c): c is SyntaxNode =>
        !!c &&
        !mediaSave(c.childForFieldName('function')?.text ?? '') &&
        (SAVE_CALL.test(c.childForFieldName('function')?.text ?? '') ||
          /save_(on_master|checkpoint|model)$/.test(c.childForFieldName('function')?.text ?? '')),
    );
  // Saves only under a switch the script leaves off (`if args.output_dir and args.save_ckpt:`): the run writes none.
  const off = saves.map((c) => offByDefaultGuard(c, outer, args.values));
  // A save only when the validation improves (`if best_acc < val_acc: save_checkpoint(…)`) keeps the best model, not
  // the run's progress: with no other save in the loop the run has no periodic checkpoint (../extract/weights-only).
  const save = saves.find((c, i) => !off[i] && !bestSave(c));
  const best = save ? undefined : saves.find((c, i) => !off[i] && bestSave(c));
  if (best)
    out.push({
      key: 'periodic_save',
      value: 'no',
      origin: 'explicit',
      file: id(mod.file),
      span: spanOf(best),
      form: 'best-only',
      note: `${best.childForFieldName('function')?.text}(…) in the loop around ${what}(…) runs only for the best model so far, not at a cadence`,
    });
  if (!save && !best && saves.length)
    out.push({
      key: 'periodic_save',
      value: 'no',
      origin: 'script-default',
      file: id(mod.file),
      span: spanOf(saves[0]),
      note: `${saves[0].childForFieldName('function')?.text}(…) in the loop around ${what}(…) runs only when --${off[0]} is given (off by default)`,
    });
  // A validation pass in that loop, and whether anything stops it early (GML601; a switch left off: ./passed-switch).
  if (!step.some((f) => f.key === 'validation'))
    out.push(...validationFacts(id(mod.file), mod.text, outer, call).map((f) => stopSwitchedOff(f, mod, args.values)));
  // Checkpoints the default run writes that keep the weights alone (`state = {"epoch": e, "model": …}`).
  if (save)
    out.push(
      ...weightsOnlyFact(
        id(mod.file),
        mod.root,
        saves.filter((_, i) => !off[i]),
        new ValueResolver(mod.root, findCalls(mod.root, mod.text, ['add_argument'])),
      ),
    );
  if (save)
    out.push({
      key: 'periodic_save',
      value: 'epoch',
      origin: 'explicit',
      file: id(mod.file),
      span: spanOf(save),
      note: `${save.childForFieldName('function')?.text}(…) in the loop around ${what}(…)`,
    });
  return out;
}
