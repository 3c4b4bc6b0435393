// The hosted runtime a notebook records in its own metadata (../parse/notebook.ts `runtime`): Google Colab writes the
// runtime type it was saved on — `"accelerator": "GPU"` and, since 2023, `"colab": {"gpuType": "T4"}` — and a Colab
// GPU runtime has exactly one GPU (https://research.google.com/colaboratory/faq.html, "What types of GPUs are
// available in Colab?": one T4, L4 or A100 per runtime). Kaggle writes `"kaggle": {"accelerator": …}`:
// "nvidiaTeslaP100" (one P100) and "nvidiaTeslaT4" ("GPU T4 x2": two T4s, https://www.kaggle.com/docs/efficient-gpu-usage),
// "gpu" (one GPU, the chip not named), "none" or a TPU. These are the notebook's words about where it runs, not the
// code's: they fill only what the code leaves open (engine/plan.ts `fillFromNotebookRuntime`).
import type { NotebookPython } from '../parse/notebook';
import type { Fact } from '../types';

/** Colab `gpuType` → accelerator id (core/data/accelerators.ts): Colab's A100 is the 40 GB SXM4 card, its V100 16 GB. */
const COLAB_GPUS: Record<string, string> = {
  T4: 't4',
  L4: 'l4',
  A100: 'a100-sxm4-40gb',
  V100: 'v100-sxm2-16gb',
  P100: 'p100-pcie-16gb',
  K80: 'k80',
};

/** Kaggle `accelerator` → chip and count; "gpu" is one GPU of a chip it does not name. */
const KAGGLE_GPUS: Record<string, { chip?: string; count: number }> = {
  nvidiaTeslaT4: { chip: 't4', count: 2 },
  nvidiaTeslaP100: { chip: 'p100-pcie-16gb', count: 1 },
  gpu: { count: 1 },
};

/** The hardware and device count the notebook's metadata states, as facts of the notebook `file` (JSON offsets). */
export function notebookRuntimeFacts(file: string, rt: NotebookPython['runtime']): Fact[] {
  const out: Fact[] = [];
  const colab = rt.colabAccelerator?.value === 'GPU' ? rt.colabAccelerator : undefined;
  const kaggle = rt.kaggleAccelerator ? KAGGLE_GPUS[rt.kaggleAccelerator.value] : undefined;
  // A notebook saved on both (moved from Kaggle to Colab, or back) records both; where they disagree on the count,
  // the metadata does not say which runtime ran it.
  if (colab && (!kaggle || kaggle.count === 1)) {
    const chip = rt.colabGpuType ? COLAB_GPUS[rt.colabGpuType.value] : undefined;
    out.push({
      key: 'devices',
      value: 1,
      origin: 'inferred',
      file,
      span: { start: colab.start, end: colab.end },
      note: 'the notebook was saved on a Colab GPU runtime ("accelerator": "GPU"): one GPU',
    });
    if (chip && rt.colabGpuType)
      out.push({
        key: 'hardware',
        value: chip,
        origin: 'inferred',
        file,
        span: { start: rt.colabGpuType.start, end: rt.colabGpuType.end },
        note: `the notebook was saved on a Colab ${rt.colabGpuType.value} runtime ("gpuType": "${rt.colabGpuType.value}")`,
      });
    return out;
  }
  if (!kaggle || colab || !rt.kaggleAccelerator) return out;
  const at = { start: rt.kaggleAccelerator.start, end: rt.kaggleAccelerator.end };
  const says = `the notebook was saved on a Kaggle "${rt.kaggleAccelerator.value}" runtime`;
  // Two T4s are visible, but a plain loop uses one and a Trainer both: the count is the code's.
  if (kaggle.count === 1)
    out.push({ key: 'devices', value: 1, origin: 'inferred', file, span: at, note: `${says}: one GPU` });
  if (kaggle.chip) out.push({ key: 'hardware', value: kaggle.chip, origin: 'inferred', file, span: at, note: says });
  return out;
}
