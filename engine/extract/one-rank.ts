// One data-parallel rank for a run that is one process: the script analysed alone (read as `python script.py`, its own
// defaults) or started by a plain `python` command (../link/single-device decides which runs). Two libraries keep such
// a process to one rank however many GPUs are visible, so each batch the loader gives is the whole batch of an
// optimizer step:
// - accelerate: outside `accelerate launch` (or torchrun) `Accelerator()` sets up a world of one — "launching on
//   multi-GPU instances requires a different launch command than just `python myscript.py`"
//   (https://huggingface.co/docs/accelerate/basic_tutorials/launch) — and it never wraps a model in `nn.DataParallel`
//   (accelerate/accelerator.py `prepare_model`: DDP, FSDP or DeepSpeed only in a distributed state);
// - a Hugging Face / TRL trainer over a model that `device_map="auto"` (or "balanced", "sequential") spreads over the
//   visible GPUs: the Trainer sees `hf_device_map`, counts the model as model-parallel and sets `n_gpu` to 1, so no
//   DataParallel (transformers/trainer.py `Trainer.__init__`, `is_model_parallel`).
// The GPU count itself stays open (`devices` is not claimed): only the data-parallel degree, `dp` 1, which
// ../plan-batch multiplies out. Not where the run also holds what splits a batch or starts processes on its own:
// `nn.DataParallel`, any other library trainer (the Hugging Face Trainer wraps DataParallel over every visible GPU;
// Lightning starts a process per GPU), `spawn`, accelerate's `notebook_launcher`, Fabric, TensorFlow strategies, JAX
// `pmap`/sharding, Ray, Dask.
import type { Tree } from 'web-tree-sitter';
import type { Fact, FactKey } from '../types';
import { runsAtTop } from './single-device';
import { codeText } from './python-code-text';
import { libraryTrainer, ownTrainers, TRAINER_NAME } from './own-trainers';
import { usedDefinitions } from './used-definitions';

const ACCELERATOR = /\bAccelerator\s*\(/;
/** A device map that spreads one model over every visible GPU (accelerate's big-model placement). */
const SPREAD_MAP = /\bdevice_map\s*=\s*['"](auto|balanced|balanced_low_0|sequential)['"]/;

/** What uses several devices inside one process, or starts further processes itself. */
const IN_PROCESS =
  /\bDataParallel\s*\(|\bspawn\s*\(|\b(notebook|debug)_launcher\b|\bFabric\s*\(|\b(import|from)\s+(pytorch_)?lightning\b|tf\.distribute|Strategy\s*\(|multi_gpu_model|keras\.distribution|\bpmap\b|\bpjit\b|shard_map|\bxmap\b|\bMesh\s*\(|NamedSharding|jax_utils\.replicate|\b(import|from)\s+(ray|dask)\b/;

/**
 * `dp` 1 for a run of `file` (with the other Python files of its run, `others`) where it builds an `Accelerator`, or
 * trains with a library trainer over a model a device map spreads, and nothing in its files splits a batch or starts
 * processes in the one process. `file` must run something itself: a config module read with the script that trains
 * (../link/config-readers) fixes no process count of its own.
 */
export function oneRank(
  file: string,
  text: string,
  tree: Tree,
  others: { file: string; text: string }[] = [],
): Fact | undefined {
  if (!runsAtTop(text, tree)) return undefined;
  const importers = [text, ...others.map((o) => o.text)];
  const files = [
    { file, code: codeText(text) },
    ...others.map((o) => ({ file: o.file, code: codeText(usedDefinitions(o.file, o.text, importers)) })),
  ];
  if (files.some((f) => IN_PROCESS.test(f.code))) return undefined;
  const own = ownTrainers(files.map((f) => f.code));
  if (unseenTrainer(files.map((f) => f.code))) return undefined;
  const trainer = files.some((f) => libraryTrainer(f.code, own));
  const why = trainer
    ? 'a Hugging Face trainer over a model `device_map` spreads is model-parallel: `n_gpu` 1, no DataParallel'
    : '`Accelerator()` run by plain `python` is a world of one';
  for (const f of files) {
    const m = (trainer ? SPREAD_MAP : ACCELERATOR).exec(f.code);
    if (!m) continue;
    return {
      key: 'dp',
      value: 1,
      origin: 'inferred',
      form: 'one-process',
      file: f.file,
      span: { start: m.index, end: m.index + m[0].length },
      note: `one process: ${why} — each loader batch is the whole batch of an optimizer step, however many GPUs are visible`,
    };
  }
  return undefined;
}

/**
 * A trainer class the run calls (`SotopiaSFTTrainer(args, accelerator)`) that no file of the run defines: it may derive
 * from a library trainer (a Hugging Face `Trainer` subclass wraps DataParallel), so the run is not judged. The library
 * names themselves are `libraryTrainer`'s.
 */
function unseenTrainer(codes: string[]): boolean {
  const defined = new Set(codes.flatMap((c) => [...c.matchAll(/^[ \t]*class[ \t]+(\w+)/gm)].map((m) => m[1])));
  return codes.some((c) =>
    [...c.matchAll(/(?<!class[ \t]+)\b(\w+Trainer)\s*\(/g)].some((m) => !defined.has(m[1]) && !TRAINER_NAME.test(m[1])),
  );
}

/** Sets `dp` 1 (`oneRank`) on a run whose files state no device count and no data-parallel degree. */
export function withOneRank(
  file: string,
  text: string,
  tree: Tree,
  facts: Map<FactKey, Fact>,
  others: { file: string; text: string }[] = [],
): void {
  const devices = facts.get('devices');
  if (facts.has('dp') || (devices && devices.origin !== 'assumed')) return;
  const f = oneRank(file, text, tree, others);
  if (f) facts.set('dp', f);
}
