// A script that builds a framework's training objects but never starts training: an evaluation, prediction or
// retrieval script that parses `TrainingArguments` with `HfArgumentParser` (or builds a `Trainer`) only to call
// `trainer.predict`/`trainer.evaluate`, or that builds a Lightning `Trainer` only to call `trainer.test`/`validate`/
// `predict`, or that defines a LightningModule and only loads weights into it. Both frameworks train in one method:
// Hugging Face's `Trainer.train()` ("Main training entry point", transformers docs, Trainer) and Lightning's
// `Trainer.fit()` ("Runs the full optimization routine"; `test`, `validate` and `predict` run no optimizer step,
// lightning.ai/docs/pytorch/stable/common/trainer.html#methods). A file that runs (./python-trains `hasEntry`) and
// calls neither, nor any function named for training that could (`train(…)`, `train_model(…)`, `run_training(…)`),
// starts no run of its own. A module without an entry (arguments or a Trainer built for a script that imports it)
// is left as it was. Conservative on purpose: any such call anywhere outside a comment keeps the run, so that a
// training call behind `if training_args.do_train:` still counts.
import type { Node as SyntaxNode } from 'web-tree-sitter';
import { hasEntry } from './python-trains';

/**
 * A call that may start training: `.train(`/`.fit(`/`.learn(` on any receiver, or a function named for training
 * (`train(`, `fit(`, `finetune(`, `train_…(`, `…_train(`, `…_training(`, `…_finetune(`).
 */
const TRAINING_CALL =
  /(?:\.|\b)(?:train|fit|learn|finetune|fine_tune)\s*\(|\b(?:train|fit|finetune|fine_tune)_\w*\s*\(|\b\w+_(?:train|training|finetune|fine_tune|fit)\s*\(/g;
/** Calls whose names read as training but are data helpers (scikit-learn's split and transformer fit). */
const NOT_TRAINING = /^(?:\.|\b)?(?:train_test_split|fit_transform)\s*\(/;

/** True when the text (comments removed) calls nothing that may train. A `def train_dataloader(` is no call. */
export function callsNoTraining(text: string): boolean {
  const code = text.replace(/#[^\n]*/g, '');
  for (const m of code.matchAll(TRAINING_CALL)) {
    if (NOT_TRAINING.test(m[0])) continue;
    if (/\bdef\s+$/.test(code.slice(Math.max(0, (m.index ?? 0) - 8), m.index))) continue;
    return false;
  }
  return true;
}

/** A file that runs when executed and calls nothing that may train: its Trainer or arguments start no run. */
export function runsWithoutTraining(root: SyntaxNode, text: string): boolean {
  return hasEntry(root) && callsNoTraining(text);
}
