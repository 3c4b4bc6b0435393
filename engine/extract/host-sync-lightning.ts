// The loss a Lightning 1.x `training_step` returns, read on the host on every step (GML404). Lightning 1.x keeps the
// returned loss in the fit loop's running loss, and its progress bar shows it: `LightningModule.get_progress_bar_dict`
// takes `self.trainer.fit_loop.running_loss.mean()` and reads it with `.cpu().item()` on every refresh of the bar,
// whose `refresh_rate` is 1 batch by default (pytorch_lightning 1.x, `core/lightning.py` get_progress_bar_dict and
// `callbacks/progress/tqdm_progress.py` TQDMProgressBar). Lightning 2.0 dropped the loss from the bar
// (`get_standard_metrics` keeps only `v_num`), so a module is judged only when it is written for 1.x: a
// `training_step` taking `optimizer_idx`, or an `*_epoch_end(self, outputs)` hook, or `get_progress_bar_dict`
// itself (all removed in 2.0: https://lightning.ai/docs/pytorch/stable/upgrade/from_1_9.html).
import type { SyntaxNode } from '../parse/python';
import { nodesOfType } from '../parse/nodes-of-type';
import { enclosingDef } from './python-params';

interface Read {
  node: SyntaxNode;
  value: string;
  note: string;
}

/** Hooks and arguments Lightning 2.0 removed: a module that defines them is written for Lightning 1.x. */
const V1_HOOK = /^(training_epoch_end|validation_epoch_end|test_epoch_end|get_progress_bar_dict)$/;

/** A class derived from Lightning's module (`pl.LightningModule`, `LightningModule`, `L.LightningModule`). */
const lightningClass = (fn: SyntaxNode): boolean => {
  const cls = fn.parent?.parent;
  return (
    cls?.type === 'class_definition' && /\bLightningModule\b/.test(cls.childForFieldName('superclasses')?.text ?? '')
  );
};

/** The parameters' names of a function. */
const params = (fn: SyntaxNode): string[] =>
  (fn.childForFieldName('parameters')?.namedChildren ?? []).map(
    (p) =>
      (p?.type === 'identifier' ? p.text : (p?.childForFieldName('name')?.text ?? p?.namedChildren[0]?.text)) ?? '',
  );

/**
 * Each `return` of a Lightning 1.x `training_step` that hands back a loss (anything but `None`, which skips the
 * batch), in the step's own body; `perStep` decides, as for every read, that the step runs it on every step.
 */
export function lightningReturns(root: SyntaxNode, perStep: (node: SyntaxNode) => SyntaxNode | undefined): Read[] {
  if (!/\btraining_step\b/.test(root.text) || !/LightningModule/.test(root.text)) return [];
  const defs = nodesOfType(root, 'function_definition');
  const steps = defs.filter((fn) => fn.childForFieldName('name')?.text === 'training_step' && lightningClass(fn));
  if (steps.length === 0) return [];
  const v1 =
    steps.some((fn) => params(fn).includes('optimizer_idx')) ||
    defs.some((fn) => V1_HOOK.test(fn.childForFieldName('name')?.text ?? '') && lightningClass(fn));
  if (!v1) return [];
  const out: Read[] = [];
  for (const fn of steps)
    for (const r of fn.descendantsOfType('return_statement')) {
      const value = r?.namedChildren[0];
      if (!r || !value || value.text === 'None' || enclosingDef(r)?.id !== fn.id || !perStep(r)) continue;
      const text = value.text.length <= 40 ? value.text : 'the loss';
      out.push({
        node: r,
        value: `return ${text} from training_step`,
        note: `training_step returns ${text}: Lightning 1.x's progress bar reads the running loss with .cpu().item() on every step`,
      });
    }
  return out;
}
