// The run of a Python file that trains (./python-trains) with a library nobody wrote a reader for, read generically:
// the keyword arguments of its training call first (`fit(…, batch_size=256, epochs=10)`, `nb_epoch=`,
// `num_boost_round=`), then every other source of the file through the shared vocabulary (argparse defaults, module
// constants, dict literals), each `inferred`; the defaults that follow from what the code shows, and only those; the
// devices the file states.
import type { Tree } from 'web-tree-sitter';
import { ACCUMULATION } from './code-signs';
import type { EntrySet } from './generic';
import type { Framework } from '../vocabulary/frameworks';
import { readVocabulary } from '../vocabulary/read';
import { findCalls, literal, spanOf } from '../parse/python-syntax';
import { fitStopping } from './keras-stopping';
import { jaxFloat32 } from './jax';
import type { Fact, FactKey } from '../types';
import type { RunDraft } from './run-draft';
import type { TrainingEvidence } from './python-trains';
import { mediaSave, NOT_STATE, writesMedia } from './save-names';
import { savesWhileTraining } from './loop-saves';
import { SINGLE_PROCESS, singleDevice } from './single-device';
import { configBuiltTrainer } from './config-built-trainer';

/**
 * Mixed or reduced precision anywhere in the file: no fp32 default then. A `precision` setting counts where it is
 * code (`precision=16`), not where a string names a metric (`"recall=[%s], precision=[%s]"`).
 */
