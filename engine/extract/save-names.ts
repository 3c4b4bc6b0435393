// Which calls write training state, by name: checkpoint writers (`torch.save`, `save_checkpoint`, a file's own
// `def save_ckpt(…)`) as opposed to writers of images, samples, plots or logs (used by ./python-loop).
import type { SyntaxNode } from '../parse/python';
import { enclosingDef } from './python-params';
import { findCalls } from '../parse/python-syntax';

/** Saves that write images, samples, plots, predictions or logs, not training state (save_image, savefig, savetxt). */
const NOT_CHECKPOINT =
  /^(save_images?|savefig|save_plots?|save_fig(ure)?s?|savetxt|save_samples?|save_audio|save_video|save_wav|save_results?|save_predictions?|save_outputs?|save_logs?|save_metrics|save_config|save_args|save_hyperparameters)$/;

/** Writers of results, pictures, logs or settings, not training state (read with ./python-trains-run `savesAnything`). */
export const NOT_STATE =
  /^(save_?(images?|results?|samples?|plots?|figs?|figures?|audio|video|wav|predictions?|outputs?|logs?|metrics|config|args|hyperparameters)|savefig|savetxt|imsave)$/i;

/**
 * A save named for the picture, plot or sound it writes whatever comes between (`save_scattered_image`,
 * `save_latent_plot`, `save_sample_grid` is not: its last word is no medium).
 */
export const writesMedia = (name: string) =>
  /^save_?\w*_(images?|imgs?|plots?|figs?|figures?|samples?|audio|video|wav|gifs?)$/i.test(name);

/** A call that writes a checkpoint, by name; torch.utils.checkpoint's `checkpoint(...)` recomputes, it does not save. */
export const isSaveName = (name: string) =>
  (/save|ckpt/i.test(name) && !NOT_CHECKPOINT.test(name) && !writesMedia(name)) ||
  (/checkpoint/i.test(name) && !/^checkpoint(_sequential)?$/.test(name) && !/hyperparameters/.test(name));

/**
 * NumPy's array writers (`np.save`, `np.savez`, `np.savez_compressed`: "Save an array to a binary file in NumPy
 * .npy format", https://numpy.org/doc/stable/reference/generated/numpy.save.html): the evaluation returns, embeddings
 * or features a loop writes beside its training, not the state a framework restores.
 */
const ARRAY_SAVE = /^(np|numpy|onp|jnp)\.save(z|z_compressed)?$/;

/**
 * A `.save(…)` of an object that records media (`self.video_recorder.save(f)`, `gif_writer.save`, `gif[0].save`), or
 * an array written by NumPy (`np.save(f"./results/{name}", evaluations)`).
 */
export const mediaSave = (callee: string): boolean =>
  /(^|[._])\w*(video|recorder|image|img|fig|figure|plot|audio|gif|frames?|movie)\w*(\[[^\]]*\])?\.save$/i.test(
    callee,
  ) || ARRAY_SAVE.test(callee);

/** Functions defined in this file whose body saves (one level: `def save_ckpt(...): torch.save(...)`). */
export function savingFunctions(root: SyntaxNode, text: string): Set<string> {
  const out = new Set<string>();
  // Any `save_…` method the file calls (`save_to_folder`), besides the usual names, unless it writes images or logs.
  const named = new Set(['save', 'save_state', 'save_pretrained', 'save_model', 'save_checkpoint']);
  for (const m of text.matchAll(/\.\s*(save_\w+)\s*\(/g)) if (!NOT_CHECKPOINT.test(m[1])) named.add(m[1]);
  for (const c of findCalls(root, text, [...named])) {
    // `toimage(x).save(fn)` writes a picture; a function named for what it writes (`save_result`) is no checkpoint.
    if (/\)\s*\.\s*save$/.test(c.callee) || mediaSave(c.callee)) continue;
    const fn = enclosingDef(c.node);
    const name = fn?.childForFieldName('name')?.text;
    if (name && !NOT_CHECKPOINT.test(name)) out.add(name);
  }
  return out;
}
