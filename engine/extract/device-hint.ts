// Where a plain PyTorch or Lightning script runs, from its device strings (used by ./torch-loop and ./lightning), and the
// GPU branch of a Lightning count that falls back to the CPU (./lightning).
import type { SyntaxNode } from '../parse/python';
import { spanOf } from '../parse/python-syntax';
import type { Fact } from '../types';

/**
 * Where the script runs, from device strings: "cuda" anywhere means a GPU, and so does PyTorch's device-generic
 * `torch.accelerator` (2.6+: the current CUDA, ROCm, XPU or MPS device); only "mps" or only "cpu" says otherwise.
 */
export function deviceHint(file: string, root: SyntaxNode, text: string): Fact | undefined {
  if (/\bcuda\b|\.cuda\(|device_map|accelerator\s*=\s*["'](gpu|auto|cuda)|\btorch\.accelerator\./.test(text))
    return undefined;
  // accelerate's `Accelerator()` puts the run on the GPU when there is one (unless `cpu=True`): the device is its.
  if (/\bAccelerator\s*\(/.test(text) && !/\bcpu\s*=\s*True\b/.test(text)) return undefined;
  // A function parameter's default (`def pass_epoch(…, device='cpu')`) is the library's fallback, not the run's device:
  // the caller passes it. A comparison (`if self.device == torch.device('cpu'):`) tests the device, it does not pick it.
  const compared = (s: SyntaxNode) => {
    for (let p = s.parent; p && !/statement|assignment|argument$|clause$/.test(p.type); p = p.parent)
      if (p.type === 'comparison_operator') return true;
    return false;
  };
  // `torch.load(path, map_location="cpu")`: where a checkpoint is read into, not where the run computes.
  const loadTarget = (s: SyntaxNode) => {
    const arg = s.parent?.parent;
    return arg?.type === 'keyword_argument' && arg.childForFieldName('name')?.text === 'map_location';
  };
  const strings = root
    .descendantsOfType('string_content')
    .filter(
      (s) =>
        s &&
        /^(mps|cpu)(:\d+)?$/.test(s.text) &&
        !/default_parameter$/.test(s.parent?.parent?.type ?? '') &&
        !loadTarget(s) &&
        !compared(s),
    );
  const mps = strings.find((s) => s!.text.startsWith('mps'));
  const at = mps ?? strings[0];
  if (!at) return undefined;
  const value = mps ? 'mps' : 'cpu';
  return {
    key: 'hardware',
    value,
    origin: 'explicit',
    file,
    span: spanOf(at.parent ?? at),
    note: `device "${at.text}" and no CUDA device in this file`,
  };
}

/**
 * The count of the GPU branch of a setting that falls back to the CPU when no GPU is there (`gpus=1 if
 * torch.cuda.is_available() else 0`, `devices=1 if str(device).startswith("cuda") else None`, Lightning 1.x tutorials):
 * on a GPU machine the run takes that many devices. The CPU branch is the CPU convention's (a run that is not judged).
 */
export function gpuBranchCount(written: string): number | undefined {
  const m = /=\s*(\d+|\[[\d\s,]*\])\s+if\s+(.+?)\s+else\s+(0|None|\[\s*\]|(['"])cpu\4)\s*,?\s*$/s.exec(written);
  if (!m || !/\bcuda\b|is_available\s*\(|\bgpus?\b|device_count\s*\(/i.test(m[2])) return undefined;
  const n = m[1].startsWith('[') ? m[1].split(',').filter((x) => /\d/.test(x)).length : Number(m[1]);
  return n > 0 ? n : undefined;
}