const REDUCED_PRECISION =
  /autocast|\bamp\b|GradScaler|\.half\(|float16|bfloat16|\bbf16\b|\bfp16\b|\bfp8\b|mixed_precision|half_precision|set_global_policy|\bjmp\b|Accelerator\s*\(|deepspeed|apex/i;
const reducedPrecision = (code: string) => REDUCED_PRECISION.test(code) || /\bprecision\b/i.test(blank(code));

/** The keyword arguments of the training call through the vocabulary: they are the run's settings, over the file's other mentions (a `predict(batch_size=…)`). */
export function trainingCallFacts(
  main: EntrySet,
  ev: TrainingEvidence,
  fw: Framework | undefined,
  facts: Map<FactKey, Fact>,
) {
  const call = ev.calls[0];
  if (!call) return;
  const inside = main.entries.filter((e) => e.span.start >= call.node.startIndex && e.span.end <= call.node.endIndex);
  if (!inside.length) return;
  const own = readVocabulary([{ ...main, entries: inside }], fw);
  for (const [k, f] of own.facts) {
    if (f.value === null || f.value === undefined) continue;
    facts.set(k, { ...f, origin: f.origin === 'explicit' && !fw ? 'inferred' : f.origin });
  }
  // `epoch=25` given to the call that trains is its number of epochs (fastText's `train_supervised`); elsewhere
  // `epoch` is usually the current one (`save(epoch=epoch)`), so the vocabulary does not read it.
  const epoch = call.kwargs.get('epoch');
  const n = epoch ? literal(epoch.value) : undefined;
  if (epoch && !own.facts.has('epochs') && typeof n === 'number' && Number.isInteger(n) && n > 0)
    facts.set('epochs', {
      key: 'epochs',
      value: n,
      origin: 'inferred',
      file: main.file,
      span: spanOf(epoch.node),
      note: `${call.name}(…, epoch=${n}): the training call's number of epochs`,
    });
}

/**
 * A call that could write training state: a save, a checkpoint, a dump or export by any name, a saver object, or a
 * callback list (Keras `ModelCheckpoint` may hide in it). Read with comments and string literals blanked out, so that
 * a help text that mentions checkpoints is not a save. Writes of images, samples, plots or results are not state, nor
 * `.save(…)` on a value just computed (`toimage(x).save(fn)`: a picture).
 */
const SAVE_CALL =
  /(?<![)\]]\s*\.\s*)\b(\w*(?:save|ckpt|checkpoint|dump|export|persist|serializ)\w*)\s*\(|\bcallbacks\s*=/gi;
const blank = (text: string) =>
  text
    .replace(/("""|''')[\s\S]*?\1/g, '""')
    .replace(/#[^\n]*/g, '')
    .replace(/(["'])(?:\\.|(?!\1)[^\\\n])*\1/g, '""');
export function savesAnything(text: string): boolean {
  const t = blank(text);
  for (const m of t.matchAll(SAVE_CALL)) {
    if (m[1] && (NOT_STATE.test(m[1]) || writesMedia(m[1]))) continue;
    // `self.video_recorder.save(f)`, `np.save(path, returns)`: a recording or an array, not training state
    // (./save-names mediaSave).
    const callee = /[\w.]*$/.exec(t.slice(Math.max(0, m.index - 80), m.index))?.[0] ?? '';
    if (mediaSave(callee + m[1])) continue;
    return true;
  }
  return false;
}
/** The header of the loop over epochs (`for epoch in range(250):`), where a finding about the whole run is shown. */
function epochLoop(text: string): { start: number; end: number } | undefined {
  const m = /^[ \t]*for\s+[^\n]*\bepoch\w*\s+in\s[^\n]*:/im.exec(text);
  if (!m) return undefined;
  const lead = m[0].length - m[0].trimStart().length;
  return { start: m.index + lead, end: m.index + m[0].length };
}
/** Modules of the file's own repository imported relatively (`from .trainer import …`): they may save for it. */
const LOCAL_IMPORT = /^\s*from\s+\.+\w*\s+import\b/m;

/**
 * `if bad_epochs == patience: … break` inside a loop over epochs, in any library: the run stops when the validation
 * stops improving. A patience that only lowers the learning rate (no `break`) is not a stop.
 */
function patienceBreak(text: string): { start: number; end: number } | undefined {
  const loops = [...text.matchAll(/^([ \t]*)for\b[^\n]*\bepoch\w*\b[^\n]*\bin\b[^\n]*:/gim)];
  for (const m of text.matchAll(/^([ \t]*)(?:el)?if\b[^\n]*\b\w*(patience|early_?stop)\w*\b[^\n]*:[ \t]*$/gim)) {
    const depth = m[1].length;
    if (!loops.some((l) => l.index < m.index && l[1].length < depth)) continue;
    let at = m.index + m[0].length + 1;
    for (const line of text.slice(at).split('\n')) {
      const lead = line.length - line.trimStart().length;
      if (line.trim() && !line.trim().startsWith('#') && lead <= depth) break;
      if (/^[ \t]*break\b/.test(line)) return { start: at + lead, end: at + lead + 5 };
      at += line.length + 1;
    }
  }
  return undefined;
}

/** Precision, accumulation and saving that follow from the code alone, each with its reason. */
export function codeDefaults(file: string, text: string, ev: TrainingEvidence, facts: Map<FactKey, Fact>) {
  const torch = /^\s*(import torch\b|from torch\b)/m.test(text);
  const tf = /^\s*(import tensorflow\b|from tensorflow\b|import keras\b|from keras\b)/m.test(text);
  // `np.set_printoptions(precision=4)` sets printed digits, not arithmetic.
  const code = text.replace(/\bset_printoptions\s*\([^)]*\)/g, '');
  const tf32 =
    torch && /matmul\.allow_tf32\s*=\s*True|set_float32_matmul_precision\(\s*["'](high|medium)["']/.exec(code);
  if (!facts.has('precision') && tf32 && !reducedPrecision(code))
    facts.set('precision', {
      key: 'precision',
      value: 'tf32',
      origin: 'explicit',
      file,
      span: { start: tf32.index, end: tf32.index + tf32[0].length },
      note: 'TF32 matmuls enabled (set_float32_matmul_precision / allow_tf32) and no autocast: fp32 weights, TF32 matmuls',
    });
  // A JAX training script (tf.data or Keras imported for its input pipeline only): JAX's float32 default, not Keras'.
  const jax = !torch && /^\s*(import (jax|flax)\b|from (jax|flax)\b)/m.test(text) ? jaxFloat32(text) : undefined;
  if (!facts.has('precision') && jax) facts.set('precision', { ...jax, file });
  // A trainer built from a config at run time (Hydra's `instantiate(cfg.trainer)`): its precision is the config's.
  const fromConfig = torch && !facts.has('precision') ? configBuiltTrainer(code) : undefined;
  if (fromConfig) facts.set('precision', { ...fromConfig, file });
  if (!facts.has('precision') && (torch || tf) && !reducedPrecision(code))
    facts.set('precision', {
      key: 'precision',
      value: 'fp32',
      origin: 'framework-default',
      file,
      note: torch
        ? 'plain PyTorch runs in fp32 unless autocast, a GradScaler or .half() is used; this file shows none of them (https://pytorch.org/docs/stable/amp.html, 2025)'
        : 'Keras runs in float32 unless a mixed-precision policy is set; this file sets none (https://www.tensorflow.org/guide/mixed_precision, 2025)',
    });
  if (!facts.has('grad_accum') && ev.stepLoop && !ev.agent && !ACCUMULATION.test(text))
    facts.set('grad_accum', {
      key: 'grad_accum',
      value: 1,
      origin: 'framework-default',
      file,
      note: 'the training loop in this file steps the optimizer after every backward pass (no accumulation written)',
    });
  // The epoch loop may be this file's while its update is in a module it calls (`model.train(sess, batch)`).
  const stop = !facts.has('early_stopping') && (ev.stepLoop || ev.entry) ? patienceBreak(text) : undefined;
  if (stop)
    facts.set('early_stopping', {
      key: 'early_stopping',
      value: true,
      origin: 'explicit',
      file,
      span: stop,
      note: 'a break out of the epoch loop when a patience counter runs out: the run can stop early',
    });
  // A Keras-style training call on a wrapper nobody wrote a reader for (`dlwp.fit_generator(…, validation_data=…,
  // callbacks=[history, early])`, `early = EarlyStoppingMin(…)`): an early-stopping callback reaches it. Or none
  // does: a Keras `fit(…, validation_data=…)` in a script that imports its model with `from model_init import *`
  // evaluates every epoch and never stops early (Keras stops early only through a callback:
  // https://keras.io/api/callbacks/early_stopping/); the fact sits on the call (form `call`, named by its callee).
  const fit = ev.calls[0];
  if (!facts.has('early_stopping') && fit && /^fit/.test(fit.name)) {
    const [s] = fitStopping(fit.node.tree.rootNode, text, [fit]);
    if (s)
      facts.set('early_stopping', {
        key: 'early_stopping',
        value: s.stops,
        origin: 'explicit',
        file,
        span: spanOf(fit.node),
        ...(s.stops === false ? { form: 'call' as const, name: fit.callee } : {}),
        note:
          s.stops === true
            ? `an early-stopping callback is passed to ${fit.callee}(…)`
            : s.stops === null
              ? `${fit.callee}(…) callbacks not readable: an early-stopping callback built in this file may reach them`
              : `${fit.callee}(…) evaluates a validation set every epoch and no early-stopping callback reaches it`,
      });
  }
  // A training loop written in this file, and not a word of saving anywhere in it: nothing is written before the
  // run ends (nor after). Only for a loop this file runs, never for a module others call.
  if (!facts.has('periodic_save') && ev.stepLoop && ev.entry && !savesAnything(text) && !LOCAL_IMPORT.test(text))
    noSave(
      facts,
      file,
      epochLoop(text),
      'nothing in this file saves a model or a checkpoint (no save, checkpoint, dump or export call, no callbacks): an interruption loses the run',
    );
  // The update is in this file and every save it shows runs before or after training, none while it trains (a
  // TF1 model class whose `saver.save` follows its epoch loop, a `tf.train.Saver()` built and never used): nothing is
  // written that an interrupted run could resume from.
  const update = ev.update;
  if (
    !facts.has('periodic_save') &&
    update &&
    ev.entry &&
    !LOCAL_IMPORT.test(text) &&
    epochLoop(text) &&
    !savesWhileTraining(update.tree.rootNode)
  )
    noSave(
      facts,
      file,
      epochLoop(text),
      'no save runs while this file trains (none in its loops, in the functions they call or in a callback hook): only the final state is written, an interruption loses the run',
    );
  // A library training call that writes nothing unless asked: Keras `Model.fit` saves only through a callback
  // (`ModelCheckpoint`, `BackupAndRestore`: https://keras.io/api/callbacks/model_checkpoint/), DeepXDE `Model.train`
  // only with `model_save_path` or a `ModelCheckpoint` callback (https://deepxde.readthedocs.io/en/latest/modules/deepxde.html#deepxde.model.Model.train).
  const quiet = ev.calls.find(
    (c) =>
      (c.name === 'fit' && KERAS_FIT.test(text) && !LIGHTNING.test(text)) ||
      (c.name === 'train' && /^\s*import deepxde\b|^\s*from deepxde\b/m.test(text) && !c.kwargs.has('model_save_path')),
  );
  if (
    !facts.has('periodic_save') &&
    quiet &&
    !quiet.hasSplat &&
    ev.entry &&
    !savesAnything(text) &&
    !LOCAL_IMPORT.test(text)
  )
    noSave(
      facts,
      file,
      spanOf(quiet.node),
      `${quiet.callee}(…) without a checkpoint callback or save path, and nothing else in this file saves: no checkpoint is written`,
    );
}

/** No checkpoint is written while the run trains: `periodic_save: no`, from what the code leaves out. */
function noSave(facts: Map<FactKey, Fact>, file: string, span: Fact['span'], note: string): void {
  facts.set('periodic_save', { key: 'periodic_save', value: 'no', origin: 'framework-default', file, span, note });
}

/** Lightning's `Trainer.fit` checkpoints every epoch by default: never read as a Keras `fit`. */
const LIGHTNING = /^[ \t]*(import|from)[ \t]+(pytorch_lightning|lightning)\b/m;
/** A Keras model's `fit` (TensorFlow / Keras, or a library whose models are Keras models). */
const KERAS_FIT =
  /^[ \t]*(import|from)[ \t]+(tensorflow|keras|tf_keras|deepctr|deepmatch|spektral|keras_cv|keras_nlp|keras_hub|tensorflow_recommenders)\b/m;

/**
 * Devices the file states: Keras `multi_gpu_model(model, gpus=N)`, else one device where a plain single-process script
 * sets up no other (./single-device). `others`: the run's other files (the modules it calls) with their texts.
 */
export function statedDevices(
  file: string,
  text: string,
  tree: Tree,
  facts: Map<FactKey, Fact>,
  others: { file: string; text: string }[] = [],
  given?: (option: string) => boolean,
  /** Started by a plain `python script.py` (../link/single-device): one process. */
  oneProcess = false,
) {
  const cur = facts.get('devices');
  // The one device judged from the script alone is judged again with the modules its run calls (they may set up more).
  const again = others.length > 0 && cur?.note?.startsWith(SINGLE_PROCESS);
  if (cur && cur.origin !== 'assumed' && !again) return;
  const multi = findCalls(tree.rootNode, text, ['multi_gpu_model']).find((c) => c.kwargs.has('gpus'));
  const n = multi ? literal(multi.kwargs.get('gpus')?.value) : undefined;
  if (multi && typeof n === 'number' && Number.isInteger(n) && n > 0) {
    facts.set('devices', {
      key: 'devices',
      value: n,
      origin: 'explicit',
      file,
      span: spanOf(multi.node),
      note: `multi_gpu_model(…, gpus=${n}): the model is replicated on ${n} GPUs`,
    });
    // Keras splits each batch over the replicas: the batch the training call passes is the global one.
    const mb = facts.get('micro_batch');
    if (mb && typeof mb.value === 'number' && !facts.has('global_batch')) {
      facts.set('global_batch', { ...mb, key: 'global_batch', note: `${mb.note ?? ''} — split over ${n} GPUs` });
      facts.delete('micro_batch');
    }
    return;
  }
  const one = singleDevice(file, text, tree, others, given, oneProcess);
  if (one) facts.set('devices', one);
  else if (again) facts.delete('devices');
}

/** Words a generic run's label gives for why the file is a training run. */
export function trainingLabel(ev: TrainingEvidence): string {
  if (ev.held) return `training loop of a module (${ev.reasons.join(', ')}; read through the shared vocabulary)`;
  return `training script (${ev.reasons.join(', ')}; read through the shared vocabulary)`;
}

export type { RunDraft };
