// Training that a repository module hands to a framework's own loop, reached from the entry script through the import
// walk (./import-walk): `model.fit(x, y, batch_size=32, epochs=10)` in a Keras helper (Keras guide "Training &
// evaluation with the built-in methods": `fit` runs the training loop), `trainer.train()` on a Hugging Face
// `Trainer`/`SFTTrainer` the module builds (Transformers docs, Trainer: "`train()` — main training entry point"), or a
// TensorFlow custom loop's `optimizer.apply_gradients(…)` (TensorFlow guide "Writing a training loop from scratch").
// The walk's own step is a PyTorch backward pass; where none is reached, such a definition is the run's step, and the
// module's run of that framework (read by the engine's readers: the linker's `pythonRuns`) is joined to the script's
// run by ./imports-merge. An evaluation helper (`model.evaluate`, `trainer.predict`) and scikit-learn's `fit` in a
// module that imports no deep-learning framework are not such a step.
import type { SyntaxNode } from '../parse/python';
import type { RunDraft } from '../extract/run-draft';
import type { Linker } from './linker';
import type { Mod } from './import-walk';
import { vocabDrafts } from './vocab';

/** A Keras model's training calls. */
const KERAS_FIT = /\.(?:fit|fit_generator|train_on_batch)\s*\(/;
/** Training calls only a Keras model has. */
const KERAS_ONLY = /\.(?:fit_generator|train_on_batch)\s*\(/;
/** A Keras `compile` with its loss or optimizer, before the model's `fit`. */
const KERAS_COMPILE = /\.compile\s*\([^)]*\b(?:loss|optimizer)\s*=/;
/** A TensorFlow custom loop's update. */
const TF_UPDATE = /\.apply_gradients\s*\(/;
/** `trainer.train(…)` / `trainer.train()` on any receiver. */
const TRAIN_CALL = /\.train\s*\(/;
const KERAS_MODULE = /^\s*(?:import|from)\s+(?:tensorflow|keras|tf_keras)\b/m;
const HF_MODULE = /^\s*(?:import|from)\s+(?:transformers|trl|unsloth|setfit)\b/m;
/** A Trainer the module builds (`Trainer(`, `SFTTrainer(`, `Seq2SeqTrainer(`, `DPOTrainer(`). */
const HF_TRAINER = /\b\w*Trainer\s*\(/;

/** Whether a definition (a function or a method) trains through a framework's loop. */
export function trainsInFramework(def: SyntaxNode, moduleText: string): boolean {
  const t = def.text;
  if (TF_UPDATE.test(t) && KERAS_MODULE.test(moduleText)) return true;
  if (KERAS_FIT.test(t) && KERAS_MODULE.test(moduleText)) return true;
  // A module that imports its Keras model from elsewhere (a helper package): `fit_generator`/`train_on_batch` are
  // Keras's names only, and `fit` after `compile(loss=…, optimizer=…)` on the model is Keras's compile-then-fit
  // (Keras API, Model.compile / Model.fit); scikit-learn's `fit` has no `compile`.
  if (KERAS_ONLY.test(t) || (KERAS_FIT.test(t) && KERAS_COMPILE.test(t))) return true;
  return TRAIN_CALL.test(t) && HF_MODULE.test(moduleText) && HF_TRAINER.test(moduleText);
}

/** The module's run of that framework (the Hugging Face Trainer's, Keras's, a TensorFlow loop read by the vocabulary). */
export function frameworkRunOf(linker: Linker, mod: Mod): RunDraft | undefined {
  const own = linker.pythonRuns(mod.file, mod.text).find((d) => d.kind === 'hf' || d.kind === 'keras');
  if (own || !KERAS_MODULE.test(mod.text)) return own;
  // A TensorFlow custom loop is read by the shared vocabulary (the module's own run, without its launchers).
  return vocabDrafts(linker, mod.file, mod.text, undefined, undefined, false).find((d) => d.kind === 'vocab');
}
