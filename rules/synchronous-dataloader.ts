import type { Rule } from './types';
import { at, setArg } from './helpers';

/**
 * GML401 synchronous-dataloader — the GPU waits while the main process loads each batch.
 */
export const synchronousDataloader: Rule = {
  code: 'GML401',
  name: 'synchronous-dataloader',
  defaultSeverity: 'warning',
  summary: 'A PyTorch DataLoader with no worker processes on a GPU run',
  doc: {
    whatItDoes:
      "Flags the training `DataLoader` of a GPU run when `num_workers` is 0 — written, or left at PyTorch's default — " +
      'and a written `dataloader_num_workers=0` in TrainingArguments. In a file of LightningModules run by a Trainer ' +
      "elsewhere, the training loader is the one each module's `train_dataloader()` returns: each such loader with " +
      "no workers is its own finding. A data module of the project that runs nothing by itself (the `dataset.py` a training script imports its loader from) is judged with the run of the training script that imports it, on the module's own line.",
    whyIsThisBad:
      'With no workers, loading, decoding and augmenting each batch happens in the training process while the GPU ' +
      'idles (PyTorch Performance Tuning Guide, "Enable asynchronous data loading and augmentation"; the PyTorch ' +
      'profiler flags it as SynchronizedDataLoaderPattern). The GPU draws power all the same.',
    example: 'DataLoader(train, batch_size=64, shuffle=True)',
    useInstead: 'DataLoader(train, batch_size=64, shuffle=True, num_workers=4, pin_memory=True)',
    fixSafety:
      'Unsafe: worker processes re-import the script on platforms that spawn (Windows, macOS) and need picklable ' +
      "datasets. Not flagged: CPU/MPS runs, the Trainer's default on text (pre-tokenised datasets load cheaply; on " +
      'images or audio it is information), loops with ' +
      'no DataLoader (nanoGPT-style memmap batches), a `TensorDataset` of tensors already in memory, workers set ' +
      'from a command-line option whose default is above 0.',
  },
  check(ctx) {
    const f = ctx.fact('num_workers');
    if (f?.value !== 0 || ctx.cpu) return [];
    const hf = ctx.plan.framework === 'hf-trainer' || ctx.plan.framework === 'trl';
    // The Trainer's default: pre-tokenised text loads cheaply, but images and audio are decoded and augmented per
    // sample in the training process — information on the arguments call.
    const media = ctx.value('modality') === 'vision' || ctx.value('modality') === 'audio';
    if (hf && f.origin !== 'explicit' && !(media && f.origin === 'framework-default')) return [];
    if (!hf && (!f.file || !f.span)) return [];
    // Indexing tensors already in memory is no per-sample work: worker processes would only add overhead.
    if (f.form === 'in-memory-data') return [];
    const edits = setArg(ctx, 'num_workers', hf ? 'dataloader_num_workers' : 'num_workers', 4);
    // The other training loaders of the file (one per LightningModule of a multi-stage file): each its own finding.
    const more = (f.also ?? []).map((a) => ({
      file: f.file,
      span: a.span,
      severity: ctx.accelerator ? undefined : ('information' as const),
      message: 'Batches are loaded in the training process (num_workers=0): the GPU waits for each one.',
      fixes: [],
    }));
    return [
      {
        ...at(f),
        severity: ctx.accelerator && !(hf && f.origin === 'framework-default') ? undefined : 'information',
        message: `Batches are loaded in the training process (num_workers=0${f.origin === 'explicit' ? '' : ', the default'}): the GPU waits for each one.`,
        fixes: edits ? [{ title: 'Load batches in 4 worker processes', applicability: 'unsafe', edits }] : [],
      },
      ...more,
    ];
  },
};
