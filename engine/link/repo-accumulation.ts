// Gradient accumulation of a run that nothing it reads states, from its whole repository. PyTorch, TensorFlow/Keras and
// JAX apply every gradient they compute: `optimizer.step()` after each `backward()`
// (https://pytorch.org/docs/stable/optim.html#taking-an-optimization-step, 2025), Keras `fit` one update per batch
// (https://keras.io/api/models/model_training_apis/#fit-method, 2025), optax one per `update` unless wrapped in
// `optax.MultiSteps` (https://optax.readthedocs.io/en/latest/api/optimizer_wrappers.html, 2025). Accumulating takes code that names it — a step under `if i % n == 0`, a
// loss divided by the steps, an `accumulate_grad_batches`/`gradient_accumulation_steps` setting, fairseq's
// `--update-freq`, optax's `MultiSteps` — so a repository whose code, launchers and configs hold none of these and
// that writes its own training update steps once per batch: grad_accum 1, `inferred`. The same bounded scan as the
// repository's precision and devices (./repo-defaults); a repository read only in part, or that uses a library with
// other defaults (Ultralytics accumulates up to a nominal batch of 64), is left alone.
import * as path from 'node:path';
import type { RunDraft } from '../extract/run-draft';
import type { Fact } from '../types';
import type { Linker } from './linker';
import { repoTexts } from './repo-defaults';

/** A word of accumulation in any file: a setting, a flag, a wrapper, or a loss divided by the steps. */
const ACCUM =
  /accum|update[_-]?freq|iters?_to_acc|backward_passes|MultiSteps|grad(?:ient)?[_-]?steps|step[_-]?every|every[_-]?n[_-]?steps|virtual[_-]?batch|(?:sub|mini|micro)[_-]?batch(?:es)?[_-]?per/i;
/** An optimizer step under a modulo condition (`if (i + 1) % k == 0:` and a step within the next lines). */
const EVERY_N = /\bif\b[^\n]*%[^\n]*:[ \t]*(?:#[^\n]*)?\n(?:[^\n]*\n){0,3}?[^\n]*(?:\.step\s*\(|apply_gradients\s*\()/;

/**
 * Words of accumulation that accumulate no gradients: comments that speak of gradients accumulating (`# PyTorch
 * accumulates gradients: zero them`), lists that collect timings or metrics (`sampling_time_accumulator = []`; a
 * gradient one is named so, `grad_accumulator`), and Keras TensorBoard's `update_freq`, how often the callback writes
 * its logs ("'batch' or 'epoch' or integer", https://keras.io/api/callbacks/tensorboard/), not fairseq's
 * `--update-freq`. A comment that names the technique (`# Gradient Accumulation for Smaller Batches` over a loop of
 * forward chunks that the code signs do not catch) still counts.
 */
const COMMENT = /(^|[ \t])#.*$/gm;
const NOT_ACCUMULATION = [COMMENT, /\b(?!grad)\w*accumulators?\b/gi, /\bTensorBoard\s*\([^()]*\)/g];
const NAMES_ACCUMULATION =
  /grad(?:ient)?[\s_-]*accumulation|accumulation[\s_-]*(?:steps?|iters?)\b|accumulate[\s_-]grad/i;

const saysAccumulation = (text: string) => {
  if ((text.match(COMMENT) ?? []).some((c) => NAMES_ACCUMULATION.test(c))) return true;
  const code = NOT_ACCUMULATION.reduce((t, re) => t.replace(re, ''), text);
  return ACCUM.test(code) || EVERY_N.test(code);
};

export function withRepoAccumulation(linker: Linker, file: string, drafts: RunDraft[]): RunDraft[] {
  if (!drafts.some((d) => !d.plan.facts.has('grad_accum'))) return drafts;
  const texts = repoTexts(linker, file);
  if (!texts) return drafts;
  if (saysAccumulation(linker.input.text)) return drafts;
  for (const [f, text] of texts) {
    if (path.resolve(f) === path.resolve(file)) continue;
    // A file too large to read is data (./repo-defaults: code or a launcher that cannot be read rules it out).
    if (text !== undefined && saysAccumulation(text)) return drafts;
  }
  const fact: Fact = {
    key: 'grad_accum',
    value: 1,
    origin: 'inferred',
    note: `no gradient accumulation anywhere in this repository (${texts.size} code, launcher and config files: no accumulation setting or flag, no step every N batches): one optimizer step per batch`,
  };
  return drafts.map((d) => {
    if (d.plan.facts.has('grad_accum')) return d;
    const facts = new Map(d.plan.facts);
    facts.set('grad_accum', fact);
    return { ...d, plan: { ...d.plan, facts } };
  });
}
