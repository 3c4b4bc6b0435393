// The generic reader and the vocabulary in the linker: a file's entries with those of the base configs it inherits
// (detectron2 `_BASE_`, mmengine `_base_`, gin `include`; read through the FileReader, at most three levels), and
// the run they make when no framework reader claims the file.
import * as path from 'node:path';
import { readEntries, type EntrySet } from '../extract/generic';
import { vocabRun } from '../extract/vocab-run';
import type { RunDraft } from '../extract/run-draft';
import type { Tree } from '../parse/python';
import type { Linker } from './linker';
import { commandsOf, LAUNCHER_RANK, launcherOverlay, mergeRun } from './merge';
import { cachedTree } from './tree-cache';

const MAX_BASE_DEPTH = 3;

/** Entry sets of a file, its bases first; `complete` is false when a base could not be read. */
export function entrySets(
  linker: Linker,
  file: string,
  text: string,
  tree?: Tree,
): { sets: EntrySet[]; complete: boolean } {
  let complete = true;
  const seen = new Set<string>();
  const load = (f: string, t: string, own: Tree | undefined, depth: number): EntrySet[] => {
    const abs = path.resolve(f);
    if (seen.has(abs)) return [];
    seen.add(abs);
    let tr = own;
    if (!tr && /\.pyi?$/i.test(f) && linker.parser) tr = cachedTree(abs, t, linker.parser);
    const set = readEntries(linker.id(f), t, tr);
    if (!set) return [];
    const bases: EntrySet[] = [];
    for (const b of set.bases) {
      const target = depth < MAX_BASE_DEPTH ? linker.resolve(f, b.path) : undefined;
      const bt = target ? linker.read(target) : undefined;
      if (!target || bt === undefined) {
        complete = false;
        continue;
      }
      bases.push(...load(target, bt, undefined, depth + 1));
    }
    return [...bases, set];
  };
  return { sets: load(file, text, tree, 0), complete };
}

/** Words of training settings and config frameworks: a Python file without a few of them is not read generically. */
const TRAINING_WORDS =
  /\b(batch_size|micro_batch_size|global_batch_size|train_batch_size|ims_per_batch|total_batch_size|samples_per_gpu|batch|epochs|num_epochs|max_epochs|num_train_epochs|max_iter|max_iters|max_steps|train_steps|train_iters|learning_rate|base_lr|lr|gradient_accumulation_steps|amp|half_precision|mixed_precision|bf16|fp16|precision|imgsz|_base_|train_cfg|optim_wrapper)\b/gi;
const CONFIG_IMPORTS =
  /^\s*(from|import)\s+(ultralytics|detectron2|mmengine|mmdet|mmcv|mmpretrain|ml_collections|yacs|timm|composer|olmo_core)\b/m;

/** True when a Python file may be a training config worth the generic reader's walk (which costs a few ms per 1,000 lines). */
export function mayBeConfig(text: string): boolean {
  // OpenMMLab configs that only inherit (`_base_ = [...]`) are configs by construction.
  if (CONFIG_IMPORTS.test(text) || /^_base_\s*=/m.test(text)) return true;
  const seen = new Set<string>();
  for (const m of text.matchAll(TRAINING_WORDS)) if (seen.add(m[1].toLowerCase()).size >= 3) return true;
  return false;
}

/** The vocabulary's run of a file no framework reader claimed (a config alone, a launcher whose script is elsewhere). */
export function vocabDrafts(linker: Linker, file: string, text: string, tree?: Tree): RunDraft[] {
  if (/\.pyi?$/i.test(file) && !mayBeConfig(text)) return [];
  const { sets, complete } = entrySets(linker, file, text, tree);
  const d = vocabRun(sets, { basesComplete: complete });
  if (!d) return [];
  // Said on the run (CodeLens, plan), not as a file error: an include outside the workspace is normal.
  if (!complete) d.plan.entry.label += ' — a base config it inherits could not be read: no framework defaults applied';
  if (/\.(sh|bash|slurm|sbatch)$/i.test(file)) {
    // Devices and hardware from the launcher's own options (torchrun, SLURM), over the script's flags.
    const cmd = commandsOf(file, text)[0];
    return [cmd ? mergeRun(d, [{ overlay: launcherOverlay(file, cmd), rank: LAUNCHER_RANK }], undefined) : d];
  }
  return [linker.enrich(d)];
}
